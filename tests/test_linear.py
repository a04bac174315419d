"""No input can make extraction hang: every regex the build scripts run is checked for super-linear
shapes, and the whole extraction runs on adversarial texts within a generous bound per kilobyte."""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest

from build_scripts import linear, nlp, pipeline
from build_scripts.cache import Cache
from build_scripts.render import render_site

ROOT = Path(__file__).resolve().parent.parent
SECONDS_PER_KB = 0.5  # about 10 times what the whole pipeline needs on ordinary news, on one core


@pytest.mark.parametrize("pattern", [
    r"(a+)*", r"(?:\s*\w+)*", r"\s*,?\s*x", r"\w+\s*\w+", r"[^.]*?că", r".*x",
    r"(?:\s*,?\s*(?:[a-z][\w-]*|[A-Z][\w-]*))*?\s*,?\s*",  # the pattern that once took 20 s on one sentence
])
def test_super_linear_shapes_are_refused(pattern):
    assert linear.problems(pattern)
    with pytest.raises(linear.NonLinearPattern):
        linear.compile(pattern)


@pytest.mark.parametrize("pattern", [
    r"\w+\s+\w+", r"[^.]{0,60}?că", r"\A---(.*?)\n---", r"[^\W\d]+", r"\d{1,3}(?:\.\d{3})+(?:,\d+)?",
    r"(?<![\w-])(?:Kim|Putin)(?![\w-])", r"[^a-z0-9]+",
])
def test_linear_shapes_pass(pattern):
    assert linear.problems(pattern) == []


def _recorded_patterns(run) -> set[tuple[str, int, str]]:
    """Every (pattern, flags, where) compiled from build_scripts while `run()` runs."""
    found: set[tuple[str, int, str]] = set()
    original = re._compile

    def record(pattern, flags):
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename.endswith(("re/__init__.py", "re.py")):
            frame = frame.f_back
        if frame is not None and "/build_scripts/" in frame.f_code.co_filename:
            where = frame.f_code.co_filename.split("/build_scripts/")[1] + f":{frame.f_lineno}"
            found.add((pattern, int(flags), where))
        return original(pattern, flags)

    re._compile = record
    try:
        run()
    finally:
        re._compile = original
    return found


def test_every_regex_the_build_runs_is_linear(lang, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted((ROOT / "tests" / "corpus").glob("*.txt"))[:6] + sorted((ROOT / "seeds").glob("*.txt")):
        (seeds / path.name).write_bytes(path.read_bytes())

    def run():  # no cache, one process: every rule runs here, where the recorder sees it
        story = pipeline.run(seeds, lang, pipeline.Options(cache=Cache(enabled=False, store=False), jobs=1))
        render_site(story)

    patterns = _recorded_patterns(run)
    assert len(patterns) > 50  # the recorder saw the rules
    bad = {f"{where}: {pattern!r}": linear.problems(pattern, flags) for pattern, flags, where in patterns
           if linear.problems(pattern, flags)}
    assert bad == {}


def _adversarial() -> dict[str, str]:
    trap = "Pacienții trebuie să meargă la medicul de familie care dă prescripția. "
    return {
        "capitalized words": " ".join(["Ministrul Director General Popescu Ionescu"] * 800),
        "lowercase words": " ".join(["cuvânt"] * 3000) + ".",
        "commas": "Ion, " * 3000 + "a spus.",
        "quote marks": "„" * 2000 + " text " + "”" * 2000 + ' "' * 2000 + " ''" * 1000,
        "one long sentence": ("a declarat că " + "situația este gravă și " * 90)[:2000] + ".",
        "the sentence of the old hang": trap * 120,
        "numbers and dates": " ".join(f"{i}.000 de soldați pe {i % 28 + 1} mai 2025, luni, între 3 și 5 iunie"
                                      for i in range(1, 300)),
    }


@pytest.mark.parametrize("name", list(_adversarial()))
def test_adversarial_text_takes_bounded_time(name):
    text = _adversarial()[name]
    nlp.load()  # loading the model once is not the text's cost
    started = time.monotonic()
    nlp.analyze_text(text)
    elapsed = time.monotonic() - started
    kilobytes = len(text.encode()) / 1024
    assert elapsed <= max(1.0, SECONDS_PER_KB * kilobytes), f"{elapsed:.1f}s for {kilobytes:.0f} KB"
