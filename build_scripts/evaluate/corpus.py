"""Measure the extraction against an annotated corpus: precision, recall and F1 per kind of fact.

Each `NN.txt` in the corpus folder has a `NN.gold.yaml` (see tests/corpus/README.md). Matching:
- dates: same value, and the surface texts overlap (one contains the other, diacritics and case folded);
  a quarter or half in the gold ("2025-Q1", "2025-H2") is the same value as its months ("2025-01/2025-03");
- figures: same value (a number, or [low, high]), texts overlapping;
- people, places, organizations, sources: same name, where a name also matches its aliases (forms seen in
  the article, and the gazetteer's aliases);
- quotes: the texts overlap (the gold gives the first words) and the speaker is the same (or both none);
- speakers, apart: of the quotes found with the gold's words, how many name a speaker and how many of
  those are right (precision), and how many of the gold's named speakers were found right (recall);
- chronology events: same date value, and the gold snippet is in the event's sentence.
`dateparser.search_dates` runs on the same texts as a baseline for dates: strictly (its day value must
equal the gold value, so a month given as a full date is a miss, as TIMEX3 would count it) and at the
gold's precision (generous: "2025-08-22" matches "2025-08").
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Optional

import yaml

from .. import lang as lang_mod
from ..chronology import build_timeline
from ..extract import gazetteer
from ..ingest import IngestError, read_article
from ..lang import Lang, fold_diacritics, key
from ..model import ArticleFacts
from ..pipeline import analyze
from .scores import Score

KINDS = ("dates", "numbers", "people", "places", "organizations", "quotes", "speakers", "sources", "events")


def fold(text: Any) -> str:
    """Comparison form of a text: comma-below diacritics, then no diacritics, lower case, single spaces."""
    return key(fold_diacritics(str(text))) if text is not None else ""


def _overlap(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return bool(a and b) and (a in b or b in a)


def _add(score: Score, gold: list, pred: list, same, show=str) -> None:
    score.add(gold, pred, same, show)


def _names(entities, gazetteer_aliases: dict[str, list[str]]) -> list[tuple[str, set[str]]]:
    out = []
    for e in entities:
        forms = {fold(e.name)} | {fold(a) for a in e.aliases}
        forms |= {fold(a) for a in gazetteer_aliases.get(e.name, [])}
        out.append((e.name, forms))
    return out


_YEAR_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12])")


def timex_span(value: Any) -> str:
    """A TIMEX3 value with a quarter or a half written as its months: "2025-Q1" and "2025-01/2025-03"
    name the same period (the gold uses both; the extractor writes the months)."""
    text = str(value)
    m = _YEAR_PART.fullmatch(text)
    if m is None:
        return text
    year, part = m.group(1), m.group(2)
    size = 3 if part[0] == "Q" else 6
    last = int(part[1]) * size
    return f"{year}-{last - size + 1:02d}/{year}-{last:02d}"


def _value(value) -> Any:
    return [float(v) for v in value] if isinstance(value, (list, tuple)) else float(value)


def score_article(facts: ArticleFacts, gold: dict[str, Any], scores: dict[str, Score], lang: Lang) -> None:
    """Add one article's matches to `scores`."""
    aliases = gazetteer.aliases(lang)
    tag = facts.article.id
    # Dates and figures: value and overlapping text.
    _add(scores["dates"], gold.get("dates") or [], facts.dates,
         lambda g, p: timex_span(g["value"]) == str(p.value) and _overlap(g["text"], p.text),
         lambda x: f"{tag}: {x['text']!r}={x['value']}" if isinstance(x, dict) else f"{tag}: {x.text!r}={x.value}")
    _add(scores["numbers"], gold.get("numbers") or [], facts.numbers,
         lambda g, p: _value(g["value"]) == _value(p.value) and _overlap(g["text"], p.text),
         lambda x: f"{tag}: {x['text']!r}={x['value']}" if isinstance(x, dict) else f"{tag}: {x.text!r}={x.value}")
    # Entities and sources: names with their aliases.
    for kind in ("people", "places", "organizations"):
        predicted = _names(getattr(facts, kind), aliases)
        _add(scores[kind], gold.get(kind) or [], predicted, lambda g, p: fold(g) in p[1],
             lambda x: f"{tag}: {x if isinstance(x, str) else x[0]}")
    all_entities = _names(facts.people + facts.places + facts.organizations, aliases)
    forms_of = {name: forms for name, forms in all_entities}
    sources = sorted({s.name for s in facts.sources})
    _add(scores["sources"], gold.get("sources") or [], sources,
         lambda g, p: fold(g) in forms_of.get(p, {fold(p)}), lambda x: f"{tag}: {x}")

    # Quotes: overlapping text and the same speaker.
    def same_quote(g, q) -> bool:
        speaker_ok = (g.get("speaker") is None and q.speaker is None) or (
            q.speaker is not None and g.get("speaker") is not None
            and fold(g["speaker"]) in forms_of.get(q.speaker, {fold(q.speaker)}))
        return speaker_ok and _quote_overlap(g["text"], q.text)

    _add(scores["quotes"], gold.get("quotes") or [], facts.quotes, same_quote,
         lambda x: f"{tag}: {x['text'][:40]!r} / {x.get('speaker')}" if isinstance(x, dict) else f"{tag}: {x.text[:40]!r} / {x.speaker} ({x.speaker_via})")
    _score_speakers(scores["speakers"], gold.get("quotes") or [], facts, forms_of, tag)
    _score_events(scores["events"], gold.get("events") or [], build_timeline([facts]), tag)


def _score_events(score: Score, gold: list, events: list, tag: str) -> None:
    """Chronology entries of one article. An entry is a sentence under its most specific date, naming
    its other dates; a gold event matches an entry of its sentence that holds its date among them.
    An entry counts as one prediction, or as many as the gold events it matches (annotators differ on
    whether a sentence with two dates is one event or two)."""
    matched: dict[int, int] = {}
    for g in gold:
        hit = next((i for i, e in enumerate(events) if fold(g["contains"]) in fold(e.text)
                    and timex_span(g["date"]) in (e.date, *e.other_values)
                    and matched.get(i, 0) < 1 + len(e.other_values)), None)
        if hit is None:
            score.misses.append(f"{tag}: {g['date']} {g['contains'][:40]!r}")
            continue
        matched[hit] = matched.get(hit, 0) + 1
        score.tp += 1
    score.gold += len(gold)
    for i, e in enumerate(events):
        score.pred += max(1, matched.get(i, 0))
        if i not in matched:
            score.extras.append(f"{tag}: {e.date} {e.text[:40]!r}")


def _score_speakers(score: Score, gold: list, facts: ArticleFacts, forms_of: dict, tag: str) -> None:
    """Speakers apart from quotes: precision over the quotes found that name someone, recall over the
    gold quotes that name someone."""
    left = list(facts.quotes)
    for g in gold:
        hit = next((q for q in left if _quote_overlap(g["text"], q.text)), None)
        if hit is not None:
            left.remove(hit)
        said = g.get("speaker")
        score.gold += said is not None
        if hit is None or hit.speaker is None:
            if said is not None:
                score.misses.append(f"{tag}: {g['text'][:40]!r} / {said}")
            continue
        score.pred += 1
        if said is not None and fold(said) in forms_of.get(hit.speaker, {fold(hit.speaker)}):
            score.tp += 1
        else:
            score.extras.append(f"{tag}: {hit.text[:40]!r} -> {hit.speaker} ({hit.speaker_via}), gold {said}")


def _quote_overlap(gold_text: str, text: str) -> bool:
    g, t = fold(gold_text), fold(text)
    head = g[:30]
    return bool(g and t) and (head in t or t[:30] in g)


def dateparser_scores(corpus: list[tuple[ArticleFacts, dict]]) -> tuple[Score, Score]:
    """dateparser.search_dates on the same article bodies: (strict, at the gold's precision)."""
    from dateparser.search import search_dates

    strict, lenient = Score(), Score()
    for facts, gold in corpus:
        published = facts.article.published
        settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        if published:
            settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time(12))
        found = search_dates(facts.article.body, languages=["ro"], settings=settings) or []
        predicted = [(text, value.date().isoformat()) for text, value in found]
        golds = gold.get("dates") or []
        _add(strict, golds, predicted, lambda g, p: str(g["value"]) == p[1] and _overlap(g["text"], p[0]))
        _add(lenient, golds, predicted,
             lambda g, p: _at_precision(p[1], str(g["value"])) and _overlap(g["text"], p[0]))
    return strict, lenient


def _at_precision(day: str, gold: str) -> bool:
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", gold):
        return day[: len(gold)] == gold
    return False


def load_corpus(folder: Path, lang: Lang, gold_folder: Optional[Path] = None) -> list[tuple[ArticleFacts, dict]]:
    """(facts, gold) for every article in `folder` that has a gold file."""
    gold_folder = gold_folder or folder
    out = []
    for path in sorted(folder.glob("*.txt")):
        gold_path = gold_folder / f"{path.stem}.gold.yaml"
        if not gold_path.is_file():
            continue
        try:
            article = read_article(path, lang)
        except IngestError as exc:
            raise SystemExit(f"error: {exc}") from exc
        article.slug = path.stem
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
        out.append((analyze(article, lang), gold))
    return out


def evaluate(folder: Path, gold_folder: Optional[Path] = None, with_baseline: bool = True) -> dict[str, Any]:
    """Scores per kind (and the dateparser baseline) on the corpus in `folder`."""
    lang = lang_mod.load()
    corpus = load_corpus(folder, lang, gold_folder)
    scores = {k: Score() for k in KINDS}
    for facts, gold in corpus:
        score_article(facts, gold, scores, lang)
    result: dict[str, Any] = {"articles": len(corpus), "scores": scores}
    if with_baseline:
        result["dateparser"] = dateparser_scores(corpus)
    return result


