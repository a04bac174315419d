"""Story folders and built projects shared by the page, escaping and browser tests.

The ten-article test story (`tests/story/`) is copied into a seeds folder with its story file; a project
built from it reuses the extraction cache of this checkout (`.cache/facts`, keyed by content and code),
so a build costs seconds once the story was extracted.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Optional

from conftest import ROOT, build_site, copy_project

STORY = ROOT / "tests" / "story"
CACHE = ROOT / ".cache" / "facts"


def story_seeds(dest: Path, editorial: Optional[str] = None) -> Path:
    """The ten-article story as a seeds folder in `dest` (with an editorial.yml when given)."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted((STORY / "articles").glob("*.txt")):
        shutil.copy2(path, dest / path.name)
    shutil.copy2(STORY / "story.yml", dest / "story.yml")
    if editorial is not None:
        (dest / "editorial.yml").write_text(editorial, encoding="utf-8")
    return dest


def project_with_seeds(dest: Path, seeds: Path) -> Path:
    """A project copy whose seeds are `seeds`, sharing this checkout's extraction cache."""
    project = copy_project(dest)
    shutil.rmtree(project / "seeds")
    shutil.copytree(seeds, project / "seeds")
    if CACHE.is_dir():
        shutil.copytree(CACHE, project / ".cache" / "facts")
    return project


def built_story_site(dest: Path) -> Path:
    """The ten-article story built with the real `mkdocs build --strict`; returns the project."""
    project = project_with_seeds(dest / "project", story_seeds(dest / "seeds"))
    build_site(project)
    return project


def docs_hold_scratch_build(docs: Path, seeds: Path, monkeypatch) -> None:
    """`docs` holds exactly the pages of a build of `seeds` from scratch (extracted again, no trace, no
    memo; the memo is left as it is), and nothing else in the folders the build owns."""
    from build_scripts import cache as cache_mod
    from build_scripts import pipeline
    from build_scripts import render as render_mod
    from build_scripts import writer

    with monkeypatch.context() as m:
        m.setenv("EXPLAINER_NO_CACHE", "1")
        files = render_mod.render_site(pipeline.run(seeds, options=pipeline.Options(
            cache=cache_mod.Cache(enabled=False, store=False), jobs=1)))
    for rel, text in files.items():
        assert (docs / rel).read_bytes() == writer.encoded(text), rel
    owned = {p.relative_to(docs).as_posix() for d in render_mod.MANAGED_DIRS for p in (docs / d).rglob("*") if p.is_file()}
    assert owned <= set(files)
