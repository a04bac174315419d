"""Repeated paragraphs found again from the last run's trace: after any edit (a paragraph changed,
added, removed, copied from another article, an article removed, added or moved), the repeats are
exactly those a run from scratch finds."""
from __future__ import annotations

import copy
import dataclasses
import random
import threading
from pathlib import Path

import pytest

from build_scripts import repeats, storing
from build_scripts.model import Article, ArticleFacts

CORPUS = Path(__file__).resolve().parent / "corpus"


def _paragraphs() -> list[str]:
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        out += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) >= 12]
    return out


def _story(rng: random.Random, pool: list[str], n: int = 40) -> list[ArticleFacts]:
    """Articles of real paragraphs, many of them shared (wire copy), some nearly (a word changed)."""
    out = []
    for i in range(n):
        paragraphs = [rng.choice(pool) for _ in range(rng.randint(2, 6))]
        if rng.random() < 0.3:
            paragraphs.append(rng.choice(pool).replace(" a ", " o ", 1))
        article = Article(id=f"a{i:03d}", path=f"a{i:03d}.txt", title=f"Articol {i}", title_derived=False,
                          published=None, published_inferred=False, paragraphs=paragraphs)
        out.append(ArticleFacts(article=article))
    return out


def _edited(rng: random.Random, story: list[ArticleFacts], pool: list[str], copies: bool = False) -> list[ArticleFacts]:
    """The story with one article edited, added, removed or moved. The other articles stay the same
    records (as a process's next build gets them), or, with `copies`, every record is a copy (as a fresh
    process reads them)."""
    story = list(story)
    at = rng.randrange(len(story))
    facts = story[at]
    paragraphs = list(facts.article.paragraphs)
    kind = rng.randrange(7)
    if kind == 0:
        paragraphs[rng.randrange(len(paragraphs))] += " Ministrul a declarat marți că bugetul crește cu cinci la sută."
    elif kind == 1:
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), rng.choice(pool))
    elif kind == 2 and len(paragraphs) > 1:
        paragraphs.pop(rng.randrange(len(paragraphs)))
    elif kind == 3:
        del story[at]
        paragraphs = None
    elif kind == 4:  # a copy of an article under another id
        article = dataclasses.replace(facts.article, id=f"b{rng.randrange(10**6)}")
        story.insert(rng.randrange(len(story) + 1), ArticleFacts(article=article))
        paragraphs = None
    elif kind == 5:  # an article moves (its date changed)
        del story[at]
        story.insert(rng.randrange(len(story) + 1), facts)
        paragraphs = None
    else:  # a near copy of a paragraph (one word changed), anywhere
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), rng.choice(pool).replace(" a ", " o ", 1))
    if paragraphs is not None:
        story[at] = ArticleFacts(article=dataclasses.replace(facts.article, paragraphs=paragraphs))
    return copy.deepcopy(story) if copies else story


@pytest.mark.parametrize("seed", range(8))
def test_the_trace_gives_the_repeats_a_run_from_scratch_finds(seed, monkeypatch):
    # Buckets of two: a paragraph kept or not changes what later ones are compared with.
    monkeypatch.setattr(repeats, "BUCKET", 2 if seed % 2 else repeats.BUCKET)
    rng = random.Random(seed)
    pool = _paragraphs()
    story = _story(rng, pool)
    found, trace = repeats.find_traced(story)
    assert found and found == repeats.find(story)
    for _ in range(25):
        story = _edited(rng, story, pool, copies=True)
        found, trace = repeats.find_traced(story, trace)
        repeats._FINGERPRINTS.clear()
        assert found == repeats.find_traced(story)[0]


def test_a_trace_kept_on_disk_is_used_only_by_the_same_code(tmp_path):
    pool = _paragraphs()
    story = _story(random.Random(9), pool)
    finder = repeats.Finder(tmp_path / "trace.pickle")
    first = finder.find(story, version="v1")
    storing.wait()  # the trace is written in a thread of its own while the build goes on
    assert (tmp_path / "trace.pickle").is_file()
    again = repeats.Finder(tmp_path / "trace.pickle")
    assert again.find(story, version="v1") == first and not again.trace.changed  # nothing compared again
    other = repeats.Finder(tmp_path / "trace.pickle")
    assert other.find(story, version="v2") == first and other.trace.changed  # another code: from scratch


def test_a_trace_being_written_is_waited_for_by_its_reader(tmp_path, monkeypatch):
    """The trace is written in a thread (storing.write_later); a Finder that reads it first waits."""
    story = _story(random.Random(9), _paragraphs())
    written = threading.Event()
    slow_write = storing.write

    def write(path, data):
        written.wait(5)  # held back until the reader below has started
        slow_write(path, data)

    monkeypatch.setattr(storing, "write", write)
    first = repeats.Finder(tmp_path / "trace.pickle").find(story, version="v1")
    threading.Timer(0.2, written.set).start()
    again = repeats.Finder(tmp_path / "trace.pickle")
    assert again.find(story, version="v1") == first and not again.trace.changed  # it read the whole trace
