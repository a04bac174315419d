"""Extract once: a content-addressed cache of each article's facts, shared by every command.

The key is a hash of everything the extraction of one article depends on: its paragraphs and
publication date, the language rules (`lang/ro/*.yaml`), the statistical model's name and version, and
the extraction code itself. A changed article, rule file, model or extractor gives a new key, so exactly
what must be redone is redone; nothing else is ever invalidated by hand. Values are pickles of the
extraction's output, written atomically under `.cache/facts/` (git-ignored). Beside each, the model's
parses of the article's paragraphs (`nlp.parses_of`): when the article is edited, its next extraction
parses only the paragraphs that changed.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from . import storing
from .model import Article, ArticleFacts

PACKAGE = Path(__file__).resolve().parent
DEFAULT_DIR = PACKAGE.parent / ".cache" / "facts"
# The modules whose code decides what an article's facts are.
CODE = ("nlp.py", "segment.py", "model.py", "names.py", "extract")
FORMAT = 1


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the extraction code (every file that decides an article's facts)."""
    digest = hashlib.sha256(str(FORMAT).encode())
    for name in CODE:
        path = PACKAGE / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(file.relative_to(PACKAGE).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def environment_version() -> str:
    """Rules, model and code together: what every key shares."""
    from . import lang, nlp

    return f"{lang.rules_fingerprint()}-{nlp.model_version()}-{code_version()}"


def key_of_source(article: Article) -> str:
    """The cache key of one article's extraction, from the article as read (before segmentation): its
    paragraphs, caption and the publication date it was given."""
    published = article.published.isoformat() if article.published else None
    sign = (environment_version(), tuple(article.paragraphs), published, article.caption)
    found = _KEYS.get(sign)  # asked twice a build (facts, page memo), and again by each build of `serve`
    if found is None:
        content = json.dumps([article.paragraphs, published, article.caption], ensure_ascii=False)
        found = hashlib.sha256(f"{environment_version()}\0{content}".encode()).hexdigest()
        if len(_KEYS) >= KEYS_MAX:
            _KEYS.clear()
        _KEYS[sign] = found
    return found


_KEYS: dict[tuple, str] = {}
KEYS_MAX = 20_000


@dataclass
class Extraction:
    """What the extraction adds to an article: the part of `ArticleFacts` the cache stores."""

    sentences: list
    published: Optional[object]
    published_inferred: bool
    warnings: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    numbers: list = field(default_factory=list)
    people: list = field(default_factory=list)
    places: list = field(default_factory=list)
    organizations: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    sources: list = field(default_factory=list)

    @classmethod
    def of(cls, facts: ArticleFacts, warnings: list[str]) -> "Extraction":
        a = facts.article
        return cls(a.sentences, a.published, a.published_inferred, warnings, facts.dates, facts.numbers,
                   facts.people, facts.places, facts.organizations, facts.quotes, facts.sources)

    def facts_for(self, article: Article) -> ArticleFacts:
        """The facts of `article` (freshly read: its slug and path are this build's) from the cache. The
        lists are the build's own; the records in them are this extraction's, which a process keeps for
        its next builds (`session.py`): a stage that changes a record puts a changed copy in its place."""
        article.sentences = self.sentences
        article.published, article.published_inferred = self.published, self.published_inferred
        article.warnings = list(dict.fromkeys([*article.warnings, *self.warnings]))
        return ArticleFacts(article=article, dates=list(self.dates), numbers=list(self.numbers),
                            people=list(self.people), places=list(self.places),
                            organizations=list(self.organizations), quotes=list(self.quotes),
                            sources=list(self.sources))


class Cache:
    """Pickled extractions by key under `folder`. `enabled=False` (`--no-cache`) reads nothing, so every
    article is extracted again, but stores what it extracted: the next build is warm. `store=False`
    (tests, benchmarks of the extraction alone) also writes nothing."""

    def __init__(self, folder: Path = DEFAULT_DIR, enabled: bool = True, store: bool = True):
        self.folder = Path(folder)
        self.enabled = enabled and os.environ.get("EXPLAINER_NO_CACHE", "") == ""
        self.store = store
        self.hits = self.misses = 0

    def _path(self, k: str) -> Path:
        return self.folder / k[:2] / f"{k}.pickle"

    def _parses_path(self, k: str) -> Path:
        return self._path(k).with_suffix(".parses")

    def get(self, k: str) -> Optional[Extraction]:
        return self.load(self.read(k))

    def read(self, k: str) -> Optional[bytes]:
        """The stored bytes of key `k` (None when absent or when the cache is off)."""
        return self._stored(self._path(k))

    def _stored(self, path: Path) -> Optional[bytes]:
        """The bytes of a file of the cache (None when absent or when the cache is off)."""
        if not self.enabled:
            return None
        try:
            return path.read_bytes()
        except OSError:
            return None

    def load(self, data: Optional[bytes]) -> Optional[Extraction]:
        """The extraction stored as `data` (None when there is none or it cannot be read)."""
        if data is None:
            self.misses += 1
            return None
        try:
            value = pickle.loads(data)
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return value if isinstance(value, Extraction) else None

    def get_parses(self, k: str) -> Optional[bytes]:
        """The parses stored beside the extraction of key `k` (None when absent or the cache is off)."""
        return self._stored(self._parses_path(k))

    def put_parses(self, k: str, data: Optional[bytes]) -> None:
        """Store the parses of the article of key `k` beside its extraction."""
        if self.store and data is not None:
            storing.write(self._parses_path(k), data)

    def put(self, k: str, value: Extraction) -> Optional[bytes]:
        """Store `value` under `k`; its bytes (None when nothing is stored)."""
        if not self.store:
            return None
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        storing.write(self._path(k), data)
        return data

