"""Conflicts between articles: different figures for the same thing, or the same event on different days.

The explainer shows every version with its source and date instead of picking one.
- Figures: the same counted noun and the word that says what happened to it ("persoane evacuate",
  "soldați trimiși") with different values in different articles.
- Dates: two articles telling the same event (most of their content words shared) on different days
  less than a week apart.
Candidates are found through indexes (by counted noun; by the rarer words of a sentence), never by
comparing every pair.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from .chronology import _CONTENT  # one notion of a content word for the chronology and its conflicts
from .lang import ascii_fold, key, load as load_lang
from .model import ArticleFacts, Conflict, ConflictVersion, Event, NumberMention

SAME_EVENT = 0.6      # share of content words for two differently dated sentences to be one event
MAX_DAYS_APART = 7
COMMON_WORD = 20      # a word in more events than this says nothing about which event it is
WORDS_AFTER_UNIT = 4  # how far after the counted noun the word saying what happened may be


def find(articles: list[ArticleFacts], timeline: list[Event], number_label) -> list[Conflict]:
    """Figure and date conflicts of the story; the events concerned get `disputed`."""
    return _figures(articles, number_label) + _dates(timeline)


def _subject(facts: ArticleFacts, n: NumberMention, function_words: set[str]) -> Optional[str]:
    """ "persoane evacuate": the counted noun and the next content word, folded to a crude stem."""
    if not n.unit or n.unit == "%":
        return None
    sentence = next((s for s in facts.article.sentences if s.id == n.sentence), None)
    if sentence is None:
        return None
    after = sentence.text[n.end:]
    unit_at = ascii_fold(after).lower().find(ascii_fold(n.unit).lower())
    if unit_at < 0:
        return None
    words = re.findall(r"[^\W\d_]{1,40}", after[unit_at + len(n.unit):])[:WORDS_AFTER_UNIT]
    what = next((w for w in words if len(w) >= 4 and key(w) not in function_words), None)
    if what is None:
        return None
    return f"{key(n.unit)[:6]} {key(what)[:5]}"


def _figures(articles: list[ArticleFacts], number_label) -> list[Conflict]:
    function_words = {key(w) for w in load_lang()["function_words"]} | {"fost", "sunt", "este", "erau"}
    groups: dict[str, list[tuple[ArticleFacts, NumberMention]]] = {}
    for facts in articles:
        for n in facts.numbers:
            subject = _subject(facts, n, function_words)
            if subject:
                groups.setdefault(subject, []).append((facts, n))
    out = []
    for subject, found in groups.items():
        articles_seen = {f.article.id for f, _ in found}
        values = {_value(n.value) for _, n in found}
        if len(articles_seen) < 2 or len(values) < 2:
            continue
        versions, seen = [], set()
        for facts, n in found:
            mark = (facts.article.id, _value(n.value))
            if mark in seen:
                continue
            seen.add(mark)
            versions.append(ConflictVersion(label=number_label(n.value), text=n.text + (f" {n.unit}" if n.unit else ""),
                                            article=facts.article.id, sentence=n.sentence))
        words = subject.split()
        sample = found[0][1]
        out.append(Conflict(kind="figure", subject=f"{sample.unit} ({_what(found[0][0], sample)})" if words else subject,
                            versions=versions))
    return out


def _what(facts: ArticleFacts, n: NumberMention) -> str:
    sentence = next(s for s in facts.article.sentences if s.id == n.sentence)
    return sentence.text[n.start: min(len(sentence.text), n.end + 60)].split(",")[0].strip()


def _value(value) -> tuple:
    return tuple(value) if isinstance(value, (list, tuple)) else (value,)


def _day(value: str) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(value[:10]) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]) else None
    except ValueError:
        return None


def _dates(timeline: list[Event]) -> list[Conflict]:
    words = [set(_CONTENT.findall(ascii_fold(e.text).lower())) for e in timeline]
    index: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        if _day(timeline[i].date):
            for w in ws:
                index.setdefault(w, []).append(i)
    out = []
    done: set[tuple[int, int]] = set()
    for i, event in enumerate(timeline):
        day = _day(event.date)
        if day is None or event.disputed is not None:
            continue
        candidates: dict[int, int] = {}
        for w in words[i]:
            bucket = index.get(w, ())
            if len(bucket) > COMMON_WORD:
                continue
            for j in bucket:
                if j != i:
                    candidates[j] = candidates.get(j, 0) + 1
        for j, shared in candidates.items():
            other = timeline[j]
            other_day = _day(other.date)
            pair = (min(i, j), max(i, j))
            if pair in done or other_day is None or other_day == day or abs((other_day - day).days) > MAX_DAYS_APART:
                continue
            if {s.article for s in event.sources} & {s.article for s in other.sources}:
                continue  # one article telling two days: two events
            if shared / max(1, min(len(words[i]), len(words[j]))) < SAME_EVENT:
                continue
            done.add(pair)
            conflict = Conflict(kind="date", subject=event.clause or event.text[:80], versions=[
                ConflictVersion(label=e.date, text=e.sources[0].date_text, article=e.sources[0].article,
                                sentence=e.sources[0].sentence) for e in (event, other)])
            event.disputed = other.disputed = conflict
            out.append(conflict)
    return out
