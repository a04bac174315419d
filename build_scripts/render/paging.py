"""Pages that stay bounded: a long list continues on numbered pages ("pagina 2", …).

Every list that grows with the number of articles (review items, quotes, the articles index, the
entities table) is cut into parts; the first part keeps the page's own path, the others follow it in a
folder beside it, out of the navigation. Lists that an edit of one article changes in the middle (the
review list, the quotes) are cut where their items say (`stable_cuts`), not every N items, so that one
item more or less changes one page, not every page after it. A list shown in passing (the method page's
conflicts and repeats, the home page's articles) is cut at a fixed length and points to where the rest is.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Callable, Generic, Sequence, TypeVar

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
    return _parts(split(items, list(range(0, len(items), size)) or [0]), first, folder, name)


def stable_cuts(keys: Sequence[str], size: int, weights: Sequence[int] = ()) -> list[int]:
    """Where to start each part of a list of about `size` (by weight, 1 an item unless `weights`), decided
    by the items themselves (content-defined chunking): past half of `size`, a part ends after an item
    whose key hashes to 0 modulo the other half, and at the latest before twice `size`. An item added,
    removed or changed moves only the cuts next to it, so the pages before and after it keep their items.
    A list of at most `size` is one part. Returns the index of each part's first item."""
    weights = list(weights) or [1] * len(keys)
    if sum(weights) <= size:
        return [0]
    low, most = max(1, size // 2), 2 * size
    span = max(1, size - low)
    starts, filled = [0], 0
    for i, (key, weight) in enumerate(zip(keys, weights)):
        if filled and filled + weight > most:  # the part is full: cut before this item
            starts.append(i)
            filled = 0
        filled += weight
        if filled >= low and i + 1 < len(keys) and zlib.crc32(key.encode("utf-8")) % span == 0:
            starts.append(i + 1)
            filled = 0
    return starts


def paginate_stable(items: list[T], size: int, first: str, folder: str, key: Callable[[T], str],
                    weight: Callable[[T], int] = lambda _: 1, name: str = "pagina") -> list[Part[T]]:
    """`items` in parts of about `size` cut by `stable_cuts` (`key` names an item, `weight` sizes it), on
    the pages of `part_paths`."""
    starts = stable_cuts([key(item) for item in items], size, [weight(item) for item in items])
    return _parts(split(items, starts), first, folder, name)


def split(items: list[T], starts: list[int]) -> list[list[T]]:
    """`items` cut before each index of `starts` (the first is 0)."""
    return [items[a:b] for a, b in zip(starts, starts[1:] + [len(items)])]


def _parts(chunks: list[list[T]], first: str, folder: str, name: str) -> list[Part[T]]:
    """Each chunk on its page of `part_paths`."""
    paths = part_paths(first, folder, len(chunks), name)
    return [Part(path, n, chunk, paths) for n, (path, chunk) in enumerate(zip(paths, chunks), start=1)]
