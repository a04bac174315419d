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

SPLIT_AT = 200  # events on one page; past it, one page per year
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


@dataclass
class Page:
    """One chronology page: its groups, and for the index of a split chronology the year pages."""

    path: str
    title: str
    groups: list[Group]
    parts: list[tuple[str, str, int]] = field(default_factory=list)  # (title, path, events)
    up: Optional[str] = None  # the index, from a year page


def event_pages(timeline: list[Event]) -> dict[str, str]:
    """The page of each event: all on one page, or by year past `SPLIT_AT`."""
    if len(timeline) <= SPLIT_AT:
        return {e.id: CHRONOLOGY for e in timeline}
    return {e.id: CONTEXT_PAGE if e.context else year_page(e.date[:4]) for e in timeline}


def year_page(year: str) -> str:
    """The page of one year of a split chronology."""
    return f"cronologie/{year}.md"


def pages(story: Story) -> list[Page]:
    """The chronology page, or its index and one page per year (and the context) when long."""
    groups = group(story.timeline)
    if len(story.timeline) <= SPLIT_AT:
        return [Page(CHRONOLOGY, "Cronologie", groups)]
    parts = [(g.title, CONTEXT_PAGE if g.slug == "context" else year_page(g.title), _size(g)) for g in groups]
    index = Page(CHRONOLOGY, "Cronologie", [], parts=parts)
    return [index] + [Page(path, f"Cronologie: {g.title}", [g], up=CHRONOLOGY)
                      for g, (_, path, _) in zip(groups, parts)]


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
        if len(e.date) == 4 or e.date[4:5] != "-":
            title = f"{year}, fără lună precizată"
        else:
            title = f"{MONTHS[sort_key(e.date)[0].month - 1]} {year}"
        months.setdefault(title, []).append(e)
    return list(months.items())


def _size(g: Group) -> int:
    """How many events a group holds."""
    return len(g.events) + sum(len(events) for _, events in g.months)


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
