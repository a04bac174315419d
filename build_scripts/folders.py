"""Listing a folder, as the build reads the file system: the seeds, the generated pages, the build code."""
from __future__ import annotations

import os


def entries(folder: str | os.PathLike) -> list[os.DirEntry]:
    """The entries of `folder`, in no particular order (none when it is missing or cannot be listed)."""
    try:
        with os.scandir(folder) as found:
            return list(found)
    except OSError:
        return []
