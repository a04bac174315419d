"""Shared fixtures: the language rules, the seed story, and the golden-file switch."""
from __future__ import annotations

import os
import shutil
import subprocess
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


PROJECT_PARTS = ("mkdocs.yml", "build_scripts", "seeds", "docs", "overrides")


def copy_project(dest: Path) -> Path:
    """A throwaway copy of the project (config, hook, scripts, seeds, docs, theme overrides) in `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return dest


def build_site(project: Path, env: dict | None = None) -> Path:
    """Run the real `mkdocs build --strict` in `project`; fail the test with MkDocs' output if it fails."""
    result = subprocess.run(mkdocs_cmd() + ["build", "--strict", "--site-dir", "site"], cwd=project,
                            env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture
def project_copy(tmp_path):
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_project(tmp_path_factory):
    """The seed project, copied and built once for every test that only reads the built site."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    build_site(project)
    return project


def mkdocs_cmd():
    return [sys.executable, "-m", "mkdocs"]


def require(tool: str, package: str) -> None:
    """Fail (never skip) when a system package a test needs is missing, naming the command that installs it."""
    if shutil.which(tool) is None and not Path(tool).exists():
        pytest.fail(f"{package} is missing: run scripts/ensure-system-deps.sh (make test runs it)", pytrace=False)
