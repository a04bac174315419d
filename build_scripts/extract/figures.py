"""Key figures: "12.000 de soldați", "25.000–30.000 de militari", "nouă membri", "1,5%", "1,2 miliarde de euro".

A figure is kept only when it counts something (a unit noun follows), is a percentage, or carries a scale
word; identifiers are not figures (laws, decrees, unit names such as "Regimentul 528", pages, phone
numbers, times, ordinals), and numbers inside date expressions belong to the dates.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from ..lang import Lang, alternation
from ..model import NumberMention, Sentence
from .numerals import DIGITS, parse_number, tidy, word_pattern


def extract_numbers(sentence: Sentence, lang: Lang, skip: list[tuple[int, int]] = ()) -> list[NumberMention]:
    """Key figures in `sentence`, ignoring the character ranges in `skip` (date expressions)."""
    rules = _rules(lang)
    text = sentence.text
    found: list[NumberMention] = []
    taken: list[tuple[int, int]] = list(skip)
    for m in rules.figure.finditer(text):
        start, end = m.start(), m.end()
        if any(start < b and a < end for a, b in taken):
            continue
        for mention in _pair(m, sentence, rules, lang) or [_resolve(m, sentence, rules, lang, found[-1].unit if found else None)]:
            if mention is not None:
                found.append(mention)
                taken.append((mention.start, mention.end))
    return found


def _pair(m: re.Match, sentence: Sentence, rules: _Rules, lang: Lang) -> list[Optional[NumberMention]]:
    """ "în vârstă de 34 și 41 de ani": two figures, the first counting what the second counts; [] when
    `m` is no such pair. A scale on the second only ("2 și 3 milioane") leaves the first out."""
    dash = (m.group("dash") or "").lower()
    if not m.group("high") or dash not in rules.and_words or m.group("between"):
        return []
    text = sentence.text
    second_match = rules.figure.match(text, m.start("high"))
    second = _resolve(second_match, sentence, rules, lang) if second_match else None
    if second is None:
        return [None]
    first_match = rules.figure.match(text[: m.end("low")], m.start())
    first = None
    if first_match is not None and not first_match.group("scale") and not second_match.group("scale") \
            and not second_match.group("lowscale") and not second_match.group("pct"):
        first = _resolve(first_match, sentence, rules, lang, pair_unit=second.unit)
    return [first, second]


@dataclass
class _Rules:
    figure: re.Pattern
    approximations: dict[str, str]
    scales: dict[str, int]
    currencies: dict[str, str]
    currency_after: list[tuple[str, re.Pattern]]  # each currency right after a number, longest first
    percent: re.Pattern
    blockers: set[str]
    unit_stop: set[str]
    vague: re.Pattern
    traps: dict[str, set[str]]
    article_words: set[str]
    and_words: set[str]
    capital: re.Pattern
    partitive: re.Pattern
    measure_before: re.Pattern  # "magnitudinea |2,8"
    measure_of: dict[str, str]  # a measure noun's form -> its name
    partitive_before: re.Pattern  # "dintre care |4.870"
    symbols: set[str]  # "MW", "GWh": units with capitals
    times: re.Pattern  # "|trei| ori mai"
    partner: re.Pattern  # "|4|, 6 și 9 ani", "de la |719| la 794 de lei": the number whose unit this one shares
    change_from: re.Pattern  # "de la |719| la 794"
    scale_next: re.Pattern  # "la 3| milioane": a scale word next
    times_before: re.Pattern  # "de |trei ori"


@functools.lru_cache(maxsize=4)
def _rules(lang: Lang) -> _Rules:
    approximations = {k.lower(): v for k, v in lang["approximations"].items()}
    scales = {k.lower(): v for k, v in lang["scale_words"].items()}
    number = rf"(?:{DIGITS}|{word_pattern(lang, with_articles=True)})"
    scale = alternation(scales)
    percent = alternation(lang["percent_words"])
    measure_of = {form.lower(): name for name, forms in lang["measure_nouns"].items() for form in forms}
    figure = re.compile(
        rf"(?<![\w.,/:%-])"
        rf"(?:(?P<neg>{alternation(lang['negative_words'])})\s+)?"
        rf"(?:(?P<qual>{alternation(approximations)})\s+)?"
        rf"(?:(?P<between>{alternation(lang['range_words']['between'])})\s+)?"
        rf"(?P<low>{number})(?:\s+(?:de\s+)?(?P<lowscale>{scale}))?"
        rf"(?:\s*(?P<dash>[–—-]|{alternation(lang['range_words']['and'] + lang['range_words']['until'])})\s*(?P<high>{number}))?"
        rf"(?:\s+(?:de\s+)?(?P<scale>{scale}))?(?!\w)"  # "2,5 milioane", "500 de milioane"
        rf"(?P<pct>\s*%|\s+(?:{percent})(?!\w))?",
        re.I,
    )
    return _Rules(
        figure=figure,
        approximations=approximations,
        scales=scales,
        currencies={k.lower(): v for k, v in lang["currencies"].items()},
        # (a symbol too, with or without a space: "3 mil. €", "25$")
        currency_after=[(c, re.compile(rf"\s{{0,1}}(?:de\s+)?{re.escape(c)}(?!\w)", re.I))
                        for c in sorted((k.lower() for k in lang["currencies"]), key=len, reverse=True)],
        percent=re.compile(rf"^\s*(?:%|{percent})", re.I),
        blockers={w.lower() for w in lang["number_blockers_before"]},
        unit_stop={w.lower() for w in lang["function_words"]},
        vague=re.compile(rf"^\s*(?:de\s+)?(?:{alternation(lang['vague_quantities'])})(?!\w)", re.I),
        traps={k.lower(): {w.lower() for w in v} for k, v in lang["number_word_traps"].items()},
        article_words={w.lower() for w in lang["article_numbers"]},
        and_words={w.lower() for w in lang["range_words"]["and"]},
        capital=re.compile(rf"\s+[{lang['capital_letters']}]"),
        partitive=re.compile(rf"\s+(?:{alternation(lang['partitive_words'])})\s+(?:{DIGITS})(?!\w)", re.I),
        measure_before=re.compile(rf"(?<!\w)({alternation(measure_of)})\s+(?:de\s+)?\Z", re.I),
        measure_of=measure_of,
        partitive_before=re.compile(rf"(?<!\w)(?:{alternation(lang['partitive_before'])})\s+\Z", re.I),
        symbols=set(lang["unit_symbols"]),
        partner=re.compile(rf"(?:\s*,\s*(?:{number})){{0,8}}\s*(?:,|\s(?:{alternation(lang['range_words']['and'] + lang['list_or'])})|\s(?P<to>{alternation(lang['change_to'])}))\s+(?P<number>{number})(?=\s)", re.I),
        change_from=re.compile(rf"(?<!\w)(?:{alternation(lang['change_from'])})\s+\Z", re.I),
        scale_next=re.compile(rf"\s+(?:de\s+)?(?:{scale})(?!\w)", re.I),
        times=re.compile(rf"\s+({alternation(lang['times_words'])})\s+(?:{alternation(lang['times_after'])})(?!\w)", re.I),
        times_before=re.compile(rf"(?<!\w)(?:{alternation(lang['times_before'])})\s+\Z", re.I),
    )


def _resolve(m: re.Match, sentence: Sentence, rules: _Rules, lang: Lang,
             previous_unit: Optional[str] = None, pair_unit: Optional[str] = None) -> Optional[NumberMention]:
    """The figure `m` found, or None; `previous_unit`: what the figure before it in the sentence counts;
    `pair_unit`: what the number after "și" counts ("34 și 41 de ani")."""
    text = sentence.text
    low_text, high_text = m.group("low"), m.group("high")
    dash = (m.group("dash") or "").lower()
    # "între X și Y" is a range; "X și Y" without "între" is two numbers, not a range.
    if high_text and dash in rules.and_words and not m.group("between"):
        return None
    if m.group("between") and not high_text:
        return None
    if _is_identifier(m, text, rules):
        return None
    word_number = not re.match(r"\d", low_text)
    if word_number and not _word_number_ok(m, low_text, text, rules):
        return None
    scale_word = (m.group("scale") or m.group("lowscale") or "").lower()
    factor = rules.scales.get(scale_word, 1)
    low = parse_number(low_text, lang)
    high = parse_number(high_text, lang) if high_text else None
    if low is None or (high_text and high is None):
        return None
    low_factor = rules.scales.get((m.group("lowscale") or "").lower(), factor)
    low, high = _scaled(low, low_factor), (_scaled(high, factor) if high is not None else None)
    if high is not None and high <= low:
        return None  # "2-1" is a score, "3-3" a draw: not a range
    pct = m.group("pct")
    after = text[m.end():]
    whole = rules.partitive.match(after)  # "37 dintre cele 42 de servere": the whole's noun
    unit = "%" if pct else _unit(after[whole.end():] if whole else after, rules)
    times = rules.times.match(after)
    if unit is None and times and rules.times_before.search(text, max(0, m.start() - 8), m.start()):
        unit = times.group(1).lower()  # "de aproape trei ori mai mari"
    if unit is None and not scale_word:
        measure = rules.measure_before.search(text, 0, m.start())
        if pair_unit is None:
            pair_unit = _partner_unit(m, text, rules)
        if pair_unit is not None:
            unit = pair_unit
        elif measure is not None:
            unit = rules.measure_of[measure.group(1).lower()]  # "magnitudinea 2,8"
        elif previous_unit and rules.partitive_before.search(text, 0, m.start()):
            unit = previous_unit  # "12.540 de incendii, dintre care 4.870 la locuințe"
        else:
            return None
    if m.group("neg"):
        if high is not None:
            return None  # (a range below zero: left out rather than misread)
        low = -low
    if re.match(r"^(?:-?lea|-a)\b", after):
        return None  # ordinals: "al 3-lea", "a 2-a"
    value = (tidy(low), tidy(high)) if high is not None else tidy(low)
    qualifier = rules.approximations.get((m.group("qual") or "").lower().replace("\n", " "))
    return NumberMention(text=m.group(0).rstrip(), value=value, unit=unit, sentence=sentence.id,
                         start=m.start(), end=m.start() + len(m.group(0).rstrip()), qualifier=qualifier)


def _partner_unit(m: re.Match, text: str, rules: _Rules) -> Optional[str]:
    """What the number after this one counts, when this one has no noun of its own: the last of a list
    ("de 4, 6 și 9 ani"), or the end of a change ("a urcat de la 719 la 794 de lei"). None when that
    number carries a scale or a percent sign ("de la 2 la 3 milioane": 2 is not 2 lei)."""
    partner = rules.partner.match(text, m.end())
    if partner is None or partner.group("to") and not rules.change_from.search(text, max(0, m.start() - 8), m.start()):
        return None
    rest = text[partner.end():]
    if rules.percent.match(rest) or rules.scale_next.match(rest):
        return None
    return _unit(rest, rules)


def _is_identifier(m: re.Match, text: str, rules: _Rules) -> bool:
    before = text[: m.start()]
    prev = re.search(r"([\w.]+)\W*$", before)
    prev_word = prev.group(1).lower() if prev else ""
    if prev_word in rules.blockers or prev_word.rstrip(".") in rules.blockers:
        return True
    # A capitalized word right before the number names a thing ("Regimentul 528", "Airbus 320"), unless
    # the number counts a noun after "de" ("a adus la Iași 46 de vorbitori").
    if prev and prev.group(1)[:1].isupper() and re.search(r"\w\s+$", before) and not m.group("qual") \
            and not re.match(r"\s+de\s+[a-zăâîșţşț]", text[m.end():]):
        if prev_word not in rules.approximations and prev.start() > 0:
            return True
    digits = re.sub(r"\D", "", m.group("low"))
    if re.match(r"0\d", m.group("low")):
        return True  # phone numbers and codes start with 0 ("0,4" is a number)
    if len(digits) >= 7 and "." not in m.group("low"):
        return True  # long runs without separators are codes, not quantities
    around = text[m.end(): m.end() + 2]
    if around[:1] in "/:" or re.match(r"\s\d{3}\b", text[m.end():]):
        return True  # "227/2015", "14:30", "0722 123 456"
    return False


def _word_number_ok(m: re.Match, word: str, text: str, rules: _Rules) -> bool:
    lower = word.lower()
    if lower in rules.article_words and not (m.group("scale") or m.group("lowscale")):
        return False  # "o paradă", "un regiment": articles, not figures
    trap = rules.traps.get(lower.split()[0])
    if trap is not None:
        prev = re.search(r"(\w+)\W*$", text[: m.start("low")])
        if prev and prev.group(1).lower() in trap:
            return False
        if rules.capital.match(text[m.end("low"):]):
            return False
    return not rules.vague.match(text[m.end():]) or bool(m.group("scale"))


def _unit(after: str, rules: _Rules) -> Optional[str]:
    """The noun a number counts: the next word, after an optional "de"."""
    for currency, pattern in rules.currency_after:
        if pattern.match(after) and (after[:1].isspace() or not currency[0].isalpha()):
            return currency
    m = re.match(r"\s+(?:de\s+)?([a-zăâîșț][\w-]*)", after, re.I)
    if not m:
        return None
    word = m.group(1)
    lower = word.lower()
    if word in rules.symbols:
        return word
    if lower in rules.unit_stop or word[:1].isupper():
        return None
    return word


def _scaled(value: float, factor: int) -> float:
    """16,6 miliarde -> 16600000000 exactly (16.6 * 1e9 is 16600000000.000002 in floating point)."""
    out = value * factor
    return float(round(out)) if factor > 1 and abs(out - round(out)) < 0.01 else out
