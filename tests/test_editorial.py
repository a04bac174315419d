"""The editor is in charge: the story file, every kind of correction, unmatched corrections reported,
repeated paragraphs, conflicts between articles, and the review list."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from build_scripts import __main__ as cli
from build_scripts import pipeline, repeats, review
from build_scripts.editorial import EditorialError
from build_scripts.storyfile import StoryFileError

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIRST, SECOND = "000_2df28bc92820d916", "001_940d591d78bef77a"


def _seeds(tmp_path: Path, editorial: str = "", story: str | None = None) -> Path:
    """The seed articles with this editorial.yml (and story.yml, the seeds' own by default)."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy2(path, folder / path.name)
    (folder / "story.yml").write_text(story if story is not None else (SEEDS / "story.yml").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    if editorial:
        (folder / "editorial.yml").write_text(editorial, encoding="utf-8")
    return folder


def _story(tmp_path: Path, editorial: str = "", story: str | None = None):
    return pipeline.run(_seeds(tmp_path, editorial, story))


def _facts(story, article):
    return next(f for f in story.articles if f.article.id == article)


# -- the story file ---------------------------------------------------------------------------------

def test_story_file_sets_title_summary_and_promises(tmp_path):
    story = _story(tmp_path, story='title: "Povestea mea"\nsummary: "Pe scurt."\nknown: ["Un fapt."]\n'
                                    'site_url: "https://exemplu.ro/poveste"\n')
    assert story.info.title == "Povestea mea" and story.info.summary == "Pe scurt."
    assert story.info.known == ["Un fapt."] and story.info.site_url == "https://exemplu.ro/poveste/"


def test_without_a_story_file_the_title_comes_from_the_articles_with_a_warning(tmp_path):
    folder = _seeds(tmp_path)
    (folder / "story.yml").unlink()
    story = pipeline.run(folder)
    assert story.info.title_derived and story.info.title
    assert any("no story file" in p.message and not p.fatal for p in story.problems)


@pytest.mark.parametrize("text, message", [
    ("title: [\n", "line"),
    ("summary: x\n", "'title' is missing"),
    ("title: T\nknown: 3\n", "'known' must be a list of sentences (line 2)"),
    ("title: T\nsite_url: exemplu.ro\n", "'site_url' must start with http"),
])
def test_a_broken_story_file_names_the_line(tmp_path, text, message):
    story = _story(tmp_path, story=text)
    fatal = [p for p in story.problems if p.fatal]
    assert fatal and "story.yml" in fatal[0].path and message in fatal[0].message


# -- corrections ------------------------------------------------------------------------------------

def test_article_metadata(tmp_path):
    story = _story(tmp_path, f"articles:\n  {FIRST}: {{title: Titlul corect, date: 2025-12-14, source: Agerpres}}\n")
    a = _facts(story, FIRST).article
    assert (a.title, a.published.isoformat(), a.source, a.published_inferred) == ("Titlul corect", "2025-12-14", "Agerpres", False)
    assert any(c.kind == "articles" and c.applied for c in story.corrections)


def test_aliases_merge_names_also_across_kinds(tmp_path):
    story = _story(tmp_path, "aliases:\n  Phenian: [Phenianul]\n  Kim Jong Un: [Coreea de Nord]\n")
    first = _facts(story, FIRST)
    assert not any(e.name == "Coreea de Nord" for e in first.places)  # now part of the person
    kim = next(e for e in first.people if e.name == "Kim Jong Un")
    assert "Coreea de Nord" in kim.aliases and kim.corrected


def test_kinds_and_roles(tmp_path):
    story = _story(tmp_path, "kinds:\n  KCNA: person\nroles:\n  Kim Jong Un: liderul Coreei de Nord\n")
    first = _facts(story, FIRST)
    assert any(e.name == "KCNA" for e in first.people) and not any(e.name == "KCNA" for e in first.organizations)
    assert next(e for e in first.people if e.name == "Kim Jong Un").role == "liderul Coreei de Nord"
    assert next(e for e in story.entities if e.name == "Kim Jong Un").role == "liderul Coreei de Nord"


def test_hide_a_figure_an_entity_and_a_quote(tmp_path):
    story = _story(tmp_path, 'hide:\n  - "aproximativ 12.000"\n  - "Vladimir Putin"\n  - "o armată eroică"\n')
    second = _facts(story, SECOND)
    assert not any(n.text == "aproximativ 12.000" for n in second.numbers)
    assert not any(e.name == "Vladimir Putin" for f in story.articles for e in f.people)
    assert not any(q.text == "o armată eroică" for q in second.quotes)
    assert all(c.applied for c in story.corrections if c.kind == "hide")


def test_dates_by_words_or_by_sentence(tmp_path):
    story = _story(tmp_path, f'dates:\n  "în iulie 2025": 2025-06\n  "{SECOND}/p5-s1": 2023\n')
    second = _facts(story, SECOND)
    assert any(d.value == "2025-06" and d.corrected for d in second.dates)
    assert all(d.value == "2023" for d in second.dates if d.sentence == "p5-s1")
    assert any(e.date == "2025-06" for e in story.timeline)


def test_speakers_set_and_cleared(tmp_path):
    story = _story(tmp_path, 'speakers:\n  "o armată eroică": Vladimir Putin\n  "zona periculoasă": null\n')
    quotes = {q.text: q for f in story.articles for q in f.quotes}
    assert quotes["o armată eroică"].speaker == "Vladimir Putin" and quotes["o armată eroică"].speaker_via == "editor"
    assert quotes["zona periculoasă într-una sigură"].speaker is None


def test_add_a_person_a_figure_and_an_event(tmp_path):
    story = _story(tmp_path, f"add:\n  - {{kind: person, name: Ion Popescu, article: {SECOND}, sentence: p2-s1}}\n"
                             f"  - {{kind: figure, text: mii de soldați, value: 1000, unit: soldați, article: {FIRST}, sentence: p1-s1}}\n"
                             f"  - {{kind: event, date: 2025-03-01, article: {FIRST}, sentence: p1-s1}}\n")
    assert any(e.name == "Ion Popescu" for e in _facts(story, SECOND).people)
    assert any(n.value == 1000 and n.corrected for n in _facts(story, FIRST).numbers)
    assert any(e.date == "2025-03-01" and e.corrected for e in story.timeline)


def test_a_correction_that_matches_nothing_is_reported_by_build_check_and_review(tmp_path, capsys):
    seeds = _seeds(tmp_path, 'speakers:\n  "Cuvinte care nu există": Ion\nhide:\n  - "Atlantida"\n')
    story = pipeline.run(seeds)
    unmatched = [p for p in story.problems if "matches nothing" in p.message]
    assert len(unmatched) == 2 and all("editorial.yml" in p.path and "line" in p.message for p in unmatched)
    docs = tmp_path / "docs"
    assert cli.main(["build", "--seeds", str(seeds), "--docs", str(docs)]) == 0
    assert cli.main(["check", "--seeds", str(seeds), "--docs", str(docs)]) == 0
    assert cli.main(["review", "--seeds", str(seeds)]) == 0
    err = capsys.readouterr().err
    assert err.count("Cuvinte care nu există") >= 3 and err.count("Atlantida") >= 3


@pytest.mark.parametrize("text, message", [
    ("kinds:\n  KCNA: agency\n", "line 2: kinds"),
    ("speakers:\n  \"x\": [a, b]\n", "line 2: speakers"),
    ("dates:\n  joi: ieri\n", "line 2: dates"),
    ("add:\n  - {kind: person, name: X}\n", "line 2: add"),
    ("surprise: 1\n", "unknown section"),
])
def test_a_broken_correction_names_the_line(tmp_path, text, message):
    story = _story(tmp_path, text)
    fatal = [p for p in story.problems if p.fatal]
    assert fatal and "editorial.yml" in fatal[0].path and message in fatal[0].message


def test_corrections_survive_rebuilds(tmp_path):
    seeds = _seeds(tmp_path, 'speakers:\n  "o armată eroică": Vladimir Putin\n')
    docs = tmp_path / "docs"
    for _ in range(2):
        pipeline.build(seeds, docs)
        data = json.loads((docs / "data" / "facts.json").read_text(encoding="utf-8"))
        quote = next(q for a in data["articles"] for q in a["quotes"] if q["text"] == "o armată eroică")
        assert quote["speaker"] == "Vladimir Putin"


# -- repeated paragraphs, conflicts, review ---------------------------------------------------------

PARAGRAPH = ("Autoritățile au evacuat aproximativ 1.200 de persoane din satele de lângă combinat, iar echipele "
             "de intervenție au lucrat toată noaptea pentru a opri scurgerea de amoniac.")


def _write(folder: Path, name: str, date: str, *paragraphs: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(f"---\ntitle: {name}\ndate: {date}\nsource: Test\n---\n" + "\n\n".join(paragraphs),
                               encoding="utf-8")


def test_repeated_paragraphs_within_and_across_articles_are_counted_once(tmp_path):
    folder = tmp_path / "seeds"
    _write(folder, "a.txt", "2026-05-06", "Un incendiu a izbucnit marți la combinat.", PARAGRAPH, PARAGRAPH)
    _write(folder, "b.txt", "2026-05-07", "Ancheta continuă joi.", PARAGRAPH.replace("noaptea", "noaptea ") + " ")
    (folder / "story.yml").write_text("title: Test\n", encoding="utf-8")
    story = pipeline.run(folder)
    assert {(r.article, r.paragraph) for r in story.repeats} == {("a", 3), ("b", 2)}
    figures = [n for f in story.articles for n in f.numbers if n.value == 1200]
    assert len(figures) == 1
    assert sum(1 for item in story.review if item.kind == "repeated_paragraph") == 2


def test_near_identical_paragraphs_are_found_without_comparing_all_pairs():
    from build_scripts.model import Article, ArticleFacts

    texts = [PARAGRAPH, PARAGRAPH.replace("1.200", "1.200,"), "Alt paragraf despre altceva, cu destule cuvinte ca să conteze "
             "în comparație și să nu fie socotit o repetare a celui dintâi."]
    facts = [ArticleFacts(article=Article(id=f"x{i}", path="x", title="x", title_derived=False, published=None,
                                          published_inferred=False, paragraphs=[t])) for i, t in enumerate(texts)]
    found = repeats.find(facts)
    assert [(r.article, r.of_article) for r in found] == [("x1", "x0")]


def test_two_articles_with_different_troop_numbers_are_a_conflict(tmp_path):
    folder = tmp_path / "seeds"
    _write(folder, "a.txt", "2025-08-20", "Phenianul a trimis 12.000 de soldați trimiși în regiunea Kursk, potrivit serviciilor sud-coreene.")
    _write(folder, "b.txt", "2025-08-22", "Coreea de Nord a trimis 15.000 de soldați trimiși în Rusia, potrivit unor surse ucrainene.")
    (folder / "story.yml").write_text("title: Test\n", encoding="utf-8")
    story = pipeline.run(folder)
    figures = [c for c in story.conflicts if c.kind == "figure"]
    assert len(figures) == 1
    assert {(v.article, v.label) for v in figures[0].versions} == {("a", "12.000"), ("b", "15.000")}
    assert any(item.kind == "conflict_figure" for item in story.review)


def test_review_list_on_the_seeds(story):
    kinds = {item.kind for item in story.review}
    assert {"inferred_date", "no_speaker", "speaker_pronoun", "entity_once"} <= kinds
    inferred = next(item for item in story.review if item.kind == "inferred_date")
    assert inferred.article == FIRST and f"{FIRST}: {{date: 2025-12-13}}" in inferred.suggestion
    for item in story.review:
        assert item.message and (item.suggestion or item.kind == "repeated_paragraph")


def test_review_command_prints_text_and_json(capsys):
    assert cli.main(["review"]) == 0
    out = capsys.readouterr().out
    assert "[inferred_date]" in out and "editorial.yml:" in out
    assert cli.main(["review", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data and {"kind", "message", "article", "sentence", "text", "suggestion"} <= set(data[0])


@pytest.mark.slow
def test_the_story_title_is_everywhere(tmp_path):
    """Header, browser title and feed of the real mkdocs build, and the PDF's cover and running heads."""
    from conftest import build_site, copy_project

    project = copy_project(tmp_path / "project")
    (project / "seeds" / "story.yml").write_text('title: "Titlul Poveștii Noastre"\nsummary: "Rezumatul editorului."\n',
                                                 encoding="utf-8")
    site = build_site(project)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Titlul Poveștii Noastre</title>" in home
    assert "Titlul Poveștii Noastre" in (site / "articole" / "index.html").read_text(encoding="utf-8")
    assert "Titlul Poveștii Noastre" in (site / "feed.xml").read_text(encoding="utf-8")
    pdf = tmp_path / "book.pdf"
    assert cli.main(["pdf", "--seeds", str(project / "seeds"), "-o", str(pdf),
                     "--config", str(project / "mkdocs.yml")]) == 0
    first = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True).stdout
    later = subprocess.run(["pdftotext", "-f", "3", "-l", "3", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Titlul Poveștii Noastre" in first and "Titlul Poveștii Noastre" in later
