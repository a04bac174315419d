"""Open data of the chronology: TimelineJS JSON against its schema, CSV, and iCalendar parsed back."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import icalendar
import jsonschema
import pytest

from build_scripts.render import opendata

SCHEMA = json.loads((Path(__file__).parent / "timelinejs.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def timeline(seed_files):
    return json.loads(seed_files[opendata.TIMELINE_JSON])


def test_timeline_json_is_valid_timelinejs(timeline, story):
    jsonschema.validate(timeline, SCHEMA)
    assert len(timeline["events"]) == len(story.timeline)
    assert len({e["unique_id"] for e in timeline["events"]}) == len(timeline["events"])


def test_timeline_dates_keep_the_precision_of_the_text(timeline):
    by_display = {e["display_date"]: e["start_date"] for e in timeline["events"]}
    assert by_display["21 august 2025"] == {"year": "2025", "month": "8", "day": "21"}
    assert by_display["iulie 2025"] == {"year": "2025", "month": "7"}
    assert by_display["2024"] == {"year": "2024"}


def test_every_event_is_grouped_by_its_article(timeline, story):
    titles = {f.article.title for f in story.articles}
    assert {e["group"] for e in timeline["events"]} <= titles


def test_schema_refuses_a_day_without_a_month():
    bad = {"events": [{"start_date": {"year": "2025", "day": "3"}, "display_date": "x",
                       "text": {"headline": "h", "text": ""}, "group": "g", "unique_id": "a"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)


def test_csv_has_one_row_per_event(seed_files, story):
    rows = list(csv.DictReader(io.StringIO(seed_files[opendata.TIMELINE_CSV].decode("utf-8"))))
    assert len(rows) == len(story.timeline)
    assert [r["date"] for r in rows] == [e.date for e in story.timeline]
    assert all(r["article_title"] and r["sentence"] for r in rows)


def test_calendar_parses_with_all_day_events(seed_files, story):
    cal = icalendar.Calendar.from_ical(seed_files[opendata.CALENDAR])
    events = list(cal.walk("VEVENT"))
    spans = {str(e.get("uid")): (e.decoded("dtstart"), e.decoded("dtend")) for e in events}
    assert len(spans) == len(events) == sum(1 for e in story.timeline if opendata.all_day_span(e.date))
    for start, end in spans.values():
        assert type(start) is dt.date and type(end) is dt.date  # all-day (VALUE=DATE), not a time
    assert (dt.date(2025, 8, 21), dt.date(2025, 8, 22)) in spans.values()   # a day
    assert (dt.date(2025, 7, 1), dt.date(2025, 8, 1)) in spans.values()     # a month ("în iulie 2025")
    assert not any(s.year == 2024 for s, _ in spans.values())               # a bare year is left out
    assert "ș".encode() in seed_files[opendata.CALENDAR] or "ț".encode() in seed_files[opendata.CALENDAR]


def test_spans_and_headlines():
    assert opendata.all_day_span("2025-12") == (dt.date(2025, 12, 1), dt.date(2026, 1, 1))
    assert opendata.all_day_span("2025-W34") == (dt.date(2025, 8, 18), dt.date(2025, 8, 25))
    assert opendata.all_day_span("2025") is None
    assert len(opendata.headline("cuvânt " * 40)) <= opendata.HEADLINE_MAX


def _icalendar_text(story, title: str) -> bytes:
    """The calendar as the `icalendar` package writes it (what `opendata.calendar` writes by hand)."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//build_scripts//explicator//RO")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", title)
    stamp = opendata._stamp(story)
    titles = {f.article.id: f.article.title for f in story.articles}
    for i, e in enumerate(story.timeline):
        span = opendata.all_day_span(e.date)
        if span is None:
            continue
        vevent = icalendar.Event()
        vevent.add("uid", f"{opendata.event_id(i, e)}@explicator")
        vevent.add("dtstamp", stamp)
        vevent.add("dtstart", span[0])
        vevent.add("dtend", span[1])
        vevent.add("summary", opendata.headline(e.text))
        sources = "; ".join(titles.get(s.article, s.article) for s in e.sources)
        vevent.add("description", f"{opendata.date_label(e.date, e.mod)}: {e.text}\nSurse: {sources}")
        cal.add_component(vevent)
    return cal.to_ical()


def test_calendar_is_the_text_icalendar_writes(story):
    assert opendata.calendar(story, story.info.title) == _icalendar_text(story, story.info.title)


@pytest.mark.parametrize("text", [
    "Comisia, reunită; a decis: „da” \\ apoi ^ nimic\nrând nou\r\naltul\rși gata",
    "ă" * 40 + "\\" + "x" * 30 + "^" + "ț" * 50,  # escapes and two-byte letters at the fold
    "a" * 64 + "\\;b" + "c" * 80,
    "x" * 65 + "ș\\," * 30,
    "\\N și \\n " * 20,
])
def test_calendar_escapes_and_folds_as_icalendar(story, text):
    import copy

    edited = copy.deepcopy(story)
    event = next(e for e in edited.timeline if opendata.all_day_span(e.date))
    event.text = text
    edited.articles[0].article.title = text.replace("\n", " ")
    edited.timeline = [event]
    for title in ("Titlu; cu, virgulă \\ și ^", "t" * 90 + "ă" * 10):
        assert opendata.calendar(edited, title) == _icalendar_text(edited, title)
