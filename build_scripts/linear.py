"""Is a regular expression safe to run over free text? A conservative check of the ways a backtracking
engine goes super-linear.

A pattern is refused when it has
- an unbounded repeat inside another unbounded repeat (`(a+)*`, `(?:\\s*\\w+)*`);
- an unbounded repeat of something that can match nothing (`(a?)*`);
- two unbounded repeats one after the other, with only optional items between, that can both match the
  same character (`\\s*,?\\s*`, `\\w+\\s*\\w+`; `\\w+\\s+\\w+` is fine: the space must separate them);
- an unbounded repeat that crosses words (its characters include both letters and spaces, as `.*` or
  `[^.]+` do) followed by something that can fail: from every start position it may run to the end of
  the text and back, so a search costs the square of the text's length. Bound it (`[^.]{0,80}`), or
  anchor the pattern at the start of the text.
The check reads Python's own parse of the pattern (`re._parser`), so it sees what the engine sees. It is a
lint, not a proof for every pattern; the bounded-time tests run the extractors on adversarial text too.
"""
from __future__ import annotations

import re
from typing import Iterable

try:  # Python 3.11+
    import re._constants as C
    import re._parser as P
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as C  # type: ignore
    import sre_parse as P  # type: ignore

ALL = frozenset({"space", "letter", "digit", "punct"})
REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT}
if hasattr(C, "POSSESSIVE_REPEAT"):
    REPEATS.add(C.POSSESSIVE_REPEAT)


def _kind(code: int) -> str:
    ch = chr(code)
    if ch.isspace():
        return "space"
    if ch.isalpha() or ch == "_":
        return "letter"
    if ch.isdigit():
        return "digit"
    return "punct"


_CATEGORY = {
    C.CATEGORY_DIGIT: {"digit"}, C.CATEGORY_NOT_DIGIT: ALL - {"digit"},
    C.CATEGORY_SPACE: {"space"}, C.CATEGORY_NOT_SPACE: ALL - {"space"},
    C.CATEGORY_WORD: {"letter", "digit"}, C.CATEGORY_NOT_WORD: {"space", "punct"},
}


def _set(items) -> frozenset:
    r"""Kinds of character an IN class matches. A negated class leaves out only the kinds a category
    covers whole (`[^\W\d]` is letters); single characters left out leave their kind in (`[^.]`)."""
    negate = any(op == C.NEGATE for op, _ in items)
    kinds: set[str] = set()
    whole: set[str] = set()
    for op, av in items:
        if op == C.LITERAL:
            kinds.add(_kind(av))
        elif op == C.RANGE:
            lo, hi = av
            kinds |= {_kind(c) for c in (lo, hi, (lo + hi) // 2)}
        elif op == C.CATEGORY:
            kinds |= _CATEGORY.get(av, ALL)
            whole |= _CATEGORY.get(av, set())
        elif op != C.NEGATE:
            kinds |= ALL
    return frozenset(ALL - whole) if negate else frozenset(kinds)


def _first(items) -> frozenset:
    """Kinds of character the sequence `items` can start with."""
    out: set[str] = set()
    for op, av in items:
        out |= _first_of(op, av)
        if not _nullable(op, av):
            break
    return frozenset(out)


def _first_of(op, av) -> frozenset:
    if op == C.LITERAL:
        return frozenset({_kind(av)})
    if op == C.NOT_LITERAL or op == C.ANY:
        return ALL
    if op == C.IN:
        return _set(av)
    if op in REPEATS:
        return _first(av[2])
    if op == C.SUBPATTERN:
        return _first(av[-1])
    if op == C.BRANCH:
        return frozenset().union(*(_first(b) for b in av[1]))
    return frozenset()  # anchors, lookarounds, backreferences: no character of their own


def _chars(items) -> frozenset:
    """Every kind of character `items` can match anywhere."""
    out: set[str] = set()
    for op, av in items:
        if op in REPEATS:
            out |= _chars(av[2])
        elif op == C.SUBPATTERN:
            out |= _chars(av[-1])
        elif op == C.BRANCH:
            for b in av[1]:
                out |= _chars(b)
        elif op not in (C.ASSERT, C.ASSERT_NOT):
            out |= _first_of(op, av)
    return frozenset(out)


def _nullable(op, av) -> bool:
    if op in REPEATS:
        return av[0] == 0 or all(_nullable(o, a) for o, a in av[2])
    if op == C.SUBPATTERN:
        return all(_nullable(o, a) for o, a in av[-1])
    if op == C.BRANCH:
        return any(all(_nullable(o, a) for o, a in b) for b in av[1])
    return op in (C.AT, C.ASSERT, C.ASSERT_NOT)


def _unbounded(op, av) -> bool:
    return op in REPEATS and av[1] == C.MAXREPEAT


def _can_fail(op, av) -> bool:
    """Something after a repeat that may not match, so the repeat is tried again from elsewhere."""
    return not _nullable(op, av) or op in (C.AT, C.ASSERT, C.ASSERT_NOT)


def _walk(items, inside_unbounded: bool, followed: bool, anchored: bool, problems: list[str]) -> None:
    pending: list[frozenset] = []  # characters of unbounded repeats reachable from here
    items = list(items)
    for index, (op, av) in enumerate(items):
        after = followed or any(_can_fail(o, a) for o, a in items[index + 1:])
        if _unbounded(op, av):
            body = av[2]
            if inside_unbounded:
                problems.append("an unbounded repeat inside another unbounded repeat")
            if all(_nullable(o, a) for o, a in body):
                problems.append("an unbounded repeat of something that can match nothing")
            kinds = _chars(body)
            if {"space", "letter"} <= kinds and after and not anchored:
                problems.append("an unbounded repeat that crosses words (bound it, e.g. {0,80})")
            first = _first(body)
            if any(first & p for p in pending):
                problems.append("two unbounded repeats in a row that can match the same character")
            _walk(body, True, after, anchored, problems)
            pending = ([] if not _nullable(op, av) else pending) + [kinds]
            continue
        if op in REPEATS:  # bounded: its body still counts for nesting
            _walk(av[2], inside_unbounded, after, anchored, problems)
        elif op == C.SUBPATTERN:
            _walk(av[-1], inside_unbounded, after, anchored, problems)
        elif op == C.BRANCH:
            for b in av[1]:
                _walk(b, inside_unbounded, after, anchored, problems)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            _walk(av[1], inside_unbounded, True, anchored, problems)
        if not _nullable(op, av):
            pending = []


def problems(pattern: str, flags: int = 0) -> list[str]:
    """Why `pattern` may take super-linear time on free text (empty: no known reason)."""
    if isinstance(pattern, bytes):
        return []
    found: list[str] = []
    parsed = list(P.parse(pattern, flags))
    # A pattern anchored at the start of the text is tried from one position only.
    anchored = bool(parsed) and parsed[0][0] == C.AT and parsed[0][1] == C.AT_BEGINNING_STRING or \
        bool(parsed) and parsed[0][0] == C.AT and parsed[0][1] == C.AT_BEGINNING and not flags & re.M
    _walk(parsed, False, False, anchored, found)
    return sorted(set(found))


class NonLinearPattern(ValueError):
    """A pattern the linear-time check refuses; the message says why."""


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile`, refusing patterns that `problems` finds."""
    found = problems(pattern, flags)
    if found:
        raise NonLinearPattern(f"{pattern!r}: {'; '.join(found)}")
    return re.compile(pattern, flags)


def check_all(patterns: Iterable[tuple[str, int]]) -> dict[str, list[str]]:
    """{pattern: problems} for the patterns that have any."""
    out = {}
    for pattern, flags in patterns:
        found = problems(pattern, flags)
        if found:
            out[pattern] = found
    return out
