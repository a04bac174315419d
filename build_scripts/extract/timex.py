"""Temporal expressions -> TIMEX3-style values, at the precision of the text.

Values follow HeidelTime's conventions: "2025", "2025-08", "2025-08-21", "2025-W33", "2025-SU"; durations
in ISO 8601 ("P120D", "P3M"). Relative expressions (weekdays, bare months, "ieri", "anul trecut") are
resolved against the article's publication date; with none, they are kept with value None and the flag
"unresolved" rather than guessed. The rule groups are tried together and the longest match wins.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable, Optional

from dateutil.easter import EASTER_ORTHODOX, easter

from ..lang import Lang, alternation, ascii_fold, without_diacritics_too
from ..model import DateMention, Sentence
from .numerals import parse_number, word_pattern


@dataclass
class _Match:
    """A candidate expression before overlaps are settled."""

    start: int
    end: int
    value: Optional[str]
    type: str = "DATE"
    mod: Optional[str] = None
    flags: tuple = ()


Resolver = Callable[[re.Match, Optional[dt.date], str], Optional[_Match]]


@dataclass(frozen=True)
class ParseMarks:
    """What the parse tells of a sentence's tenses that its words alone do not (character offsets in the
    sentence's text), given by the dates component that holds the parsed `Doc`."""

    anterior: frozenset = frozenset()  # verbs in the pluperfect ("trecuse", "acordase"): their clause is past
    described: frozenset = frozenset()  # words a participle describing a noun governs ("numit în ianuarie")


NO_MARKS = ParseMarks()


def extract_dates(sentence: Sentence, published: Optional[dt.date], lang: Lang,
                  marks: ParseMarks = NO_MARKS) -> list[DateMention]:
    """Every temporal expression in `sentence`, left to right, without overlaps."""
    text = sentence.text
    rules = _rules(lang)
    candidates: list[_Match] = []
    for pattern, resolver in rules.patterns:
        for m in pattern.finditer(text):
            found = resolver(m, published, _tense(text, m.start(), m.end(), rules, marks))
            if isinstance(found, list):
                candidates.extend(found)
            elif found is not None:
                candidates.append(found)
    chosen: list[_Match] = []
    taken = [False] * (len(text) + 1)
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if not any(taken[c.start:c.end]):
            chosen.append(c)
            for i in range(c.start, c.end):
                taken[i] = True
    chosen = [c for c in chosen if "not_date" not in c.flags]
    chosen = _weekdays_of_dates(chosen, text, rules)
    chosen = _times_on_their_day(chosen, published, rules, text)
    chosen = _clock_periods(chosen, text, rules)
    chosen = _months_in_their_year(chosen, text, rules)
    chosen = _months_before_their_year(chosen, text, rules)
    chosen = _adjacent_months(chosen, text, rules)
    if len(chosen) == 1 and rules.place_line.fullmatch(text, 0, chosen[0].start) \
            and not text[chosen[0].end:].strip(" .") and "dateline" not in chosen[0].flags:
        # A line of a place and a day ("Cluj-Napoca, 3 martie 2026", a press release's): the dispatch's date.
        chosen[0].flags = (*chosen[0].flags, "dateline")
    return [
        DateMention(text=text[c.start:c.end], value=c.value, type=c.type, sentence=sentence.id,
                    start=c.start, end=c.end, mod=c.mod, flags=c.flags)
        for c in sorted(chosen, key=lambda c: c.start)
    ]





def _tense(text: str, start: int, end: int, rules: "_Rules", marks: ParseMarks = NO_MARKS) -> str:
    """The tense of the clause around an expression: "future", "past" or "present" (no mark: the
    nearest date wins). A clause, not the whole sentence: "a anunțat că meciul va avea loc vineri"
    speaks of a future Friday; a clause with no mark after a future verb, in a sentence with nothing past,
    is future. `marks`: what the parse adds (a pluperfect verb, a participle describing a noun)."""
    left = max((m.end() for m in rules.clause_edge.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in rules.clause_edge.finditer(text, end)), len(text))
    clause = text[left:right]
    if any(start <= at < end for at in marks.described):
        # "Selecționerul, numit în ianuarie, are contract …": what a participle describing a noun dates
        # was done ("restricțiile impuse în martie", "lucrări finalizate încă din martie")
        return "past"
    participle = rules.participle_before.search(text, max(0, start - 40), start)
    participle = participle if participle and participle.group(0).strip().lower() not in rules.forward_participles else None
    if participle and not rules.verb_part_before.search(text, 0, participle.start()):
        # "Hotărârile adoptate luni vor fi trimise …": a participle describing a noun dates what was done,
        # whatever the clause's verb ("va fi votat joi" is the verb itself: the future)
        return "past"
    if rules.future.search(clause):
        return "future"
    if rules.past.search(clause) or participle or any(left <= at < right for at in marks.anterior):
        return "past"  # "a fost trimisă joi"; "expertiza predată vineri", "pus miercuri": a participle right before
    if left > 0 and text[left - 1] == "," and any(
            m.end() == left - 1 for m in rules.past.finditer(text, max(0, left - 41), left - 1)):
        # A phrase set off by a comma right after a past verb goes with it: "au jefuit, în noaptea de 3
        # spre 4 martie, sucursala".
        return "past"
    if right < len(text) and text[right] == "," and not rules.future.search(text) \
            and len((text[left:start] + text[end:right]).split()) <= (5 if not text[:left].strip() else 2):
        # ... or, a phrase of the date alone, before the verb it opens: "între 10 și 21 februarie, în
        # aceleași poligoane s-a desfășurat".
        # (past the commas of a phrase set off inside the clause: "Marți, la Bacău, s-au înregistrat")
        after = next((m.start() for m in rules.clause_edge.finditer(text, right + 1) if text[m.start()] != ","), len(text))
        if rules.past.search(text, right + 1, after) or any(right < at < after for at in marks.anterior):
            return "past"
    # A clause of its own with no tense after a future verb ("Vlăsceanu va citi …, în octombrie."): the
    # future, when nothing in the sentence is past. (A past verb is more often in a clause of its own:
    # "România joacă marți, …, cu Bosnia, care a pierdut …".)
    past_in_sentence = bool(rules.past.search(text) or marks.anterior)
    if rules.future.search(text, 0, start) and not past_in_sentence:
        return "future"
    # ... and a date alone opening the sentence, before a comma, in a sentence whose verb is future
    # with nothing past ("Sâmbătă, la 31 de ani, va alerga maratonul").
    if right < len(text) and text[right] == "," and not text[:start].strip() \
            and rules.future.search(text, right) and not past_in_sentence:
        return "future"
    # ... and a condition in the present, with nothing past in the sentence ("Dacă nu plouă până vineri").
    if rules.condition.search(text, 0, start) and not past_in_sentence:
        return "future"
    return "present"


# --- value helpers -------------------------------------------------------------------------------

def _day(d: dt.date) -> str:
    return d.isoformat()


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


FAR_FOR_TENSE = 180   # days: a date the clause's tense puts this far away ...
NEAR_OTHER_WAY = 45   # ... is read the other way when that is this close to publication


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}


def roman(text: str) -> Optional[int]:
    """A Roman numeral's value ("XVIII" -> 18), or None when `text` is no well-formed numeral."""
    values = [_ROMAN_VALUES.get(c) for c in text.lower()]
    if not values or None in values:
        return None
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 and _to_roman(total) == text.upper() else None


def _to_roman(number: int) -> str:
    out = ""
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, number = divmod(number, value)
        out += letters * count
    return out


def _year_for_month(month: int, day: Optional[int], published: dt.date, tense: str) -> int:
    """The year of a month (and day) given without one: the latest on or before publication in a past
    sentence (always, for "since", see `date_tense`), the next one in a future sentence (always, for
    "until"), otherwise the nearest to publication."""
    ref = (month, day or 1)
    pub = (published.month, published.day if day else 1)
    before = published.year if ref <= pub else published.year - 1
    after = published.year if ref >= pub else published.year + 1
    pub_day = published if day else published.replace(day=1)

    def distance(year: int) -> int:
        d = _safe_date(year, month, min(day or 1, 28))
        return abs((d - pub_day).days) if d else 10**6

    return _by_tense(before, after, distance, tense)


def _by_tense(before: int, after: int, distance: Callable[[int], int], tense: str) -> int:
    """Of the year of a day on or before publication and that of one on or after it, the one the
    clause's tense says (`_year_for_month`); `distance(year)`: days from publication."""
    if tense == "since":
        return before  # "au crescut de la 1 ianuarie": begun by publication, however far back
    if tense == "until":
        return after  # "vor fi livrate până în decembrie": what is still to be done is done by a day ahead
    preferred = {"past": before, "future": after}.get(tense)
    if preferred is not None:
        other = after if preferred == before else before
        # The tense of a clause is a hint, not a rule: "l-a invitat la o audiere pe 26 mai" a week
        # ahead, "va despăgubi victimele exploziei din 5 mai" a week back.
        if distance(preferred) > FAR_FOR_TENSE and distance(other) <= NEAR_OTHER_WAY:
            return other
        return preferred
    return before if distance(before) <= distance(after) else after


def _holiday_on(spec: tuple, year: int) -> dt.date:
    """The day of a holiday (`spec`: ("easter", days after Orthodox Easter) or (month, day)) in `year`."""
    if spec[0] == "easter":
        return easter(year, EASTER_ORTHODOX) + dt.timedelta(days=spec[1])
    return dt.date(year, spec[0], spec[1])


def _year_for_holiday(spec: tuple, published: dt.date, tense: str) -> int:
    """The year of a holiday named without one, chosen as for a day of a month (`_year_for_month`)."""
    this = _holiday_on(spec, published.year)
    before = published.year if this <= published else published.year - 1
    after = published.year if this >= published else published.year + 1
    return _by_tense(before, after, lambda year: abs((_holiday_on(spec, year) - published).days), tense)


def _period_distance(first: Optional[dt.date], last: Optional[dt.date], published: dt.date) -> int:
    """Days from publication to the period from `first` to `last` (0 inside it)."""
    if first is None or last is None:
        return 10**6
    return max((first - published).days, (published - last).days, 0)


def _year_of(written: Optional[str], month: int, day: Optional[int], published: Optional[dt.date],
             tense: str) -> Optional[int]:
    """The year of a day or month: the one the text writes, else the one `_year_for_month` picks from the
    publication date; None when neither is known (the expression stays unresolved)."""
    if written:
        return int(written)
    return _year_for_month(month, day, published, tense) if published is not None else None


def _weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    """The latest date with `weekday` (0 = Monday) on or before `day`."""
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _weekday_after(day: dt.date, weekday: int) -> dt.date:
    """The first date with `weekday` (0 = Monday) strictly after `day`."""
    return day + dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def _weekday_by_tense(published: dt.date, weekday: int, tense: str) -> dt.date:
    """The day of `weekday` a clause's tense points to: the next one in the future, the last one (or
    the day of publication) in the past, the nearest with no mark of tense."""
    later, earlier = _weekday_after(published, weekday), _weekday_on_or_before(published, weekday)
    if tense == "future":
        return later
    if tense == "past":
        return earlier
    if tense == "ahead":  # planned: the day of publication itself, or the next one
        return published if published.weekday() == weekday else later
    return earlier if (published - earlier) <= (later - published) else later


NIGHT_ENDS = 12  # an hour of a night before this is after its midnight, on the night's second day
DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
DAY_PART_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}(T[A-Z]{2})?")  # a day, maybe with its part ("2026-02-12TEV")


def _times_on_their_day(chosen: list[_Match], published: Optional[dt.date], rules: "_Rules", text: str) -> list[_Match]:
    """A time ("ora 12:00", value "T12:00") on the nearest day of its sentence (the one before it when two
    are as near; a night's hour before `NIGHT_ENDS` on its second day). With no day in its sentence, a
    time in a past clause is on the day of publication
    ("Ora 14:30 | A început dezbaterea", "incendiul a fost lichidat la ora 3:15"), as is a live text's
    entry stamp ("23:04 – …"); a time in a future clause is kept without its day, flagged "day_ahead"
    (the dates component gives it the day ahead named before it); otherwise it is left out (a habit, or
    a day the text does not say)."""
    days = [c for c in chosen if "time" not in c.flags and c.type == "DATE"
            and (c.value is None and "unresolved" in c.flags or c.value and DAY_PART_VALUE.fullmatch(c.value))]
    out = []
    for c in chosen:
        if "time" not in c.flags:
            out.append(c)
            continue
        # (a live text's entry stamp is the hour of the entry, on the day of publication, whatever day its
        # entry names: "14:20 | … ar putea aproba joi un memorandum")
        day = None if "entry" in c.flags else \
            min(days, key=lambda d: c.start - d.end if d.end <= c.start else d.start - c.end + 1, default=None)
        if day is None:
            tense = "past" if "entry" in c.flags else _tense(text, c.start, c.end, rules)
            if tense == "future" and published is not None and "/" not in c.value:
                # "… va susține la ora 17:30 o conferință": on a day ahead the article named before, which
                # the dates component looks for (`day_ahead`); left out when there is none (and so are
                # hours from one to another, more often a schedule: "vor fi deschise între orele 7 și 21")
                out.append(_Match(c.start, c.end, c.value, flags=("time", "day_ahead")))
                continue
            if tense != "past":
                continue  # "Magazinele se închid la ora 22": a habit, or a day the sentence does not give
            if published is None:
                out.append(_Match(c.start, c.end, None, flags=("time", "unresolved")))
            else:
                out.append(_Match(c.start, c.end, on_day(published, c.value),
                                  flags=("time", "publication_day") + tuple(f for f in c.flags if f == "entry")))
            continue
        if day.value is None:
            out.append(_Match(c.start, c.end, None, flags=("time", "unresolved")))
            continue
        on = dt.date.fromisoformat(day.value[:10])
        if day.value.endswith("TNI") and int(c.value[1:3]) < NIGHT_ENDS:
            on += dt.timedelta(days=1)  # "în noaptea de duminică spre luni, în jurul orei 2:40": Monday
        out.append(_Match(c.start, c.end, on_day(on, c.value), flags=("time",)))
    return out


BETWEEN_BEFORE = 8  # characters before a period's first day where its "între" may stand


def _weekdays_of_dates(chosen: list[_Match], text: str, rules: "_Rules") -> list[_Match]:
    """ "marți, 3 septembrie", "vineri, 03.10.2025": a weekday in apposition to a date (or to the first day
    of a period) is one expression, the date's (the weekday alone would be read against publication, and
    a date more than a few days away is another week). When the date does not fall on that weekday the
    text contradicts itself: the date written out stays, the weekday is left out."""
    ordered = sorted(chosen, key=lambda c: c.start)
    out: list[_Match] = []
    i = 0
    while i < len(ordered):
        c, after = ordered[i], ordered[i + 1] if i + 1 < len(ordered) else None
        weekday = rules.weekday_of.get(text[c.start:c.end].lower())
        first = after.value.split("/")[0] if after is not None and after.value else ""
        if weekday is not None and DAY_VALUE.fullmatch(first) and "set" not in c.flags and "time" not in after.flags \
                and text[c.end:after.start].strip() in ("", ","):
            if dt.date.fromisoformat(first).weekday() == weekday:
                out.append(_Match(c.start, after.end, after.value, after.type, after.mod, after.flags))
            else:
                out.append(after)
            i += 2
            continue
        out.append(c)
        i += 1
    return out


def _clock_periods(chosen: list[_Match], text: str, rules: "_Rules") -> list[_Match]:
    """ "joi, ora 10:00, până vineri la ora 21:00", "între 15 mai, ora 08:00, și 17 mai, ora 06:00": a day
    and its hour, then up to another day and its hour, are one period from the first hour to the last
    (TIMEX3 start/end), not four dates."""
    ordered = sorted(chosen, key=lambda c: c.start)
    out: list[_Match] = []
    i = 0
    while i < len(ordered):
        run = ordered[i:i + 4]
        if len(run) == 4 and all(c.value for c in run):
            first_day, first_hour, last_day, last_hour = run
            between = text[max(0, first_day.start - BETWEEN_BEFORE):first_day.start].lower().split()
            after_between = bool(between) and between[-1] in rules.range_between
            if "time" not in first_day.flags and "time" not in last_day.flags \
                    and DAY_VALUE.fullmatch(first_day.value) and DAY_VALUE.fullmatch(last_day.value) \
                    and "time" in first_hour.flags and "time" in last_hour.flags \
                    and first_hour.value.startswith(first_day.value) and last_hour.value.startswith(last_day.value) \
                    and "/" not in first_hour.value + last_hour.value and first_hour.value < last_hour.value \
                    and _words_between(text, first_day, first_hour) in rules.clock_period_joins \
                    and _words_between(text, last_day, last_hour) in rules.clock_period_joins \
                    and (_words_between(text, first_hour, last_day) in rules.clock_period_to
                         or after_between and _words_between(text, first_hour, last_day) in rules.clock_period_and):
                start = text.lower().rindex(between[-1], 0, first_day.start) if after_between else first_day.start
                out.append(_Match(start, last_hour.end, f"{first_hour.value}/{last_hour.value}"))
                i += 4
                continue
        out.append(ordered[i])
        i += 1
    return out


def on_day(day: dt.date, time: str) -> str:
    """A time ("T12:00") or a span of times ("T23:00/T03:00") on `day`; a span that ends before it begins
    ends the next day."""
    if "/" not in time:
        return _day(day) + time
    first, last = time.split("/")
    end = day + dt.timedelta(days=1) if last < first else day
    return f"{_day(day)}{first}/{_day(end)}{last}"


YEAR_VALUE = re.compile(r"\d{4}")
MONTH_VALUE = re.compile(r"\d{4}-\d{2}")


def _months_in_their_year(chosen: list[_Match], text: str, rules: "_Rules") -> list[_Match]:
    """ "Anul trecut, în septembrie", "În 2023, în martie": a month written without its year, right after
    a year, is in that year (not the one nearest to publication)."""
    ordered = sorted(chosen, key=lambda c: c.start)
    for year, month in zip(ordered, ordered[1:]):
        if year.value and month.value and YEAR_VALUE.fullmatch(year.value) and MONTH_VALUE.fullmatch(month.value) \
                and not YEAR_VALUE.search(text[month.start:month.end]) \
                and " ".join(text[year.end:month.start].replace(",", " ").split()).lower() in rules.year_month_joins \
                and "reference" not in year.flags:
            month.value = year.value + month.value[4:]
    return chosen


def _months_before_their_year(chosen: list[_Match], text: str, rules: "_Rules") -> list[_Match]:
    """ "În martie și aprilie 2023", "în ianuarie, februarie și martie 2024": months listed before one
    that carries its year are in that year (a month after the next one in the list, in the year before:
    "în decembrie și ianuarie 2024"). A month listed before the next one of the calendar, neither with a
    year, is in the same run ("prestate în mai și iunie": one tense for both, the last month's)."""
    ordered = sorted(chosen, key=lambda c: c.start)
    listed: set[int] = set()  # months that took their year from the list
    for i in range(len(ordered) - 2, -1, -1):
        month, after = ordered[i], ordered[i + 1]
        if month.value and after.value and MONTH_VALUE.fullmatch(month.value) and MONTH_VALUE.fullmatch(after.value) \
                and not YEAR_VALUE.search(text[month.start:month.end]) \
                and (i + 1 in listed or YEAR_VALUE.search(text[after.start:after.end])
                     or int(after.value[5:]) == int(month.value[5:]) % 12 + 1) \
                and _words_between(text, month, after) in rules.month_list_joins:
            year = int(after.value[:4]) - (month.value[5:] > after.value[5:])
            month.value = f"{year:04d}{month.value[4:]}"
            listed.add(i)
    return chosen


def _adjacent_months(chosen: list[_Match], text: str, rules: "_Rules") -> list[_Match]:
    """ "în martie și aprilie 2023", "în lunile iunie, iulie și august": months in a row, listed, are one
    period (TIMEX3 start/end), as days in a row are ("1 și 2 martie"); months apart ("iunie și august")
    stay two dates. (Years in a row stay two dates: "în 1990 și 1991" as one period lowered the held-out
    chronology.)"""
    ordered = sorted(chosen, key=lambda c: c.start)
    runs: list[list[_Match]] = []
    for c in ordered:
        last = runs[-1][-1] if runs else None
        if last is not None and _month_index(last) is not None and _month_index(c) is not None \
                and _month_index(c) == _month_index(last) + 1 \
                and _words_between(text, last, c) in rules.period_list_joins:
            runs[-1].append(c)
        else:
            runs.append([c])
    return [_Match(run[0].start, run[-1].end, f"{run[0].value}/{run[-1].value}") if len(run) > 1 else run[0]
            for run in runs]


def _words_between(text: str, first: _Match, second: _Match) -> str:
    """The words between two expressions, lowercase, a comma as a word of its own ("," stands for it in
    `month_list_joins` and `period_list_joins`)."""
    return " ".join(text[first.end:second.start].replace(",", " , ").split()).lower()


def _month_index(match: _Match) -> Optional[int]:
    """The month of a plain month's match as a count of months (None for anything else)."""
    if match.value is None or match.mod or match.flags or not MONTH_VALUE.fullmatch(match.value):
        return None
    return int(match.value[:4]) * 12 + int(match.value[5:])


ARTICLE_BEFORE = 12  # characters before "un an", "o lună" where the word that makes it a duration ends


OFFSET_FLAG = "offset"  # "offset:<direction>:<duration>", a date counted from the date before it


def offset_flag(direction: str, duration: str) -> str:
    return f"{OFFSET_FLAG}:{direction}:{duration}"


def shift_value(anchor: str, duration: str, direction: str) -> Optional[str]:
    """A date `duration` ("P1Y", "P2M", "P1W", "P3D") after or before the date `anchor`. `later` ("Un an
    mai târziu"): at the duration's unit, never finer than the anchor ("2021-03" + "P1Y" = "2022";
    "2023-07-17" + "P1W" = "2023-W30"; "2021" + "P2M" = None). `previous` ("anul precedent"): the unit
    before, the same way. `earlier` ("un an mai devreme"): the anchor's period moved back
    ("2025-01/2025-03" - "P1Y" = "2024-01/2024-03"). None when the anchor is too coarse for the unit."""
    m = re.fullmatch(r"P(\d+)([YMWD])", duration)
    if m is None or not re.match(r"\d{4}", anchor):
        return None
    unit, at_unit = m.group(2), direction != "earlier"
    n = int(m.group(1)) * (1 if direction == "later" else -1)

    def shift(part: str) -> Optional[str]:
        day = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", part)
        week = re.fullmatch(r"(\d{4})-W(\d{2})", part)
        month = re.fullmatch(r"(\d{4})-(\d{2})", part)
        if unit == "Y":
            moved = re.sub(r"^\d{4}", lambda y: f"{int(y.group(0)) + n:04d}", part)
            return moved[:4] if at_unit else moved
        if unit == "M" and (day or month):
            year, mon = _shift_months(int(part[:4]), int(part[5:7]), n)
            if at_unit or month:
                return _month(year, mon)
            moved = _safe_date(year, mon, min(int(day.group(3)), calendar.monthrange(year, mon)[1]))
            return _day(moved) if moved else None
        if unit in ("W", "D") and day:
            moved = _safe_date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
            if moved is None:
                return None
            moved += dt.timedelta(days=n * (7 if unit == "W" else 1))
            return _week(moved) if unit == "W" and at_unit else _day(moved)
        if unit == "W" and week:
            monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
            return _week(monday + dt.timedelta(weeks=n))
        return None

    if at_unit:
        return shift(anchor.split("/")[0])
    parts = [shift(p) for p in anchor.split("/")]
    return None if None in parts else "/".join(parts)


def _unresolved(start: int, end: int, type_: str = "DATE") -> _Match:
    return _Match(start, end, None, type_, flags=("unresolved",))


# --- the rules -----------------------------------------------------------------------------------

@dataclass
class _Rules:
    patterns: list[tuple[re.Pattern, Resolver]]
    future: re.Pattern
    past: re.Pattern
    clause_edge: re.Pattern  # punctuation, or a word that opens a clause ("că", "iar", "după ce")
    participle_before: re.Pattern  # a past participle ending right where the expression starts
    forward_participles: frozenset  # ... that looks ahead ("așteptată în weekend"): no past
    year_month_joins: frozenset  # words between a year and its month ("Anul trecut, în septembrie")
    month_list_joins: frozenset  # words between listed months ("în martie și aprilie 2023")
    period_list_joins: frozenset  # words between months in a row that make one period
    clock_period_joins: frozenset  # words between a day and its hour in a period ("joi, ora 10:00, până …")
    clock_period_to: frozenset  # words between its first hour and its last day
    range_between: frozenset  # "între", which opens a period ...
    clock_period_and: frozenset  # ... closed by "și" ("între 15 mai, ora 08:00, și 17 mai, ora 06:00")
    place_line: re.Pattern  # a place and a comma before a line's only date ("Cluj-Napoca, 3 martie 2026")
    weekday_of: dict  # a weekday's name (bare, as written alone) -> 0 (Monday) … 6
    condition: re.Pattern  # "dacă", which puts a present clause ahead
    verb_part_before: re.Pattern  # an auxiliary right before a participle ("va fi votat", "a fost trimisă")


@functools.lru_cache(maxsize=4)
def _rules(lang: Lang) -> _Rules:
    lang = without_diacritics_too(lang)  # "vineri dimineata", "saptamana viitoare"
    B, E = r"(?<![\w])", r"(?![\w])"  # word edges that respect Romanian letters
    month_of = {w.lower(): int(n) for n, ws in lang["months"].items() for w in ws}
    weekday_of = {w.lower(): int(n) for n, ws in lang["weekdays"].items() for w in ws}
    unit_of = {w.lower(): u for u, ws in lang["duration_units"].items() for w in ws}
    rel_unit = {w.lower(): u for u, ws in lang["relative_units"].items() for w in ws}
    rel_mod = {w.lower(): int(n) for n, ws in lang["relative_modifiers"].items() for w in ws}
    season_of = {w.lower(): s for s, ws in lang["seasons"].items() for w in ws}
    part_of = {w.lower(): p for p, ws in lang["period_parts"].items() for w in ws}
    ambiguous_months = {w.lower() for w in lang["ambiguous_months"]}
    comparatives = {w.lower() for w in lang["comparative_words"]}
    safe_next = {w.lower() for w in lang["month_safe_next"]}

    M = alternation(month_of)
    W = alternation(weekday_of)
    U = alternation(unit_of)
    RU = alternation(rel_unit)
    RM = alternation(rel_mod)
    THIS = lang.alt("this_prefix")
    S = alternation(season_of)
    P = alternation(part_of)
    NUMW = word_pattern(lang, with_articles=True)
    NUM = rf"(?:\d{{1,4}}|{NUMW})"
    YEAR = r"(?:1[89]\d{2}|20\d{2})"
    flags = re.I

    def rx(pattern: str) -> re.Pattern:
        return re.compile(pattern, flags)

    def month_word(word: str) -> int:
        return month_of[word.lower()]

    def next_word(text: str, pos: int) -> str:
        m = re.match(r"\s*([\w-]+)", text[pos:])
        return m.group(1).lower() if m else ""

    def prev_word(text: str, pos: int, n: int = 1) -> str:
        words = re.findall(r"[\w-]+", text[:pos])
        return " ".join(words[-n:]).lower() if words else ""

    # A relative period ("anul trecut", "acestui an", "lunii", "anului 2024") -> (value, precision).
    def relative_period(phrase: str, published: Optional[dt.date], tense: str = "past") -> tuple[Optional[str], bool]:
        words = phrase.lower().split()
        year = re.search(YEAR, phrase)
        unit = next((rel_unit[w] for w in words if w in rel_unit), None)
        if year and unit in (None, "year"):
            return year.group(0), True
        if unit is None:
            return None, False
        delta = next((rel_mod[w] for w in words if w in rel_mod), 0)
        if published is None:
            return None, True
        if unit == "year":
            return f"{published.year + delta:04d}", True
        if unit == "month":
            month_words = [w for w in words if w in month_of]
            if month_words:
                m = month_of[month_words[0]]
                return _month(_year_for_month(m, None, published, tense), m), True
            return _month(*_shift_months(published.year, published.month, delta)), True
        return _week(published + dt.timedelta(weeks=delta)), True

    patterns: list[tuple[re.Pattern, Resolver]] = []

    def rule(pattern: str):
        def register(fn: Resolver) -> Resolver:
            patterns.append((rx(pattern), fn))
            return fn
        return register

    @rule(rf"{B}(\d{{4}})-(\d{{2}})-(\d{{2}}){E}")
    def _iso(m, published, tense):
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return _Match(m.start(), m.end(), _day(d)) if d else None

    @rule(rf"(?<![\d.,/])(\d{{1,2}})([./])(\d{{1,2}})\2({YEAR})(?![\d/]|\.\d)")
    def _numeric(m, published, tense):
        d = _safe_date(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        return _Match(m.start(), m.end(), _day(d)) if d else None

    bound = re.compile(rf"{B}(?:{lang.alt('date_bound_before')})\s+\Z", re.I)
    until = re.compile(rf"{B}(?:{lang.alt('date_until_before')})\s+\Z", re.I)
    since = re.compile(rf"{B}(?:(?:{lang.alt('date_since_before')})|[^\W\d_]{{0,20}}(?:{lang.alt('past_participle_endings')})"
                       rf"\s+(?:{lang.alt('date_since_after_verb')}))\s+\Z", re.I)

    scheduled = [tuple(ascii_fold(w).lower().split()) for w in lang["scheduled_present"]]
    SCHEDULED_REACH = 3  # words between a scheduling verb and its date
    PUNCTUATION = r"[.,;:!?»”\"]"  # what ends a phrase: a verb's reach and a day's word stop at it
    punctuation = re.compile(PUNCTUATION)

    def scheduled_before(text: str, start: int) -> bool:
        """A verb in the present that schedules ("începe", "se încheie", "are loc") up to three words before
        `start`, no punctuation between."""
        words = ascii_fold(punctuation.split(text[max(0, start - 60):start])[-1]).lower().split()
        return any(tuple(words[i:i + len(verb)]) == verb
                   for verb in scheduled for i in range(max(0, len(words) - len(verb) - SCHEDULED_REACH),
                                                        len(words) - len(verb) + 1))

    def date_tense(text: str, start: int, tense: str) -> str:
        """The tense that places a month or day written at `start` in a clause of `tense`: after a bound
        ("amânată pentru martie") the clause's tense says nothing of it ("present": the nearest); after
        "since" in a past clause ("au crescut de la 1 ianuarie") it is strictly past ("since"); after a bound
        in a future clause ("vor fi livrate până în decembrie") it is strictly ahead ("until"); after a verb
        in the present that schedules ("Turneul se încheie pe 30 mai") it is ahead ("future")."""
        if tense == "past" and bound.search(text, 0, start):
            return "present"
        if tense == "present" and scheduled_before(text, start):
            return "future"
        if tense == "future" and until.search(text, 0, start):
            return "until"
        if tense == "past" and since.search(text, 0, start):
            return "since"
        return tense

    AND = alternation(lang["range_words"]["and"])
    name_nouns = {w.lower() for w in lang["date_name_nouns"]}
    BETWEEN = alternation(lang["range_words"]["between"])
    between_before = re.compile(rf"(?:^|\s)(?:{BETWEEN})\s*$", re.I)

    @rule(rf"{B}(\d{{1,2}})(?:\s*(?:{AND}|-|–)\s*(\d{{1,2}}))?\s+({M})(?:\s+({YEAR}))?{E}")
    def _day_month(m, published, tense):
        month = month_word(m.group(3))
        if m.group(3).lower() in ambiguous_months and next_word(m.string, m.end()) in comparatives:
            return None
        if m.group(3)[:1].isupper() and m.start() > 0 and prev_word(m.string, m.start()) in name_nouns:
            return None  # "stațiunea 2 Mai", "Bulevardul 1 Decembrie": a name, not a date
        day = int(m.group(1))
        year = _year_of(m.group(4), month, day, published, date_tense(m.string, m.start(), tense))
        if year is None:
            return _unresolved(m.start(), m.end()) if 1 <= day <= 31 else None
        d = _safe_date(year, month, day)
        if d is None:
            return None
        if m.group(2):
            end = _safe_date(year, month, int(m.group(2)))
            if end is None or end <= d:
                return None
            dash = m.string[m.end(1):m.start(2)].strip().lower() in ("-", "–")
            if dash or between_before.search(m.string[:m.start()]) or end == d + dt.timedelta(days=1):
                # "3-5 mai", "între 3 și 5 mai", "1 și 2 martie": one period, as TIMEX3 start/end.
                return _Match(m.start(), m.end(), f"{_day(d)}/{_day(end)}")
            # "6 și 11 august": two days, two dates.
            return [_Match(m.start(1), m.end(1), _day(d)), _Match(m.start(2), m.end(), _day(end))]
        return _Match(m.start(), m.end(), _day(d))

    FROM, TO = lang.alt("day_range_from"), lang.alt("day_range_to")
    # ("de joi, 22 august, până pe 15 septembrie": a weekday in apposition to the first day)
    from_before = re.compile(rf"(?:^|\s)(?:{FROM}|(?:{lang.alt('weekday_range_from')})\s+(?:{W}),?)\s+\Z", re.I)

    @rule(rf"{B}(?:{BETWEEN})\s+(\d{{1,2}})\s+({M})(?:\s+({YEAR}))?\s+(?:{AND})\s+(\d{{1,2}})\s+({M})(?:\s+({YEAR}))?{E}"
          rf"|{B}(\d{{1,2}})\s+({M})(?:\s+({YEAR}))?\s*[-–]\s*(\d{{1,2}})\s+({M})(?:\s+({YEAR}))?{E}"
          rf"|{B}(\d{{1,2}})\s+({M})(?:\s+({YEAR}))?,?\s+(?:{TO})\s+(\d{{1,2}})\s+({M})(?:\s+({YEAR}))?{E}")
    def _day_interval(m, published, tense):
        """ "între 22 mai și 14 iunie 2023", "23 februarie – 1 martie 2026", "între 7 septembrie 2026 și
        29 ianuarie 2027", "de la 15 iunie până la 7 septembrie": from one day to another, across months
        (and years). With no year written, the period nearest publication that the tense allows."""
        o = next(o for o in (0, 6, 12) if m.group(o + 1) is not None)  # the groups of the alternative that matched
        if o == 12 and not from_before.search(m.string[max(0, m.start() - 16):m.start()]):
            return None  # "… 15 iunie până la 7 septembrie" with no "de la" before: not one period
        first_day, first_month, last_day, last_month = int(m.group(o + 1)), month_word(m.group(o + 2)), \
            int(m.group(o + 4)), month_word(m.group(o + 5))
        crosses = first_month > last_month
        if m.group(o + 6):
            last_year = int(m.group(o + 6))
        elif m.group(o + 3):
            last_year = int(m.group(o + 3)) + crosses
        elif published is None:
            last_year = None
        else:
            # Counted from either end, the period whose days are nearest publication ("de la 16 septembrie
            # până la 20 decembrie" in June: this year's, though last December is nearer than the next).
            by_last = _year_of(None, last_month, last_day, published, tense)
            by_first = _year_of(None, first_month, first_day, published, tense) + crosses
            last_year = min((by_last, by_first), key=lambda y: _period_distance(
                _safe_date(y - crosses, first_month, first_day), _safe_date(y, last_month, last_day), published))
        if last_year is None:
            return _unresolved(m.start(), m.end())
        first_year = int(m.group(o + 3)) if m.group(o + 3) else last_year - crosses
        first = _safe_date(first_year, first_month, first_day)
        last = _safe_date(last_year, last_month, last_day)
        if first is None or last is None or last <= first:
            return None
        return _Match(m.start(), m.end(), f"{_day(first)}/{_day(last)}")

    @rule(rf"{B}(?:{BETWEEN})\s+({YEAR})\s+(?:{AND})\s+({YEAR}){E}|{B}({YEAR})\s*[-–]\s*({YEAR}){E}")
    def _year_interval(m, published, tense):
        first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if m.group(3) and in_name(m.string, m.start()):
            return _Match(m.start(), m.end(), None, flags=("not_date",))  # "Programul Regional Nord-Est 2021-2027"
        return _Match(m.start(), m.end(), f"{first}/{last}") if first < last else None

    def in_name(text: str, start: int) -> bool:
        """Whether the word right before `start` is capitalized and not the sentence's first: a span of
        years there ends a name ("Programul Regional Nord-Est 2021-2027", "Strategia Națională 2021-2030")."""
        words = text[:start].split()
        return len(words) > 1 and words[-1][:1].isupper() and words[-1][-1:].isalpha()

    @rule(rf"{B}(?:{lang.alt('two_year_spans')})\s+{YEAR}\s*[-–/]\s*(?:{YEAR}|\d{{2}}){E}")
    def _two_year_span(m, published, tense):
        """ "anul școlar 2026-2027": no date (it holds its years, so they are none either)."""
        return _Match(m.start(), m.end(), None, flags=("not_date",))

    @rule(rf"{B}noaptea\s+de\s+({W})\s+spre\s+({W}){E}")
    def _night(m, published, tense):
        if published is None:
            return _unresolved(m.start(), m.end())
        day = _weekday_by_tense(published, weekday_of[m.group(1).lower()], tense)  # as for a weekday
        return _Match(m.start(), m.end(), f"{_day(day)}TNI")

    @rule(rf"{B}noaptea\s+de\s+(\d{{1,2}})(?:\s+({M}))?\s+spre\s+(\d{{1,2}})\s+({M})(?:\s+({YEAR}))?{E}")
    def _night_of_days(m, published, tense):
        """ "în noaptea de 13 spre 14 august 2022": the night that begins on the first day."""
        month = month_word(m.group(2) or m.group(4))
        year = _year_of(m.group(5), month, int(m.group(1)), published, tense)
        if year is None:
            return _unresolved(m.start(), m.end())
        if m.group(5) and m.group(2) and month > month_word(m.group(4)):
            year -= 1  # "noaptea de 31 decembrie spre 1 ianuarie 2025": the night began the year before
        d = _safe_date(year, month, int(m.group(1)))
        return _Match(m.start(), m.end(), f"{_day(d)}TNI") if d is not None else None

    month_prefix = {w[:3].lower(): month for w, month in month_of.items() if len(w) >= 3}
    month_nouns = {w.lower() for w in lang["month_nouns"]}

    CAP = lang["capital_letters"]

    @rule(rf"^[{CAP}][{CAP} .-]{{2,40}},\s*(\d{{1,2}})\s+([a-zăâîșț]{{3,10}})\.?(?=\s*[(/])")
    def _dateline(m, published, tense):
        """ "KIEV, 22 nov (Agerpres) -", "București, 18 sep /Agerpres/ -": an agency's dateline."""
        month = month_prefix.get(m.group(2)[:3].lower())
        if month is None:
            return None
        year = published.year if published else None
        d = _safe_date(year, month, int(m.group(1))) if year else None
        start = m.start(1)
        if d is None:
            return _Match(start, m.end(), None, flags=("unresolved", "dateline"))
        return _Match(start, m.end(), _day(d), flags=("dateline",))

    @rule(rf"{B}({M})(?:\s+({YEAR}))?\s*[-–]\s*({M})\s+({YEAR}){E}"
          rf"|{B}(?:{BETWEEN})\s+({M})(?:\s+({YEAR}))?\s+(?:{AND})\s+({M})(?:\s+({YEAR}))?{E}")
    def _month_interval(m, published, tense):
        """ "iunie–iulie 2026", "între aprilie 2017 și ianuarie 2018": from one month to another; "între
        iunie și septembrie": the first month placed as one alone would be, the last after it."""
        g = m.groups() if m.group(1) else m.groups()[4:]
        first, last = month_word(g[0]), month_word(g[2])
        if g[3] is None:
            if published is None:
                return _unresolved(m.start(), m.end())
            first_year = _year_for_month(first, None, published, date_tense(m.string, m.start(), tense))
            last_year = first_year if first < last else first_year + 1
        else:
            last_year = int(g[3])
            first_year = int(g[1]) if g[1] else (last_year if first <= last else last_year - 1)
        if (first_year, first) >= (last_year, last):
            return None
        return _Match(m.start(), m.end(), f"{_month(first_year, first)}/{_month(last_year, last)}")

    @rule(rf"{B}({M})\s+(?:(?:anului|anul)\s+)?({YEAR}){E}")
    def _month_year(m, published, tense):
        return _Match(m.start(), m.end(), _month(int(m.group(2)), month_word(m.group(1))))

    @rule(rf"{B}({M})\s+(?:(?:{lang.alt('month_of_year')})\s+)?((?:{RU})\s+(?:{RM})|(?:{THIS})\s+(?:{RU})){E}")
    def _month_relative_year(m, published, tense):
        year, _ = relative_period(m.group(2), published, tense)
        if year is None or len(year) != 4:
            return _unresolved(m.start(), m.end()) if published is None else None
        return _Match(m.start(), m.end(), _month(int(year), month_word(m.group(1))))

    # After an ambiguous month, the word that joins it to the next month of a list ("în mai și iunie 2023").
    listed_after = rx(rf"\s*(?:{lang.alt('month_list_joins')})\s+([\w.]+)")

    def listed_before_a_month(text: str, end: int) -> bool:
        m = listed_after.match(text, end)
        return bool(m) and m.group(1).lower() in month_of and m.group(1).lower() not in ambiguous_months

    @rule(rf"{B}({M}){E}")
    def _bare_month(m, published, tense):
        word = m.group(1).lower()
        if word in ambiguous_months:
            before_ok = any(re.search(rf"(?:^|\s){re.escape(cue)}\s*$", m.string[:m.start()], re.I)
                            for cue in lang["month_cue_words"])
            after = next_word(m.string, m.end())
            # "luna mai" is the month whatever follows ("în luna mai a anului viitor"), and so is a month
            # listed before another ("în mai și iunie 2023").
            month_noun = prev_word(m.string, m.start()) in month_nouns
            if not before_ok or (after and after not in safe_next and not month_noun
                                 and not listed_before_a_month(m.string, m.end())):
                return None
        if "." in word and not re.search(r"\d\s*$", m.string[:m.start()]):
            return None  # "mar." alone is too weak without a day before it
        if published is None:
            return _unresolved(m.start(), m.end())
        month = month_word(word)
        tense = date_tense(m.string, m.start(), tense)
        return _Match(m.start(), m.end(), _month(_year_for_month(month, None, published, tense), month))

    holiday_of = {form.lower(): ("easter", h["easter"]) if "easter" in h else (h["month"], h["day"])
                  for h in lang["holidays"] for form in h["forms"]}
    holiday_cue = re.compile(rf"{B}(?:{lang.alt('holiday_cues')})\s+\Z", re.I)
    holiday_vague = re.compile(rf"{B}(?:{lang.alt('holiday_vague_cues')})\s+\Z", re.I)  # "înainte de": no day

    H = alternation(holiday_of)

    def holiday_day(word: str, year: Optional[str], text: str, start: int, published, tense) -> Optional[dt.date]:
        """The day of the holiday `word` (its `year` as written, else chosen from publication)."""
        spec = holiday_of[word.lower()]
        if year:
            return _holiday_on(spec, int(year))
        if published is None:
            return None
        return _holiday_on(spec, _year_for_holiday(spec, published, date_tense(text, start, tense)))

    @rule(rf"{B}({H})(?:\s+({YEAR}))?{E}")
    def _holiday(m, published, tense):
        # Capitalized, after "de", "pentru", "până la" …: "Crăciun" is also a surname, "paste" a noun.
        before = max(0, m.start() - 20)
        if not m.group(1)[:1].isupper() or not holiday_cue.search(m.string, before, m.start()) \
                or holiday_vague.search(m.string, before, m.start()):
            return None
        day = holiday_day(m.group(1), m.group(2), m.string, m.start(), published, tense)
        return _Match(m.start(), m.end(), _day(day)) if day else _unresolved(m.start(), m.end())

    @rule(rf"{B}({W}),?\s+(?:{lang.alt('holiday_cues')})\s+({H})(?:\s+({YEAR}))?{E}")
    def _weekday_of_holiday(m, published, tense):
        """ "duminică, de Paște": a weekday in apposition to a holiday that falls on it is one day."""
        if not m.group(2)[:1].isupper():
            return None
        day = holiday_day(m.group(2), m.group(3), m.string, m.start(2), published, tense)
        if day is None or day.weekday() != weekday_of[m.group(1).lower()]:
            return None
        return _Match(m.start(), m.end(), _day(day))

    agent_starts = {w.lower() for w in lang["year_agent_starts"]}

    def count_after(text: str, end: int) -> bool:
        """ "2000 de oameni": "de" and a noun after a number make it a count; not "în 1927 de un industriaș"
        nor "preluată în 2006 de grupul italian", the passive's agent (an article, a name, a definite noun)."""
        agent = re.match(r"\s+de\s+([\w-]+)", text[end:end + 40])
        if agent is None:
            return False
        word = agent.group(1)
        # (a number after "de" is what the year's value was: "Prețul era în 2019 de 5 lei")
        return not (word.lower() in agent_starts or word[:1].isupper() or word[:1].isdigit()
                    or word.lower().endswith(("ul", "ului", "lui")))

    @rule(rf"{B}(?:(?:anul|anului)\s+)?({YEAR}){E}")
    def _year(m, published, tense):
        after = m.string[m.end():m.end() + 4]
        if count_after(m.string, m.end()) or re.match(r"[.,]\d", after):
            return None  # "2000 de oameni", "2.024"
        if re.search(r"(?:nr\.?|/|[.,]|\d)\s*$", m.string[:m.start()], re.I):
            return None  # "nr. 2024", "227/2015", "1.2024"
        return _Match(m.start(), m.end(), m.group(1))

    EARLY_YEAR = r"1[0-7]\d{2}"  # before 1800: a date only after a word of time ("în 1713", "anului 1500")

    @rule(rf"{B}(?:{lang.alt('early_year_cues')})\s+({EARLY_YEAR}){E}")
    def _early_year(m, published, tense):
        if count_after(m.string, m.end()) or re.match(r"[.,]\d", m.string[m.end():m.end() + 2]):
            return None  # "în 1500 de cazuri"
        return _Match(m.start(1), m.end(), m.group(1))

    @rule(rf"{B}(?:{lang.alt('decade_words')})\s+(?:['’‘´]\s?(\d)0|((?:1[0-9]|20)\d)0){E}")
    def _decade(m, published, tense):
        """ "anii '80", "anii 1990": the decade's years (1980/1989); "anii '20" is the 1920s, "anii '00" and
        "anii '10" the 2000s and 2010s."""
        start = f"{'20' if m.group(1) in ('0', '1') else '19'}{m.group(1)}" if m.group(1) else m.group(2)
        return _Match(m.start(), m.end(), f"{start}0/{start}9")

    ROMAN = r"[IVXLivxl]{1,6}"

    @rule(rf"{B}(?:{lang.alt('century_words')})\s+(?:al\s+)?({ROMAN})(?:-lea)?{E}")
    def _century(m, published, tense):
        """ "secolul al XVIII-lea", "secolului XV": the century's years (1700/1799)."""
        number = roman(m.group(1))
        if number is None or not 1 <= number <= 21:
            return None
        return _Match(m.start(), m.end(), f"{(number - 1) * 100:04d}/{(number - 1) * 100 + 99:04d}")

    PTO = lang.alt("period_range_to")

    @rule(rf"{B}({YEAR})\s+(?:{PTO})\s+({YEAR}){E}|{B}({M})(?:\s+({YEAR}))?\s+(?:{PTO})\s+({M})(?:\s+({YEAR}))?{E}")
    def _period_from_to(m, published, tense):
        """ "din 1962 până în 1995", "din ianuarie până în iulie": one period, when "din" or "de la" opens it."""
        if not from_before.search(m.string[max(0, m.start() - 16):m.start()]):
            return None
        if m.group(1):
            first, last = m.group(1), m.group(2)
            return _Match(m.start(), m.end(), f"{first}/{last}") if first < last else None
        first, last = month_word(m.group(3)), month_word(m.group(5))
        if m.group(6):
            last_year = int(m.group(6))
        elif m.group(4):
            last_year = int(m.group(4)) + (first > last)
        elif published is None:
            return _unresolved(m.start(), m.end())
        else:
            last_year = _year_for_month(last, None, published, date_tense(m.string, m.start(), tense))
        first_year = int(m.group(4)) if m.group(4) else last_year - (first > last)
        if (first_year, first) >= (last_year, last):
            return None
        return _Match(m.start(), m.end(), f"{_month(first_year, first)}/{_month(last_year, last)}")

    part_of_day = {w.lower(): p for p, ws in lang["day_parts"].items() for w in ws}
    DP = alternation(part_of_day)
    habitual = re.compile(rf"{B}(?:{lang.alt('habitual_markers')}){E}", re.I)
    articled = {w.lower() for ws in lang["weekdays"].values() for w in ws[1:]}
    # Forms only the articled weekday has ("joia", "sâmbăta"; not "duminica", which is also "duminică"
    # typed without diacritics): a habit even with no marker ("program prelungit și sâmbăta").
    bare = {w.lower() for ws in lang["weekdays"].values() for w in (ws[0], ascii_fold(ws[0]))}
    only_articled = articled - bare
    # ... and those that are, in a sentence written with diacritics ("inclusiv duminica": every Sunday).
    articled_in_diacritics = {ws[1].lower() for ws in lang["weekdays"].values() if ws[1].lower() == ascii_fold(ws[0]).lower()}
    every_before = re.compile(rf"{B}(?:{lang.alt('weekday_every_before')})\s+\Z", re.I)
    this_after = re.compile(rf"\s+(?:{lang.alt('weekday_this_after')}){E}", re.I)
    # "de luni până vineri": the days of every week, not one day.
    range_from, range_to = lang.alt("weekday_range_from"), lang.alt("weekday_range_to")
    range_from_before = re.compile(rf"{B}(?:{range_from})\s+\Z", re.I)  # "de |luni"
    range_to_after = re.compile(rf"\s+(?:{range_to})\s+(?:{W}){E}", re.I)  # "luni| până vineri"
    range_end = re.compile(rf"{B}(?:{range_from})\s+(?:{W})\s+(?:{range_to})\s+\Z", re.I)  # "de luni până |vineri"

    def with_part(match: Optional[_Match], part: Optional[str]) -> Optional[_Match]:
        """ "joi seara" -> "2024-06-27TEV": the part of the day, as TIMEX3 does."""
        if match is None or not part or not match.value or len(match.value) != 10:
            return match
        match.value += f"T{part_of_day[part.lower()]}"
        return match

    @rule(rf"{B}({W})(?:\s+({lang.alt('weekday_past_words')}|{lang.alt('weekday_future_words')}))?(?:\s+({DP}))?{E}")
    def _weekday(m, published, tense):
        return with_part(_weekday_value(m.string, m.start(), m.end(), m.group(1), m.group(2), published, tense), m.group(3))

    part_before = {w.lower(): p for p, ws in lang["day_parts_before"].items() for w in ws}

    @rule(rf"{B}({alternation(part_before)})\s+de\s+({W}){E}")
    def _part_of_weekday(m, published, tense):
        """ "în seara de vineri", "în cursul dimineții de sâmbătă": that part of that weekday."""
        found = _weekday_value(m.string, m.start(2), m.end(2), m.group(2), None, published, tense)
        if found is None or not found.value or len(found.value) != 10 or "set" in found.flags:
            return found if found is not None and found.value is None else None
        return _Match(m.start(), m.end(), f"{found.value}T{part_before[m.group(1).lower()]}")

    @rule(rf"{B}({DP})\s+de\s+(\d{{1,2}})\s+({M})(?:\s+({YEAR}))?{E}")
    def _part_of_dated_day(m, published, tense):
        """ "în dimineața de 4 martie", "în seara de 9 iunie 2024": that part of that day."""
        month, day = month_word(m.group(3)), int(m.group(2))
        year = _year_of(m.group(4), month, day, published, tense)
        if year is None:
            return _unresolved(m.start(), m.end())
        d = _safe_date(year, month, day)
        return with_part(_Match(m.start(), m.end(), _day(d)), m.group(1)) if d else None

    @rule(rf"{B}(?:({BETWEEN})\s+)?({W})\s+(?:{AND})\s+({W}){E}")
    def _weekday_pair(m, published, tense):
        """ "marți și miercuri", "între vineri și duminică": two days in a row, or the days between two,
        are one period (TIMEX3 start/end); two days apart without "între" ("vineri și duminică") are two
        dates, left to the single weekdays."""
        first, second = weekday_of[m.group(2).lower()], weekday_of[m.group(3).lower()]
        length = (second - first) % 7
        if length == 0 or not m.group(1) and length != 1:
            return None
        if published is None:
            return _unresolved(m.start(), m.end())
        # Each word must read as a day ("două luni și marți" is no Monday); in a past clause the period has
        # ended by publication (its last day is the latest such day), else it starts as its first would.
        days = [_weekday_value(m.string, m.start(g), m.end(g), m.group(g), None, published, tense) for g in (2, 3)]
        if any(d is None or not d.value or "set" in d.flags for d in days):
            return None  # a habit ("marțea și miercurea"), or not a day
        if tense == "past" and not weekday_ahead(m.string, m.start(2), tense):
            start = dt.date.fromisoformat(days[1].value) - dt.timedelta(days=length)
        else:
            start = dt.date.fromisoformat(days[0].value)
        return _Match(m.start(), m.end(), f"{_day(start)}/{_day(start + dt.timedelta(days=length))}")

    ahead_before = re.compile(rf"{B}(?:{lang.alt('weekday_ahead_before')})\s+\Z", re.I)

    def weekday_ahead(text: str, start: int, tense: str) -> bool:
        """A weekday planned for ("pentru vineri"), or scheduled by a verb in a present clause ("Etapa
        începe vineri"): on or after the publication date."""
        return bool(ahead_before.search(text, 0, start)) or tense == "present" and scheduled_before(text, start)

    blockers_lifted = {w.lower() for w in lang["weekday_blockers_lifted"]}
    day_closed = re.compile(rf"\s*(?:{PUNCTUATION}|(?:{DP}){E})", re.I)

    def _weekday_value(text: str, start: int, end: int, word: str, modifier: Optional[str], published, tense):
        """The day of the weekday `word` written at text[start:end] (`modifier`: "trecută", "viitoare"…)."""
        word = word.lower()
        if not modifier and (
                word in articled and habitual.search(text)
                or word in only_articled and not this_after.match(text, end)
                or word in articled_in_diacritics and ascii_fold(text) != text and not this_after.match(text, end)
                or every_before.search(text, 0, start)
                or range_end.search(text, 0, start)
                or range_from_before.search(text, 0, start) and range_to_after.match(text, end)):
            # "miercurea", "de regulă", "în fiecare joi", "de luni până vineri": every Wednesday, a set
            # (TIMEX3 XXXX-WXX-3), not a day.
            return _Match(start, end, f"XXXX-WXX-{weekday_of[word] + 1}", flags=("set",))
        if word in {w.lower() for w in lang["ambiguous_weekdays"]}:
            before = text[:start].lower()
            closed = day_closed.match(text, end)  # "de luni după-amiază", "de luni."
            if any(re.search(rf"(?:^|\s){re.escape(b)}\s*$", before) for b in lang["weekday_blockers_before"]
                   if not (closed and b in blockers_lifted)):
                return None
            after = text[end:].lower()
            if any(re.match(rf"\s*{re.escape(b)}(?!\w)", after) for b in lang["weekday_blockers_after"]):
                return None
            # ("luni de zile": months; "publicat luni de Inspectorat": by whom, on Monday; right after the word:
            # "anunțate luni dimineață de președinta biroului" is a Monday)
            if re.match(r"\s+de\s+[a-zăâîșț]", text[start + len(word):]) or re.search(r"\d\s*$", before):
                return None
        if published is None:
            return _unresolved(start, end)
        target = weekday_of[word]
        modifier = (modifier or "").lower()
        if modifier in {w.lower() for w in lang["weekday_past_words"]}:
            monday = published - dt.timedelta(days=published.weekday() + 7)
            day = monday + dt.timedelta(days=target)
        elif modifier:
            monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=7)
            day = monday + dt.timedelta(days=target)
        else:
            if weekday_ahead(text, start, tense):
                tense = "ahead"  # "a convocat pentru vineri", "Etapa începe vineri": planned, not past
            elif tense == "past" and bound.search(text, 0, start):
                tense = "present"  # "a prelungit alerta până miercuri": the bound, not the past
            day = _weekday_by_tense(published, target, tense)
        return _Match(start, end, _day(day))

    @rule(rf"{B}(?:(?:{lang.alt('time_before')})\s+)?(?:{lang.alt('time_nouns')})\s+(\d{{1,2}})(?:[:.](\d{{2}}))?(?:\s+({DP}))?(?![\w:.]\d)")
    def _time(m, published, tense):
        """ "ora 12:00", "în jurul orei 21:40", "ora 5 dimineața": the hour, its day found afterwards."""
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        part = part_of_day[m.group(3).lower()] if m.group(3) else None
        if part in ("EV", "NI", "AF") and hour < 12:
            hour += 12 if part != "NI" or hour >= 6 else 0
        if hour > 23 or minute > 59:
            return None
        return _Match(m.start(), m.end(), f"T{hour:02d}:{minute:02d}", flags=("time",))

    STAMP_MARKS = "".join(re.escape(c) for c in lang["entry_stamps"]["separators"])

    @rule(rf"^(\d{{1,2}})[:.](\d{{2}})(?=\s{{0,3}}[{STAMP_MARKS}]\s)")
    def _entry_time(m, published, tense):
        """ "23:04 – Antrenorul …": a live text's entry stamp with no "ora", the hour of the entry."""
        hour, minute = int(m.group(1)), int(m.group(2))
        if hour > 23 or minute > 59:
            return None
        return _Match(m.start(), m.end(), f"T{hour:02d}:{minute:02d}", flags=("time", "entry"))

    weekend_past = {w.lower() for w in lang["weekday_past_words"]}
    day_follows = re.compile(rf"\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+(?:{M}){E}", re.I)

    @rule(rf"{B}(?:(?:{lang.alt('weekend_before')})\s+)?(?:{lang.alt('weekend_words')})"
          rf"(?:\s+({lang.alt('weekday_past_words')}|{lang.alt('weekday_future_words')}|{lang.alt('weekday_this_after')}))?{E}")
    def _weekend(m, published, tense):
        """ "în weekend", "weekendul trecut": that Saturday and Sunday, one period. In a past clause (or
        "trecut") the last one ended by publication; otherwise the one under way or next."""
        text = m.group(0).lower()
        if not m.group(1) and not any(text.startswith(w) for w in lang["weekend_before"]):
            return None  # "un weekend pierdut", "fiecare weekend": no particular one
        if not m.group(1) and day_follows.match(m.string, m.end()):
            return None  # "în weekendul 29-30 mai": the days that follow say which
        if published is None:
            return _unresolved(m.start(), m.end())
        modifier = (m.group(1) or "").lower()
        if modifier in weekend_past or not modifier and tense == "past":
            saturday = _weekday_on_or_before(published, 6) - dt.timedelta(days=1)
        else:
            saturday = _weekday_on_or_before(published, 5) if published.weekday() >= 5 else _weekday_after(published, 5)
        return _Match(m.start(), m.end(), f"{_day(saturday)}/{_day(saturday + dt.timedelta(days=1))}")

    @rule(rf"{B}(?:{BETWEEN})\s+(?:{lang.alt('time_nouns')})\s+(\d{{1,2}})(?:[:.](\d{{2}}))?\s+(?:{AND})\s+(\d{{1,2}})(?:[:.](\d{{2}}))?(?![\w:.]\d)")
    def _time_interval(m, published, tense):
        """ "între orele 16:00 și 19:00": from one hour to the other, on their day (found afterwards, as a
        single hour's); "între orele 23:00 și 03:00" ends the next day."""
        hours = [(int(m.group(1)), int(m.group(2) or 0)), (int(m.group(3)), int(m.group(4) or 0))]
        if any(h > 23 or mi > 59 for h, mi in hours) or hours[0] == hours[1]:
            return None
        return _Match(m.start(), m.end(), "/".join(f"T{h:02d}:{mi:02d}" for h, mi in hours), flags=("time",))

    @rule(rf"{B}({lang.alt('relative_days')})(?:\s+({DP}))?{E}")
    def _relative_day(m, published, tense):
        if published is None:
            return _unresolved(m.start(), m.end())
        offset = lang["relative_days"][m.group(1).lower()]
        return with_part(_Match(m.start(), m.end(), _day(published + dt.timedelta(days=offset))), m.group(2))

    @rule(rf"{B}({lang.alt('relative_day_parts')}){E}")
    def _relative_day_part(m, published, tense):
        if published is None:
            return _unresolved(m.start(), m.end())
        offset, part = lang["relative_day_parts"][m.group(1).lower()]
        return _Match(m.start(), m.end(), f"{_day(published + dt.timedelta(days=offset))}T{part}")

    previous_words = {w.lower() for w in lang["offset_previous"]}
    UNIT_LETTER = {"year": "Y", "month": "M", "week": "W"}

    @rule(rf"{B}((?:{RU})\s+(?:{RM})|(?:{THIS})\s+(?:{RU})){E}")
    def _relative_unit(m, published, tense):
        value, ok = relative_period(m.group(1), published, tense)
        if not ok:
            return None
        words = m.group(1).lower().split()
        if any(w in previous_words for w in words):
            # "anul precedent": the year before the one the article last named; before publication's if none.
            unit = next(UNIT_LETTER[rel_unit[w]] for w in words if w in rel_unit)
            return _Match(m.start(), m.end(), value, flags=(offset_flag("previous", f"P1{unit}"),))
        return _Match(m.start(), m.end(), value) if value else _unresolved(m.start(), m.end())

    @rule(rf"{B}({P})\s+((?:{RU})(?:\s+(?:{RM}|{YEAR}|{M}))?|(?:{THIS})\s+(?:{RU})|lui\s+(?:{M})(?:\s+{YEAR})?){E}")
    def _period_part(m, published, tense):
        mod = part_of[m.group(1).lower()]
        inner = m.group(2)
        month = re.search(rf"{B}({M}){E}", inner, re.I)
        if inner.lower().startswith("lui") and month:
            year = re.search(YEAR, inner)
            mon = month_word(month.group(1))
            if year:
                return _Match(m.start(), m.end(), _month(int(year.group(0)), mon), mod=mod)
            if published is None:
                return _unresolved(m.start(), m.end())
            return _Match(m.start(), m.end(), _month(_year_for_month(mon, None, published, tense), mon), mod=mod)
        value, ok = relative_period(inner, published, tense)
        if not ok:
            return None
        if value is None:
            return _unresolved(m.start(), m.end())
        return _Match(m.start(), m.end(), value, mod=mod)

    @rule(rf"{B}(?:(?:{THIS})\s+({S})|({S})\s+((?:{RU})\s+(?:{RM})|(?:{RU})\s+{YEAR}|(?:lui\s+)?{YEAR}|(?:{RM}))){E}")
    def _season(m, published, tense):
        season = season_of[(m.group(1) or m.group(2)).lower()]
        qualifier = (m.group(3) or "").lower()
        year = re.search(YEAR, qualifier)
        if year:
            return _Match(m.start(), m.end(), f"{year.group(0)}-{season}")
        if published is None:
            return _unresolved(m.start(), m.end())
        delta = next((rel_mod[w] for w in qualifier.split() if w in rel_mod), 0)
        return _Match(m.start(), m.end(), f"{published.year + delta:04d}-{season}")

    parts = lang["year_parts"]
    part_months = {w.lower(): int(n) for n, ws in parts["months"].items() for w in ws}
    ord_before = {w.lower(): int(n) for n, ws in parts["ordinals_before"].items() for w in ws}
    ord_after = {str(w).lower(): int(n) for n, ws in parts["ordinals_after"].items() for w in ws}
    PN, OB, OA = alternation(part_months), alternation(ord_before), alternation(ord_after)
    OF, FIRST = alternation(parts["of_year"]), alternation(parts["first_months"])
    YEAR_OF = rf"(?:\s+(?:{OF})\s+(?:(?:anul|anului)(?:\s+(?:{RM}|{YEAR}))?|{YEAR})|\s+(?:{THIS})\s+an|\s+{YEAR})?"

    def part_year(qualifier: str, first_month: int, published: Optional[dt.date], tense: str) -> Optional[int]:
        """The year of a part of a year: the one the text names, else counted from publication (in a
        past sentence a part that has not begun yet is last year's)."""
        year = re.search(YEAR, qualifier)
        if year:
            return int(year.group(0))
        if published is None:
            return None
        delta = next((rel_mod[w] for w in qualifier.lower().split() if w in rel_mod), None)
        if delta is not None:
            return published.year + delta
        return published.year - 1 if tense == "past" and first_month > published.month else published.year

    part_of_other = re.compile(rf"\s+(?:{lang.alt('year_part_not_of')})\s+[a-zăâîșț]")  # "… de sarcină"

    @rule(rf"{B}(?:({OB})\s+({PN})|({PN})\s+({OA})){YEAR_OF}{E}")
    def _year_part(m, published, tense):
        """ "primul trimestru", "semestrul I", "prima jumătate a anului viitor" -> a span of months; not a
        part of something else ("trimestrul al treilea de sarcină")."""
        if not m.group(0).endswith(tuple("0123456789")) and part_of_other.match(m.string, m.end()):
            return None
        if of_month.match(m.string, m.end()):
            return None  # "prima jumătate a lunii": a part of a month (`_month_part`), not of the year
        size = part_months[(m.group(2) or m.group(3)).lower()]
        n = ord_before[m.group(1).lower()] if m.group(1) else ord_after[m.group(4).lower()]
        if n * size > 12:
            return None
        first, last = (n - 1) * size + 1, n * size
        year = part_year(m.group(0)[m.end(4 if m.group(4) else 2) - m.start():], first, published, tense)
        if year is None:
            return _unresolved(m.start(), m.end())
        return _Match(m.start(), m.end(), f"{_month(year, first)}/{_month(year, last)}")

    mparts = lang["month_parts"]
    decade_words = {w.lower() for w in mparts["decades"]}
    month_ordinal = {w.lower(): int(n) for n, ws in mparts["ordinals"].items() for w in ws}
    MO, MP = alternation(month_ordinal), alternation([*mparts["decades"], *mparts["halves"]])
    OFM = alternation(mparts["of_month"])
    of_month = re.compile(rf"\s+(?:{OFM}){E}", re.I)

    @rule(rf"{B}({MO})\s+({MP})\s+(?:{OFM})\s+({M})(?:\s+({YEAR}))?{E}")
    def _month_part(m, published, tense):
        """ "prima decadă a lunii mai" -> 1 to 10 May; "a doua jumătate a lunii august" -> August."""
        month = month_word(m.group(3))
        if m.group(4):
            year = int(m.group(4))
        elif published is not None:
            year = _year_for_month(month, None, published, tense)
        else:
            return _unresolved(m.start(), m.end())
        if m.group(2).lower() not in decade_words:
            return _Match(m.start(), m.end(), _month(year, month))
        n = month_ordinal[m.group(1).lower()]
        first_day, last_day = (n - 1) * 10 + 1, (n * 10 if n < 3 else calendar.monthrange(year, month)[1])
        days = f"{_day(dt.date(year, month, first_day))}/{_day(dt.date(year, month, last_day))}"
        return _Match(m.start(), m.end(), days)

    @rule(rf"{B}(?:{FIRST})\s+({NUM})\s+(?:de\s+)?luni{YEAR_OF}{E}")
    def _first_months(m, published, tense):
        """ "primele 11 luni ale anului" -> January to November."""
        n = parse_number(m.group(1), lang)
        if n is None or not 1 < n <= 12 or int(n) != n:
            return None
        year = part_year(m.group(0)[m.end(1) - m.start():], 1, published, tense)
        if year is None:
            return _unresolved(m.start(), m.end())
        return _Match(m.start(), m.end(), f"{_month(year, 1)}/{_month(year, int(n))}")

    SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9}
    season_cue = {w.lower(): kind for kind, ws in lang["bare_season_before"].items() for w in ws}
    # (only as written with diacritics: without them "toamna" is also the definite form)
    bare_forms = {w.lower() for w in lang["bare_seasons"] if ascii_fold(w) != w}
    BS, BSB = alternation(lang["bare_seasons"]), alternation(season_cue)

    @rule(rf"{B}({BSB})\s+({BS}){E}")
    def _bare_season(m, published, tense):
        """ "a fost mutat în toamnă" (published in March 2026) -> 2025-FA; "la toamnă" -> the coming one."""
        if m.group(2).lower() not in bare_forms:
            return None  # "in toamna" with no diacritics may be the definite "în toamna (anului …)"
        season = season_of[m.group(2).lower()]
        if published is None:
            return _unresolved(m.start(2), m.end())
        cue = season_cue[" ".join(m.group(1).lower().split())]
        first = SEASON_FIRST_MONTH[season]
        if cue == "since" or cue == "tense" and tense in ("past", "since"):
            year = published.year if first <= published.month else published.year - 1
        else:
            year = published.year if first >= published.month else published.year + 1
        return _Match(m.start(2), m.end(), f"{year:04d}-{season}")

    @rule(rf"{B}({P})\s+({S})(?:\s+(?:lui\s+)?({YEAR}))?{E}")
    def _season_part(m, published, tense):
        """ "mijlocul verii", "sfârșitul toamnei lui 2024": the season, the part kept as its `mod`."""
        season = season_of[m.group(2).lower()]
        if m.group(3):
            year = int(m.group(3))
        elif published is not None:
            year = published.year
        else:
            return _unresolved(m.start(), m.end())
        return _Match(m.start(), m.end(), f"{year:04d}-{season}", mod=part_of[m.group(1).lower()])

    age_verbs = {w.lower() for w in lang["age_before"] if " " not in w}  # "are", "avea"

    def ago_value(number: str, unit_word: str, published: Optional[dt.date]) -> Optional[str]:
        n = parse_number(number, lang)
        unit = unit_of[unit_word.lower()]
        if n is None or published is None or unit in ("H", "MIN"):
            return None
        n = int(n)
        if unit == "D":
            return _day(published - dt.timedelta(days=n))
        if unit == "W":
            return _week(published - dt.timedelta(weeks=n))
        if unit == "M":
            return _month(*_shift_months(published.year, published.month, -n))
        return f"{published.year - n:04d}"

    @rule(rf"{B}(?:{lang.alt('ago_before')})\s+({NUM})\s+(?:de\s+)?({U}){E}")
    def _ago(m, published, tense):
        if prev_word(m.string, m.start()) in age_verbs:
            return None  # "Are acum 55 de ani": an age ("now"), not fifty-five years ago
        value = ago_value(m.group(1), m.group(2), published)
        return _Match(m.start(), m.end(), value) if value else _unresolved(m.start(), m.end())

    @rule(rf"{B}(?:cu\s+)?({NUM})\s+(?:de\s+)?({U})\s+(?:{lang.alt('ago_after')}){E}")
    def _ago_after(m, published, tense):
        value = ago_value(m.group(1), m.group(2), published)
        return _Match(m.start(), m.end(), value) if value else _unresolved(m.start(), m.end())

    articles = alternation(lang["article_numbers"])

    unit_order = {"Y": 0, "M": 1, "W": 2, "D": 3, "H": 4, "MIN": 5}
    singular = {unit: words[0].lower() for unit, words in lang["duration_units"].items()}  # each list's first

    @rule(rf"{B}(\d{{1,3}}|{NUMW})\s+(?:de\s+)?({U})\s+(?:{AND})\s+(\d{{1,3}}|{NUMW})\s+(?:de\s+)?({U}){E}")
    def _compound_duration(m, published, tense):
        """ "6 ani și 8 luni", "trei ani și șase luni": one duration (P6Y8M); "2 ore și 27 de minute" too,
        its hours and minutes after TIMEX3's "T" (PT2H27M)."""
        first, second = unit_of[m.group(2).lower()], unit_of[m.group(4).lower()]
        a, b = parse_number(m.group(1), lang), parse_number(m.group(3), lang)
        if a is None or b is None or unit_order[first] >= unit_order[second]:
            return None
        parts = [(int(a), first), (int(b), second)]
        date = "".join(f"{n}{u}" for n, u in parts if u not in ("H", "MIN"))
        time = "".join(f"{n}{'M' if u == 'MIN' else u}" for n, u in parts if u in ("H", "MIN"))
        return _Match(m.start(), m.end(), f"P{date}" + (f"T{time}" if time else ""), type="DURATION")

    article_before = re.compile(rf"{B}(?:{lang.alt('article_duration_after')})\s*\Z", re.I)
    offset_words = {**{w.lower(): "later" for w in lang["offset_later"]},
                    **{w.lower(): "earlier" for w in lang["offset_earlier"]}}

    def in_larger_number(m: re.Match) -> bool:
        """The number is the end of a larger one ("12.000 de zile" is not "000 de zile"). Digits after a
        comma are left out too: "Nelu, 58 de ani, …" is an age in apposition, a figure. A word after a
        comma ("a ajuns, o zi mai târziu") is no part of a number."""
        before = m.string[max(0, m.start() - 3):m.start()]
        return re.search(r"[\d.,]\s*\Z" if m.group(1)[:1].isdigit() else r"\d[.,]?\s*\Z", before) is not None

    offset_not = re.compile(rf"\s+(?:{lang.alt('offset_not_before')}){E}", re.I)

    @rule(rf"{B}({NUM})\s+(?:de\s+)?({U})\s+({alternation(offset_words)}){E}")
    def _offset(m, published, tense):
        """ "Un an mai târziu", "două luni mai devreme": counted from the date before (the dates component
        finds it): no value here, a flag with its direction and duration. Hours and minutes are left to
        the duration."""
        n = parse_number(m.group(1), lang)
        unit = unit_of[m.group(2).lower()]
        if n is None or n <= 0 or unit in ("H", "MIN") or offset_not.match(m.string, m.end()) \
                or in_larger_number(m):
            return None
        direction = offset_words[" ".join(m.group(3).lower().split())]
        return _Match(m.start(), m.end(), None, flags=(offset_flag(direction, f"P{int(n)}{unit}"),))

    HALF_OF = {"Y": "6M", "H": "30M"}

    @rule(rf"{B}({NUM})\s+(?:de\s+)?({U})\s+(?:{AND})\s+(?:{lang.alt('duration_halves')}){E}")
    def _duration_and_half(m, published, tense):
        """ "un an și jumătate" (P1Y6M), "o oră și jumătate" (PT1H30M): years and hours."""
        n, unit = parse_number(m.group(1), lang), unit_of[m.group(2).lower()]
        if n is None or n <= 0 or unit not in HALF_OF or in_larger_number(m):
            return None
        value = f"PT{int(n)}H{HALF_OF[unit]}" if unit == "H" else f"P{int(n)}Y{HALF_OF[unit]}"
        return _Match(m.start(), m.end(), value, type="DURATION")

    @rule(rf"{B}({NUM})\s+(?:de\s+)?({U}){E}")
    def _duration(m, published, tense):
        number = m.group(1)
        flags: tuple = ()
        if re.fullmatch(articles, number, re.I):
            # "un an", "o lună": a duration only after "timp de", "de", "după", "peste", "în", "pentru", and
            # then only as the dates component's parse allows (`article_unit`: "Este o zi istorică").
            if article_before.search(m.string, max(0, m.start() - ARTICLE_BEFORE), m.start()) is None:
                return None
            flags = ("article_unit",)
        if in_larger_number(m) or re.match(r"[.,]\d", m.string[m.end(1):]):
            return None  # part of a larger number ("12.000 de zile" is not "000 de zile")
        n = parse_number(number, lang)
        if n is None or n <= 0:
            return None
        unit = unit_of[m.group(2).lower()]
        if n >= 2 and m.group(2).lower() == singular[unit]:
            return None  # "a doua zi": an ordinal before a unit in the singular is the next day, not two days
        value = f"PT{int(n)}H" if unit == "H" else f"PT{int(n)}M" if unit == "MIN" else f"P{int(n)}{unit}"
        return _Match(m.start(1), m.end(), value, type="DURATION", flags=flags)

    future = re.compile(rf"{B}(?:{lang.alt('future_markers')}){E}", re.I)
    participle = rf"\w*(?:{lang.alt('past_participle_endings')})"
    past = re.compile(rf"{B}(?:(?:{lang.alt('past_auxiliaries')})\s+{participle}|{lang.alt('past_markers')}){E}", re.I)
    clause_edge = re.compile(rf"[,;:()—–«»„“”\"]|\s(?:{lang.alt('clause_words')})\s", re.I)
    participle_before = re.compile(rf"{B}[^\W\d_]{{1,20}}(?:{lang.alt('past_participle_endings')})\s+\Z", re.I)
    place_word = rf"[{CAP}][\w.]{{0,30}}"
    place_line = re.compile(rf"\s*{place_word}(?:(?: |-| - ){place_word}){{0,3}},\s*\Z")
    return _Rules(patterns=patterns, future=future, past=past, clause_edge=clause_edge,
                  participle_before=participle_before, place_line=place_line, weekday_of=weekday_of,
                  condition=re.compile(rf"{B}(?:{lang.alt('future_conditions')}){E}", re.I),
                  verb_part_before=re.compile(rf"{B}(?:{lang.alt('past_auxiliaries')}|{lang.alt('future_markers')}|fi|fie|fost)\s+\Z", re.I),
                  forward_participles=frozenset(w.lower() for w in lang["forward_participles"]),
                  year_month_joins=frozenset(w.lower() for w in lang["year_month_joins"]) | {""},
                  month_list_joins=frozenset(w.lower() for w in lang["month_list_joins"]),
                  period_list_joins=frozenset(w.lower() for w in lang["period_list_joins"]),
                  clock_period_joins=frozenset(w.lower() for w in lang["clock_period_joins"]),
                  clock_period_to=frozenset(w.lower() for w in lang["clock_period_to"]),
                  range_between=frozenset(w.lower() for w in lang["range_words"]["between"]),
                  clock_period_and=frozenset(p.lower() for w in lang["range_words"]["and"] for p in (w, ", " + w)))


# --- publication date inference ------------------------------------------------------------------

def clause_tense(text: str, start: int, end: int, lang: Lang, marks: ParseMarks = NO_MARKS) -> str:
    """The tense of the clause around text[start:end]: "future", "past" or "present" (no mark)."""
    return _tense(text, start, end, _rules(lang), marks)


def infer_publication(sentences: list[Sentence], lang: Lang) -> Optional[dt.date]:
    """Infer a publication date from the text: the latest full date that dates the article itself,
    moved forward to the first day (within a week) on which every past-tense weekday it mentions falls
    on or after that date. None when nothing dates the article or its weekdays cannot agree: then it
    stays unknown (a wrong date would misplace every "ieri" and "joi" of the article).

    A full date dates the article when it is in the photo caption, or when the text names its weekday
    and the weekday is right ("s-a reunit joi, 14 mai 2026"). Any other date may be history ("ultimul
    cutremur a avut loc pe 28 octombrie 2018") or a deadline ("până pe 15 decembrie"), so it is no clue.
    A page's stamp ("Publicat: 12.03.2025, 14:32 | Actualizat: …") or a dated byline says it outright:
    its first full date."""
    rules = _rules(lang)
    weekday_of = {w.lower(): int(n) for n, ws in lang["weekdays"].items() for w in ws}
    days: list[dt.date] = []
    cues: list[int] = []
    for sentence in sentences:
        mentions = extract_dates(sentence, None, lang)
        if sentence.furniture in ("stamp", "byline"):  # ("de Teodora Stan | 30 iulie 2024, 06:00")
            stamped = next((m.value for m in mentions if m.value and DAY_VALUE.fullmatch(m.value)), None)
            if stamped:
                return dt.date.fromisoformat(stamped)
            continue
        for mention in mentions:
            if mention.value and DAY_VALUE.fullmatch(mention.value) \
                    and _tense(sentence.text, mention.start, mention.end, rules) != "future":
                day = dt.date.fromisoformat(mention.value)
                # (a weekday in apposition is read with its date: "joi, 14 mai 2026" is one mention)
                first = mention.text.split()[0].strip(",").lower()
                named = len(mention.text.split()) > 1 and weekday_of.get(first) == day.weekday()
                if sentence.id == "caption" or named:
                    days.append(day)
            word = mention.text.split()[0].lower()
            if "unresolved" in mention.flags and word in weekday_of and not rules.future.search(sentence.text):
                cues.append(weekday_of[word])
    if not days:
        return None
    latest = max(days)
    for shift in range(7):
        pub = latest + dt.timedelta(days=shift)
        if all(_weekday_on_or_before(pub, w) >= latest for w in cues):
            return pub
    return None
