"""The build stamp: what the last build of a docs folder was made from, so a second run can skip it.

`make site` runs the build scripts, then `mkdocs build`, whose hook would build the same pages again.
After a build, the stamp records a fingerprint of every input (the files of `seeds/`, the language rules,
the model, the build code) and of the pages written; the hook finds the fingerprint unchanged and does
nothing. Any change to an input, or a page edited or removed in `docs/`, gives another fingerprint.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Callable, Optional

from . import storing, writer
from .folders import entries
from .model import Problem

PACKAGE = Path(__file__).resolve().parent
STAMP_DIR = PACKAGE.parent / ".cache" / "stamps"


def _inputs(seeds_dir: Path, known: Optional[Callable[[Path], Optional[bytes]]] = None) -> str:
    """A digest of every input: the names and contents of the build code and of the seeds (`known(path)`
    gives the digest of a seeds file the build read, `content_digest` of its bytes, or None)."""
    from . import cache

    digest = hashlib.sha256(cache.environment_version().encode())
    for rel, _ in sorted(_files(str(PACKAGE)), key=lambda item: item[0].split("/")):  # templates too
        if os.path.splitext(rel)[1] in (".py", ".j2", ".yaml", ".css", ".html"):
            with open(os.path.join(PACKAGE, rel), "rb") as f:
                digest.update(rel.encode() + b"\0" + content_digest(f.read()))
    seeds = Path(seeds_dir)
    for name in sorted(e.name for e in entries(str(seeds)) if e.is_file()):
        path = seeds / name
        found = known(path) if known is not None else None
        digest.update(name.encode() + b"\0" + (found or content_digest(path.read_bytes())))
    return digest.hexdigest()


def content_digest(data: bytes) -> bytes:
    """The digest of a file's bytes in the stamp (the one `session.read` keeps of each article)."""
    return hashlib.blake2b(data, digest_size=16).digest()


def _outputs(docs_dir: Path, written: Optional[dict] = None) -> str:
    """Names, sizes and modification times of the generated pages (cheap; an edit changes them).
    `written`: what the build just wrote or found in the folder (`writer.Known`, by real path), whose
    file status is not asked for again."""
    digest = hashlib.sha256()
    top = os.path.realpath(docs_dir) if written else str(docs_dir)
    for rel, entry in sorted(_files(top), key=lambda item: item[0].split("/")):
        found = writer.size_and_time(written, entry.path) if written and not entry.is_symlink() else None
        size, mtime = found if found is not None else _size_and_time(entry)
        digest.update(f"{rel}\0{size}\0{mtime}\n".encode())
    return digest.hexdigest()


def _size_and_time(entry: os.DirEntry) -> tuple[int, int]:
    stat = entry.stat()
    return stat.st_size, stat.st_mtime_ns


def _files(top: str, prefix: str = "") -> list[tuple[str, os.DirEntry]]:
    """Every file under `top` (relative path, its entry), symbolic links to files included, linked
    folders not entered (as `Path.rglob` walks)."""
    out = []
    for entry in entries(top):
        rel = prefix + entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                out += _files(entry.path, rel + "/")
            elif entry.is_file():
                out.append((rel, entry))
        except OSError:
            continue
    return out


def _path(docs_dir: Path) -> Path:
    return STAMP_DIR / (hashlib.sha256(str(Path(docs_dir).resolve()).encode()).hexdigest()[:16] + ".json")


def record(seeds_dir: Path, docs_dir: Path, problems: list[Problem],
           known: Optional[Callable[[Path], Optional[bytes]]] = None, written: Optional[dict] = None) -> None:
    """Remember this build of `docs_dir` (and its warnings, which a skipped build must repeat); `known`:
    the digests of the seeds files as the build read them (see `_inputs`); `written`: see `_outputs`."""
    data = {"inputs": _inputs(seeds_dir, known), "outputs": _outputs(docs_dir, written),
            "problems": [[p.path, p.message, p.fatal] for p in problems]}
    storing.write(_path(docs_dir), json.dumps(data).encode("utf-8"))


def current(seeds_dir: Path, docs_dir: Path,
            known: Optional[Callable[[Path], Optional[bytes]]] = None) -> Optional[list[Problem]]:
    """The last build's problems if its inputs and pages are unchanged, else None. `known(path)`: the
    digest of a seeds file's bytes as they are now (`content_digest`), or None to read them."""
    try:
        data = json.loads(_path(docs_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("inputs") != _inputs(seeds_dir, known) or data.get("outputs") != _outputs(docs_dir):
        return None
    return [Problem(*p) for p in data.get("problems", [])]
