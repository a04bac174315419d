"""Conflicts between articles: different figures for the same thing, or the same event on different days.

The explainer shows every version with its source and date instead of picking one.
- Figures: the same counted noun and the participle that says what happened to it ("persoane
  evacuate", "au evacuat … persoane", "soldați trimiși") with different values in different articles;
  a figure with no such word ("peste 300 de amplasamente funcționează") is never in conflict.
- Dates: two articles telling the same event (most of their content words shared) on different days
  less than a week apart.
Candidates are found through indexes (by counted noun; by the rarer words of a sentence), never by
comparing every pair.
"""
from __future__ import annotations

import collections
import functools
import itertools
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
WORDS_BEFORE = 4      # ... and how far before the figure


def find(articles: list[ArticleFacts], timeline: list[Event], number_label, reuse=None) -> list[Conflict]:
    """Figure and date conflicts of the story; the events concerned get `disputed`. `reuse` (a
    `session.Reuse`) gives an article the subjects of its figures found in the last build when its
    sentences and figures are the same."""
    return _figures(articles, number_label, reuse) + _dates(timeline)


def _subjects(facts: ArticleFacts) -> list[tuple[NumberMention, frozenset[str]]]:
    """ "au evacuat … 1.200 de persoane", "1.500 de persoane au fost evacuate": for each figure of an
    article, the counted noun and what happened to it, a past participle near the figure, folded to a
    crude stem ("persoa evacu")."""
    sentences = {s.id: s for s in facts.article.sentences}
    out = []
    for n in facts.numbers:
        sentence = sentences.get(n.sentence) if n.unit and n.unit != "%" else None
        out.append((n, _subjects_in(sentence.text, n.start, n.end, n.unit) if sentence is not None else frozenset()))
    return out


@functools.lru_cache(maxsize=1 << 15)  # by value: the same figures come back on every build of `serve`
def _subjects_in(text: str, start: int, end: int, unit: str) -> frozenset[str]:
    """The subjects of the figure at [start, end) of the sentence `text`, counting `unit`."""
    function_words, participle = _figure_rules()
    after = text[end:]
    unit_at = ascii_fold(after).lower().find(ascii_fold(unit).lower())
    if unit_at < 0:
        return frozenset()
    words_after = re.findall(r"[^\W\d_]{1,40}", after[unit_at + len(unit):])[:WORDS_AFTER_UNIT]
    words_before = re.findall(r"[^\W\d_]{1,40}", text[max(0, start - 80): start])[-WORDS_BEFORE:]
    actions = {key(w)[:5] for w in words_before + words_after
               if len(w) >= 5 and key(w) not in function_words and participle.fullmatch(w)}
    return frozenset(f"{key(unit)[:6]} {a}" for a in actions)


@functools.lru_cache(maxsize=1)
def _figure_rules() -> tuple[frozenset[str], re.Pattern]:
    """Function words (never what happened) and the past participle pattern, from the language rules."""
    lang = load_lang()
    function_words = frozenset({key(w) for w in lang["function_words"]} | {"fost", "sunt", "este", "erau"})
    endings = "|".join(sorted((re.escape(e) for e in lang["past_participle_endings"]), key=len, reverse=True))
    return function_words, re.compile(rf"[^\W\d_]{{2,30}}(?:{endings})", re.I)


def _figures(articles: list[ArticleFacts], number_label, reuse=None) -> list[Conflict]:
    groups: dict[str, list[tuple[ArticleFacts, NumberMention]]] = {}
    for facts in articles:
        if reuse is None:
            subjects = _subjects(facts)
        else:
            subjects = reuse.get((facts.article.sentences, *facts.numbers), (), lambda: _subjects(facts))
        for n, found in subjects:
            for subject in found:
                groups.setdefault(subject, []).append((facts, n))
    if reuse is not None:
        reuse.done()
    out, reported = [], set()
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
        signature = frozenset((v.article, v.sentence, v.label) for v in versions)
        if signature in reported:
            continue  # the same figures grouped twice (two words for what happened)
        reported.add(signature)
        sample = found[0][1]
        out.append(Conflict(kind="figure", subject=f"{sample.unit} ({_what(found[0][0], sample)})", versions=versions))
    return out


def _what(facts: ArticleFacts, n: NumberMention) -> str:
    sentence = next(s for s in facts.article.sentences if s.id == n.sentence)
    return sentence.text[n.start: min(len(sentence.text), n.end + 60)].split(",")[0].strip()


def _value(value) -> tuple:
    return tuple(value) if isinstance(value, (list, tuple)) else (value,)


@functools.lru_cache(maxsize=8192)  # a few thousand distinct values, asked for again and again
def _day(value: str) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(value[:10]) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]) else None
    except ValueError:
        return None


@functools.lru_cache(maxsize=1 << 15)  # by value, as `_subjects_in`
def _content_words(text: str) -> frozenset[str]:
    return frozenset(_CONTENT.findall(ascii_fold(text).lower()))


def _dates(timeline: list[Event]) -> list[Conflict]:
    words = [_content_words(e.text) for e in timeline]
    days = [_day(e.date) for e in timeline]
    dated = [i for i, day in enumerate(days) if day]
    # The words of at most COMMON_WORD dated events, each event's in its own order, and their events.
    counts = collections.Counter(itertools.chain.from_iterable(words[i] for i in dated))
    rare = {w for w, n in counts.items() if n <= COMMON_WORD}
    rare_words = {i: [w for w in words[i] if w in rare] for i in dated}
    index: dict[str, list[int]] = {}
    for i in dated:
        for w in rare_words[i]:
            index.setdefault(w, []).append(i)
    out = []
    done: set[tuple[int, int]] = set()
    for i, event in enumerate(timeline):
        day = days[i]
        if day is None or event.disputed is not None:
            continue
        candidates: dict[int, int] = {}
        for w in rare_words[i]:
            for j in index[w]:
                if j != i:
                    candidates[j] = candidates.get(j, 0) + 1
        for j, shared in candidates.items():
            other = timeline[j]
            other_day = days[j]
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
