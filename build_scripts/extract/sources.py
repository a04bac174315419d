"""Named sources: "potrivit KCNA", "conform Reuters", "citat de The Guardian", "a raportat KCNA",
and the agency of a dateline ("BUCUREȘTI, 14 mar (Agerpres) -").

Only named sources count: after the attribution phrase, up to a few lowercase words may stand before
the name ("potrivit agenției de stat KCNA"); a source described without a name ("potrivit agențiilor
de informații occidentale") is not listed.
"""
from __future__ import annotations

import functools
import re

from ..lang import Lang
from ..model import Sentence, SourceMention
from .entities import EntityResult

MAX_LOWER_WORDS = 4

_DATELINE = re.compile(r"^[A-ZĂÂÎȘȚ][A-ZĂÂÎȘȚ .-]+,\s*[^()]{0,30}\(([^()]{2,40})\)\s*[-–—]")


@functools.lru_cache(maxsize=4)
def _attribution(lang: Lang) -> re.Pattern:
    return re.compile(rf"(?<![\w])(?P<phrase>{lang.alt('attribution_before')})(?![\w])\s+((?:lui\s+)?)", re.I)


@functools.lru_cache(maxsize=4)
def _source_verbs(lang: Lang) -> re.Pattern:
    return re.compile(rf"(?<![\w])(?:{lang.alt('source_verbs')})(?![\w])", re.I)


def _media(lang: Lang) -> set[str]:
    return {o["name"] for o in lang.gazetteer["organizations"] if o.get("kind") == "media"}


def extract_sources(sentences: list[Sentence], entities: EntityResult, lang: Lang) -> list[SourceMention]:
    """Named sources of an article, one per (name, sentence)."""
    named = entities.speakers
    found: list[SourceMention] = []
    seen: set[tuple[str, str]] = set()
    for index, sentence in enumerate(sentences):
        spans = [(a, b, n) for a, b, n in entities.spans.get(sentence.id, []) if n in named]
        for m in _attribution(lang).finditer(sentence.text):
            name = _name_after(sentence.text, m.end(), spans)
            if m.group("phrase").lower().endswith("pentru") and (name not in _media(lang) or not _adjacent(sentence.text, m.end(), spans, name)):
                continue  # "pentru" names a source only as "pentru Digi24", never "pentru a sprijini Rusia"
            if name and (name, sentence.id) not in seen:
                seen.add((name, sentence.id))
                found.append(SourceMention(name=name, sentence=sentence.id, text=m.group(0) + name))
        # "Ministerul Sănătății a anunțat că ...": the subject of a verb of announcing is a source.
        for m in _source_verbs(lang).finditer(sentence.text):
            name = _subject_before(sentence.text, m.start(), spans)
            if name and (name, sentence.id) not in seen:
                seen.add((name, sentence.id))
                found.append(SourceMention(name=name, sentence=sentence.id, text=name + " " + m.group(0)))
        if index == 0:
            dateline = _DATELINE.match(sentence.text)
            if dateline:
                inside = dateline.start(1)
                name = next((n for a, b, n in spans if a >= inside and b <= dateline.end(1)), None)
                if name and (name, sentence.id) not in seen:
                    seen.add((name, sentence.id))
                    found.append(SourceMention(name=name, sentence=sentence.id, text=dateline.group(1)))
    return found


def _adjacent(text: str, pos: int, spans: list[tuple[int, int, str]], name: str) -> bool:
    return any(n == name and start - pos <= 1 for start, _, n in spans if start >= pos)


def _subject_before(text: str, pos: int, spans: list[tuple[int, int, str]]) -> str | None:
    """The entity right before a verb, or before an apposition ("Ion Popa, ministrul X, a anunțat")."""
    for start, end, name in sorted(spans, reverse=True):
        if end > pos:
            continue
        gap = text[end:pos]
        if re.fullmatch(r"\s*(?:,[^,.;„“”«»]{1,80},\s*)?", gap):
            return name
        return None
    return None


def _name_after(text: str, pos: int, spans: list[tuple[int, int, str]]) -> str | None:
    """The entity that starts after `pos`, past at most a few lowercase words and no punctuation."""
    rest = text[pos:]
    skipped = re.match(rf"(?:[a-zăâîșț][\w-]*\s+){{0,{MAX_LOWER_WORDS}}}", rest)
    limit = pos + (skipped.end() if skipped else 0)
    for start, end, name in sorted(spans):
        if pos <= start <= limit:
            return name
    return None
