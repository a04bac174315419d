"""Repeated paragraphs found again article by article: in the process that made the last run, an
article with the same paragraphs that no change touches takes its part of that run in one step. After
any edit the repeats are still exactly those a run from scratch finds."""
from __future__ import annotations

import random

import pytest

from build_scripts import repeats
from test_repeats import _edited, _paragraphs, _story


@pytest.mark.parametrize("seed", range(8))
def test_a_run_article_by_article_finds_the_repeats_of_a_run_from_scratch(seed, monkeypatch):
    monkeypatch.setattr(repeats, "BUCKET", 2 if seed % 2 else repeats.BUCKET)
    rng = random.Random(seed)
    pool = _paragraphs()
    story = _story(rng, pool, n=60)
    found, trace = repeats.find_traced(story)
    passed = 0
    for _ in range(30):
        story = _edited(rng, story, pool)
        before = trace
        found, trace = repeats.find_traced(story, before)
        assert found == repeats.find_traced(story)[0]
        passed += sum(1 for f in story if trace.articles[f.article.id] is before.articles.get(f.article.id))
    assert passed > 30 * len(story) // 3  # most articles were passed in one step


def test_an_article_passed_in_one_step_keeps_its_part_of_the_run():
    rng = random.Random(3)
    pool = _paragraphs()
    story = _story(rng, pool, n=30)
    _, first = repeats.find_traced(story)
    story = _edited(random.Random(1), story, pool)
    _, second = repeats.find_traced(story, first)
    same = [f.article.id for f in story if second.articles[f.article.id] is first.articles.get(f.article.id)]
    assert same  # the articles before the edit, at least


@pytest.mark.parametrize("seed", range(6))
def test_comparisons_see_the_same_paragraphs_whether_buckets_fill_on_demand_or_all_at_once(seed, monkeypatch):
    """A few comparisons (an edit) fill only the buckets they read; many fill every bucket as they go.
    Both give every run the same repeats, from scratch and after edits."""
    monkeypatch.setattr(repeats, "BUCKET", 2 if seed % 2 else repeats.BUCKET)
    rng = random.Random(100 + seed)
    pool = _paragraphs()
    story = _story(rng, pool, n=50)
    found, traces = {}, {}
    for lazy in (0, 10**9):
        monkeypatch.setattr(repeats._Kept, "LAZY_MAX", lazy)
        found[lazy], traces[lazy] = repeats.find_traced(story)
    assert found[0] == found[10**9]
    for _ in range(10):
        story = _edited(rng, story, pool)
        for lazy in (0, 10**9):
            monkeypatch.setattr(repeats._Kept, "LAZY_MAX", lazy)
            found[lazy], traces[lazy] = repeats.find_traced(story, traces[lazy])
        assert found[0] == found[10**9] == repeats.find_traced(story)[0]
