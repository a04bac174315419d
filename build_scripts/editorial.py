"""The editor's corrections, `seeds/editorial.yml`: they apply wherever the fact appears and survive every
rebuild, because they are applied to the extracted facts each time, never to the generated pages.

    updated: 2025-12-14                 # optional: when these corrections were made (the log shows it)
    articles:                           # metadata of an article, by its file name without .txt
      000_2df28bc92820d916: {title: "…", date: 2025-12-13, source: "…", url: "…", author: "…"}
    aliases:                            # one entity under one name, also across kinds
      Rafael Grossi: [Grossi, Rafael Mariano Grossi]
    kinds:                              # person | place | organization
      Energoatom: organization
    roles:
      Rafael Grossi: directorul general al AIEA
    hide:                               # a fact, entity, quote or event: its words as in the text
      - "Listele"
    dates:                              # a date's words, or article/sentence: a TIMEX3 value
      "în mai": 2025-05
      "000_2df28bc92820d916/p3-s1": 2025-12-12
    speakers:                           # the first words of a quote: a name, or null for nobody
      "Suntem foarte îngrijorați": Rafael Grossi
      "Nu ne vom retrage": null
    add:                                # what the extraction missed, with the sentence it comes from
      - {kind: person, name: Mireia Ruiz, article: 004_bulgaria, sentence: p3-s2}
      - {kind: figure, text: "42 de țări", value: 42, unit: țări, article: …, sentence: …}
      - {kind: event, date: 2022-08-15, article: …, sentence: …}

Errors name the line. An entry that matches nothing is reported, so nothing stops applying silently.
"""
from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .lang import key
from .model import (ENTITY_LISTS, ArticleFacts, Correction, DateMention, Entity, Mention, NumberMention, Problem)
from .storyfile import StoryFileError, read_yaml

FILE = "editorial.yml"
KEYS = ("updated", "articles", "aliases", "kinds", "roles", "hide", "dates", "speakers", "add")
ARTICLE_KEYS = ("title", "date", "source", "url", "author")
ADD_KINDS = (*ENTITY_LISTS, "figure", "event")
_TIMEX = re.compile(r"\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}|SP|SU|FA|WI))?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?")
_ANCHOR = re.compile(r"[^/\s]{1,200}/p\d{1,6}-s\d{1,6}")


class EditorialError(StoryFileError):
    """The corrections file is malformed; the message names the file and line."""


@dataclass
class Editorial:
    """The validated corrections, each with the line it is on."""

    path: str
    updated: Optional[str] = None
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    hide: list[str] = field(default_factory=list)
    dates: dict[str, str] = field(default_factory=dict)
    speakers: dict[str, Optional[str]] = field(default_factory=dict)
    add: list[dict[str, Any]] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)

    def line(self, section: str, entry: Any = None) -> int:
        at = f"{section}{entry}" if str(entry).startswith("[") else f"{section}.{entry}"
        return self.lines.get(at, self.lines.get(section, 1))


def load(seeds_dir: Path, shown: Optional[str] = None) -> Editorial:
    """The corrections of `seeds_dir` (an empty set when there is no file)."""
    path = Path(seeds_dir) / FILE
    shown = shown or str(path)
    if not path.is_file():
        return Editorial(path=shown)
    data, lines = read_yaml(path, shown)
    if data is None:
        return Editorial(path=shown)
    if not isinstance(data, dict):
        raise EditorialError(Problem(shown, "must be sections such as 'speakers:' (line 1)"))
    ed = Editorial(path=shown, lines=lines)

    def fail(section: str, message: str, entry: Any = None) -> None:
        raise EditorialError(Problem(shown, f"line {ed.line(section, entry)}: {section}: {message}"))

    def mapping(section: str) -> dict:
        value = data.get(section) or {}
        if not isinstance(value, dict):
            fail(section, "must be 'key: value' lines")
        return value

    for k in data:
        if k not in KEYS:
            fail(str(k), f"unknown section (known: {', '.join(KEYS)})")
    if data.get("updated") is not None:
        ed.updated = str(data["updated"])
    for article, meta in mapping("articles").items():
        if not isinstance(meta, dict) or any(m not in ARTICLE_KEYS for m in meta):
            fail("articles", f"'{article}' needs some of {', '.join(ARTICLE_KEYS)}", article)
        if "date" in meta and not isinstance(meta["date"], dt.date):
            try:
                meta["date"] = dt.date.fromisoformat(str(meta["date"]))
            except ValueError:
                fail("articles", f"'{article}': date must be YYYY-MM-DD", article)
        ed.articles[str(article)] = meta
    for name, others in mapping("aliases").items():
        if isinstance(others, str):
            others = [others]
        if not isinstance(others, list) or not all(isinstance(o, str) for o in others):
            fail("aliases", f"'{name}' needs a list of other names", name)
        ed.aliases[str(name)] = others
    for name, kind in mapping("kinds").items():
        if kind not in ENTITY_LISTS:
            fail("kinds", f"'{name}': kind must be person, place or organization, not '{kind}'", name)
        ed.kinds[str(name)] = kind
    for name, role in mapping("roles").items():
        if not isinstance(role, str) or not role.strip():
            fail("roles", f"'{name}' needs a role", name)
        ed.roles[str(name)] = role.strip()
    hide = data.get("hide") or []
    if not isinstance(hide, list) or not all(isinstance(h, (str, int, float)) for h in hide):
        fail("hide", "must be a list of texts")
    ed.hide = [str(h) for h in hide]
    for target, value in mapping("dates").items():
        value = value.isoformat() if isinstance(value, dt.date) else str(value)
        if not _TIMEX.fullmatch(value):
            fail("dates", f"'{target}': '{value}' is not a date value (2025, 2025-08, 2025-08-21, 2025-W33, …)", target)
        ed.dates[str(target)] = value
    for words, speaker in mapping("speakers").items():
        if speaker is not None and not isinstance(speaker, str):
            fail("speakers", f"'{words}': the speaker must be a name or null", words)
        ed.speakers[str(words)] = speaker
    add = data.get("add") or []
    if not isinstance(add, list):
        fail("add", "must be a list of facts")
    for i, item in enumerate(add):
        if not isinstance(item, dict) or item.get("kind") not in ADD_KINDS:
            fail("add", f"entry {i + 1} needs a kind ({', '.join(ADD_KINDS)})", f"[{i}]")
        if not item.get("article") or not item.get("sentence"):
            fail("add", f"entry {i + 1} needs the article and the sentence it comes from", f"[{i}]")
        if item["kind"] in ENTITY_LISTS and not item.get("name"):
            fail("add", f"entry {i + 1} needs a name", f"[{i}]")
        if item["kind"] == "figure" and (not item.get("text") or not isinstance(item.get("value"), (int, float))):
            fail("add", f"entry {i + 1} needs the figure's text and a numeric value", f"[{i}]")
        if item["kind"] == "event":
            value = item.get("date")
            value = value.isoformat() if isinstance(value, dt.date) else str(value or "")
            if not _TIMEX.fullmatch(value):
                fail("add", f"entry {i + 1} needs a date value", f"[{i}]")
            item["date"] = value
        ed.add.append(item)
    return ed


def apply(editorial: Editorial, articles: list[ArticleFacts]) -> tuple[list[Correction], list[Problem]]:
    """Apply every correction to the facts; the corrections in force, and a problem for each entry that
    matched nothing. The lists of `articles` change; their records are shared with the process's later
    builds (`session.py`), so an article's records are copied (`_own`) before a correction changes one."""
    log: list[Correction] = []
    by_id = {f.article.id: f for f in articles}
    owned: set[int] = set()

    def record(kind: str, target: str, before: Optional[str], after: Optional[str], entry: Any, applied: int) -> None:
        log.append(Correction(kind=kind, target=target, before=before, after=after,
                              line=editorial.line(kind, entry), since=editorial.updated, applied=applied))

    # Metadata corrections were applied when the articles were read (see `pipeline.load_articles`).
    for article, meta in editorial.articles.items():
        record("articles", article, None, ", ".join(f"{k}: {v}" for k, v in meta.items()), article,
               1 if article in by_id else 0)
    for canonical, others in editorial.aliases.items():
        before, n = _alias(articles, canonical, others, owned)
        record("aliases", canonical, ", ".join(before) or None, canonical, canonical, n)
    for name, kind in editorial.kinds.items():
        before, n = _kind(articles, name, kind, owned)
        record("kinds", name, before, kind, name, n)
    for name, role in editorial.roles.items():
        before, n = _role(articles, name, role, owned)
        record("roles", name, before, role, name, n)
    for text in editorial.hide:
        n = _hide(articles, text, owned)
        record("hide", text, text, None, f"[{editorial.hide.index(text)}]", n)
    for target, value in editorial.dates.items():
        before, n = _date(articles, by_id, target, value, owned)
        record("dates", target, before, value, target, n)
    for words, speaker in editorial.speakers.items():
        before, n = _speaker(articles, words, speaker, owned)
        record("speakers", words, before, speaker, words, n)
    for i, item in enumerate(editorial.add):
        n = _add(by_id, item, owned)
        label = item.get("name") or item.get("text") or item.get("date")
        record("add", str(label), None, f"{item['kind']}: {label}", f"[{i}]", n)
    problems = [Problem(editorial.path, f"line {c.line}: {c.kind} '{c.target}' matches nothing in the articles",
                        fatal=False) for c in log if c.applied == 0]
    return log, problems


# -- each kind of correction ------------------------------------------------------------------------

def _own(facts: ArticleFacts, owned: set[int]) -> ArticleFacts:
    """`facts` with records of its own, which a correction may change (once per `apply`: `owned` holds
    the articles already copied)."""
    if id(facts) not in owned:
        owned.add(id(facts))
        for attr in ENTITY_LISTS.values():
            setattr(facts, attr, [e.own_copy() for e in getattr(facts, attr)])
        facts.quotes = [copy.copy(q) for q in facts.quotes]
        facts.dates = [copy.copy(d) for d in facts.dates]
        facts.numbers = [copy.copy(n) for n in facts.numbers]
    return facts


def _entities(facts: ArticleFacts):
    for kind, attr in ENTITY_LISTS.items():
        for entity in getattr(facts, attr):
            yield kind, attr, entity


def _named(entity: Entity, name: str) -> bool:
    k = key(name)
    return key(entity.name) == k or any(key(a) == k for a in entity.aliases)


def _alias(articles: list[ArticleFacts], canonical: str, others: list[str],
           owned: set[int]) -> tuple[list[str], int]:
    """Every entity named as one of `others` becomes `canonical` (of the canonical's kind when the
    article has it, else of the first kind found), its mentions joined."""
    names = [canonical, *others]
    before, count = [], 0
    for facts in articles:
        if not any(_named(e, n) for _, _, e in _entities(facts) for n in names):
            continue
        _own(facts, owned)
        found = [(kind, attr, e) for kind, attr, e in _entities(facts) if any(_named(e, n) for n in names)]
        target_kind = next((k for k, _, e in found if _named(e, canonical)), found[0][0])
        merged = Entity(name=canonical, kind=target_kind, confirmed=True, corrected=True)
        for kind, attr, entity in found:
            if entity.name != canonical and entity.name not in before:
                before.append(entity.name)
            getattr(facts, attr).remove(entity)
            merged.aliases += [a for a in [entity.name, *entity.aliases] if a != canonical and a not in merged.aliases]
            merged.mentions += entity.mentions
            merged.role = merged.role or entity.role
            count += 1
        merged.mentions.sort(key=lambda m: (_order(m.sentence), m.start))
        getattr(facts, ENTITY_LISTS[target_kind]).append(merged)
        for quote in facts.quotes:
            if quote.speaker and any(key(quote.speaker) == key(n) for n in others):
                quote.speaker = canonical
    return before, count


def _kind(articles: list[ArticleFacts], name: str, kind: str, owned: set[int]) -> tuple[Optional[str], int]:
    before, count = None, 0
    for facts in articles:
        if not any(_named(e, name) for _, _, e in _entities(facts)):
            continue
        for old, attr, entity in list(_entities(_own(facts, owned))):
            if _named(entity, name) and old != kind:
                getattr(facts, attr).remove(entity)
                entity.kind, entity.corrected, entity.confirmed = kind, True, True
                getattr(facts, ENTITY_LISTS[kind]).append(entity)
                before, count = old, count + 1
            elif _named(entity, name):
                entity.corrected, entity.confirmed = True, True
                count += 1
    return before, count


def _role(articles: list[ArticleFacts], name: str, role: str, owned: set[int]) -> tuple[Optional[str], int]:
    before, count = None, 0
    for facts in articles:
        if not any(_named(e, name) for _, _, e in _entities(facts)):
            continue
        for _, _, entity in _entities(_own(facts, owned)):
            if _named(entity, name):
                before = before or entity.role
                entity.role, entity.corrected = role, True
                count += 1
    return before, count


def _hide(articles: list[ArticleFacts], text: str, owned: set[int]) -> int:
    """Entities by name, figures and dates by their words, quotes by their first words, events by a
    sentence that holds the words."""
    k = key(text)
    count = 0
    for facts in articles:
        for _, attr, entity in list(_entities(facts)):
            if _named(entity, text):
                getattr(facts, attr).remove(entity)
                count += 1
        for attr in ("numbers", "dates"):
            matched = {id(m) for m in _by_words(facts, getattr(facts, attr), text)}
            keep = [m for m in getattr(facts, attr) if id(m) not in matched]
            count += len(getattr(facts, attr)) - len(keep)
            setattr(facts, attr, keep)
        keep_q = [q for q in facts.quotes if not key(q.text).startswith(k)]
        count += len(facts.quotes) - len(keep_q)
        facts.quotes = keep_q
        hidden = {s.id for s in facts.article.sentences if k and k in key(s.text)}
        if hidden and len(k.split()) >= 3:  # a whole event: its dates stop being events
            if any(d.sentence in hidden and "hidden" not in d.flags for d in facts.dates):
                _own(facts, owned)
            for d in facts.dates:
                if d.sentence in hidden and "hidden" not in d.flags:
                    d.flags = d.flags + ("hidden",)
                    count += 1
    return count


def _by_words(facts: ArticleFacts, mentions: list, words: str) -> list:
    """The mentions an editor's words name: the mention's own words ("iulie 2025"), or words around it
    that its sentence holds ("în iulie 2025")."""
    k = key(words)
    if not k:
        return []
    padded = f" {k} "
    sentences = {s.id: f" {key(s.text)} " for s in facts.article.sentences}
    return [m for m in mentions if key(m.text) == k
            or (f" {key(m.text)} " in padded and padded in sentences.get(m.sentence, ""))]


def _date(articles: list[ArticleFacts], by_id: dict[str, ArticleFacts], target: str,
          value: str, owned: set[int]) -> tuple[Optional[str], int]:
    before, count = None, 0
    anchor = _ANCHOR.fullmatch(target)
    if anchor:
        article_id, sentence = target.split("/", 1)
        facts = by_id.get(article_id)
        if facts is not None and any(d.sentence == sentence and d.type == "DATE" for d in facts.dates):
            _own(facts, owned)
        mentions = [d for d in facts.dates if d.sentence == sentence and d.type == "DATE"] if facts else []
        if facts and not mentions:
            s = next((s for s in facts.article.sentences if s.id == sentence), None)
            if s is not None:  # a sentence the extraction gave no date: the whole sentence is dated
                facts.dates.append(DateMention(text=s.text[:60], value=value, type="DATE", sentence=sentence,
                                               start=0, end=min(60, len(s.text)), corrected=True))
                return None, 1
    else:
        mentions = []
        for f in articles:
            if _by_words(f, f.dates, target):
                _own(f, owned)
                mentions += _by_words(f, f.dates, target)
    for d in mentions:
        before = before or d.value
        d.value, d.corrected = value, True
        d.flags = tuple(f for f in d.flags if f != "unresolved")
        count += 1
    return before, count


def _speaker(articles: list[ArticleFacts], words: str, speaker: Optional[str],
             owned: set[int]) -> tuple[Optional[str], int]:
    k = key(words)
    before, count = None, 0
    for facts in articles:
        if not any(k and key(quote.text).startswith(k) for quote in facts.quotes):
            continue
        for quote in _own(facts, owned).quotes:
            if k and key(quote.text).startswith(k):
                before = before or quote.speaker
                quote.speaker, quote.speaker_via = speaker, "editor"
                count += 1
    return before, count


def _add(by_id: dict[str, ArticleFacts], item: dict[str, Any], owned: set[int]) -> int:
    facts = by_id.get(str(item["article"]))
    sentence = next((s for s in facts.article.sentences if s.id == item["sentence"]), None) if facts else None
    if sentence is None:
        return 0
    kind = item["kind"]
    if kind in ENTITY_LISTS:
        _own(facts, owned)
        name = item["name"]
        start = sentence.text.find(name)
        mention = Mention(text=name if start >= 0 else sentence.text[:0], sentence=sentence.id,
                          start=max(start, 0), end=max(start, 0) + (len(name) if start >= 0 else 0))
        existing = next((e for e in getattr(facts, ENTITY_LISTS[kind]) if _named(e, name)), None)
        if existing is None:
            existing = Entity(name=name, kind=kind, role=item.get("role"), confirmed=True, corrected=True)
            getattr(facts, ENTITY_LISTS[kind]).append(existing)
        existing.mentions.append(mention)
        return 1
    if kind == "figure":
        text = str(item["text"])
        start = max(sentence.text.find(text), 0)
        facts.numbers.append(NumberMention(text=text, value=item["value"], unit=item.get("unit"),
                                           sentence=sentence.id, start=start, end=start + len(text),
                                           qualifier=item.get("qualifier"), corrected=True))
        return 1
    text = str(item.get("text") or sentence.text[:60])
    start = max(sentence.text.find(text), 0)
    facts.dates.append(DateMention(text=text, value=item["date"], type="DATE", sentence=sentence.id,
                                   start=start, end=start + len(text), corrected=True))
    return 1


def _order(anchor: str) -> tuple[int, int]:
    p, _, s = anchor[1:].partition("-s")
    return (int(p), int(s)) if p.isdigit() and s.isdigit() else (0, 0)
