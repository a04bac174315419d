"""Write generated files into docs/: all or nothing, and only what changed.

The whole file map is rendered in memory before this runs, so a failed generation writes nothing. Here
each file is first written beside its target and renamed over it (never half-written); files whose
content is unchanged are not touched, so `mkdocs serve` does not see a change and rebuild forever.
Generated files that no longer exist in the map (an article removed) are deleted - only inside the
folders the build owns. A long-running process (`mkdocs serve`) passes what it wrote last time (`known`):
a file whose status (size, times, inode) is the one recorded after that write, and whose new content is
the same text, is not read again.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from .folders import entries

_UMASK = os.umask(0o022)
os.umask(_UMASK)  # read once: the process's umask

Content = Union[str, bytes]  # a page's text, or a data file's UTF-8 bytes
Known = dict[str, tuple[Content, tuple]]  # real path -> (content written or found, its file status then)


@dataclass
class WriteReport:
    """What a write changed."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def write_tree(docs_dir: Path, files: dict[str, Content], managed_dirs: tuple[str, ...],
               known: Optional[Known] = None) -> WriteReport:
    """Bring `docs_dir` to `files` (docs-relative paths), removing stale files in `managed_dirs`. `known`
    (kept by the caller between writes, updated here) spares reading files this process wrote."""
    report = WriteReport()
    root = docs_dir.resolve()
    targets = _targets(root, files)
    staged: list[tuple[str, str]] = []
    known = {} if known is None else known
    try:
        # 1. Stage every changed file next to its target.
        for target, content in targets.items():
            if _known(known, target, content):
                report.unchanged += 1
                continue
            data = encoded(content)
            if _holds(target, data):
                _remember(known, target, content)
                report.unchanged += 1
                continue
            known.pop(target, None)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".tmp-", suffix=os.path.splitext(target)[1])
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; a page is as readable as any file written here
            staged.append((tmp, target))
        # 2. Swap them in.
        for tmp, target in staged:
            os.replace(tmp, target)
            _remember(known, target, targets[target])
            report.written.append(os.path.relpath(target, root))
        staged = []
    finally:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
    # 3. Remove what the build generated before but no longer does.
    for path in _generated(root, managed_dirs):
        if path not in targets:
            os.unlink(path)
            known.pop(path, None)
            report.removed.append(os.path.relpath(path, root))
    return report


def _targets(root: Path, files: dict[str, Content]) -> dict[str, Content]:
    """The real path of each file (symbolic links followed, as `Path.resolve` does), refusing any outside
    `root`; each folder is resolved and listed once (for the links in it), not each file."""
    real_dirs: dict[str, str] = {}
    links: dict[str, set[str]] = {}  # folder -> the names of the symbolic links in it
    targets: dict[str, Content] = {}
    inside = str(root) + os.sep
    for rel, content in files.items():
        folder, name = os.path.split(rel)
        real = real_dirs.get(folder)
        if real is None:
            real = real_dirs[folder] = os.path.realpath(os.path.join(root, folder))
            links[folder] = _links_in(real)
        target = os.path.join(real, name)
        if name in ("", ".", "..") or name in links[folder]:
            target = os.path.realpath(os.path.join(root, rel))
        if not target.startswith(inside):
            raise ValueError(f"refusing to write outside {root}: {rel}")
        targets[target] = content
    return targets


def _links_in(folder: str) -> set[str]:
    """The names of the symbolic links in `folder` (none when it does not exist yet)."""
    return {entry.name for entry in entries(folder) if entry.is_symlink()}


def _status(target: str) -> Optional[tuple]:
    try:
        st = os.stat(target)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def _known(known: Known, target: str, content: Content) -> bool:
    """Whether `target` still holds what this process last wrote or found there, and that is `content`."""
    found = known.get(target)
    if found is None or not (found[0] is content or found[0] == content):
        return False
    return _status(target) == found[1]


def _remember(known: Known, target: str, content: Content) -> None:
    status = _status(target)
    if status is None:
        known.pop(target, None)
    else:
        known[target] = (content, status)


def size_and_time(known: Known, target: str) -> Optional[tuple[int, int]]:
    """Size and modification time (ns) of `target` as the last write found or left it, if it did."""
    found = known.get(target)
    return None if found is None else (found[1][0], found[1][1])


def _holds(target: str, data: bytes) -> bool:
    """Whether the file `target` holds exactly `data` (its size is checked before it is read)."""
    try:
        if os.stat(target).st_size != len(data):
            return False
        with open(target, "rb") as f:
            return f.read() == data
    except OSError:  # missing, or a folder
        return False


def _generated(root: Path, managed_dirs: tuple[str, ...]) -> list[str]:
    """The real paths of the files under the managed folders, in path order."""
    found: list[str] = []
    folders = [os.path.realpath(os.path.join(root, folder)) for folder in managed_dirs]
    while folders:
        for entry in entries(folders.pop()):  # none when absent, or not a folder
            if entry.is_symlink():
                real = os.path.realpath(entry.path)
                if os.path.isfile(real):
                    found.append(real)
            elif entry.is_dir():
                folders.append(entry.path)
            elif entry.is_file():
                found.append(entry.path)
    return sorted(found, key=lambda path: path.split(os.sep))


def stale_files(docs_dir: Path, files: dict[str, Content], managed_dirs: tuple[str, ...]) -> list[str]:
    """Docs-relative paths that differ from `files`, are missing, or are left over."""
    root = docs_dir.resolve()
    stale = [rel for rel, content in files.items()
             if not (root / rel).is_file() or (root / rel).read_bytes() != encoded(content)]
    wanted = {(root / rel).resolve() for rel in files}
    for folder in managed_dirs:
        if (root / folder).is_dir():
            stale += [str(p.relative_to(root)) for p in sorted((root / folder).rglob("*"))
                      if p.is_file() and p.resolve() not in wanted]
    return stale


def encoded(content: Content) -> bytes:
    """A file's bytes: a page's text in UTF-8, or a data file as it is."""
    return content if isinstance(content, bytes) else content.encode("utf-8")
