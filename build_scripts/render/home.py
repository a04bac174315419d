"""The home page: the story told in a few blocks, not a dump of every lead.

The editor's summary first (else the newest article's lead and one line per other article); "Pe scurt"
(when, where, who, sources); what is known, disputed and unknown; key figures; the latest events and
what comes next, over a compact visual timeline; the people who matter most; every article.
"""
from __future__ import annotations

import datetime as dt
import functools
import itertools
from dataclasses import dataclass, field
from typing import Any, Optional

from ..chronology import sort_key
from ..model import ArticleFacts, Event, Sentence, Story, StoryEntity
from . import figures
from .markup import paragraphs
from .site import Helpers, Site

LATEST_EVENTS = 5
STRIP_GAP_DAYS = 60  # the home strip shows the story's recent run of events, up to gaps this long
UPCOMING_EVENTS = 3
TOP_PEOPLE = 6
TOP_PLACES = 6
HOME_LIST = 20  # articles listed on the home page (the articles index lists them all)
HOME_DISPUTES = 10  # disputed figures and dates of each kind shown on the home page (the method page has more)
STRIP_MAX = 60  # events in the home page's small timeline: those around the newest article


@dataclass
class Lead:
    """How the page opens: the editor's summary, or the newest article's lead and the others in a line."""

    summary: list = field(default_factory=list)
    newest: Optional[ArticleFacts] = None
    sentence: Optional[Sentence] = None
    others: list[ArticleFacts] = field(default_factory=list)


def context(story: Story, site: Site, h: Helpers, timeline_html: str, reuse=None) -> dict[str, Any]:
    """Everything the home template shows (`reuse`: see `figures.key_figures`)."""
    dated = [e for e in story.timeline if not e.context]
    latest, upcoming = _latest(dated, site.newest)
    disputed_figures = figures.disputed_figures(story)
    date_conflicts = [(c, site.events.get((c.versions[0].article, c.versions[0].sentence)))
                      for c in story.conflicts if c.kind == "date" and len(c.versions) > 1]
    story_lead = lead(story)
    newest = newest_first(story.articles)
    return {
        "lead": story_lead,
        "lead_others": story_lead.others[:HOME_LIST],
        "more_others": max(0, len(story_lead.others) - HOME_LIST),
        "when": when(story.timeline),
        "places": top_places(story),
        "people": top_people(story),
        "outlets": list(dict.fromkeys(f.article.source for f in story.articles if f.article.source)),
        "figures": figures.key_figures(story, reuse=reuse),
        "disputed_figures": disputed_figures[:HOME_DISPUTES],
        "date_conflicts": date_conflicts[:HOME_DISPUTES],
        "disputed_count": len(disputed_figures) + len(date_conflicts) + len(story.info.disputed),
        "more_disputes": max(0, len(disputed_figures) - HOME_DISPUTES) + max(0, len(date_conflicts) - HOME_DISPUTES),
        "latest": latest,
        "upcoming": upcoming,
        "timeline": timeline_html,
        "newest_articles": newest[:HOME_LIST],
        "articles_total": len(newest),
    }


def lead(story: Story) -> Lead:
    """The editor's summary; without one, the newest article's first sentence and the rest in a line."""
    if story.info.summary and story.info.summary.strip():
        return Lead(summary=paragraphs(story.info.summary))
    articles = newest_first(story.articles)
    if not articles:
        return Lead()
    newest = articles[0]
    sentence = next((s for s in newest.article.sentences if not s.furniture), None)
    return Lead(newest=newest, sentence=sentence, others=articles[1:])  # the page shows HOME_LIST of them


def newest_first(articles: list[ArticleFacts]) -> list[ArticleFacts]:
    """Articles by publication date, newest first (undated last)."""
    return sorted(articles, key=lambda f: (f.article.published is not None, f.article.published or dt.date.min),
                  reverse=True)


def when(timeline: list[Event]) -> Optional[tuple[Event, Event]]:
    """First and last dated event of the story itself (background years, `context`, left out)."""
    dated = sorted((e for e in timeline if not e.context), key=lambda e: sort_key(e.date))
    return (dated[0], dated[-1]) if dated else None


def recent_run(timeline: list[Event], newest: Optional[dt.date]) -> list[Event]:
    """The events around the newest article: from it, backwards and forwards, until a stretch of more
    than `STRIP_GAP_DAYS` without any event. A background year or a far plan would squash the story's
    weeks into a corner of the home page's small timeline; the chronology page shows everything."""
    spans = [(e, *_span(e)) for e in timeline if not e.context]
    if not spans:
        return []
    spans.sort(key=lambda t: (t[1], t[2]))
    anchor = newest or spans[-1][1]
    middle = min(range(len(spans)), key=lambda i: (abs((spans[i][1] - anchor).days), -i))
    reach_before = list(itertools.accumulate((t[2] for t in spans), max))  # latest end up to each event
    lo = hi = middle
    reach = spans[middle][2]
    while lo > 0 and (spans[lo][1] - reach_before[lo - 1]).days <= STRIP_GAP_DAYS:
        lo -= 1
    while hi < len(spans) - 1 and (spans[hi + 1][1] - reach).days <= STRIP_GAP_DAYS:
        hi += 1
        reach = max(reach, spans[hi][2])
    # A long run keeps the events nearest the newest article, mostly before it.
    after = min(hi - middle, STRIP_MAX // 4)
    lo = max(lo, middle + after + 1 - STRIP_MAX)
    hi = min(hi, lo + STRIP_MAX - 1)
    return [t[0] for t in spans[lo:hi + 1]]


def _span(event: Event) -> tuple[dt.date, dt.date]:
    """First and last day an event's date covers."""
    return _date_span(event.date)


@functools.lru_cache(maxsize=8192)  # a few thousand distinct values, asked for again and again
def _date_span(value: str) -> tuple[dt.date, dt.date]:
    start, _ = sort_key(value)
    last = value.split("/")[-1]
    end = sort_key(last)[0]
    if len(last) == 4:
        end = dt.date(int(last), 12, 31)
    elif len(last) == 7 and last[4] == "-" and last[5:].isdigit():
        end = (dt.date(end.year, end.month, 28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    elif "-W" in last or last[5:] in ("SP", "SU", "FA", "WI"):
        end = end + dt.timedelta(days=6 if "-W" in last else 89)
    return start, max(start, end)


def top_places(story: Story) -> list[StoryEntity]:
    """The most mentioned places."""
    places = [e for e in story.entities if e.kind == "place"]
    return sorted(places, key=lambda e: (-len(e.mentions), e.name))[:TOP_PLACES]


def top_people(story: Story, limit: int = TOP_PEOPLE) -> list[StoryEntity]:
    """People ranked by mentions and quotes."""
    people = [e for e in story.entities if e.kind == "person"]
    return sorted(people, key=lambda e: (-(len(e.mentions) + e.quotes), e.name))[:limit]


def _latest(dated: list[Event], newest: Optional[dt.date]) -> tuple[list[Event], list[Event]]:
    """The last events up to the newest article, newest first, and the planned ones after it."""
    if newest is None:
        return dated[-LATEST_EVENTS:][::-1], []
    past = [e for e in dated if sort_key(e.date)[0] <= newest]
    future = [e for e in dated if sort_key(e.date)[0] > newest]
    return past[-LATEST_EVENTS:][::-1], future[:UPCOMING_EVENTS]
