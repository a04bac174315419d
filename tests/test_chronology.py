"""Merging events across articles."""
from __future__ import annotations

import datetime as dt

from build_scripts import pipeline


def _seed(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")


def test_same_event_in_two_articles_appears_once_with_both_sources(tmp_path, lang):
    _seed(tmp_path, "a.txt", "---\ndate: 2025-03-10\n---\nGuvernul a aprobat bugetul pe 7 martie 2025, după o ședință lungă.")
    _seed(tmp_path, "b.txt", "---\ndate: 2025-03-11\n---\nBugetul a fost aprobat de Guvern pe 7 martie 2025, după o ședință lungă de noapte.")
    story = pipeline.run(tmp_path, lang)
    events = [e for e in story.timeline if e.date == "2025-03-07"]
    assert len(events) == 1 and {s.article for s in events[0].sources} == {"a", "b"}


def test_different_events_on_the_same_date_stay_apart(tmp_path, lang):
    _seed(tmp_path, "a.txt", "---\ndate: 2025-03-10\n---\nGuvernul a aprobat bugetul pe 7 martie 2025.")
    _seed(tmp_path, "b.txt", "---\ndate: 2025-03-11\n---\nEchipa națională a câștigat meciul cu Franța pe 7 martie 2025.")
    story = pipeline.run(tmp_path, lang)
    assert len([e for e in story.timeline if e.date == "2025-03-07"]) == 2


def test_a_time_on_the_day_the_story_named_is_an_event_and_one_on_the_day_of_publication_is_not(tmp_path, lang):
    # "ora 19:32" takes Thursday from the paragraph before, passing over the communiqué's morning (an event
    # of its own); in an article that names no day, "ora 22:10" would only be on the day of publication,
    # which the text does not say.
    _seed(tmp_path, "a.txt", "---\ndate: 2026-02-13\n---\nDouă avioane au decolat joi seara de la baza aeriană, "
                             "potrivit unui comunicat transmis vineri dimineață.\n\n"
                             "Radarele au detectat la ora 19:32 un grup de drone.")
    _seed(tmp_path, "b.txt", "---\ndate: 2026-02-14\n---\nUn al doilea grup de drone a fost văzut la ora 22:10.")
    story = pipeline.run(tmp_path, lang)
    dated = {e.date: e.text for e in story.timeline}
    assert "Radarele au detectat" in dated.get("2026-02-12T19:32", "")
    assert not any("al doilea grup" in text for text in dated.values())
    # The day the sentence does not give is on the editor's review list, with the line that fixes it.
    flagged = [item for item in story.review if item.kind == "date_story_day"]
    assert len(flagged) == 1 and "2026-02-12" in flagged[0].message and "2026-02-12T19:32" in flagged[0].suggestion


def test_a_live_texts_entry_stamps_are_events_on_the_day_of_publication(tmp_path, lang):
    # A live text is published on the day it tells: each entry's stamp is an hour of that day, even when
    # the entry names another day ("joi", the day after); a short heading opens the entry's sentence.
    _seed(tmp_path, "a.txt", "---\ndate: 2025-05-14\n---\nProtestul continuă în centrul orașului.\n\n"
                             "08:40 | Primele autocare cu angajați au ajuns în piață.\n\n"
                             "14:20 | Surse din Guvern au declarat că premierul ar putea semna joi memorandumul.\n\n"
                             "21:09 – GOL Rapid! 1-0, Pădure deschide scorul în minutul 16.")
    story = pipeline.run(tmp_path, lang)
    dated = {e.date: e.text for e in story.timeline}
    assert "Primele autocare" in dated.get("2025-05-14T08:40", "")
    assert "Pădure deschide scorul" in dated.get("2025-05-14T21:09", "")
    signed = next(e for e in story.timeline if "memorandumul" in e.text)
    assert "2025-05-14T14:20" in (signed.date, *signed.other_values)


def test_a_clause_is_not_cut_inside_an_hour():
    from build_scripts.chronology import clause
    text = "14:20 | Surse din Guvern au declarat pentru News.ro că premierul ar putea aproba joi memorandumul."
    at = text.index("joi")
    assert clause(text, at, at + 3).startswith("14:20 | Surse")


def test_durations_are_not_events_and_order_is_chronological(story):
    values = [e.date for e in story.timeline]
    assert not any(v.startswith("P") for v in values)
    from build_scripts.chronology import sort_key
    assert values == sorted(values, key=sort_key)
    assert dt.date(2025, 5, 1) not in [sort_key(v)[0] for v in values]


def test_date_labels_read_as_spans_at_their_precision():
    from build_scripts.render.labels import date_label

    assert date_label("2024-06-28T16:00/2024-06-28T19:00") == "28 iunie 2024, orele 16:00–19:00"
    assert date_label("2025-06-08T23:00/2025-06-09T03:00") == "8 iunie 2025, ora 23:00 – 9 iunie 2025, ora 03:00"
    assert date_label("2023-03/2023-04") == "martie 2023 – aprilie 2023"
