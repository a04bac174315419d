"""Each extractor on focused cases beyond the ro.yaml examples, and on the seeds."""
from __future__ import annotations

import datetime as dt

from build_scripts.extract.timex import extract_dates, infer_publication
from build_scripts.model import Sentence


def _dates(lang, text, published=dt.date(2025, 12, 13)):
    return [(d.text, d.value, d.type) for d in extract_dates(Sentence("s", text, 1, 0, len(text)), published, lang)]


def test_mai_meaning_more_is_not_a_date(lang):
    assert _dates(lang, "A reușit în mai puțin de trei luni.") == [("trei luni", "P3M", "DURATION")]
    assert _dates(lang, "Prețurile sunt mai mari decât în mai mulți ani.") == []
    assert _dates(lang, "Alegerile au avut loc în mai.", dt.date(2025, 8, 1)) == [("mai", "2025-05", "DATE")]


def test_luni_meaning_months_is_a_duration_not_monday(lang):
    assert _dates(lang, "Ancheta a durat trei luni.") == [("trei luni", "P3M", "DURATION")]
    assert _dates(lang, "Ministrul a demisionat luni.", dt.date(2025, 8, 22)) == [("luni", "2025-08-18", "DATE")]


def test_without_publication_date_relative_dates_are_flagged_not_guessed(lang):
    mentions = extract_dates(Sentence("s", "Ședința a avut loc joi.", 1, 0, 23), None, lang)
    assert [(m.value, m.flags) for m in mentions] == [(None, ("unresolved",))]


def _inferred(lang, *texts):
    return infer_publication([Sentence(f"s{i}", t, 1, 0, len(t)) for i, t in enumerate(texts)], lang)


def test_publication_inferred_only_from_a_date_that_dates_the_article(lang):
    # The weekday named with the date, and right: the article's own news day, then the latest weekday.
    assert _inferred(lang, "Comisia s-a reunit joi, 14 mai 2026, la Giurgiu.",
                     "Raportul a fost publicat vineri.") == dt.date(2026, 5, 15)
    # History and deadlines say nothing of when the article was written.
    assert _inferred(lang, "Ultimul cutremur puternic a avut loc pe 28 octombrie 2018.",
                     "Seismul s-a produs marți.") is None
    assert _inferred(lang, "Școlile vor fi verificate până pe 15 decembrie 2025.") is None
    # A weekday that does not fall on the date is no clue either.
    assert _inferred(lang, "Comisia s-a reunit luni, 14 mai 2026.") is None


def test_bare_year_is_not_a_number_of_people(lang):
    assert _dates(lang, "Au participat 2000 de oameni.") == []


def test_seed_dates(story):
    by_id = {f.article.id: f for f in story.articles}
    first = {(d.text, d.value) for d in by_id["000_2df28bc92820d916"].dates}
    assert ("august", "2025-08") in first
    assert ("120 de zile", "P120D") in first
    assert ("vineri", "2025-12-12") in first
    assert ("sâmbătă", "2025-12-13") in first
    second = {(d.text, d.value) for d in by_id["001_940d591d78bef77a"].dates}
    assert ("joi", "2025-08-21") in second and ("2024", "2024") in second and ("iulie 2025", "2025-07") in second


def test_seed_publication_dates(story):
    by_id = {f.article.id: f.article for f in story.articles}
    assert by_id["001_940d591d78bef77a"].published == dt.date(2025, 8, 22)
    assert not by_id["001_940d591d78bef77a"].published_inferred
    inferred = by_id["000_2df28bc92820d916"]
    assert inferred.published == dt.date(2025, 12, 13) and inferred.published_inferred


def test_seed_figures(story):
    numbers = {(n.text, n.value, n.unit)
               for f in story.articles for n in f.numbers}
    assert ("aproximativ 12.000", 12000, "soldați") in numbers
    assert ("25.000–30.000", (25000, 30000), "militari") in numbers
    assert ("Nouă", 9, "membri") in numbers
    assert not any("528" in n[0] for n in numbers)


def test_seed_entities_merge_inflected_and_variant_names(story):
    for facts in story.articles:
        names = {e.name for e in facts.people}
        assert "Kim" not in names and "Kim Jong-un" not in names
        assert "Rusiei" not in {e.name for e in facts.places}
    first = story.articles[-1] if story.articles[-1].article.id.startswith("000") else story.articles[0]
    kim = next(e for e in first.people if e.name == "Kim Jong Un")
    assert "Kim Jong-un" in kim.aliases and "Kim" in kim.aliases
    assert {"Rusia", "Ucraina", "Coreea de Nord", "Kursk", "Phenian", "Beijing"} <= {e.name for e in first.places}


def test_seed_quotes_have_speakers(story):
    quotes = [q for f in story.articles for q in f.quotes]
    # Kim Jong Un is the only person quoted; "Analiștii spun că …" is said by nobody in particular.
    assert quotes and all(q.speaker in ("Kim Jong Un", None) for q in quotes)
    by_text = {q.text: q.speaker for q in quotes}
    assert by_text["zona periculoasă într-una sigură"] == "Kim Jong Un"
    assert any(t.startswith("Inima mea doare") and s == "Kim Jong Un" for t, s in by_text.items())
    assert all(s is None for t, s in by_text.items() if t.startswith("Rusia oferă Coreei de Nord"))


def test_seed_sources(story):
    names = {s.name for f in story.articles for s in f.sources}
    assert {"KCNA", "The Guardian"} <= names
    assert not any("agenți" in n.lower() or "informați" in n.lower() for n in names)


def test_noun_stems_strip_the_article_and_case_ending(lang):
    from build_scripts.names import noun_stems

    endings = sorted(lang.keys_of("noun_endings"), key=len, reverse=True)
    assert noun_stems("spitalului", endings, 4)[0] == "spital"
    assert noun_stems("persoanele", endings, 3)[0] == "persoane"
    assert noun_stems("om", endings, 3) == []  # too short to lose anything


def test_an_organization_kept_apart_from_its_seat_is_also_written_with_it(tmp_path, lang):
    # "din Iași" is a place of its own; the organization's official form, seat included, is one of its names
    from build_scripts import pipeline
    (tmp_path / "a.txt").write_text("---\ndate: 2026-03-11\n---\nCercetătorul a semnat luni contractul cu "
                                    "Universitatea „Alexandru Ioan Cuza” din Iași.", encoding="utf-8")
    orgs = pipeline.run(tmp_path, lang).articles[0].organizations
    university = next(e for e in orgs if e.name.startswith("Universitatea"))
    assert "Universitatea „Alexandru Ioan Cuza” din Iași" in {university.name, *university.aliases}


def test_a_surname_two_people_share_is_no_person_of_its_own(tmp_path, lang):
    # "Rus" alone after Ion Rus and Maria Rus is one of them, which the text does not say: the people
    # listed are the two full names; a surname only one person has is that person
    from build_scripts import pipeline
    (tmp_path / "a.txt").write_text(
        "---\ndate: 2026-03-11\n---\nAvocatul Ion Rus a cerut amânarea procesului. Omul de afaceri Maria Rus a "
        "recunoscut faptele. Rus a mai spus că va face recurs. Judecătorul Vasile Pop a respins cererea, iar "
        "Pop a motivat decizia.", encoding="utf-8")
    people = {e.name for e in pipeline.run(tmp_path, lang).articles[0].people}
    assert people == {"Ion Rus", "Maria Rus", "Vasile Pop"}
