"""Who said it: the speaker of a quotation or a reported statement, from the parse.

The speaker is the subject of the verb of saying (`nsubj`; in the inverted order "…”, a transmis X" the
parser often labels X an object, so the first name after the verb counts too). The subject is:
- a name (a person or organization span) -> that name ("name");
- a role noun -> the person named beside it ("directorul AIEA, Rafael Grossi"), or the one the article
  tied that role to earlier ("role");
- a pronoun ("el", "aceasta") -> the salient person of that gender: the subject or speaker of the
  clauses just before, not the last name mentioned ("pronoun");
- nothing (Romanian drops subjects: "„…”, a adăugat.") -> the salient person, if one ("prodrop");
- anything else ("surse diplomatice", "un oficial", a plural) -> nobody: the quote stays unattributed.
A wrong speaker is worse than none, so every step that is not a name in the sentence is marked with how
it was found, and ambiguity gives nobody.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from ..lang import Lang, key
from ..names import initials, is_acronym, is_web_name, noun_stems
from . import gazetteer
from .given import name_genders, world_given_names

SUBJECT_DEPS = ("nsubj", "nsubj:pass", "csubj")
WINDOW_SENTENCES = 3
NAME_AFTER_NOUN = 2  # "a anunțat operatorul național Ukrenergo": the name a few words into the subject
QUOTE_TOKENS = {"„", "”", "“", "«", "»", "\"", "''"}
VERB_PARTS = ("aux", "aux:pass", "advmod", "expl:pv", "expl:pass", "expl:impers", "expl")


def is_quote_mark(token: Token) -> bool:
    """A quotation mark, also one the tokenizer does not flag as one ("''", "«")."""
    return token.is_quote or token.text in QUOTE_TOKENS


def verb_start(verb: Token) -> int:
    """Where the verb begins with its own auxiliaries, clitics and adverbs right before it ("a mai
    precizat", "s-a apărat"), not those of a clause hanging from it."""
    doc, first = verb.doc, verb.i
    while first > 0 and doc[first - 1].head.i == verb.i and doc[first - 1].dep_ in VERB_PARTS:
        first -= 1
    return first

# Where a person named by a noun competes with the salient one for a pronoun: an object or a companion
# ("l-a sunat pe fratele său", "a vorbit cu premierul"), not a subject (the salient one) nor a genitive
# ("situația juridică a primarului": a detail of something else).
RIVAL_DEPS = ("obj", "iobj", "obl", "conj")
INVERTED_WINDOW = 8    # "a precizat, citat de Mediafax, directorul …": how far after the verb its subject may be
RELATIVE_WORDS = 10    # "Compania care o reprezintă, …": how far the comma after the relative clause may be
HOLDER_WINDOW = 5      # "purtătoarea de cuvânt a ISU": how far after a role word the organization it serves may start


ROLE_PREFIXES = ("prim-", "vice", "co-", "ex-", "fost-", "fostul ")


def _apposed_organizations(noun: Token, names: dict[int, Span]) -> Iterable[Span]:
    """The named organizations in apposition to `noun`, after a comma, left to right."""
    for child in noun.rights:
        span = names.get(child.i)
        if child.dep_ == "appos" and span is not None and span.label_ == "organization" and span._.canonical \
                and noun.doc[span.start - 1].text == ",":
            yield span


def _with_surname(doc: Doc, surname: str) -> set[str]:
    """The people of the article whose name ends with `surname` (a key)."""
    return {p for p in doc.user_data.get("people", ()) if key(p).split()[-1:] == [surname]}


def in_genitive(token: Token) -> bool:
    """Whether the parse gives the word the genitive-dative case ("Sănătății", "premierului")."""
    return bool(set(token.morph.get("Case")) & {"Gen", "Dat"})


def members_of(word: Token, body: Token) -> bool:
    """A plural noun with its article, then a body's name in the genitive or its acronym: people of that
    body, not its name ("Economiștii Băncii Transilvania", "Angajații Companiei X", "Hidrologii INHGA")."""
    return word.pos_ == "NOUN" and word.morph.get("Number") == ["Plur"] and "Def" in word.morph.get("Definite") \
        and body.text[:1].isupper() and (in_genitive(body) or is_acronym(body.text))


def owner_cue(token: Token, roles: set[str], possessive: set[str]) -> bool:
    """The word right before a name makes it whose, not who: the genitive article ("avocatul lui Ion
    Popescu") or a role in the genitive-dative ("consilierul premierului Ilie Bolojan")."""
    return key(token.text) in possessive or (
        token.pos_ == "NOUN" and in_genitive(token) and is_role_word(token, roles)
        and token.morph.get("Number") != ["Plur"])  # ("liderul deputaților Alfred Simonis" leads them)


def name_owned(span: Span, roles: set[str], possessive: set[str]) -> bool:
    """A person's mention whose name follows an owner cue, inside the mention ("premierului Ilie
    Bolojan") or right before it ("lui Ion Popescu")."""
    doc, i = span.doc, span.start
    while i < span.end - 1 and is_role_word(doc[i], roles):
        i += 1
    while i > 1 and doc[i - 1].pos_ == "ADJ" and doc[i - 1].is_lower:
        i -= 1  # "consilierul premierului român Ion Popa"
    return i > 0 and owner_cue(doc[i - 1], roles, possessive)


def _governed(before: Token) -> bool:
    """The word before a name puts it after a preposition or an article ("lui", "de", "cu"): the name is
    not the subject's apposition."""
    return before.pos_ in ("ADP", "DET") or key(before.text) in ("lui", "de", "cu")


def is_role_word(token: Token, roles: set[str]) -> bool:
    """A role noun, also with a prefix ("prim-vicepreședintele", "ex-ministrul") or a "-șef" suffix
    ("economistul-șef": economist)."""
    for k in _role_forms(token):
        for suffix in (" sef", " sefa", " sefului", " sefei"):  # (`key` reads the hyphen as a space)
            if k.endswith(suffix) and len(k) > len(suffix) + 2:
                base = k[: -len(suffix)]
                if any(b in roles for b in (base, base.removesuffix("ul"), base.removesuffix("a"), base.removesuffix("ului"))):
                    return True
        while k:
            if k in roles:
                return True
            prefix = next((p for p in ROLE_PREFIXES if k.startswith(key(p).rstrip()) and len(k) > len(p) + 2), None)
            if prefix is None:
                break
            k = k[len(key(prefix).rstrip()):].lstrip()
    return False


def _describing(word: Token) -> bool:
    """A participle describing a noun ("sudor angajat la Navalmet"), with no auxiliary: no clause of its own."""
    return "Part" in word.morph.get("VerbForm") and word.dep_ in ("acl", "amod") \
        and not any(c.dep_.startswith("aux") for c in word.children)


def _one_of(token: Token) -> bool:
    """ "unul dintre ei", "una din colege": an indefinite pronoun in the singular with its group after a
    preposition: one of several."""
    return token.pos_ == "PRON" and "Ind" in token.morph.get("PronType") and "Plur" not in token.morph.get("Number") \
        and any(c.dep_ == "nmod" and any(g.dep_ == "case" for g in c.children) for c in token.children)


def is_agent_noun(token: Token, endings: tuple[str, ...], things: set[str], nationality: set[str] = frozenset(),
                  articles: Iterable[tuple[str, str]] = ()) -> bool:
    """A noun made for a person who does something ("curatoarea", "casieră", "croitor"), by its ending,
    or a person of a `nationality` ("daneza", "sârbul": its text less an article of `articles`, pairs of
    a nominative's ending and the article's); not a word for a place or an organization ("orașul",
    "compania")."""
    forms = {key(token.text), key(token.lemma_)}
    if forms & things:
        return False
    if any(form.endswith(end) for form in forms for end in endings):
        return True
    word = key(token.text)
    bare = {word[: len(word) - len(key(article))] + key(ending) for ending, article in articles if word.endswith(key(article))}
    return bool(({key(token.lemma_)} | bare) & nationality)


def thing_words(lang: Lang) -> set[str]:
    """Words for a place or an organization ("orașul", "compania"): never a person's role, whatever their
    ending."""
    return lang.keys_of("place_cues") | lang.keys_of("settlement_cues") | lang.keys_of("org_cues") \
        | lang.keys_of("org_heads")


def _role_forms(token: Token) -> list[str]:
    """The keys of a noun's lemma and text, and of the nominative of a feminine in the genitive-dative
    the lemmatizer left as it is or gave a wrong ending ("senatoarei", "ministrei", "consilierei",
    "directoară" -> "senatoare", "ministră", "consilieră", "directoare")."""
    forms = []
    for word in (token.lemma_, token.text):
        k = key(word)
        forms.append(k)
        if k.endswith("ei") and len(k) > 5:
            forms += [k[:-1], k[:-2] + "a"]
        if k.endswith("oara"):
            forms.append(k[:-1] + "e")
    return forms


def stem_of(lemma: str) -> str:
    """The stem a verb keeps in every form, for text without diacritics ("anunța" -> "anunt")."""
    folded = key(lemma)
    return folded[:-1] if folded[-1:] in "aeiu" else folded


@dataclass
class Salient:
    """A person who was recently the subject or the speaker, with where that was."""

    name: str
    gender: Optional[str]
    sentence: int
    paragraph: int
    spoke: bool = False


UNNAMED = "\u0000unnamed"  # stands in Memory for a speaker the text does not name


@dataclass
class Memory:
    """What a pronoun or a dropped subject can point back to, in reading order."""

    recent: list[Salient] = field(default_factory=list)
    organizations: list[tuple[int, str]] = field(default_factory=list)  # (sentence, organization) that spoke
    mentioned: list[tuple[int, int, str, Optional[str]]] = field(default_factory=list)  # (sentence, token, person, gender)
    spoken_of: set[tuple[int, int]] = field(default_factory=set)  # (sentence, token) of a mention in someone's reported words

    def note(self, name: str, gender: Optional[str], sentence: int, paragraph: int, spoke: bool = False) -> None:
        self.recent = [s for s in self.recent if s.name != name][-6:]
        self.recent.append(Salient(name, gender, sentence, paragraph, spoke))

    def last_speaker(self, sentence: int) -> Optional[str]:
        """ "„…”, a mai adăugat.": the one who spoke in this sentence or the one before, if any."""
        spoke = [s for s in reversed(self.recent) if s.spoke and sentence - s.sentence <= 1]
        found = spoke[0].name if spoke and all(s.name == spoke[0].name for s in spoke) else None
        return None if found is not None and found.startswith(UNNAMED) else found

    def last_speaker_of(self, sentence: int, gender: Optional[str]) -> Optional[str]:
        """The one who spoke in the sentence before, when known to be of `gender`."""
        spoke = [s for s in self.recent if s.spoke and s.sentence == sentence - 1]
        if not spoke or gender is None or any(s.name != spoke[0].name or s.gender != gender for s in spoke):
            return None
        return None if spoke[0].name.startswith(UNNAMED) else spoke[0].name

    def unnamed(self, gender: Optional[str], sentence: int, paragraph: int) -> None:
        """Someone the text does not name spoke ("O asistentă … a declarat"): a pronoun after it may be
        them, so it points to nobody."""
        self.note(f"{UNNAMED}{sentence}", gender, sentence, paragraph, spoke=True)

    def organization_spoke(self, name: str, sentence: int) -> None:
        self.organizations = [o for o in self.organizations if sentence - o[0] <= 1 and o[1] != name] + [(sentence, name)]

    def organization(self, sentence: int, accept) -> Optional[str]:
        """The one organization that spoke in this sentence or the one before and that `accept`s."""
        found = {name for s, name in self.organizations if sentence - s <= 1 and accept(name)}
        all_recent = {name for s, name in self.organizations if sentence - s <= 1}
        return found.pop() if len(found) == 1 and len(all_recent) == 1 else None

    def mention(self, name: str, sentence: int, token: int, gender: Optional[str], reported: bool = False) -> None:
        """A person named at `token`; `reported`: inside what someone is reported to have said."""
        self.mentioned = [m for m in self.mentioned if sentence - m[0] <= WINDOW_SENTENCES][-80:]
        self.mentioned.append((sentence, token, name, gender))
        if reported:
            self.spoken_of.add((sentence, token))

    def _named_lately(self, sentence: int, before: int) -> list[tuple[str, Optional[str]]]:
        """People named in the sentence before, or in this one before token `before`."""
        return [(n, g) for s, i, n, g in self.mentioned if s == sentence - 1 or s == sentence and i < before]

    def only_person(self, sentence: int, before: int = 10**9, gender: Optional[str] = None) -> Optional[str]:
        """The one person named in this sentence or the one before, if exactly one and not known to be of
        another gender than `gender` (when given), and not only spoken of in someone's reported words ("El a
        precizat că Ntšekhe plănuia …. Premierul a declarat …" names no prime minister)."""
        lately = [(s, i, n) for s, i, n, g in self.mentioned if s == sentence - 1 or s == sentence and i < before]
        if lately and all((s, i) in self.spoken_of for s, i, n in lately):
            return None
        named = dict(self._named_lately(sentence, before))
        if len(named) != 1:
            return None
        (name, found), = named.items()
        return None if gender is not None and found is not None and found != gender else name

    def resolve(self, gender: Optional[str], sentence: int, before: int = 10**9) -> Optional[str]:
        """The most recent salient person of `gender` (any gender when None), within the window; None
        when another person of that gender was named in the sentence before or in this one before the
        pronoun, or was salient in the same sentence: then the pronoun is ambiguous."""
        candidates = [s for s in reversed(self.recent) if sentence - s.sentence <= WINDOW_SENTENCES]
        if gender is not None:
            matching = [s for s in candidates if s.gender == gender]
            unknown = [s for s in candidates if s.gender is None]
            if not matching and len(unknown) == 1 and len(candidates) == 1:
                matching = unknown
        else:
            matching = candidates
        if not matching and gender is not None and not [s for s in candidates if s.gender is None]:
            # Nobody of that gender was a subject lately: "Marin a lucrat alături de Bianca Lazăr. Ea a
            # spus …" means the one person of that gender named just before, if there is exactly one.
            named = {n for n, g in self._named_lately(sentence, before) if g == gender}
            return named.pop() if len(named) == 1 else None
        if not matching:
            return None
        best = matching[0]
        if gender is not None and any(s.gender is None for s in candidates[:candidates.index(best)]):
            return None  # someone of unknown gender was salient since: "Truțulescu a plecat. „…”, a spus acesta."
        if best.name.startswith(UNNAMED):
            return None  # "O asistentă … a declarat … „…”, a povestit aceasta": the one not named
        rivals = [s for s in matching[1:] if s.sentence == best.sentence and s.name != best.name]
        # (another person of that gender named since the one salient spoke: "dr. Laura Mihăilescu a declarat
        # …. Irisa a devenit cunoscută în 2017 …. Ea a mai scris că …")
        rivals += [n for s, i, n, g in self.mentioned if best.sentence < s and (s < sentence or i < before)
                   and n != best.name and gender is not None and g == gender]
        # (a full name of unknown gender may be the one meant too)
        named = {n for n, g in self._named_lately(sentence, before) if n != best.name
                 and (gender is None or g == gender or g is None and len(n.split()) >= 2)}
        return None if rivals or named else best.name


class Speakers:
    """Finds speech verbs and resolves their subjects for one article Doc."""

    def __init__(self, lang: Lang):
        self.lang = lang
        self.verbs = {key(v) for v in lang["speech_verbs"]}
        self.stems = {stem_of(v) for v in lang["speech_verbs"] if len(stem_of(v)) >= 5}
        self.stem_lengths = sorted({len(x) for x in self.stems})
        self.hypothetical = lang.keys_of("hypothetical_marks")
        self.citing = lang.keys_of("citing_verbs")
        self.roles = lang.keys_of("person_roles")
        self.connectors = lang.keys_of("name_connectors")
        self.possessive = lang.keys_of("possessive_articles")
        self.role_joins = lang.keys_of("role_prepositions")
        self.body_adjectives = lang.keys_of("body_adjectives")
        self.genitive = lang.keys_of("genitive_articles")
        self.feminine_genitive = tuple(key(w) for w in lang["feminine_genitive_endings"])
        self.masculine_genitive = tuple(key(w) for w in lang["masculine_genitive_endings"])
        self.continuing_verbs = lang.keys_of("continuing_verbs")
        self.again_adverbs = lang.keys_of("again_adverbs")
        self.tenure_before = lang.keys_of("tenure_before")
        self.day_words = {key(w) for words in lang["weekdays"].values() for w in words} \
            | lang.keys_of("relative_days") | {key(w) for words in lang["day_parts"].values() for w in words}
        self.person_nouns = lang.keys_of("age_nouns")  # bărbat, femeie, copil, pacient …: a person, unnamed
        self.relatives = lang.keys_of("relative_words")
        self.kinship = lang.keys_of("kinship_nouns")  # someone's relative: never the person just named
        self.feminine_roles = lang.keys_of("feminine_roles")
        self.unnamed = lang.keys_of("unnamed_sources")
        self.pronoun_gender = {key(w): g for g, words in lang["pronouns"].items() for w in words}
        # (a gender the curated list gives wins over the "u" of the names taken from RONEC)
        by_gender = sorted(lang.gazetteer["given_names"].items(), key=lambda kv: kv[0] != "u")
        self.given = {**world_given_names(lang), **{key(n): g for g, names in by_gender for n in names}}
        self.name_genders = name_genders()
        self.letters = set(lang["alphabet"])
        self.gazetteer_roles = gazetteer.roles(lang)
        self.media = {e["name"] for e in lang.gazetteer["organizations"] if e.get("kind") == "media"}
        self.company_endings = lang.keys_of("legal_forms") | lang.keys_of("org_suffixes")  # "SRL", "SPRL": a company holds a role
        self.media_nouns = lang.keys_of("media_nouns")
        self.media_words = lang.keys_of("media_name_words")
        self.web_domains = lang.keys_of("web_domains")
        self.utterance = lang.keys_of("utterance_verbs")
        self.utterance_stems = {stem_of(v) for v in lang["utterance_verbs"] if len(stem_of(v)) >= 5}
        self.documents = lang.keys_of("document_nouns")
        self.speaking_for = lang.keys_of("speaking_for")
        self.speaking_as_group = lang.keys_of("speaking_as_group")
        self.titles = lang.keys_of("person_titles")
        self.party_of = {key(w): party for party, words in lang["party_members"].items() for w in words}
        self.member_party = {key(w): party for party, words in lang["party_member_nouns"].items() for w in words}
        self.party_names = {key(p): p for p in lang["party_member_nouns"]}  # "PSD" in "Dan Hrițcu (PSD)"
        self.control_verbs = lang.keys_of("control_verbs")
        self.that = lang.keys_of("that")
        self.subjunctive_marks = {key(w) for w in lang["requests"]["marks"]}  # "să": "a ținut să precizeze"
        self.said_to = lang.keys_of("said_to")
        self.year_words = {key(w) for w in lang["duration_units"]["Y"]}  # "de 24 de ani": an age
        self.phrases = {key(verb): {key(n) for n in nouns} for verb, nouns in lang["speech_phrases"].items()}
        self.noun_endings = lang.noun_endings()
        self.speaking_for_stems = {self._noun_stem(w) for w in self.speaking_for}  # "Reprezentanții", unlemmatized
        self.group_words = self.speaking_for | self.speaking_as_group
        self.group_stems = self.speaking_for_stems | {self._noun_stem(w) for w in self.speaking_as_group}
        anaphors = lang["organization_anaphors"]
        self.org_generic = {key(w) for w in anaphors["generic"]}
        self.org_typed = {key(w) for w in anaphors["typed"]}
        self.org_bare = {key(w) for w in anaphors["bare"]}
        self.org_words = self.org_generic | self.org_typed
        self.anaphor_stems = {stem_of(w): w for w in self.org_words}  # "instituti" -> "institutie"
        self.org_kind_of = {e["name"]: e.get("kind") for e in lang.gazetteer["organizations"]}
        kinds = [({key(x) for x in group} | {self._noun_stem(x) for x in group}, group) for group in anaphors["kinds"]]
        self.org_kinds = {key(w): kind for kind, group in kinds for w in group}  # a noun -> its kind's keys and stems
        self.company_kind = kinds[0][0] if kinds else set()  # (the first kind: companies)
        self.companies_by_ending = self.company_endings - lang.keys_of("fund_endings")
        # (the stems of every word for a kind of organization: a name beginning with none is bare)
        self.kind_stems = {stem_of(w) for w in self.org_words | set(self.org_kinds)}
        self.org_cues = lang.keys_of("org_cues")  # "firma", "compania", "operatorul": a word for an organization
        self.synonyms = {key(w): {key(x) for x in group} for group in lang["role_synonyms"] for w in group}
        self.chief_roles = lang.keys_of("chief_roles")
        self.nationality = lang.keys_of("nationality_adjectives")
        self.agent_endings = tuple(key(w) for w in lang["agent_endings"])
        self.thing_words = thing_words(lang)
        self.articles = [tuple(p) for p in lang["definite_endings"]]
        self.deputy_prefixes = tuple(key(w) for w in lang["deputy_prefixes"])
        self.offices = lang.keys_of("offices")
        self.office_stems = {self._noun_stem(w) for w in self.offices}

    # -- verbs ------------------------------------------------------------------------------------

    def _noun_stem(self, word: str) -> str:
        """A noun without its article or case ending ("spitalului", "Spitalul" -> "spital"), for matching
        a lowercase head word to the first word of a name."""
        k = key(word)
        return (noun_stems(k, self.noun_endings, 4) or [k])[0]

    def is_medium(self, doc: Doc, verb: Token, names: dict[int, Span]) -> bool:
        """ "…», relatează agenția TASS": the verb names the medium that reported it, not the speaker."""
        subject = self.subject_of(verb)
        candidates = [subject] if subject is not None else [c for c in verb.rights if c.pos_ in ("NOUN", "PROPN")][:1]
        for noun in candidates:
            own = names.get(noun.i)
            if own is not None and own.start == noun.i and own.label_ == "organization":
                # "a anunțat Agenția Internațională pentru Energie Atomică": the word opens a name, which
                # decides ("Agenția de presă Reuters" is a medium, the nuclear agency is not).
                return self.is_media_name(doc, own)
            named = own or names.get(noun.i + 1)
            if named is not None and self.is_media_name(doc, named) or key(noun.text) in self.media_nouns:
                return True
        return False

    def is_media_name(self, doc: Doc, span: Span) -> bool:
        """A news medium: known to the gazetteer, introduced by a word for one ("cotidianul Haaretz"),
        with a word of media names in it ("Times", "News", "TV"), or named by its web address
        ("Deschide.md")."""
        if span._.canonical in self.media or len(span) == 1 and is_web_name(span.text, self.web_domains):
            return True
        if span.start > 0 and key(doc[span.start - 1].text) in self.media_nouns:
            return True
        return any(key(t.text) in self.media_words for t in span)

    def utters(self, verb: Token) -> bool:
        """A verb that introduces someone's own words ("a declarat"), not a speech act reported as part
        of a statement ("… că UE cere Iranului „…”": the words are still the reporting speaker's)."""
        if key(verb.lemma_) in self.utterance:
            return True
        fold = verb._.fold
        return any(fold[:n] in self.utterance_stems for n in {len(x) for x in self.utterance_stems})

    @staticmethod
    def is_finite(verb: Token) -> bool:
        """A verb that can have its own subject: not a participle modifying a noun or a clause ("mesajul
        transmis", "acuzat că …", "a spus, întrebat de jurnaliști, că …")."""
        if verb.dep_ != "ROOT" and "Part" in verb.morph.get("VerbForm"):
            # "care a declarat": with its auxiliary or its subject the participle is a past tense;
            # "primarul, acuzat că …" has neither.
            return any(c.dep_ in ("aux", "aux:pass", "nsubj", "nsubj:pass") for c in verb.children)
        return True

    def is_speech_verb(self, token: Token) -> bool:
        if token.pos_ not in ("VERB", "AUX", "NOUN") or token.pos_ == "AUX" and token.dep_ == "aux":
            return False
        if not self.is_finite(token) or any(c.dep_ == "mark" and key(c.text) in self.hypothetical for c in token.children):
            return False
        if key(token.lemma_) in self.verbs:
            return True
        nouns = self.phrases.get(key(token.lemma_))
        if nouns and any(c.dep_ == "obj" and key(c.lemma_) in nouns for c in token.children):
            return True  # "a dat asigurări că", "a atras atenția că"
        # Text without diacritics confuses the lemmatizer ("anuntat") and the tagger ("povesteste" read as
        # a noun, though it has a subject): fall back on the stem.
        if token.pos_ != "VERB" and not (token.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in token.children)):
            return False
        fold = token._.fold
        return any(fold[:n] in self.stems for n in self.stem_lengths)

    @staticmethod
    def plural_agreement(verb: Token) -> bool:
        """The verb is in the plural by its auxiliaries, or by itself when it has none (the participle of
        "au transmis" is tagged singular)."""
        agrees = [c for c in verb.children if c.dep_ in ("aux", "aux:pass")] or [verb]
        numbers = {str(n) for t in agrees for n in t.morph.get("Number")}
        return "Plur" in numbers and "Sing" not in numbers

    def is_plural(self, verb: Token) -> bool:
        """A verb whose dropped subject is a group, or the speaker with others or the one spoken to
        ("Au mai declarat că …", "Vom cere …")."""
        persons = {str(p) for t in [verb, *verb.children] if t.dep_ in ("aux", "aux:pass") or t is verb
                   for p in t.morph.get("Person")}
        return self.plural_agreement(verb) or "1" in persons or "2" in persons

    # -- subjects ---------------------------------------------------------------------------------

    def subject_of(self, verb: Token) -> Optional[Token]:
        """The verb's subject: its `nsubj`; after the verb, the first name or role the parser took for an
        object; for a coordinated verb or a gerund ("a mulțumit … și a spus că", "susținând că"), the
        subject of the verb it hangs from; else a name standing right before the verb, past an apposition
        ("Andrei Novak, economist-șef la Goldman Sachs, a spus") when the parse lost the link."""
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not is_quote_mark(c)]
        if subjects and all(key(c.text) in self.day_words for c in subjects):
            # A weekday the parser took for the subject is when it was said ("…”, a declarat joi, într-o
            # conferință de presă, directorul …, Cristian Manea"): the subject after it, if it is a name, a
            # role with a name in apposition, or a role the article tied to one person ("…”, a declarat joi
            # edilul pentru Mediafax"; an office alone may stand for its body, which is less sure).
            after = self.subject_after(verb)
            if after is not None and (after.pos_ == "PROPN" or self._named_in_apposition(after)
                                      or self.is_role(after) and self.role_holder(verb.doc, after) is not None):
                return after
            return subjects[0]
        if len(subjects) > 1:
            # "Ora 16:20 | Liderul deputaților, Cristian Oprea, a declarat": the parser found two; a name,
            # a role or a pronoun before any other word, then one before the verb (after it, a name is
            # more often the addressee the parser mistook), then the nearest.
            named = verb.doc.user_data.get("name_starts", set())
            subjects.sort(key=lambda c: (not (c.i in named or self.is_role(c) or key(c.text) in self.pronoun_gender
                                              or any(t.i in named for t in c.subtree)),
                                         c.i > verb.i, abs(c.i - verb.i)))  # before the verb first: "X i-a spus Kajei Kallas"
        if subjects:
            return subjects[0]  # (a closing '' the parser took for the subject is skipped)
        if "Ger" in verb.morph.get("VerbForm") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
            # "Zăvoianu a deschis disputa acuzând USR că …": a gerund's subject is its verb's; the name after
            # it is whom it speaks of
            return self._subject_up(verb.head)
        after = self.subject_after(verb)
        if after is not None:
            return after
        if verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
            if verb.dep_ == "conj" or "Ger" in verb.morph.get("VerbForm"):
                return self._subject_up(verb.head)
            if verb.dep_ in ("xcomp", "ccomp") and verb.head.i < verb.i and key(verb.head.lemma_) in self.control_verbs \
                    and any(c.dep_ == "mark" and key(c.text) in self.subjunctive_marks for c in verb.children):
                # "X a ținut să precizeze că …": the one who wanted to is the one who said it
                return self._subject_up(verb.head)
        return self._name_before(verb)

    @staticmethod
    def _complement_length(noun: Token) -> int:
        """The words of a noun's "de" complement right after it ("brokerul de credite Dan Vereș": 2), else 0."""
        doc = noun.doc
        if noun.i + 2 < len(doc) and doc[noun.i + 1].pos_ == "ADP" and doc[noun.i + 2].head.i == noun.i \
                and doc[noun.i + 2].pos_ == "NOUN" and doc[noun.i + 2].is_lower:
            return 2
        return 0

    def subject_after(self, verb: Token) -> Optional[Token]:
        """The inverted subject: a person after a newsroom, or the first name, role, pronoun or
        organization word after the verb that the parser took for an object."""
        named = verb.doc.user_data.get("name_starts", set())
        after_medium = self._person_after_medium(verb)
        if after_medium is not None:
            return after_medium
        for child in verb.rights:
            # (the parser sometimes calls an inverted subject xcomp or dep: "a declarat Țoiu după semnare")
            # (and "expl" for a pronoun: "a scris acesta pe Facebook")
            # (and "iobj" for a name with no case of its own: "…, a anunțat CFR SA"; not "lui Nedelcu")
            if child.dep_ in ("obj", "appos", "nmod", "obl", "xcomp", "dep") and child.i - verb.i <= INVERTED_WINDOW \
                    or child.dep_ == "expl" and key(child.text) in self.pronoun_gender and child.i - verb.i == 1 \
                    or child.dep_ == "iobj" and child.i - verb.i <= INVERTED_WINDOW and not child.morph.get("Case") \
                    and not child.n_lefts and self.attributes(verb):
                if (child.pos_ == "PROPN" or self.is_role(child) or key(child.text) in self.pronoun_gender
                        or child.dep_ != "obl" and key(child.lemma_) in self.org_words
                        or child.dep_ == "obj" and key(child.lemma_) in self.person_nouns and self.attributes(verb)
                        or child.pos_ == "NOUN"
                        and any(t.i in named for t in child.subtree
                                if 0 <= t.i - child.i <= NAME_AFTER_NOUN + self._complement_length(child))):
                    if child.dep_ in ("obl", "obj") and any(c.dep_ == "case" for c in child.children):
                        continue  # "pe Telegram", "la București": a place or a medium, not the speaker
                    return child
        # "a transmis luni AEP", "a anunțat marți DNA": past a day, a name or an acronym the parse hung
        # on that day; past a day and a phrase between commas ("a declarat joi, într-o conferință de presă,
        # directorul …, Cristian Manea"), also a role.
        doc, i, skipped = verb.doc, verb.i + 1, False
        limit = min(len(doc), verb.i + 1 + INVERTED_WINDOW)
        while i < limit:
            token = doc[i]
            if key(token.text) in self.day_words or token.pos_ == "ADV":
                i += 1
                continue
            if token.text == "," and not skipped and i + 1 < len(doc) and doc[i + 1].pos_ == "ADP":
                close = next((j for j in range(i + 2, min(len(doc), i + 2 + INVERTED_WINDOW)) if doc[j].text == ","), None)
                if close is None or any(t.pos_ in ("VERB", "AUX") for t in doc[i + 1: close]):
                    break
                i, skipped = close + 1, True
                limit = min(len(doc), i + 1)  # the subject right after the phrase
                continue
            if token.pos_ == "PROPN" and (token.i in named or is_acronym(token.text)):
                return token
            if skipped and self.is_role(token) and self._named_in_apposition(token):
                return token
            break
        return None

    @staticmethod
    def _named_in_apposition(token: Token) -> bool:
        """A name stands in apposition to the word ("directorul …, Cristian Manea"), or the person after the
        role's phrase and a comma holds the role in the entity layer ("purtătoarea de cuvânt a Serviciului
        … (VSAT), Rūta Žemaitytė", whose apposition the parser hung on the service)."""
        named = token.doc.user_data.get("name_starts", set())
        if any(c.dep_ == "appos" and c.i in named for c in token.children):
            return True
        phrase = {d.i for d in token.subtree}
        return any(s.label_ == "person" and s._.role and key(s._.role.split()[0]) == key(token.text)
                   and s.start > token.i and token.doc[s.start - 1].text == ","
                   and all(t.i in phrase or t.is_punct for t in token.doc[token.i: s.start - 1])
                   for s in token.doc.spans.get("entities", []))

    @staticmethod
    def attributes(verb: Token) -> bool:
        """The verb stands where an attribution does: right after a comma or a closing quotation mark
        ("„…?”, a întrebat femeia"), where a noun after it is its subject, not its object."""
        doc, first = verb.doc, verb_start(verb)
        return first > 0 and (doc[first - 1].text == "," or is_quote_mark(doc[first - 1]))

    def _person_after_medium(self, verb: Token) -> Optional[Token]:
        """ "a declarat pentru ZF Radu Costache", "a scris pe Facebook Valentin Pârvu": the person right
        after a newsroom or a social network, or the role standing there ("pentru Libertatea directorul …")."""
        doc = verb.doc
        for child in verb.rights:
            if child.dep_ not in ("obl", "obj", "nmod") or child.i - verb.i > INVERTED_WINDOW:
                continue
            medium = next((s for s in doc.spans.get("entities", []) if s.start <= child.i < s.end
                           and (s.label_ == "platform" or s.label_ == "organization" and self.is_media_name(doc, s))), None)
            if medium is None:
                continue
            person = next((s for s in doc.spans.get("entities", []) if s.start == medium.end
                           and s.label_ == "person" and s._.canonical), None)
            if person is None and medium.end < len(doc) and self.is_role(doc[medium.end]):
                return doc[medium.end]  # "a declarat pentru Libertatea directorul DSP Iași, Ciprian Onofrei"
            return doc[person.start] if person is not None else None
        return None

    def _citing_unnamed(self, verb: Token) -> bool:
        """The verb's speaker passes on unnamed sources' words: a gerund of citing ("citând surse …")."""
        return any("Ger" in c.morph.get("VerbForm") and key(c.lemma_) in self.citing
                   and any(o.dep_ == "obj" and self._unnamed_source(o) for o in c.children)
                   for c in verb.children)

    def _unnamed_source(self, noun: Token) -> bool:
        """ "surse", "un oficial", "un angajat": a word for someone the text does not name."""
        return key(noun.text) in self.unnamed or key(noun.lemma_) in self.unnamed

    def _continues(self, verb: Token) -> bool:
        """A verb that says the speaker goes on: "a adăugat", "a completat", "a continuat"."""
        return key(verb.lemma_) in self.continuing_verbs

    def _unnamed_after(self, verb: Token) -> bool:
        """ "„…”, a spus pentru Deșteptarea un angajat al firmei": a role or an unnamed source after the
        verb, before its clause ends, that the parser hung elsewhere: the subject, whom nobody named."""
        doc = verb.doc
        i, end = verb.i + 1, min(len(doc), verb.i + 1 + INVERTED_WINDOW)
        while i < end:
            token = doc[i]
            if token.text == "," and i + 2 < len(doc) and doc[i + 1].morph.get("VerbForm") == ["Ger"] \
                    and doc[i + 2].text == ",":
                i += 3  # "a comentat, zâmbind, unul dintre ei": an aside
                continue
            if _one_of(token):
                return True  # "unul dintre ei": one of several, not named
            if token.is_punct or token.pos_ in ("SCONJ", "VERB", "AUX", "PRON"):
                return False  # (the clause ends: "A mai spus că niciun medic …")
            if token.pos_ == "NOUN" and (self.is_role(token) or self._unnamed_source(token)):
                return True
            i += 1
        return False

    def _name_before(self, verb: Token) -> Optional[Token]:
        """A person or organization right before the verb, allowing one apposition between commas; when
        the name before the apposition is in the genitive ("avocatul lui Vukašinović, Ovidiu Stoenescu, a
        susținut"), it is whose, and the name in apposition is the one who speaks."""
        doc = verb.doc
        starts = doc.user_data.get("name_starts", set())
        ends = doc.user_data.get("name_ends", {})
        i, apposed = verb_start(verb) - 1, None
        if i >= 0 and doc[i].text == ",":
            # Skip back over ", apposition," (no verb inside but a participle describing a noun: "Marian,
            # sudor angajat la Navalmet în 1998, spune") to the name before it.
            j = i - 1
            while j >= 0 and doc[j].text != "," and i - j < 15 and (doc[j].pos_ != "VERB" or _describing(doc[j])):
                j -= 1
            if j < 0 or doc[j].text != ",":
                return None
            i, apposed = j - 1, j + 1
        if i >= 0 and i in ends and ends[i] in starts:
            name = doc[ends[i]]
            if apposed is not None and name.i > 0 and owner_cue(doc[name.i - 1], self.roles, self.possessive):
                return doc[apposed] if apposed in starts else None
            return name
        return None

    def _subject_up(self, verb: Token) -> Optional[Token]:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if verb.dep_ in ("conj", "ccomp", "advcl", "xcomp") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
            return self._subject_up(verb.head)
        return None

    def resolve(self, doc: Doc, subject: Optional[Token], verb: Token, memory: Memory, sentence: int,
                names: dict[int, Span]) -> tuple[Optional[str], Optional[str]]:
        """(speaker, how) for a verb of saying and its subject (None: dropped)."""
        if self._citing_unnamed(verb):
            return None, None  # "X scrisese, citând surse din conducere, că …": the sources', unnamed
        if subject is not None and subject.i < verb.i and any(t.text == ":" for t in doc[subject.i + 1: verb.i]):
            # "Ziarul de Iași: Opoziția spune că …": the parse ran across an interview's label; the one
            # who says it stands after the colon, unnamed
            return None, None
        if subject is not None and subject.dep_ == "nsubj:pass" and any(c.dep_ == "aux:pass" for c in verb.children):
            # "Pascaru a fost acuzat de consilierii din opoziție că …": the one spoken of, never the speaker;
            # a named agent is
            agent = next((names[c.i] for c in verb.children if c.dep_ == "obl:agent" and c.i in names), None)
            return (agent._.canonical, "name") if agent is not None and agent._.canonical \
                and agent.label_ != "place" else (None, None)
        if subject is not None and self.plural_agreement(verb) and any(
                c.dep_ == "conj" and (c.i in names or c.pos_ == "PROPN") for c in subject.children):
            return None, None  # "FSLI, FSE și Alma Mater au anunțat că …": several speak together, nobody alone
        if subject is None and self._reported_by(verb):
            # "Europa FM a transmis că îi mulțumește lui Donose „…”": the one who said it thanks
            return self.resolve(doc, self.subject_of(verb.head), verb.head, memory, sentence, names)
        if subject is None:
            author = self.document_author(doc, verb, names)
            if author is not None:
                return author, "document"
            last = self._person_closing(doc, verb, names)
            if last is not None:
                return last, "name"
            if self.is_plural(verb) or any(c.dep_ in ("obj", "nmod", "appos", "iobj") and c.pos_ in ("NOUN", "PROPN")
                                           for c in verb.rights) \
                    or any(c.dep_ == "dep" and c.pos_ in ("NOUN", "PROPN") for c in verb.lefts):
                # a group, or an argument that may be the subject ("Un șofer …, ne-a spus", the noun
                # left unattached before the verb): no guess
                return None, None
            if self._unnamed_after(verb):
                return None, None
            found = memory.last_speaker(sentence)
            return (found, "prodrop") if found else (None, None)
        span = names.get(subject.i)
        if span is not None and span.label_ == "person" and span._.canonical and self._ambiguous(doc, span._.canonical):
            # "a spus consilierul Popa" where the article names two Popas: the one with that role.
            found = self._surname_with_role(doc, span)
            if found is None:
                found = self._first_of_surname(doc, span, memory, self._goes_on(verb))
            return (found, "role") if found else (None, None)
        if span is not None and span.label_ == "place" and self.is_role(subject) and subject.i == span.start \
                and len(span) > 1:
            span = None  # "antrenoarea Slatinei": a role with its town, not the town
        if span is not None and span.label_ == "organization" and span.start == subject.i and self.is_role(subject) \
                and span._.canonical and key(subject.text) != key(span._.canonical.split()[0]):
            span = None  # "Ministrul Cercetării a spus" (named for "Ministerul Cercetării"): the minister, a role
        if span is not None and span.label_ in ("platform", "place"):
            return None, None  # "pe Facebook": where it was said; "Coreea de Nord a confirmat": a state, no speaker
        if span is not None and span.label_ == "organization" and self.is_role(subject.head) \
                and subject.head.i < span.start and subject.head.head.i == verb.i:
            # "a precizat șeful Hidroelectrica": the parse took the organization for the subject; the
            # speaker is the role's holder.
            subject, span = subject.head, None
        if span is not None:
            if span.label_ == "organization":
                # "Avocatul Poporului, Mihai Scutaru, a declarat": the person speaks for the institution.
                named = self.person_in_apposition(subject, names)
                if named is not None:
                    return named, "name"
            if span._.canonical:
                return span._.canonical, "name"
            subject = span.root  # a reference the entity layer kept without a name ("Președintele")
        k = key(subject.text)
        if k == "care" and verb.dep_.startswith("acl") and verb.head.i != verb.i:
            # "…, António Costa, care a declarat": the relative pronoun stands for the noun it follows.
            head = verb.head
            comma = subject.i - 1
            before = names.get(comma - 1) if comma > 0 and doc[comma].text == "," else None
            if before is not None and before.label_ == "person" and before._.canonical and before.end == comma and (
                    head.i in names and names[head.i].label_ != "person"
                    or self.is_role(head) and not self.is_kin(head) and before.root.head.i == head.i):
                # "deputatului PSD de Vaslui Costel Anghelache, care a anunțat", the clause hung on "PSD" or
                # on "deputatului": the person named right before the comma, not a party or a town in their
                # description
                return before._.canonical, "name"
            named = names.get(head.i)
            if named is not None and named.label_ == "platform":
                named = names.get(named.end)  # "a comentat pe Facebook Pârvu, care a promis că …"
            role = self._role_above(named.root) if named is not None else None
            if named is not None and named._.canonical and named.label_ == "organization" and role is not None \
                    and (self.person_in_apposition(role, names) or role.i >= 2 and doc[role.i - 1].text == ","
                         and getattr(names.get(role.i - 2), "label_", None) == "person"):
                # "Laurei Mihăilă, purtătoarea de cuvânt a ACCE, care a cerut", "Jennifer Holloway, vicepreședinte
                # pentru inginerie la compania Cloudmere, care a spus": she or it
                return None, None
            if named is not None and named._.canonical and named.label_ != "place":
                return named._.canonical, "name"
            if not self.is_role(head) and head.dep_ == "nmod" and self.is_role(head.head) and named is None:
                head = head.head  # "șeful statului, care a precizat": the relative follows the whole phrase
            if not self.is_role(head):
                return None, None
            person = self.person_in_apposition(head, names)
            if person:
                return person, "name"
            tied = self.role_holder(doc, head)
            return (tied, "role") if tied else (None, None)
        party = self.party_of.get(k)
        if party is not None and self.plural_agreement(verb):
            return party, "role"  # "Liberalii au transmis că …": the party speaks
        anaphor = self._organization_anaphor(subject, memory, sentence)
        if anaphor is not None:
            doc.user_data.setdefault("said_for", {}).setdefault(key(subject.lemma_), set()).add(anaphor)
            return anaphor, "role"
        if k in self.pronoun_gender:
            gender = self.pronoun_gender[k]
            if gender == "any":
                return None, None  # "ei", "aceștia": a group
            if self._unnamed_rival(doc, subject, gender):
                return None, None  # "X l-a sunat pe fratele său. El a spus că …": X or his brother
            found = memory.resolve(gender, sentence, before=subject.i)
            if found is None and self._continues(verb):
                # "„…” Acesta a adăugat că …" right after that speaker's quotation: the same speaker goes on,
                # whoever else the quotation's sentence named
                found = memory.last_speaker_of(sentence, gender)
            return (found, "pronoun") if found else (None, None)
        if not self.is_role(subject) and subject.pos_ == "NOUN" and key(subject.lemma_) in self.person_nouns \
                and subject.morph.get("Number") != ["Plur"] and not self.is_indefinite(subject) \
                and self._bare(subject) and not self.is_kin(subject):
            # "a spus femeia", "a spus bărbatul": the one person named in this sentence or the one before, or
            # the one of that gender who spoke there ("„…”, a povestit ea. Femeia a spus că …").
            party = self.member_party.get(key(subject.lemma_))
            members = self._party_people(doc)
            if party is not None and len(members.get(party, ())) == 1:
                return next(iter(members[party])), "role"  # "a replicat liberalul" after "Radu Ungureanu (PNL)"
            tied = memory.only_person(sentence, before=subject.i) \
                or memory.last_speaker_of(sentence, self.noun_gender(subject))
            if party is not None and any(tied in people for other, people in members.items() if other != party):
                return None, None  # the one just named is of another party
            return (tied, "role") if tied and not self._ambiguous(doc, tied) else (None, None)
        if self.is_role(subject):
            # A person named in apposition to the role speaks: "directorul AIEA, Rafael Grossi, a spus".
            named = self.person_in_apposition(subject, names)
            if named is not None:
                return named, "name"
            company = self.company_in_apposition(subject, names)
            if company is not None:
                return company, "name"  # "Administratorul judiciar, Expert Insolvență Carpați SPRL, a transmis"
            if self.is_indefinite(subject):
                # "un oficial": nobody in particular; "un purtător de cuvânt al Comisiei": the body speaks
                spoken_for = self.spoken_for(doc, subject, names, memory, sentence)
                return (spoken_for, "role") if spoken_for is not None else (None, None)
            # "Consilierii USR au transmis": never one of them (the verb says so: the tagger reads a
            # singular in "-ele" as a plural, "vicepreședintele")
            plural = subject.morph.get("Number") == ["Plur"]
            tied = None if plural and self.plural_agreement(verb) else self.role_holder(doc, subject)
            if tied is None and plural:
                # "reprezentanții spitalului": the organization speaks; "oficialii": several people, nobody
                spoken_for = self.spoken_for(doc, subject, names, memory, sentence)
                return (spoken_for, "role") if spoken_for is not None else (None, None)
            if tied is None:
                spoken_for = self.spoken_for(doc, subject, names, memory, sentence)
                if spoken_for is not None:
                    return spoken_for, "role"  # "purtătorul de cuvânt al IDF", nobody named
            if tied is None and self._bare(subject) and not self.is_kin(subject):
                # "a spus atacantul" with no role tied: the one person just named, if only one (and not a
                # woman for "Generalul i-a răspuns")
                tied = memory.only_person(sentence, before=subject.i, gender=self.noun_gender(subject))
                holders = self._holders_of_head(doc, subject)
                if tied is not None and (self._ambiguous(doc, tied) or holders and tied not in holders
                                         or self._holds_other_office(doc, tied, subject)):
                    tied = None  # (nor someone else than the one the article gives that role, named later)
            return (tied, "role") if tied else (None, None)
        named = self.person_in_apposition(subject, names) or self.organization_in_apposition(subject, names)
        if named is not None:
            return named, "name"  # "a declarat apărătorul fostului ministru, avocatul Cosmin Dobrin"
        unknown = self._capitalized_name(doc, subject, verb, names)
        if unknown is not None:
            return unknown, "name"
        spoken_for = self.spoken_for(doc, subject, names, memory, sentence)
        if spoken_for is not None:
            return spoken_for, "role"
        organization = self.organization_named_by(doc, subject)
        if organization and doc.user_data.get("said_for", {}).get(key(subject.lemma_), {organization}) != {organization}:
            organization = None  # "compania" stood for another organization before: the word is no longer clear
        if organization:
            return organization, "role"
        following = names.get(subject.i + 1)
        if following is None and subject.i + 2 < len(doc) and doc[subject.i + 1].pos_ == "ADJ" \
                and doc[subject.i + 1].head.i == subject.i:
            following = names.get(subject.i + 2)  # "a anunțat operatorul național Ukrenergo"
        if subject.pos_ == "NOUN" and following is not None and following._.canonical and following.label_ != "place" \
                and (following.label_ != "person" or self.is_role(subject) or key(subject.lemma_) in self.person_nouns):
            return following._.canonical, "name"  # "a precizat operatorul Ukrenergo"; never "Familia Dobrescu susține"
        if subject.pos_ == "PROPN" and subject.text[:1].isupper() and subject.is_sent_start:
            # "Barbu i-a răspuns …" at a sentence start: only as the surname of one person of the article.
            full = {p for p in _with_surname(doc, key(subject.text)) if len(p.split()) > 1}
            return (full.pop(), "name") if len(full) == 1 else (None, None)
        if subject.pos_ == "PROPN" and subject.text[:1].isupper() and not subject.is_sent_start \
                and subject.lemma_[:1].isupper():
            # A name the entity layer did not keep: the proper nouns around the subject, or the person
            # of the article it is the surname of.
            words = [t for t in subject.subtree if t.pos_ == "PROPN" and t.dep_ in ("flat", "compound") or t == subject]
            name = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
            full = _with_surname(doc, key(name).split()[-1])
            if not full and len(words) == 1:
                full = self._full_name_before(doc, subject)
            if not full and is_acronym(name):
                # "a transmis luni AEP" after "Autoritatea Electorală Permanentă": the organization it abbreviates.
                full = {s._.canonical for s in doc.spans.get("entities", []) if s.label_ == "organization"
                        and s._.canonical and initials(s._.canonical, self.connectors) == name.replace(".", "").upper()}
            return (full.pop() if len(full) == 1 else name), "name"
        return None, None

    def _person_closing(self, doc: Doc, verb: Token, names: dict[int, Span]) -> Optional[str]:
        """ "…”, a declarat luni, la ieșirea de la minister, liderul FSLI, Marius Nistor.": the parse lost
        the inverted subject; the speaker is the person whose name closes the sentence (or is followed
        only by their role: "…, Ovidiu Zăvoianu, președintele FTI.") after a comma or a role, with no
        other verb and no other person between the verb and the name."""
        end = verb.sent.end
        while end > verb.i + 1 and doc[end - 1].is_punct:
            end -= 1
        person = names.get(end - 1)
        if person is None or person.label_ != "person":
            # the name, then a comma and the role that closes the sentence
            comma = next((t.i for t in doc[verb.i + 2: end] if t.text == "," and t.i - 1 in names
                          and names[t.i - 1].label_ == "person" and t.i + 1 < end and self.is_role(doc[t.i + 1])), None)
            tail = doc[comma:end] if comma is not None else None
            if tail is None or any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in tail):
                return None
            person = names[comma - 1]
            end = max(comma, person.end)  # (the mention may hold the role: "Ovidiu Zăvoianu, președintele")
        if person.end != end or person.label_ != "person" or not person._.canonical or person.start <= verb.i + 1:
            return None
        first = person.start
        while first > verb.i + 1 and key(doc[first - 1].text) in self.titles:
            first -= 1  # "dr. Sorin Apetrei, medic epidemiolog"
        before = doc[first - 1]
        if before.text != "," and not self.is_role(before) and first == person.start:
            return None
        between = doc[verb.i + 1: first]
        if any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in between):
            return None
        if any(names[t.i].label_ == "person" for t in between if t.i in names):
            return None
        return person._.canonical

    def _capitalized_name(self, doc: Doc, subject: Token, verb: Token, names: dict[int, Span]) -> Optional[str]:
        """ "Distribuție Energie Electrică Romania a transmis că …": a subject before the verb whose words
        are all capitalized, more than the sentence's first word, and that the NER missed, is the name of
        an organization (a person's name would be proper nouns the NER knows)."""
        if subject.i > verb.i or not subject.text[:1].isupper():
            return None
        words = sorted(subject.subtree, key=lambda t: t.i)
        if words[0].i != subject.i or words[-1].i >= verb.i or len(words) < 3 or len(words) > 8:
            return None
        if not all(t.is_alpha and t.text[:1].isupper() for t in words):
            return None  # "Compania de transport" is a description, not a name
        if members_of(subject, words[1]):
            return None  # "Economiștii Băncii Transilvania": people of a body in the genitive
        if any(names[t.i].label_ == "person" for t in words if t.i in names) or any(self.is_role(t) for t in words):
            return None
        if key(subject.text) in self.org_cues and getattr(names.get(subject.i + 1), "label_", None) == "organization":
            return None  # "Compania Transport Local SA": a kind of body, then the name the entity layer kept
        if key(subject.lemma_) in self.speaking_for or self._noun_stem(subject.text) in self.speaking_for_stems:
            return None  # "Reprezentantii ApaNord Botosani SA": who speaks for the body (`spoken_for`)
        if not any(t.pos_ in ("NOUN", "ADJ") for t in words[1:]):
            return None  # proper nouns only: a person's name the NER did not keep is not guessed here
        return " ".join(t.text for t in words)

    @staticmethod
    def _full_name_before(doc: Doc, surname: Token) -> set[str]:
        """ "Patrick O'Neill, partener la …" earlier in the article, then "a spus O'Neill": the proper
        nouns the parser joined to the same word (`flat`) where it first appeared, when no entity of
        another kind covers them."""
        covered = {i for e in doc.spans.get("entities", []) if e.label_ != "person" for i in range(e.start, e.end)}
        out = set()
        for token in doc[: surname.i]:
            if token.text != surname.text or token.dep_ != "flat" or token.head.i >= token.i:
                continue
            first = token.head
            run = doc[first.i: token.i + 1]
            if all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.i not in covered for t in run):
                out.add(run.text)
        return out

    def document_author(self, doc: Doc, verb: Token, names: dict[int, Span]) -> Optional[str]:
        """ "se arată în comunicatul DNA", "se precizează într-un comunicat al Forumului …": an impersonal
        verb of saying and a document of a named organization or person."""
        if not any(c.dep_ in ("expl:pass", "expl:impers", "expl:pv", "expl") and key(c.text) in ("se", "s") for c in verb.children):
            return None
        for child in verb.children:
            if key(child.lemma_) not in self.documents or not (child.dep_ == "obl" or any(
                    c.dep_ == "case" for c in child.children)):  # "în comunicat", sometimes parsed xcomp
                continue
            for token in child.subtree:
                span = names.get(token.i)
                if token.i > child.i and span is not None and span._.canonical and span.label_ in ("organization", "person"):
                    return span._.canonical
                if token.i > child.i and token.head == child and token.dep_ == "nmod":
                    found = self.organization_named_by(doc, token)
                    if found:
                        return found  # "în poziția organizației"
            if not self.is_indefinite(child):
                found = self._document_named_before(doc, child, names)
                if found:
                    return found  # "…, se arată în comunicat": the one the article said who issued
        return None

    def _document_named_before(self, doc: Doc, document: Token, names: dict[int, Span]) -> Optional[str]:
        """The author of the document the article mentioned before (same noun), when only one is known:
        "a anunțat compania X într-un comunicat" or "comunicatul X"."""
        authors: set[str] = set()
        for token in doc[: document.sent.start]:
            if key(token.lemma_) != key(document.lemma_):
                continue
            # "comunicatul DNA", "comunicatul Ministerului": a genitive of the noun itself, not a name
            # further down ("un comunicat transmis Bursei": the recipient)
            named = [names[c.i] for c in token.children if c.i > token.i and c.i in names
                     and c.dep_ in ("nmod", "nmod:poss", "flat", "compound")]
            author = next((s._.canonical for s in named if s._.canonical and s.label_ in ("organization", "person")), None)
            if author is None and token.dep_ == "obl" and self.is_speech_verb(token.head):
                # "a anunțat compania X într-un comunicat": the one name between the verb and the document.
                verb = token.head
                between = {names[t.i]._.canonical for t in verb.subtree if verb.i < t.i < token.i and t.i in names
                           and names[t.i]._.canonical and names[t.i].label_ in ("organization", "person")}
                subject = self.subject_of(verb)
                if subject is not None and subject.i in names and names[subject.i]._.canonical:
                    between.add(names[subject.i]._.canonical)  # "X a anunțat într-un comunicat"
                author = between.pop() if len(between) == 1 else None
            if author is not None:
                authors.add(author)
        return authors.pop() if len(authors) == 1 else None

    def spoken_for(self, doc: Doc, noun: Token, names: dict[int, Span], memory: Optional[Memory] = None,
                   sentence: int = 0) -> Optional[str]:
        """ "Conducerea spitalului", "Aripa armată a Hamas": the organization a speaking body belongs to;
        with the sentence's memory, also "reprezentanții companiei" after the company spoke."""
        if key(noun.lemma_) not in self.speaking_for and self._noun_stem(noun.text) not in self.speaking_for_stems \
                and not self._members(noun):
            return None
        for child in noun.children:
            if child.dep_ not in ("nmod", "nmod:poss"):
                continue
            span = names.get(child.i)
            if span is None and child.pos_ == "NOUN":
                span = names.get(child.i + 1)  # "reprezentanții agenției Sun&Sea Travel": the body named after its kind
                span = span if span is not None and span.start == child.i + 1 else None
            if span is not None and span._.canonical and span.label_ == "organization":
                return span._.canonical
            found = self.organization_named_by(doc, child) or (
                self._organization_anaphor(child, memory, sentence) if memory is not None else None)
            if found:
                return found
        return None

    def person_in_apposition(self, noun: Token, names: dict[int, Span]) -> Optional[str]:
        """A person named in apposition to a noun subject, or right after it, never one in the genitive
        ("șeful lui Grossi") or after a preposition; after the verb, also the person that follows the
        subject's phrase and a comma ("a declarat comandantul exercițiului, generalul Dorin Manolache"), or
        one of a group named so ("Unul dintre agenții care au participat, Sorin Zaharia, a povestit")."""
        if noun.pos_ not in ("NOUN", "PROPN", "X") and not _one_of(noun):
            return None
        doc = noun.doc
        if noun.i > noun.head.i:
            # After the verb the parse of a long subject is often wrong: take the first person named
            # before the sentence ends, past the subject's own words ("a declarat secretarul de stat în
            # Ministerul Sănătății Mihaela Oprișan-Dinu"), unless a genitive or preposition governs them.
            after_comma = False
            for i in range(noun.i + 1, min(len(doc), noun.i + 15)):
                if doc[i].is_sent_start or doc[i].pos_ == "VERB":
                    break
                if after_comma and doc[i].pos_ in ("SCONJ", "ADV", "ADP", "CCONJ", "PRON", "AUX") \
                        and not (key(doc[i].text) in self.role_joins and self.is_role(doc[i - 1])):
                    break  # "…, după ce selecționerul X a plecat": another clause, another person (not "…,
                    # viceministrul de externe Serhii Bondarenko": a role's own preposition)
                after_comma = after_comma or doc[i].text == ","
                span = names.get(i)
                if span is not None and span.label_ == "person" and span._.canonical and span.start == i:
                    if name_owned(span, self.roles, self.possessive):
                        break  # "a declarat consilierul premierului Ilie Bolojan": the adviser is someone else
                    if _governed(doc[i - 1]):
                        break
                    return span._.canonical
        for token in noun.subtree:
            span = names.get(token.i)
            if span is None or span.label_ != "person" or not span._.canonical or token.i != span.start:
                continue
            if token.i == noun.i or name_owned(span, self.roles, self.possessive):
                continue  # "Avocatul lui Ion Popescu", "Consilierul premierului Ilie Bolojan": whose, not who
            before = token.doc[token.i - 1]
            if _governed(before):
                continue
            if before.text == "," or before.i == noun.i or before.pos_ == "NOUN" or is_role_word(before, self.roles) or (
                    before.pos_ == "ADJ" and before.is_lower and before.head.pos_ == "NOUN" and before.head.i < before.i
                    and before.head.i in {t.i for t in noun.subtree}):
                return span._.canonical  # also "generalul-locotenent american Mark R. Thompson"
            party = names.get(before.i)
            if party is not None and party.label_ == "organization" and party.start > 0:
                role = doc[party.start - 1]  # "Deputatul USR Victor Năstase", "Președintele comisiei, deputatul USR …"
                if role.i == noun.i or (role.dep_ == "appos" and role.head.i == noun.i):
                    return span._.canonical
        return self._person_before_verb(noun, names)

    def _person_before_verb(self, noun: Token, names: dict[int, Span]) -> Optional[str]:
        """Before the verb, the person set off by commas right in front of it, after the subject's phrase
        with no other verb ("Purtătoarea de cuvânt a Agenției ONU pentru Refugiați (UNHCR) în România, Oana
        Dumitrașcu, a declarat": the parse hangs the name on the place)."""
        verb, doc = noun.head, noun.doc
        if verb.pos_ not in ("VERB", "AUX") or noun.i > verb.i:
            return None
        end = verb_start(verb) - 1
        span = names.get(end - 1) if end > 0 and doc[end].text == "," else None
        if span is None or span.label_ != "person" or not span._.canonical or span.end != end \
                or span.start <= noun.i + 1 or doc[span.start - 1].text != ",":
            return None
        between = doc[noun.i + 1: span.start - 1]
        if any(t.pos_ in ("VERB", "AUX") and t.i not in names and not is_acronym(t.text) or t.is_quote or t.text in (";", ":")
               for t in between):  # (a word of a name the tagger reads as a verb: "Agenția … pentru Refugiați")
            return None
        if any(names[t.i].label_ == "person" for t in between if t.i in names):
            return None
        return span._.canonical

    def organization_in_apposition(self, noun: Token, names: dict[int, Span]) -> Optional[str]:
        """ "Firma care operează cursa, DejTrans Express SRL, a anunțat", "Partenerul italian, Costruzioni
        Adige, a transmis": the organization named after a comma, in apposition to a common noun."""
        if noun.pos_ != "NOUN" or not noun.text[1:].islower():
            return None
        return next((s._.canonical for s in _apposed_organizations(noun, names)), None) \
            or self._named_after_relative(noun, names)

    def _named_after_relative(self, noun: Token, names: dict[int, Span]) -> Optional[str]:
        """ "Compania care o reprezintă, Lumen Artist Management, a transmis": the organization set off by
        commas after the noun's relative clause, right before the noun's verb (however the parse hangs it).
        The noun may have its "de" complement ("Agenția de recrutare care l-a adus, Himalaya Staffing SRL din
        București, a anunțat"), and the organization its seat."""
        doc = noun.doc
        relative = noun.i + 1
        if relative + 2 < len(doc) and key(doc[relative].text) in self.role_joins and doc[relative + 1].is_lower \
                and doc[relative + 1].pos_ == "NOUN":
            relative += 2  # ("Agenția de recrutare care …")
        if relative >= len(doc) or key(doc[relative].text) not in self.relatives:
            return None
        comma = next((t for t in doc[relative + 1: relative + RELATIVE_WORDS] if t.text == ","), None)
        span = names.get(comma.i + 1) if comma is not None else None
        if span is None or span.label_ != "organization" or not span._.canonical or span.start != comma.i + 1:
            return None
        end = span.end
        seat = names.get(end + 1) if end + 1 < len(doc) and doc[end].pos_ == "ADP" else None
        if seat is not None and seat.label_ == "place" and seat.start == end + 1:
            end = seat.end  # ("Himalaya Staffing SRL din București")
        if end + 1 >= len(doc) or doc[end].text != ",":
            return None
        verb = doc[end + 1]
        return span._.canonical if verb.i == noun.head.i or verb.head.i == noun.head.i and verb.dep_.startswith("aux") else None

    def company_in_apposition(self, noun: Token, names: dict[int, Span]) -> Optional[str]:
        """A company with its legal ending in apposition to a role, after a comma: the company holds the role
        ("Administratorul judiciar, Expert Insolvență Carpați SPRL, a transmis")."""
        return next((s._.canonical for s in _apposed_organizations(noun, names)
                     if key(s[-1].text) in self.company_endings), None)

    def organization_named_by(self, doc: Doc, noun: Token) -> Optional[str]:
        """ "federația estimează": a lowercase head word standing for the one organization of the
        article whose name starts with it ("Federația Română de Fotbal")."""
        if noun.pos_ != "NOUN" or not (noun.is_lower or noun.is_sent_start and noun.text[1:].islower()):
            return None
        head = key(noun.lemma_)
        stem = self._noun_stem(noun.text)  # the lemmatizer gives "spitalu" for "spitalului"
        found = {s._.canonical for s in doc.spans.get("entities", []) if s.label_ == "organization"
                 and s._.canonical and len(s._.canonical.split()) > 1
                 and (key(s._.canonical.split()[0]) in (key(noun.text), head) or self._noun_stem(s._.canonical.split()[0]) == stem)
                 or s.label_ == "organization" and s._.canonical and len(s) > 1
                 and (key(s[0].lemma_) == head or self._noun_stem(s[0].text) == stem)}
        # "Biroul premierului israelian" is not "Biroul ONU pentru …": the words that qualify the noun are
        # in the organization's name
        qualifiers = {key(c.text) for c in noun.children if c.dep_ in ("nmod", "amod", "flat", "appos")}
        found = {name for name in found if qualifiers <= set(key(name).split())}
        kind = self.org_kinds.get(head) or self.org_kinds.get(stem)
        if kind and noun.morph.get("Number") != ["Plur"] and not any(c.dep_ in ("nmod", "appos", "flat", "amod") for c in noun.children):
            # "Compania a anunțat" (not "Transportatorii spun", several): also an organization named before
            # with a word of its kind; of two, the
            # one that is (or whose kind word is) the subject of its sentence's main verb, when the other is
            # the subject of no clause ("Producătorul de cablaje auto Sibcab Systems, controlat de grupul
            # german Kessler Automotive, va concedia …, a anunțat compania": Sibcab Systems; not "Firma
            # Alfa Construct SRL a câștigat licitația, iar compania Beta Grup a contestat-o").
            described = [s for s in doc.spans.get("entities", []) if s.label_ == "organization"
                         and s._.canonical and s.end <= noun.i and self._described_as(s, kind)]
            names = {s._.canonical for s in described}
            if len(found | names) > 1:
                subjects = {s._.canonical for s in described if self._described_as(s, kind, as_subject="main")}
                others = {s._.canonical for s in described if self._described_as(s, kind, as_subject="any")} - subjects
                names = subjects if len(subjects) == 1 and not others and not found else names
            found |= names
        return found.pop() if len(found) == 1 else None

    DESCRIBED_DEPTH = 2  # nouns up the parse from a name to the word of its kind ...
    DESCRIBED_WINDOW = 4  # ... the second within these many words before the name

    def _described_as(self, span: Span, kind: set[str], as_subject: Optional[str] = None) -> bool:
        """Whether a word of `kind` (lemma keys and stems) introduces the organization `span`: its first
        word ("Firma Alfa Construct SRL"), the word right before it ("clubului FC Siderurgistul"), the
        noun its name depends on ("Producătorul de lactate Carpatica Foods SA") or a noun in apposition
        after it ("Verbalis AI, un startup"), or for a company its legal ending; `as_subject` "main": that word, or the name, the subject of
        its sentence's main verb; "any": of any verb."""
        root = span.root
        words = [span.doc[span.start - 1]] if span.start > 0 else []
        if len(span) > 1:
            words.append(span[0])
        head = root
        for _ in range(self.DESCRIBED_DEPTH):  # ("Producătorul de cablaje auto Sibcab Systems": two nouns up)
            if head.head.i >= span.start or head.dep_ not in ("nmod", "appos") \
                    or head is not root and head.head.i < span.start - self.DESCRIBED_WINDOW:
                break
            head = head.head
            words.append(head)
        words += [c for c in root.children if c.dep_ == "appos" and c.i >= span.end]

        def subject(tokens: tuple[Token, ...]) -> bool:
            return as_subject is None or any(t.dep_.startswith("nsubj") and (as_subject == "any" or t.head.dep_ == "ROOT")
                                             for t in tokens)

        if kind is self.company_kind and key(span[-1].text) in self.companies_by_ending and subject((root,)):
            return True  # a company's ending says its kind ("Someș Construct Invest SA")
        return any(w.pos_ == "NOUN" and (key(w.lemma_) in kind or self._noun_stem(w.text) in kind) and subject((w, root))
                   for w in words)

    def _surname_with_role(self, doc: Doc, span: Span) -> Optional[str]:
        """The one person with this surname whose role the article gave with the word before it."""
        if self.is_role(doc[span.start]):
            role = doc[span.start]  # the entity took the role in ("consilierul Popa")
        elif span.start > 0 and self.is_role(doc[span.start - 1]):
            role = doc[span.start - 1]
        else:
            return None
        heads = {key(role.lemma_), key(role.text)}
        surname = key(span._.canonical).split()[-1]
        found = {person for tied, people in doc.user_data.get("role_holders", {}).items() for person in people
                 if key(person).split()[-1] == surname and len(person.split()) > 1 and key(tied.split()[0]) in heads}
        return found.pop() if len(found) == 1 else None

    @staticmethod
    def _first_of_surname(doc: Doc, span: Span, memory: Memory, goes_on: bool) -> Optional[str]:
        """A surname two people of the article share, alone: the one of them named in full before it, if
        only one was ("Bărbulescu" before his wife is named); else, after a verb that says the speaker goes
        on (`goes_on`), the last who spoke, if one of them and the surname was not written alone since ("a
        mai spus Stanciu" right after Cornel Stanciu spoke)."""
        full = {p for p in _with_surname(doc, key(span._.canonical).split()[-1]) if len(p.split()) > 1}
        before = {s._.canonical for s in doc.spans.get("entities", []) if s.label_ == "person"
                  and s._.canonical in full and s.start < span.start}
        if len(before) == 1:
            return before.pop()
        spoke = [s for s in reversed(memory.recent) if s.spoke]
        if not goes_on or not spoke or spoke[0].name not in before:
            return None
        # (not when the surname alone was written since: "Cele două Ursache i-au condus …")
        surname = key(span._.canonical)
        again = [m for m in memory.mentioned if m[0] > spoke[0].sentence and m[1] < span.start and key(m[2]) == surname]
        return None if again else spoke[0].name

    def _party_people(self, doc: Doc) -> dict[str, set[str]]:
        """{party: people} the article ties to a party by its name in brackets after theirs ("Dan Hrițcu
        (PSD)"), for the parties whose members have a noun (`party_member_nouns`)."""
        if "party_people" not in doc.user_data:
            found: dict[str, set[str]] = {}
            for span in doc.spans.get("entities", []):
                j = span.end
                if span.label_ == "person" and span._.canonical and j + 2 < len(doc) and doc[j].text == "(" \
                        and doc[j + 2].text == ")" and key(doc[j + 1].text) in self.party_names:
                    found.setdefault(self.party_names[key(doc[j + 1].text)], set()).add(span._.canonical)
            doc.user_data["party_people"] = found
        return doc.user_data["party_people"]

    def _goes_on(self, verb: Token) -> bool:
        """ "a mai spus": an adverb on the verb of saying says the same speaker goes on."""
        return any(c.dep_ == "advmod" and key(c.text) in self.again_adverbs for c in verb.children)

    @staticmethod
    def _ambiguous(doc: Doc, name: str) -> bool:
        """A surname alone that two people of the article share."""
        words = key(name).split()
        if len(words) != 1:
            return False
        return sum(1 for p in doc.user_data.get("people", ()) if key(p).split()[-1:] == words) >= 2

    @staticmethod
    def is_indefinite(noun: Token) -> bool:
        """ "un oficial", "o sursă", "niște experți": an indefinite article before the noun."""
        return any(c.dep_ == "det" and key(c.lemma_) in ("un", "niste", "unii", "vreun") for c in noun.children)

    def _organization_anaphor(self, noun: Token, memory: Memory, sentence: int) -> Optional[str]:
        """ "„…”, a adăugat instituția" / "a precizat ministerul": the organization that just spoke, when
        the noun stands alone (no name or genitive after it) and fits it; a typed noun ("banca centrală")
        may also mean the one organization of its kind named in the same sentence."""
        # (in text without diacritics the lemmatizer leaves "Institutia" as "instituti": the stem decides)
        lemma = self._organization_word(noun, by_stem=noun.text.isascii())
        if noun.pos_ != "NOUN" or noun.morph.get("Number") == ["Plur"] or lemma is None:
            return None
        if any(c.dep_ in ("nmod", "appos", "flat") for c in noun.children):
            return None  # "ministerul de Externe": another one, maybe
        if lemma in self.org_generic:
            if any(c.dep_ == "amod" for c in noun.children):
                return None
            spoke = memory.organization(sentence, lambda name: True)
            # "Curtea Constituțională a admis …, a anunțat instituția": the organization the sentence is about.
            # ("Polițiștii IPJ Constanța au deschis un dosar …, a precizat instituția": its members' subject)
            subjects = {s._.canonical for s in noun.doc.spans.get("entities", []) if s.label_ == "organization"
                        and s._.canonical and noun.sent.start <= s.start < noun.i
                        and any(t.dep_.startswith("nsubj") or t.head.dep_.startswith("nsubj") and t.head.i < s.start
                                and self._members(t.head) and not self._uninflected(s) for t in s)}
            found = subjects | ({spoke} if spoke else set())
            if not found:
                # "Inspectoratul … (ISC) a efectuat recepția. Instituția a precizat că …": the subject of the
                # sentence before, in the same paragraph, when it is the only organization named since.
                found = self._previous_subject_organization(noun)
            return found.pop() if len(found) == 1 else None
        # The name starts with the noun ("Compania Apa Nova"), or the article introduced it with the noun
        # ("a anunțat compania Nuclearelectrica").
        introduced = {s._.canonical for s in noun.doc.spans.get("entities", []) if s.label_ == "organization"
                      and s._.canonical and s.start > 0 and key(noun.doc[s.start - 1].lemma_) == lemma}
        named = lambda name: key(name.split()[0]).startswith(stem_of(lemma))  # noqa: E731
        fits = lambda name: named(name) or name in introduced \
            or lemma in self.org_bare and self._bare_company(name)  # noqa: E731
        spoke = memory.organization(sentence, fits)
        # "Consiliul … Băncii Naționale a decis …, a anunțat banca centrală": named before it in the same
        # sentence (not after: "Compania a precizat că banii vor merge … în cartierele Ferentari" is what
        # it said); "… a cerut Ministerului Economiei să verifice …. Ministerul a transmis că …": or in the
        # one before, in the same paragraph, when the name begins with the noun or is that sentence's
        # subject ("Apa Nova … are în plan investiții …. Compania a precizat că …").
        before = noun.doc[noun.sent.start - 1].sent.start if noun.sent.start > 0 else noun.sent.start
        here = {s._.canonical for s in noun.doc.spans.get("entities", []) if s.label_ == "organization" and s._.canonical
                and (noun.sent.start <= s.start < noun.i and (fits(s._.canonical) or fits(s.text))
                     or before <= s.start < noun.sent.start and "\n" not in noun.doc[s.start: noun.sent.start].text
                     and (named(s._.canonical) or named(s.text)
                          or s.root.dep_ == "nsubj" and s.root.head.dep_ == "ROOT" and fits(s._.canonical)))}
        found = here | ({spoke} if spoke else set())
        return found.pop() if len(found) == 1 else None

    @staticmethod
    def _previous_subject_organization(noun: Token) -> set[str]:
        """The organization that is the main subject of the sentence before `noun`'s, in the same paragraph,
        when no other organization is named from there to `noun`; else nothing."""
        doc = noun.doc
        if noun.sent.start == 0 or "\n" in doc[doc[noun.sent.start - 1].sent.start: noun.sent.start].text:
            return set()
        before = doc[noun.sent.start - 1].sent
        named = [s for s in doc.spans.get("entities", []) if s.label_ == "organization" and s._.canonical
                 and before.start <= s.start < noun.i]
        subjects = {s._.canonical for s in named if s.end <= before.end and s.root.dep_ in ("nsubj", "nsubj:pass")
                    and s.root.head == before.root}
        return subjects if subjects and {s._.canonical for s in named} == subjects else set()

    @staticmethod
    def _uninflected(span: Span) -> bool:
        """A name in the genitive that kept that form as its name ("Gărzii Naționale de Mediu"): named so,
        it would not be the organization's name."""
        return in_genitive(span[0]) and span._.canonical == span.text

    def _members(self, noun: Token) -> bool:
        """ "Polițiștii", "Reprezentanții": people who speak for an organization as a group."""
        return noun.morph.get("Number") == ["Plur"] and (key(noun.lemma_) in self.group_words
                                                         or self._noun_stem(noun.text) in self.group_stems)

    def _bare_company(self, name: str) -> bool:
        """A name with no word of a kind at its head ("CFR Călători", "Nexora Software"), and not one the
        gazetteer knows as another kind than a company (a party, an institution, a newsroom)."""
        first = key(name.split()[0])
        return self.org_kind_of.get(name, "company") == "company" \
            and not any(first.startswith(stem) for stem in self.kind_stems)

    GENDER = {"m": "Masc", "f": "Fem"}

    def noun_gender(self, noun: Token) -> Optional[str]:
        """ "f" or "m" from a noun's grammatical gender ("asistentă" -> "f"), None when it has none."""
        found = noun.morph.get("Gender")
        return next((g for g, name in self.GENDER.items() if found == [name]), None)

    def _unnamed_rival(self, doc: Doc, pronoun: Token, gender: str) -> bool:
        """Someone else the pronoun could mean, named by a noun only: a person noun of the pronoun's
        gender and number one ("fratele său", "un bărbat", "premierul") in the sentence before or in this
        one before the pronoun, as an object or companion (see RIVAL_DEPS), outside quotation marks, not
        the words naming a speaker ("a declarat apărătorul fostului ministru") and not part of a name
        ("primarul Stanciu", "Curtea Europeană a Drepturilor Omului")."""
        sentence = pronoun.sent
        first = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        skip = {i for e in doc.spans.get("entities", []) if e.end > first and e.start < pronoun.i
                for i in range(e.start, e.end)}  # "Curtea Europeană a Drepturilor Omului"
        for verb in doc[first: pronoun.i]:
            subjects = (self.subject_of(verb), self.subject_after(verb)) if self.is_speech_verb(verb) else ()
            for subject in filter(None, subjects):  # "a declarat apărătorul fostului ministru": who spoke, and how
                skip |= {t.i for t in subject.subtree}  # named (either way: the parse may read it as an object)
        quoted = False
        for token in doc[first: pronoun.i]:
            if is_quote_mark(token):
                quoted = not quoted
            if quoted or token.i in skip:
                continue  # words inside quotation marks are someone's, not the narrative's people
            if token.pos_ != "NOUN" or token.dep_ not in RIVAL_DEPS or token.morph.get("Number") != ["Sing"]:
                continue
            if token.morph.get("Gender") != [self.GENDER[gender]]:
                continue
            if not (self.is_role(token) or key(token.lemma_) in self.person_nouns):
                continue
            if token.i > 0 and key(doc[token.i - 1].text) in self.tenure_before and "Def" not in token.morph.get("Definite"):
                continue  # "a lucrat ca asistentă de regie": what she worked as, nobody else
            nearby = [token, *token.ancestors][:4] + list(token.children)
            if any(t.pos_ == "PROPN" for t in nearby) or (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN"):
                continue
            return True
        return False

    def _reported_by(self, verb: Token) -> bool:
        """The verb, in the third person, is in a "că" clause of another verb of saying."""
        return verb.dep_ in ("ccomp", "advcl") and verb.head.i < verb.i and self.is_speech_verb(verb.head) \
            and set(verb.morph.get("Person")) <= {"3"} and self.marked_that(verb)

    def marked_that(self, clause: Token) -> bool:
        """The clause headed by `clause` opens with "că" (`that`), as the parse marks it."""
        return any(c.dep_ == "mark" and key(c.text) in self.that for c in clause.children)

    def _role_above(self, token: Token, steps: int = 3) -> Optional[Token]:
        """The role noun a name hangs on as a modifier, directly or through a few nouns ("purtătoarea de
        cuvânt a ACCE", "vicepreședinte pentru inginerie la compania Cloudmere"), if any."""
        while steps and token.dep_ == "nmod" and token.head.i != token.i:
            token, steps = token.head, steps - 1
            if self.is_role(token):
                return token
        return None

    def is_kin(self, noun: Token) -> bool:
        """ "mama", "Fratele", "tatăl": a relative of someone (the lemmatizer may leave the article on)."""
        return bool({key(noun.lemma_), key(noun.text)} & self.kinship) or any(
            key(noun.text).startswith(k) and len(noun.text) - len(k) <= 2 for k in self.kinship)

    def _bare(self, noun: Token) -> bool:
        """The noun alone, or with a "de" complement that names no one ("omul de afaceri"), or with an aside
        after a comma: a description, not a name."""
        # A clause set off by a comma ("atacantul, citat de Gazeta Sporturilor") says more about the one
        # meant without narrowing who it is.
        aside = {t.i for c in noun.children if c.dep_.startswith("acl") and c.i > noun.i
                 and "," in (noun.doc[min(x.i for x in c.subtree)].text, noun.doc[min(x.i for x in c.subtree) - 1].text)
                 for t in c.subtree}
        # "a spus omul pentru Digi24", "pentru Știrile ProTV": the newsroom it was said to.
        aside |= {t.i for c in noun.children if c.i > noun.i and (c.pos_ == "PROPN" or c.text[:1].isupper())
                  and any(x.dep_ == "case" and key(x.text) in self.said_to for x in c.children) for t in c.subtree}
        words = [t for t in noun.subtree if not t.is_punct and t.i != noun.i and t.i not in aside]
        # "atacantul de 24 de ani": an age describes, it does not name
        age = [key(t.text) for t in words]
        if 3 <= len(age) <= 4 and age[0] == "de" and words[1].like_num and age[-1] in self.year_words \
                and (len(age) == 3 or age[2] == "de") and words[0].i == noun.i + 1:
            return True
        return not words or (len(words) == 2 and key(words[0].text) == "de" and words[1].pos_ == "NOUN"
                             and words[1].is_lower and words[0].i == noun.i + 1)

    def unknown_name(self, doc: Doc, token: Token, names: dict[int, Span]) -> bool:
        """A proper noun the entity layer kept no name for and that is no surname of the article's people
        ("Marcel, un viticultor din Jariștea, spune că …" when the model missed Marcel): a pronoun after it
        may mean them."""
        return token.pos_ == "PROPN" and token.text[:1].isupper() and token.i not in names \
            and key(token.text) not in self.pronoun_gender and not _with_surname(doc, key(token.text))

    def unnamed_person(self, token: Token) -> bool:
        """One person named only by a role or a noun: "Directorul", "un martor", or any indefinite noun
        that speaks ("O asistentă din secție … a declarat")."""
        return token.morph.get("Number") != ["Plur"] and token.pos_ == "NOUN" and (
            self.is_role(token) or key(token.lemma_) in self.person_nouns or self.is_indefinite(token))

    def is_role(self, token: Token, learned: bool = True) -> bool:
        """A role word (the tagger leaves some hyphenated roles untagged: "Economistul-șef" is X), or
        (`learned`) a word the article made one (`tied_agent`)."""
        return token.pos_ in ("NOUN", "PROPN", "X") and is_role_word(token, self.roles) \
            or learned and self.tied_agent(token)

    def tied_agent(self, token: Token) -> bool:
        """A noun made for a person who does something, no known role, that the article tied to a person
        ("curatoarea expoziției, Livia Dărăban", then "a explicat curatoarea")."""
        if token.pos_ != "NOUN" or not is_agent_noun(token, self.agent_endings, self.thing_words, self.nationality,
                                                     self.articles):
            return False
        stem = self._noun_stem(token.text)
        return any(self._noun_stem(tied.split()[0]) == stem for tied in token.doc.user_data.get("role_holders", {}))

    def role_holder(self, doc: Doc, role: Token) -> Optional[str]:
        found = self._role_holder(doc, role)
        return None if found is not None and (self._ambiguous(doc, found) or self._tied_later(doc, role, found)) else found

    def _role_stems(self, role: Token) -> set[str]:
        """The stems of a role word and of its synonyms ("primarul", "edilul" -> "primar", "edil")."""
        return {self._noun_stem(w) for w in (role.text, *self.synonyms.get(key(role.text), ()))}

    def _tied_later(self, doc: Doc, role: Token, person: str) -> bool:
        """The article ties the role to `person` only after this mention of it, and to someone else
        before it ("Potrivit primarului comunei, Vasile Ursu, …”, a spus primarul. … primarul Ioana
        Ionescu"): the mention is not theirs."""
        heads = self._role_stems(role)
        at = [(i, who) for (tied, who), i in doc.user_data.get("role_at", {}).items()
              if self._noun_stem(tied.split()[0]) in heads]
        return all(i > role.i for i, who in at if who == person) and any(i < role.i for i, who in at if who != person)

    def _role_holder(self, doc: Doc, role: Token) -> Optional[str]:
        """The person the article tied this role to: the longest tied phrase the role's words begin,
        or, for the bare role word, the only person holding a role with that head."""
        ties: dict[str, str] = doc.user_data.get("roles", {})
        words = []
        for t in role.subtree:
            if t.i < role.i:
                continue
            if t.text in (",", ";", ":", "(", "—", "–"):
                break  # "șeful statului, care a precizat …": the role ends at the comma
            if t.is_punct:
                continue
            if t.pos_ == "ADP" and key(t.text) not in self.role_joins:
                break  # "profesorul pentru Adevărul": where it was said, not the role
            if t.i == role.i + 1 and key(t.text) in self.body_adjectives:
                continue  # "liderul sindical": the leader the article named
            words.append(t)
        words = words[:8]
        phrase = key(" ".join(t.text for t in words))
        for n in range(len(words), 0, -1):
            if n < len(words) and words[n].pos_ == "ADJ":
                break  # "președintele polonez" is not whoever the article called "președintele"
            candidate = key(" ".join(t.text for t in words[:n]))
            if candidate in ties:
                return ties[candidate]
            if candidate in self.gazetteer_roles and self.gazetteer_roles[candidate] in doc.user_data.get("people", ()):
                return self.gazetteer_roles[candidate]
        same = self.synonyms.get(phrase, set()) | (self.synonyms.get(key(role.text), set()) if len(words) == 1 else set())
        for synonym in sorted(same):  # never "tehnicianul cipriot" for the coach the article named otherwise
            if synonym in ties and synonym != phrase:
                return ties[synonym]  # "edilul" for the person the article named "primarul …"
        by_organization = self._holder_in(doc, role)
        if by_organization:
            return by_organization
        by_country = self._holder_of_country(ties, words)
        if by_country:
            return by_country
        head = key(role.lemma_)
        heads = {head, key(role.text), self._noun_stem(key(role.text).split()[0])}  # ("Economistul-șef": economist)
        if len(words) == 1:
            heads |= self.synonyms.get(key(role.text), set()) | self.synonyms.get(head, set())
        everyone = doc.user_data.get("role_holders", {})
        holders = {person for tied, people in everyone.items() for person in people
                   if key(tied.split()[0]) in heads or self._genitive_of(tied.split()[0], role, heads)}
        body = [t for t in words if key(t.text) not in self.genitive]  # ("Economistul-șef al băncii")
        bare = len(words) == 1 or phrase in ties or len(holders) == 1 and len(body) == 2 and body[1].is_lower \
            and body[1].pos_ == "NOUN" and self._organization_word(body[1]) is not None  # "Directorul companiei"
        if not bare and len(holders) == 1:
            # "directorul general" for the one person tied to "directorul general al Lactis Carpatia",
            # "Purtătorul de cuvânt" for the one tied to "purtătorul de cuvânt al Executivului"
            bare = {person for tied, people in everyone.items() for person in people
                    if f"{tied} ".startswith(f"{phrase} ")} == holders
        if len(holders) != 1 or not bare:
            return None
        person = holders.pop()
        if len(words) == 1 and not any(s.label_ == "person" and s._.canonical == person and s.start < role.i
                                       for s in doc.spans.get("entities", [])):
            return None  # "Comandantul a precizat …" before the article names the commander it names later
        return person

    def _genitive_of(self, word: str, role: Token, heads: set[str]) -> bool:
        """ "primarului" (tied in "proiectul primarului Turzii, Cristian Oprea") for "Primarul": the same
        role word in the genitive, of the same gender ("consilierei" is never "consilierul")."""
        k = key(word)
        gender = "Fem" if k.endswith(self.feminine_genitive) else "Masc" if k.endswith(self.masculine_genitive) else None
        return gender is not None and gender in role.morph.get("Gender") and self._noun_stem(k) in heads

    def _organization_word(self, noun: Token, by_stem: bool = True) -> Optional[str]:
        """The word for an organization a common noun is ("companiei" -> "companie", "instituției"), by its
        lemma or, `by_stem`, by its stem ("Institutia", lemmatized "instituti"); None for any other noun."""
        lemma = key(noun.lemma_)
        if lemma in self.org_words or not by_stem:
            return lemma if lemma in self.org_words else None
        stem = self._noun_stem(noun.text)
        return self.anaphor_stems.get(stem) or self.anaphor_stems.get(stem_of(stem))

    def _speaks_for(self, tied: str) -> bool:
        """A role of someone who speaks for a body or stands in for its head, not its chief ("purtătorul de
        cuvânt al Guvernului", "vicepreședintele …")."""
        head = tied.split()[0]
        return self._noun_stem(head) in self.speaking_for_stems or head.startswith(self.deputy_prefixes)

    def _holds_other_office(self, doc: Doc, person: str, role: Token) -> bool:
        """`role` is an office (`offices`) and the article gave `person` another one ("Ministrul
        Transporturilor, Lucian Zamfirescu" is not "Premierul")."""
        if not is_role_word(role, self.offices):
            return False
        heads = self._role_stems(role)
        theirs = [tied.split()[0] for tied, people in doc.user_data.get("role_holders", {}).items() if person in people]
        return any(self._noun_stem(head) not in heads and self._is_office(head) for head in theirs)

    def _is_office(self, head: str) -> bool:
        """An office (`offices`), or its deputy's ("subprefectul", "viceprimarul": `deputy_prefixes`)."""
        if self._noun_stem(head) in self.office_stems:
            return True
        prefix = next((p for p in self.deputy_prefixes if head.startswith(p)), None)
        return prefix is not None and self._noun_stem(head[len(prefix):].lstrip()) in self.office_stems

    def _holders_of_head(self, doc: Doc, role: Token) -> set[str]:
        """The people the article tied, anywhere, to a role with this role's head word in any case, or a
        synonym of it ("primarului comunei" for "primarul")."""
        heads = self._role_stems(role)
        return {person for tied, people in doc.user_data.get("role_holders", {}).items() for person in people
                if self._noun_stem(tied.split()[0]) in heads}

    def _holder_of_country(self, ties: dict[str, str], words: list[Token]) -> Optional[str]:
        """ "președintele polonez": the one person the article tied to the same role of that country
        ("președintele Poloniei, Karol Nawrocki"); the adjective's stem begins the country's name."""
        if len(words) != 2 or key(words[1].text) not in self.nationality:
            return None
        adjective = key(words[1].text).removesuffix("a")
        stem = adjective[:-2] if len(adjective) > 5 else adjective
        head = key(words[0].text)
        found = {person for tied, person in ties.items()
                 if len(tied.split()) == 2 and tied.split()[0] == head and tied.split()[1].startswith(stem)}
        return found.pop() if len(found) == 1 else None

    def _holder_in(self, doc: Doc, role: Token) -> Optional[str]:
        """ "șeful Hidroelectrica": the one person whose role the article tied to that organization
        ("președintele Directoratului Hidroelectrica, Mihnea Dobre"); for a role word other than a chief's
        (`chief_roles`), one whose tied role holds that word or a synonym of it ("senatorul PSD" is the
        "liderul senatorilor PSD")."""
        orgs = [s for s in doc.spans.get("entities", []) if s.label_ == "organization" and s._.canonical
                and s.start > role.i and s.start - role.i <= HOLDER_WINDOW and any(t.head == role for t in s)]
        if len(orgs) != 1:
            return None
        # Every way the article wrote it: the role may name it in another case than its canonical name
        # ("directorul general al Societății de Transport București (STB)").
        written = [s.text for s in doc.spans.get("entities", []) if s.label_ == "organization"
                   and s._.canonical == orgs[0]._.canonical]
        # (and the name before its acronym in brackets, where a role phrase stops: "directorul Direcției
        # Sanitare Veterinare" of "Direcției Sanitare Veterinare (DSVSA) Tulcea")
        forms = {key(text) for text in written} | {key(text.split(" (")[0]) for text in written} \
            | {key(orgs[0]._.canonical)}
        heads = None if key(role.text) in self.chief_roles else self._role_stems(role)
        holders = {person for tied, people in doc.user_data.get("role_holders", {}).items() for person in people
                   if any(f and f" {f}" in f" {tied}" for f in forms)
                   and (heads is None or any(self._noun_stem(w) in heads for w in tied.split()))
                   and not (heads is None and self._speaks_for(tied))}
        return holders.pop() if len(holders) == 1 else None

    def gender(self, name: str, role: Optional[str] = None) -> Optional[str]:
        """ "f" or "m" from the given name or the role; None when neither tells."""
        if role:
            head = key(role.split()[0])
            if head in self.feminine_roles or head[:-1] in self.feminine_roles:
                return "f"
        words = name.split()
        first = key(words[0]) if words else ""
        if self.given.get(first) in ("m", "f"):
            return self.given[first]
        # (a family name first: "Popescu Maria", "Nguyễn Thị Hương")
        later = {self.given.get(key(w)) for w in words[1:]} & {"m", "f"}
        if len(later) == 1 and first not in self.given:
            return later.pop()
        if len(words) < 2:
            return None  # (a surname alone tells nothing)
        if first in self.name_genders:
            return self.name_genders[first]  # a rarer given name of the world: "Caoimhe", "Gyöngyvér"
        if set(words[0].lower()) <= self.letters:
            if words[0].endswith(("ă", "Ă")):
                return None  # "Gheorghiță", "Costică": men's names too
            return "f" if first.endswith("a") else "m"  # (a Romanian spelling: "-a" is a woman's name)
        return None
