"""Reader-facing Romanian labels for dates and numbers ("21 august 2025", "începutul anului 2025")."""
from __future__ import annotations

import functools
import datetime as dt
import re
from typing import Optional

MONTHS = ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august",
          "septembrie", "octombrie", "noiembrie", "decembrie"]
MONTHS_SHORT = ["ian.", "feb.", "mar.", "apr.", "mai", "iun.", "iul.", "aug.", "sept.", "oct.", "nov.", "dec."]
SEASONS = {"SP": "primăvara", "SU": "vara", "FA": "toamna", "WI": "iarna"}
QUALIFIERS = {"approx": "aproximativ", "more_than": "peste", "at_least": "cel puțin",
              "less_than": "sub", "up_to": "până la"}
PARTS = {"START": "începutul", "MID": "mijlocul", "END": "sfârșitul"}


@functools.lru_cache(maxsize=8192)  # a few thousand distinct values, asked for again and again
def date_label(value: Optional[str], mod: Optional[str] = None) -> str:
    """A TIMEX3 value at its own precision, in Romanian."""
    if not value:
        return "dată nerezolvată"
    if "/" in value:
        first, last = value.split("/", 1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", first) and last[:11] == first[:11] and len(last) == 16:
            return f"{date_label(first[:10])}, orele {first[11:]}–{last[11:]}"  # hours of one day
        return f"{date_label(first)} – {date_label(last)}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T(NI|EV|MO|AF|MI)", value):
        part = {"NI": "noaptea", "EV": "seara", "MO": "dimineața", "AF": "după-amiaza", "MI": "la prânz"}[value[11:]]
        return f"{date_label(value[:10])}, {part}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value):
        return f"{date_label(value[:10])}, ora {value[11:]}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        d = dt.date.fromisoformat(value)
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        label = f"{MONTHS[int(value[5:7]) - 1]} {value[:4]}"
        return f"{PARTS[mod]} lui {label}" if mod in PARTS else label
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
        sunday = monday + dt.timedelta(days=6)
        first = f"{monday.day} {MONTHS[monday.month - 1]}" if monday.month != sunday.month else f"{monday.day}"
        return f"săptămâna {first}–{sunday.day} {MONTHS[sunday.month - 1]} {sunday.year}"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", value):
        return f"{SEASONS[value[5:]]} {value[:4]}"
    if re.fullmatch(r"\d{4}", value):
        return f"{PARTS[mod]} anului {value}" if mod in PARTS else value
    return duration_label(value) or value


def duration_label(value: str) -> Optional[str]:
    """ "P120D" -> "120 de zile", "PT40M" -> "40 de minute", "P6Y8M" -> "6 ani și 8 luni"."""
    m = re.fullmatch(r"(PT?)((?:\d{1,4}[DWMYH]){1,3})", value)
    if not m:
        return None
    units = {"D": ("zi", "zile"), "W": ("săptămână", "săptămâni"), "M": ("lună", "luni"),
             "Y": ("an", "ani"), "H": ("oră", "ore"), "MIN": ("minut", "minute")}
    parts = []
    for number, letter in re.findall(r"(\d{1,4})([DWMYH])", m.group(2)):
        n = int(number)
        unit = units["MIN" if m.group(1) == "PT" and letter == "M" else letter]  # PT40M: minutes, P4M: months
        parts.append(f"{n} {unit[0]}" if n == 1 else f"{n} {_de(n)}{unit[1]}")
    return " și ".join(parts)


def short_day(day: Optional[dt.date], with_year: bool = False) -> str:
    """ "15 aug." (with the year when asked: "15 aug. 2024"); "fără dată" when unknown."""
    if day is None:
        return "fără dată"
    label = f"{day.day} {MONTHS_SHORT[day.month - 1]}"
    return f"{label} {day.year}" if with_year else label


def count(n: int, one: str, many: str) -> str:
    """ "1 articol", "3 articole", "20 de articole"."""
    return f"1 {one}" if n == 1 else f"{n} {_de(n)}{many}"


def number_label(value) -> str:
    """12000 -> "12.000", 1.5 -> "1,5", (25000, 30000) -> "25.000–30.000"."""
    if isinstance(value, (tuple, list)):
        return f"{number_label(value[0])}–{number_label(value[1])}"
    if isinstance(value, float) and not value.is_integer():
        whole, frac = f"{value:.6f}".rstrip("0").split(".")
        return f"{int(whole):,}".replace(",", ".") + "," + frac
    return f"{int(value):,}".replace(",", ".")


def _de(n: int) -> str:
    """Romanian puts "de" between a number ending in 20-99 (or 0 past 19) and its noun."""
    rest = n % 100
    return "de " if n >= 20 and (rest == 0 or rest >= 20) else ""
