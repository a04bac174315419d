"""A visual timeline rendered at build time: TIMEX3-dated events -> one static, accessible HTML fragment.

No JavaScript, no request: HTML placed with percentages, styled by docs/assets/stylesheets/timeline.css
(Material's light and slate palettes, WeasyPrint). The drawing *is* the list: an ordered list of links,
one per event with its date in words for screen readers; marks, rails and ticks are aria-hidden.
MkDocs does not rewrite links in raw HTML: `href` is the built URL ("#ev-12" on the chronology page,
"cronologie/#ev-12" from the home page), not "cronologie.md#ev-12".

Why not a ready-made timeline: Knight Lab's TimelineJS (we publish its JSON) and vis-timeline draw in
the browser with JavaScript (TimelineJS from its CDN or an iframe: requests off the site), so neither
reaches the PDF nor works without scripts; Mermaid's `timeline` also renders in the browser and has no
date scale; a plotted image (matplotlib, Plotly) has no links, no text for screen readers and does not
follow the palettes.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from markupsafe import Markup, escape

MONTHS = ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august",
          "septembrie", "octombrie", "noiembrie", "decembrie"]
MONTHS_SHORT = ["ian.", "feb.", "mar.", "apr.", "mai", "iun.", "iul.", "aug.", "sept.", "oct.", "nov.", "dec."]
# Season: (first month, articulated name, genitive, bare name). Winter "2025-WI" is Dec 2024 - Feb 2025,
# so it starts where the chronology sorts it (the beginning of 2025).
SEASONS = {"SP": (3, "primăvara", "primăverii", "primăvară"), "SU": (6, "vara", "verii", "vară"),
           "FA": (9, "toamna", "toamnei", "toamnă"), "WI": (12, "iarna", "iernii", "iarnă")}
DAY_PARTS = {"MO": ("dimineața", 0.3), "AF": ("după-amiaza", 0.6), "EV": ("seara", 0.8), "NI": ("noaptea", 0.95), "MI": ("la prânz", 0.5)}
# mod -> (words for screen readers, short visible prefix, share of the period it covers).
MODS = {"START": ("începutul", "început de", 0.0, 1 / 3), "MID": ("mijlocul", "mijloc de", 1 / 3, 2 / 3),
        "END": ("sfârșitul", "sfârșit de", 2 / 3, 1.0)}
PRECISION = {"year": ("anul", "anului"), "month": ("luna", "lunii"), "week": ("săptămâna", "săptămânii")}
LEGEND = "Legendă"
COLOURS, SHAPES, PATTERNS = 8, 6, 4  # style cycles of `group` (timeline.css defines as many of each)
DENSE_AT = 40  # above this many events the full view groups rows by year, one line per event
# The axis breaks at the longest empty stretches of at least BREAK_MIN_DAYS (at most MAX_SEGMENTS - 1 of
# them): news mixes a few dated background facts (a year, a past fine, a far plan) with weeks of dense
# events, and a linear axis over all of it squashes those weeks into a few pixels.
BREAK_MIN_DAYS = 120
MAX_SEGMENTS = 6
BREAK_GAP = 4.0  # % of the track left empty between the two sides of an axis break (less when many)
BREAKS_ROOM = 12.0  # % of the track all the breaks' gaps may take together
MIN_SEGMENT_SHARE = 0.14  # a background year keeps a readable slice of the track...
SMALL_SEGMENTS_ROOM = 0.35  # ...but all the small segments together leave most of it to the story
TICK_SPACING = {False: 12.0, True: 16.0}  # minimum % between tick labels (full, compact): fits 375 px
LABEL_ROOM = 8.0  # % a tick label needs right of its tick before the segment ends (never overflow)
COMPACT_LANES, COMPACT_MIN_WIDTH, LANE_EM = 6, 4.0, 1.5  # home strip: lanes, % a mark takes, lane height
TICK_STEPS = ([("day", 1), ("day", 2), ("week", 1), ("week", 2)] + [("month", n) for n in (1, 2, 3, 6)]
              + [("year", n) for n in (1, 2, 5, 10, 25, 50, 100)])
# Markdown and attr_list syntax becomes character references too, so a label stays text even if the
# fragment were ever parsed as Markdown (e.g. pasted without the blank lines around it).
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
             **{c: f"&#{ord(c)};" for c in "*_`[]\\~{}|#"}}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
SAFE_SCHEMES = {"http", "https", "mailto"}
_ONE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(MO|AF|EV|NI|MI|\d{2}:\d{2}))?)?|-W(\d{2})|-(SP|SU|FA|WI))?")


@dataclass(frozen=True)
class Period:
    """One TIMEX3 value: days [start, end), its kind, and the part of day or season code."""

    start: dt.date
    end: dt.date
    kind: str  # day, week, month, season, year
    code: Optional[str] = None


@dataclass
class Event:
    """An event to draw: day ordinals of its period and of the part named (START...), then its place."""

    start: float
    end: float
    part: tuple[float, float]
    point: bool
    short: str
    words: str
    label: str
    href: str
    group: int
    group_label: str
    pos: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # left, width of period, then part (%)


@dataclass
class Segment:
    """A stretch of the axis: days [d0, d1) drawn from x0% to x1% of the track."""

    d0: float
    d1: float
    x0: float = 0.0
    x1: float = 100.0

    def x(self, day: float) -> float:
        """Position of a day ordinal in % of the whole track."""
        return self.x0 + (day - self.d0) / (self.d1 - self.d0) * (self.x1 - self.x0)


def parse_period(value: str) -> Optional[Period]:
    """A single TIMEX3 value ("2025", "2025-08", "2025-08-21TNI", "2025-W33", "2025-SU") or None."""
    m = _ONE.fullmatch(value.strip())
    if not m:
        return None
    y, month, day, part, week, season = int(m.group(1)), *m.groups()[1:]
    try:
        if day:
            d = dt.date(y, int(month), int(day))
            return Period(d, d + dt.timedelta(days=1), "day", part)
        if month:
            return Period(dt.date(y, int(month), 1), _add_months(dt.date(y, int(month), 1), 1), "month")
        if week:
            monday = dt.date.fromisocalendar(y, int(week), 1)
            return Period(monday, monday + dt.timedelta(days=7), "week")
    except ValueError:  # 2025-02-30, week 54...
        return None
    if season:
        first = dt.date(y - 1 if season == "WI" else y, SEASONS[season][0], 1)
        return Period(first, _add_months(first, 3), "season", season)
    return Period(dt.date(y, 1, 1), dt.date(y + 1, 1, 1), "year")


def _add_months(d: dt.date, n: int) -> dt.date:
    """The first day of the month `n` months after `d`'s."""
    months = d.year * 12 + d.month - 1 + n
    return dt.date(months // 12, months % 12 + 1, 1)


def _part_words(code: str) -> str:
    """A part of the day ("MO": "dimineața") or an hour ("08:40": "ora 08:40")."""
    return DAY_PARTS[code][0] if code in DAY_PARTS else f"ora {code}"


def _day_share(code: str) -> float:
    """Where in its day a part of the day or an hour falls (0 to 1)."""
    if code in DAY_PARTS:
        return DAY_PARTS[code][1]
    hours, minutes = code.split(":")
    return (int(hours) * 60 + int(minutes)) / (24 * 60)


def _name(p: Period, short: bool) -> str:
    """The period's own name, without a precision word: "21 aug. 2025" / "21 august 2025"."""
    names, first, last = MONTHS_SHORT if short else MONTHS, p.start, p.end - dt.timedelta(days=1)
    if p.kind == "day":
        return f"{first.day} {names[first.month - 1]} {first.year}" + (f", {_part_words(p.code)}" if p.code else "")
    if p.kind == "month":
        return f"{names[first.month - 1]} {first.year}"
    if p.kind == "week":
        start = f"{first.day}" if first.month == last.month else f"{first.day} {names[first.month - 1]}"
        return f"{start}–{last.day} {names[last.month - 1]} {last.year}"
    if p.kind == "season":
        return f"{SEASONS[p.code][1]} {last.year}"
    return str(first.year)


def date_words(p: Period, mod: Optional[str] = None) -> str:
    """The date in words with its precision, for screen readers: "începutul lunii august 2025"."""
    if p.kind == "day":
        return f"ziua {_name(p, False)}"
    if p.kind == "season":
        return f"{MODS[mod][0]} {SEASONS[p.code][2]} {p.end.year}" if mod in MODS else _name(p, False)
    words, genitive = PRECISION[p.kind]
    return f"{MODS[mod][0]} {genitive} {_name(p, False)}" if mod in MODS else f"{words} {_name(p, False)}"


def date_short(p: Period, mod: Optional[str] = None) -> str:
    """The visible date, abbreviated: "21 aug. 2025", "săpt. 11–17 aug. 2025", "început de aug. 2025"."""
    name = ("săpt. " if p.kind == "week" else "") + _name(p, True)
    if mod not in MODS or p.kind == "day":
        return name
    if p.kind == "season":
        name = f"{SEASONS[p.code][3]} {p.end.year}"
    return f"{MODS[mod][1]} {name}"


def _interval(a: Period, b: Period) -> tuple[str, str]:
    """(short, words) of "a/b": "6–11 aug. 2025" (the shared month and year written once)."""
    words = f"perioada {_name(a, False)} – {_name(b, False)}"
    if a.kind == b.kind == "day" and not (a.code or b.code) and a.start.year == b.start.year:
        dash = "–" if a.start.month == b.start.month else f" {MONTHS_SHORT[a.start.month - 1]} – "
        return f"{a.start.day}{dash}{_name(b, True)}", words
    return f"{date_short(a)} – {date_short(b)}", words


def _event(raw: dict) -> Optional[Event]:
    """One input dict as an Event, or None when its date cannot be placed on an axis."""
    value, mod = str(raw.get("date") or ""), raw.get("mod")
    first, _, last = value.partition("/")
    a = parse_period(first)
    b = parse_period(last) if last else a
    if a is None or b is None or b.end <= a.start:
        return None
    start, end = float(a.start.toordinal()), float(b.end.toordinal())
    short, words = _interval(a, b) if last else (date_short(a, mod), date_words(a, mod))
    lo, hi = MODS[mod][2:] if mod in MODS and a.kind != "day" and not last else (0.0, 1.0)
    point = a.kind == "day" and not last
    if point:  # a day is a point at its middle, or at its part (morning, night...)
        start = end = start + (_day_share(a.code) if a.code else 0.5)
    group = int(raw.get("group") or 0)
    return Event(start, end, (start + lo * (end - start), start + hi * (end - start)), point, short, words,
                 _clean(raw.get("label")), str(raw.get("href") or ""), group,
                 _clean(raw.get("group_label")) or f"Grupa {group}")


def _clean(text) -> str:
    """Plain text on one line: a blank line inside a raw HTML block would end it for Markdown."""
    return " ".join(str(text or "").split())


def _text(text: str) -> Markup:
    """Text escaped for HTML and neutralised for Markdown."""
    return Markup("".join(_ENTITIES.get(c, c) for c in text))


def _href(href: str) -> Markup:
    """A link target as an attribute value; script-like schemes (javascript:, data:) become "#"."""
    scheme = _SCHEME.match(href.strip())
    return Markup("#") if scheme and scheme.group(1).lower() not in SAFE_SCHEMES else escape(href.strip())


def _count(n: int) -> str:
    """ "1 eveniment", "5 evenimente", "20 de evenimente" (Romanian puts "de" after 20-99 and 0 past 19)."""
    rest = n % 100
    return "1 eveniment" if n == 1 else f"{n} {'de ' if n >= 20 and (rest == 0 or rest >= 20) else ''}evenimente"


def _segments(events: list[Event]) -> list[Segment]:
    """The axis: the events' range, broken where an empty stretch would squash the story into a pixel."""
    merged: list[list[float]] = []
    for e in events:  # sorted by start
        if merged and e.start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e.end)
        else:
            merged.append([e.start, e.end])
    gaps = sorted(((merged[i + 1][0] - merged[i][1], i) for i in range(len(merged) - 1)), reverse=True)
    cuts = sorted(i + 1 for g, i in gaps[:MAX_SEGMENTS - 1] if g >= BREAK_MIN_DAYS)
    bounds = [0] + cuts + [len(merged)]
    segments = [_domain(merged[lo][0], merged[hi - 1][1]) for lo, hi in zip(bounds, bounds[1:])]
    counts = [sum(_segment_of(segments, e) is s for e in events) for s in segments]
    return _allot(segments, [c / len(events) for c in counts])


def _segment_of(segments: list[Segment], e: Event) -> Segment:
    """The segment an event lies in (clusters never straddle a break)."""
    return next(s for s in reversed(segments) if s.d0 <= e.start)


def _domain(start: float, end: float) -> Segment:
    """A segment around [start, end), widened to whole months or years so its ends fall on ticks."""
    first, last = dt.date.fromordinal(int(start)), dt.date.fromordinal(max(int(start), int(end - 1e-9)))
    days = end - start
    if days > 3 * 366:
        return Segment(dt.date(first.year, 1, 1).toordinal(), dt.date(last.year + 1, 1, 1).toordinal())
    if days > 50:
        return Segment(first.replace(day=1).toordinal(), _add_months(last, 1).toordinal())
    pad = max(2, int(days) // 8, (28 - int(days)) // 2)  # a lone day still shows a month around it
    return Segment(first.toordinal() - pad, last.toordinal() + 1 + pad)


def _allot(segments: list[Segment], shares: list[float]) -> list[Segment]:
    """Share the track by events (not by length: a background year must not crowd out the story's weeks)."""
    breaks = len(segments) - 1
    floor = min(MIN_SEGMENT_SHARE, SMALL_SEGMENTS_ROOM / breaks) if breaks else MIN_SEGMENT_SHARE
    gap = min(BREAK_GAP, BREAKS_ROOM / breaks) if breaks else 0.0
    weights = [max(floor, n) for n in shares]
    room, x = 100.0 - gap * breaks, 0.0
    for s, w in zip(segments, weights):
        s.x0, s.x1 = x, x + room * w / sum(weights)
        x = s.x1 + gap
    return segments


def _place(events: list[Event], segments: list[Segment]) -> None:
    """Left and width of each event's period and named part, in % of the track."""
    for e in events:
        s = _segment_of(segments, e)
        e.pos = (s.x(e.start), s.x(e.end) - s.x(e.start), s.x(e.part[0]), s.x(e.part[1]) - s.x(e.part[0]))


def _tick_dates(s: Segment, unit: str, step: int) -> list[dt.date]:
    """Calendar boundaries inside a segment for one tick step (weeks start on Monday)."""
    d, end = dt.date.fromordinal(int(s.d0)), dt.date.fromordinal(int(s.d1))
    if unit == "week":
        d += dt.timedelta(days=-d.weekday() % 7)
    elif unit == "month":
        d = d if d.day == 1 else _add_months(d, 1)
        d = _add_months(d, -(d.month - 1) % step)
    elif unit == "year":
        d = dt.date(d.year + (1 if (d.month, d.day) != (1, 1) else 0), 1, 1)
        d = dt.date(d.year + -d.year % step, 1, 1)
    dates = []
    while d <= end:
        dates.append(d)
        d = (d + dt.timedelta(days=step * (7 if unit == "week" else 1)) if unit in ("day", "week")
             else _add_months(d, step * (12 if unit == "year" else 1)))
    return dates


def _ticks(s: Segment, compact: bool) -> list[tuple[float, list[str]]]:
    """(x, label lines) of a segment's ticks: the finest step whose labels do not collide."""
    room = max(1, int((s.x1 - s.x0) / TICK_SPACING[compact]))
    unit, dates = "year", []
    for unit, step in TICK_STEPS:
        dates = _tick_dates(s, unit, step)
        if len(dates) <= room:
            break
    ticks, last_year = [], None
    for d in dates or [dt.date.fromordinal(int(s.d0))]:
        x = s.x(d.toordinal())
        # Year above month, and only where it changes: the months keep one baseline.
        lines = [str(d.year)] if d.year != last_year or unit == "year" else []
        if unit != "year":
            lines.append(MONTHS_SHORT[d.month - 1] if unit == "month" else f"{d.day} {MONTHS_SHORT[d.month - 1]}")
        last_year = d.year
        ticks.append((x, lines if x <= s.x1 - LABEL_ROOM or x == s.x0 else []))
    return ticks


def _pct(x: float) -> str:
    """A CSS percentage, short and stable."""
    return f"{max(0.0, min(100.0, x)):.2f}%"


def _mark(e: Event, x: float, w: float, px: float, pw: float) -> str:
    """The drawn mark: a shape at a day; for a span a bar, over the faint whole period if a part is named."""
    if e.point:
        return f'<span class="tlv-pt tlv-s{e.group % SHAPES}" style="left:{_pct(x)}"></span>'
    whole = f'<span class="tlv-whole" style="left:{_pct(x)};width:{_pct(w)}"></span>' if pw < w - 1e-6 else ""
    return f'{whole}<span class="tlv-bar tlv-p{e.group % PATTERNS}" style="left:{_pct(px)};width:{_pct(pw)}"></span>'


def _rails(segments: list[Segment]) -> str:
    """The axis line of each segment, drawn in every row's track."""
    return "".join(f'<span class="tlv-rail" style="left:{_pct(s.x0)};width:{_pct(s.x1 - s.x0)}"></span>'
                   for s in segments)


def _axis(segments: list[Segment], compact: bool) -> str:
    """Tick labels and axis-break marks, hidden from screen readers (the list says every date)."""
    parts = [f'<span class="tlv-tick" style="left:{_pct(x)}">' + "".join(f"<span>{t}</span>" for t in lines)
             + "</span>" for s in segments for x, lines in _ticks(s, compact)]
    parts += [f'<span class="tlv-break" style="left:{_pct((a.x1 + b.x0) / 2)}"></span>'
              for a, b in zip(segments, segments[1:])]
    return f'<div class="tlv-axis" aria-hidden="true"><div class="tlv-ticks">{"".join(parts)}</div></div>'


def _grid(segments: list[Segment], compact: bool) -> str:
    """Vertical tick lines behind the rows (screen only: a box spanning pages cannot be printed)."""
    lines = "".join(f'<span style="left:{_pct(x)}"></span>' for s in segments for x, _ in _ticks(s, compact))
    return f'<div class="tlv-grid" aria-hidden="true">{lines}</div>'


def _row(e: Event, rails: str) -> str:
    """One event of the full view: a link holding its date, label, and its mark on the track."""
    return (f'<li class="tlv-ev tlv-c{e.group % COLOURS}"><a class="tlv-row" href="{_href(e.href)}">'
            f'<span class="tlv-text"><span class="tlv-key tlv-s{e.group % SHAPES}" aria-hidden="true"></span>'
            f'<span class="tlv-date" aria-hidden="true">{_text(e.short)}</span> '
            f'<span class="tlv-sr">{_text(e.words)}: </span><span class="tlv-label">{_text(e.label)}</span>'
            f'<span class="tlv-sr"> ({_text(e.group_label)})</span></span>'
            f'<span class="tlv-track" aria-hidden="true">{rails}{_mark(e, *e.pos)}</span></a></li>')


def _rows(events: list[Event], segments: list[Segment]) -> str:
    """The full view's ordered list; past DENSE_AT events, one nested list per year."""
    rails = _rails(segments)
    if len(events) <= DENSE_AT:
        return '<ol class="tlv-list">\n' + "\n".join(_row(e, rails) for e in events) + "\n</ol>"
    years: dict[int, list[Event]] = {}
    for e in events:
        years.setdefault(dt.date.fromordinal(int(e.start)).year, []).append(e)
    out = ['<ol class="tlv-years">']
    for year, evs in years.items():
        out.append(f'<li class="tlv-year"><p class="tlv-year-h">{year} <span>· {_count(len(evs))}</span></p>')
        out += ['<ol class="tlv-list">'] + [_row(e, rails) for e in evs] + ["</ol>", "</li>"]
    return "\n".join(out + ["</ol>"])


def _lanes(events: list[Event]) -> tuple[str, int]:
    """The compact strip: marks packed into a few lanes, each a link with its date and label."""
    ends: list[float] = []
    items = []
    for e in events:
        x, w, px, pw = e.pos
        left = x - COMPACT_MIN_WIDTH / 2 if e.point else x
        if not any(end <= left for end in ends) and len(ends) < COMPACT_LANES:
            ends.append(left)  # a new lane while allowed
        # The first free lane, else (hundreds of events) the least busy one: marks may then overlap.
        lane = next((i for i, end in enumerate(ends) if end <= left), None)
        lane = min(range(len(ends)), key=ends.__getitem__) if lane is None else lane
        ends[lane] = max(ends[lane], left + max(w, COMPACT_MIN_WIDTH))
        # The mark is drawn inside its link's box, so it is placed relative to that box.
        inner = (50.0, 0.0, 50.0, 0.0) if e.point or not w else (0.0, 100.0, (px - x) / w * 100, pw / w * 100)
        box = f"top:{lane * LANE_EM:.1f}em;left:{_pct(x)}" + ("" if e.point else f";width:{_pct(w)}")
        items.append(f'<li class="tlv-ev tlv-c{e.group % COLOURS}">'
                     f'<a class="tlv-hit{" tlv-hit-pt" if e.point else ""}" href="{_href(e.href)}" style="{box}">'
                     f'<span class="tlv-track" aria-hidden="true">{_mark(e, *inner)}</span>'
                     f'<span class="tlv-sr">{_text(e.words)}: {_text(e.label)} ({_text(e.group_label)})</span></a>'
                     f'<span class="tlv-tip" aria-hidden="true">{_text(e.short)} — {_text(e.label)}</span></li>')
    return "\n".join(items), max(1, len(ends))


def _legend(events: list[Event]) -> str:
    """Groups by shape, pattern and colour (never colour alone), then how precision is drawn."""
    groups = {e.group: e.group_label for e in reversed(events)}
    items = [f'<li class="tlv-li tlv-c{g % COLOURS}"><span class="tlv-key tlv-s{g % SHAPES}" aria-hidden="true">'
             f'</span><span class="tlv-swatch tlv-p{g % PATTERNS}" aria-hidden="true"></span>{_text(label)}</li>'
             for g, label in sorted(groups.items())]
    items.append('<li class="tlv-li tlv-how"><span class="tlv-key tlv-s0" aria-hidden="true"></span>o zi; '
                 '<span class="tlv-swatch tlv-p0" aria-hidden="true"></span>o perioadă (săptămână, lună, '
                 'anotimp, an, interval)</li>')
    if any(e.part[1] - e.part[0] < e.end - e.start - 1e-6 for e in events if not e.point):
        items.append('<li class="tlv-li tlv-how"><span class="tlv-swatch tlv-whole-key" aria-hidden="true"></span>'
                     'toată perioada, cu partea numită în text (începutul, mijlocul, sfârșitul) plină</li>')
    return f'<div class="tlv-legend"><p class="tlv-legend-h">{LEGEND}</p><ul>' + "".join(items) + "</ul></div>"


def _summary(events: list[Event], segments: list[Segment]) -> str:
    """ "aug. 2025 – feb. 2026 · 10 evenimente", and where the axis is broken."""
    first, last = (dt.date.fromordinal(int(day)) for day in (events[0].start, max(e.end - 1e-6 for e in events)))
    first_s, last_s = (f"{MONTHS_SHORT[d.month - 1]} {d.year}" for d in (first, last))
    text = (first_s if first_s == last_s else f"{first_s} – {last_s}") + f" · {_count(len(events))}"
    breaks = [f"între {dt.date.fromordinal(int(a.d1 - 1)).year} și {dt.date.fromordinal(int(b.d0)).year}"
              for a, b in zip(segments, segments[1:])]
    return text + (f". Axa timpului este întreruptă {', '.join(breaks)}." if breaks else "")


def render_timeline(events: list[dict], *, compact: bool = False, title: str = "Cronologie vizuală") -> str:
    """The timeline of `events` as an HTML fragment to paste into Markdown as a raw HTML block."""
    evs = sorted((e for e in map(_event, events) if e), key=lambda e: (e.start, -(e.end - e.start)))
    kind = "tlv tlv-compact" if compact else "tlv tlv-full" + (" tlv-dense" if len(evs) > DENSE_AT else "")
    # Left out of Material's search index: the chronology's own list already holds every event.
    head = f'<figure class="{kind}" data-search-exclude>\n<figcaption class="tlv-title">{_text(title)}</figcaption>'
    if not evs:
        return f'{head}\n<p class="tlv-summary">Niciun eveniment datat.</p>\n</figure>'
    segments = _segments(evs)
    _place(evs, segments)
    summary = f'<p class="tlv-summary">{_text(_summary(evs, segments))}</p>'
    if compact:
        lanes, n = _lanes(evs)
        body = (f'<div class="tlv-plot">\n{_axis(segments, True)}\n<div class="tlv-strip">{_grid(segments, True)}'
                f'<div class="tlv-track tlv-strip-rail" aria-hidden="true">{_rails(segments)}</div>\n'
                f'<ol class="tlv-lanes" style="height:{n * LANE_EM:.1f}em">\n{lanes}\n</ol>\n</div>\n{summary}\n</div>')
        return f"{head}\n{body}\n{_legend(evs)}\n</figure>"
    body = f'<div class="tlv-plot">\n{_axis(segments, False)}\n{_grid(segments, False)}\n{_rows(evs, segments)}\n</div>'
    return f"{head}\n{summary}\n{body}\n{_legend(evs)}\n</figure>"
