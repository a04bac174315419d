"""Sources of information: who the article says it got a fact from -> doc.spans["sources"].

- a name after an attribution phrase: "potrivit (agenției de stat) KCNA", "conform Reuters", "citat de
  The Guardian", "a declarat pentru Digi24" (a medium only);
- a name as the subject of a verb of reporting: "Ministerul Apărării a anunțat", "relatează Reuters";
- the agency of a dateline: "KIEV, 22 nov (Agerpres) -";
- an unnamed source as the text describes it: "surse diplomatice", "un oficial american".
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import lang as lang_mod
from ..lang import Lang, key
from . import gazetteer
from .spans import settle
from .speakers import Speakers, is_quote_mark

MAX_LOWER_WORDS = 4   # "potrivit agenției de stat KCNA": lowercase words allowed before the name
SAID_WINDOW = 5       # words back from a medium's name to the verb of saying ("a declarat sâmbătă pentru …")


@Language.factory("explainer_sources", default_config={"lang_code": "ro"})
def make_sources(nlp, name, lang_code: str):
    return SourceFinder(lang_mod.load(lang_code))


@functools.lru_cache(maxsize=4)
def _dateline(lang: Lang) -> re.Pattern:
    cap = lang["capital_letters"]
    return re.compile(rf"^[{cap}][{cap} .-]{{1,40}},[^()]{{0,30}}\(([^()]{{2,40}})\)\s{{0,3}}[-–—]")


class SourceFinder:
    """Adds doc.spans["sources"] with `source_name` on each span."""

    def __init__(self, lang: Lang):
        self.lang = lang
        self.according = [key(p).split() for p in lang["according_to"]]
        self.cited = [key(p).split() for p in lang["cited_by"]]
        self.phrases: dict[str, list[list[str]]] = {}
        for words in self.according + self.cited:
            self.phrases.setdefault(words[0], []).append(words)
        self.verbs = {key(v) for v in lang["source_verbs"]}
        self.unnamed = lang.keys_of("unnamed_sources")
        self.anaphoric = lang.keys_of("anaphoric_modifiers")
        self.speakers = Speakers(lang)
        self.media = {name for kind, name, _ in gazetteer.entries(lang) if kind == "organization"
                      and any(e.get("kind") == "media" and e["name"] == name for e in lang.gazetteer["organizations"])}

    def __call__(self, doc: Doc) -> Doc:
        names: dict[int, Span] = {}
        for span in doc.spans.get("entities", []):
            if span._.canonical and span.label_ in ("person", "organization"):
                for i in range(span.start, span.end):
                    names[i] = span
        found = []
        folded = [key(t.text) for t in doc]
        for token in doc:
            phrase = self._phrase_at(folded, token.i, self.phrases)
            if phrase:
                # "potrivit unor surse din Ministerul Finanțelor": the unnamed sources, not the ministry
                unnamed = self._unnamed_at(doc, token.i + phrase)
                named = self._name_after(doc, token.i + phrase, names) if unnamed is None else None
                held = self._holder_named(doc, token.i + phrase, names) if named is None and unnamed is None else None
                if unnamed is not None:
                    found.append(unnamed)
                elif named is not None:
                    found.append(_source(named, named._.canonical))
                elif held is not None:
                    found.append(held)  # "potrivit managerului teatrului, Mihai Nistor"
            elif key(token.text) in self.speakers.said_to and token.i + 1 < len(doc):
                after = token.i + 1
                while after + 1 < len(doc) and is_quote_mark(doc[after]):
                    after += 1  # "pentru „Adevărul”"
                named = self._medium_after(doc, after, names)
                own = self._own_outlet(doc, after) if named is None else None
                if named is not None:
                    found.append(_source(named, named._.canonical))  # "a declarat pentru Digi24"
                elif own is not None:
                    found.append(own)  # "a declarat pentru Tribuna", in Tribuna's own article
            if token.pos_ == "VERB" and key(token.lemma_) in self.verbs or self._speech(token):
                subject = self.speakers.subject_of(token)
                passive = any(c.dep_ == "aux:pass" for c in token.children)
                if passive and key(token.lemma_) in self.verbs:
                    named = self._agent(doc, token, names)
                    if named is not None:
                        found.append(_source(named, named._.canonical))
                    subject = None  # the subject of a passive is what was reported
                after = self._unnamed_at(doc, self._past_medium(doc, token.i + 1, names)) \
                    if not passive and self.speakers.attributes(token) else None
                if after is not None:
                    # "…, au precizat surse judiciare": unnamed sources right after the verb that closes
                    # what they said (the parse may take them for its object and anything for its subject)
                    found.append(after)
                    subject = None
                if subject is not None:
                    named = names.get(subject.i) or self._name_of_noun(doc, subject, names)
                    held = self._holder_named(doc, subject.i, names) if named is None else None
                    party = self.speakers.party_of.get(key(subject.text)) if named is None else None
                    if named is not None and key(token.lemma_) in self.verbs:
                        found.append(_source(named, named._.canonical))
                    elif party is not None and key(token.lemma_) in self.verbs and self.speakers.plural_agreement(token):
                        found.append(_source(doc[subject.i: subject.i + 1], party))  # "Liberalii au transmis"
                    elif held is not None and key(token.lemma_) in self.verbs:
                        found.append(held)  # "Purtătoarea de cuvânt a BNR, Ioana Mateescu, a transmis"
                    elif named is None and key(token.lemma_) in self.verbs \
                            and (said := self._organization_said(doc, token, subject)) is not None:
                        found.append(_source(doc[subject.i: subject.i + 1], said))  # "Ministerul a anunțat că …"
                    else:
                        unnamed = self._unnamed_at(doc, subject.i)
                        if unnamed is not None:
                            found.append(unnamed)
        found += self._dateline(doc, names)
        settle(doc, "sources", found)
        return doc

    @staticmethod
    def _phrase_at(folded: list[str], i: int, phrases: dict[str, list[list[str]]]) -> int:
        """The length in tokens of the longest phrase starting at token `i`, or 0."""
        best = 0
        for words in phrases.get(folded[i], ()):
            n = len(words)
            if n > best and folded[i: i + n] == words:
                best = n
        return best

    @staticmethod
    def _name_after(doc: Doc, i: int, names: dict[int, Span]) -> Optional[Span]:
        """The name starting within a few lowercase words after position `i`."""
        for j in range(i, min(i + MAX_LOWER_WORDS + 1, len(doc))):
            if j in names:
                return names[j]
            if not (doc[j].is_lower or doc[j].pos_ == "DET"):
                return None
        return None

    @staticmethod
    def _agent(doc: Doc, verb: Token, names: dict[int, Span]) -> Optional[Span]:
        """Who did the reporting of a passive: the name after "de" within a few words ("a fost publicat
        miercuri de Autoritatea Electorală Permanentă")."""
        for j in range(verb.i + 1, min(len(doc) - 1, verb.i + 4)):
            if key(doc[j].text) == "de":
                named = names.get(j + 1)
                return named if named is not None and named.start == j + 1 else None
        return None

    def _name_of_noun(self, doc: Doc, noun: Token, names: dict[int, Span]) -> Optional[Span]:
        """ "a anunțat operatorul național Ukrenergo", "compania Nuclearelectrica": the name right after
        a word for an organization (maybe with an adjective between)."""
        if noun.pos_ != "NOUN" or key(noun.text) not in self.speakers.org_cues:
            return None
        i = noun.i + 1
        if i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].is_lower:
            i += 1
        named = names.get(i)
        if named is None or named.start != i:
            # "Firma care administrează casa de amanet, Aurum Credit Amanet SRL, a transmis": its name in
            # apposition, set off by commas
            named = next((names[c.i] for c in noun.children if c.dep_ == "appos" and c.i in names
                          and names[c.i].start == c.i and c.i > 0 and doc[c.i - 1].text == ","), None)
        return named if named is not None and named.label_ == "organization" else None

    def _organization_said(self, doc: Doc, verb: Token, subject: Token) -> Optional[str]:
        """ "Ministerul a anunțat că …": the organization the quotations of the sentence gave the word for
        one ("ministerul", "compania") to, as they read it (`Speakers._organization_anaphor`)."""
        if key(subject.lemma_) not in self.speakers.org_generic | self.speakers.org_typed:
            return None
        organizations = {s._.canonical for s in doc.spans.get("entities", []) if s.label_ == "organization"}
        sentence = verb.sent
        return next((q._.speaker for q in doc.spans.get("quotes", []) if sentence.start <= q.start < sentence.end
                     and q._.speaker_via == "role" and q._.speaker in organizations), None)

    def _holder_named(self, doc: Doc, i: int, names: dict[int, Span]) -> Optional[Span]:
        """A role at token `i` (maybe after an article) with the person who holds it named in apposition:
        that person ("șefului administrației, Andrii Hnatiuk")."""
        if i < len(doc) and doc[i].pos_ == "DET":
            i += 1
        if i >= len(doc) or not self.speakers.is_role(doc[i], learned=False):
            return None
        person = self.speakers.person_in_apposition(doc[i], names)
        return _source(doc[i:i + 1], person) if person is not None else None

    def _own_outlet(self, doc: Doc, i: int) -> Optional[Span]:
        """The article's own publication named at token `i` ("Situația e dificilă, a declarat pentru Tribuna
        medicul-șef", in an article of Tribuna): a medium, whatever the model made of its name."""
        outlet = key(doc.user_data.get("source") or "").split()
        if not outlet or [key(t.text) for t in doc[i: i + len(outlet)]] != outlet \
                or not doc[i].text[:1].isupper() or not any(self._speech(t) for t in doc[max(0, i - SAID_WINDOW): i]):
            return None  # (said to it: a verb of saying just before "pentru")
        return _source(doc[i: i + len(outlet)], doc.user_data["source"])

    def _past_medium(self, doc: Doc, i: int, names: dict[int, Span]) -> int:
        """Token `i`, or the token after a medium told at `i` ("au declarat pentru Agerpres surse militare")."""
        if i + 1 < len(doc) and key(doc[i].text) in self.speakers.said_to:
            named = self._medium_after(doc, i + 1, names)
            if named is not None and named.end < len(doc):
                return named.end
        return i

    def _medium_after(self, doc: Doc, i: int, names: dict[int, Span]) -> Optional[Span]:
        """ "pentru Digi24", "pentru postul NTV Moldova", "pentru Europa FM": a news medium's name at token
        `i`, or after a word for one there."""
        named = names.get(i)
        if (named is None or named.start != i) and key(doc[i].text) in self.speakers.media_nouns and i + 1 < len(doc):
            i += 1
            named = names.get(i)
        if named is None or named.start != i or named.label_ != "organization":
            return None
        return named if self._told(doc, named) or named._.canonical in self.media \
            or self.speakers.is_media_name(doc, named) else None

    def _told(self, doc: Doc, named: Span) -> bool:
        """ "a recunoscut pentru Argeș Expres", "a declarat sâmbătă pentru Bihoreanul": what someone says
        "for" an organization, right after the verb of saying (or its time), they say to a medium; not
        "a cerut fonduri pentru Spitalul Județean"."""
        verb = named.root.head
        if named.root.dep_ != "obl" or verb.i >= named.start or not self._speech(verb) \
                or any(c.dep_ in ("obj", "iobj") for c in verb.children):
            return False
        between = doc[verb.i + 1: named.start - 1]
        return len(between) <= 3 and not any(t.dep_ in ("obj", "iobj", "ccomp", "nsubj") or t.is_punct for t in between)

    def _speech(self, token: Token) -> bool:
        return self.speakers.is_speech_verb(token)

    def _unnamed_at(self, doc: Doc, i: int) -> Optional[Span]:
        """ "surse diplomatice", "un oficial american": an unnamed source noun with its modifiers."""
        if i >= len(doc):
            return None
        start = i
        if doc[i].pos_ == "DET" and i + 1 < len(doc):
            i += 1
            if key(doc[start].text) not in ("un", "o"):
                start = i  # "unor surse judiciare" -> "surse judiciare"
        noun = doc[i]
        if key(noun.lemma_) not in self.unnamed and key(noun.text) not in self.unnamed:
            return None
        # (a name the parser hung flat on the noun is one too: "Surse din cadrul ANPC")
        modifiers = [c for c in noun.rights if c.dep_ in ("amod", "nmod", "flat") and c.i - noun.i <= 4]
        if not modifiers:
            return None  # "surse" alone says nothing about who
        if all(key(m.text) in self.anaphoric and not list(m.children) for m in modifiers):
            return None  # "sursele citate", "sursele menționate": those named before, nobody new
        end = max(t.i for m in modifiers for t in m.subtree) + 1
        if end - start > 6 or any(t.is_punct for t in doc[start:end]):
            return None
        article = ""
        if start == i and i > 0 and doc[i - 1].pos_ == "DET":
            # "un oficial european a declarat": the article belongs to how the text names the source
            # ("unui oficial" is named in the nominative, "un oficial").
            article = {"un": "un ", "o": "o ", "unui": "un ", "unei": "o "}.get(key(doc[i - 1].text), "")
            if key(doc[i - 1].text) in ("un", "o"):
                start, article = i - 1, ""
        span = doc[start:end]
        name = article + span.text[:1].lower() + span.text[1:]
        return _source(span, name)

    def _dateline(self, doc: Doc, names: dict[int, Span]) -> list[Span]:
        layout = doc.user_data.get("layout")
        if not layout or not layout.sentences or layout.sentences[0].paragraph != 1:
            return []
        first = layout.sentences[0].text
        m = _dateline(self.lang).match(first)
        if not m:
            return []
        inside = doc.char_span(layout.starts[0] + m.start(1), layout.starts[0] + m.end(1), alignment_mode="expand")
        if inside is None:
            return []
        for token in inside:
            if token.i in names:
                return [_source(names[token.i], names[token.i]._.canonical)]
        return []


def _source(span: Span, name: str) -> Span:
    out = Span(span.doc, span.start, span.end, label="source")
    out._.source_name = name
    return out
