"""`python -m build_scripts evaluate`: the extraction measured, and gated by recorded minimums.

Two measures: P/R/F1 per kind of fact on an annotated corpus (`corpus.py`, default `tests/corpus/`),
with speaker precision and recall apart; and name-level P/R/F1 of the entity layer on RONEC v2's
validation split (`ronec.py`). `minimums.json` beside the corpus holds the gated F1 scores (and, for
speakers, the precision); `--update-minimums` records the current ones but never lowers one.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .corpus import KINDS, evaluate
from .scores import Score

MINIMUMS_FILE = "minimums.json"
GATED = {kind: "f1" for kind in KINDS} | {"speakers": "precision"}

__all__ = ["KINDS", "MINIMUMS_FILE", "Score", "evaluate", "table", "read_minimums", "update_minimums",
           "below_minimums", "main"]


def _gated(kind: str, score: Score) -> float:
    return getattr(score, GATED.get(kind, "f1"))


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
    """Record the current scores as minimums, never lowering a recorded one."""
    old = read_minimums(folder)
    new = dict(old)  # a measure not run this time keeps its minimum
    new.update({k: max(old.get(k, 0.0), _floor(_gated(k, s))) for k, s in result["scores"].items()})
    (folder / MINIMUMS_FILE).write_text(json.dumps(new, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return new


def _floor(value: float) -> float:
    return int(value * 1000) / 1000


def below_minimums(result: dict[str, Any], minimums: dict[str, float]) -> list[str]:
    return [f"{k}: {GATED.get(k, 'f1')} {_gated(k, result['scores'][k]):.3f} < minimum {m:.3f}"
            for k, m in minimums.items() if k in result["scores"] and _gated(k, result["scores"][k]) + 1e-9 < m]


def main(folder: Path, update: bool = False, verbose: bool = False, ronec: bool = False, gold=None,
         out=sys.stdout) -> int:
    result = evaluate(folder, gold)
    print(f"{result['articles']} annotated articles in {folder}", file=out)
    print(table(result), file=out)
    if verbose:
        for kind, s in result["scores"].items():
            for m in s.misses:
                print(f"  missed {kind}: {m}", file=out)
            for e in s.extras:
                print(f"  extra  {kind}: {e}", file=out)
    failures = []
    if ronec:
        from . import ronec as ronec_mod

        names = ronec_mod.evaluate()
        print(file=out)
        print(ronec_mod.table(names), file=out)
        result["scores"].update({f"ronec_{k}": s for k, s in names["pipeline"].items()})
    # The minimums live beside the gold annotations (never in an editor's seeds/ folder).
    where = Path(gold) if gold else folder
    if update:
        print(f"minimums recorded: {update_minimums(where, result)}", file=out)
        return 0
    failures += below_minimums(result, read_minimums(where))
    for f in failures:
        print(f"below minimum: {f}", file=out)
    return 1 if failures else 0
