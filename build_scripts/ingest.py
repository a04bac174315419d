"""Read one article file: decode it, take its metadata, separate the photo caption, clean the body.

Nothing here writes anywhere: the editor's file is only read. Every problem becomes an `IngestError`
carrying a `Problem` that names the file and says what is wrong in one line.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any, Optional

import yaml

# libyaml's parser when PyYAML has it: the same safe loading, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

from .encoding import DecodeError, decode
from .lang import Lang, fold_diacritics
from .model import Article, Problem

# An article is news text: a 10,000-word long read is about 65 KB. The limit keeps the whole build of
# the largest accepted article (extraction, pages, PDF) within a minute (measured: about 40 s for 100 KB
# of news text on 2 cores; 300 KB took 95 s); anything bigger is a mistake.
MAX_BYTES = 100 * 1024
TITLE_MAX = 90
KNOWN_KEYS = ("title", "date", "source", "url", "author")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_DATE_LINE = re.compile(r"\A\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.I)
# Control characters other than tab and newline never belong in an article.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What a copy from a web page brings along unseen: soft hyphens and zero-width characters inside words
# ("Bucu\u00adrești"), Unicode's line and paragraph separators, a non-breaking hyphen. (HTML entities
# stay as written: an article shows what its editor typed, "A&amp;B" included.)
_INVISIBLE = str.maketrans({"\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None,
                            "\u2028": "\n", "\u2029": "\n\n", "\u2011": "-"})


class IngestError(Exception):
    """An input file cannot become an article; `problem` says which file and why."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def read_article(path: Path, lang: Lang, display_path: Optional[str] = None) -> Article:
    """Read `path` and return its `Article` (sentences not yet split), or raise `IngestError`."""
    name = display_path or str(path)
    warnings: list[str] = []
    # 1. Bytes -> text, refusing what is not text.
    raw = _read_bytes(path, name)
    text = _decode(raw, name, warnings)
    # 2. One form for line ends, Unicode composition and Romanian letters.
    text = _normalize(text, warnings)
    # 3. Metadata: YAML front matter, or a leading "date YYYY-MM-DD" line.
    meta, text = _split_metadata(text, name, warnings)
    # 4. Paragraphs, with a first paragraph that is a photo caption set apart.
    paragraphs = _paragraphs(text)
    caption, credit, paragraphs = _split_caption(paragraphs, lang)
    if not paragraphs:
        raise IngestError(Problem(name, "no article text (the file holds only metadata or a caption)"))
    title = _clean_inline(str(meta["title"])) if meta.get("title") else ""
    published = meta.get("date")
    if published and published > dt.date.today():
        # Kept (an embargoed piece may be dated ahead), but an editor should see it: usually a typo.
        warnings.append(f"publication date {published.isoformat()} is in the future")
    return Article(
        id=path.stem,
        path=name,
        title=title or derive_title(paragraphs[0], lang),
        title_derived=not title,
        published=published,
        published_inferred=False,
        source=_optional_str(meta.get("source")),
        url=_optional_str(meta.get("url")),
        author=_optional_str(meta.get("author")),
        caption=caption,
        credit=credit,
        paragraphs=paragraphs,
        warnings=warnings,
    )


def derive_title(lead: str, lang: Lang, limit: int = TITLE_MAX) -> str:
    """A short title from the lead: its first sentence, cut at a word to at most `limit` characters."""
    first = re.split(rf"(?<=[.!?])\s+(?=[{lang['capital_letters']}„“\"])", lead.strip(), maxsplit=1)[0].rstrip(" .")
    if len(first) <= limit:
        return first
    cut = first[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–-") + "…"


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(Problem(name, f"file too large ({size // 1024} KB; the limit for an article is "
                                            f"{MAX_BYTES // 1024} KB)"))
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(Problem(name, f"cannot be read ({exc.strerror or exc})")) from exc


def _decode(raw: bytes, name: str, warnings: list[str]) -> str:
    if not raw.strip():
        raise IngestError(Problem(name, "empty file"))
    try:
        text, legacy = decode(raw)
    except DecodeError as exc:
        raise IngestError(Problem(name, str(exc))) from exc
    if legacy:
        warnings.append(f"not UTF-8; decoded as {legacy}")
    return text


def _normalize(text: str, warnings: list[str]) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if _CONTROL.search(text):
        warnings.append("control characters (such as NUL) removed")
        text = _CONTROL.sub("", text)
    text = text.translate(_INVISIBLE)
    text = unicodedata.normalize("NFC", text)
    return fold_diacritics(text)


def _split_metadata(text: str, name: str, warnings: list[str]) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            meta = yaml.load(match.group(1), Loader=_LOADER) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (line {mark.line + 2})" if mark else ""
            # (the usual slip: a title with ": " in it, "title: INTERVIU | Antrenorul: „…”")
            hint = ": a value holding ': ' must be put in quotes" if "mapping values" in str(getattr(exc, "problem", "")) else ""
            raise IngestError(Problem(name, f"invalid YAML front matter{where}{hint}")) from exc
        except ValueError as exc:  # YAML's own date type refuses impossible dates ("2025-02-31")
            raise IngestError(Problem(name, f"invalid date in front matter ({exc})")) from exc
        if not isinstance(meta, dict):
            raise IngestError(Problem(name, "front matter must be 'key: value' lines"))
        unknown = sorted(str(k) for k in meta if k not in KNOWN_KEYS)
        if unknown:
            warnings.append(f"unknown front-matter key(s) ignored: {', '.join(unknown)}")
        meta = {k: v for k, v in meta.items() if k in KNOWN_KEYS}
        if "date" in meta:
            meta["date"] = _parse_date(meta["date"], name)
        return meta, text[match.end():]
    match = _DATE_LINE.match(text)
    if match:
        return {"date": _parse_date(match.group(1), name)}, text[match.end():]
    return {}, text


def _parse_date(value: Any, name: str) -> Optional[dt.date]:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise IngestError(Problem(name, f"invalid date '{value}' (expected YYYY-MM-DD)")) from exc


# A line broken by an editor's or a mail program's wrapping is between these lengths (in characters);
# a longer line is a whole paragraph, a shorter one a heading, a stamp or a paragraph's end.
WRAP_MIN, WRAP_MAX = 50, 100


def _paragraphs(text: str) -> list[str]:
    """Paragraphs: blocks between blank lines, each split again at the line ends that are no wrapping
    (text pasted from a site or an extractor often has one paragraph per line, with no blank line)."""
    out = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        out.extend(p for p in (_clean_inline(p) for p in _unwrap(lines)) if p)
    return out


def _unwrap(lines: list[str]) -> list[str]:
    """Join the lines that wrapping broke: a line of a wrapping's length whose next word would not have
    fitted on it (the classic reflow test). A block with a line longer than a wrapping makes was not
    wrapped at all: each line is a paragraph (a headline, then a stamp)."""
    if any(len(line) > WRAP_MAX for line in lines):
        return lines
    width = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    for before, line in zip([""] + lines, lines):
        if len(before) >= WRAP_MIN and len(before) + 1 + len(line.split()[0]) > width:
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return paragraphs


def _clean_inline(text: str) -> str:
    """One line of text: inner newlines and runs of spaces become single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def _split_caption(paragraphs: list[str], lang: Lang) -> tuple[Optional[str], Optional[str], list[str]]:
    if not paragraphs:
        return None, None, paragraphs
    markers = "|".join(re.escape(m) for m in lang["caption_credit_markers"])
    # A caption is short, and its credit line closes it (at most 200 characters); a long first paragraph
    # that merely mentions "Foto:" somewhere is still article text.
    match = re.search(rf"(?:^|\s)({markers})\s{{0,5}}(.{{1,200}})$", paragraphs[0], re.I)
    if not match or len(paragraphs) < 2:
        return None, None, paragraphs
    caption = paragraphs[0][: match.start()].strip()
    credit = match.group(2).strip()
    return caption or None, credit, paragraphs[1:]


def _optional_str(value: Any) -> Optional[str]:
    return _clean_inline(str(value)) if value not in (None, "") else None
