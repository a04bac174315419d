"""Merge the dated events of every article into one chronology.

An event is a sentence with a resolved calendar date (not a duration). The same event reported by
several articles - same date value, sentences sharing enough content words - appears once, with all
its sources. Entries are ordered by the date they point to, then by the order of the articles.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from .lang import ascii_fold
from .model import ArticleFacts, Event, EventSource

SAME_EVENT_OVERLAP = 0.34  # share of content words two sentences need to be one event
_POINT = r"\d{4}(?:-\d{2}(?:-\d{2}(?:TNI|TEV|TMO|TAF)?)?|-W\d{2}|-(?:SP|SU|FA|WI))?"
_CALENDAR = re.compile(rf"^{_POINT}(?:/{_POINT})?$")
_SEASON_MONTH = {"WI": 1, "SP": 3, "SU": 6, "FA": 9}


def build_timeline(articles: list[ArticleFacts]) -> list[Event]:
    """Every dated event of `articles`, merged and in date order."""
    events: list[Event] = []
    order: dict[int, int] = {}
    by_date: dict[str, list[Event]] = {}
    for a_index, facts in enumerate(articles):
        # An article's events never merge with each other, so only those of earlier articles are
        # candidates: this keeps a huge article linear instead of quadratic in its dates.
        earlier = {value: list(found) for value, found in by_date.items()}
        sentences = {s.id: s for s in facts.article.sentences}
        seen: set[tuple[str, str]] = set()
        quoted = [(q.sentence, q.start, q.end) for q in facts.quotes if q.direct]
        for mention in facts.dates:
            if mention.type != "DATE" or not mention.value or not _CALENDAR.match(mention.value):
                continue
            if "dateline" in mention.flags:
                continue  # the dateline dates the dispatch, not an event
            if any(s == mention.sentence and a <= mention.start < b for s, a, b in quoted):
                continue  # a date inside someone's words is theirs to place: say less
            if (mention.value, mention.sentence) in seen:
                continue
            seen.add((mention.value, mention.sentence))
            sentence = sentences[mention.sentence]
            source = EventSource(article=facts.article.id, sentence=sentence.id, text=sentence.text,
                                 date_text=mention.text)
            twin = _same_event(earlier.get(mention.value, []), mention.value, _words(sentence.text, mention.text), facts.article.id)
            if twin is not None:
                twin.sources.append(source)
                continue
            events.append(Event(date=mention.value, mod=mention.mod, text=sentence.text, sources=[source]))
            by_date.setdefault(mention.value, []).append(events[-1])
            order[id(events[-1])] = a_index
    return sorted(events, key=lambda e: (sort_key(e.date), order[id(e)], e.sources[0].sentence))


def sort_key(value: str) -> tuple:
    """Chronological key for a TIMEX3 value: the first day it covers, then coarser before finer."""
    value = value.split("/")[0][:10]
    year = int(value[:4])
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return (dt.date.fromisoformat(value), 2)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return (dt.date(year, int(value[5:7]), 1), 1)
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        return (dt.date.fromisocalendar(year, int(value[6:8]), 1), 1)
    if value[5:] in _SEASON_MONTH:
        return (dt.date(year, _SEASON_MONTH[value[5:]], 1), 0)
    return (dt.date(year, 1, 1), 0)


def _words(text: str, date_text: str) -> set[str]:
    """Content words of a sentence, without its date expression (shared by definition) or numbers."""
    text = text.replace(date_text, " ")
    return {w for w in re.findall(r"[^\W\d]+", ascii_fold(text).lower()) if len(w) > 3}


def _same_event(events: list[Event], value: str, words: set[str], article: str) -> Optional[Event]:
    for event in events:
        if event.date != value or any(s.article == article for s in event.sources):
            continue
        other = _words(event.text, event.sources[0].date_text)
        if words and other and len(words & other) / min(len(words), len(other)) >= SAME_EVENT_OVERLAP:
            return event
    return None
