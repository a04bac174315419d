"""The chronology as open data: TimelineJS JSON, CSV and iCalendar (`docs/data/`), from the story.

Dates keep the precision of the text: TimelineJS gets only the parts that are known (year, month, day);
the calendar gets all-day events for days, month-long events for months, week-long ones for weeks, and
leaves out years and seasons (a year-long entry in a calendar helps no one; they stay in the JSON/CSV).
Output is deterministic (no "now"): the calendar's timestamp is the newest article's date.
"""
from __future__ import annotations

import functools
import csv
import datetime as dt
import io
import json
import re
from typing import Any, Callable, NamedTuple, Optional

from ..model import Event, Story
from . import data as data_mod
from .labels import date_label

TIMELINE_JSON, TIMELINE_CSV, CALENDAR = "data/timeline.json", "data/timeline.csv", "data/cronologie.ics"
HEADLINE_MAX = 90
CSV_FIELDS = ["unique_id", "date", "precision", "mod", "display_date", "headline", "text", "article",
              "article_title", "sentence", "sources"]


def files(story: Story, title: str = "Cronologie", piece: Optional[Piece] = None,
          sign: Callable[[Event], Any] = repr, texts: Optional[list["EventTexts"]] = None) -> dict[str, bytes]:
    """The open data files (UTF-8), by docs-relative path. `piece(name, make, *deps)` may return what
    `make()` returned before for the same `deps` (the page memo; `sign(event)` stands for an event
    there); by default it calls `make`. `texts`: `event_texts` already made."""
    texts = texts if texts is not None else event_texts(story, piece, sign)
    ids = _ids(story)
    return {TIMELINE_JSON: timeline_json(story, title, texts=texts, ids=ids), TIMELINE_CSV: timeline_csv(story, texts, ids),
            CALENDAR: calendar(story, title, texts, ids)}


Piece = Callable[..., bytes]
_ID = "\u0000id\u0000"  # stands for an event's position-dependent id in a kept piece
_ID_JSON = json.dumps(_ID).encode()


class EventTexts(NamedTuple):
    """An event as each data file writes it (UTF-8): its item of `facts.json` (`data.event_json`), and
    without its id (its position) the TimelineJS item with `_ID`, the CSV row after its first field, the
    calendar lines before and after its UID line (empty when the calendar leaves it out)."""

    facts: bytes
    json: bytes
    csv: bytes
    before_uid: bytes
    after_uid: bytes


def event_texts(story: Story, piece: Optional[Piece] = None, sign: Callable[[Event], Any] = repr) -> list[EventTexts]:
    """Every event's `EventTexts`: one piece per event, made once while the event, the titles of its
    articles and the calendar's timestamp stay the same."""
    titles = _titles(story)
    stamp = _stamp(story).strftime("%Y%m%dT%H%M%SZ")
    piece = piece or (lambda name, make, *deps: make())
    return [_unpack(piece("data#event", lambda e=e: _pack(_texts(e, titles, stamp)), sign(e),
                          tuple(titles.get(s.article) for s in e.sources), stamp))
            for e in story.timeline]


def _texts(e: Event, titles: dict[str, str], stamp: str) -> EventTexts:
    event = _timeline_event(0, e, titles)
    event["unique_id"] = _ID
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n").writerow(_csv_row("", e, titles))
    row = out.getvalue()
    assert row.startswith(",")  # an id is never quoted: the row is the id and this
    span = all_day_span(e.date)
    facts = data_mod.event_json(e).encode()
    if span is None:
        return EventTexts(facts, data_mod.nested(event).encode(), row.encode(), b"", b"")
    sources = "; ".join(titles.get(s.article, s.article) for s in e.sources)
    # icalendar's order: its canonical properties first, then the others by name.
    before = ["BEGIN:VEVENT", _line("SUMMARY", _text(headline(e.text))),
              f"DTSTART;VALUE=DATE:{span[0].strftime('%Y%m%d')}", f"DTEND;VALUE=DATE:{span[1].strftime('%Y%m%d')}",
              f"DTSTAMP:{stamp}"]
    after = [_line("DESCRIPTION", _text(f"{date_label(e.date, e.mod)}: {e.text}\nSurse: {sources}")), "END:VEVENT"]
    return EventTexts(facts, data_mod.nested(event).encode(), row.encode(), "\r\n".join(before).encode(),
                  "\r\n".join(after).encode())


def _pack(texts: EventTexts) -> bytes:
    """The texts as one string of bytes (their lengths first), for the memo."""
    return b",".join(b"%d" % len(t) for t in texts[:-1]) + b";" + b"".join(texts)


def _unpack(packed: bytes) -> EventTexts:
    head, _, body = packed.partition(b";")
    parts, at = [], 0
    for size in map(int, head.split(b",")):
        parts.append(body[at:at + size])
        at += size
    return EventTexts(*parts, body[at:])


def timeline_json(story: Story, title: str, piece: Optional[Piece] = None, sign: Callable[[Event], Any] = repr,
                  texts: Optional[list[EventTexts]] = None, ids: Optional[list[str]] = None) -> bytes:
    """Knight Lab TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html), UTF-8."""
    doc = {"title": {"text": {"headline": title, "text": f"{len(story.timeline)} evenimente datate din "
                                                          f"{len(story.articles)} articole"}},
           "events": []}
    head = json.dumps(doc, ensure_ascii=False, indent=2).encode()
    assert head.endswith(b'"events": []\n}')
    texts = texts if texts is not None else event_texts(story, piece, sign)
    ids = ids if ids is not None else _ids(story)
    # Each event written with a stand-in for its id: the same text as json.dumps of the whole document.
    events = [t.json.replace(_ID_JSON, json.dumps(i).encode(), 1) for i, t in zip(ids, texts)]
    return b"".join([head[:-len(b"[]\n}")], data_mod.json_list(events), b"\n}\n"])


def timeline_csv(story: Story, texts: Optional[list[EventTexts]] = None, ids: Optional[list[str]] = None) -> bytes:
    """One row per event; several sources joined by " | " (UTF-8)."""
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n").writeheader()
    texts = texts if texts is not None else event_texts(story)
    ids = ids if ids is not None else _ids(story)
    return b"".join([out.getvalue().encode(), *(part for i, t in zip(ids, texts) for part in (i.encode(), t.csv))])


def _csv_row(unique_id: str, e: Event, titles: dict[str, str]) -> dict[str, str]:
    first = e.sources[0]
    return {"unique_id": unique_id, "date": e.date, "precision": precision(e.date) or "", "mod": e.mod or "",
            "display_date": date_label(e.date, e.mod), "headline": headline(e.text), "text": e.text,
            "article": first.article, "article_title": titles.get(first.article, ""), "sentence": first.sentence,
            "sources": " | ".join(f"{s.article}#{s.sentence}" for s in e.sources)}


def calendar(story: Story, title: str, texts: Optional[list[EventTexts]] = None, ids: Optional[list[str]] = None) -> bytes:
    """iCalendar (RFC 5545, UTF-8) with an all-day VEVENT per event dated to a day, week or month.

    Written line by line: the same text the `icalendar` package writes for these properties (its
    escaping, its property order, its folding; `tests/test_opendata.py` compares the two), without
    building a component per event, which took seconds for a few thousand events."""
    texts = texts if texts is not None else event_texts(story)
    ids = ids if ids is not None else _ids(story)
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", _line("PRODID", _text("-//build_scripts//explicator//RO")),
            # an X- property has no type in icalendar: written as it is, one line
            "CALSCALE:GREGORIAN", _line("X-WR-CALNAME", " ".join(title.splitlines()))]
    lines = ["\r\n".join(head).encode()]
    for i, t in zip(ids, texts):
        if t.before_uid:
            lines += [t.before_uid, _line("UID", _text(f"{i}@explicator")).encode(), t.after_uid]
    lines.append(b"END:VCALENDAR")
    return b"\r\n".join(lines) + b"\r\n"


def _text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 wants (and as `icalendar.prop.vText` does it)."""
    return (value.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _line(name: str, value: str, limit: int = 75) -> str:
    """A content line folded under `limit` octets a line (continuations start with a space), never
    inside a character nor right after a backslash or caret (as `icalendar` folds)."""
    line = f"{name}:{value}"
    data = line.encode("utf-8")
    if len(data) < limit:
        return line
    parts, start, size = [], 0, limit - 1
    while len(data) - start > size:
        end = start + size
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        if data[end - 1] in b"\\^" and len(data[start:end].decode("utf-8")) > 1:
            end -= 1  # an escape stays whole: its backslash goes to the next line
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8")


@functools.lru_cache(maxsize=8192)  # a few thousand distinct values, asked for again and again
def precision(value: str) -> Optional[str]:
    """ "2025-08-21" -> "day", "2025-08" -> "month", "2025-W34" -> "week", "2025" -> "year"."""
    for name, pattern in (("day", r"\d{4}-\d{2}-\d{2}"), ("month", r"\d{4}-\d{2}"), ("week", r"\d{4}-W\d{2}"),
                          ("season", r"\d{4}-(SP|SU|FA|WI)"), ("year", r"\d{4}")):
        if re.fullmatch(pattern, value or ""):
            return name
    return None


def all_day_span(value: str) -> Optional[tuple[dt.date, dt.date]]:
    """First day and the day after the last, for day, week and month precision; None otherwise."""
    kind = precision(value)
    if kind == "day":
        day = dt.date.fromisoformat(value)
        return day, day + dt.timedelta(days=1)
    if kind == "week":
        monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
        return monday, monday + dt.timedelta(days=7)
    if kind == "month":
        first = dt.date(int(value[:4]), int(value[5:7]), 1)
        return first, (first + dt.timedelta(days=32)).replace(day=1)
    return None


def _ids(story: Story) -> list[str]:
    """Every event's id, in chronology order."""
    return [event_id(i, e) for i, e in enumerate(story.timeline)]


def event_id(index: int, event: Event) -> str:
    """A stable id: position in the chronology and the date ("ev-03-2025-08")."""
    return f"ev-{index:02d}-{_id_date(event.date)}"


@functools.lru_cache(maxsize=8192)  # a few thousand distinct values, asked for again and again
def _id_date(value: str) -> str:
    return re.sub(r"[^0-9A-Za-z-]", "", value)


def headline(text: str, limit: int = HEADLINE_MAX) -> str:
    """The event sentence cut at a word to `limit` characters."""
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _timeline_event(index: int, e: Event, titles: dict[str, str]) -> dict[str, Any]:
    event: dict[str, Any] = {"start_date": _timeline_date(e.date), "display_date": date_label(e.date, e.mod),
                             "text": {"headline": headline(e.text), "text": _html_text(e, titles)},
                             "group": titles.get(e.sources[0].article, e.sources[0].article),
                             "unique_id": event_id(index, e)}
    if precision(e.date) == "week":
        _, end = all_day_span(e.date)
        last = end - dt.timedelta(days=1)
        event["end_date"] = {"year": str(last.year), "month": str(last.month), "day": str(last.day)}
    return event


def _timeline_date(value: str) -> dict[str, str]:
    """Only the parts the text gives: TimelineJS shows a date at the precision of its fields."""
    kind = precision(value)
    if kind in ("day", "month"):
        parts = value.split("-")
        return dict(zip(("year", "month", "day"), (str(int(p)) for p in parts)))
    if kind == "week":
        monday, _ = all_day_span(value)
        return {"year": str(monday.year), "month": str(monday.month), "day": str(monday.day)}
    return {"year": value[:4]}


def _html_text(e: Event, titles: dict[str, str]) -> str:
    from html import escape

    sources = "; ".join(escape(titles.get(s.article, s.article)) for s in e.sources)
    return f"<p>{escape(e.text)}</p><p><em>Surse:</em> {sources}</p>"


def _titles(story: Story) -> dict[str, str]:
    return {f.article.id: f.article.title for f in story.articles}


def _stamp(story: Story) -> dt.datetime:
    dates = [f.article.published for f in story.articles if f.article.published]
    day = max(dates) if dates else dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


