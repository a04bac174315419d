"""Repeated paragraphs: scraped pages repeat wire copy, within one article or across articles.

A paragraph is a repeat of an earlier one (in reading order: articles by date, then paragraphs) when
their words are the same, or nearly so (at least 90% of their word 4-grams shared). Candidates are found
by a few min-hashes of those 4-grams, so a story of n paragraphs costs about n look-ups, never all pairs
(each band of min-hashes keeps its latest `BUCKET` paragraphs, so a template repeated with other names in
thousands of articles does not make every new paragraph compare with all of them).
A repeat keeps its place on its article page, marked; its facts are not counted twice.

A paragraph's fingerprint (its words, 4-grams and min-hashes) depends on its text alone: a process keeps
those it computed (`_FINGERPRINTS`), so a second build (`mkdocs serve`) only computes the edited ones.
"""
from __future__ import annotations

import dataclasses
import functools
import pickle
import re
import zlib
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from . import storing
from .lang import ascii_fold
from .model import ArticleFacts, Repeat

MIN_WORDS = 12        # shorter paragraphs ("Foto: …", "Citește și") repeat by nature
SHINGLE = 4
SIGNATURES = 12       # min-hashes per paragraph, in bands of two: two near-copies (Jaccard ≥ 0.8) share
BAND = 2              # a band in > 99.8% of cases, and paragraphs that only look alike rarely do
SIMILAR = 0.9
BUCKET = 32          # paragraphs kept per min-hash value: wire templates with many near-misses stay linear
_WORD = re.compile(r"[^\W_]{1,60}")
_FINGERPRINTS: dict[str, "_Fingerprint"] = {}  # paragraph text -> fingerprint, for the next build
_KEEP_MAX = 200_000  # paragraphs remembered (a few hundred bytes each)


def _words(text: str) -> list[str]:
    return _WORD.findall(ascii_fold(text).lower())


def _shingles(words: list[str]) -> set[int]:
    """64-bit ids of the word 4-grams: CRC-32 and Adler-32 side by side (fast, and the same on every
    run, so the same articles always give the same repeats)."""
    out = set()
    for i in range(max(1, len(words) - SHINGLE + 1)):
        gram = " ".join(words[i:i + SHINGLE]).encode()
        out.add(zlib.crc32(gram) << 32 | zlib.adler32(gram))
    return out


def _signature(shingles: set[int]) -> list[int]:
    import numpy as np  # the min-hashes of a paragraph in one vectorized pass

    multipliers, offsets = _hash_constants()
    values = np.fromiter(shingles, dtype=np.uint64, count=len(shingles))
    with np.errstate(over="ignore"):
        hashed = values[:, None] * multipliers[None, :] + offsets[None, :]
    return [int(v) for v in hashed.min(axis=0)]


@functools.lru_cache(maxsize=1)
def _hash_constants():
    """The `SIGNATURES` hash functions x * (2k + 1) + k (modulo 2**64)."""
    import numpy as np

    k = np.arange(SIGNATURES, dtype=np.uint64)
    return k * np.uint64(2) + np.uint64(1), k


def _bands(signature: list[int]) -> list[tuple[int, ...]]:
    """The bucket keys of a paragraph: its min-hashes in bands of `BAND`, each tagged with its slot."""
    return [(slot, *signature[slot:slot + BAND]) for slot in range(0, len(signature), BAND)]


class _Fingerprint:
    """What `find` compares of a paragraph: its words joined (`exact`, None for a paragraph too short to
    count), its 4-grams and the bucket keys of its min-hashes."""

    __slots__ = ("exact", "shingles", "bands")

    def __init__(self, text: str):
        words = _words(text)
        self.exact: Optional[str] = " ".join(words) if len(words) >= MIN_WORDS else None
        self.shingles: set[int] = _shingles(words) if self.exact is not None else set()
        self.bands: list[tuple[int, ...]] = _bands(_signature(self.shingles)) if self.exact is not None else []


def _fingerprint(text: str) -> _Fingerprint:
    found = _FINGERPRINTS.get(text)
    if found is None:
        if len(_FINGERPRINTS) >= _KEEP_MAX:
            _FINGERPRINTS.clear()
        found = _FINGERPRINTS[text] = _Fingerprint(text)
    return found


@dataclass
class _Seen:
    """What the last run decided for one paragraph: enough to decide it again without comparing."""

    text: str
    exact: Optional[str]
    bands: list[tuple[int, ...]]
    kept: bool = False  # not a repeat: it went into the buckets, later paragraphs compare with it
    of: Optional[tuple[str, int]] = None  # the paragraph it repeats


@dataclass
class _ArticleRun:
    """One article in a run of `find`: its paragraphs (a copy of them), each one's decision, its
    kept paragraphs (what later ones are compared with) and its repeats; and the bands and words of
    those of its paragraphs that count, to see in one step whether a change touches any of them."""

    paragraphs: list[str]
    seen: list[tuple[tuple[str, int], _Seen]]
    kept: list[tuple[str, int, str, str, list[tuple[int, ...]]]]  # (article, index, text, words, bands)
    repeats: list[Repeat]
    bands: set[tuple[int, ...]]
    words: set[str]


@dataclass
class Trace:
    """A run of `find`: the articles in order and each paragraph's decision (and, in the process that
    made it, each article's part of the run: not stored, see `_ArticleRun`)."""

    order: list[str] = field(default_factory=list)
    seen: dict[tuple[str, int], _Seen] = field(default_factory=dict)
    changed: bool = True  # whether anything was decided anew (False: the previous trace, unchanged)
    articles: dict[str, _ArticleRun] = field(default_factory=dict, repr=False, compare=False)

    def __getstate__(self) -> dict:
        return {"order": self.order, "seen": self.seen, "changed": self.changed}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, articles={})


def find(articles: list[ArticleFacts], previous: Optional[Trace] = None) -> list[Repeat]:
    """Every paragraph that repeats an earlier one."""
    return find_traced(articles, previous)[0]


def find_traced(articles: list[ArticleFacts], previous: Optional[Trace] = None) -> tuple[list[Repeat], Trace]:
    """Every paragraph that repeats an earlier one, and the trace of this run. Given the `previous` run's
    trace, a paragraph is compared again only when what it would be compared with may have changed.

    A paragraph's decision depends on the paragraphs kept before it in its buckets and on the first kept
    paragraph with its words: the same as last time unless a changed paragraph (new, edited, gone, or kept
    this time and not last time, or the reverse) touched one of its buckets or its words earlier. Those
    buckets and words are marked, and only paragraphs touching a mark are compared; the others repeat
    last run's decision, so an edit costs its own paragraphs and their neighbours, not the whole story.
    An article given the same paragraphs as last time that no mark touches takes its
    part of the last run in one step; the buckets are filled only when a paragraph is compared."""
    order = [f.article.id for f in articles]
    if previous is not None:
        common = set(order) & set(previous.order)
        if [a for a in order if a in common] != [a for a in previous.order if a in common]:
            previous = None  # an article moved (its date changed): compare everything
    old = previous.seen if previous is not None else {}
    runs = previous.articles if previous is not None else {}
    dirty_bands: set[tuple[int, ...]] = set()
    dirty_exact: set[str] = set()
    given = {f.article.id: f.article.paragraphs for f in articles}
    if runs.keys() == set(previous.order if previous is not None else ()):  # a run of this process: by article
        paragraphs_of = {}
        for article_id, run in runs.items():
            paragraphs = given.get(article_id)
            if paragraphs != run.paragraphs:
                for k, seen in run.seen:
                    paragraphs_of[k] = paragraphs
        changed_seen = ((k, old[k]) for k in paragraphs_of)
    else:
        paragraphs_of = {k: given.get(k[0]) for k in old}
        changed_seen = old.items()
    for k, seen in changed_seen:
        paragraphs = paragraphs_of[k]
        text = paragraphs[k[1] - 1] if paragraphs is not None and k[1] <= len(paragraphs) else None
        if seen.kept and text != seen.text:  # gone or edited: its buckets and words change
            dirty_bands.update(seen.bands)
            dirty_exact.add(seen.exact)
    kept = _Kept()
    found: list[Repeat] = []
    total = sum(len(p) for p in given.values())
    trace = Trace(order=order, changed=previous is None or order != previous.order or len(old) != total)
    for facts in articles:
        article = facts.article
        run = runs.get(article.id)
        if (run is not None and run.paragraphs == article.paragraphs and dirty_exact.isdisjoint(run.words)
                and dirty_bands.isdisjoint(run.bands)):
            trace.seen.update(run.seen)
            trace.articles[article.id] = run
            found += run.repeats
            kept.add(run)
            continue
        run = _ArticleRun(list(article.paragraphs), [], [], [], set(), set())
        kept.add(run)
        for index, text in enumerate(article.paragraphs, start=1):
            k = (article.id, index)
            before = old.get(k)
            if before is not None and before.text != text:
                before = None
            if before is not None and (before.exact is None or (before.exact not in dirty_exact
                                                                 and dirty_bands.isdisjoint(before.bands))):
                now = before
            else:
                now = _decide(text, *kept.before(_fingerprint(text)))
                trace.changed = True
                if before is None or before.kept != now.kept:
                    dirty_bands.update(now.bands)
                    if now.exact is not None:
                        dirty_exact.add(now.exact)
            trace.seen[k] = now
            run.seen.append((k, now))
            if now.exact is None:
                continue
            run.bands.update(now.bands)
            run.words.add(now.exact)
            if now.of is not None:
                repeat = Repeat(article.id, index, now.of[0], now.of[1], text)
                found.append(repeat)
                run.repeats.append(repeat)
                continue
            run.kept.append((article.id, index, text, now.exact, now.bands))
        trace.articles[article.id] = run
    return found, trace


class _Kept:
    """The paragraphs kept so far in a run of `find_traced`, by article (each article's part of the run,
    whose kept list may still grow), and what a comparison reads of them: the paragraph with the same
    words, and the latest `BUCKET` paragraphs of each of its bands. After an edit few bands are read:
    each is filled on demand, looking only through the articles that have it and only past where it
    was last filled (and the same for the words). Past `LAZY_MAX` bands and words (a first run, or an
    edit whose paragraph many others share) every kept paragraph goes into the buckets as it comes.
    Either way a comparison sees the same paragraphs, in the same order."""

    LAZY_MAX = 256

    def __init__(self) -> None:
        self.runs: list[_ArticleRun] = []
        self.sets: dict[str, list[set]] = {"bands": [], "words": []}  # each run's bands, each run's words
        self.buckets: dict[tuple[int, ...], deque[tuple[str, int, str]]] = {}
        self.cursors: dict[object, tuple[int, int]] = {}  # band or words -> (run, entry) looked through up to
        self.same: dict[str, tuple[str, int]] = {}  # words -> the latest paragraph kept with them
        self.filled: Optional[tuple[int, int]] = None  # (run, entry) every bucket is filled up to, once all are

    def add(self, run: _ArticleRun) -> None:
        self.runs.append(run)
        self.sets["bands"].append(run.bands)
        self.sets["words"].append(run.words)

    def before(self, fingerprint: "_Fingerprint") -> tuple[dict[str, tuple[str, int]],
                                                             dict[tuple[int, ...], deque[tuple[str, int, str]]]]:
        """What a comparison of `fingerprint` reads: the paragraph kept with its words (by words) and the
        buckets (at least those of its bands)."""
        if self.filled is None and len(self.cursors) + len(fingerprint.bands) + 1 > self.LAZY_MAX:
            self.buckets, self.same, self.filled = {}, {}, (0, 0)
        if self.filled is not None:
            self._fill_all()
            return self.same, self.buckets
        if fingerprint.exact is not None:
            self._look(fingerprint.exact, "words", self._words)
        for band in fingerprint.bands:
            self._look(band, "bands", self._band)
        return self.same, self.buckets

    def _look(self, what: object, where: str, take: Callable) -> None:
        """`take(what, entry)` for each kept paragraph not yet looked through for `what`, in order, in the
        articles whose `where` (their bands, or their words) has `what`: they cover those of their kept
        paragraphs."""
        start, first = self.cursors.get(what, (0, 0))
        runs = self.runs
        for i in [i for i, found in enumerate(self.sets[where][start:], start) if what in found]:
            for entry in runs[i].kept[first if i == start else 0:]:
                take(what, entry)
        self.cursors[what] = (len(runs) - 1, len(runs[-1].kept))

    def _words(self, words: str, entry: tuple) -> None:
        if entry[3] == words:
            self.same[words] = entry[:2]

    def _band(self, band: tuple[int, ...], entry: tuple) -> None:
        if band in entry[4]:
            bucket = self.buckets.get(band)
            if bucket is None:
                bucket = self.buckets[band] = deque(maxlen=BUCKET)
            bucket.append(entry[:3])

    def _fill_all(self) -> None:
        """Every kept paragraph into the buckets and the words."""
        start, first = self.filled
        for i in range(start, len(self.runs)):
            for article_id, index, text, exact, bands in self.runs[i].kept[first if i == start else 0:]:
                self.same[exact] = (article_id, index)
                for band in bands:
                    bucket = self.buckets.get(band)
                    if bucket is None:
                        bucket = self.buckets[band] = deque(maxlen=BUCKET)
                    bucket.append((article_id, index, text))
        last = len(self.runs) - 1
        self.filled = (last, len(self.runs[last].kept))


def _decide(text: str, seen_exact: dict[str, tuple[str, int]],
            buckets: dict[tuple[int, ...], deque[tuple[str, int, str]]]) -> _Seen:
    """Whether the paragraph `text` repeats one kept before it (its words, or 90% of its 4-grams)."""
    fingerprint = _fingerprint(text)
    now = _Seen(text, fingerprint.exact, fingerprint.bands)
    if fingerprint.exact is None:
        return now
    if fingerprint.exact in seen_exact:
        now.of = seen_exact[fingerprint.exact]
        return now
    shingles = fingerprint.shingles
    size = len(shingles)
    tried: set[tuple[str, int]] = set()
    for band in fingerprint.bands:
        for other_article, other_index, other_text in reversed(buckets.get(band, ())):
            # The same paragraph sits in several bands: once compared, it is known not to match.
            if (other_article, other_index) in tried:
                continue
            tried.add((other_article, other_index))
            other = _fingerprint(other_text).shingles
            n = len(other)
            # Sizes this far apart cannot share 90% of the larger (a shortcut, the same answer).
            if min(size, n) >= SIMILAR * max(size, n) and len(shingles & other) >= SIMILAR * max(size, n):
                now.of = (other_article, other_index)
                return now
    now.kept = True
    return now


class Finder:
    """`find` with a memory: the trace of the last run, in this process and in `path` (a pickle under
    `.cache/`, tagged with `version`, the build code's digest), so the next build compares only what an
    edit can change. The file holds each article's part of the trace pickled apart, so that writing it
    after an edit pickles only the articles whose decisions changed."""

    def __init__(self, path: Optional[Path] = None, version: str = ""):
        self.path = path
        self.version = version
        self.trace: Optional[Trace] = None
        self.loaded = False
        self._parts: dict[str, tuple[list[_Seen], bytes]] = {}  # article -> its decisions, pickled
        self._runs: dict[str, _ArticleRun] = {}  # article -> the part of the run whose decisions `_parts` holds

    def find(self, articles: list[ArticleFacts], version: str = "", reuse: bool = True) -> list[Repeat]:
        """Every paragraph that repeats an earlier one (`reuse=False`: compared from scratch, as `find`)."""
        if version != self.version:
            self.version, self.trace, self.loaded = version, None, False
        if not self.loaded:
            self.trace, self.loaded = self._read(), True
        found, self.trace = find_traced(articles, self.trace if reuse else None)
        if self.trace.changed:
            self._write()
        return found

    def _read(self) -> Optional[Trace]:
        if self.path is None:
            return None
        storing.wait(self.path)
        try:
            version, order, parts = pickle.loads(self.path.read_bytes())
            if version != self.version:
                return None
            trace = Trace(order=order, changed=False)
            for article, data in parts.items():
                decisions = pickle.loads(data)
                trace.seen.update(((article, i), seen) for i, seen in decisions)
                self._parts[article] = ([seen for _, seen in decisions], data)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            self._parts = {}
            return None
        return trace

    def _write(self) -> None:
        if self.path is None:
            return
        trace, runs = self.trace, self.trace.articles
        # Each article's decisions ((article, index), decision): its part of the run when the run was made
        # in this process, else the trace grouped by article.
        if runs.keys() == set(trace.order):
            by_article = {article: runs[article].seen for article in trace.order if runs[article].seen}
        else:
            by_article = {}
            for k, seen in trace.seen.items():
                by_article.setdefault(k[0], []).append((k, seen))
        parts: dict[str, bytes] = {}
        for article, seen in by_article.items():
            kept = self._parts.get(article)
            if kept is not None and article in runs and runs[article] is self._runs.get(article):
                parts[article] = kept[1]  # the same part of the run as the one pickled: the same decisions
                continue
            decisions = [(k[1], decision) for k, decision in seen]
            if kept is None or len(kept[0]) != len(decisions) or any(a is not b for a, (_, b) in zip(kept[0], decisions)):
                kept = self._parts[article] = ([decision for _, decision in decisions],
                                               pickle.dumps(decisions, protocol=pickle.HIGHEST_PROTOCOL))
            parts[article] = kept[1]
        for article in [a for a in self._parts if a not in parts]:
            del self._parts[article]
        self._runs = dict(runs)
        storing.write_later(self.path, pickle.dumps((self.version, self.trace.order, parts), protocol=pickle.HIGHEST_PROTOCOL))


def drop_repeated_facts(articles: list[ArticleFacts], repeats: list[Repeat], reuse=None) -> None:
    """The facts of a repeated paragraph were already counted where it first appeared. The lists of
    `articles` are replaced; the records in them are not changed (a process keeps them for its next
    build): an entity that loses mentions is a copy. `reuse` (a `session.Reuse`, for facts as
    `pipeline.extract_all` gives them: their sentence list stands for their extraction) gives an
    article the lists of the last build when its extraction and its repeated paragraphs are the same."""
    by_article: dict[str, set[int]] = {}
    for r in repeats:
        by_article.setdefault(r.article, set()).add(r.paragraph)
    for facts in articles:
        paragraphs = by_article.get(facts.article.id)
        if not paragraphs:
            continue
        if reuse is None:
            kept = _without(facts, paragraphs)
        else:
            kept = reuse.get((facts.article.sentences,), (frozenset(paragraphs),),
                             lambda: _without(facts, paragraphs))
        (facts.dates, facts.numbers, facts.quotes, facts.sources, facts.people, facts.places,
         facts.organizations) = (list(items) for items in kept)
    if reuse is not None:
        reuse.done()


def _without(facts: ArticleFacts, paragraphs: set[int]) -> tuple[list, ...]:
    """The lists of facts of an article without those of `paragraphs` (dates, numbers, quotes, sources,
    people, places, organizations)."""
    gone = {s.id for s in facts.article.sentences if s.paragraph in paragraphs}
    entities = []
    for attr in ("people", "places", "organizations"):
        kept = []
        for entity in getattr(facts, attr):
            mentions = [m for m in entity.mentions if m.sentence not in gone]
            if len(mentions) < len(entity.mentions):
                entity = dataclasses.replace(entity, mentions=mentions)
            if mentions:
                kept.append(entity)
        entities.append(kept)
    return ([d for d in facts.dates if d.sentence not in gone], [n for n in facts.numbers if n.sentence not in gone],
            [q for q in facts.quotes if q.sentence not in gone], [s for s in facts.sources if s.sentence not in gone],
            *entities)
