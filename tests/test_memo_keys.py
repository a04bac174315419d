"""The parts of page keys that a process finds again instead of computing them (`memo.Signatures` with
`session.Reuse`): an event or a review item is found by its fields, so those must be every field of its
records."""
from __future__ import annotations

import dataclasses

from build_scripts import model
from build_scripts.render import memo as memo_mod


def test_events_and_review_items_are_found_by_every_field_of_their_records():
    for name, fields in memo_mod.EVENT_FIELDS.items():
        assert tuple(f.name for f in dataclasses.fields(getattr(model, name))) == fields, name


def test_events_with_the_same_fields_have_the_same_digest_and_others_not():
    source = model.EventSource(article="a", sentence="p1-s1", text="Text.", date_text="marți")
    event = model.Event(date="2025-05-06", mod=None, text="Text.", sources=[source], clause="Text.", id="ev-1")
    same = dataclasses.replace(event, sources=[dataclasses.replace(source)])
    assert memo_mod.event_fields(same) == memo_mod.event_fields(event)
    assert memo_mod.digest(same) == memo_mod.digest(event)
    for change in ({"others": ["luni"]}, {"context": True}, {"id": "ev-2"}, {"corrected": True},
                   {"disputed": model.Conflict(kind="date", subject="x")}):
        other = dataclasses.replace(event, **change)
        assert memo_mod.event_fields(other) != memo_mod.event_fields(event), change
