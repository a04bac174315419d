"""Shared fixtures: the language rules, the seed story, and the golden-file switch."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output instead of comparing")


@pytest.fixture(scope="session")
def lang():
    from build_scripts import lang as lang_mod

    return lang_mod.load()


@pytest.fixture(scope="session")
def story(lang):
    from build_scripts import pipeline

    return pipeline.run(SEEDS, lang)


@pytest.fixture(scope="session")
def seed_files(story):
    from build_scripts.render import render_site

    return render_site(story)


@pytest.fixture
def project_copy(tmp_path):
    """A throwaway copy of the project (config, hook, scripts, seeds, hand-written docs)."""
    dest = tmp_path / "project"
    dest.mkdir()
    for name in ("mkdocs.yml", "build_scripts", "seeds", "docs", "overrides"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


def mkdocs_cmd():
    return [sys.executable, "-m", "mkdocs"]
