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
import itertools
import operator
from typing import Optional

from .lang import key, load as load_lang
from .model import ENTITY_LISTS, ArticleFacts, StoryEntity
from .names import Variants

PAGE_MIN_ARTICLES = 2  # a person or organization gets a page when in this many articles, or quoted
_NAME, _MENTIONS = operator.attrgetter("name"), operator.attrgetter("mentions")


def story_entities(articles: list[ArticleFacts], slugify, reuse=None) -> list[StoryEntity]:
    """The story's entities, most mentioned first; article entities and speakers renamed (in copies put
    in their place: the records of the facts are shared with later builds, see `session.py`). `reuse`
    (a `session.Reuse`) gives what the last build made from the same records: the names when every
    article names the same entities as many times, an article's renamed copies, a name's story entity."""
    connectors = frozenset(load_lang().keys_of("name_connectors"))
    out: list[StoryEntity] = []
    for kind, attr in ENTITY_LISTS.items():
        every = list(itertools.chain.from_iterable(map(operator.attrgetter(attr), articles)))
        names = tuple(zip(map(_NAME, every), map(len, map(_MENTIONS, every))))  # each entity's, in story order
        if reuse is None:
            variants, renamed, changed = _variants(kind, names, connectors)
        else:
            variants, renamed, changed = reuse.get((), (kind, connectors, names), lambda: _variants(kind, names, connectors))
        for facts in articles:
            entities = getattr(facts, attr)
            if changed.isdisjoint(map(_NAME, entities)):
                continue
            if reuse is None:
                setattr(facts, attr, _renamed(entities, renamed))
            else:  # the copies of the last build when the same records take the same names
                names_now = tuple(renamed.get(e.name, e.name) for e in entities)
                setattr(facts, attr, list(reuse.get(tuple(entities), (attr, names_now),
                                                    lambda: _renamed(entities, renamed))))
        # Each name's records in story order ([article id, entity, article id, entity, …]), then one
        # story entity a name: as the last build made it when its records are the same.
        groups: dict[str, list] = {}
        for facts in articles:
            article_id = facts.article.id
            for entity in getattr(facts, attr):
                group = groups.get(entity.name)
                if group is None:
                    groups[entity.name] = [article_id, entity]
                else:
                    group += (article_id, entity)
        for name, group in groups.items():
            if reuse is None:
                role, aliases, mentions, in_articles = _merged(name, group)
            else:
                role, aliases, mentions, in_articles = reuse.get(
                    group[1::2], ("merged", name, *group[0::2]), lambda: _merged(name, group))
            out.append(StoryEntity(name=name, kind=kind, role=role, aliases=list(aliases), mentions=list(mentions),
                                   articles=list(in_articles)))
        if kind != "place":
            story_names: dict[str, str] = {}
            for facts in articles:
                speakers = [_story_name(q.speaker, renamed, variants, story_names) if q.speaker else q.speaker
                            for q in facts.quotes]
                if speakers != [q.speaker for q in facts.quotes]:
                    quotes = facts.quotes
                    if reuse is None:
                        facts.quotes = _with_speakers(quotes, speakers)
                    else:  # as for entities: the same records and names give the copies of the last build
                        facts.quotes = list(reuse.get(tuple(quotes), ("quotes", tuple(speakers)),
                                                      lambda: _with_speakers(quotes, speakers)))
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


def _merged(name: str, group: list) -> tuple[Optional[str], list[str], list[tuple[str, str]], list[str]]:
    """The role, aliases, mentions and articles of the story entity `name` from its records in story
    order (`group`: article id, entity, article id, entity, …)."""
    role: Optional[str] = None
    aliases: list[str] = []
    mentions: list[tuple[str, str]] = []
    in_articles: list[str] = []
    seen: set[str] = set()
    for article_id, entity in zip(group[0::2], group[1::2]):
        role = role or entity.role
        if entity.aliases:
            aliases += [a for a in entity.aliases if a != name and a not in aliases]
        mentions += [(article_id, m.sentence) for m in entity.mentions]
        if article_id not in seen:
            seen.add(article_id)
            in_articles.append(article_id)
    return role, aliases, mentions, in_articles


def _variants(kind: str, names: tuple[tuple[str, int], ...],
              connectors: frozenset[str]) -> tuple[Variants, dict[str, str], frozenset[str]]:
    """The variants of the story's names of one kind (each with its number of mentions, in story
    order), the story's name of each first-seen form, and the names the story changes."""
    variants = Variants(connectors)
    for name, mentions in names:
        variants.add(name, mentions)
    variants.link(kind)
    renamed = {name: variants.canonical(name) for name in variants.by_key.values()}
    return variants, renamed, frozenset(name for name, story_name in renamed.items() if story_name != name)


def _story_name(name: str, renamed: dict[str, str], variants: Variants, found: dict[str, str]) -> str:
    """The story's name for a speaker (`found`: those asked for before in this build)."""
    story_name = found.get(name)
    if story_name is None:
        story_name = found[name] = renamed[name] if name in renamed else variants.canonical(name)
    return story_name


def _renamed(entities: list, renamed: dict[str, str]) -> list:
    """Copies of an article's entities of one kind with the story's names (`renamed`)."""
    copies = [e.own_copy() for e in entities]
    for entity in list(copies):
        name = renamed.get(entity.name, entity.name)
        if name != entity.name:
            _rename(copies, entity, name)
    return copies


def _rename(entities: list, entity, name: str) -> None:
    """Give `entity` the story's name, joining it with an entity of that name in the same list."""
    same = next((e for e in entities if e is not entity and e.name == name), None)
    old = entity.name
    if same is None:
        entity.aliases = [a for a in [old, *entity.aliases] if a != name]
        entity.name = name
        return
    same.aliases += [a for a in [old, *entity.aliases] if a != name and a not in same.aliases]
    same.mentions += entity.mentions
    same.role = same.role or entity.role
    entities.remove(entity)


def _with_speakers(quotes: list, speakers: list) -> list:
    """The quotes with the story's names of their speakers (a changed quote is a copy)."""
    return [q if q.speaker == speaker else dataclasses.replace(q, speaker=speaker) for q, speaker in zip(quotes, speakers)]


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
