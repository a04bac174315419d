"""An edited article parses again only the paragraphs that changed, and its facts are the same.

The model's parse of a paragraph does not depend on the other paragraphs (`nlp.py`), so a process keeps
the parses it made (`nlp.Parsed`) and the cache stores them beside the facts (`nlp.parses_of`,
`nlp.keep_parses`): after an edit, `mkdocs serve` parses one paragraph, not the article. These tests
check that the facts are exactly those of an extraction from scratch, and that the model ran only on
what changed.
"""
from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest

from build_scripts import cache as cache_mod
from build_scripts import lang as lang_mod
from build_scripts import nlp, pipeline, session
from build_scripts.ingest import read_article

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = sorted((ROOT / "tests" / "corpus").glob("*.txt"))[0]
ADDED = "Ministrul a declarat marți că bugetul crește cu 5 la sută."


def _read(path: Path, added: str = ""):
    lang = lang_mod.load()
    article = read_article(path, lang)
    if added:
        article.paragraphs[-1] += " " + added
    return pipeline.prepare(article, lang)


def _parsed_now(monkeypatch) -> list[int]:
    """A fresh store of parses for the loaded pipeline; returns a list that counts the model's parses
    (a Doc fresh from the model has its tensor; one read back from the cache has none)."""
    store = nlp.Parsed()
    monkeypatch.setitem(nlp._PARSED, nlp.load(), store)
    count: list[int] = []
    put = store.put

    def counted(k, doc):
        if doc.tensor.size:
            count.append(1)
        return put(k, doc)

    monkeypatch.setattr(store, "put", counted)
    return count


def test_an_edited_article_is_parsed_only_where_it_changed_with_the_same_facts(monkeypatch):
    count = _parsed_now(monkeypatch)
    scratch = nlp.extract_article(_read(ARTICLE, ADDED))
    paragraphs = len(_read(ARTICLE).paragraphs)
    assert len(count) >= paragraphs > 1

    count = _parsed_now(monkeypatch)
    nlp.extract_article(_read(ARTICLE))
    before = len(count)
    edited = nlp.extract_article(_read(ARTICLE, ADDED))
    assert len(count) - before == 1  # the last paragraph only
    assert repr(edited) == repr(scratch)


def test_parses_stored_and_taken_back_give_the_same_facts(monkeypatch):
    _parsed_now(monkeypatch)
    article = _read(ARTICLE)
    nlp.extract_article(article)
    stored = nlp.parses_of(article)
    assert stored

    count = _parsed_now(monkeypatch)
    gc.disable()
    try:
        nlp.keep_parses(stored)
        # spaCy's reader turns the collector on; a build has it paused, and so it stays.
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert not count
    edited = nlp.extract_article(_read(ARTICLE, ADDED))
    assert len(count) == 1
    _parsed_now(monkeypatch)
    assert repr(edited) == repr(nlp.extract_article(_read(ARTICLE, ADDED)))


def test_damaged_parses_are_ignored(monkeypatch):
    count = _parsed_now(monkeypatch)
    nlp.keep_parses(b"not a pickle")
    assert not count


def test_a_build_after_an_edit_reads_the_articles_earlier_parses(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted((ROOT / "tests" / "corpus").glob("*.txt"))[:2]:
        shutil.copy(path, seeds / path.name)
    cache = cache_mod.Cache(tmp_path / "cache")
    options = pipeline.Options(cache=cache, jobs=1, progress=False)
    session.forget()
    try:
        pipeline.run(seeds, options=options)
        stored = list((tmp_path / "cache").rglob("*.parses"))
        assert len(stored) == 2
        count = _parsed_now(monkeypatch)  # as in a new process: nothing parsed is kept in memory
        edited = sorted(seeds.glob("*.txt"))[0]
        edited.write_text(edited.read_text(encoding="utf-8").rstrip("\n") + " " + ADDED + "\n", encoding="utf-8")
        story = pipeline.run(seeds, options=options)
        assert len(count) == 1  # the others read back from the cache
        assert len(list((tmp_path / "cache").rglob("*.parses"))) == 3
    finally:
        session.forget()
    assert any(ADDED[:20] in s.text for f in story.articles for s in f.article.sentences)
