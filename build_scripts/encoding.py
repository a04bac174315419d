"""Bytes to text: byte-order marks, UTF-8, then the legacy encoding whose text reads most like Romanian.

charset-normalizer ranks candidate encodings by how "chaotic" each decoding looks, but for Romanian it
cannot tell cp1250 from ISO-8859-16 (or ISO-8859-2): the letters ă â î ș ț sit on the same bytes in all
of them (after ş/ţ are folded to ș/ț), so they all score 0.0 and cp1250 wins. Where they differ is in
the bytes a Romanian article also uses - the quotes „ ” and € of ISO-8859-16 come out as Ą µ ¤ in
cp1250. So among the decodings charset-normalizer accepts we pick the one whose non-ASCII characters are
the ones Romanian text is made of, weighted by how often they occur (`ROMANIAN_CHARS`); anything else
costs. Ties keep charset-normalizer's order.
"""
from __future__ import annotations

import codecs
import itertools
import re
from typing import Optional

import charset_normalizer

# Approximate frequency per 1,000 letters of the non-ASCII characters of Romanian news text (diacritics
# in both the comma-below and the legacy cedilla forms, and the typographic marks editors paste).
ROMANIAN_CHARS = {
    "ă": 45, "î": 10, "â": 7, "ș": 14, "ț": 10, "ş": 14, "ţ": 10,
    "Ă": 1, "Î": 2, "Â": 0.5, "Ș": 2, "Ț": 1, "Ş": 2, "Ţ": 1,
    "„": 2, "”": 2, "“": 1, "«": 0.5, "»": 0.5, "–": 2, "—": 1, "…": 0.5, "€": 0.5, "°": 0.2,
    "é": 0.2, "ö": 0.1, "ü": 0.1, "\u00a0": 0.5, "’": 0.5,
}
# A character Romanian text does not use costs as much as a common diacritic earns: one wrong quote mark
# outweighs a rare letter read right.
FOREIGN_COST = 10
# Encodings tried even when charset-normalizer does not list them (the legacy Romanian ones).
ROMANIAN_CODECS = ("cp1250", "iso8859_16", "iso8859_2")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept; the message says why in a few words."""


def decode(raw: bytes) -> tuple[str, Optional[str]]:
    """The text of `raw` and the legacy encoding used (None for UTF-8/UTF-16/UTF-32)."""
    # UTF-32 LE's BOM starts with UTF-16 LE's, so it is tested first.
    for bom, codec in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), None
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {codec} text at byte {exc.start}") from exc
    if raw.count(b"\x00") > max(8, len(raw) // 100):
        raise DecodeError("binary file, not text")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    codec, text = _best_legacy(raw)
    if text is None:
        raise DecodeError("binary file, not text (no text encoding fits)")
    return text, codec


def romanian_score(text: str) -> float:
    """How much the non-ASCII characters of `text` look like Romanian (higher is better)."""
    score = 0.0
    for ch in text:
        if ch < "\x80":
            continue
        score += ROMANIAN_CHARS.get(ch, -FOREIGN_COST)
    return score


def _best_legacy(raw: bytes) -> tuple[Optional[str], Optional[str]]:
    # charset-normalizer only looks at samples of a large file; it is the gate for "is this text at all".
    matches = charset_normalizer.from_bytes(raw)
    if matches.best() is None:
        return None, None
    names = [m.encoding for m in matches] + list(ROMANIAN_CODECS)
    best: tuple[float, int, str, str] | None = None
    for rank, name in enumerate(dict.fromkeys(names)):
        try:
            text = raw.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        # Only the non-ASCII characters differ between these encodings; score a bounded sample of them.
        key = (romanian_score(_non_ascii(text)), -rank)
        if best is None or key > best[:2]:
            best = (key[0], key[1], name, text)
    return (best[2], best[3]) if best else (None, None)


def _non_ascii(text: str, limit: int = 20000) -> str:
    return "".join(itertools.islice(_NON_ASCII.findall(text), limit))
