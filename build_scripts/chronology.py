"""Merge the dated events of every article into one chronology.

An event is a sentence with a resolved calendar date (not a duration, not an age). A sentence is one
event, filed under its most specific date (a day beats a week, a month, a season, a year); its other
dates are named beside it. The same event reported by several articles, or twice in one (the same
sentence give or take spacing, punctuation and case), is one entry with all its sources: same date, and
enough content words in common. Dates in someone's quoted words, datelines, and page furniture (posts,
bylines, "Citește și"), and dates that are only a point of comparison ("față de anul trecut"), are
never events; a date that names a thing ("bugetul pe 2026") is named beside the sentence's own date, never
filed under. A date years before the story's own time ("1986") goes to the
context group. Entries are in date order; each keeps the clause around its date for the page, the whole
sentence being one click away in its article.
"""
from __future__ import annotations

import functools
import datetime as dt
import re
from typing import NamedTuple, Optional

from .lang import ascii_fold
from .model import ArticleFacts, DateMention, Event, EventSource, Sentence

SAME_EVENT_OVERLAP = 0.34   # share of content words two articles' sentences need to be one event
SAME_ARTICLE_OVERLAP = 0.8  # one article repeats an event only in nearly the same words
CLAUSE_MAX = 160            # characters of a sentence shown in the chronology
CONTEXT_YEARS = 2           # a date this many years before the earliest article is background
_POINT = r"\d{4}(?:-\d{2}(?:-\d{2}(?:TNI|TEV|TMO|TAF|TMI|T\d{2}:\d{2})?)?|-W\d{2}|-(?:SP|SU|FA|WI))?"
_CALENDAR = re.compile(rf"^{_POINT}(?:/{_POINT})?$")
_SEASON_MONTH = {"WI": 1, "SP": 3, "SU": 6, "FA": 9}
_CONTENT = re.compile(r"[^\W\d_]{4,40}")
# (a colon between an hour's digits is no edge: "14:20 | Surse …")
_CLAUSE_EDGE = re.compile(r"[,;()—–]|:(?!\d)|\s(?:iar|dar|însă|după ce|în timp ce|când|unde|care)\s")


class _Dated(NamedTuple):
    """A sentence of an article that is an event, as the chronology files it: under its chosen date,
    with its other dates, its clause and its content words."""

    sentence: str
    text: str
    value: str
    mod: Optional[str]
    date_text: str
    corrected: bool
    clause: str
    others: tuple[str, ...]
    other_values: tuple[str, ...]
    words: frozenset[str]
    source: EventSource  # the article's sentence as an event's source


def build_timeline(articles: list[ArticleFacts], reuse=None) -> list[Event]:
    """Every dated event of `articles`, merged and in date order. `reuse` (a `session.Reuse`) gives an
    article the dated sentences of the last build when its sentences, dates and quotes are the same."""
    events: list[Event] = []
    order: dict[int, int] = {}
    # Each date's events so far, with their content words and the articles and sentences of their sources.
    by_date: dict[str, list[tuple[Event, frozenset[str], set[str], set[tuple[str, str]]]]] = {}
    years = [f.article.published.year for f in articles if f.article.published]
    story_start = min(years) if years else None
    for a_index, facts in enumerate(articles):
        if reuse is None:
            dated = _dated(facts)
        else:  # with the sources (records: never changed) they make
            quoted = tuple((q.sentence, q.start, q.end) for q in facts.quotes if q.direct)
            dated = reuse.get((facts.article.sentences, *facts.dates), (facts.article.id, quoted), lambda: _dated(facts))
        for d in dated:
            source = d.source
            twin = _same_event(by_date.get(d.value, []), d.words, facts.article.id)
            if twin is not None:
                if (source.article, source.sentence) not in twin[3]:
                    twin[0].sources.append(source)
                    twin[2].add(source.article)
                    twin[3].add((source.article, source.sentence))
                continue
            event = Event(date=d.value, mod=d.mod, text=d.text, sources=[source], clause=d.clause,
                          others=list(d.others), other_values=list(d.other_values), corrected=d.corrected,
                          context=_is_context(d.value, story_start))
            events.append(event)
            by_date.setdefault(d.value, []).append((event, d.words, {source.article}, {(source.article, source.sentence)}))
            order[id(event)] = a_index
    if reuse is not None:
        reuse.done()
    events.sort(key=lambda e: (sort_key(e.date, e.mod), order[id(e)], _anchor_order(e.sources[0].sentence)))
    counts: dict[str, int] = {}
    for event in events:
        base = _id_base(event.date)
        counts[base] = counts.get(base, 0) + 1
        event.id = f"ev-{base}-{counts[base]}"
    return events


def _dated(facts: ArticleFacts) -> list[_Dated]:
    """The sentences of an article that are events, in reading order."""
    sentences = {s.id: s for s in facts.article.sentences}
    out = []
    for sentence_id, mentions in _dated_sentences(facts).items():
        sentence = sentences[sentence_id]
        own = [m for m in mentions if "names" not in m.flags]  # "bugetul pe 2026" is named beside a date
        if all("time" in m.flags and "story_day" not in m.flags and "entry" not in m.flags for m in own):
            continue  # an hour whose day is someone's words or a comparison: no entry of its own (a live
            # text's entry stamp is one: the hour of the entry, on the day of publication)
        # The entry is filed under a day, not an hour: "ora 12:00" is named beside its day.
        chosen = max(own, key=lambda m: (_precision(m.value), "time" not in m.flags, -m.start))
        others = [m for m in mentions if m is not chosen]
        source = EventSource(article=facts.article.id, sentence=sentence.id, text=sentence.text, date_text=chosen.text)
        out.append(_Dated(sentence.id, sentence.text, chosen.value, chosen.mod, chosen.text, chosen.corrected,
                          clause(sentence.text, chosen.start, chosen.end), tuple(m.text for m in others),
                          tuple(m.value for m in others), _words(sentence.text, tuple(m.text for m in mentions)),
                          source))
    return out


def _dated_sentences(facts: ArticleFacts) -> dict[str, list[DateMention]]:
    """The calendar dates of each sentence that can be an event, in reading order."""
    furniture = {s.id for s in facts.article.sentences if s.furniture}
    quoted = [(q.sentence, q.start, q.end) for q in facts.quotes if q.direct]
    out: dict[str, list[DateMention]] = {}
    for mention in facts.dates:
        if mention.type != "DATE" or not mention.value or not _CALENDAR.match(mention.value):
            continue
        if "dateline" in mention.flags or "hidden" in mention.flags or mention.sentence in furniture:
            continue  # the dateline dates the dispatch; furniture and hidden sentences are no events
        if "reference" in mention.flags or "negated" in mention.flags or "asked" in mention.flags:
            continue  # a point of comparison ("față de anul trecut"), a record's start, a negated statement, a question
        if "quoted" in mention.flags or any(s == mention.sentence and a <= mention.start < b for s, a, b in quoted):
            continue  # a date inside someone's words is theirs to place: say less
        out.setdefault(mention.sentence, []).append(mention)
    return out


@functools.lru_cache(maxsize=8192)  # a few thousand distinct values, asked for again and again
def _precision(value: str) -> int:
    """How precise a TIMEX3 value is: day 5, week 4, month 3, season 2, year 1 (an interval: its start)."""
    first = value.split("/")[0]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", first):
        return 5 if "/" not in value else 4
    if "-W" in first:
        return 4
    if re.fullmatch(r"\d{4}-\d{2}", first):
        return 3
    if first[5:] in _SEASON_MONTH:
        return 2
    return 1


def _is_context(value: str, story_start: Optional[int]) -> bool:
    return story_start is not None and int(value[:4]) < story_start - CONTEXT_YEARS


@functools.lru_cache(maxsize=1 << 15)  # by value, as `_words`
def clause(text: str, start: int, end: int, limit: int = CLAUSE_MAX) -> str:
    """The clause of `text` around [start, end), shortened at a word with "…" when long."""
    left = max((m.end() for m in _CLAUSE_EDGE.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_EDGE.finditer(text, end)), len(text))
    if right - left < 40:  # too short to say what happened: the sentence, cut around the date
        left, right = 0, len(text)
    part = text[left:right].strip(" ,;:")
    if len(part) <= limit:
        return (("…" if left > 0 else "") + part + ("…" if right < len(text) and not part.endswith(".") else "")).strip()
    center = start - left
    lo = max(0, center - limit // 2)
    hi = min(len(part), lo + limit)
    lo = part.rfind(" ", 0, lo) + 1 if lo > 0 else 0
    hi = part.find(" ", hi) if part.find(" ", hi) != -1 else len(part)
    return ("…" if lo > 0 or left > 0 else "") + part[lo:hi].strip(" ,;:") + ("…" if hi < len(part) or right < len(text) else "")


@functools.lru_cache(maxsize=8192)  # a few thousand distinct values, asked for again and again
def sort_key(value: str, mod: Optional[str] = None) -> tuple:
    """Chronological key for a TIMEX3 value: the first day it covers, then coarser before finer; "la
    sfârșitul lunii mai" sorts after the days of May, "la mijlocul anului" in July."""
    value = value.split("/")[0][:10]
    year = int(value[:4])
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return (dt.date.fromisoformat(value), 2)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        month = int(value[5:7])
        day = {"MID": 15, "END": 28}.get(mod or "", 1)
        return (dt.date(year, month, day), 1 if day == 1 else 3)
    if re.fullmatch(r"\d{4}", value) and mod in ("MID", "END"):
        return (dt.date(year, 7 if mod == "MID" else 12, 1), 0)
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        return (dt.date.fromisocalendar(year, int(value[6:8]), 1), 1)
    if value[5:] in _SEASON_MONTH:
        return (dt.date(year, _SEASON_MONTH[value[5:]], 1), 0)
    return (dt.date(year, 1, 1), 0)


@functools.lru_cache(maxsize=1 << 15)  # by value: the same sentences come back on every build of `serve`
def _words(text: str, date_texts: tuple[str, ...]) -> frozenset[str]:
    """Content words of a sentence, without its date expressions (shared by definition) or numbers."""
    for d in date_texts:
        text = text.replace(d, " ")
    return frozenset(_CONTENT.findall(ascii_fold(text).lower()))


def _same_event(candidates: list[tuple], words: frozenset[str], article: str) -> Optional[tuple]:
    """The first of a date's events (event, words, source articles, sources) that `words` of `article`
    tell again."""
    for candidate in candidates:
        _, other, articles, _ = candidate
        needed = SAME_ARTICLE_OVERLAP if article in articles else SAME_EVENT_OVERLAP
        if words and other and len(words & other) / max(1, min(len(words), len(other))) >= needed:
            return candidate
        if not words and not other:
            return candidate
    return None


@functools.lru_cache(maxsize=8192)  # a few thousand distinct values, asked for again and again
def _id_base(value: str) -> str:
    """The part of an event's id that its date gives ("2025-08-21" -> "2025-08-21")."""
    return re.sub(r"[^0-9A-Za-z]+", "-", value).strip("-").lower()


def _anchor_order(anchor: str) -> tuple[int, int]:
    p, _, s = anchor[1:].partition("-s")
    return (int(p), int(s)) if p.isdigit() and s.isdigit() else (0, 0)
