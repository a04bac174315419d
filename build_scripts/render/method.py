"""The method page ("Despre") and the editors' review page.

The method page's counts are the lengths of the very lists the site shows (the entities table, the
quotes page, the chronology, the corrections, conflicts and repeats listed here), so a count never
disagrees with what a reader can see. The review page (`revizuire.md`, left out of the navigation and
of search) groups `story.review` by kind, each item with its sentence and the lines to paste into
`seeds/editorial.yml`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..model import ArticleFacts, Conflict, Correction, Event, Repeat, ReviewItem, Story, StoryEntity
from . import quotes as quotes_mod
from .labels import date_label
from .site import INFERRED_VIA, Site

ENTITY_KINDS = {"person": "persoană", "place": "loc", "organization": "organizație"}

CORRECTION_KINDS = {"articles": "datele articolului", "aliases": "același nume", "kinds": "tipul numelui",
                    "roles": "funcția", "hide": "fapt ascuns", "dates": "data", "speakers": "vorbitorul",
                    "add": "fapt adăugat"}
LIST_MAX = 100  # conflicts and repeats listed on the method page; the count says how many in all
REVIEW_KINDS = {
    "inferred_date": "Date de publicare deduse",
    "no_speaker": "Citate fără vorbitor",
    "speaker_pronoun": "Vorbitori găsiți printr-un pronume",
    "speaker_role": "Vorbitori găsiți printr-o funcție",
    "speaker_previous": "Vorbitori luați din paragraful anterior",
    "speaker_prodrop": "Vorbitori după subiectul subînțeles",
    "speaker_according": "Vorbitori după „potrivit”",
    "entity_kind": "Nume cu tip nesigur",
    "entity_once": "Nume care apar o singură dată",
    "figure_no_unit": "Cifre fără unitate",
    "date_range": "Intervale de date",
    "date_far": "Date relative departe de data publicării",
    "date_story_day": "Ore cu ziua luată din articol",
    "conflict_figure": "Cifre care nu se potrivesc între articole",
    "conflict_date": "Date care nu se potrivesc între articole",
    "repeated_paragraph": "Paragrafe repetate",
}


@dataclass
class MethodData:
    """The lists the site shows, and so the counts of the method page."""

    articles: list[ArticleFacts]
    events: list[Event]
    people: list[StoryEntity]
    places: list[StoryEntity]
    organizations: list[StoryEntity]
    quotes: list
    figures: list
    dates: list
    conflicts: list[Conflict]
    corrections: list[Correction]
    repeats: list[Repeat]
    inferred: list[ArticleFacts] = field(default_factory=list)

    def counts(self) -> list[tuple[str, int]]:
        """(what, how many) for the table of the method page."""
        unattributed = [q for _, q in self.quotes if not q.speaker]
        inferred = [q for _, q in self.quotes if q.speaker and q.speaker_via in INFERRED_VIA]
        return [
            ("articole", len(self.articles)),
            ("evenimente în cronologie", len(self.events)),
            ("din care context (ani de fundal)", sum(1 for e in self.events if e.context)),
            ("persoane", len(self.people)),
            ("locuri", len(self.places)),
            ("organizații", len(self.organizations)),
            ("citate", len(self.quotes)),
            ("din care fără vorbitor identificat", len(unattributed)),
            ("din care cu vorbitor dedus", len(inferred)),
            ("cifre", len(self.figures)),
            ("date și durate", len(self.dates)),
            ("fapte disputate între articole", len(self.conflicts)),
            ("corecturi ale redacției în vigoare", len(self.corrections)),
            ("paragrafe repetate", len(self.repeats)),
        ]


def data(story: Story, site: Site, speakers: Optional[list[quotes_mod.Speaker]] = None) -> MethodData:
    """The method page's lists, taken from where the other pages take them (`speakers`: the quotes
    pages' groups, when they were made already)."""
    by_kind = {kind: [e for e in story.entities if e.kind == kind] for kind in ("person", "place", "organization")}
    if speakers is None:
        speakers = quotes_mod.speakers(story, site)
    quotes = [item for speaker in speakers for item in speaker.quotes]
    return MethodData(
        articles=story.articles, events=story.timeline, people=by_kind["person"], places=by_kind["place"],
        organizations=by_kind["organization"], quotes=quotes,
        figures=[(f, n) for f in story.articles for n in f.numbers],
        dates=[(f, d) for f in story.articles for d in f.dates],
        conflicts=story.conflicts, corrections=story.corrections, repeats=story.repeats,
        inferred=[f for f in story.articles if f.article.published_inferred])


def correction_kind(c: Correction) -> str:
    """What a correction is about, in Romanian."""
    return CORRECTION_KINDS.get(c.kind, c.kind)


def correction_value(c: Correction, value: Optional[str]) -> Optional[str]:
    """A value of the corrections table in words: a kind of name in Romanian, a TIMEX date as a date."""
    if value is None:
        return None
    if c.kind == "kinds":
        return ENTITY_KINDS.get(value, value)
    if c.kind == "dates" and re.fullmatch(r"\d{4}(-[\dWSPUFAI]{2,3}(-\d{2})?)?(/.+)?", value):
        return date_label(value)
    return value


def review_groups(items: list[ReviewItem]) -> list[tuple[str, str, list[ReviewItem]]]:
    """(kind, Romanian title, items) in the order kinds first appear."""
    groups: dict[str, list[ReviewItem]] = {}
    for item in items:
        groups.setdefault(item.kind, []).append(item)
    return [(kind, REVIEW_KINDS.get(kind, kind), found) for kind, found in groups.items()]
