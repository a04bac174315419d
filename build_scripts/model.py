"""Records passed between the pipeline's stages.

Each stage takes and returns these small dataclasses; none of them knows about files, MkDocs or
Markdown. Offsets are character offsets into `Article.body` (for sentences) or into the sentence text
(for mentions), so every anchor can be checked against the text it points into.
"""
from __future__ import annotations

import datetime as dt
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
    furniture: Optional[str] = None  # "byline", "read_also", "social": page furniture, no facts


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


@dataclass
class Quote:
    """A direct quote (in quote marks) or reported speech, with its speaker when one is known."""

    text: str
    speaker: Optional[str]
    sentence: str
    start: int
    end: int
    direct: bool = True
    speaker_via: Optional[str] = None  # how the speaker was found: name, role, pronoun, prodrop, previous, according


@dataclass
class SourceMention:
    """A named source of information ("potrivit KCNA")."""

    name: str
    sentence: str
    text: str


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
    """One dated event of the chronology, possibly reported by several articles."""

    date: str
    mod: Optional[str]
    text: str
    sources: list[EventSource] = field(default_factory=list)


@dataclass
class Story:
    """The whole explainer: every article's facts and the merged chronology."""

    articles: list[ArticleFacts]
    timeline: list[Event]
    problems: list[Problem] = field(default_factory=list)
