"""Pages that stay bounded: a long list continues on numbered pages ("pagina 2", …).

Every list that grows with the number of articles (review items, quotes, the articles index, the
entities table) is cut
into parts of a fixed size; the first part keeps the page's own path, the others follow it in a
folder beside it, out of the navigation. A list shown in passing (the method page's conflicts and
repeats, the home page's articles) is cut at a fixed length and points to where the rest is.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class Part(Generic[T]):
    """One page of a paginated list: its path, its number (from 1), its items and every part's path."""

    path: str
    number: int
    items: list[T]
    paths: list[str] = field(default_factory=list)  # every part, in order; paths[0] is the first page

    @property
    def others(self) -> list[tuple[int, str]]:
        """(number, path) of every part, for the page links; empty when there is only one."""
        return list(enumerate(self.paths, start=1)) if len(self.paths) > 1 else []


def part_paths(first: str, folder: str, count: int, name: str = "pagina") -> list[str]:
    """`first`, then `folder/<name>-2.md`, `folder/<name>-3.md`, … for `count` parts."""
    return [first] + [f"{folder}/{name}-{n}.md" for n in range(2, count + 1)]


def paginate(items: list[T], size: int, first: str, folder: str, name: str = "pagina") -> list[Part[T]]:
    """`items` in parts of `size`, on the pages of `part_paths`."""
    chunks = [items[i:i + size] for i in range(0, len(items), size)] or [[]]
    paths = part_paths(first, folder, len(chunks), name)
    return [Part(path, n, chunk, paths) for n, (path, chunk) in enumerate(zip(paths, chunks), start=1)]
