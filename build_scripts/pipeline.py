"""The stages in order: read -> segment -> date -> extract -> chronology -> render -> write.

Each stage is a pure function over the records in `model.py` except the first (reads the seeds) and the
last (writes `docs/`). `run` stops at the story; `build` renders and writes it.
"""
from __future__ import annotations

import concurrent.futures
import copy
import functools
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from . import cache as cache_mod
from . import conflicts as conflicts_mod
from . import editorial as editorial_mod
from . import lang as lang_mod
from . import merge
from . import repeats as repeats_mod
from . import review as review_mod
from . import session
from . import stamp as stamp_mod
from . import storyfile
from .render.labels import number_label
from .storyfile import StoryFileError
from .cache import Cache
from .chronology import build_timeline
from .extract.timex import infer_publication
from .folders import entries
from .ingest import IngestError, read_article
from .lang import Lang, ascii_fold
from .model import Article, ArticleFacts, Problem, Sentence, Story, StoryInfo
from .render import MANAGED_DIRS, render_site
from .segment import split_sentences
from .writer import WriteReport, stale_files, write_tree


SLUG_MAX = 60
ARTICLE_BUDGET = 20.0  # seconds of extraction per article; past it, the facts found so far are kept


def load_articles(seeds_dir: Path, lang: Lang, editorial: Optional[editorial_mod.Editorial] = None,
                  reuse: bool = True) -> tuple[list[Article], list[Problem]]:
    """Every `*.txt` under `seeds_dir` (sorted by name), with the editor's metadata corrections, and the
    problems of those that failed. Unless `reuse` is False, an unchanged file read by an earlier build
    (of this process, or stored by another) is not parsed again."""
    articles: list[Article] = []
    problems: list[Problem] = []
    # The rules and the reading code are in the key when the language is the project's own.
    version = session.code_version() if lang is lang_mod.load() else id(lang)
    if reuse:
        session.load_read(seeds_dir)
    paths = [seeds_dir / name for name in _article_files(seeds_dir)]
    try:  # where the articles are shown from: relative to the working folder when inside it
        shown: Optional[Path] = seeds_dir.relative_to(Path.cwd())
    except ValueError:
        shown = None
    for path in paths:
        display = str(shown / path.name) if shown is not None else str(path)
        try:
            article = session.read(path, lambda p: read_article(p, lang, display_path=display), display, version,
                                   clone=_own_copy)
        except IngestError as exc:
            problems.append(exc.problem)
            continue
        problems.extend(Problem(article.path, w, fatal=False) for w in article.warnings)
        if editorial is not None and article.id in editorial.articles:
            _set_metadata(article, editorial.articles[article.id])
        articles.append(article)
    session.save_read(seeds_dir, paths)
    _assign_slugs(articles)
    return articles, problems


def _article_files(seeds_dir: Path) -> list[str]:
    """The names of the `*.txt` files of `seeds_dir`, sorted."""
    return sorted(e.name for e in entries(seeds_dir) if e.name.endswith(".txt") and e.is_file())


def _own_copy(article: Article) -> Article:
    """A copy of an article as read that a build may change: its fields are set anew (metadata, slug,
    sentences), and the extraction adds to its warnings."""
    own = copy.copy(article)
    own.warnings = list(article.warnings)
    return own


def _set_metadata(article: Article, meta: dict) -> None:
    """The editor's title, date, source, url and author of an article (seeds/editorial.yml)."""
    if meta.get("title"):
        article.title, article.title_derived = str(meta["title"]), False
    if meta.get("date"):
        article.published, article.published_inferred = meta["date"], False
    for field_name in ("source", "url", "author"):
        if meta.get(field_name):
            setattr(article, field_name, str(meta[field_name]))


def analyze(article: Article, lang: Lang) -> ArticleFacts:
    """One article through segmentation, publication date and extraction."""
    # 1-2. Sentences with anchors; a publication date from the text when none was given.
    prepare(article, lang)
    # 3. Facts: the article through the Romanian spaCy pipeline and our components.
    from .nlp import extract_article  # spaCy is imported only when something is extracted

    return extract_article(article, budget=ARTICLE_BUDGET)


@dataclass
class Options:
    """How to run the extraction: the cache, how many processes, whether to show progress."""

    cache: Cache = field(default_factory=Cache)
    jobs: int = field(default_factory=lambda: min(2, os.cpu_count() or 1))
    progress: Optional[bool] = None  # None: a bar only on a terminal


def run(seeds_dir: Path, lang: Optional[Lang] = None, options: Optional[Options] = None) -> Story:
    """Read and analyze every article of `seeds_dir`, apply the editor's corrections, and merge the
    story: entities, chronology, conflicts, the review list."""
    lang = lang or lang_mod.load()
    options = options or Options()
    seeds_dir = Path(seeds_dir)
    reuse = session.caches_on(options.cache.enabled)  # whether what earlier builds made may be reused
    # 1. The editor's files, then the articles (with the editor's metadata).
    try:
        editorial = editorial_mod.load(seeds_dir, _display(seeds_dir / editorial_mod.FILE, seeds_dir))
    except StoryFileError as exc:
        return Story(articles=[], timeline=[], problems=[exc.problem])
    articles, problems = load_articles(seeds_dir, lang, editorial, reuse)
    try:
        info, story_problems = storyfile.load(seeds_dir, articles, _display(seeds_dir / storyfile.FILE, seeds_dir))
    except StoryFileError as exc:
        return Story(articles=[], timeline=[], problems=problems + [exc.problem])
    problems += story_problems
    # 2. Facts of every article: cached, or extracted (in parallel).
    facts = extract_all(articles, lang, options, seeds_dir)
    for f in facts:
        problems.extend(Problem(f.article.path, w, fatal=False) for w in f.article.warnings
                        if w.startswith("extraction stopped"))
    facts.sort(key=lambda f: (f.article.published is None, f.article.published or 0, f.article.id))
    # 3. A repeated paragraph counts once; then the editor's corrections, wherever the fact is.
    def kept(stage: str) -> Optional[session.Reuse]:
        """What the stage made in this process's last build, for what did not change."""
        return session.reuse(seeds_dir, stage) if reuse else None

    repeats = session.repeat_finder(seeds_dir).find(facts, session.code_version(), reuse=reuse)
    repeats_mod.drop_repeated_facts(facts, repeats, kept("repeats"))
    corrections, unmatched = editorial_mod.apply(editorial, facts)
    problems += unmatched
    # 4. The story: one name per entity, the chronology, what the articles disagree on, the review list.
    entities = merge.story_entities(facts, slugify, kept("names"))
    timeline = build_timeline(facts, kept("chronology"))
    story = Story(articles=facts, timeline=timeline, problems=problems, info=info, entities=entities,
                  conflicts=conflicts_mod.find(facts, timeline, number_label, kept("conflicts")),
                  corrections=corrections, repeats=repeats)
    story.review = review_mod.items(story, kept("review"))
    return story


def extract_all(articles: list[Article], lang: Lang, options: Options,
                seeds_dir: Optional[Path] = None) -> list[ArticleFacts]:
    """The facts of every article: from the cache when nothing they depend on changed, else extracted,
    in parallel processes when there are several (each loads the model once). The process keeps the
    facts of the articles of `seeds_dir` for its next build."""
    results: dict[int, ArticleFacts] = {}
    todo: list[tuple[int, Article, str]] = []
    keys = [cache_mod.key_of_source(article) for article in articles]
    before: dict[str, str] = {}  # article file -> the key of its facts in this process's last build
    if seeds_dir is not None:
        before = session.used_facts(seeds_dir, {article.path: k for article, k in zip(articles, keys)})
    for index, (article, k) in enumerate(zip(articles, keys)):
        # Kept by this process since an earlier build, else read from the cache folder.
        cached = session.FACTS.get(k) if options.cache.enabled else None
        if cached is None:
            cached = options.cache.get(k)
            if cached is not None:
                session.keep_facts(k, cached)
        if cached is not None:
            results[index] = cached.facts_for(article)  # its sentences and date come from the cache too
        else:
            todo.append((index, article, k))
    if todo:
        bar = _progress(len(todo), options)
        jobs = max(1, min(options.jobs, len(todo)))
        if jobs == 1:
            # An edited article's paragraphs that did not change are not parsed again (`nlp.keep_parses`).
            done = ((i, _extract_one(a, options.cache.get_parses(before[a.path]) if a.path in before else None))
                    for i, a, _ in todo)
        else:
            pool = concurrent.futures.ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker)
            futures = {pool.submit(_extract_one, a): i for i, a, _ in todo}
            done = ((futures[f], f.result()) for f in concurrent.futures.as_completed(futures))
        todo_keys = {i: k for i, _, k in todo}
        try:
            for index, (extraction, parses) in done:
                if options.cache.put(todo_keys[index], extraction) is not None:
                    session.keep_facts(todo_keys[index], extraction)
                options.cache.put_parses(todo_keys[index], parses)
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


def _extract_one(article: Article, parses: Optional[bytes] = None) -> tuple["cache_mod.Extraction", Optional[bytes]]:
    """Worker: one article's extraction, and the model's parses of its paragraphs for the cache
    (picklable in, picklable out). `parses`: those of an earlier version of the article."""
    from . import nlp

    if parses is not None:
        nlp.keep_parses(parses)
    before = len(article.warnings)
    facts = analyze(article, lang_mod.load())
    return cache_mod.Extraction.of(facts, facts.article.warnings[before:]), nlp.parses_of(facts.article)


def _progress(total: int, options: Options):
    """A progress bar on a terminal (tqdm), nothing otherwise."""
    show = sys.stderr.isatty() if options.progress is None else options.progress
    from tqdm import tqdm

    return tqdm(total=total, desc="extraction", unit="article", disable=not show or total < 2, leave=False)


def first_sentence(text: Optional[str], limit: int = 200) -> Optional[str]:
    """The first sentence of a summary, for descriptions."""
    if not text:
        return None
    first = re.split(r"(?<=[.!?])\s", " ".join(text.split()), maxsplit=1)[0]
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


def story_info(seeds_dir: Path, lang: Optional[Lang] = None) -> StoryInfo:
    """The story's title, summary and address (seeds/story.yml), without extracting anything; with no
    story file, a title made from the articles. A malformed file raises BuildError."""
    lang = lang or lang_mod.load()
    seeds_dir = Path(seeds_dir)
    try:
        editorial = editorial_mod.load(seeds_dir, _display(seeds_dir / editorial_mod.FILE, seeds_dir))
        articles, _ = load_articles(seeds_dir, lang, editorial)
        info, _ = storyfile.load(seeds_dir, articles, _display(seeds_dir / storyfile.FILE, seeds_dir))
    except StoryFileError as exc:
        raise BuildError([exc.problem]) from exc
    return info


def _display(path: Path, seeds_dir: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@functools.lru_cache(maxsize=1 << 16)  # by value: the story's names come back on every build of `serve`
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
             options: Optional[Options] = None) -> tuple[Story, dict[str, Union[str, bytes]]]:
    """The story and every generated file; raises BuildError when an input file is unusable. Pages whose
    inputs did not change since an earlier build come from the page memo (unless caches are off)."""
    options = options or Options()
    with session.one_build():
        story = run(seeds_dir, lang, options)
        fatal = [p for p in story.problems if p.fatal]
        if fatal:
            raise BuildError(fatal)
        return story, render_site(story, session.page_memo(Path(seeds_dir)),
                                  reuse=session.caches_on(options.cache.enabled),
                                  kept=lambda name: session.reuse(Path(seeds_dir), name))


def build(seeds_dir: Path, docs_dir: Path, lang: Optional[Lang] = None,
          options: Optional[Options] = None) -> tuple[Story, WriteReport]:
    """Regenerate the pages of `docs_dir` from `seeds_dir`; on any error, write nothing."""
    with session.one_build():
        story, files = generate(seeds_dir, lang, options)
        reuse = session.caches_on((options or Options()).cache.enabled)
        written = session.written(docs_dir) if reuse else None
        report = write_tree(docs_dir, files, MANAGED_DIRS, written)
        stamp_mod.record(seeds_dir, docs_dir, story.problems, session.read_digest if reuse else None, written)
    return story, report


def up_to_date(seeds_dir: Path, docs_dir: Path) -> Optional[list[Problem]]:
    """The problems of the last build when nothing it depends on changed since (its pages are current),
    else None. Lets the MkDocs hook reuse the build that `make site` just ran."""
    return stamp_mod.current(seeds_dir, docs_dir, session.file_digest)  # a file's digest while its status holds


def check(seeds_dir: Path, docs_dir: Path, lang: Optional[Lang] = None,
          options: Optional[Options] = None) -> tuple[list[str], list[Problem]]:
    """Generated pages of `docs_dir` that are stale (empty list: up to date), and the build's warnings."""
    story, files = generate(seeds_dir, lang, options)
    return stale_files(docs_dir, files, MANAGED_DIRS), story.problems
