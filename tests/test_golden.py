"""Golden Markdown for the seed pages: any change to the generated pages shows up here.

Rewrite the golden files only on purpose: `.venv/bin/python -m pytest tests/test_golden.py --update-golden`.
"""
from __future__ import annotations

from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


def test_golden_pages(seed_files, request):
    pages = {rel: text for rel, text in seed_files.items() if rel.endswith(".md")}
    if request.config.getoption("--update-golden"):
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for rel, text in pages.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
        pytest.skip("golden files rewritten")
    expected = {str(p.relative_to(GOLDEN)): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(pages) == sorted(expected), "the set of generated pages changed"
    for rel, text in pages.items():
        assert text == expected[rel], f"{rel} differs from tests/golden/{rel}"


def test_generation_is_deterministic(lang):
    from build_scripts import pipeline
    from build_scripts.render import render_site

    first = render_site(pipeline.run(Path(__file__).parent.parent / "seeds", lang))
    second = render_site(pipeline.run(Path(__file__).parent.parent / "seeds", lang))
    assert first == second
