"""Split article paragraphs into sentences, each with a stable anchor id (`p2-s1`).

A sentence ends at . ! ? or … followed by space and a capital letter, a digit, a dash or an opening
quote, except after an abbreviation or an initial, and never inside a quotation that closes in the
same paragraph (a quoted speech of several sentences stays one anchored unit with its speaker).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from .lang import Lang, ascii_fold
from .model import Article, Sentence

MAX_SENTENCE = 2000  # a run without punctuation is cut here so anchors stay readable
FOREIGN_SHARE = 0.2  # a paragraph whose words are this often English function words is an embedded post

@functools.lru_cache(maxsize=4)
def _end(lang: Lang) -> re.Pattern:
    """End of a sentence: . ! ? or … (and closing marks), then space and a capital, digit, dash or quote
    (also '' typed for „, as sites without the Romanian marks write it)."""
    return re.compile(rf"[.!?…]{{1,5}}[\"'”»“)]{{0,3}}\s+(?=[{lang['capital_letters']}0-9„“”\"'«—–-])")


def stamp_end(text: str, lang: Lang) -> int:
    """Where the entry of a live text begins after its time stamp ("ORA 15:40 | Președintele …" -> 13),
    or 0 when `text` opens with no stamp (`entry_stamps`)."""
    stamps = lang["entry_stamps"]
    found = _stamp(tuple(stamps["words"]), tuple(stamps["separators"]), lang["capital_letters"]).match(text)
    return found.end() if found else 0


@functools.lru_cache(maxsize=4)
def _stamp(words: tuple[str, ...], separators: tuple[str, ...], capitals: str) -> re.Pattern:
    """An optional stamp word, a time, a separator and the capital that opens the entry (bounded)."""
    word = "|".join(re.escape(w) for w in words)
    mark = "".join(re.escape(s) for s in separators)
    return re.compile(rf"(?:(?i:{word})\s{{1,3}})?\d{{1,2}}[:.]\d{{2}}\s{{0,3}}[{mark}]\s{{1,3}}(?=[{capitals}„“\"«])")


def split_sentences(article: Article, lang: Lang) -> list[Sentence]:
    """The sentences of `article`, with offsets into `article.body`."""
    abbreviations = {a.lower() for a in lang["abbreviations"]}
    sentences: list[Sentence] = []
    offset = 0
    for p_index, paragraph in enumerate(article.paragraphs, start=1):
        spans = list(_sentence_spans(paragraph, abbreviations, lang))
        kind = furniture(paragraph, lang)
        for s_index, (start, end) in enumerate(spans, start=1):
            last = s_index == len(spans) > 1
            sentences.append(Sentence(
                id=f"p{p_index}-s{s_index}",
                text=paragraph[start:end],
                paragraph=p_index,
                start=offset + start,
                end=offset + end,
                # (a paragraph's last sentence may be a photo's credit: "… 1 iulie. Foto: Octav Ganea")
                furniture=kind or ("credit" if last and _credit(paragraph[start:end], lang) else None),
            ))
        offset += len(paragraph) + 2  # paragraphs are joined by a blank line in Article.body
    return sentences


@dataclass(frozen=True)
class Quotation:
    """A balanced quotation: its marks at [open, inner_start) and [inner_end, close), and its depth."""

    open: int
    inner_start: int
    inner_end: int
    close: int
    depth: int


CREDIT_MAX = 200  # characters of a photo's credit line ("Sursa foto: Shutterstock"); longer is text


def furniture(paragraph: str, lang: Lang) -> str | None:
    """What kind of page furniture a paragraph is ("byline", "stamp", "read_also", "tags", "credit",
    "social"), or None for the article's own text. Furniture is shown on the article page but yields no
    facts."""
    start = ascii_fold(paragraph.lstrip().lower())  # (sites that publish without diacritics: "Urmareste")
    for kind, markers in _line_markers(lang):
        if start.startswith(markers):
            return kind
    if _credit(paragraph, lang):
        return "credit"
    if _date_line(paragraph, lang):
        return "stamp"
    if _signed_by(paragraph, lang) or _labelled_credits(paragraph, lang):
        return "byline"
    if any(m in paragraph for m in lang["social_markers"]):
        return "social"
    words = re.findall(r"[^\W\d_]+", paragraph.lower())
    foreign = set(lang["foreign_function_words"])
    if len(words) >= 6 and sum(w in foreign for w in words) >= FOREIGN_SHARE * len(words):
        return "social"  # a post in English pasted into the article
    return None


@functools.lru_cache(maxsize=4)
def _line_markers(lang: Lang) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(kind, the markers that open such a line, lowercase and without diacritics), once per language."""
    return tuple((kind, tuple(ascii_fold(m.lower()) for m in lang[markers]))
                 for kind, markers in (("byline", "byline_markers"), ("stamp", "stamp_markers"),
                                       ("read_also", "read_also_markers"), ("tags", "tag_markers")))


DATE_LINE_MAX = 60  # characters of a line that is only a date and a time ("12 martie 2025, 14:32")


@functools.lru_cache(maxsize=4)
def _date_line_words(lang: Lang) -> frozenset[str]:
    """The words a date line may hold: months (also without their dot), weekdays, "ora", and the words
    of a stamp's label written without its colon ("Publicat joi, 19 iunie 2025, ora 16:02")."""
    known = {w.lower() for group in ("months", "weekdays") for ws in lang[group].values() for w in ws}
    labels = {w for marker in lang["stamp_markers"] for w in re.findall(r"[^\W\d_]+", marker.lower())}
    return frozenset(known | {w.rstrip(".") for w in known} | {"ora"} | labels)


def _date_line(text: str, lang: Lang) -> bool:
    """A line that is only a date and perhaps a time, a weekday, "ora" or a stamp's label ("12 martie 2025,
    14:32", "Miercuri, 12.03.2025", "Actualizat 12.03.2025 16:05"): the page's stamp, not a statement."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    # (a day and a year at least: "2019" or "Martie 2025" alone heads a timeline's part)
    return len(text) <= DATE_LINE_MAX and bool(re.search(r"\d{4}", text)) and len(re.findall(r"\d+", text)) >= 2 \
        and all(w in _date_line_words(lang) for w in words)


SIGNATURE_MAX = 80  # characters of a line that signs the article ("de Teodora Stan | 30 iulie 2024, 06:00")


@functools.lru_cache(maxsize=4)
def _signature(capitals: str) -> re.Pattern:
    """ "de" and two to four capitalized words, then the line's end, a bar or a comma (bounded)."""
    word = rf"[{capitals}][^\s|,]{{0,30}}"
    return re.compile(rf"(?i:de)\s{word}(?:\s{word}){{1,3}}\s?(?:[|,]|$)")


def _signed_by(text: str, lang: Lang) -> bool:
    """A short line that signs the article: "de Teodora Stan", "de Teodora Stan | 30 iulie 2024", "de Ion
    Pop, Cluj" (after a comma, only capitalized words or numbers: "De Ziua Națională, peste …" is text)."""
    text = text.strip()
    found = _signature(lang["capital_letters"]).match(text) if len(text) <= SIGNATURE_MAX else None
    if found is None:
        return False
    rest = text[found.end():].split()
    return not found.group(0).endswith(",") or all(w[:1].isupper() or w[:1].isdigit() for w in rest)


def _labelled_credits(text: str, lang: Lang) -> bool:
    """A short line of the newsroom's credits: two labels ("redactare: … · editare: …"), or one label
    opening the line after at most two words ("Traducere și adaptare: …", "AGERPRES · redactare: …")."""
    start = text.lstrip().lower()
    labels = [start.find(label) for label in lang["byline_labels"] if label in start]
    return len(text) <= CREDIT_MAX and bool(labels) and (len(labels) >= 2 or len(start[: min(labels)].split()) <= 2)


def _credit(text: str, lang: Lang) -> bool:
    """A photo's credit: a short line that opens with a credit marker ("Foto: Inquam Photos / X")."""
    start = text.lstrip().lower()
    return len(text) <= CREDIT_MAX and any(start.startswith(m.lower()) for m in lang["caption_credit_markers"])


def quoted_ranges(text: str, lang: Lang) -> list[Quotation]:
    """Every balanced quotation in `text` (a linear scan); unclosed marks are ignored.

    A mark that is also a closer (” “ " '') opens only after a space or an opening bracket and before a
    word, so a site that opens with ” ("”este complet scăpată”") is read right.
    """
    return _scan(text, lang)[0]


def unclosed_opening(text: str, lang: Lang) -> Optional[tuple[int, int]]:
    """The first quotation mark of `text` left open at its end, outside any quotation: (its position, its
    length), or None. A quotation running over several paragraphs is open at the end of each but the last
    ("„Am aflat … din istoria sa." / "„Voi contesta decizia …”, a scris el.")."""
    stack = _scan(text, lang)[1]
    return (stack[0][1], stack[0][2]) if stack else None


def opens_with_quotation(text: str, lang: Lang) -> bool:
    """Whether `text` begins with an opening quotation mark."""
    text = text.lstrip()
    return any(text.startswith(o) and _opens_here(text, 0, len(o)) for o, _ in lang["quote_marks"])


def _scan(text: str, lang: Lang) -> tuple[list[Quotation], list[tuple[str, int, int]]]:
    """The balanced quotations of `text`, and the marks left open at its end (mark, position, length)."""
    pairs = [tuple(p) for p in lang["quote_marks"]]
    marks = sorted({m for pair in pairs for m in pair}, key=len, reverse=True)
    openers = {o for o, _ in pairs}
    closers_for: dict[str, set[str]] = {}
    for o, c in pairs:
        closers_for.setdefault(o, set()).add(c)
    stack: list[tuple[str, int, int]] = []  # (mark, position, length)
    found: list[Quotation] = []
    first = _first_chars(tuple(marks))
    i = 0
    while i < len(text):
        hit = first.search(text, i)  # jump to the next character that can start a mark
        if hit is None:
            break
        i = hit.start()
        mark = next((m for m in marks if text.startswith(m, i)), None)
        if mark is None:
            i += 1
            continue
        n = len(mark)
        top = stack[-1] if stack else None
        if top and mark in closers_for[top[0]] and not (mark in openers and _opens_here(text, i, n) and mark != top[0]):
            if not (mark == top[0] and _opens_here(text, i, n)):
                opener, start, length = stack.pop()
                found.append(Quotation(start, start + length, i, i + n, len(stack)))
                i += n
                continue
        if mark in openers and _opens_here(text, i, n) and len(stack) < 8:
            stack.append((mark, i, n))
        i += n
    return sorted(found, key=lambda q: q.open), stack


@functools.lru_cache(maxsize=8)
def _first_chars(marks: tuple[str, ...]) -> re.Pattern:
    """One character class of the first characters of the quotation marks (a linear search)."""
    return re.compile("[" + "".join(re.escape(c) for c in sorted({m[0] for m in marks})) + "]")


def _opens_here(text: str, i: int, n: int = 1) -> bool:
    ch = text[i]
    if ch in "„«":
        return True
    before = text[i - 1] if i > 0 else " "
    after = text[i + n] if i + n < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


ENTRY_HEADING_WORDS = 4  # a live text's entry may open with a heading this short ("22:41 – Min. 88: Bară Craiova! …")


def _sentence_spans(paragraph: str, abbreviations: set[str], lang: Lang):
    inside = [False] * (len(paragraph) + 1)
    stamped = stamp_end(paragraph, lang)
    closes = set()
    for q in quoted_ranges(paragraph, lang):
        if q.depth == 0:
            closes.add(q.inner_end)
            for i in range(q.open, q.inner_end):
                inside[i] = True
    start = 0
    for match in _end(lang).finditer(paragraph):
        cut = match.end()
        dot = match.start()
        # Inside a quotation only where the quotation closes right after this mark ("... sigură.” Apoi").
        closes_here = any(c in closes for c in range(dot, cut))
        if (inside[dot] and not closes_here) or _is_abbreviation(paragraph, dot, abbreviations):
            continue
        if start == 0 and stamped and len(paragraph[stamped:dot].split()) <= ENTRY_HEADING_WORDS:
            continue  # "21:09 – GOL Rapid! 1-0, Pădure deschide scorul …": the heading opens the entry's sentence
        yield from _bounded(paragraph, start, cut)
        start = cut
    if start < len(paragraph):
        yield from _bounded(paragraph, start, len(paragraph))


def _bounded(paragraph: str, start: int, end: int):
    """Yield (start, end) trimmed of spaces, cutting very long runs at a space."""
    while end - start > MAX_SENTENCE:
        cut = paragraph.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        yield _trim(paragraph, start, cut)
        start = cut
    if paragraph[start:end].strip():
        yield _trim(paragraph, start, end)


def _trim(paragraph: str, start: int, end: int) -> tuple[int, int]:
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    return start, end


def _is_abbreviation(text: str, dot: int, abbreviations: set[str]) -> bool:
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start: dot + 1].lstrip("(„“\"«").lower()
    if word in abbreviations:
        return True
    core = word[:-1]
    # An initial ("A. Popescu") or a dotted acronym ("S.U.A.") does not end a sentence.
    return (len(core) == 1 and core.isalpha()) or bool(re.fullmatch(r"(?:\w\.)+\w", core))
