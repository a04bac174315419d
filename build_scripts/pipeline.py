"""The stages in order: read -> segment -> date -> extract -> chronology -> render -> write.

Each stage is a pure function over the records in `model.py` except the first (reads the seeds) and the
last (writes `docs/`). `run` stops at the story; `build` renders and writes it.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from . import lang as lang_mod
from .chronology import build_timeline
from .extract import extract_article
from .extract.timex import infer_publication
from .ingest import IngestError, read_article
from .lang import Lang, ascii_fold
from .model import Article, ArticleFacts, Problem, Sentence, Story
from .render import MANAGED_DIRS, render_site
from .segment import split_sentences
from .writer import WriteReport, stale_files, write_tree


SLUG_MAX = 60
ARTICLE_BUDGET = 20.0  # seconds of extraction per article; past it, the facts found so far are kept


def load_articles(seeds_dir: Path, lang: Lang) -> tuple[list[Article], list[Problem]]:
    """Every `*.txt` under `seeds_dir` (sorted by name), and the problems of those that failed."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for path in sorted(seeds_dir.glob("*.txt"), key=lambda p: p.name):
        if not path.is_file():
            continue
        try:
            article = read_article(path, lang, display_path=_display(path, seeds_dir))
        except IngestError as exc:
            problems.append(exc.problem)
            continue
        problems.extend(Problem(article.path, w, fatal=False) for w in article.warnings)
        articles.append(article)
    _assign_slugs(articles)
    return articles, problems


def analyze(article: Article, lang: Lang) -> ArticleFacts:
    """One article through segmentation, publication date and extraction."""
    # 1. Sentences with anchors.
    article.sentences = split_sentences(article, lang)
    # 2. A publication date from the text when none was given, only where it is safe.
    if article.published is None:
        caption = [Sentence(id="caption", text=article.caption, paragraph=0, start=0, end=0)] if article.caption else []
        inferred = infer_publication(caption + article.sentences, lang)
        if inferred is not None:
            article.published, article.published_inferred = inferred, True
    # 3. Facts: the article through the Romanian spaCy pipeline and our components.
    return extract_article(article, budget=ARTICLE_BUDGET)


def run(seeds_dir: Path, lang: Optional[Lang] = None) -> Story:
    """Read and analyze every article of `seeds_dir`, and merge their chronology."""
    lang = lang or lang_mod.load()
    articles, problems = load_articles(seeds_dir, lang)
    facts = [analyze(a, lang) for a in articles]
    facts.sort(key=lambda f: (f.article.published is None, f.article.published or 0, f.article.id))
    return Story(articles=facts, timeline=build_timeline(facts), problems=problems)


def _display(path: Path, seeds_dir: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def slugify(text: str, limit: int = SLUG_MAX) -> str:
    """An ASCII slug: "Liderul nord-coreean Kim" -> "liderul-nord-coreean-kim"."""
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "articol"


def _assign_slugs(articles: list[Article]) -> None:
    used: set[str] = set()
    for article in articles:
        base = slugify(article.title)
        slug, n = base, 2
        while slug in used or slug == "index":
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        article.slug = slug


class BuildError(Exception):
    """The input has errors: nothing was written. `problems` lists them, each naming its file."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def generate(seeds_dir: Path, lang: Optional[Lang] = None) -> tuple[Story, dict[str, str]]:
    """The story and every generated file; raises BuildError when an input file is unusable."""
    story = run(seeds_dir, lang)
    fatal = [p for p in story.problems if p.fatal]
    if fatal:
        raise BuildError(fatal)
    return story, render_site(story)


def build(seeds_dir: Path, docs_dir: Path, lang: Optional[Lang] = None) -> tuple[Story, WriteReport]:
    """Regenerate the pages of `docs_dir` from `seeds_dir`; on any error, write nothing."""
    story, files = generate(seeds_dir, lang)
    return story, write_tree(docs_dir, files, MANAGED_DIRS)


def check(seeds_dir: Path, docs_dir: Path, lang: Optional[Lang] = None) -> list[str]:
    """Generated pages of `docs_dir` that are stale (empty list: up to date)."""
    _, files = generate(seeds_dir, lang)
    return stale_files(docs_dir, files, MANAGED_DIRS)
