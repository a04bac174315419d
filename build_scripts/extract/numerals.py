"""Romanian numerals, shared by the date and figure extractors: "12.000", "1,5", "douăzeci și cinci"."""
from __future__ import annotations

import re
from typing import Optional

from ..lang import Lang, alternation

# Romanian digits: "." groups thousands, "," marks decimals ("12.000", "3,2"); a non-breaking space
# may also group thousands ("12 000").
DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:\u00a0\d{3})+(?:,\d+)?|\d+(?:,\d+)?"


def word_pattern(lang: Lang, with_articles: bool = False) -> str:
    """Regex for a number written in words: "nouă", "douăzeci și cinci" (and "un"/"o" if asked)."""
    words = lang.words("number_words") + (lang.words("article_numbers") if with_articles else [])
    alt = alternation(words)
    units = alternation([w for w, v in lang["number_words"].items() if v < 10])
    tens = alternation([w for w, v in lang["number_words"].items() if v >= 20 and v % 10 == 0])
    # "și" joins a unit only to tens: "șase și opt ani" is two numbers, not fourteen.
    return rf"(?:(?:{tens})\s+și\s+(?:{units})|(?:{alt}))"


def parse_digits(text: str) -> Optional[float]:
    """ "12.000" -> 12000, "1,5" -> 1.5, "12 000" -> 12000; None if it is not a Romanian number."""
    clean = text.replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", clean):
        clean = clean.replace(".", "")
    if not re.fullmatch(r"\d+(?:,\d+)?", clean):
        return None
    return float(clean.replace(",", "."))


def parse_words(text: str, lang: Lang) -> Optional[int]:
    """ "douăzeci și cinci" -> 25, "nouă" -> 9, "o" -> 1; None if a word is not a number word."""
    table = {**{k.lower(): v for k, v in lang["number_words"].items()},
             **{k.lower(): v for k, v in lang["article_numbers"].items()}}
    total = 0
    for part in re.split(r"\s+și\s+", text.strip().lower()):
        if part not in table:
            return None
        total += table[part]
    return total


def parse_number(text: str, lang: Lang) -> Optional[float]:
    """A number written in digits or words."""
    value = parse_digits(text)
    return value if value is not None else parse_words(text, lang)


def tidy(value: float):
    """12000.0 -> 12000; 1.5 stays 1.5 (JSON shows whole numbers without a decimal point)."""
    return int(value) if float(value).is_integer() else round(value, 6)
