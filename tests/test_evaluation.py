"""The extraction, measured on the annotated corpus and gated by recorded minimums."""
from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts import evaluate

CORPUS = Path(__file__).parent / "corpus"
SEED_GOLD = Path(__file__).parent / "seed_gold"
SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="module")
def result():
    return evaluate.evaluate(CORPUS)


def test_corpus_is_large_enough(result):
    assert result["articles"] >= 15


def test_no_score_drops_below_its_recorded_minimum(result):
    minimums = evaluate.read_minimums(CORPUS)
    assert set(minimums) == set(evaluate.KINDS)
    assert evaluate.below_minimums(result, minimums) == []


def test_dates_beat_dateparser(result):
    strict, lenient = result["dateparser"]
    assert result["scores"]["dates"].f1 >= strict.f1 + 0.3
    assert result["scores"]["dates"].f1 > lenient.f1


def test_minimums_are_never_lowered(tmp_path):
    (tmp_path / evaluate.MINIMUMS_FILE).write_text('{"dates": 0.9}', encoding="utf-8")
    fake = {"scores": {"dates": evaluate.Score(tp=1, pred=2, gold=2)}}
    assert evaluate.update_minimums(tmp_path, fake)["dates"] == 0.9


def test_scores_count_matches():
    s = evaluate.Score(tp=8, pred=10, gold=16)
    assert (s.precision, s.recall, round(s.f1, 3)) == (0.8, 0.5, 0.615)


@pytest.mark.skipif(not SEED_GOLD.is_dir(), reason="no seed gold files")
def test_seed_scores():
    result = evaluate.evaluate(SEEDS, SEED_GOLD, with_baseline=False)
    assert result["articles"] == 2
    minimums = evaluate.read_minimums(SEED_GOLD)
    assert evaluate.below_minimums(result, minimums) == []


def test_chronology_events_are_precise(result):
    # A wrong event in the chronology is worse than a missing one: the bar is precision >= 0.90.
    assert result["scores"]["events"].precision >= 0.90
