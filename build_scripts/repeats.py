"""Repeated paragraphs: scraped pages repeat wire copy, within one article or across articles.

A paragraph is a repeat of an earlier one (in reading order: articles by date, then paragraphs) when
their words are the same, or nearly so (at least 90% of their word 4-grams shared). Candidates are found
by a few min-hashes of those 4-grams, so a story of n paragraphs costs about n look-ups, never all pairs.
A repeat keeps its place on its article page, marked; its facts are not counted twice.
"""
from __future__ import annotations

import re
import zlib

from .lang import ascii_fold
from .model import ArticleFacts, Repeat

MIN_WORDS = 12        # shorter paragraphs ("Foto: …", "Citește și") repeat by nature
SHINGLE = 4
SIGNATURES = 8        # min-hashes per paragraph; two near-copies share at least one almost surely
SIMILAR = 0.9
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


def find(articles: list[ArticleFacts]) -> list[Repeat]:
    """Every paragraph that repeats an earlier one."""
    seen_exact: dict[str, tuple[str, int]] = {}
    buckets: dict[tuple[int, int], list[tuple[str, int, set[int]]]] = {}
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
            signature = _signature(shingles)
            match = None
            for slot, value in enumerate(signature):
                for other_article, other_index, other in buckets.get((slot, value), ()):
                    if len(shingles & other) >= SIMILAR * max(len(shingles), len(other)):
                        match = (other_article, other_index)
                        break
                if match:
                    break
            if match:
                found.append(Repeat(article.id, index, match[0], match[1], text))
                continue
            seen_exact[exact] = (article.id, index)
            for slot, value in enumerate(signature):
                buckets.setdefault((slot, value), []).append((article.id, index, shingles))
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
