"""Write generated files into docs/: all or nothing, and only what changed.

The whole file map is rendered in memory before this runs, so a failed generation writes nothing. Here
each file is first written beside its target and renamed over it (never half-written); files whose
content is unchanged are not touched, so `mkdocs serve` does not see a change and rebuild forever.
Generated files that no longer exist in the map (an article removed) are deleted - only inside the
folders the build owns.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class WriteReport:
    """What a write changed."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def write_tree(docs_dir: Path, files: dict[str, str], managed_dirs: tuple[str, ...]) -> WriteReport:
    """Bring `docs_dir` to `files` (docs-relative paths), removing stale files in `managed_dirs`."""
    report = WriteReport()
    root = docs_dir.resolve()
    targets = {}
    for rel, content in files.items():
        target = (root / rel).resolve()
        if root not in target.parents:
            raise ValueError(f"refusing to write outside {docs_dir}: {rel}")
        targets[target] = content.encode("utf-8")
    staged: list[tuple[Path, Path]] = []
    try:
        # 1. Stage every changed file next to its target.
        for target, data in targets.items():
            if target.is_file() and target.read_bytes() == data:
                report.unchanged += 1
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            staged.append((Path(tmp), target))
        # 2. Swap them in.
        for tmp, target in staged:
            os.replace(tmp, target)
            report.written.append(str(target.relative_to(root)))
        staged = []
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    # 3. Remove what the build generated before but no longer does.
    for folder in managed_dirs:
        for path in sorted((root / folder).rglob("*")) if (root / folder).is_dir() else []:
            if path.is_file() and path.resolve() not in targets:
                path.unlink()
                report.removed.append(str(path.relative_to(root)))
    return report


def stale_files(docs_dir: Path, files: dict[str, str], managed_dirs: tuple[str, ...]) -> list[str]:
    """Docs-relative paths that differ from `files`, are missing, or are left over."""
    root = docs_dir.resolve()
    stale = [rel for rel, content in files.items()
             if not (root / rel).is_file() or (root / rel).read_bytes() != content.encode("utf-8")]
    wanted = {(root / rel).resolve() for rel in files}
    for folder in managed_dirs:
        if (root / folder).is_dir():
            stale += [str(p.relative_to(root)) for p in sorted((root / folder).rglob("*"))
                      if p.is_file() and p.resolve() not in wanted]
    return stale
