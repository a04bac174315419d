"""Key figures chosen across the articles for the home page.

Only figures with a unit say what they count. The same value and unit reported by several articles is
one figure with every source; figures are ranked by how many articles cite them, then by size. Figures
the articles disagree on (`story.conflicts` of kind "figure") are shown apart, every version with its
source, and never as a plain key figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..lang import ascii_fold
from ..model import ArticleFacts, Conflict, NumberMention, Story

KEY_FIGURES = 8
PHRASE_WORDS = 8  # words of the sentence shown with a figure ("17 persoane au fost rănite")
# Where the phrase of a figure stops: punctuation, or a word that starts another clause.
_PHRASE_END = re.compile(r"[,;:.!?()„“”\"]|\s(?:și|iar|dar|însă|după ce|pentru că|care|potrivit)\s")


@dataclass
class Citation:
    """One article reporting a figure: where, and in which words."""

    facts: ArticleFacts
    number: NumberMention


@dataclass
class KeyFigure:
    """A figure with a unit, once, with every article that reports it."""

    value: object
    unit: str
    head: str  # the figure as written, with its unit ("aproximativ 1.200 de persoane")
    rest: str  # the words after it in the sentence ("au fost evacuate")
    citations: list[Citation] = field(default_factory=list)
    corrected: bool = False

    @property
    def articles(self) -> int:
        """How many articles report the figure."""
        return len({c.facts.article.id for c in self.citations})

    @property
    def size(self) -> float:
        """The figure's size (a range: its top)."""
        return _size(self.value)


def key_figures(story: Story, limit: int = KEY_FIGURES, reuse=None) -> list[KeyFigure]:
    """The story's key figures: deduplicated, most cited and largest first, none of them disputed.
    `reuse` (a `session.Reuse`) gives an article its figures' phrases of the last build when its
    sentences and figures are the same."""
    disputed = _disputed_places(story.conflicts)
    # Every figure with a unit, by key; the records of a figure are made only for those shown.
    found: dict[tuple, list] = {}  # key -> [(facts, figure, head, rest) of each citation, …]
    for facts in story.articles:
        if reuse is None:
            figures = _with_units(facts)
        else:
            figures = reuse.get((facts.article.sentences, *facts.numbers), (), lambda: _with_units(facts))
        for n, words, k, head, rest in figures:
            if disputed and (facts.article.id, n.sentence, words) in disputed:
                continue
            cited = found.get(k)
            if cited is None:
                found[k] = [(facts, n, head, rest)]
            else:
                cited.append((facts, n, head, rest))
    if reuse is not None:
        reuse.done()
    ranked = sorted(found.values(), key=lambda cited: (-_articles(cited), -_size(cited[0][1].value)))
    out = []
    for cited in ranked[:limit]:
        _, first, head, rest = cited[0]
        out.append(KeyFigure(value=first.value, unit=first.unit, head=head, rest=rest,
                             citations=[Citation(f, n) for f, n, _, _ in cited],
                             corrected=any(n.corrected for _, n, _, _ in cited)))
    return out


def _articles(cited: list) -> int:
    """How many articles report a figure."""
    return 1 if len(cited) == 1 else len({c[0].article.id for c in cited})


def _size(value) -> float:
    """A figure's size (a range: its top)."""
    return float(max(value) if isinstance(value, (tuple, list)) else value or 0)


def _with_units(facts: ArticleFacts) -> list[tuple[NumberMention, str, tuple, str, str]]:
    """Each figure of an article that has a unit: the figure, its words with the unit (as a conflict
    names it), its key (value and folded unit) and its phrase (`phrase`)."""
    sentences = {s.id: s.text for s in facts.article.sentences}
    return [(n, f"{n.text} {n.unit}", (_value_key(n.value), ascii_fold(n.unit).lower()),
             *phrase(sentences.get(n.sentence, ""), n)) for n in facts.numbers if n.unit]


def disputed_figures(story: Story) -> list[Conflict]:
    """The figures the articles disagree on."""
    return [c for c in story.conflicts if c.kind == "figure" and len(c.versions) > 1]


def phrase(sentence: str, n: NumberMention) -> tuple[str, str]:
    """The figure with its unit as the sentence writes it, and the few words after it."""
    start, end = n.start, n.end
    if not (0 <= start < end <= len(sentence)) or sentence[start:end] != n.text:
        head = f"{n.text} {n.unit}" if n.unit and n.unit not in n.text else n.text
        return head, ""
    unit_at = _unit_end(sentence, end, n.unit)
    head = sentence[start:unit_at].strip() if unit_at else f"{n.text} {n.unit}".strip()
    after = sentence[unit_at or end:]
    stop = _PHRASE_END.search(after)
    words = (after[:stop.start()] if stop else after).split()
    rest = " ".join(words[:PHRASE_WORDS]) + ("…" if len(words) > PHRASE_WORDS else "")
    return head, rest


def _unit_end(sentence: str, end: int, unit: Optional[str]) -> Optional[int]:
    """Where the unit's word ends after the number ("1.200 de persoane|"), if it follows closely."""
    if not unit:
        return None
    window = ascii_fold(sentence[end:end + 40]).lower()
    at = window.find(ascii_fold(unit).lower())
    if at < 0 or len(window[:at].split()) > 2:
        return None
    stop = end + at + len(unit)
    while stop < len(sentence) and (sentence[stop].isalnum() or sentence[stop] in "-/"):
        stop += 1  # the whole word: "mg" -> "mg/l", "persoan" -> "persoane"
    return stop


def _value_key(value) -> tuple:
    """A hashable value (a range is a tuple)."""
    return tuple(value) if isinstance(value, (tuple, list)) else (value,)


def _disputed_places(conflicts: list[Conflict]) -> set[tuple[str, str, str]]:
    """(article, sentence, words) of every figure in a figure conflict: shown with their versions."""
    return {(v.article, v.sentence, v.text) for c in conflicts if c.kind == "figure" for v in c.versions}
