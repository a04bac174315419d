"""What every page shares: story-wide lookups (`Site`), link and label helpers bound to one page
(`Helpers`), and the Jinja2 environment that escapes every value it prints.

Templates call `h.…` for anything that becomes a link or a label, so the rules (an article's short name,
a speaker's marks, where an event lives) are written once.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any, Optional

import jinja2
from markupsafe import Markup

from ..chronology import sort_key
from ..model import ArticleFacts, Conflict, Event, Quote, Story, StoryEntity
from .labels import QUALIFIERS, count, date_label, duration_label, number_label, short_day
from .markup import link, md, paragraphs, raw_href, relative

TEMPLATES = Path(__file__).parent / "templates"
CHRONOLOGY = "cronologie.md"
ENTITY_DIR = "entitati"
TITLE_WORDS = 5  # an article without a named source is called by the first words of its title...
_DANGLING = {"a", "al", "ai", "ale", "cu", "de", "din", "în", "la", "o", "pe", "pentru", "și", "un", "o"}  # ...not these
# How a speaker was found: a name in the sentence is certain; the others are inferred ("dedus").
INFERRED_VIA = {"pronoun", "role", "previous", "prodrop", "interview"}
KIND_PREFERENCE = {"person": 0, "organization": 1, "place": 2}
VERSIONS_SHOWN = 12  # versions of a disputed fact shown where it is shown; the rest are counted
HOME_COUNTRY = "România"  # a place's country is named when it is not this one


def article_page(facts: ArticleFacts) -> str:
    """The docs-relative page of an article."""
    return f"articole/{facts.article.slug}.md"


def entity_page(entity: StoryEntity) -> str:
    """The docs-relative page of a person or organization with a page of its own."""
    return f"{ENTITY_DIR}/{entity.slug}.md"


class Site:
    """Story-wide lookups: articles by id, entities by name, the event of a sentence and its page."""

    def __init__(self, story: Story, event_pages: Optional[dict[str, str]] = None):
        self.story = story
        self.by_id = {f.article.id: f for f in story.articles}
        days = [f.article.published for f in story.articles if f.article.published]
        self.newest: Optional[dt.date] = max(days, default=None)
        self.entities: dict[str, StoryEntity] = {}
        self.by_kind = {(e.kind, e.name): e for e in story.entities}
        for e in sorted(story.entities, key=lambda e: KIND_PREFERENCE.get(e.kind, 3)):
            self.entities.setdefault(e.name, e)
        self.events: dict[tuple[str, str], Event] = {}
        self.events_at: dict[tuple[str, str], list[Event]] = {}  # every event of a sentence
        self.event_sentences: dict[str, set[str]] = {}           # sentences of an article filed as events
        for event in story.timeline:
            for s in event.sources:
                self.events.setdefault((s.article, s.sentence), event)
                self.events_at.setdefault((s.article, s.sentence), []).append(event)
                self.event_sentences.setdefault(s.article, set()).add(s.sentence)
        self.event_order = {id(e): i for i, e in enumerate(story.timeline)}
        self.repeats_of: dict[str, list] = {}  # the repeated paragraphs that concern an article
        for r in story.repeats:
            self.repeats_of.setdefault(r.article, []).append(r)
            if r.of_article != r.article:
                self.repeats_of.setdefault(r.of_article, []).append(r)
        self.quotes_by: dict[str, list[tuple[ArticleFacts, Quote]]] = {}  # quotes by speaker
        for f in story.articles:
            for q in f.quotes:
                if q.speaker:
                    self.quotes_by.setdefault(q.speaker, []).append((f, q))
        self.event_pages = event_pages or {e.id: CHRONOLOGY for e in story.timeline}
        self._in_time: dict[str, list[tuple[ArticleFacts, Quote]]] = {}

    def entity(self, name: Optional[str]) -> Optional[StoryEntity]:
        """The person (or organization, or place) of that name."""
        return self.entities.get(name) if name else None

    def article_label(self, facts: ArticleFacts) -> str:
        """An article's short name: its source and day ("Agerpres, 6 mai"), or its title's first words."""
        a = facts.article
        if a.source:
            name = a.source
        else:
            first = re.split(r"[,:;.!?]\s", a.title.rstrip("…"), maxsplit=1)[0].split()
            words = first[:TITLE_WORDS]
            while len(words) > 1 and words[-1].lower() in _DANGLING:
                words.pop()
            cut = len(words) < len(a.title.rstrip("…").split())
            name = " ".join(words).rstrip(",.;:") + ("…" if cut else "")
        if a.published is None:
            return name
        other_year = self.newest is not None and a.published.year != self.newest.year
        return f"{name}, {short_day(a.published, with_year=other_year)}"

    def quote_date(self, facts: ArticleFacts, quote: Quote) -> tuple[Optional[str], Optional[str]]:
        """When a quote was said (TIMEX value, mod): its sentence's event date, else the publication date;
        words quoted inside another's quote were said at a time the sentence does not give (None)."""
        if quote.inside:
            return None, None
        event = self.events.get((facts.article.id, quote.sentence))
        if event is not None and not event.context:
            return event.date, event.mod
        return (facts.article.published.isoformat() if facts.article.published else None), None

    def quote_day(self, facts: ArticleFacts, quote: Quote) -> str:
        """The quote's date in words."""
        value, mod = self.quote_date(facts, quote)
        return date_label(value, mod) if value else "dată necunoscută"

    def quotes_in_time(self, name: str) -> list[tuple[ArticleFacts, Quote]]:
        """The quotes of a speaker by the date they were said (`in_time_order`), sorted once for the
        quotes pages and the speaker's own page."""
        found = self._in_time.get(name)
        if found is None:
            found = self._in_time[name] = self.in_time_order(self.quotes_by.get(name, []))
        return list(found)

    def in_time_order(self, quotes: list[tuple[ArticleFacts, Quote]]) -> list[tuple[ArticleFacts, Quote]]:
        """Quotes by the date they were said (undated last), story order among equals."""
        def when(item: tuple[ArticleFacts, Quote]) -> tuple:
            """Sort key: the quote's date, undated last."""
            value, _ = self.quote_date(*item)
            return (value is None, sort_key(value) if value else ())
        return sorted(quotes, key=when)


class Helpers:
    """Link and label helpers bound to the page being rendered."""

    def __init__(self, page: str, site: Site):
        self.page = page
        self.site = site

    # -- links -------------------------------------------------------------------------------------
    def to(self, target: str, anchor: str = "") -> str:
        """A relative Markdown link target to a docs page."""
        return relative(self.page, target, anchor)

    def raw(self, target: str, anchor: str = "") -> str:
        """A built URL for raw HTML (MkDocs rewrites only Markdown links)."""
        return raw_href(self.page, target, anchor)

    def article(self, article_id: str) -> ArticleFacts:
        """The facts of an article by id."""
        return self.site.by_id[article_id]

    def sentence_link(self, label, article_id: str, sentence: str) -> Markup:
        """A link to a sentence of an article."""
        return link(label, relative(self.page, article_page(self.site.by_id[article_id]), sentence))

    def source_link(self, article_id: str, sentence: str) -> Markup:
        """The article's short name, linking to the sentence."""
        return self.sentence_link(self.label(self.site.by_id[article_id]), article_id, sentence)

    def article_link(self, facts: ArticleFacts, label: Optional[str] = None) -> Markup:
        """A link to an article page, labelled with its title."""
        return link(label or facts.article.title, relative(self.page, article_page(facts)))

    def entity_link(self, entity, fallback: Optional[tuple[str, str]] = None) -> Markup:
        """A person's or organization's name, linking to its page when it has one (else to `fallback`,
        an (article id, sentence) where it is named, or no link)."""
        e = self.site.entity(entity) if isinstance(entity, str) else entity
        name = entity if isinstance(entity, str) else entity.name
        if e is not None and e.slug and e.kind != "place":
            return link(name, relative(self.page, entity_page(e)))
        if fallback is not None:
            return self.sentence_link(name, *fallback)
        return md(name)

    def event_link(self, event: Event, label) -> Markup:
        """A link to the event's entry in the chronology."""
        return link(label, relative(self.page, self.site.event_pages[event.id], event.id))

    def event_href(self, event: Event) -> str:
        """The built URL of an event's entry (for the raw-HTML visual timeline)."""
        return raw_href(self.page, self.site.event_pages[event.id], event.id)

    def site_file(self, name: str) -> str:
        """A raw-HTML link to a file of the built site (not in docs/, so MkDocs cannot check it)."""
        depth = self.page.count("/") + (0 if self.page.endswith("index.md") else 1)
        return "../" * depth + name

    # -- labels ------------------------------------------------------------------------------------
    def place(self, entity: StoryEntity) -> str:
        """ "Ruse (Bulgaria)"; a place at home is just its name."""
        if entity.country and entity.country != HOME_COUNTRY:
            return f"{entity.name} ({entity.country})"
        return entity.name

    def label(self, facts: ArticleFacts) -> str:
        """The article's short name ("Agerpres, 6 mai")."""
        return self.site.article_label(facts)

    def date(self, value: Optional[str], mod: Optional[str] = None) -> str:
        """A TIMEX3 value in words, at its precision."""
        return date_label(value, mod)

    def number(self, value) -> str:
        """A figure's value as Romanians write it."""
        return number_label(value)

    def qualifier(self, value: str) -> str:
        """A figure's qualifier in words ("aproximativ")."""
        return QUALIFIERS.get(value, value)

    def duration(self, value: str) -> str:
        """A duration in words ("120 de zile")."""
        return duration_label(value) or value

    def published(self, facts: ArticleFacts) -> str:
        """An article's publication date in words."""
        a = facts.article
        return date_label(a.published.isoformat()) if a.published else "dată necunoscută"

    def quote_day(self, facts: ArticleFacts, quote: Quote) -> str:
        """When a quote was said, in words."""
        return self.site.quote_day(facts, quote)

    def speaker(self, quote: Quote, facts: ArticleFacts, with_role: bool = True) -> Markup:
        """Who said it, visible as text: name (linked), role, and how sure we are."""
        if not quote.speaker:
            return Markup('<span class="mark mark-unknown">vorbitor neidentificat</span>')
        entity = self.site.entity(quote.speaker)
        out = self.entity_link(quote.speaker)
        role = entity.role if entity is not None and entity.kind == "person" else None
        if with_role and role:
            out += Markup(", ") + md(role)
        return out + self.speaker_mark(quote)

    def speaker_mark(self, quote: Quote) -> Markup:
        """ "(dedus)" for a speaker inferred from a pronoun, a role or a previous sentence; "corectat"
        for the editor's."""
        if quote.speaker_via == "editor":
            return self.corrected(True)
        if quote.speaker and quote.speaker_via in INFERRED_VIA:
            return Markup(' <span class="mark mark-inferred">(dedus)</span>')
        return Markup("")

    def versions(self, conflict: Conflict) -> list[tuple[str, Markup]]:
        """Each version of a disputed fact: its value in words and the article saying it (linked)."""
        out = []
        for v in conflict.versions[:VERSIONS_SHOWN]:
            label = date_label(v.label) if conflict.kind == "date" else v.text
            out.append((label, self.source_link(v.article, v.sentence)))
        return out

    @staticmethod
    def more_versions(conflict: Conflict) -> int:
        """How many versions of a disputed fact are not shown (a wire story retold by hundreds of articles)."""
        return max(0, len(conflict.versions) - VERSIONS_SHOWN)

    def corrected(self, flag: bool) -> Markup:
        """A small mark on a fact the editor set."""
        return Markup(' <span class="mark mark-corrected">corectat</span>') if flag else Markup("")


def environment() -> jinja2.Environment:
    """Jinja2 with every printed value escaped for Markdown unless it is already `Markup`: one per process
    (templates are compiled once; Jinja reloads one whose file changed, as under `mkdocs serve`)."""
    return _environment(str(TEMPLATES))


@functools.lru_cache(maxsize=4)
def _environment(templates: str) -> jinja2.Environment:
    def finalize(value: Any) -> Any:
        """Escape every printed value that is not Markup."""
        if value is None:
            return ""
        if isinstance(value, Markup):
            return value
        return md(value)

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        finalize=finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(count=count, paragraphs=paragraphs)
    env.filters["capitalize_first"] = capitalize_first
    return env


def capitalize_first(text: str) -> str:
    """ "ministrul Mediului" -> "Ministrul Mediului" (the rest untouched)."""
    text = str(text)
    return text[:1].upper() + text[1:]
