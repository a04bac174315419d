"""Records passed between the pipeline's stages.

Each stage takes and returns these small dataclasses; none of them knows about files, MkDocs or
Markdown. Offsets are character offsets into `Article.body` (for sentences) or into the sentence text
(for mentions), so every anchor can be checked against the text it points into.
"""
from __future__ import annotations

import datetime as dt
import dataclasses
from dataclasses import dataclass, field
from typing import Optional, Union

NumberValue = Union[int, float, tuple]


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file, reported with its path."""

    path: str
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class Sentence:
    """One sentence of an article body, with the anchor id it gets on the article page."""

    id: str
    text: str
    paragraph: int
    start: int
    end: int
    furniture: Optional[str] = None  # "byline", "stamp", "read_also", "tags", "credit", "social": page furniture, no facts


@dataclass
class Article:
    """One input article after ingestion: metadata, caption and the cleaned body paragraphs."""

    id: str
    path: str
    title: str
    title_derived: bool
    published: Optional[dt.date]
    published_inferred: bool
    source: Optional[str] = None
    url: Optional[str] = None
    author: Optional[str] = None
    caption: Optional[str] = None
    credit: Optional[str] = None
    paragraphs: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    slug: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class DateMention:
    """A temporal expression with its TIMEX3-style value ("2025", "2025-08", "2025-08-21", "P120D")."""

    text: str
    value: Optional[str]
    type: str  # "DATE" or "DURATION"
    sentence: str
    start: int
    end: int
    mod: Optional[str] = None  # START / MID / END for "la începutul ...", per TIMEX3
    flags: tuple = ()  # e.g. ("unresolved",) when no publication date anchors a relative date
    corrected: bool = False  # set by the editor (seeds/editorial.yml)


@dataclass
class NumberMention:
    """A key figure: its value (a number, or (low, high) for a range), unit and qualifier."""

    text: str
    value: NumberValue
    unit: Optional[str]
    sentence: str
    start: int
    end: int
    qualifier: Optional[str] = None
    corrected: bool = False


@dataclass
class Mention:
    """One occurrence of an entity in a sentence, as written."""

    text: str
    sentence: str
    start: int
    end: int


@dataclass
class Entity:
    """A person, place or organization under one canonical name, with the forms it was written in."""

    name: str
    kind: str  # "person" | "place" | "organization"
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    role: Optional[str] = None  # "directorul general al AIEA", as the text gives it
    confirmed: bool = True  # False: only one weak signal supports the kind (listed for review)
    corrected: bool = False

    def own_copy(self) -> "Entity":
        """A copy with lists of its own, which a stage may change: a process keeps the records of the
        facts for its later builds (`session.py`), so the stages that correct them change copies."""
        return dataclasses.replace(self, aliases=list(self.aliases), mentions=list(self.mentions))


@dataclass
class Quote:
    """A direct quote (in quote marks) or reported speech, with its speaker when one is known."""

    text: str
    speaker: Optional[str]
    sentence: str
    start: int
    end: int
    direct: bool = True
    speaker_via: Optional[str] = None  # how the speaker was found: name, role, pronoun, prodrop, previous, according, document, interview, editor
    inside: bool = False  # words quoted inside another's quote ("X a povestit: „Y ne-a spus: «…»”"): said at a time the sentence does not give


@dataclass
class SourceMention:
    """A named source of information ("potrivit KCNA")."""

    name: str
    sentence: str
    text: str


# The kinds of names, each with the list of `ArticleFacts` that holds it.
ENTITY_LISTS = {"person": "people", "place": "places", "organization": "organizations"}


@dataclass
class ArticleFacts:
    """Everything extracted from one article."""

    article: Article
    dates: list[DateMention] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    people: list[Entity] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)
    organizations: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sources: list[SourceMention] = field(default_factory=list)


@dataclass
class EventSource:
    """Where one chronology event is reported: an article and the anchor of its sentence."""

    article: str
    sentence: str
    text: str
    date_text: str


@dataclass
class Event:
    """One dated event of the chronology, possibly reported by several articles.

    `text` is the whole sentence (one click away on the article page); `clause` the part of it around
    the date, shortened at a word; `others` the other dates the sentence gives (it is filed once, under
    its most specific date); `context` marks a background date far from the story's own time ("1986").
    """

    date: str
    mod: Optional[str]
    text: str
    sources: list[EventSource] = field(default_factory=list)
    clause: str = ""
    others: list[str] = field(default_factory=list)  # the other dates' words
    other_values: list[str] = field(default_factory=list)  # and their values
    context: bool = False
    id: str = ""  # stable anchor on the chronology page ("ev-2025-08-21-1")
    disputed: Optional["Conflict"] = None  # another article dates the same event differently
    corrected: bool = False


@dataclass
class StoryInfo:
    """The editor's story file (`seeds/story.yml`): title, summary, address and what the page promises."""

    title: str
    title_derived: bool = False  # no story file: a title made from the articles
    summary: Optional[str] = None
    site_url: Optional[str] = None
    byline: Optional[str] = None
    contact: Optional[str] = None
    known: list[str] = field(default_factory=list)
    disputed: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    corrections_policy: Optional[str] = None
    description: Optional[str] = None


@dataclass
class StoryEntity:
    """A person, place or organization across the whole story, its variants joined."""

    name: str
    kind: str
    role: Optional[str] = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[str, str]] = field(default_factory=list)  # (article id, sentence id), in order
    articles: list[str] = field(default_factory=list)  # article ids, in story order
    quotes: int = 0
    country: Optional[str] = None  # places: the country they are in (Romanian name), when known
    slug: str = ""  # page name when the entity has a page of its own


@dataclass
class ConflictVersion:
    """One article's version of a disputed fact."""

    label: str  # the value as a reader reads it ("1.200", "marți, 5 mai")
    text: str  # the words of the article
    article: str
    sentence: str


@dataclass
class Conflict:
    """Articles that give different values for the same thing (a figure, or the date of an event)."""

    kind: str  # "figure" or "date"
    subject: str  # what is counted or what happened ("persoane evacuate")
    versions: list[ConflictVersion] = field(default_factory=list)


@dataclass
class Correction:
    """One correction of `seeds/editorial.yml` in force: what the machine said and what the editor set."""

    kind: str  # articles, aliases, kinds, roles, hide, dates, speakers, add
    target: str
    before: Optional[str]
    after: Optional[str]
    line: int
    since: Optional[str] = None
    applied: int = 0  # how many facts it changed (0: it matched nothing, which is reported)


@dataclass
class ReviewItem:
    """Something an editor should confirm, with its sentence and the line to paste into editorial.yml."""

    kind: str
    message: str
    article: Optional[str] = None
    sentence: Optional[str] = None
    text: str = ""
    suggestion: str = ""


@dataclass
class Repeat:
    """A paragraph that repeats an earlier one (scraped pages repeat wire copy): shown once, listed."""

    article: str
    paragraph: int
    of_article: str
    of_paragraph: int
    text: str


@dataclass
class Story:
    """The whole explainer: every article's facts, the merged chronology, and what the editor set."""

    articles: list[ArticleFacts]
    timeline: list[Event]
    problems: list[Problem] = field(default_factory=list)
    info: StoryInfo = field(default_factory=lambda: StoryInfo(title="Explicator"))
    entities: list[StoryEntity] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)
    repeats: list[Repeat] = field(default_factory=list)
