"""What one process keeps between builds, so that `mkdocs serve` shows an edit in about a second.

The MkDocs hook lives as long as `serve`, and calls `pipeline.build` on every change. Each build starts
from the inputs again (nothing here is trusted without its key), but a second build in the same process
finds: the spaCy model already loaded (`nlp.load` keeps it); the articles it read before (by the bytes
of their file, so the YAML front matter is not parsed again, and the bytes are not read again while
the file's status is unchanged); each article's extracted facts as records
(by cache key, neither read from the cache folder nor unpickled again); what the stages made of records
that did not change (`Reuse`: an article's facts without its repeated paragraphs, its dated sentences,
its review items, the variants of the story's names, the signatures of pages' inputs); the trace of the
last run of `repeats.py`; the page memo (`render/memo.py`) with its texts in memory; and the pages it
wrote (`writer.py` does not read them again). A fresh `python -m build_scripts build` starts empty and
reads what `.cache/` holds (facts, page memo, trace, the articles read).

What is kept is shared by every later build, so nothing may change it: `read` hands out copies of the
articles, and the stages that correct facts (repeats.py, merge.py, editorial.py) put a changed copy in
the place of a record instead of changing it (`tests/test_kept_facts.py` checks it).

A build (`one_build`) also pauses the cycle collector: it allocates millions of small records, and the
collector would walk them again and again.
"""
from __future__ import annotations

import contextlib
import copy
import gc
import os
import pickle
import time
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, TypeVar

from . import storing
from .render.memo import PageMemo, code_version, one_build as memo_one_build, wait as memo_wait
from .repeats import Finder
from .stamp import content_digest

T = TypeVar("T")
_MEMOS: dict[str, PageMemo] = {}
_FINDERS: dict[str, Finder] = {}
# file -> ((content digest, key), the record as read (never changed; None until first used), its pickle)
_READ: dict[str, tuple[tuple, Any, bytes]] = {}
_DIGESTS: dict[str, tuple[tuple, bytes]] = {}  # file -> (its status, the digest of its bytes), see `_digest`
RACY_NS = 3_000_000_000
_READ_NEW: set[str] = set()  # files read anew since their records were last stored
_READ_LOADED: set[str] = set()  # seeds folders whose stored records were loaded
_READ_STORED: dict[str, set[str]] = {}  # seeds folder -> the files whose records it stored or loaded
FACTS: dict[str, Any] = {}  # cache key -> extraction (cache.Extraction), shared by builds: never changed
_FACTS_USED: dict[str, dict[str, str]] = {}  # seeds folder -> article file -> key of the facts its last build used
_WRITTEN: dict[str, dict] = {}  # docs folder -> what writer.write_tree wrote or found there (writer.Known)
_REUSE: dict[tuple[str, str], "Reuse"] = {}  # (seeds folder, stage) -> what the stage made in the last build


def page_memo(seeds_dir: Path) -> PageMemo:
    """The page memo of a seeds folder (one per folder, kept for the life of the process)."""
    name = str(Path(seeds_dir).resolve())
    memo = _MEMOS.get(name)
    if memo is None:
        memo = _MEMOS[name] = PageMemo(Path(seeds_dir))
    return memo


def read(path: Path, reader: Callable[[Path], T], *key: object, clone: Callable[[T], T] = copy.deepcopy) -> T:
    """`reader(path)`, or `clone` of what it returned for the same bytes of this file (and `key`) in an
    earlier build: the caller may change what it gets (`clone` copies what it may change), the kept
    record stays as read."""
    try:
        sign = (_digest(path), *key)
    except OSError:
        return reader(path)
    found = _READ.get(str(path))
    if found is not None and found[0] == sign:
        if found[1] is None:  # stored by an earlier process
            found = _READ[str(path)] = (sign, pickle.loads(found[2]), found[2])
        return clone(found[1])
    value = reader(path)  # raises on a bad file: nothing is kept
    _READ[str(path)] = (sign, clone(value), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    _READ_NEW.add(str(path))
    return value


def _digest(path: Path) -> bytes:
    """`content_digest` of the bytes of `path`, not read again while the file's status (size, times,
    inode) is the one it had when they were last read. A file changed less than RACY_NS before that
    read is read every time: a second change within the file system's clock tick could keep its status."""
    status = os.stat(path)
    sign = (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev)
    found = _DIGESTS.get(str(path))
    if found is not None and found[0] == sign:
        return found[1]
    digest = content_digest(path.read_bytes())
    if time.time_ns() - max(status.st_mtime_ns, status.st_ctime_ns) > RACY_NS:
        _DIGESTS[str(path)] = (sign, digest)
    else:
        _DIGESTS.pop(str(path), None)
    return digest


def file_digest(path: Path) -> Optional[bytes]:
    """`content_digest` of the bytes of `path` now (not read again while its status is unchanged, see
    `_digest`), or None when it cannot be read."""
    try:
        return _digest(path)
    except OSError:
        return None


def read_digest(path: Path) -> Optional[bytes]:
    """The digest of the bytes of `path` when `read` last read it (`stamp.content_digest`), or None."""
    found = _READ.get(str(path))
    return found[0][0] if found is not None else None


def load_read(seeds_dir: Path) -> None:
    """What an earlier process read of the files of `seeds_dir` (`read`), once per process: a fresh
    build does not parse a thousand unchanged articles again."""
    name = str(Path(seeds_dir).resolve())
    if name in _READ_LOADED:
        return
    _READ_LOADED.add(name)
    storing.wait(_read_path(seeds_dir))
    try:
        kept = pickle.loads(_read_path(seeds_dir).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return
    if isinstance(kept, dict):
        for path, entry in kept.items():
            if isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], bytes):
                _READ.setdefault(path, (entry[0], None, entry[1]))
        _READ_STORED[name] = set(kept)


def save_read(seeds_dir: Path, paths: list[Path]) -> None:
    """Store what was read of `paths` for the next process, when something was read anew; only records
    whose key does not depend on this process (a `str` key, such as a code version)."""
    names, folder = {str(p) for p in paths}, str(Path(seeds_dir).resolve())
    if not _READ_NEW & names and _READ_STORED.get(folder) == names:
        return
    _READ_NEW.difference_update(names)
    _READ_STORED[folder] = names
    kept = {n: (_READ[n][0], _READ[n][2]) for n in names
            if n in _READ and all(isinstance(k, str) for k in _READ[n][0][1:])}
    storing.write_later(_read_path(seeds_dir), pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))


def _read_path(seeds_dir: Path) -> Path:
    memo = PageMemo(Path(seeds_dir))
    return memo.folder / (memo.path.stem + ".articles.pickle")


def written(docs_dir: Path) -> dict:
    """What this process wrote into `docs_dir` (texts and file status), for the next write."""
    return _WRITTEN.setdefault(str(Path(docs_dir).resolve()), {})


def keep_facts(key: str, extraction: Any) -> None:
    """Keep an extraction for the next builds of this process (callers never change it)."""
    FACTS[key] = extraction


def used_facts(seeds_dir: Path, keys: dict[str, str]) -> dict[str, str]:
    """The facts a build of `seeds_dir` used (article file -> key): those no folder's last build used
    are let go. Returns those of the folder's build before (an edited article's earlier key)."""
    name = str(Path(seeds_dir).resolve())
    before = _FACTS_USED.get(name, {})
    _FACTS_USED[name] = keys
    wanted = set().union(*(used.values() for used in _FACTS_USED.values()))
    for k in [k for k in FACTS if k not in wanted]:
        del FACTS[k]
    return before


@contextlib.contextmanager
def one_build() -> Iterator[None]:
    """What lasts one build: the cycle collector paused (`no_gc`), the build code digested once."""
    with no_gc(), memo_one_build():
        yield


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """The cycle collector paused for one build: a build allocates millions of small records that all
    live until it ends, and the collector would walk them again and again (a third of a warm build)."""
    enabled = gc.isenabled()
    gc.disable()
    if enabled:
        gc.unfreeze()  # what the last build left is collectable again (in the oldest generation)
    try:
        yield
    finally:
        if enabled:
            # Enabled as it was, the collector would first walk every record the build made (a fifth of
            # a second at 1000 articles); frozen, they are freed by reference counting as usual, and any
            # cycles among them are collected after the next build starts.
            gc.freeze()
            gc.enable()


class Reuse:
    """What a stage made in the last build from records that never change (those the process keeps,
    and what it made from them), found again by the identity of those records: the next build takes it
    instead of making it again. An entry holds its records, so their identities stay theirs; entries
    the last build did not ask for are let go."""

    def __init__(self) -> None:
        self._last: dict[tuple, tuple] = {}
        self._now: dict[tuple, tuple] = {}

    def get(self, records: tuple, values: tuple, make: Callable[[], T]) -> T:
        """`make()`, or what it returned in the last build for the same `records` (by identity) and
        `values` (by equality)."""
        key = (*map(id, records), *values)
        found = self._now.get(key)
        if found is None:
            found = self._last.get(key)
            if found is None:
                found = (records, make())
            self._now[key] = found
        return found[1]

    def done(self) -> None:
        """The end of a build's stage: what it did not ask for again is let go."""
        self._last, self._now = self._now, {}


def reuse(seeds_dir: Path, stage: str) -> Reuse:
    """The `Reuse` of a stage for a seeds folder (one per folder and stage, kept for the life of the
    process)."""
    name = (str(Path(seeds_dir).resolve()), stage)
    found = _REUSE.get(name)
    if found is None:
        found = _REUSE[name] = Reuse()
    return found


def repeat_finder(seeds_dir: Path) -> Finder:
    """The repeated-paragraph finder of a seeds folder, with the trace of its last run (kept in this
    process and beside the page memo)."""
    name = str(Path(seeds_dir).resolve())
    finder = _FINDERS.get(name)
    if finder is None:
        memo = PageMemo(Path(seeds_dir))
        path = memo.folder / (memo.path.stem + ".repeats.pickle")
        finder = _FINDERS[name] = Finder(path)
    return finder


def forget() -> None:
    """Drop everything kept (tests); what is being stored is stored first."""
    memo_wait()
    storing.wait()
    _MEMOS.clear()
    _FINDERS.clear()
    _READ.clear()
    _DIGESTS.clear()
    _READ_NEW.clear()
    _READ_LOADED.clear()
    _READ_STORED.clear()
    _WRITTEN.clear()
    FACTS.clear()
    _FACTS_USED.clear()
    _REUSE.clear()


def caches_on(enabled: bool) -> bool:
    """Whether a build may reuse what earlier builds kept: not with `--no-cache` (`enabled=False`) nor
    EXPLAINER_NO_CACHE, which still store what they make, for the next build."""
    return enabled and os.environ.get("EXPLAINER_NO_CACHE", "") == ""
