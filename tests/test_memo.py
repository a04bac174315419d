"""The page memo and what a process keeps between builds: an edit build gives exactly the pages of a
build without the memo, in a fresh process (the memo read from `.cache/pages/`) and in the same process
(`mkdocs serve`); a changed template, language file, model or editor's file renders again; `--no-cache`
and EXPLAINER_NO_CACHE reuse nothing.

The ten-article test story is built with small page sizes, so that every paginated list (articles,
entities, chronology, quotes, review) spans several pages and an edit moves items between them."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from build_scripts import cache as cache_mod
from build_scripts import pipeline, session, writer
from build_scripts import render as render_mod
from build_scripts.render import chronology as chronology_mod
from build_scripts.render import entities as entities_mod
from build_scripts.render import memo as memo_mod
from build_scripts.render import quotes as quotes_mod
from build_scripts.render import site as site_mod
from build_scripts.render import render_site
from sites import docs_hold_scratch_build, story_seeds

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Ministrul Ion Popescu a declarat marți, 12 mai 2026, că bugetul crește cu 5 la sută."


@pytest.fixture
def memo(tmp_path, monkeypatch):
    """The memo in a folder of its own, small page sizes, nothing kept from other tests."""
    monkeypatch.setattr(memo_mod, "DEFAULT_DIR", tmp_path / "memo")
    monkeypatch.setattr(render_mod, "ARTICLES_PAGE", 3)
    monkeypatch.setattr(render_mod, "REVIEW_PAGE", 7)
    monkeypatch.setattr(quotes_mod, "PAGE_QUOTES", 6)
    monkeypatch.setattr(entities_mod, "PAGE_ROWS", 5)
    monkeypatch.setattr(chronology_mod, "SPLIT_AT", 8)
    monkeypatch.setattr(chronology_mod, "VISUAL_AT", 12)
    monkeypatch.setattr(chronology_mod, "MONTHS_AT", 4)
    session.forget()
    yield tmp_path / "memo"
    session.forget()


def _seeds(tmp_path: Path) -> Path:
    return story_seeds(tmp_path / "seeds")


def _with_memo(seeds: Path, fresh: bool = False) -> dict[str, str]:
    """The files of a build with the memo; `fresh`: as a new process (nothing kept in memory)."""
    if fresh:
        session.forget()
    return pipeline.generate(seeds)[1]


def _without_memo(seeds: Path) -> dict[str, str]:
    """The files of a build that renders every page (same facts, no memo)."""
    return render_site(pipeline.run(seeds))


def _same(got: dict[str, str], want: dict[str, str]) -> None:
    assert sorted(got) == sorted(want)
    assert [path for path in sorted(want) if got[path] != want[path]] == []


def _append(path: Path, sentence: str = SENTENCE) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + " " + sentence + "\n", encoding="utf-8")


@pytest.mark.parametrize("fresh", [False, True], ids=["same process (serve)", "fresh process"])
def test_edit_builds_give_the_pages_of_a_build_without_the_memo(tmp_path, memo, fresh):
    seeds = _seeds(tmp_path)
    first = _with_memo(seeds)
    _same(first, _without_memo(seeds))
    assert any(path.startswith("cronologie/") for path in first)  # the small sizes split the lists
    assert any(path.startswith("revizuire/") for path in first) and any(path.startswith("citate/") for path in first)
    articles = sorted(seeds.glob("*.txt"))
    edits = [
        lambda: _append(articles[5], "Textul a fost actualizat."),  # words only: no fact, no event
        lambda: _append(articles[4]),  # a new sentence: a date, a figure, a person
        lambda: _append(articles[1], "„Nu vom accepta”, a spus ministrul joi, 14 mai 2026."),  # a quote
        lambda: articles[6].write_text(  # a paragraph repeated from another article
            articles[6].read_text(encoding="utf-8") + "\n" + articles[2].read_text(encoding="utf-8").split("\n\n")[-1],
            encoding="utf-8"),
        lambda: articles[8].unlink(),  # an article removed
        lambda: shutil.copy2(articles[0], seeds / "11_copie.txt"),  # an article added
    ]
    for edit in edits:
        edit()
        got = _with_memo(seeds, fresh)
        assert session.page_memo(seeds).hits > 0  # most pages came from the memo
        _same(got, _without_memo(seeds))


def test_an_edit_build_writes_the_same_docs_as_a_build_without_caches(tmp_path, memo, monkeypatch):
    seeds = _seeds(tmp_path)
    pipeline.build(seeds, tmp_path / "docs")
    _append(sorted(seeds.glob("*.txt"))[3])
    session.forget()
    pipeline.build(seeds, tmp_path / "docs")
    assert session.page_memo(seeds).hits > 0
    monkeypatch.setenv("EXPLAINER_NO_CACHE", "1")  # what the facts cache and the memo obey
    _, files = pipeline.generate(seeds)
    assert session.page_memo(seeds).hits == 0
    for rel, text in files.items():
        assert (tmp_path / "docs" / rel).read_bytes() == writer.encoded(text), rel


def test_no_cache_renders_every_page_and_stores_them_for_the_next_build(tmp_path, memo):
    seeds = _seeds(tmp_path)
    options = pipeline.Options(cache=cache_mod.Cache(enabled=False, store=False), jobs=1)
    _, files = pipeline.generate(seeds, options=options)
    assert session.page_memo(seeds).hits == 0 and session.page_memo(seeds).misses > 0
    again = _with_memo(seeds, fresh=True)
    assert session.page_memo(seeds).misses == 0
    _same(again, files)


def test_editors_files_render_again(tmp_path, memo):
    seeds = _seeds(tmp_path)
    _with_memo(seeds)
    (seeds / "editorial.yml").write_text('hide:\n  - "Zimnicea"\nroles:\n  "Ion Popescu": "ministrul testelor"\n',
                                         encoding="utf-8")
    _same(_with_memo(seeds), _without_memo(seeds))
    assert session.page_memo(seeds).hits == 0  # the editor's file is part of every key
    story = (seeds / "story.yml").read_text(encoding="utf-8")
    (seeds / "story.yml").write_text(story.replace("title:", 'title: "Alt titlu"\nold_title:', 1)
                                     if "title:" in story else 'title: "Alt titlu"\n' + story, encoding="utf-8")
    _same(_with_memo(seeds, fresh=True), _without_memo(seeds))
    assert session.page_memo(seeds).hits == 0


def test_a_changed_template_renders_again(tmp_path, memo, monkeypatch):
    package = tmp_path / "package"
    shutil.copytree(ROOT / "build_scripts", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(memo_mod, "PACKAGE", package)
    monkeypatch.setattr(site_mod, "TEMPLATES", package / "render" / "templates")
    seeds = _seeds(tmp_path)
    _with_memo(seeds)
    template = package / "render" / "templates" / "article.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\nNotă de test.\n", encoding="utf-8")
    got = _with_memo(seeds, fresh=True)
    pages = [render_mod.article_page(f) for f in pipeline.run(seeds).articles]
    assert pages and all("Notă de test." in got[path] for path in pages)
    _same(got, _without_memo(seeds))


def test_code_and_language_files_and_the_model_are_in_every_key(tmp_path, memo, monkeypatch):
    package = tmp_path / "package"
    shutil.copytree(ROOT / "build_scripts", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(memo_mod, "PACKAGE", package)
    before = memo_mod.code_version()
    rules = sorted((package / "lang").rglob("*.yaml"))[0]
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    after_rules = memo_mod.code_version()
    (package / "render" / "labels.py").write_text("# changed\n", encoding="utf-8")
    assert len({before, after_rules, memo_mod.code_version()}) == 3
    # The model (and the extraction rules) come in through the extraction cache's version.
    monkeypatch.setattr(memo_mod, "PACKAGE", ROOT / "build_scripts")
    seeds = _seeds(tmp_path)
    _with_memo(seeds)
    monkeypatch.setattr(cache_mod, "environment_version", lambda: "another-model")
    _with_memo(seeds)
    assert session.page_memo(seeds).hits == 0


def test_an_article_read_again_when_its_bytes_change_even_with_the_same_size_and_time(tmp_path, memo):
    seeds = _seeds(tmp_path)
    article = sorted(seeds.glob("*.txt"))[0]
    _with_memo(seeds)
    stat = article.stat()
    text = article.read_text(encoding="utf-8")
    changed = text.replace("a", "e", 1)
    assert len(changed) == len(text) and changed != text
    article.write_text(changed, encoding="utf-8")
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    _same(_with_memo(seeds), _without_memo(seeds))


@pytest.mark.parametrize("fresh", [False, True], ids=["same process (serve)", "fresh process"])
def test_the_parts_of_a_reused_page_are_kept_for_a_later_edit(tmp_path, memo, fresh):
    seeds = _seeds(tmp_path)
    _with_memo(seeds)
    kept = set(session.page_memo(seeds).texts)
    assert any(session.page_memo(seeds).parts.values())  # the lists are made of memoized items
    _with_memo(seeds, fresh)  # nothing changed: every page reused, none of its items asked for
    assert set(session.page_memo(seeds).texts) == kept
    _append(sorted(seeds.glob("*.txt"))[4])  # moves items between the pages of the lists
    got = _with_memo(seeds, fresh=True)
    _same(got, _without_memo(seeds))
    misses = session.page_memo(seeds).misses
    assert 0 < misses < len(kept) // 4


def test_a_fresh_process_does_not_parse_unchanged_articles_again(tmp_path, memo, monkeypatch):
    seeds = _seeds(tmp_path)
    want = _with_memo(seeds)
    articles = sorted(seeds.glob("*.txt"))
    _append(articles[2])
    session.forget()  # a new process: only what is stored beside the memo
    parsed = []
    real = pipeline.read_article
    monkeypatch.setattr(pipeline, "read_article", lambda path, *a, **k: parsed.append(path.name) or real(path, *a, **k))
    got = _with_memo(seeds)
    assert parsed == [articles[2].name]
    _same(got, _without_memo(seeds))
    assert got != want
    monkeypatch.setenv("EXPLAINER_NO_CACHE", "1")  # reuses nothing stored
    session.forget()
    parsed.clear()
    _with_memo(seeds)
    assert len(parsed) == len(articles)


@pytest.mark.slow  # extracts the story again after every edit
@pytest.mark.parametrize("fresh", [False, True], ids=["same process (serve)", "fresh process"])
def test_docs_after_each_kind_of_edit_are_those_of_a_build_from_scratch(tmp_path, memo, monkeypatch, fresh):
    seeds, docs = _seeds(tmp_path), tmp_path / "docs"
    articles = sorted(seeds.glob("*.txt"))
    pipeline.build(seeds, docs)

    def sentence_changed():
        text = articles[3].read_text(encoding="utf-8")
        at = text.rindex(" a ")
        articles[3].write_text(text[:at] + " ar fi " + text[at + 3:], encoding="utf-8")

    edits = [
        sentence_changed,
        lambda: shutil.copy2(articles[2], seeds / "12_adaugat.txt"),  # an article added
        lambda: articles[7].unlink(),  # an article removed
        lambda: (seeds / "editorial.yml").write_text(  # the editor's file changed
            'hide:\n  - "Zimnicea"\nroles:\n  "Ion Popescu": "ministrul testelor"\n', encoding="utf-8"),
        lambda: (docs / "metoda.md").write_text("edited by hand\n", encoding="utf-8"),  # a page edited in docs/
        lambda: _append(articles[5]),  # and a sentence with facts added, after all that
    ]
    for edit in edits:
        edit()
        if fresh:
            session.forget()
        pipeline.build(seeds, docs)
        docs_hold_scratch_build(docs, seeds, monkeypatch)
