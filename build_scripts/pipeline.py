"""The stages in order: read -> segment -> date -> extract -> chronology -> render -> write.

Each stage is a pure function over the records in `model.py` except the first (reads the seeds) and the
last (writes `docs/`). `run` stops at the story; `build` renders and writes it.
"""
from __future__ import annotations

import concurrent.futures
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from . import cache as cache_mod
from . import lang as lang_mod
from . import stamp as stamp_mod
from .cache import Cache
from .chronology import build_timeline
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
    # 1-2. Sentences with anchors; a publication date from the text when none was given.
    prepare(article, lang)
    # 3. Facts: the article through the Romanian spaCy pipeline and our components.
    from .extract.records import extract_article  # spaCy is imported only when something is extracted

    return extract_article(article, budget=ARTICLE_BUDGET)


@dataclass
class Options:
    """How to run the extraction: the cache, how many processes, whether to show progress."""

    cache: Cache = field(default_factory=Cache)
    jobs: int = field(default_factory=lambda: min(2, os.cpu_count() or 1))
    progress: Optional[bool] = None  # None: a bar only on a terminal


def run(seeds_dir: Path, lang: Optional[Lang] = None, options: Optional[Options] = None) -> Story:
    """Read and analyze every article of `seeds_dir`, and merge their chronology."""
    lang = lang or lang_mod.load()
    options = options or Options()
    articles, problems = load_articles(seeds_dir, lang)
    facts = extract_all(articles, lang, options)
    for f in facts:
        problems.extend(Problem(f.article.path, w, fatal=False) for w in f.article.warnings
                        if w.startswith("extraction stopped"))
    facts.sort(key=lambda f: (f.article.published is None, f.article.published or 0, f.article.id))
    return Story(articles=facts, timeline=build_timeline(facts), problems=problems)


def extract_all(articles: list[Article], lang: Lang, options: Options) -> list[ArticleFacts]:
    """The facts of every article: from the cache when nothing they depend on changed, else extracted,
    in parallel processes when there are several (each loads the model once)."""
    results: dict[int, ArticleFacts] = {}
    todo: list[tuple[int, Article, str]] = []
    for index, article in enumerate(articles):
        k = cache_mod.key_of_source(article)
        cached = options.cache.get(k)
        if cached is not None:
            prepared = prepare(article, lang)
            results[index] = cached.facts_for(prepared)
        else:
            todo.append((index, article, k))
    if todo:
        bar = _progress(len(todo), options)
        jobs = max(1, min(options.jobs, len(todo)))
        if jobs == 1:
            done = ((i, _extract_one(a)) for i, a, _ in todo)
        else:
            pool = concurrent.futures.ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker)
            futures = {pool.submit(_extract_one, a): i for i, a, _ in todo}
            done = ((futures[f], f.result()) for f in concurrent.futures.as_completed(futures))
        keys = {i: k for i, _, k in todo}
        try:
            for index, extraction in done:
                options.cache.put(keys[index], extraction)
                results[index] = extraction.facts_for(articles[index])
                bar.update(1)
        finally:
            bar.close()
            if jobs > 1:
                pool.shutdown()
    return [results[i] for i in range(len(articles))]


def prepare(article: Article, lang: Lang) -> Article:
    """Sentences with anchors, and a publication date from the text when none was given (where safe)."""
    article.sentences = split_sentences(article, lang)
    if article.published is None:
        caption = [Sentence(id="caption", text=article.caption, paragraph=0, start=0, end=0)] if article.caption else []
        inferred = infer_publication(caption + article.sentences, lang)
        if inferred is not None:
            article.published, article.published_inferred = inferred, True
    return article


def _init_worker() -> None:
    from . import nlp

    nlp.load()


def _extract_one(article: Article) -> "cache_mod.Extraction":
    """Worker: one article's extraction (picklable in, picklable out)."""
    before = len(article.warnings)
    facts = analyze(article, lang_mod.load())
    return cache_mod.Extraction.of(facts, facts.article.warnings[before:])


def _progress(total: int, options: Options):
    """A progress bar on a terminal (tqdm), nothing otherwise."""
    show = sys.stderr.isatty() if options.progress is None else options.progress
    from tqdm import tqdm

    return tqdm(total=total, desc="extraction", unit="article", disable=not show or total < 2, leave=False)


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


def generate(seeds_dir: Path, lang: Optional[Lang] = None,
             options: Optional[Options] = None) -> tuple[Story, dict[str, str]]:
    """The story and every generated file; raises BuildError when an input file is unusable."""
    story = run(seeds_dir, lang, options)
    fatal = [p for p in story.problems if p.fatal]
    if fatal:
        raise BuildError(fatal)
    return story, render_site(story)


def build(seeds_dir: Path, docs_dir: Path, lang: Optional[Lang] = None,
          options: Optional[Options] = None) -> tuple[Story, WriteReport]:
    """Regenerate the pages of `docs_dir` from `seeds_dir`; on any error, write nothing."""
    story, files = generate(seeds_dir, lang, options)
    report = write_tree(docs_dir, files, MANAGED_DIRS)
    stamp_mod.record(seeds_dir, docs_dir, story.problems)
    return story, report


def up_to_date(seeds_dir: Path, docs_dir: Path) -> Optional[list[Problem]]:
    """The problems of the last build when nothing it depends on changed since (its pages are current),
    else None. Lets the MkDocs hook reuse the build that `make site` just ran."""
    return stamp_mod.current(seeds_dir, docs_dir)


def check(seeds_dir: Path, docs_dir: Path, lang: Optional[Lang] = None,
          options: Optional[Options] = None) -> list[str]:
    """Generated pages of `docs_dir` that are stale (empty list: up to date)."""
    _, files = generate(seeds_dir, lang, options)
    return stale_files(docs_dir, files, MANAGED_DIRS)
