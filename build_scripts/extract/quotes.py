"""Quotes with their speakers: „…”, “…”, «…», "…", and reported speech closed by "…, a declarat X".

The speaker is looked for, in order: right after the quote ("”, a declarat liderul nord-coreean"),
before it in the same sentence ("Kim Jong Un a spus că „…”"), as a pronoun ("a adăugat el": the last
named speaker), or as the person the sentence is about. A role resolves to the person the article tied
it to; with no speaker found, the quote is kept with none rather than guessed.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from ..lang import Lang
from ..model import Quote, Sentence
from ..segment import quoted_ranges
from .entities import EntityResult, key

MIN_WORDS = 2  # a single quoted word is a title, a name or a scare quote, not a statement
_DATELINE = re.compile(r"^[A-ZĂÂÎȘȚ][A-ZĂÂÎȘȚ .-]{2,},[^()]{0,30}\([^()]{2,40}\)\s*[-–—]\s*")
MAX_QUOTES = 2000  # per article: a bound, so a pathological input cannot stall the build


@dataclass
class _Rules:
    verb_after: re.Pattern
    verb: re.Pattern
    pronouns: set[str]
    first_person: re.Pattern
    reported: re.Pattern
    indirect: re.Pattern
    roles: re.Pattern
    function_words: set[str]
    and_that: re.Pattern
    role_anywhere: re.Pattern


@functools.lru_cache(maxsize=4)
def _rules(lang: Lang) -> _Rules:
    verbs = lang.alt("speech_verbs")
    return _Rules(
        verb_after=re.compile(rf"^\s*[,:–—-]?\s*(?:{verbs})(?![\w])\s*", re.I),
        verb=re.compile(rf"(?<![\w])(?:{verbs})(?![\w])", re.I),
        pronouns={key(p) for p in lang["speaker_pronouns"]},
        first_person=re.compile(rf"(?<![\w])(?:{lang.alt('first_person_markers')})(?![\w])", re.I),
        reported=re.compile(rf",\s*(?:{verbs})\s+", re.I),
        indirect=re.compile(rf"(?<![\w])(?:{verbs})(?![\w])[^.„“«»\"]{{0,60}}?\s+că,?\s+(?P<clause>[^„“«»\"]+?)(?:[.!?]?$|\s*[„“«»\"])", re.I),
        roles=re.compile(rf"^\s*(?:{lang.alt('person_roles')})(?:\s+[\w-]+){{0,3}}", re.I),
        function_words={key(w) for w in lang["function_words"]},
        role_anywhere=re.compile(rf"(?<![\w])(?:{lang.alt('person_roles')})(?![\w])", re.I),
        and_that=re.compile(r"\s(?:și|iar)\s+că,?\s+(?P<clause>[^„“«»\"]+?)(?=[.!?]?$|\s*[„“«»\"]|,\s*(?:și|iar)\s+că)", re.I),
    )


class _Memory:
    """What a pronoun can point back to: the people mentioned so far, and the last speaker."""

    def __init__(self, sentences: list[Sentence], entities: EntityResult, lang: Lang):
        self.last: Optional[str] = None
        people = entities.person_names
        self.mentions = sorted((s.start + a, n) for s in sentences for a, _, n in entities.spans.get(s.id, [])
                               if n in people)
        self.feminine_pronouns = {key(w) for w in lang["feminine_pronouns"]}
        self.masculine_pronouns = {key(w) for w in lang["masculine_pronouns"]}
        self.masculine_in_a = {key(w) for w in lang["masculine_names_in_a"]}
        self.feminine_other = {key(w) for w in lang["feminine_names_not_in_a"]}

    def resolve(self, sentence: Sentence, pos: int, pronoun: str) -> Optional[str]:
        """The nearest person named before `pos` whose gender fits the pronoun ("ea" -> a woman);
        the last speaker when the pronoun tells no gender or no one fits."""
        at = sentence.start + pos
        word = key(pronoun)
        wanted = "f" if word in self.feminine_pronouns else "m" if word in self.masculine_pronouns else None
        for start, name in reversed(self.mentions):
            if start < at and (wanted is None or self._gender(name) == wanted):
                return name
        return self.last

    def _gender(self, name: str) -> str:
        first = key(name.split()[0])
        if first in self.feminine_other:
            return "f"
        return "f" if first.endswith("a") and first not in self.masculine_in_a else "m"


def extract_quotes(sentences: list[Sentence], entities: EntityResult, lang: Lang) -> list[Quote]:
    """Quotes of an article in reading order, each tied to the sentence where it starts."""
    rules = _rules(lang)
    quotes: list[Quote] = []
    memory = _Memory(sentences, entities, lang)
    paragraphs: dict[int, list[Sentence]] = {}
    for s in sentences:
        paragraphs.setdefault(s.paragraph, []).append(s)
    for group in paragraphs.values():
        text, starts = _join(group)
        marked = []  # quotations that became quotes; names and titles in quotation marks do not count
        for open_at, close_at, depth in quoted_ranges(text, lang):
            inner = text[open_at + 1: close_at].strip()
            if depth or len(inner.split()) < MIN_WORDS or len(quotes) >= MAX_QUOTES:
                continue
            sentence = _sentence_at(group, starts, open_at)
            closing = _sentence_at(group, starts, close_at)
            if _is_name(inner):
                continue  # „Prof. Dr. Ion Chiricuță”: a name in quotation marks, not a statement
            marked.append((open_at, close_at))
            speaker = (_speaker_after(closing, close_at - starts[closing.id] + 1, entities, rules, memory)
                       or _role_subject(sentence, entities, rules)
                       or _speaker_before(sentence, open_at - starts[sentence.id], entities, rules)
                       or _pronoun_subject(sentence, rules, memory))
            if speaker:
                memory.last = speaker
            local = open_at - starts[sentence.id] + 1
            quotes.append(Quote(text=inner, speaker=speaker, sentence=sentence.id,
                                start=local, end=local + len(inner), direct=True))
        # Sentences with no quotation marks may hold reported or indirect speech.
        plain = [x for x in group if not any(starts[x.id] <= a < starts[x.id] + len(x.text) or
                                             starts[x.id] <= b < starts[x.id] + len(x.text) for a, b in marked)]
        reported = _reported(plain, entities, rules, memory) if plain else []
        reported_ids = {q.sentence for q in reported}
        reported += _indirect([x for x in group if x.id not in reported_ids], entities, rules, memory)
        quotes.extend(reported)  # _reported and _indirect keep memory.last up to date themselves
        if not reported:
            for x in plain:
                memory.last = last_speaker_of(x, entities, rules) or memory.last
        quotes.extend(_second_clauses(group, quotes, rules))
    return quotes


def _pronoun_subject(sentence: Sentence, rules: _Rules, memory: _Memory) -> Optional[str]:
    """ "El a acordat ... „…”": a sentence whose subject is a pronoun quotes the person it points to."""
    first = re.match(r"[\w-]+", sentence.text)
    return memory.resolve(sentence, 0, first.group(0)) if first and key(first.group(0)) in rules.pronouns else None


def _is_name(text: str) -> bool:
    words = re.findall(r"[\w.-]+", text)
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _join(group: list[Sentence]) -> tuple[str, dict[str, int]]:
    """The paragraph's text from its sentences, with each sentence's offset in it."""
    base = group[0].start
    text = ""
    starts: dict[str, int] = {}
    for s in group:
        pos = s.start - base
        text = text.ljust(pos) + s.text
        starts[s.id] = pos
    return text, starts


def _sentence_at(group: list[Sentence], starts: dict[str, int], pos: int) -> Sentence:
    chosen = group[0]
    for s in group:
        if starts[s.id] <= pos:
            chosen = s
    return chosen


def _person_at(sentence: Sentence, pos: int, entities: EntityResult) -> Optional[str]:
    """The speaker whose mention starts at `pos` (give or take spaces) in `sentence`."""
    speakers = entities.speakers
    for start, end, name in entities.spans.get(sentence.id, []):
        if abs(start - pos) <= 1 and name in speakers:
            return name
    return None


def _speaker_after(sentence: Sentence, pos: int, entities: EntityResult, rules: _Rules,
                   memory: _Memory) -> Optional[str]:
    tail = sentence.text[pos:]
    m = rules.verb_after.match(tail)
    if not m:
        return None
    return _speaker_at(sentence, pos + m.end(), entities, rules, memory)


def _speaker_at(sentence: Sentence, at: int, entities: EntityResult, rules: _Rules,
                memory: _Memory) -> Optional[str]:
    """The speaker named at `at`, right after a speech verb: a person, a pronoun, or a role."""
    who = sentence.text[at:]
    # A person in the clause after the verb wins over an institution there ("a declarat Avocatul
    # Poporului, Mihai Scutaru"): the institution is the person's role.
    person = _person_after_role(sentence, at, entities) or _person_at(sentence, at, entities)
    if person:
        return person
    first = re.match(r"[\w-]+", who)
    if first and key(first.group(0)) in rules.pronouns:
        return memory.resolve(sentence, at, first.group(0))
    return _role(who, entities, rules) or _named_after_noun(sentence, at, entities)


def _named_after_noun(sentence: Sentence, at: int, entities: EntityResult) -> Optional[str]:
    """ "a precizat operatorul Ukrenergo": an institution a couple of lowercase words after the verb."""
    speakers = entities.speakers
    for start, _, name in sorted(entities.spans.get(sentence.id, [])):
        if start >= at and name in speakers and re.fullmatch(r"(?:[a-zăâîșț][\w-]*\s+){1,3}", sentence.text[at:start]):
            return name
    return None


def _person_after_role(sentence: Sentence, at: int, entities: EntityResult) -> Optional[str]:
    """ "a declarat premierul Ilie Bolojan", "a scris pe Telegram șeful administrației, Ihor Melnîciuk":
    a person named after a role, within the same clause."""
    people = entities.person_names
    for start, _, name in sorted(entities.spans.get(sentence.id, [])):
        gap = sentence.text[at:start]
        if start >= at and name in people and re.fullmatch(r"[^.;:!?„“”«»\"]{0,90}", gap) and len(gap.split()) <= 9:
            return name
    return None


def _speaker_before(sentence: Sentence, pos: int, entities: EntityResult, rules: _Rules) -> Optional[str]:
    people = entities.speakers
    before = [(a, b, n) for a, b, n in entities.spans.get(sentence.id, []) if b <= pos and n in people]
    if not before:
        return None
    start, end, name = before[-1]
    between = sentence.text[end:pos]
    if rules.verb.search(between) or len({n for _, _, n in before}) == 1:
        return name
    return None


def _role(phrase: str, entities: EntityResult, rules: _Rules) -> Optional[str]:
    """A role phrase ("liderul nord-coreean") -> the person the article tied it to, longest first."""
    m = rules.roles.match(phrase)
    if not m:
        return None
    role = rules.roles.match(phrase.split()[0] if phrase.split() else "")
    words = key(m.group(0)).split()
    head = len(key(role.group(0)).split()) if role else 1
    for n in range(len(words), head - 1, -1):
        person = entities.roles.get(" ".join(words[:n]))
        if person is None:
            continue
        # The bare role ("liderul") stands for the person only when no modifier follows it that the
        # article did not tie to that person ("liderul nord-coreean" is not "liderul Chinei").
        if n == head and len(words) > head and words[head] not in rules.function_words:
            return None
        return person
    return None


def _reported(group: list[Sentence], entities: EntityResult, rules: _Rules, memory: _Memory) -> list[Quote]:
    """ "Text, a declarat X." without quote marks: the text is the quote, extended backwards over the
    paragraph's earlier sentences when they too speak in the first person."""
    found: list[Quote] = []
    for index, sentence in enumerate(group):
        for m in rules.reported.finditer(sentence.text):
            quote_text = _DATELINE.sub("", sentence.text[: m.start()]).strip()
            if len(quote_text.split()) < MIN_WORDS:
                continue
            speaker = _speaker_at(sentence, m.end(), entities, rules, memory)
            if speaker is None:
                continue  # "…, a declarat un oficial" names no one: not a quote we can attribute
            first_index = index
            while first_index > 0 and rules.first_person.search(group[first_index - 1].text):
                first_index -= 1
            head = group[first_index]
            if first_index < index:
                quote_text = " ".join([s.text for s in group[first_index:index]] + [quote_text])
            found.append(Quote(text=quote_text, speaker=speaker, sentence=head.id, start=0,
                               end=min(len(head.text), len(quote_text)), direct=False))
            memory.last = speaker
            break
    return found


def _indirect(group: list[Sentence], entities: EntityResult, rules: _Rules, memory: _Memory) -> list[Quote]:
    """ "X a declarat că <clause>": indirect speech; the clause is the quote when a speaker is named
    (or is a pronoun for the last speaker)."""
    found: list[Quote] = []
    for sentence in group:
        m = rules.indirect.search(sentence.text)
        if not m or len(m.group("clause").split()) < MIN_WORDS:
            continue
        if not re.search(r"[.!?]?$", m.group(0)[-1:]) or m.group(0).rstrip()[-1:] in "„“«»\"":
            # The clause runs into a quotation: the quoted words are the quote ("a spus că aceștia au
            # transformat „…”"), unless the clause is a statement of its own that introduces another.
            if not re.search(r"(?:\bcă|:)\s*$", m.group("clause")):
                continue
        speaker = (_subject(sentence, m.start(), entities) or _pronoun_subject(sentence, rules, memory)
                   or _role_subject(sentence, entities, rules))
        if speaker is None:
            continue
        found.append(Quote(text=m.group("clause"), speaker=speaker, sentence=sentence.id,
                           start=m.start("clause"), end=m.end("clause"), direct=False))
        memory.last = speaker
    return found


def _second_clauses(group: list[Sentence], quotes: list[Quote], rules: _Rules) -> list[Quote]:
    """ "X a declarat că A și că B": B is said by the same speaker as A, in the same sentence."""
    found: list[Quote] = []
    ids = {s.id for s in group}
    said = {}
    for q in quotes:
        if q.sentence in ids and q.speaker and q.sentence not in said:
            said[q.sentence] = q
    for sentence in group:
        first = said.get(sentence.id)
        if first is None:
            continue
        for m in rules.and_that.finditer(sentence.text, first.start):
            clause = m.group("clause").strip()
            if len(clause.split()) >= MIN_WORDS and not any(clause in q.text for q in quotes if q.sentence == sentence.id):
                found.append(Quote(text=clause, speaker=first.speaker, sentence=sentence.id,
                                   start=m.start("clause"), end=m.end("clause"), direct=False))
    return found


def _subject(sentence: Sentence, verb_at: int, entities: EntityResult) -> Optional[str]:
    """The speaker right before a verb, past an apposition or an adverb ("Ministrul Sănătății, Alexandru
    Rogobete, a anunțat joi că"; "Purtătoarea de cuvânt a AEP, Daniela Popa, a precizat că")."""
    speakers = entities.speakers
    before = [(a, b, n) for a, b, n in entities.spans.get(sentence.id, []) if b <= verb_at and n in speakers]
    if not before:
        return None
    start, end, name = max(before, key=lambda t: t[1])
    gap = sentence.text[end:verb_at]
    if re.fullmatch(r"\s*\)?\s*(?:\([^()]{1,40}\)\s*)?(?:,[^.;„“”«»\"]{0,80},)?\s*", gap):
        # A person named inside the apposition after an institution speaks for it: prefer the person.
        return name
    return None


def _role_subject(sentence: Sentence, entities: EntityResult, rules: _Rules) -> Optional[str]:
    """ "Premierul a adăugat că ...", "..., guvernatorul a spus că": a role as the subject of a speech
    verb names the person the article tied to it."""
    for verb in rules.verb.finditer(sentence.text):
        head = sentence.text[: verb.start()]
        for role in rules.role_anywhere.finditer(head):
            if re.fullmatch(r"(?:\s+[\w-]+){0,3}\s*", head[role.end():]):
                return _role(head[role.start():], entities, rules)
    return None


def last_speaker_of(sentence: Sentence, entities: EntityResult, rules: _Rules) -> Optional[str]:
    """The person a sentence without quotes shows speaking ("Kim a spus că ..."), if any."""
    m = rules.verb.search(sentence.text)
    if not m:
        return None
    return _person_at(sentence, m.end() + 1, entities) or _speaker_before(sentence, m.start(), entities, rules)
