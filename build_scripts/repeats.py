"""Repeated paragraphs: scraped pages repeat wire copy, within one article or across articles.

A paragraph is a repeat of an earlier one (in reading order: articles by date, then paragraphs) when
their words are the same, or nearly so (at least 90% of their word 4-grams shared). Candidates are found
by a few min-hashes of those 4-grams, so a story of n paragraphs costs about n look-ups, never all pairs
(each band of min-hashes keeps its latest `BUCKET` paragraphs, so a template repeated with other names in
thousands of articles does not make every new paragraph compare with all of them).
A repeat keeps its place on its article page, marked; its facts are not counted twice.
"""
from __future__ import annotations

import re
import zlib
from collections import deque

from .lang import ascii_fold
from .model import ArticleFacts, Repeat

MIN_WORDS = 12        # shorter paragraphs ("Foto: …", "Citește și") repeat by nature
SHINGLE = 4
SIGNATURES = 12       # min-hashes per paragraph, in bands of two: two near-copies (Jaccard ≥ 0.8) share
BAND = 2              # a band in > 99.8% of cases, and paragraphs that only look alike rarely do
SIMILAR = 0.9
BUCKET = 32          # paragraphs kept per min-hash value: wire templates with many near-misses stay linear
_WORD = re.compile(r"[^\W_]{1,60}")


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
    import numpy as np  # the min-hashes of a paragraph in one vectorized pass per hash

    values = np.fromiter(shingles, dtype=np.uint64, count=len(shingles))
    with np.errstate(over="ignore"):
        return [int((values * np.uint64(2 * k + 1) + np.uint64(k)).min()) for k in range(SIGNATURES)]


def _bands(signature: list[int]) -> list[tuple[int, ...]]:
    """The bucket keys of a paragraph: its min-hashes in bands of `BAND`, each tagged with its slot."""
    return [(slot, *signature[slot:slot + BAND]) for slot in range(0, len(signature), BAND)]


def find(articles: list[ArticleFacts]) -> list[Repeat]:
    """Every paragraph that repeats an earlier one."""
    seen_exact: dict[str, tuple[str, int]] = {}
    buckets: dict[tuple[int, ...], deque[tuple[str, int, set[int]]]] = {}
    found: list[Repeat] = []
    for facts in articles:
        article = facts.article
        for index, text in enumerate(article.paragraphs, start=1):
            words = _words(text)
            if len(words) < MIN_WORDS:
                continue
            exact = " ".join(words)
            if exact in seen_exact:
                of = seen_exact[exact]
                found.append(Repeat(article.id, index, of[0], of[1], text))
                continue
            shingles = _shingles(words)
            bands = _bands(_signature(shingles))
            match = None
            for band in bands:
                for other_article, other_index, other in reversed(buckets.get(band, ())):
                    if len(shingles & other) >= SIMILAR * max(len(shingles), len(other)):
                        match = (other_article, other_index)
                        break
                if match:
                    break
            if match:
                found.append(Repeat(article.id, index, match[0], match[1], text))
                continue
            seen_exact[exact] = (article.id, index)
            for band in bands:
                bucket = buckets.get(band)
                if bucket is None:
                    bucket = buckets[band] = deque(maxlen=BUCKET)
                bucket.append((article.id, index, shingles))
    return found


def drop_repeated_facts(articles: list[ArticleFacts], repeats: list[Repeat]) -> None:
    """The facts of a repeated paragraph were already counted where it first appeared."""
    by_article: dict[str, set[int]] = {}
    for r in repeats:
        by_article.setdefault(r.article, set()).add(r.paragraph)
    for facts in articles:
        paragraphs = by_article.get(facts.article.id)
        if not paragraphs:
            continue
        gone = {s.id for s in facts.article.sentences if s.paragraph in paragraphs}
        facts.dates = [d for d in facts.dates if d.sentence not in gone]
        facts.numbers = [n for n in facts.numbers if n.sentence not in gone]
        facts.quotes = [q for q in facts.quotes if q.sentence not in gone]
        facts.sources = [s for s in facts.sources if s.sentence not in gone]
        for attr in ("people", "places", "organizations"):
            kept = []
            for entity in getattr(facts, attr):
                entity.mentions = [m for m in entity.mentions if m.sentence not in gone]
                if entity.mentions:
                    kept.append(entity)
            setattr(facts, attr, kept)
