"""People, places and organizations under one canonical name per article.

Two sources of names: the curated gazetteer (ro_gazetteer.yaml) and rules for names no list holds -
a role before a name ("premierul Ilie Bolojan"), a known given name, a head word ("Ministerul ..."), a
place cue ("regiunea ..."), an acronym, a preposition before a lone name ("la Craiova"). Romanian case
endings are undone ("Rusiei" -> "Rusia"), and mentions merge: surname alone, hyphen variants and acronyms
join the full name. A capitalized word that only starts a sentence is not a name unless known.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from ..lang import Lang, alternation, ascii_fold
from ..model import Entity, Mention, Sentence

KINDS = ("person", "place", "organization")
_CAP = r"[A-ZĂÂÎȘȚÉÖÜÁÓ]"
_TOKEN = rf"{_CAP}[\w’'-]*"


@dataclass
class EntityResult:
    """Entities of one article, and the role phrases it tied to a person ("liderul nord-coreean")."""

    people: list[Entity]
    places: list[Entity]
    organizations: list[Entity]
    roles: dict[str, str] = field(default_factory=dict)
    spans: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)  # sentence -> (start, end, name)

    @functools.cached_property
    def person_names(self) -> set[str]:
        """Names of the people (asked for once per quote: computed once)."""
        return {e.name for e in self.people}

    @functools.cached_property
    def speakers(self) -> set[str]:
        """Who can speak or be a source: people, and organizations ("Ministerul ... a transmis")."""
        return {e.name for e in self.people + self.organizations}


def key(name: str) -> str:
    """A comparison key: no diacritics, no case, hyphens as spaces ("Kim Jong-un" == "Kim Jong Un")."""
    return re.sub(r"[\s-]+", " ", ascii_fold(name).lower()).strip()


@dataclass
class _Gaz:
    forms: dict[str, tuple[str, str]]  # key(form) -> (kind, canonical)
    pattern: re.Pattern
    given: set[str]
    aliases: dict[str, list[str]]  # canonical -> all its forms


@functools.lru_cache(maxsize=4)
def _gazetteer(lang: Lang) -> _Gaz:
    forms: dict[str, tuple[str, str]] = {}
    aliases: dict[str, list[str]] = {}
    surface: list[str] = []
    for kind, section in (("person", "people"), ("place", "places"), ("organization", "organizations")):
        for entry in lang.gazetteer[section]:
            names = [entry["name"], *entry.get("aliases", []), *entry.get("forms", [])]
            aliases[entry["name"]] = names
            for n in names:
                forms.setdefault(key(n), (kind, entry["name"]))
                surface.append(n)
                if "-" in n:
                    surface.append(n.replace("-", " "))
    pattern = re.compile(rf"(?<![\w-])(?:{alternation(surface)})(?![\w-])")
    return _Gaz(forms=forms, pattern=pattern, given={key(g) for g in lang.gazetteer["given_names"]}, aliases=aliases)


def extract_entities(sentences: list[Sentence], lang: Lang) -> EntityResult:
    """Entities of an article, in order of first mention."""
    gaz = _gazetteer(lang)
    ctx = _Context(lang, gaz)
    # 1. Gazetteer names and capitalized sequences, sentence by sentence, in reading order.
    for sentence in sentences:
        ctx.scan(sentence)
    # 2. Single names that match a known person's first or last name join that person.
    ctx.merge_short_names()
    ctx.merge_acronyms(sentences)
    ctx.add_gazetteer_roles()
    return ctx.result()


class _Context:
    """The state of one article's entity pass: what has been established so far."""

    def __init__(self, lang: Lang, gaz: _Gaz):
        self.lang = lang
        self.gaz = gaz
        self.entities: dict[tuple[str, str], Entity] = {}
        self.roles: dict[str, str] = {}
        self.spans: dict[str, list[tuple[int, int, str]]] = {}
        self.person_roles = re.compile(rf"(?<![\w])({lang.alt('person_roles')})(?![\w])", re.I)
        self.role_words = {key(r) for r in lang["person_roles"]}
        self.org_heads = {key(h) for h in lang["org_heads"]}
        self.place_cues = {key(c) for c in lang["place_cues"]}
        self.place_preps = {key(p) for p in lang["place_prepositions"]}
        self.not_entities = {key(w) for w in lang["not_entities"]}
        connectors = alternation(lang["name_connectors"])
        self.sequence = re.compile(rf"(?<![\w-])(?:{_TOKEN})(?:(?:\s+(?:{connectors})\s+|\s+)(?:{_TOKEN}))*(?![\w-])")
        self.genitive = {key(w) for w in lang["genitive_articles"]}
        self.not_orgs = set(lang["not_organizations"])
        nationality = alternation(lang["nationality_adjectives"])
        self.nationality = {key(w) for w in lang["nationality_adjectives"]}
        self.org_run = re.compile(
            rf"(?<![\w-])(?:{_TOKEN})(?:(?:\s+(?:{connectors}|{alternation(lang['org_connectors'])})\s+|\s+)(?:{_TOKEN}|(?:{nationality})(?![\w-])))*(?![\w-])")

    # -- scanning ---------------------------------------------------------------------------------

    def scan(self, sentence: Sentence) -> None:
        text = sentence.text
        taken: list[tuple[int, int]] = self._organizations(sentence)
        for m in self.gaz.pattern.finditer(text):
            if any(a <= m.start() and m.end() <= b for a, b in taken):
                continue
            kind, canonical = self.gaz.forms[key(m.group(0))]
            if kind == "person" and " " not in m.group(0).strip():
                if re.search(rf"{_CAP}[\w’'-]*\s+$", text[:m.start()]):
                    continue  # "Bogdan Ciucă": a surname inside a longer name is not the famous namesake
                # A surname alone is the person this article named, before any famous namesake.
                canonical = self._short_name(key(m.group(0))) or canonical
            self._add(kind, canonical, m.group(0), sentence, m.start(), m.end())
            taken.append((m.start(), m.end()))
            if kind == "person":
                self._learn_role(text, m.start(), canonical)
        for m in self.sequence.finditer(text):
            for start, end in self._split_around(m, taken):
                self._classify(sentence, start, end)

    def _drop_leading(self, text: str, start: int, end: int, words: list[str]) -> int:
        """Drop leading words that are not names ("Liderul", "În", "Președintele") from `words` (in
        place) and return where the rest starts in `text`."""
        while words and (key(words[0]) in self.not_entities or key(words[0]) in self.role_words):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
            words.pop(0)
        return start

    def _organizations(self, sentence: Sentence) -> list[tuple[int, int]]:
        """Runs that start with an organization's head word ("Banca Transilvania", "Ministerul Educației
        și Cercetării") are one name, even where a place is part of it; a given name ends the run
        ("Ministerul Sănătății Mihaela Popa")."""
        text = sentence.text
        claimed = []
        for m in self.org_run.finditer(text):
            words = m.group(0).split()
            start = self._drop_leading(text, m.start(), m.end(), words)
            if len(words) < 2 or key(words[0]) not in self.org_heads:
                continue
            kept = [words[0]]
            for w in words[1:]:
                if key(w) in self.gaz.given and len(kept) >= 2:
                    break
                kept.append(w)
            while kept and not re.match(_CAP, kept[-1]) and key(kept[-1]) not in self.nationality:
                kept.pop()
            if len(kept) < 2:
                continue
            surface = " ".join(kept)
            end = start + len(surface)
            if key(surface) in self.gaz.forms:
                kind, canonical = self.gaz.forms[key(surface)]
            else:
                kind, canonical = "organization", self._canonical("organization", surface)
            self._add(kind, canonical, surface, sentence, start, end)
            claimed.append((start, end))
        return claimed

    def _split_around(self, m: re.Match, taken: list[tuple[int, int]]):
        """Parts of a capitalized run not already claimed by the gazetteer."""
        start, end = m.start(), m.end()
        for a, b in sorted(taken):
            if b <= start or a >= end:
                continue
            if a > start:
                yield from self._tokens_span(m.string, start, a)
            start = max(start, b)
        if start < end:
            yield from self._tokens_span(m.string, start, end)

    def _tokens_span(self, text: str, start: int, end: int):
        part = text[start:end]
        lead = len(part) - len(part.lstrip())
        part = part.strip()
        # Drop connector words left dangling at either end ("de", "al").
        words = part.split()
        while words and not re.match(_CAP, words[0]):
            start += len(words[0]) + 1
            words.pop(0)
        while words and not re.match(_CAP, words[-1]):
            words.pop()
        if words:
            s = start + lead
            yield s, s + len(" ".join(words))

    def _classify(self, sentence: Sentence, start: int, end: int) -> None:
        text = sentence.text
        words = text[start:end].split()
        if self._role_institution(sentence, start, end, words):
            return
        start = self._drop_leading(text, start, end, words)
        if not words:
            return
        surface = " ".join(words)
        end = start + len(surface)
        before = text[:start]
        prev_words = re.findall(r"[\w-]+", before)
        prev = key(prev_words[-1]) if prev_words else ""
        at_start = not before.strip(" „“\"«(—–-")
        known = self.gaz.forms.get(key(surface))
        kind = known[0] if known else self._kind(surface, words, before, prev, at_start)
        if kind is None:
            return
        canonical = self._canonical(kind, surface)
        self._add(kind, canonical, surface, sentence, start, end)
        if kind == "person":
            self._learn_role(text, start, canonical)
            self._learn_apposition(text, end, canonical)

    def _learn_apposition(self, text: str, end: int, person: str) -> None:
        """ "Irina Popa, economist la Banca X": the role after the name, without its article, names
        the person later with it ("a spus economistul")."""
        m = re.match(r"\s*,\s*(?:(?:un|o|fost|fostul|fosta)\s+)?([a-zăâîșț-]+)", text[end:])
        if not m:
            return
        word = key(m.group(1))
        for form in (word, word + "ul", word + "l", word + "a"):
            if form in self.role_words:
                self.roles.setdefault(form, person)
                return

    def _role_institution(self, sentence: Sentence, start: int, end: int, words: list[str]) -> bool:
        """ "ministrul Sănătății" / "Ministrul Sănătății": the department after the role is an institution."""
        institutions = {key(k): v for k, v in self.lang["role_institutions"].items()}
        prev_words = re.findall(r"[\w-]+", sentence.text[:start])
        def department(word: str) -> bool:
            # "Sănătății", "Finanțelor", "de Interne" - a genitive, not a given name ("Andrei").
            return key(word) not in self.gaz.given and (word == "de" or bool(re.search(r"(?:ii|ei|ului|lor)$", word)))

        if key(words[0]) in institutions and len(words) >= 2 and department(words[1]):
            head, rest, rest_start = institutions[key(words[0])], words[1:], sentence.text.index(words[1], start)
        elif prev_words and key(prev_words[-1]) in institutions and department(words[0]):
            head, rest, rest_start = institutions[key(prev_words[-1])], words, start
        else:
            return False
        name = " ".join([head, *rest])
        canonical = self.gaz.forms.get(key(name), ("organization", name))[1]
        self._add("organization", canonical, " ".join(rest), sentence, rest_start, end)
        return True

    def _kind(self, surface: str, words: list[str], before: str, prev: str, at_start: bool) -> Optional[str]:
        k = key(surface)
        first = key(words[0])
        if self._known_person(k) or (len(words) == 1 and self._short_name(k)):
            return "person"
        if first in self.org_heads:
            return "organization" if len(words) >= 2 else None  # "Ministerul" alone names nothing
        if re.fullmatch(r"[A-ZĂÂÎȘȚ]{2,6}\d*", surface):
            return None if surface in self.not_orgs else "organization"
        if self.person_roles.search(before[-60:]) and self._role_adjacent(before) and len(words) <= 4:
            if len(words) == 1 and re.search(r"(?:ii|ei|ului|lor)$", words[0]) and k not in self.gaz.given:
                return None  # "ministrul moldovean al Energiei": a department in the genitive, not a name
            return "person"
        if prev in self.genitive and len(words) >= 2:
            return "person"
        if len(words) >= 2 and first in self.gaz.given and all(not re.search(r"\d", w) for w in words) and len(words) <= 4:
            return "person"
        if prev in self.place_cues:
            return "place"
        if at_start:
            return None  # a capitalized word that may only be starting the sentence
        if len(words) == 1 and prev in self.place_preps and not k in self.not_entities:
            return "place"
        return None

    def _role_adjacent(self, before: str) -> bool:
        """True when a person role stands right before the name, allowing a few lowercase or genitive
        words between them ("președintele rus, Vladimir Putin", "liderul Chinei, Xi Jinping")."""
        tail = before[-80:]
        m = None
        for m in self.person_roles.finditer(tail):
            pass
        if m is None:
            return False
        between = tail[m.end():]
        return bool(re.fullmatch(rf"(?:\s*,?\s*(?:[a-zăâîșț][\w-]*|{_TOKEN}))*?\s*,?\s*", between)) and len(between.split()) <= 4

    def _known_person(self, k: str) -> Optional[str]:
        for (kind, _), entity in self.entities.items():
            if kind == "person" and (key(entity.name) == k or any(key(a) == k for a in entity.aliases)):
                return entity.name
        return None

    def _short_name(self, k: str) -> Optional[str]:
        """The one known person whose first or last name is `k`, if exactly one."""
        found = {e.name for (kind, _), e in self.entities.items()
                 if kind == "person" and len(e.name.split()) >= 2
                 and k in (key(e.name.split()[0]), key(e.name.split()[-1]))}
        return found.pop() if len(found) == 1 else None

    def _canonical(self, kind: str, surface: str) -> str:
        k = key(surface)
        if k in self.gaz.forms:
            return self.gaz.forms[k][1]
        if kind == "person":
            return self._known_person(k) or (self._short_name(k) if " " not in k else None) or surface
        words = surface.split()
        lemma = self._uninflect(words[0], kind)
        rest = words[1:]
        if lemma != words[0] and kind == "organization" and lemma.endswith("a") and rest:
            # A feminine head back in the nominative takes its adjective with it.
            rest = [self._uninflect_adjective(rest[0]), *rest[1:]]
        candidate = " ".join([lemma, *rest])
        return self.gaz.forms.get(key(candidate), (kind, candidate))[1]

    def _uninflect(self, word: str, kind: str) -> str:
        """Undo a case ending when the result is a known form (gazetteer, org head) or the word is a
        place or organization head in the genitive."""
        candidates = []
        for ending, base in self.lang["name_inflections"]:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                candidates.append(word[: len(word) - len(ending)] + base)
        for c in candidates:
            if key(c) in self.gaz.forms or key(c) in self.org_heads or self._seen(c):
                return c
        if kind == "place" and candidates and re.search(r"(?:ului|iei|ei)$", word):
            return candidates[0]
        return word

    def _uninflect_adjective(self, word: str) -> str:
        for ending, base in self.lang["adjective_inflections"]:
            if word.endswith(ending):
                return word[: len(word) - len(ending)] + base
        return word

    def _seen(self, form: str) -> bool:
        k = key(form)
        return any(key(e.name) == k for e in self.entities.values())

    def _learn_role(self, text: str, start: int, person: str) -> None:
        """Remember "ROLE [modifiers] NAME" so the role alone can later name the person."""
        before = text[:start]
        m = re.search(rf"({self.person_roles.pattern})((?:\s+[a-zăâîșț][\w-]*|\s+{_TOKEN}){{0,3}}?)\s*,?\s*$",
                      before, re.I)
        if not m or not self._role_adjacent(before):
            return
        role = key(m.group(1))
        modifiers = key(m.group(m.lastindex)) if m.lastindex and m.lastindex > 1 else ""
        self.roles[role] = person
        if modifiers:
            self.roles[f"{role} {modifiers}".strip()] = person

    def _add(self, kind: str, canonical: str, surface: str, sentence: Sentence, start: int, end: int) -> None:
        entity = self.entities.get((kind, canonical))
        if entity is None:
            entity = self.entities[(kind, canonical)] = Entity(name=canonical, kind=kind)
        if surface != canonical and surface not in entity.aliases:
            entity.aliases.append(surface)
        entity.mentions.append(Mention(text=surface, sentence=sentence.id, start=start, end=end))
        self.spans.setdefault(sentence.id, []).append((start, end, canonical))

    # -- merging ----------------------------------------------------------------------------------

    def merge_acronyms(self, sentences: list[Sentence]) -> None:
        """ "Federația Comerțului Modern (FCM)": the acronym and the full name are one organization."""
        for sentence in sentences:
            spans = sorted(self.spans.get(sentence.id, []))
            for (a, b, name), (c, d, acronym) in zip(spans, spans[1:]):
                between = sentence.text[b:c]
                if between.strip() != "(" or sentence.text[d:d + 1] != ")" or name == acronym:
                    continue
                full = self.entities.get(("organization", name))
                short = self.entities.get(("organization", acronym))
                if full is None or short is None:
                    continue
                keep, drop = (short, full) if short.name in self.gaz.aliases else (full, short)
                keep.mentions.extend(drop.mentions)
                keep.aliases += [x for x in [drop.name, *drop.aliases] if x not in keep.aliases and x != keep.name]
                del self.entities[("organization", drop.name)]
                for spans_ in self.spans.values():
                    spans_[:] = [(x, y, keep.name if n == drop.name else n) for x, y, n in spans_]

    def add_gazetteer_roles(self) -> None:
        """Role phrases the gazetteer ties to a person apply once the article names that person
        ("liderul nord-coreean" -> Kim Jong Un); roles the article itself set up win."""
        named = {e.name for (kind, _), e in self.entities.items() if kind == "person"}
        for entry in self.lang.gazetteer["people"]:
            if entry["name"] in named:
                for role in entry.get("roles", []):
                    self.roles.setdefault(key(role), entry["name"])

    def merge_short_names(self) -> None:
        people = [e for (k, _), e in self.entities.items() if k == "person"]
        full = [e for e in people if len(e.name.split()) >= 2]
        for entity in people:
            if len(entity.name.split()) != 1:
                continue
            matches = [f for f in full if key(entity.name) in (key(f.name.split()[0]), key(f.name.split()[-1]))]
            if len(matches) == 1:
                target = matches[0]
                target.mentions.extend(entity.mentions)
                for alias in [entity.name, *entity.aliases]:
                    if alias not in target.aliases and alias != target.name:
                        target.aliases.append(alias)
                del self.entities[("person", entity.name)]
                for spans in self.spans.values():
                    spans[:] = [(a, b, target.name if n == entity.name else n) for a, b, n in spans]

    def result(self) -> EntityResult:
        by_kind = {k: [e for (kind, _), e in self.entities.items() if kind == k] for k in KINDS}
        return EntityResult(people=by_kind["person"], places=by_kind["place"],
                            organizations=by_kind["organization"], roles=self.roles, spans=self.spans)
