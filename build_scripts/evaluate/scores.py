"""Precision, recall and F1 counts, and the greedy one-to-one matching every evaluation uses."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


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

    def add(self, gold: list, pred: list, same: Callable, show: Callable = str) -> None:
        """Match `gold` against `pred` one to one and add the counts."""
        tp, misses, extras = match_greedy(gold, pred, same)
        self.tp += tp
        self.gold += len(gold)
        self.pred += len(pred)
        self.misses += [show(m) for m in misses]
        self.extras += [show(e) for e in extras]


def match_greedy(gold: list, pred: list, same: Callable) -> tuple[int, list, list]:
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
