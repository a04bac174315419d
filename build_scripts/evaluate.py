"""Measure the extraction against an annotated corpus: precision, recall and F1 per kind of fact.

Each `NN.txt` in the corpus folder has a `NN.gold.yaml` (see tests/corpus/README.md). Matching:
- dates: same value, and the surface texts overlap (one contains the other, diacritics and case folded);
- figures: same value (a number, or [low, high]), texts overlapping;
- people, places, organizations, sources: same name, where a name also matches its aliases (forms seen in
  the article, and the gazetteer's aliases);
- quotes: the texts overlap (the gold gives the first words) and the speaker is the same (or both none);
- chronology events: same date value, and the gold snippet is in the event's sentence.
`dateparser.search_dates` runs on the same texts as a baseline for dates: strictly (its day value must
equal the gold value, so a month given as a full date is a miss, as TIMEX3 would count it) and at the
gold's precision (generous: "2025-08-22" matches "2025-08").

The scores are gated: `tests/corpus/minimums.json` holds the recorded minimums; `make test` fails when a
score drops below. `--update-minimums` records new minimums but never lowers one.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import yaml

from . import lang as lang_mod
from .chronology import build_timeline
from .extract.entities import key
from .ingest import IngestError, read_article
from .lang import Lang, fold_diacritics
from .model import ArticleFacts
from .pipeline import analyze

KINDS = ("dates", "numbers", "people", "places", "organizations", "quotes", "sources", "events")
MINIMUMS_FILE = "minimums.json"


@dataclass
class Score:
    """Counts for one kind of fact."""

    tp: int = 0
    pred: int = 0
    gold: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def fold(text: Any) -> str:
    """Comparison form of a text: comma-below diacritics, then no diacritics, lower case, single spaces."""
    return key(fold_diacritics(str(text))) if text is not None else ""


def _overlap(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return bool(a and b) and (a in b or b in a)


def _match(gold: list, pred: list, same) -> tuple[int, list, list]:
    """Greedy one-to-one matching: (true positives, unmatched gold, unmatched predictions)."""
    left = list(pred)
    misses = []
    tp = 0
    for g in gold:
        hit = next((p for p in left if same(g, p)), None)
        if hit is None:
            misses.append(g)
        else:
            left.remove(hit)
            tp += 1
    return tp, misses, left


def _add(score: Score, gold: list, pred: list, same, show=str) -> None:
    tp, misses, extras = _match(gold, pred, same)
    score.tp += tp
    score.gold += len(gold)
    score.pred += len(pred)
    score.misses += [show(m) for m in misses]
    score.extras += [show(e) for e in extras]


def _names(entities, gazetteer_aliases: dict[str, list[str]]) -> list[tuple[str, set[str]]]:
    out = []
    for e in entities:
        forms = {fold(e.name)} | {fold(a) for a in e.aliases}
        forms |= {fold(a) for a in gazetteer_aliases.get(e.name, [])}
        out.append((e.name, forms))
    return out


def _value(value) -> Any:
    return [float(v) for v in value] if isinstance(value, (list, tuple)) else float(value)


def score_article(facts: ArticleFacts, gold: dict[str, Any], scores: dict[str, Score], lang: Lang) -> None:
    """Add one article's matches to `scores`."""
    from .extract.entities import _gazetteer

    aliases = _gazetteer(lang).aliases
    tag = facts.article.id
    # Dates and figures: value and overlapping text.
    _add(scores["dates"], gold.get("dates") or [], facts.dates,
         lambda g, p: str(g["value"]) == str(p.value) and _overlap(g["text"], p.text),
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
         lambda x: f"{tag}: {x['text'][:40]!r} / {x.get('speaker')}" if isinstance(x, dict) else f"{tag}: {x.text[:40]!r} / {x.speaker}")
    # Chronology events of this article alone.
    events = [(e.date, e.text) for e in build_timeline([facts])]
    _add(scores["events"], gold.get("events") or [], events,
         lambda g, p: str(g["date"]) == p[0] and fold(g["contains"]) in fold(p[1]),
         lambda x: f"{tag}: {x['date']} {x['contains'][:40]!r}" if isinstance(x, dict) else f"{tag}: {x[0]} {x[1][:40]!r}")


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


def table(result: dict[str, Any]) -> str:
    """The scores as a Markdown table."""
    rows = ["| kind | precision | recall | F1 | gold | found |", "|---|---|---|---|---|---|"]
    for kind, s in result["scores"].items():
        rows.append(f"| {kind} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.gold} | {s.pred} |")
    if "dateparser" in result:
        strict, lenient = result["dateparser"]
        rows.append(f"| dates: dateparser baseline | {strict.precision:.3f} | {strict.recall:.3f} | {strict.f1:.3f} | {strict.gold} | {strict.pred} |")
        rows.append(f"| dates: dateparser at gold precision | {lenient.precision:.3f} | {lenient.recall:.3f} | {lenient.f1:.3f} | {lenient.gold} | {lenient.pred} |")
    return "\n".join(rows)


def read_minimums(folder: Path) -> dict[str, float]:
    path = folder / MINIMUMS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def update_minimums(folder: Path, result: dict[str, Any]) -> dict[str, float]:
    """Record the current F1 scores as minimums, never lowering a recorded one."""
    old = read_minimums(folder)
    new = {k: max(old.get(k, 0.0), _floor(s.f1)) for k, s in result["scores"].items()}
    (folder / MINIMUMS_FILE).write_text(json.dumps(new, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return new


def _floor(value: float) -> float:
    return int(value * 1000) / 1000


def below_minimums(result: dict[str, Any], minimums: dict[str, float]) -> list[str]:
    return [f"{k}: F1 {result['scores'][k].f1:.3f} < minimum {m:.3f}"
            for k, m in minimums.items() if k in result["scores"] and result["scores"][k].f1 + 1e-9 < m]


def main(folder: Path, update: bool = False, verbose: bool = False, out=sys.stdout) -> int:
    result = evaluate(folder)
    print(f"{result['articles']} annotated articles in {folder}", file=out)
    print(table(result), file=out)
    if verbose:
        for kind, s in result["scores"].items():
            for m in s.misses:
                print(f"  missed {kind}: {m}", file=out)
            for e in s.extras:
                print(f"  extra  {kind}: {e}", file=out)
    if update:
        print(f"minimums recorded: {update_minimums(folder, result)}", file=out)
        return 0
    failures = below_minimums(result, read_minimums(folder))
    for f in failures:
        print(f"below minimum: {f}", file=out)
    return 1 if failures else 0
