"""MkDocs hook: regenerate the pages from seeds/ before every build (and every `mkdocs serve` reload).

Thin on purpose: the build scripts run on their own (`python -m build_scripts build`); this only calls
them and reports problems through the `mkdocs` logger, so `mkdocs build --strict` refuses them. The
module is loaded once by `serve`, so nothing is read at import time.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import markupsafe
from mkdocs.exceptions import PluginError

# MkDocs loads this file by path; make its package importable without installing it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from build_scripts import pipeline  # noqa: E402
from build_scripts.search_fold import fold_search_index  # noqa: E402

log = logging.getLogger("mkdocs.hooks.build_scripts")


_RUN = {"command": "build"}


def on_startup(command, dirty=False, **kwargs) -> None:
    """Remember whether this is `mkdocs serve`: its preview keeps its own local address."""
    _RUN["command"] = command


def on_config(config, **kwargs):
    """The story's title, description and public address, from seeds/story.yml (read on every build)."""
    root = Path(config.config_file_path).parent
    try:
        info = pipeline.story_info(root / "seeds")
    except pipeline.BuildError as exc:
        for problem in exc.problems:
            log.error("%s", problem)
        raise PluginError("the story file has errors") from exc
    # The theme prints these raw in some places and through `| e` in others: escaped once, as Markup,
    # a title with "<", "&" or '"' stays text everywhere and is never escaped twice.
    config.site_name = markupsafe.escape(info.title)
    config.site_description = markupsafe.escape(info.description or pipeline.first_sentence(info.summary)
                                                or info.title)
    if info.site_url and _RUN["command"] != "serve":
        config.site_url = info.site_url
    return config


def on_pre_build(config, **kwargs) -> None:
    root = Path(config.config_file_path).parent
    seeds, docs = root / "seeds", Path(config.docs_dir)
    # `make site` ran the build scripts just before: their pages are current, reuse them.
    problems = pipeline.up_to_date(seeds, docs)
    if problems is None:
        try:
            story, report = pipeline.build(seeds, docs)
        except pipeline.BuildError as exc:
            for problem in exc.problems:
                log.error("%s", problem)
            raise PluginError("articles with errors; the previous pages were kept") from exc
        problems = story.problems
        if report.written or report.removed:
            log.info("build_scripts: %d pages written, %d removed", len(report.written), len(report.removed))
    for problem in problems:
        log.warning("%s", problem)


def on_post_build(config, **kwargs) -> None:
    # Hooks run after the plugins, so the search plugin has written its index by now.
    fold_search_index(Path(config.site_dir) / "search" / "search_index.json")
