"""The chronology pages and the visual timeline's events.

One entry per event (`story.timeline` already merged the articles): its clause, its date at its
precision, the other dates of its sentence, a link to the sentence in every source article, and every
version when articles date it differently. Background events (`context`) form their own group. Past
`SPLIT_AT` events the chronology becomes an index page plus one page per year (and one for the
context), so no page grows without end; the navigation keeps its one "Cronologie" entry.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..chronology import sort_key
from ..model import Event, Story
from .labels import MONTHS, count
from .opendata import headline
from .site import CHRONOLOGY, Helpers, Site
from .timeline_visual import render_timeline

SPLIT_AT = 200  # events on one page; past it, one page per year (per month in a busy year)
VISUAL_AT = 400  # events in the index's visual timeline; past it, each part page draws its own
MONTHS_AT = 12  # a year with more events than this gets a heading per month
LABEL_MAX = 80  # characters of an event's clause in the visual timeline
CONTEXT_TITLE = "Context"
CONTEXT_PAGE = "cronologie/context.md"
TIMELINE_TITLE = "Cronologia, pe axa timpului"


@dataclass
class Group:
    """A heading of the chronology (a year, or the context) with its events, by month when many."""

    title: str
    slug: str
    events: list[Event] = field(default_factory=list)
    months: list[tuple[str, list[Event]]] = field(default_factory=list)

    @property
    def all_events(self) -> list[Event]:
        """Every event of the group, in order (those under month headings included)."""
        return self.events + [e for _, events in self.months for e in events]


@dataclass
class Page:
    """One chronology page: its groups, and for the index of a split chronology the year pages."""

    path: str
    title: str
    groups: list[Group]
    parts: list[tuple[str, str, int]] = field(default_factory=list)  # (title, path, events)
    up: Optional[str] = None  # the index, from a year page


def event_pages(timeline: list[Event]) -> dict[str, str]:
    """The page of each event: all on one page, or its part of a split chronology past `SPLIT_AT`."""
    if len(timeline) <= SPLIT_AT:
        return {e.id: CHRONOLOGY for e in timeline}
    return {e.id: path for path, g in _parts(timeline) for e in g.all_events}


def year_page(year: str) -> str:
    """The page of one year of a split chronology."""
    return f"cronologie/{year}.md"


def pages(story: Story) -> list[Page]:
    """The chronology page, or its index and one page per year (per month in a busy year) when long."""
    if len(story.timeline) <= SPLIT_AT:
        return [Page(CHRONOLOGY, "Cronologie", group(story.timeline))]
    parts = _parts(story.timeline)
    index = Page(CHRONOLOGY, "Cronologie", [], parts=[(g.title, path, len(g.all_events)) for path, g in parts])
    return [index] + [Page(path, f"Cronologie: {g.title}", [g], up=CHRONOLOGY) for path, g in parts]


def _parts(timeline: list[Event]) -> list[tuple[str, Group]]:
    """(path, group) of each page of a split chronology: the context, then one page per year (its group,
    by month when busy); a year with more than `SPLIT_AT` events gets one page per month, and any part
    still over it is cut into numbered pages, so no page grows without end."""
    out: list[tuple[str, Group]] = []
    for g in group(timeline):
        if g.slug == "context":
            out += _numbered(CONTEXT_PAGE[:-3], g)
        elif len(g.all_events) <= SPLIT_AT:
            out.append((year_page(g.title), g))
        else:
            for title, events in g.months:
                out += _numbered(f"cronologie/{_month_slug(events[0])}", Group(title, title, events=events))
    return out


def _numbered(stem: str, g: Group) -> list[tuple[str, Group]]:
    """A group of plain events on `stem.md`, cut into `stem-2.md`, `stem-3.md`, … past `SPLIT_AT`."""
    events = g.events
    return [(f"{stem}-{n}.md" if n > 1 else f"{stem}.md",
             Group(f"{g.title} ({n})" if n > 1 else g.title, g.slug, events=events[start:start + SPLIT_AT]))
            for n, start in enumerate(range(0, len(events), SPLIT_AT), start=1)]


def _month_slug(e: Event) -> str:
    """'2024-05' for an event of May 2024; '2024-00' for one dated only to the year."""
    return f"{e.date[:4]}-{sort_key(e.date)[0].month:02d}" if _has_month(e) else f"{e.date[:4]}-00"


def _has_month(e: Event) -> bool:
    """Whether an event's date names its month."""
    return len(e.date) > 4 and e.date[4:5] == "-"


def group(timeline: list[Event]) -> list[Group]:
    """The context first, then one group per year; a busy year split by month."""
    out: list[Group] = []
    context = [e for e in timeline if e.context]
    if context:
        out.append(Group(CONTEXT_TITLE, "context", events=context))
    years: dict[str, list[Event]] = {}
    for e in timeline:
        if not e.context:
            years.setdefault(e.date[:4], []).append(e)
    for year, events in years.items():
        g = Group(year, year)
        if len(events) > MONTHS_AT:
            g.months = _by_month(year, events)
        else:
            g.events = events
        out.append(g)
    return out


def _by_month(year: str, events: list[Event]) -> list[tuple[str, list[Event]]]:
    """Events under month headings; those dated only to the year come first."""
    months: dict[str, list[Event]] = {}
    for e in events:
        if not _has_month(e):
            title = f"{year}, fără lună precizată"
        else:
            title = f"{MONTHS[sort_key(e.date)[0].month - 1]} {year}"
        months.setdefault(title, []).append(e)
    return list(months.items())


def visual(events: list[Event], h: Helpers, site: Site, compact: bool = False) -> str:
    """The visual timeline of `events`, coloured by the article that first reports each one."""
    order = {f.article.id: i for i, f in enumerate(site.story.articles, start=1)}
    items = []
    for e in events:
        first = e.sources[0].article
        label = headline(e.clause or e.text, LABEL_MAX) + (" (disputat)" if e.disputed else "")
        items.append({"date": e.date, "mod": e.mod, "label": label, "href": h.event_href(e),
                      "group": 0 if e.context else order.get(first, 0),
                      "group_label": CONTEXT_TITLE if e.context else h.label(site.by_id[first])})
    title = "Evenimentele, pe axa timpului" if compact else TIMELINE_TITLE
    return render_timeline(items, compact=compact, title=title)


def events_label(n: int) -> str:
    """ "1 eveniment", "20 de evenimente"."""
    return count(n, "eveniment", "evenimente")
