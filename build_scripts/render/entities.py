"""Persons, places and organizations: the index (a compact table, places by country) and a page for
each person or organization with a slug (quoted, or in at least two articles).

The table lists every person and organization once, with its role and how many articles and quotes it
has; past `PAGE_ROWS` rows it continues on further pages. A page of its own gathers what the story says
about one name: its quotes with their dates, the chronology entries it appears in, the articles.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model import ArticleFacts, Event, Quote, Story, StoryEntity
from .paging import Part, paginate
from .site import ENTITY_DIR, Site, entity_page

ENTITIES = "entitati.md"
PAGE_ROWS = 300
ENTITY_LIST = 150  # quotes, events and articles on a person's page; the rest are counted and linked
KIND_LABELS = {"person": "persoană", "organization": "organizație", "place": "loc"}
NO_COUNTRY = "Fără țară identificată"


@dataclass
class EntityPage:
    """What the story says about one person or organization."""

    path: str
    entity: StoryEntity
    quotes: list[tuple[ArticleFacts, Quote]]
    events: list[Event]
    articles: list[tuple[ArticleFacts, str, int]]  # (article, first sentence naming it, mentions)


def table_rows(story: Story) -> list[StoryEntity]:
    """Every person and organization, most present first."""
    rows = [e for e in story.entities if e.kind in ("person", "organization")]
    return sorted(rows, key=lambda e: (-(len(e.mentions) + e.quotes), e.name))


def index_pages(story: Story) -> list[Part[StoryEntity]]:
    """The table, `PAGE_ROWS` rows a page (`entitati/lista-N.md`); the first page also lists the places
    (`places_by_country`)."""
    return paginate(table_rows(story), PAGE_ROWS, ENTITIES, ENTITY_DIR, name="lista")


def places_by_country(story: Story) -> list[tuple[str, list[StoryEntity]]]:
    """Places under their country (a country heads its own group); the biggest groups first."""
    places = [e for e in story.entities if e.kind == "place"]
    groups: dict[str, list[StoryEntity]] = {}
    for e in places:
        country = e.country or (e.name if _is_country_of(e.name, places) else None)
        groups.setdefault(country or NO_COUNTRY, []).append(e)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == NO_COUNTRY, -sum(len(e.mentions) for e in kv[1]), kv[0]))
    return [(country, sorted(items, key=lambda e: (e.name != country, -len(e.mentions), e.name)))
            for country, items in ordered]


def _is_country_of(name: str, places: list[StoryEntity]) -> bool:
    """A place is a country here when another place of the story lies in it."""
    return any(p.country == name for p in places)


def entity_pages(story: Story, site: Site) -> list[EntityPage]:
    """A page per person or organization with a slug."""
    out = []
    for entity in story.entities:
        if not entity.slug or entity.kind == "place":
            continue
        out.append(EntityPage(entity_page(entity), entity, quotes_of(story, site, entity),
                              events_of(story, site, entity), articles_of(story, site, entity)))
    return out


def quotes_of(story: Story, site: Site, entity: StoryEntity) -> list[tuple[ArticleFacts, Quote]]:
    """The entity's quotes, in story order (articles by date, then by sentence)."""
    if site.entity(entity.name) is not entity:
        return []  # a place or a second entity of the same name: the speaker is the other one
    return site.quotes_in_time(entity.name)


def events_of(story: Story, site: Site, entity: StoryEntity) -> list[Event]:
    """The chronology entries whose sentence names the entity, in chronology order."""
    found = {id(e): e for where in set(entity.mentions) for e in site.events_at.get(where, ())}
    return sorted(found.values(), key=lambda e: site.event_order[id(e)])


def articles_of(story: Story, site: Site, entity: StoryEntity) -> list[tuple[ArticleFacts, str, int]]:
    """Each article naming the entity, with the first sentence that does and how often it does."""
    first: dict[str, str] = {}
    counts: dict[str, int] = {}
    for a, s in entity.mentions:  # one pass: a name in hundreds of articles is not a square
        first.setdefault(a, s)
        counts[a] = counts.get(a, 0) + 1
    return [(site.by_id[a], first[a], counts[a]) for a in entity.articles if a in site.by_id and a in counts]


def kind_label(entity: StoryEntity) -> str:
    """The kind of name in Romanian ("persoană")."""
    return KIND_LABELS.get(entity.kind, entity.kind)


def first_mention(entity: StoryEntity) -> Optional[tuple[str, str]]:
    """(article id, sentence) where the entity is first named."""
    return entity.mentions[0] if entity.mentions else None
