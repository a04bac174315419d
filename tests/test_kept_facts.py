"""What a process keeps between builds is never changed by a build.

The articles as read and their extracted facts (`session.py`) are shared by every later build of
`mkdocs serve`, so the stages that change facts (repeated paragraphs, the story's names, every kind of
the editor's corrections) work on copies. A correction taken out of editorial.yml is gone from the next
build of the same process, and every build gives the pages of a build in a fresh process."""
from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from build_scripts import cache as cache_mod
from build_scripts import merge, pipeline, session
from build_scripts import repeats as repeats_mod
from build_scripts.model import Article, ArticleFacts, Entity, Mention, Quote, Repeat, Sentence
from build_scripts.render import memo as memo_mod
from build_scripts.render import render_site
from build_scripts.stamp import content_digest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIRST, SECOND = "000_2df28bc92820d916", "001_940d591d78bef77a"

# Every kind of correction, each matching something in the seed articles.
EDITORIAL = f"""\
articles:
  {FIRST}: {{title: Titlul corect, date: 2025-12-14, source: Agerpres}}
aliases:
  Phenian: [Phenianul]
  Kim Jong Un: [Coreea de Nord]
kinds:
  KCNA: person
roles:
  Kim Jong Un: liderul Coreei de Nord
hide:
  - "aproximativ 12.000"
  - "Vladimir Putin"
  - "o armată eroică"
dates:
  "în iulie 2025": 2025-06
  "{SECOND}/p5-s1": 2023
speakers:
  "zona periculoasă": null
add:
  - {{kind: person, name: Ion Popescu, article: {SECOND}, sentence: p2-s1}}
  - {{kind: person, name: Kim Jong Un, article: {SECOND}, sentence: p2-s1}}
  - {{kind: figure, text: mii de soldați, value: 1000, unit: soldați, article: {FIRST}, sentence: p1-s1}}
  - {{kind: event, date: 2025-03-01, article: {FIRST}, sentence: p1-s1}}
"""


@pytest.fixture
def seeds(tmp_path, monkeypatch):
    """The seed articles (with a paragraph of one repeated in another), nothing kept from other tests."""
    monkeypatch.setattr(memo_mod, "DEFAULT_DIR", tmp_path / "memo")
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy2(path, folder / path.name)
    shutil.copy2(SEEDS / "story.yml", folder / "story.yml")
    first, second = sorted(folder.glob("*.txt"))[:2]
    repeated = first.read_text(encoding="utf-8").rstrip("\n").split("\n\n")[-1]
    second.write_text(second.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + repeated + "\n", encoding="utf-8")
    session.forget()
    yield folder
    session.forget()


def _kept() -> dict[str, bytes]:
    """Everything the process keeps of the articles and their facts, as bytes."""
    out = {f"facts {k}": pickle.dumps(v) for k, v in session.FACTS.items()}
    out.update({f"read {p}": pickle.dumps(entry[1]) for p, entry in session._READ.items()})
    # Each entry apart: an entry a build makes again (its records are the build's own copies, as those
    # the editor's file corrects) may share its strings with another entry differently.
    out.update({f"reuse {k} {i}": pickle.dumps(v) for k, r in session._REUSE.items() for i, v in enumerate(r._last.values())})
    return out


def _fresh(seeds: Path) -> dict[str, str]:
    """The files of a build in a new process (nothing kept in memory)."""
    session.forget()
    return pipeline.generate(seeds)[1]


def _same(got: dict[str, str], want: dict[str, str]) -> None:
    assert sorted(got) == sorted(want)
    assert [path for path in sorted(want) if got[path] != want[path]] == []


def test_a_build_changes_nothing_the_process_keeps(seeds):
    (seeds / "editorial.yml").write_text(EDITORIAL, encoding="utf-8")
    story, _ = pipeline.generate(seeds)
    assert story.repeats and all(c.applied for c in story.corrections)  # every stage had something to change
    assert any(e.aliases for f in story.articles for e in f.people)  # the story's names were merged
    kept = _kept()
    assert any(k.startswith("facts ") for k in kept) and any(k.startswith("read ") for k in kept)
    assert all(r._last for r in session._REUSE.values()) and session._REUSE  # and what stages made of them
    pipeline.generate(seeds)
    assert _kept() == kept
    # And as they were made: each extraction as the cache stores it, each article as first read.
    # (compared as records, not as pickles: equal records can pickle to other bytes when a build shares
    # or copies their strings differently)
    for k in session._FACTS_USED[str(seeds.resolve())].values():
        assert session.FACTS[k] == cache_mod.Cache().get(k), k
    for path, (_, record, data) in session._READ.items():
        assert record == pickle.loads(data), path


@pytest.mark.parametrize("kind", ["articles", "aliases", "kinds", "roles", "hide", "dates", "speakers", "add"])
def test_a_correction_added_then_removed_in_the_same_process(seeds, kind):
    """A build in the process that built before (`serve`) equals a fresh build, with the correction and
    after it is taken out again."""
    section = EDITORIAL.split(f"\n{kind}:\n", 1)[1] if not EDITORIAL.startswith(kind) else EDITORIAL.split("\n", 1)[1]
    lines = []
    for line in section.splitlines():
        if not line.startswith(" "):
            break
        lines.append(line)
    before = pipeline.generate(seeds)[1]
    (seeds / "editorial.yml").write_text(f"{kind}:\n" + "\n".join(lines) + "\n", encoding="utf-8")
    story, corrected = pipeline.generate(seeds)
    assert story.corrections and all(c.applied for c in story.corrections)
    assert corrected != before
    _same(corrected, _fresh(seeds))
    pipeline.generate(seeds)  # kept again by this process
    (seeds / "editorial.yml").unlink()
    _same(pipeline.generate(seeds)[1], before)


def _article_facts(article_id: str, people: list, quotes: list) -> ArticleFacts:
    article = Article(id=article_id, path=f"{article_id}.txt", title=article_id, title_derived=False,
                      published=None, published_inferred=False, paragraphs=["Text.", "Text."],
                      sentences=[Sentence(id="p1-s1", text="Text.", paragraph=1, start=0, end=5),
                                 Sentence(id="p2-s1", text="Text.", paragraph=2, start=7, end=12)])
    return ArticleFacts(article=article, people=people, quotes=quotes)


def _person(name: str, *sentences: str) -> Entity:
    return Entity(name=name, kind="person", mentions=[Mention(text=name, sentence=s, start=0, end=len(name))
                                                      for s in sentences])


def _working_copies(kept: list[ArticleFacts]) -> list[ArticleFacts]:
    """What a build gets (`cache.Extraction.facts_for`): lists of its own, the records shared."""
    return [ArticleFacts(article=f.article, people=list(f.people), quotes=list(f.quotes)) for f in kept]


def test_the_story_names_are_set_on_copies():
    kept = [_article_facts("a1", [_person("Rafael Grossi", "p1-s1")], []),
            _article_facts("a2", [_person("Grossi", "p1-s1"), _person("Rafael Grossi", "p2-s1")],
                           [Quote(text="Nu.", speaker="Grossi", sentence="p1-s1", start=0, end=3)]),
            _article_facts("a3", [_person("Grossi", "p2-s1")], [])]
    before = pickle.dumps(kept)
    working = _working_copies(kept)
    merge.story_entities(working, pipeline.slugify)
    assert [e.name for f in working for e in f.people] == ["Rafael Grossi"] * 3  # renamed, joined in a2
    assert working[1].people[0].mentions and working[1].quotes[0].speaker == "Rafael Grossi"
    assert pickle.dumps(kept) == before


def test_repeated_paragraphs_drop_facts_from_copies():
    kept = [_article_facts("a1", [_person("Ion Popescu", "p1-s1", "p2-s1"), _person("Ana Pop", "p2-s1")], [])]
    before = pickle.dumps(kept)
    working = _working_copies(kept)
    repeats_mod.drop_repeated_facts(working, [Repeat("a1", 2, "a1", 1, "Text.")])
    assert [(e.name, len(e.mentions)) for e in working[0].people] == [("Ion Popescu", 1)]
    assert pickle.dumps(kept) == before


SHORT = """---
title: Declarație scurtă
date: 2025-12-10
source: Test
---
„Nu vom accepta așa ceva”, a spus ministrul Ion Popescu.

Ministrul Ion Popescu a vorbit marți la București.
"""


@pytest.mark.slow  # extracts a new article (once: the facts cache keeps it)
def test_two_articles_of_the_same_text_share_their_facts_but_not_their_pages(seeds):
    """Two files with the same text have one extraction, so their facts share records (paragraphs this
    short are never repeats): what is keyed by a record must also be keyed by its article."""
    (seeds / "010_scurt.txt").write_text(SHORT, encoding="utf-8")
    pipeline.generate(seeds)
    (seeds / "011_copie.txt").write_text(SHORT, encoding="utf-8")
    story, files = pipeline.generate(seeds)
    first, copy = (next(f for f in story.articles if f.article.id == name) for name in ("010_scurt", "011_copie"))
    assert copy.quotes and copy.quotes[0] is first.quotes[0]  # one extraction, one record
    _same(files, render_site(pipeline.run(seeds)))
    _same(files, _fresh(seeds))


def test_an_article_file_is_read_again_whenever_its_status_changes(tmp_path, monkeypatch):
    """The digest of an unchanged file is taken from its status (session._digest); any write changes
    the status, even one that keeps its size and modification time; a file changed just now is read
    every time (a second change within one tick of the file system's clock could keep its status)."""
    path = tmp_path / "a.txt"
    path.write_bytes(b"one")
    session.forget()
    try:
        assert session._digest(path) == content_digest(b"one")
        assert str(path) not in session._DIGESTS  # changed just now
        monkeypatch.setattr(session, "RACY_NS", -10**12)  # as if it had been changed long ago
        first = session._digest(path)
        assert str(path) in session._DIGESTS
        path.write_bytes(b"two")
        os.utime(path, ns=(path.stat().st_atime_ns, session._DIGESTS[str(path)][0][1]))  # the same times...
        assert session._digest(path) == content_digest(b"two") != first  # ...but not the same change time
    finally:
        session.forget()


def test_a_build_stamp_read_through_kept_digests_still_sees_every_edit(tmp_path, monkeypatch):
    """The MkDocs hook asks whether the last build is current with the digests the process keeps
    (`session.file_digest`): the same answer as reading every seeds file, before and after an edit."""
    from build_scripts import stamp

    monkeypatch.setattr(stamp, "STAMP_DIR", tmp_path / "stamps")
    monkeypatch.setattr(session, "RACY_NS", -10**12)  # statuses kept at once, as for files changed long ago
    seeds, docs = tmp_path / "seeds", tmp_path / "docs"
    seeds.mkdir()
    docs.mkdir()
    article = seeds / "a.txt"
    article.write_text("Un paragraf.\n", encoding="utf-8")
    (docs / "index.md").write_text("pagina\n", encoding="utf-8")
    session.forget()
    try:
        session.file_digest(article)  # the digest the process keeps
        stamp.record(seeds, docs, [])
        assert stamp.current(seeds, docs, session.file_digest) == [] == stamp.current(seeds, docs)
        article.write_text("Un paragraf schimbat.\n", encoding="utf-8")
        assert stamp.current(seeds, docs, session.file_digest) is None is stamp.current(seeds, docs)
        (seeds / "b.txt").write_text("Alt articol.\n", encoding="utf-8")
        assert stamp.current(seeds, docs, session.file_digest) is None
    finally:
        session.forget()
