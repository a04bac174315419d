"""Pages kept between builds: a page whose inputs did not change is not rendered again.

A memoized page has a key: a digest of the build code and templates, the editor's files, the story-wide
values every page shows (the newest date), and the records that page reads, which `Signatures` computes
once per build (an article's facts, what a link to an article shows, an event with its sources, what a
link to a person shows). Same key, same page, byte for byte; any change to an input the page reads gives
another key, and the page is rendered again. Which records a page reads is written beside the code that
renders it (`render/__init__.py`); `tests/test_memo.py` checks that an edit build equals a build without
the memo.

The texts live in memory (the long-running `mkdocs serve` keeps them between rebuilds, see `session.py`)
and in a small SQLite database per seeds folder under `.cache/pages/` for the next process; only the keys
a build used are kept. A page made of memoized parts (the items of a long list) names its parts: when the
page is reused, its parts count as used too, so they are still there when a later edit moves the list. With `--no-cache` or EXPLAINER_NO_CACHE every page is rendered, and stored for
the next build (as the facts cache does).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import operator
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from ..model import ArticleFacts, Event, ReviewItem, Story
from ..writer import Content  # a page or a piece of one as text, a data file's piece as UTF-8 bytes

PACKAGE = Path(__file__).resolve().parent.parent
DEFAULT_DIR = PACKAGE.parent / ".cache" / "pages"
FORMAT = 2
KEEP_DAYS = 14  # a seeds folder's memo is deleted after this long without a build
_CODE_SUFFIXES = (".py", ".j2", ".yaml", ".yml", ".json")


def code_version() -> str:
    """A digest of every file of the build code (render code, templates, language rules, the stages):
    read on each build, since `mkdocs serve` reloads templates without restarting (once for the length
    of a build, see `one_build`)."""
    if _BUILD is not None and "code" in _BUILD:
        return _BUILD["code"]
    digest = hashlib.blake2b(str(FORMAT).encode(), digest_size=16)
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    if _BUILD is not None:
        _BUILD["code"] = digest.hexdigest()
    return digest.hexdigest()


_BUILD: Optional[dict[str, str]] = None  # during a build: what is read once for it


@contextlib.contextmanager
def one_build() -> Iterator[None]:
    """The length of one build (nested ones are the outer one): the build code is digested once."""
    global _BUILD
    if _BUILD is not None:
        yield
        return
    _BUILD = {}
    try:
        yield
    finally:
        _BUILD = None


class PageMemo:
    """Rendered texts by key, in memory and in `folder/<seeds digest>.sqlite`."""

    def __init__(self, seeds_dir: Path, folder: Optional[Path] = None, enabled: bool = True):
        self.seeds_dir = Path(seeds_dir)
        self.folder = Path(folder if folder is not None else DEFAULT_DIR)
        self.enabled = enabled
        self.reading = True  # False (caches off): nothing is taken from the memo, what is rendered is stored
        # Read from the database on first use; data files' pieces are kept encoded (bytes, stored as BLOBs).
        self.texts: Optional[dict[str, Content]] = None
        self.parts: dict[str, tuple[str, ...]] = {}  # key of a page -> keys of the parts it was made of
        self.added_parts: dict[str, tuple[str, ...]] = {}
        self.version = ""
        self._keys: dict[tuple, str] = {}  # (path, plain deps) -> key, this build and the last
        self._keys_before: dict[tuple, str] = {}
        self.used: set[str] = set()
        self.added: dict[str, Content] = {}
        self.hits = self.misses = 0

    @property
    def path(self) -> Path:
        name = hashlib.sha256(str(self.seeds_dir.resolve()).encode()).hexdigest()[:16]
        return self.folder / f"{name}.sqlite"

    def begin(self, inputs: Iterable[Any], reading: bool = True) -> None:
        """Start a build: the version shared by every key (the code, the editor's files, `inputs`);
        `reading=False` renders everything (and stores it)."""
        self.reading = reading
        digest = hashlib.blake2b(code_version().encode(), digest_size=16)
        from .. import cache

        digest.update(cache.environment_version().encode())
        for name in ("editorial.yml", "story.yml"):
            try:
                digest.update(name.encode() + b"\0" + (self.seeds_dir / name).read_bytes() + b"\0")
            except OSError:
                digest.update(name.encode() + b"\0-\0")
        digest.update(repr(list(inputs)).encode())
        version = digest.hexdigest()
        # The keys of plain values asked for in the last build, while the version is the same.
        self._keys_before = self._keys if version == self.version else {}
        self._keys = {}
        self.version = version
        self.used, self.added, self.added_parts = set(), {}, {}
        self.hits = self.misses = 0

    def key(self, path: str, deps: Any) -> str:
        """The key of the page `path` rendered from `deps` (a repr-able value). Keys of plain values
        (`_plain`) are kept for the next build of the same version: a piece asked for again costs a
        look-up, not a digest."""
        plain = _plain(deps)
        asked = (path, deps)
        if plain:
            found = self._keys_before.pop(asked, None)  # most are asked for once a build: moved to this one
            if found is None:
                found = self._keys.get(asked)
            if found is not None:
                self._keys[asked] = found
                return found
        text = f"{self.version}\0{path}\0{deps!r}"
        found = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()
        if plain:
            self._keys[asked] = found
        return found

    def get(self, key: str) -> Optional[Content]:
        """The text rendered before under `key`, or None."""
        if not self.enabled:
            return None
        if self.texts is None:
            self.texts = self._read()
        self.used.add(key)
        text = self.texts.get(key) if self.reading else None
        if text is None:
            self.misses += 1
        else:
            if key not in self.added:  # a piece used twice in one build is not a hit of the memo
                self.hits += 1
            self.used.update(self.parts.get(key, ()))
        return text

    def put(self, key: str, text: Content, parts: tuple[str, ...] = ()) -> None:
        """Keep `text` under `key`; `parts`: the keys of the pieces it was made of."""
        if not self.enabled:
            return
        if self.texts is None:
            self.texts = self._read()
        self.texts[key] = text
        self.added[key] = text
        self.used.add(key)
        if parts:
            self.parts[key] = self.added_parts[key] = tuple(parts)

    def save(self) -> None:
        """Forget the texts this build did not use, and store the change in the database: in a thread
        of its own, so that `serve` shows the pages meanwhile (the next read or save waits for it, and
        so does the end of the process)."""
        if not self.enabled or self.texts is None:
            return
        stale = [k for k in self.texts if k not in self.used]
        for k in stale:
            del self.texts[k]
            self.parts.pop(k, None)
        if not self.added and not stale:
            return
        wait()
        global _STORING
        _STORING = threading.Thread(target=self._store, args=(self.added, self.added_parts, stale),
                                    name="page-memo", daemon=False)
        _STORING.start()
        self.added, self.added_parts = {}, {}

    def _store(self, added: dict[str, Content], parts: dict[str, tuple[str, ...]], stale: list[str]) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                db.executemany("INSERT OR REPLACE INTO pages (key, text) VALUES (?, ?)", added.items())
                db.executemany("INSERT OR REPLACE INTO parts (key, parts) VALUES (?, ?)",
                               ((k, " ".join(v)) for k, v in parts.items()))
                db.executemany("DELETE FROM pages WHERE key = ?", ((k,) for k in stale))
                db.executemany("DELETE FROM parts WHERE key = ?", ((k,) for k in stale))
            db.close()
            self._age_out()
        except (OSError, sqlite3.Error):
            pass  # a read-only checkout still builds, only without the memo

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("PRAGMA auto_vacuum = FULL")  # forgotten texts give their space back (set before the table)
        db.execute("CREATE TABLE IF NOT EXISTS pages (key TEXT PRIMARY KEY, text TEXT NOT NULL)")
        db.execute("CREATE TABLE IF NOT EXISTS parts (key TEXT PRIMARY KEY, parts TEXT NOT NULL)")
        return db

    def _age_out(self) -> None:
        """Forget the memo of seeds folders not built for `KEEP_DAYS` (test folders come and go)."""
        limit = time.time() - KEEP_DAYS * 86400
        for path in self.folder.glob("*"):
            try:
                if path.is_file() and path.stat().st_mtime < limit:
                    path.unlink()
            except OSError:
                pass

    def _read(self) -> dict[str, Content]:
        wait()
        if not self.path.is_file():
            return {}
        try:
            db = self._connect()
            try:
                self.parts = {k: tuple(v.split()) for k, v in db.execute("SELECT key, parts FROM parts")}
                return dict(db.execute("SELECT key, text FROM pages"))
            finally:
                db.close()
        except sqlite3.Error:
            return {}


_STORING: Optional[threading.Thread] = None  # the last save, while it writes


_PLAIN = (str, int, type(None), dt.date)


def _plain(value: Any) -> bool:
    """Whether `value` is a tuple of str, int, None and dates (or tuples of them): equal such values
    have the same repr, so a key may be found by the value (a bool is not plain: True == 1)."""
    if type(value) is not tuple:
        return False
    for item in value:
        kind = type(item)
        if kind is tuple:
            if not _plain(item):
                return False
        elif kind not in _PLAIN:
            return False
    return True


def wait() -> None:
    """Until the last save is in the database."""
    if _STORING is not None:
        _STORING.join()


def event_fields(event: Event) -> tuple:
    """Every field of an event, as a value to find it by (its repr is its digest's text: `EVENT_FIELDS`
    lists the fields, and a test checks that they are all the fields of the records)."""
    d = event.disputed
    return (event.date, event.mod, event.text, tuple((s.article, s.sentence, s.text, s.date_text) for s in event.sources),
            event.clause, tuple(event.others), tuple(event.other_values), event.context, event.id,
            None if d is None else (d.kind, d.subject, tuple((v.label, v.text, v.article, v.sentence) for v in d.versions)),
            event.corrected)


# The fields `event_fields` and `Signatures.review` read, by record (tests/test_memo_keys.py compares
# them with model.py).
EVENT_FIELDS = {"Event": ("date", "mod", "text", "sources", "clause", "others", "other_values", "context", "id",
                          "disputed", "corrected"),
                "EventSource": ("article", "sentence", "text", "date_text"),
                "Conflict": ("kind", "subject", "versions"),
                "ConflictVersion": ("label", "text", "article", "sentence"),
                "ReviewItem": ("kind", "message", "article", "sentence", "text", "suggestion")}
_review_fields = operator.attrgetter(*EVENT_FIELDS["ReviewItem"])  # a review item's fields, as a tuple
_ARTICLE = operator.attrgetter("article")


def digest(value: Any) -> str:
    """A short digest of `repr(value)` (records are dataclasses: their repr shows every field)."""
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


class Signatures:
    """What pages read of the story, as short digests computed once per build: the parts of memo keys.
    With `kept` (`kept(name)` gives a `session.Reuse`), a digest of records that did not change since the
    last build of the process is not computed again: it is found by the records' identity (they never
    change once made, see `session.py`), or for an event or a review item (the build's own) by its fields."""

    def __init__(self, story: Story, site, kept: Optional[Callable[[str], Any]] = None):
        from .. import cache

        self.site = site
        self._source_key = cache.key_of_source
        self._kept = ({name: kept(f"signature {name}") for name in ("article", "event", "quote", "review", "review list")}
                      if kept else {})
        self._articles: dict[str, str] = {}
        self._links: dict[str, str] = {}
        self._events: dict[int, str] = {}
        self._quotes: dict[tuple[int, str], str] = {}
        self._entities: dict[Optional[str], str] = {}

    def article(self, facts: ArticleFacts) -> str:
        """Everything an article's own page shows of it. Its facts are those the extraction stored under
        its source key (text, given date, caption: the cache is content-addressed), then changed by the
        editor's file (in the version), its repeated paragraphs (`repeats_of`, read by the page) and
        the story's names (merge.py renames entities and speakers: their names, aliases, roles and
        mention counts are here)."""
        a = facts.article
        found = self._articles.get(a.id)
        if found is None:
            groups = (facts.people, facts.places, facts.organizations)
            repeated = tuple(r.paragraph for r in self.site.repeats_of.get(a.id, ()) if r.article == a.id)
            head = (self._source_key(a), a.id, a.path, a.slug, a.title, a.title_derived, a.published,
                    a.published_inferred, a.source, a.url, a.author, a.caption, a.credit, tuple(a.warnings),
                    len(facts.dates), len(facts.numbers), len(facts.quotes), len(facts.sources), repeated)

            def make() -> str:
                entities = [(e.name, e.kind, e.role, e.aliases, len(e.mentions), e.corrected, e.confirmed)
                            for group in groups for e in group]
                return digest((head, entities, [(q.speaker, q.speaker_via) for q in facts.quotes]))

            kept = self._kept.get("article")
            if kept is None:
                found = make()
            else:
                found = kept.get((*facts.people, *facts.places, *facts.organizations, *facts.quotes),
                                 (head, tuple(map(len, groups))), make)
            self._articles[a.id] = found
        return found

    def link(self, article_id: str) -> str:
        """What a link to an article shows: its page, title, source and dates (a digest: pages list many
        links, and a key repeats each)."""
        found = self._links.get(article_id)
        if found is None:
            facts = self.site.by_id.get(article_id)
            if facts is None:
                found = digest((article_id,))
            else:
                a = facts.article
                found = digest((a.id, a.slug, a.title, a.source, a.published, a.published_inferred))
            self._links[article_id] = found
        return found

    def event(self, event: Event) -> str:
        """An event as a page shows it: its words, dates, page and sources (with their links)."""
        found = self._events.get(id(event))
        if found is None:
            articles = [s.article for s in event.sources]
            if event.disputed is not None:
                articles += [v.article for v in event.disputed.versions]
            page, links = self.site.event_pages.get(event.id), [self.link(a) for a in articles]
            kept = self._kept.get("event")
            if kept is None:
                found = digest((event, page, links))
            else:
                found = kept.get((), (event_fields(event), page, tuple(links)), lambda: digest((event, page, links)))
            self._events[id(event)] = found
        return found

    def quote(self, facts: ArticleFacts, quote) -> str:
        """A quote as a list of quotes shows it: its words, speaker, date and the article it links to."""
        # By the quote and its article: two articles of the same text share their extraction's records.
        found = self._quotes.get((id(quote), facts.article.id))
        if found is None:
            when, link = self.site.quote_date(facts, quote), self.link(facts.article.id)
            kept = self._kept.get("quote")
            if kept is None:
                found = digest((quote, when, link))
            else:
                found = kept.get((quote,), (when, link), lambda: digest((quote, when, link)))
            self._quotes[(id(quote), facts.article.id)] = found
        return found

    def review(self, item: ReviewItem) -> str:
        """An item of the review list as its page shows it: its words and the article it links to."""
        link = self.link(item.article) if item.article else None
        kept = self._kept.get("review")
        if kept is None:
            return digest((item, link))
        return kept.get((), (_review_fields(item), link), lambda: digest((item, link)))

    def reviews(self, items: list[ReviewItem]) -> list[str]:
        """`review` of each item of a list (a page of the review list); the list of the last build when it
        holds the same items (found by identity: the review list of an unchanged article is the last
        build's, see `review.items`) linking to articles that are shown the same."""
        kept = self._kept.get("review list")
        if kept is None:
            return [self.review(item) for item in items]
        links = tuple(map(self.link, map(_ARTICLE, items)))
        return kept.get(tuple(items), (links,), lambda: [self.review(item) for item in items])

    def done(self) -> None:
        """The end of the build: what was kept and not asked for again is let go."""
        for kept in self._kept.values():
            kept.done()

    def entity(self, name: Optional[str]) -> str:
        """What a link to a name shows: the person, organization or place of that name (its page, kind,
        role and country), and the role and country of the person and place of that name (a digest)."""
        found = self._entities.get(name)
        if found is None:
            site = self.site
            e = site.entity(name)
            person, place = site.by_kind.get(("person", name)), site.by_kind.get(("place", name))
            found = digest(((e.name, e.kind, e.slug, e.role, e.country) if e is not None else None,
                            person.role if person is not None else None,
                            place.country if place is not None else None))
            self._entities[name] = found
        return found

    def article_names(self, facts: ArticleFacts) -> tuple[str, ...]:
        """The names an article page links to or describes (its entities and speakers)."""
        names = [e.name for group in (facts.people, facts.places, facts.organizations) for e in group]
        names += [q.speaker for q in facts.quotes if q.speaker]
        return tuple(self.entity(n) for n in names)
