"""One name per person, place and organization across the whole story.

Each article already joined its own variants; here the variants of different articles are joined with
the same rules (`names.Variants`: a surname alone, a transliteration, an acronym, a one-letter typo), so
"Grossi" in one article and "Rafael Grossi" in another are one person with one page. Every article's
entities and every quote's speaker take the story's name. Names are blocked by key, surname and
skeleton, so this grows with the number of names, not its square.
"""
from __future__ import annotations

import collections
import dataclasses
import functools
from typing import Optional

from .lang import key, load as load_lang
from .model import ENTITY_LISTS, ArticleFacts, StoryEntity
from .names import Variants

PAGE_MIN_ARTICLES = 2  # a person or organization gets a page when in this many articles, or quoted


def story_entities(articles: list[ArticleFacts], slugify, reuse=None) -> list[StoryEntity]:
    """The story's entities, most mentioned first; article entities and speakers renamed (in copies put
    in their place: the records of the facts are shared with later builds, see `session.py`). `reuse`
    (a `session.Reuse`) gives the names of the last build when every article names the same entities
    as many times."""
    connectors = frozenset(load_lang().keys_of("name_connectors"))
    out: list[StoryEntity] = []
    for kind, attr in ENTITY_LISTS.items():
        names = tuple((entity.name, len(entity.mentions)) for facts in articles for entity in getattr(facts, attr))
        if reuse is None:
            variants, renamed = _variants(kind, names, connectors)
        else:
            variants, renamed = reuse.get((), (kind, connectors, names), lambda: _variants(kind, names, connectors))
        merged: dict[str, StoryEntity] = {}
        for facts in articles:
            if all(renamed.get(e.name, e.name) == e.name for e in getattr(facts, attr)):
                continue
            setattr(facts, attr, [e.own_copy() for e in getattr(facts, attr)])
            for entity in list(getattr(facts, attr)):
                name = renamed.get(entity.name, entity.name)
                if name != entity.name:
                    _rename(facts, attr, entity, name)
        in_articles: dict[str, set[str]] = {}  # the articles of each merged entity, for `articles`
        for facts in articles:
            article_id = facts.article.id
            for entity in getattr(facts, attr):
                item = merged.get(entity.name)
                if item is None:
                    item = merged[entity.name] = StoryEntity(name=entity.name, kind=kind)
                    in_articles[entity.name] = set()
                item.role = item.role or entity.role
                if entity.aliases:
                    item.aliases += [a for a in entity.aliases if a != item.name and a not in item.aliases]
                item.mentions += [(article_id, m.sentence) for m in entity.mentions]
                if article_id not in in_articles[entity.name]:
                    in_articles[entity.name].add(article_id)
                    item.articles.append(article_id)
        if kind != "place":
            story_names: dict[str, str] = {}
            for facts in articles:
                speakers = [_story_name(q.speaker, renamed, variants, story_names) if q.speaker else q.speaker
                            for q in facts.quotes]
                if speakers != [q.speaker for q in facts.quotes]:
                    facts.quotes = [q if q.speaker == speaker else dataclasses.replace(q, speaker=speaker)
                                    for q, speaker in zip(facts.quotes, speakers)]
        out += merged.values()
    if reuse is not None:
        reuse.done()
    quotes = collections.Counter(q.speaker for f in articles for q in f.quotes if q.speaker)
    used: set[str] = set()
    home = _home_country(out)
    for entity in out:
        entity.quotes = quotes.get(entity.name, 0)
        if entity.kind == "place":
            entity.country = country_of(entity.name, home)
        elif len(entity.articles) >= PAGE_MIN_ARTICLES or entity.quotes:
            base = slugify(entity.name)
            slug, n = base, 2
            while slug in used:
                slug, n = f"{base}-{n}", n + 1
            used.add(slug)
            entity.slug = slug
    out.sort(key=lambda e: (-(len(e.mentions) + 3 * e.quotes), e.kind, key(e.name)))
    return out


def _variants(kind: str, names: tuple[tuple[str, int], ...], connectors: frozenset[str]) -> tuple[Variants, dict[str, str]]:
    """The variants of the story's names of one kind (each with its number of mentions, in story
    order), and the story's name of each first-seen form."""
    variants = Variants(connectors)
    for name, mentions in names:
        variants.add(name, mentions)
    variants.link(kind)
    return variants, {name: variants.canonical(name) for name in variants.by_key.values()}


def _story_name(name: str, renamed: dict[str, str], variants: Variants, found: dict[str, str]) -> str:
    """The story's name for a speaker (`found`: those asked for before in this build)."""
    story_name = found.get(name)
    if story_name is None:
        story_name = found[name] = renamed[name] if name in renamed else variants.canonical(name)
    return story_name


def _rename(facts: ArticleFacts, attr: str, entity, name: str) -> None:
    """Give `entity` the story's name, joining it with an entity of that name in the same article."""
    same = next((e for e in getattr(facts, attr) if e is not entity and e.name == name), None)
    old = entity.name
    if same is None:
        entity.aliases = [a for a in [old, *entity.aliases] if a != name]
        entity.name = name
        return
    same.aliases += [a for a in [old, *entity.aliases] if a != name and a not in same.aliases]
    same.mentions += entity.mentions
    same.role = same.role or entity.role
    getattr(facts, attr).remove(entity)


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import babel

    return dict(babel.Locale("ro").territories)


LOCAL_MIN_POPULATION = 10_000  # a town of the story's country this big wins over a bigger namesake abroad


def country_of(place: str, home: Optional[str] = None) -> Optional[str]:
    """The country a place is in (its Romanian name), from the offline lexicon; None for countries and
    regions. In a story set in Romania or Moldova (`home`), a town of that country of some size is the
    one meant ("Alexandria" in Teleorman, not in Egypt)."""
    from .extract import places

    found = places.lookup(place)
    if found is None or found.kind in ("country", "region", "state") or not found.country:
        return None
    local = places.lookup_local(place) if home else None
    if local is not None and local.country == home and local.population >= LOCAL_MIN_POPULATION:
        found = local
    return _country_names().get(found.country)


def _home_country(entities) -> Optional[str]:
    """The country most of the story's towns are in, when it is one the lexicon knows in detail."""
    from .extract import places

    counts = collections.Counter()
    for entity in entities:
        if entity.kind == "place":
            found = places.lookup(entity.name)
            if found is not None and found.kind == "city":
                counts[found.country] += len(entity.mentions)
    best = counts.most_common(1)
    return best[0][0] if best and best[0][0] in places.LOCAL_COUNTRIES else None
