"""People, places and organizations: the statistical NER and the gazetteers, each confirming the other.

Candidates come from the model's NER (PERSON, GPE, LOC, ORG), the curated gazetteer, and capitalized
proper nouns the world lexicon knows or a place word introduces ("regiunea Kursk"). Each is trimmed to
its name (titles, roles and lowercase words off a person), then given a kind:
- a person needs a proper noun (RONEC also tags "președintele", "el": roles and pronouns, not people);
- a place is confirmed by the gazetteer or the world lexicon (`places.py`), or by a place word before it;
  an unconfirmed one must be a proper noun inside the sentence, and is marked for review;
- one word the NER took for a person but which only the lexicon knows, as a city of some size and not a
  given name, is a place ("Nikopol", "Kievului").
Names get their canonical form from the gazetteer, the lexicon or the language's case endings ("Rusiei"
-> "Rusia"), variants within the article are joined (`names.Variants`), and a person keeps the role the
text gives them ("directorul general al AIEA"), which also lets a later "directorul" stand for them.
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import lang as lang_mod
from ..lang import Lang, ascii_fold, key
from ..names import (CLOSING_MARKS, OPENING_MARKS, Variants, initials, is_acronym, is_camel_case, is_web_name, noun_stems,
                     uninflect)
from . import gazetteer, places
from .given import doubtful_given_names, world_given_names
from .spans import settle
from .speakers import in_genitive, is_agent_noun, is_quote_mark, is_role_word, members_of, name_owned, thing_words

NER_LABELS = {"PERSON": "person", "GPE": "place", "LOC": "place", "ORG": "organization"}
PLACE_LABELS = tuple(label for label, kind in NER_LABELS.items() if kind == "place")  # the model's labels of places
MIN_PLACE_POPULATION = 50_000       # a lone proper noun the NER missed is a place only if this big
MAX_LEXICON_RUN = 3  # capitalized words of a place the NER missed ("Sri Lanka")
MAX_CLUB_WORDS = 4  # capitalized words after a club's prefix ("CSM Râmnicu Vâlcea")
MAX_BRANCH_WORDS = 2  # words of a name before its branch's country ("Salvați Copiii România")
MAX_LIST_NAMES = 12  # names walked along a list ("Corfu, Mikonos, Creta, Santorini și Rhodos")
LIST_KIND_WINDOW = 4  # words between a list's kind and its first name ("comunele limitrofe, precum Chiajna")
PERSON_OR_PLACE_POPULATION = 1_000_000  # ... and one the NER called a person, unless it is inflected
MIN_CLUB_TOWN = 15_000  # a town this big after a name that is no given name makes a club's or firm's name
MAX_ROLE_TOKENS = 9
MAX_NAME_WORDS = 5  # a person's name the parse extends is at most this long
MAX_SEAT_WORDS = 2  # place words after an acronym in parentheses ("(ISJ Cluj)", "(DSP Cluj-Napoca)")
PATRON_WORDS = 6  # words of a patron's name in quotation marks inside an institution's ("„Gl. Eremia Grigorescu”")
STATION_ENDINGS = ("FM", "TV")  # "Europa FM", "Vest 7 TV": a radio or television station's name ends so
DASHES = ("–", "-", "—")  # "Regia Națională a Pădurilor – Romsilva": a short name after a dash closes a full one
KIND_ORDER = ("platform", "person", "place", "organization")  # ties between kinds go to the later one


def role_key(text: str) -> str:
    """The key under which a role phrase is tied to a person."""
    return key(text)


@Language.factory("explainer_entities", default_config={"lang_code": "ro"})
def make_entities(nlp, name, lang_code: str):
    return EntityRecognizer(lang_mod.load(lang_code))


class EntityRecognizer:
    """Adds doc.spans["entities"] (labels person/place/organization) with canonical names and roles."""

    def __init__(self, lang: Lang):
        self.lang = lang
        self.roles = lang.keys_of("person_roles")
        self.kin_roles = lang.keys_of("kin_roles")
        self.role_articles = [tuple(pair) for pair in lang["role_articles"]]
        self.titles = lang.keys_of("person_titles")
        self.not_entities = lang.keys_of("not_entities")
        self.weekdays = {key(w) for names in lang["weekdays"].values() for w in names}
        # a month or a weekday: after a preposition inside an institution's name, the date it was read with
        self.date_words = self.weekdays | {key(w) for names in lang["months"].values() for w in names}
        self.speech_verbs = lang.keys_of("speech_verbs")
        # "de Crăciun", "înainte de Paște": a holiday, which the dates read (a surname elsewhere).
        self.holidays = {key(form) for h in lang["holidays"] for form in h["forms"]}
        self.holiday_cues = [key(c).split() for c in (*lang["holiday_cues"], *lang["holiday_vague_cues"])]
        self.not_orgs = set(lang["not_organizations"])
        self.place_cues = lang.keys_of("place_cues")
        self.landform_heads = [key(w).split() for w in lang["landform_heads"]]
        self.settlement_cues = lang.keys_of("settlement_cues")
        self.state_forms = lang.keys_of("state_forms")
        self.competition_heads = lang.keys_of("competition_heads")
        self.place_prepositions = lang.keys_of("place_prepositions")
        self.bearings = lang.keys_of("bearings")
        self.bearing_links = lang.keys_of("bearing_links")
        self.object_markers = lang.keys_of("object_markers")
        self.sport_words = lang.keys_of("sport_words")
        self.people_of = lang.keys_of("people_of")
        self.region_parts = lang.keys_of("region_parts")
        self.branch_countries = set(lang["branch_countries"])  # as written
        self.named_place_words = lang.keys_of("named_place_words")
        self.club_cases = lang.keys_of("club_cases")
        self.distance_units = lang.keys_of("distance_units")
        self.org_cues = lang.keys_of("org_cues")
        self.representatives = lang.keys_of("representatives_of")
        self.real_name_cues = lang.keys_of("real_name_cues")
        self.ranks = lang.keys_of("ranks")
        self.relatives = lang.keys_of("relative_words")
        self.club_prefixes = set(lang["club_prefixes"])  # as written: capitals
        self.descriptors = lang.keys_of("org_descriptors")
        self.descriptor_forms = {key(w): w for w in lang["org_descriptors"]}  # spelled: "banca", not "bănca"
        self.connectors = lang.keys_of("name_connectors")
        self.particles = lang.keys_of("person_particles")
        self.nationality = lang.keys_of("nationality_adjectives")
        self.org_heads = lang.keys_of("org_heads")
        self.kind_words = self.org_cues | self.org_heads  # a word for a kind of organization
        self.lone_generic_heads = lang.keys_of("lone_generic_heads")
        self.club_words = lang.keys_of("club_words")
        self.named_after = lang.keys_of("named_after_cues")
        self.never_named_after = lang.keys_of("never_named_after")
        self.named_for_connectors = lang.keys_of("named_for_connectors")
        self.collectives = lang.keys_of("collective_nouns")
        self.media_words = lang.keys_of("media_name_words")
        self.media_nouns = lang.keys_of("media_nouns")
        self.org_suffixes = lang.keys_of("legal_forms") | lang.keys_of("org_suffixes")
        self.legal_forms = set(lang["legal_forms"])
        self.web_domains = lang.keys_of("web_domains")
        self.definite = [tuple(p) for p in lang["definite_endings"]]
        # (an article no name ends with: "-ul" of "Ierarhul", not the "-a" of "Maria")
        self.articles_alone = tuple(key(a) for n, a in self.definite if not n and len(a) >= 2)
        self.org_places = lang.keys_of("org_location_prepositions")
        self.office_prepositions = lang.keys_of("office_prepositions")
        seats = lang["org_seats"]
        self.diplomatic = sorted({tuple(key(w).split()) for w in seats["diplomatic_prepositions"]}, key=len, reverse=True)
        self.diplomatic_heads = {key(w) for w in seats["diplomatic_heads"]}
        self.seat_cues = {key(w) for w in seats["place_cues"]}
        self.dashed_seat_cues = {key(w) for w in seats["after_dash"]}
        self.named_seat_prepositions = {key(w) for w in seats["named_prepositions"]}
        self.state_bodies = {key(w) for w in seats["state_bodies"]}
        self.home_country = seats["home_country"]
        self.noun_endings = lang.noun_endings()
        self.genitive_endings = tuple(key(w) for w in lang["genitive_endings"])
        self.feminine_genitive = tuple(key(w) for w in lang["feminine_genitive_endings"])
        self.genitive = lang.keys_of("genitive_articles")
        self.possessive = lang.keys_of("possessive_articles")
        self.and_words = lang.keys_of("and_words")
        self.or_words = lang.keys_of("list_or")
        self.list_introducers = lang.keys_of("list_introducers")
        self.honorifics = lang.keys_of("honorifics")
        self.dotted_suffixes = {w for w in lang["legal_forms"] + lang["org_suffixes"] if w.endswith(".")}  # "Inc.", "Kft."
        self.person_nouns = lang.keys_of("age_nouns")  # bărbat, femeie, pensionar …: a person
        self.inflections = [tuple(p) for p in lang["name_inflections"]]
        self.adjective_inflections = [tuple(p) for p in lang["adjective_inflections"]]
        self.world_given = set(world_given_names(lang))
        self.given = {key(n) for names in lang.gazetteer["given_names"].values() for n in names} | self.world_given
        self.doubtful_given = doubtful_given_names(lang)
        self.known = gazetteer.canonical_forms(lang)
        self.spelled = gazetteer.spelled_forms(lang)
        self.platforms = {e["name"] for e in lang.gazetteer["organizations"] if e.get("kind") == "platform"}
        self.media = {e["name"] for e in lang.gazetteer["organizations"] if e.get("kind") == "media"}
        self.parties = {e["name"] for e in lang.gazetteer["organizations"] if e.get("kind") == "party"}
        self.pronouns = {key(w) for words in lang["pronouns"].values() for w in words}
        self.year_words = {key(w) for w in lang["duration_units"]["Y"]}
        self.agent_endings = tuple(key(w) for w in lang["agent_endings"])
        self.thing_words = thing_words(lang)  # not a person's

    def __call__(self, doc: Doc) -> Doc:
        # 1. Candidates from the NER and the gazetteers, each with its kind and canonical name.
        found: list[Span] = []
        labels = _model_labels(doc)
        for span in self._gazetteer(doc, labels):
            found.append(span)
        for ent in doc.ents:
            found += self._from_ner(doc, ent)
        # (not a run of capitals inside what the model read as a building, "Teatrul Municipal", or as a
        # competition, "Liga Campionilor", "Divizia A")
        found += [s for s in self._org_runs(doc) if not _all_in(labels, s, "FACILITY")
                  and not (_all_in(labels, s, "EVENT") and key(s[0].text) in self.competition_heads)]
        found += self._acting_facilities(doc)
        found += self._cue_runs(doc)
        found += self._spelled_runs(doc)
        found += self._suffix_runs(doc)
        found += self._web_names(doc)
        found += self._station_runs(doc)
        found += self._prefix_runs(doc)
        found += self._branch_runs(doc)
        found += self._given_runs(doc)
        given = self._given_alone(doc) + self._kin_named(doc)
        # (described as a person, a given name the model read as a place is that person: "Elena, o
        # pensionară de 71 de ani")
        found = [s for s in found if not (s.label_ == "place" and any(g.start < s.end and s.start < g.end for g in given))]
        found += given
        found += self._described_runs(doc)
        found += self._apposed_runs(doc)
        found += self._role_named_runs(doc)
        found += self._surnames_alone(doc, found)
        found += self._named_runs(doc, found)
        found += self._acronyms_again(doc, found)
        found += self._lexicon_places(doc, found)
        found = [s for s in found if not self._description(s) and not _in_furniture(doc, s)]
        # 2. One layer, overlaps settled by the pipeline's rule (longest, then earliest).
        kept = settle(doc, "entities", found)
        # 3. One name, one kind in an article (the kind most of its mentions got; the publication is an
        # organization); a lone word that is the surname of a person of the article is that person ("a
        # precizat Mârza" is not the village), and one with nothing to support it is dropped; variants of
        # one name joined within the article; roles tied.
        kept = self._one_kind(doc, kept)
        self._couples(doc, kept)
        kept = self._lone_words(doc, kept)
        kept = self._named_after(doc, kept)
        kept = [s for s in kept if not (s.label_ == "person" and self._patron(doc, s, kept))]
        doc.spans["entities"] = kept
        self._local_branches(doc, kept)
        self._state_seats(doc, kept)
        self._posts_abroad(doc, kept)
        self._merge(doc, kept)
        self._real_names(doc, kept)
        self._seat_forms(doc, kept)
        doc.user_data["people"] = {s._.canonical for s in kept if s.label_ == "person" and s._.canonical}
        # Where a person's or organization's name starts: a subject after its verb may be one.
        doc.user_data["name_starts"] = {s.start for s in kept if s.label_ != "place" and s._.canonical}
        doc.user_data["name_ends"] = {s.end - 1: s.start for s in kept if s.label_ != "place" and s._.canonical}
        for s in kept:
            if s.label_ == "person" and s._.canonical:
                doc.user_data["name_ends"][self._name_part(doc, s).end - 1] = s.start
        self._roles(doc, kept)
        self._surnames_by_role(doc, kept)
        doc.user_data["people"] = {s._.canonical for s in kept if s.label_ == "person" and s._.canonical}
        return doc

    # -- candidates -------------------------------------------------------------------------------

    def _gazetteer(self, doc: Doc, labels: list[Optional[str]]) -> list[Span]:
        """Gazetteer names, except inside a longer name of another kind ("Muzeul Banatului"; `labels`:
        `_model_labels`)."""
        out = []
        for span in doc.spans.get(gazetteer.SPANS_KEY, []):
            if any(label is not None and label not in NER_LABELS for label in labels[span.start:span.end]) \
                    and not self._newsroom_read_as_work(doc, span):
                continue
            if len(span) == 1 and key(span.text) in self.media_nouns and span.end < len(doc) \
                    and doc[span.end].text[:1].isupper() and doc[span.end].is_alpha:
                continue  # "Cotidianul Magyar Nemzet": the word for a medium, before its name
            if span.label_ == "organization" and self._owned_by_other(doc, span):
                continue  # "Senatul universității", "Guvernul Japoniei": someone else's, not the country's body
            if span.label_ == "place" and self._club_by_town(doc, span):
                continue  # "antrenorul Craiovei": the club, from the model's span
            s = Span(doc, span.start, span.end, label="platform" if span.id_ in self.platforms else span.label_)
            s._.canonical = span.id_
            out.append(s)
        return out

    @staticmethod
    def _owned_by_other(doc: Doc, span: Span) -> bool:
        """A one-word body of the gazetteer ("Senatul", "Guvernul") followed by a noun in the genitive: the
        body of that one, not the country's."""
        return len(span) == 1 and span.end < len(doc) and in_genitive(doc[span.end]) \
            and doc[span.end].pos_ in ("NOUN", "PROPN")

    def _newsroom_read_as_work(self, doc: Doc, span: Span) -> bool:
        """A newsroom of the gazetteer that the model read as a work, a programme ("Știrile ProTV"), alone
        or with the given name or the role of the person who spoke to it after it: still the newsroom."""
        if span.id_ not in self.media:
            return False
        spoke_to = span.end < len(doc) and (key(doc[span.end].text) in self.given or self._is_role(doc[span.end]))
        return all(ent.start >= span.start and (ent.end <= span.end or spoke_to)
                   for ent in doc.ents if ent.label_ not in NER_LABELS and ent.start < span.end and span.start < ent.end)

    def _from_ner(self, doc: Doc, ent: Span) -> list[Span]:
        label = NER_LABELS.get(ent.label_)
        if label is None:
            return []
        after = self._person_after_comma(doc, ent) if label == "person" else None
        if after is not None:
            # "Antrenoarea lui Metz, franțuzoaica Émilie Laurent": the club, then the person
            return self._from_ner(doc, Span(doc, after, ent.end, label="PERSON"))
        cut = self._person_inside(doc, ent) if label != "person" else None
        if cut is not None:
            # "pentru Europa Liberă demograful Cornelia Răducanu": a place or an organization, then a person
            return self._from_ner(doc, Span(doc, ent.start, cut, label=ent.label_)) \
                + self._from_ner(doc, Span(doc, cut, ent.end, label="PERSON"))
        if label == "person":
            ent = _with_flat_tail(doc, ent)
        if ent.end < len(doc) and doc[ent.end].text in STATION_ENDINGS:
            # "Europa FM", "Kiss FM" read as a place or a person and the word after it: a medium's name
            return self._from_ner(doc, Span(doc, ent.start, ent.end + 1, label="ORG"))
        trimmed = self._trim(doc, ent, label)
        if trimmed is None:
            return []
        mention, span = trimmed
        if len(span) == 1 and (self._holiday(doc, span) or key(span.text) in self.weekdays):
            return []  # (a weekday is a day: "Marti dimineata", not the town)
        if len(span) == 1 and span[0].pos_ in ("VERB", "AUX") and set(span[0].morph.get("Person")) & {"1", "2"} \
                and "Fin" in span[0].morph.get("VerbForm"):
            return []  # "Voiam să vadă …" at a sentence's start: a verb in the first person, no name
        known = self._known(span.text)
        if known and known[0] == "organization" and self._owned_by_other(doc, span):
            return []  # "Senatul universității": a body of someone the article names after it
        if known and known[0] == "place" and self._club_by_town(doc, span):
            return [self._make(doc, span, "organization", known[1])]  # "antrenorul Craiovei": the club
        if known:
            # "șeful Hidroelectrica" tagged as a person: the organization's mention is its name alone.
            # A place the model read as one keeps its mention ("munților Neamțului"; `_make` drops a unit's kind).
            keep = known[0] == "person" or known[0] == label == "place"
            return [self._make(doc, mention if keep else span, known[0], known[1])]
        if label != "organization" and len(span) == 1 and is_web_name(span.text, self.web_domains):
            return [self._make(doc, mention, "organization", span.text)]  # "Deschide.md": an outlet
        if (label != "organization" and self._after_org_word(doc, span) and not places.lookup(span.text)
                and key(span[0].text) not in self.given):
            return [self._make(doc, mention, "organization", span.text)]  # "operatorul Ukrenergo"
        if label != "organization" and len(span) > 1 and any(key(t.text) in self.media_words for t in span) \
                and not places.lookup(span.text):
            return self._organizations(doc, mention, span)  # "Europa FM", "Digi Sport": a medium's name
        if label == "organization" and self._person_after_role(doc, span):
            return [self._person_or_place(doc, mention, span)]  # "locotenent-colonelul Avi Shalev" read as an organization
        after_medium = self._name_after_medium(span) if label == "organization" else None
        if after_medium is not None:
            # "pentru Al Jazeera Khaled Abu Samra": the newsroom, then the person who spoke to it
            person = span[after_medium:]
            return [self._make(doc, span[:after_medium], "organization", self._known(span[:after_medium].text)[1]),
                    self._person_or_place(doc, person, person)]
        if label == "organization" and self._given_name_first(doc, span):
            return [self._person_or_place(doc, mention, span)]  # "argentinianul Tomás Olivera" read as an organization
        if label == "organization" and len(span) >= 3 and self._common_genitive(span[0]) \
                and key(span[1].text) in self.given and self._person_after_role(doc, span[1:], role=doc[span.start - 1]):
            # "vicepreședintele Camerei Gelu Dumbravă": the institution, then the person who holds the role
            person = doc[span.start + 1: span.end]
            return self._organizations(doc, span[:1], span[:1]) + [self._person_or_place(doc, person, person)]
        if label == "person" and len(mention) > 1 and (key(mention[0].text) in self.org_heads
                                                       or key(mention[-1].text) in self.org_suffixes):
            # "Sindicatul Liber Agrochim", "Verbalis AI"; "Fondatorul Plativo Technologies", "Reprezentanții
            # Nocturn Events": without the role
            named = span if (mention[0].is_lower or is_role_word(mention[0], self.roles)
                             or key(mention[0].text) in self.representatives) \
                and key(span[-1].text) in self.org_suffixes and not self._role_in_name(mention[0]) else mention
            return self._organizations(doc, named, named)
        if label == "organization" and len(span) > 1 and key(span[0].text) not in self.org_heads \
                and (self._after_settlement_cue(doc, span) or self._in_place_list(doc, span)):
            canonical, confirmed = self._place_name(span)
            if confirmed:
                return [self._make(doc, mention, "place", canonical)]  # "localității sibiene Copșa Mică"
        if self._pair(span):
            return []  # "Zimnicea-Șiștov": two places joined, each named on its own elsewhere
        if label != "organization" and self._named_with_town(span):
            return self._organizations(doc, mention, span)  # "Petrocub Hîncești": a club with its town
        if label == "person" and len(span) > 1 and not self._has_given_name(span) \
                and any(is_acronym(t.text) and (len(t.text) >= 3 or t.i == span.start and self._ends_with_place(span))
                        and not _roman(t.text) for t in span):
            # "Váci NKSE": a name with an acronym in it; "CJ Neamț": a short one, then its county
            return self._organizations(doc, mention, span)
        if label == "person" and len(span) == 1 and span.start > 0 and is_role_word(doc[span.start - 1], self.roles) \
                and self._company_acronym(span[0]):
            return self._organizations(doc, span, span)  # "Directorul DSVSA a spus": the director of an institution
        if label == "person" and len(span) > 1 and span.start > 0 and is_acronym(doc[span.start - 1].text) \
                and not self._has_given_name(span) and self._place_name(span[-1:])[1]:
            return []  # "ISU Semenic Caraș-Severin": the rest of an institution's name, down to its county
        if label == "person" and len(span) == 1 and span.start > mention.start and self._company_acronym(doc[span.start - 1]) \
                and span[0].pos_ == "NOUN" and key(span[0].text) not in self.given:
            # "Reprezentanții CFR Infrastructură": an acronym and a common noun, a company's name
            named = doc[span.start - 1: span.end]
            return self._organizations(doc, named, named)
        if label == "person" and (self._body_of_role(doc, span) or self._body_with_county(doc, span)):
            # "șeful Salvamont Prahova, Adrian Stoleru", "Șeful Salvamont Prahova a reamintit": the role's body;
            # one word in the genitive ("Antrenorul Daciei, Florin Stan") has no sure nominative: no name
            body = doc[span.start: self._past_seat(doc, span.end)]  # ("… Pescarilor din Nemuro": with its seat)
            return [] if len(span) == 1 and in_genitive(span[0]) else self._organizations(doc, body, body)
        if label == "person" and self._after_genitive_article(doc, mention, span):
            return self._organizations(doc, mention, span)  # "directorul general al Lactis Carpatia"
        if label == "person":
            institution = self._institution(doc, span) if len(span) == 1 else None
            if institution:
                return [self._make(doc, mention, "organization", institution)]  # "fostul ministru al Mediului"
            return [self._person_or_place(doc, mention, span)]
        if label == "place" and len(span) >= 2 and not places.lookup(span.text) and not self._known(span.text) \
                and self._role_before_comma(doc, span) is not None:
            # "purtătoarea de cuvânt a VSAT, Rūta Žemaitytė" read as a place: the role's holder
            return [self._person_or_place(doc, mention, span)]
        if label == "place" and len(span) >= 2 and key(span[0].text) in self.given and self._may_be_person(span) \
                and not self._after_settlement_cue(doc, span) \
                and mention.start == span.start and not (span.start and key(doc[span.start - 1].text) in self.named_after):
            # "Zsolt Fülöp", "Đorđe Vukašinović" read as a place: a given name first, and no place any lexicon
            # knows (not "strada Vasile Lupu": a place named after someone)
            return [self._person_or_place(doc, mention, span)]
        if label == "place" and len(span) == 1 and self._given_name_as_place(doc, mention, span):
            return [self._person_or_place(doc, mention, span)]
        if label == "place" and len(span) == 1 and mention.end == span.end and self._after_settlement_cue(doc, span):
            span = self._with_name_tail(doc, span)  # "satul Fundu Râpii" read as "Fundu"
            mention = doc[mention.start: span.end]
        if label == "place" and len(span) > 1 and key(span[-1].text) in self.org_suffixes:
            return self._organizations(doc, mention, span)  # "Valuta Nord SRL": a company's ending, no place
        if label == "place" and self._club_by_town(doc, span):
            return [self._make(doc, mention, "organization", span.text)]  # "antrenorul lui Liverpool"
        if label == "place":
            canonical, confirmed = self._place_name(span)
            if not confirmed and len(span) > 1 and key(span[0].text) in self.state_forms:
                canonical, confirmed = self._place_name(span[1:])  # "Republicii Serbia" -> Serbia
                canonical = canonical if confirmed else span.text
            landform = self._landform_name(mention) if not confirmed or len(mention) > len(span) else None
            if landform is not None:
                return [self._make(doc, mention, "place", landform)]  # "Munților Făgăraș", not the town
            if not confirmed and len(span) > 1:
                parts = self._known_places(doc, span)  # "Moscova Phenianului": two places read as one
                if parts:
                    return parts
            if not confirmed and len(span) == 1 and is_acronym(span.text):
                return self._organizations(doc, mention, span)  # "CFR": an acronym no lexicon places
            if not confirmed and len(span) > 1 and key(span[0].text) in self.org_heads:
                return self._organizations(doc, mention, span)  # "Procuratura Anticorupţie": an institution's name
            if not confirmed and len(span) > 1 and is_acronym(span[0].text) and self._ends_with_place(span):
                return self._organizations(doc, mention, span)  # "CJ Neamț": an institution's acronym, its county
            if confirmed or (self._proper_inside(span) and sum(c.isalpha() for c in span.text) >= 3
                             and not self._common_word(span)):
                if not confirmed and not self._known(span.text) and (
                        span.end + 1 < len(doc) and doc[span.end].text == "," and self._age_after(doc, span.end + 1)
                        or self._described_after(doc, span.end)
                        or self._role_right_before(doc, span.start) and not in_genitive(span[0])
                        or self._personal_object(doc, span)
                        or span.start and key(doc[span.start - 1].text) in self.possessive):
                    # "Vasilica, 67 de ani,", "Claudiei, o locuitoare din Micalaca", "DJ-ul Kosmo", "l-a
                    # învins pe Sveinn", "lirica lui Baudelaire"
                    return [self._person_or_place(doc, mention, span)]
                if not confirmed and not self._known(span.text) and self._among_people(doc, span):
                    return [self._person_or_place(doc, mention, span)]  # "Brod, Karako, Malioglu și Shertok"
                if not confirmed and not self._known(span.text) and self._people_of(doc, span.start):
                    return self._organizations(doc, span, span)  # "cei de la Aerosmith": its people
                return [self._make(doc, mention, "place", canonical, confirmed)]
            return []
        return self._organizations(doc, mention, span)

    def _holiday(self, doc: Doc, span: Span) -> bool:
        """A holiday after the word that dates by it ("de Crăciun", "înainte de Paște"): the dates' span."""
        if key(span.text) not in self.holidays:
            return False
        before = [key(t.text) for t in doc[max(0, span.start - 2): span.start]]
        return any(before[-len(cue):] == cue for cue in self.holiday_cues)

    def _named_with_town(self, span: Span) -> bool:
        """ "Petrocub Hîncești", "Sheriff Tiraspol": a name that is no given name, no place and no
        state's form, then a Romanian or Moldovan town of `MIN_CLUB_TOWN` people or more, names a club or
        a firm with its town, not a person or a place. Only the two countries' towns: a town abroad is
        too often a surname ("Lincoln", "Washington"), and a person's given name may be one we do not
        know; a village's name is too often a surname too ("Dumbravă", "Santana")."""
        if not 2 <= len(span) <= 3 or not all(t.is_alpha and t.text[:1].isupper() for t in span):
            return False
        # ("Unirea Dej", "antrenorul Unirii Dej": a club's word, even after a role or as a given name)
        club = any(key(w) in self.club_words for w in [span[0].text, *uninflect(span[0].text, self.inflections, min_stem=2)])
        if span.start and self._is_role(span.doc[span.start - 1]) and not club:
            return False  # "Președintele X Y": a person
        word = span[-1].text
        town = places.lookup_local(word)
        if town is None or town.population < MIN_CLUB_TOWN or ascii_fold(word) != word and places.lookup_exact(word) is None:
            return False  # a village's name is too often a surname ("Dumbravă"); "Român" is not "Roman"
        if places.lookup(span.text) or not club and places.lookup(span[:-1].text) or self._known(span[:-1].text):
            return False  # "Sânmihaiu Român": a place of its own (a club's word may be a place too: "Olimpia")
        return club or not any(key(t.text) in self.given or key(t.text) in self.state_forms
                               or places.lookup(t.text) for t in span[:-1])

    def _known_places(self, doc: Doc, span: Span) -> list[Span]:
        """Each word of the span as a place, when every word is a known place on its own."""
        if any(key(t.text) in self.state_forms for t in span):
            return []  # "Republica Guineea": a state's full name
        out = []
        for token in span:
            one = doc[token.i: token.i + 1]
            canonical, confirmed = self._place_name(one)
            if not confirmed or not token.text[:1].isupper() or not self._sizeable(canonical):
                return []  # "Lacul Roșu", "Valea Tisei": one name whose words are also villages
            out.append(self._make(doc, one, "place", canonical))
        return out

    def _organizations(self, doc: Doc, mention: Span, span: Span) -> list[Span]:
        """An organization the NER found, split where it swallowed an acronym in parentheses ("Federația
        Română de Fotbal (FRF)") or the person after it ("ANM Cristiana Dumbravă")."""
        out = []
        if len(span) >= 2 and members_of(span[0], span[1]) and (len(span) >= 3 or is_acronym(span[1].text)):
            span = doc[span.start + 1: span.end]  # "Economiștii Băncii Transilvania": the body its people are of
            mention = doc[max(mention.start, span.start): mention.end]
        if self._kind_first(doc, span.start, span.end):
            span = doc[span.start + 1: span.end]
            mention = doc[max(mention.start, span.start): mention.end]
        seated = self._seated(doc, span)
        if seated.end > span.end:
            span = seated
            mention = doc[mention.start: seated.end]
        abbreviated = None  # the acronym in parentheses right after the name ("… (IGPR)")
        if _bracketed_acronym(doc, span.end):
            abbreviated = doc[span.end + 1].text
        if len(span) >= 4 and _bracketed_acronym(doc, span.end - 3):
            acronym = doc[span.end - 2: span.end - 1]
            abbreviated = acronym.text
            out.append(self._acronym(doc, acronym))
            span = mention = doc[span.start: span.end - 3]
        for i in range(span.start + 1, span.end - 1):
            # A name after an acronym ("RFI Ayelet Cohen"), unless a word of it is a town ("CSU Politehnica
            # Timișoara": a club) -- a known given name needs no acronym.
            # (also after an acronym in parentheses: "deputatul Uniunii … (UDMR) Szilágyi Botond")
            bracketed = i >= span.start + 4 and doc[i - 1].text == ")" and _bracketed_acronym(doc, i - 3)
            given = key(doc[i].text) in self.given or (
                (is_acronym(doc[i - 1].text) or bracketed) and doc[i].pos_ == "PROPN"
                and not any(t.text[:1].isupper() and self._sizeable(t.text) for t in doc[i: span.end]))
            if doc[i - 1].is_quote or doc[i - 1].text in "„“”«&" or key(doc[i - 1].text) in self.and_words \
                    or doc[i - 1].text in self.club_prefixes \
                    or places.lookup(doc[i: span.end].text):
                # "Institutul „Matei Balș”", "CSM Râmnicu Vâlcea", "Fundația Bill & Melinda Gates": named
                # after, not followed by
                continue
            if given and doc[i + 1].text[:1].isupper() and doc[i + 1].pos_ == "PROPN" \
                    and not self._named_for(doc, span, i):
                # (up to a comma: "… Tudor Anghelescu, economist" is the name and what he is)
                person = doc[i: next((j for j in range(i + 2, span.end) if doc[j].text in ",;:"), span.end)]
                out.append(self._make(doc, person, "person", person.text))
                span = mention = doc[span.start: i]
                if bracketed:
                    acronym = doc[i - 2: i - 1]
                    abbreviated = acronym.text
                    out.append(self._acronym(doc, acronym))
                    span = mention = doc[span.start: i - 3]
                break
        # "Inspectoratul General al Poliției Române (IGPR)", "Asociația … din România (ANSMR)": the acronym
        # of the whole is one name, not a unit of another organization nor one located in a place
        whole = abbreviated is not None and initials(span.text, self.connectors) == abbreviated.replace(".", "").upper()
        located = None if whole else self._located(doc, span)
        if located:
            span, place = located
            mention = span
            out.append(place)
        parent = None if whole else next((i for i in range(span.start + 1, span.end - 1) if self._parent_org(doc, i)
                                          and not self._generic_unit(doc, doc[span.start: i])), None)
        if parent is not None:  # "Comisiei pentru Bugete a Parlamentului European": the unit, then its parent
            out += self._organizations(doc, doc[parent + 1: span.end], doc[parent + 1: span.end])
            span = mention = doc[span.start: parent]
        words = [t.text for t in span]
        if len(span.text) < 2:
            return out  # "X" (the network), a letter
        if len(span) == 1 and not is_acronym(words[0]):
            if key(words[0]) in self.org_heads:
                # "Primăriei", "Guvernul": the institution the article is about (the model's call).
                head = self._head_nominative(words[0])
                known = self._known(head)
                if not known and self._longer_before(doc, span[0]):
                    return out  # "Ministerul precizează …" after "Ministerul Apărării Naționale": that one again
                return out + [self._make(doc, mention, *(known if known else ("organization", head)))]
            institution = self._institution(doc, span)
            if institution:
                return out + [self._make(doc, mention, "organization", institution)]
            definite = self._definite(span.text)
            if definite:
                return out + [self._make(doc, mention, *definite)]  # "în Parlament" -> "Parlamentul"
            canonical, confirmed = self._place_name(span)
            if confirmed and not self._after_place_word(doc, span) and self._truncated(span.text):
                return out + [self._make(doc, mention, "organization", span.text)]  # "Rapid" (not "Rapid City")
            if confirmed and (self._after_place_word(doc, span)
                              or self._sizeable(canonical) and not self._after_org_word(doc, span)
                              and not self._club_by_town(doc, span)):
                return out + [self._make(doc, mention, "place", canonical)]  # "regiunea Dnipropetrovsk"
            if not confirmed and not self._known(span.text) and len(span) == len(mention) \
                    and self._after_settlement_cue(doc, span):
                return out + [self._make(doc, mention, "place", canonical, confirmed=False)]  # "cartierele Ferentari"
            if span[0].pos_ != "PROPN" and span[0].lemma_[:1].islower():
                return out  # "Apărării", "Energiei": a common noun's capital, cut from a longer name
        elif not any(t.pos_ == "PROPN" or is_acronym(t.text) for t in span) and key(words[0]) not in self.org_heads \
                and not self._after_org_word(doc, span) and all(t.lemma_[:1].islower() for t in span if t.is_alpha) \
                and in_genitive(span[0]):
            return out  # "Apărării Naționale", "Externe": words of a name whose head is missing
        if not len(span) or span.text in self.not_orgs or key(span.text) in self.not_entities \
                or key(span[0].text) in self.honorifics:
            return out  # (nor "Alteței Regale", "Sfinției sale": a form of address)
        if len(span) == 1 and span[0].pos_ in ("AUX", "VERB", "PRON", "DET", "ADP", "SCONJ", "CCONJ") \
                and span[0].is_alpha and not is_acronym(span.text):
            return out  # "**Ați susține …?**": a verb or a function word the model read as a name
        return out + [self._make(doc, mention, "organization", self._org_name(span))]

    def _kind_first(self, doc: Doc, start: int, end: int) -> bool:
        """ "Partidul AUR a transmis", "Compania Nord Mobility SA, care …", "Clubul CSM Vălenii de Olt": a
        kind of organization, then the name (words ending in a legal form, a club's, or, opening the
        sentence, an acronym), not a word of it (not "Compania Națională de Căi Ferate CFR SA", "Consiliul
        UE", "Centrul FILIA")."""
        return end - start >= 2 and doc[start].text[:1].isupper() and key(doc[start].text) in self.kind_words \
            and (end - start == 2 and doc[start].is_sent_start and is_acronym(doc[start + 1].text)
                 and not self._known_place(doc[start + 1].text)
                 or end - start >= 3 and doc[end - 1].text in self.legal_forms and doc[start + 1].pos_ != "ADJ"
                 and not doc[start + 1].is_lower  # ("Compania de Apă Valea Buzăului SA": "de" begins no name)
                 or end - start >= 3 and doc[start + 1].text in self.club_prefixes)

    ROLE_REACH = 4  # words before an institution's name searched for the role of the person after it

    def _named_for(self, doc: Doc, span: Span, i: int) -> bool:
        """ "Liceul Teoretic Mihai Eminescu", "Spitalul Victor Babeș": an institution's head word, the
        capitalized words of its kind perhaps, then the person it is named after -- one name. Not a body
        that is never named after someone ("Consiliului Fiscal Tudor Anghelescu"), nor the holder of a
        role (`_holder_after`)."""
        head = key(span[0].text)
        if span[0].is_lower or head not in self.org_heads or head in self.never_named_after:
            return False
        if self._holder_after(doc, span.start, doc[i: span.end]):
            return False
        return all(t.text[:1].isupper() and t.is_alpha and not is_acronym(t.text) or is_quote_mark(t)
                   or key(t.text) in self.named_for_connectors for t in doc[span.start + 1: i])

    @staticmethod
    def _truncated(text: str) -> bool:
        """ "Rapid" for "Rapid City": a place's name cut short, which the model's reading as an
        organization outweighs (the Bucharest club), whatever part of speech the tagger gave it."""
        place = places.lookup(text)
        return place is not None and place.name.startswith(text + " ")

    def _role_ahead(self, doc: Doc, start: int) -> bool:
        """A role or a word for a person among the few words before an institution's name."""
        return any(self._person_noun(t) for t in doc[max(doc[start].sent.start, start - self.ROLE_REACH): start])

    def _holder_after(self, doc: Doc, head: int, person: Span) -> bool:
        """ "Directorul Spitalului Județean Ion Pop": a role, the institution in the genitive, then a name
        with no quotation mark before it -- the role's holder, not whom the institution is named after."""
        return in_genitive(doc[head]) and self._role_ahead(doc, head) \
            and not any(is_quote_mark(t) for t in doc[head: person.start])

    def _posts_abroad(self, doc: Doc, spans: list[Span]) -> None:
        """Each diplomatic post named with its country after "în" takes that country into its name."""
        for span in spans:
            post = self._post_abroad(doc, span) if span.label_ == "organization" and span._.canonical else None
            if post and not key(span._.canonical).endswith(key(post)):
                span._.canonical = f"{span._.canonical} {post}"

    def _post_abroad(self, doc: Doc, span: Span) -> Optional[str]:
        """ "în Italia" after "Ambasada României": a diplomatic post's country, part of its name (so two
        embassies of one state are two names) though the span stays the body's alone and the country a
        place of its own, as RONEC marks them (`org_seats.named_prepositions`); None when not so."""
        end = span.end
        if key(span[0].text) not in self.diplomatic_heads or end + 1 >= len(doc) \
                or key(doc[end].text) not in self.named_seat_prepositions:
            return None
        place = self._place_at(doc, end + 1)
        return f"{doc[end].text} {place.text}" if place is not None else None

    def _longer_before(self, doc: Doc, head: Token) -> bool:
        """The head word of an institution began a longer name earlier in the text: the same word (in any
        case) followed by a capitalized word ("Ministerului Apărării" before "Ministerul")."""
        stems = set(noun_stems(key(head.text), self.noun_endings, 3))
        return any(t.text[:1].isupper() and doc[t.i + 1].text[:1].isupper() and doc[t.i + 1].is_alpha
                   and stems & set(noun_stems(key(t.text), self.noun_endings, 3)) for t in doc[: head.i - 1])

    def _joined_genitive(self, doc: Doc, i: int) -> bool:
        """Token `i` is "și" or a comma between two capitalized genitives of one name ("Apelor și
        Pădurilor", "Mitropolia Moldovei și Bucovinei": a proper noun the parse left uninflected goes by its
        ending), not between two organizations ("Comisia Europeană și Parlamentul")."""
        if i + 1 >= len(doc) or i < 1 or doc[i].text not in (",",) and key(doc[i].text) not in self.and_words:
            return False
        before, after = doc[i - 1], doc[i + 1]
        return (after.text[:1].isupper() and key(after.text) not in self.org_heads and not after.is_sent_start
                and in_genitive(before)
                and (in_genitive(after) or after.pos_ == "PROPN" and key(after.text).endswith(self.genitive_endings))
                and (doc[i].text != "," or i + 2 < len(doc) and self._joined_genitive(doc, i + 2)))

    def _parent_org(self, doc: Doc, i: int) -> bool:
        """Token `i` joins a unit to another organization: "Grupul PPE din Parlamentul European",
        "Direcția Generală pentru Mediu a Comisiei Europene" are two organizations each."""
        word, nxt = key(doc[i].text), doc[i + 1] if i + 1 < len(doc) else None
        if nxt is None or not (word in self.org_places or word in self.genitive):
            return False
        known = self._known(nxt.text)
        return key(nxt.text) in self.org_heads or is_acronym(nxt.text) or bool(known and known[0] == "organization")

    def _generic_unit(self, doc: Doc, unit: Span) -> bool:
        """ "Inspectoratul General", "Statul Major General" before "al Poliției Române": an institution's
        word and adjectives only name no unit of their own, so the whole is one name ("Inspectoratul
        General al Poliției Române"); before an acronym ("Consiliul Director al BNR") it is a unit."""
        after = doc[unit.end + 1] if unit.end + 1 < len(doc) else None
        words = unit[1:]
        if len(words) >= 2 and self._place_name(words[-1:])[1]:
            words = words[:-1]  # "Inspectoratul Județean Timiș al Poliției de Frontieră": with its county
        return len(unit) >= 2 and key(unit[0].text) in self.org_heads and after is not None \
            and not is_acronym(after.text) and all(t.pos_ == "ADJ" and t.text[:1].isupper() for t in words)

    def _seated(self, doc: Doc, span: Span) -> Span:
        """The organization with where it sits, when its name is followed by it: "Departamentul de Stat"
        + "al SUA", "Direcția de Sănătate Publică" + "a județului Cluj", and for a diplomatic post
        "Ambasada României" + "la Beirut" (`org_seats`)."""
        i = span.end
        words = [key(t.text) for t in doc[i: i + 3]]
        if not words:
            return span
        if words[0] in self.genitive:
            after = 1
        elif doc[i].text in ("-", "–") and len(words) > 1 and words[1] in self.dashed_seat_cues:
            after = 2  # "Instituția Prefectului - Județul Neamț": the official form
        elif key(span[0].text) in self.diplomatic_heads:
            after = next((len(p) for p in self.diplomatic if tuple(words[:len(p)]) == p), 0)
        else:
            after = 0
        if not after:
            return span
        start = i + after
        if start < len(doc) and key(doc[start].text) in self.seat_cues:
            start += 1
        place = self._place_at(doc, start)
        return doc[span.start:place.end] if place is not None else span

    def _place_at(self, doc: Doc, start: int) -> Optional[Span]:
        """The longest run of up to SEAT_WORDS capitalized words from `start`, in one sentence, that names a
        place a lexicon confirms (an organization's seat: "la Beirut", "în Regatul Unit"); None when none."""
        for end in range(min(len(doc), start + self.SEAT_WORDS), start, -1):
            place = doc[start:end]
            if all(t.text[:1].isupper() and not t.is_sent_start for t in place) and self._place_name(place)[1]:
                return place
        return None

    def _located(self, doc: Doc, span: Span) -> Optional[tuple[Span, Span]]:
        """ "Spitalul Clinic de Urgență Floreasca din București": (the organization, the place) when the
        name before the place has a proper name of its own; "Spitalul Județean din Craiova" stays whole."""
        for i in range(span.start + 1, span.end - 1):
            if key(doc[i].text) not in self.org_places or not doc[i + 1].text[:1].isupper():
                continue
            tail = doc[i + 1: span.end]
            canonical, confirmed = self._place_name(tail)
            head = doc[span.start: i]
            specific = any(t.pos_ == "PROPN" or is_acronym(t.text) or t.is_quote for t in head)
            if confirmed and specific:
                return head, self._make(doc, tail, "place", canonical)
            return None
        return None

    def _description(self, span: Span) -> bool:
        """ "Agenția britanică", "Compania germană": a word for an organization and nationalities after
        it describe one, they do not name it."""
        return span.label_ == "organization" and len(span) >= 2 and key(span[0].text) in self.descriptors \
            and all(t.is_lower and key(t.text) in self.nationality for t in span[1:])

    def _pair(self, span: Span) -> bool:
        """One hyphenated token of two known places ("Giurgiu-Ruse"), not itself a place."""
        if len(span) != 1 or "-" not in span.text or places.lookup(span.text) or self._known(span.text):
            return False
        parts = span.text.split("-")
        return len(parts) == 2 and all(p[:1].isupper() and (places.lookup(p) or self._known(p)) for p in parts)

    def _common_word(self, span: Span) -> bool:
        """One word that is a common noun or adjective with a capital ("Energiei", "Negre"), or written
        like a brand ("InterRegio"): not a place."""
        if len(span) != 1:
            return False
        token = span[0]
        # (a capital after a hyphen starts the second name of a place: "Auschwitz-Birkenau"; not after an
        # article: "Al-Manar")
        parts = token.text.split("-")
        parts = parts if min(map(len, parts)) >= 3 else [token.text]
        brand = not token.text.isupper() and any(c.isupper() for part in parts for c in part[1:])
        return brand or token.pos_ in ("NOUN", "ADJ") and token.lemma_[:1].islower()

    def _definite(self, text: str) -> Optional[tuple[str, str]]:
        """(kind, canonical) of the gazetteer name whose definite form this word lacks ("Dunăre")."""
        if " " in text or self._known(text):
            return None
        for ending, base in self.definite:
            if text.endswith(ending) and len(text) > len(ending) + 2:
                known = self.known.get(key(text[: len(text) - len(ending)] + base))
                if known:
                    return known
        return None

    def _institution(self, doc: Doc, span: Span) -> Optional[str]:
        """ "ministrul Sănătății" -> "Ministerul Sănătății": a department after the role that heads it (the
        role's forms in `role_institutions`); the department is a common noun, never a name ("ministrul
        Mateescu")."""
        token = span[0]
        if token.pos_ == "PROPN" or token.lemma_[:1].isupper() and not in_genitive(token):
            return None
        for back in (1, 2):
            if span.start - back < 0:
                return None
            head = self.lang["role_institutions"].get(doc[span.start - back].lemma_.lower()) or \
                self.lang["role_institutions"].get(doc[span.start - back].text.lower())
            if head:
                return f"{head} {span.text}"
            if doc[span.start - back].pos_ not in ("DET", "ADP"):
                return None
        return None

    def _org_runs(self, doc: Doc) -> list[Span]:
        """Names that begin with an organization's head word: "Forțele Aeriene ale Ucrainei", "Statul
        Major ucrainean", "Ministerul rus al Apărării". The run goes on over capitalized words, a
        nationality adjective, and connectors followed by a capitalized word; a given name ends it."""
        out = []
        i = 0
        while i < len(doc):
            token = doc[i]
            if not (token.text[:1].isupper() and key(token.text) in self.org_heads):
                i += 1
                continue
            end = i + 1
            named = False  # past a name in quotation marks only a capitalized word goes on ("… «Sf. Andrei» Constanța")
            while end < len(doc) and not doc[end].is_sent_start:
                nxt = doc[end]
                if key(nxt.text) in self.given:
                    break
                quoted = 0 if named else self._quoted_name_end(doc, end)
                if quoted:
                    end, named = quoted, True  # "Spitalul Clinic de Urgență pentru Copii „Sfânta Maria”"
                elif named and not (nxt.text[:1].isupper() and nxt.is_alpha):
                    break
                elif nxt.text[:1].isupper() and nxt.is_alpha or key(nxt.text) in self.nationality:
                    end += 1
                elif self._joined_genitive(doc, end):
                    end += 2  # "Ministerul Mediului, Apelor și Pădurilor", "Forumul Familiilor … și Persoanelor …"
                elif (key(nxt.text) in self.connectors and end + 1 < len(doc)
                      and doc[end + 1].text[:1].isupper() and not doc[end + 1].is_sent_start
                      and not self._parent_org(doc, end)):
                    end += 2
                else:
                    break
            described = end - i >= 3 and doc[i + 1].is_lower and key(doc[i + 1].text) in self.nationality \
                and is_acronym(doc[i + 2].text)
            if described:
                i += 2  # "Sindicatul spaniol CCOO": what it is, then its name
            elif self._kind_first(doc, i, end):
                i += 1
                described = True
            if end - i >= 2 or described:
                span = self._seated(doc, doc[i:end])
                end = span.end
                located = self._located(doc, span)
                if located:
                    span = located[0]
                    out.append(located[1])
                known = self._known(span.text)
                out.append(self._make(doc, span, *(known if known else ("organization", self._org_name(span)))))
            i = end
        return out

    QUOTED_NAME_MAX = 6  # words of a name in quotation marks after an institution's words

    def _acronym(self, doc: Doc, acronym: Span) -> Span:
        """An acronym in parentheses cut from a name: the organization the gazetteer gives it, else itself."""
        return self._make(doc, acronym, "organization", self.known.get(key(acronym.text), ("", acronym.text))[1])

    def _acting_facilities(self, doc: Doc) -> list[Span]:
        """A building the model found ("FACILITY") whose name starts with an institution's word, the
        subject of a verb in the active voice ("Muzeul Național al Țăranului Român a anunțat …"): the
        institution that acts, an organization."""
        out = []
        for ent in doc.ents:
            if ent.label_ != "FACILITY" or key(ent[0].text) not in self.org_heads:
                continue
            root = ent.root
            if root.dep_ != "nsubj" or root.head.pos_ not in ("VERB", "AUX") or root.head.i < ent.start:
                continue
            out += self._organizations(doc, ent, ent)
        return out

    @staticmethod
    def _quoted_name_end(doc: Doc, i: int) -> int:
        """Where a name in quotation marks that opens at token `i` ends (past its closing mark), when it
        is a few capitalized words ("„Alexandru Ioan Cuza”", "«Sf. Apostol Andrei»"); 0 otherwise."""
        if i >= len(doc) or doc[i].text not in OPENING_MARKS:
            return 0
        for j in range(i + 1, min(len(doc), i + 2 + EntityRecognizer.QUOTED_NAME_MAX)):
            if doc[j].text in CLOSING_MARKS:
                inner = [t for t in doc[i + 1: j] if not t.is_punct]
                return j + 1 if inner and all(t.text[:1].isupper() or t.like_num for t in inner) else 0
            if doc[j].is_sent_start:
                return 0
        return 0

    def _spelled_runs(self, doc: Doc) -> list[Span]:
        """The name right before an acronym in parentheses that spells its initials ("Blocul Național
        Sindical (BNS)", "Alianța pentru Unirea Românilor (AUR)"): one organization, whether or not the
        model read the name; a name the lexicons know keeps its kind, a place is left to them. The run
        goes back over capitalized words and the connectors between them, as many words as the acronym
        has letters."""
        out = []
        skip = self.connectors | self.and_words
        for token in doc:
            i = token.i
            if i < 2 or not _bracketed_acronym(doc, i) or doc[i + 1].text in self.not_orgs:
                continue
            letters = key(doc[i + 1].text.replace(".", ""))
            start, words = i, 0
            while start > 0 and words < len(letters):
                word = doc[start - 1]
                if word.text[:1].isupper() and word.is_alpha:
                    words += 1
                elif not (key(word.text) in skip and words and not word.is_sent_start):
                    break
                start -= 1
                if word.is_sent_start:
                    break
            span = doc[start:i]
            if words != len(letters) or not span[0].text[:1].isupper() or key(initials(span.text, skip)) != letters:
                continue
            known = self._known(span.text)
            if known is None and places.lookup(span.text):
                continue
            out.append(self._make(doc, span, *(known if known else ("organization", self._org_name(span)))))
        return out

    def _prefix_runs(self, doc: Doc) -> list[Span]:
        """ "HC Tisa Sighet a anunțat": a club's prefix and the capitalized words after it (up to a given
        name: "CSM București Cristina Neagu"), whatever the model read."""
        out = []
        for token in doc:
            if token.text not in self.club_prefixes:
                continue
            end = token.i + 1
            while end < len(doc) and end - token.i <= MAX_CLUB_WORDS and doc[end].text[:1].isupper() and doc[end].is_alpha \
                    and not doc[end].is_sent_start and key(doc[end].text) not in self.given:
                end += 1
            if end > token.i + 1:
                span = doc[token.i:end]
                out.append(self._make(doc, span, "organization", span.text))
        return out

    def _cue_runs(self, doc: Doc) -> list[Span]:
        """The name after a word for a kind of organization ("combinatul Agrochim Dunărea", "firma
        Kessler & Partners"), perhaps with an adjective between: capitalized words, "&", and connectors followed by a capitalized word; not
        a name that starts with a given name ("producătorul Radu Pârvulescu")."""
        out = []
        for token in doc:
            if token.i + 1 >= len(doc) or key(token.text) not in self.org_cues and not (
                    key(token.text) in self.representatives and doc[token.i + 1].pos_ == "PROPN"
                    and not in_genitive(doc[token.i + 1]) and not key(doc[token.i + 1].text).endswith(self.genitive_endings)):
                continue
            start = token.i + 1
            if doc[start].is_lower and doc[start].pos_ == "ADJ" and start + 1 < len(doc) and key(doc[token.i].text) in self.org_cues:
                start += 1  # an adjective between ("trupa clujeană Nopți Albe", "compania americană SpaceX")
            end = start
            if doc[start].is_sent_start or key(doc[start].text) in self.given:
                continue
            while end < len(doc) and not doc[end].is_sent_start:
                nxt = doc[end]
                if nxt.text[:1].isupper() and (nxt.is_alpha or is_acronym(nxt.text) or any(c.isdigit() for c in nxt.text)) \
                        or nxt.is_digit and end > start and end + 1 < len(doc) and doc[end + 1].text[:1].isupper() \
                        and not doc[end + 1].is_sent_start:
                    end += 1  # (a number inside the name: "postul Vest 7 TV")
                elif (nxt.text == "&" or key(nxt.text) in self.connectors) and end > start and end + 1 < len(doc) \
                        and doc[end + 1].text[:1].isupper() and not doc[end + 1].is_sent_start \
                        and not (key(nxt.text) in self.org_places and self._place_name(self._capitals_from(doc, end + 1))[1]):
                    end += 2  # (not "combinatul Oltchim din Râmnicu Vâlcea": its seat)
                else:
                    break
            if end > start:
                span = doc[start:end]
                known = self._known(span.text)
                if known is None and places.lookup(span.text):
                    continue  # "compania din Cluj" never gets here; "operatorul Constanța" is a port
                out.append(self._make(doc, span, *(known if known else ("organization", _quotes_paired(span.text)))))
        return out

    @staticmethod
    def _capitals_from(doc: Doc, i: int, longest: int = 3) -> Span:
        """The capitalized words from token i on (at most `longest`): a name that may be a place's."""
        end = i
        while end < len(doc) and end - i < longest and doc[end].text[:1].isupper() and not (end > i and doc[end].is_sent_start):
            end += 1
        return doc[i:end]

    def _described_runs(self, doc: Doc) -> list[Span]:
        """Two or three proper nouns right after a definite role or nationality noun ("Japonezul Yuki Tanabe",
        "cântărețul Amadou Diarra-Koné"; a noun whose lemma keeps its capital is one: "Romanciera Teresa
        Valadares"), or after a role and a nationality ("Fundașul croat Luka Perić", "omul de afaceri
        irlandez Caoimhín Ó Briain", a name's particles in it; past its first word, a capitalized noun
        with no article the tagger took for a common one: "chitaristul Declan Moy"), none of them a
        genitive ("ministrul Apărării Naționale") nor a known place or organization: a person whose given
        name no list knows (marked unconfirmed)."""
        out = []
        for token in doc:
            head = key(token.text)
            base = head[:-2] if head.endswith("ul") else head[:-1] if head.endswith("a") else head
            if token.pos_ != "NOUN" or "Def" not in token.morph.get("Definite") \
                    or not (self._is_role(token) or base in self.nationality):
                continue  # (a definite noun: "doctor Honoris Causa" is a title)
            first = token.i + 1
            if self._is_role(token):
                # ("omul de afaceri irlandez": the role's phrase of a preposition and a noun, then the nationality)
                phrase = 2 if first + 2 < len(doc) and doc[first].pos_ == "ADP" and doc[first + 1].is_lower else 0
                if first + phrase < len(doc) and doc[first + phrase].is_lower \
                        and key(doc[first + phrase].text) in self.nationality:
                    first += phrase + 1
            end = first
            while end < len(doc) and end - first < 3 and not doc[end].is_sent_start and (doc[end].is_title and (
                    doc[end].pos_ == "PROPN" or doc[end].pos_ in ("NOUN", "ADJ") and doc[end].lemma_[:1].isupper()
                    or end > first and doc[end].pos_ == "NOUN" and doc[end].morph.get("Definite") == ["Ind"])
                    and not in_genitive(doc[end]) or end > first and key(doc[end].text) in self.particles):
                end += 1
            if not 2 <= end - first <= 3 or end < len(doc) and doc[end].text[:1].isupper() or not doc[end - 1].is_title:
                continue
            span = doc[first: end]
            if self._known(span.text) or places.lookup(span.text) or self._ends_with_place(span):
                continue  # (nor a body named with its county: "șeful Salvamont Prahova")
            if self._body_of_role(doc, span):
                continue  # "șeful Salvamont Prahova, Adrian Stoleru": the run is the role's body
            out.append(self._make(doc, span, "person", span.text, confirmed=False))
        return out

    def _body_of_role(self, doc: Doc, span: Span) -> bool:
        """Capitalized words right after a singular role (not a kinship: `kin_roles`), then a comma and a
        person's name, and no given name among them (one word only in the genitive): the body the role
        belongs to, the person being named after it ("șeful Salvamont Prahova, Adrian Stoleru"), its seat
        perhaps between ("președintele Cooperativei Pescarilor din Nemuro, Takeshi Hanada")."""
        comma = self._past_seat(doc, span.end)  # ("… Cooperativei Pescarilor din Nemuro, Takeshi Hanada")
        role = doc[span.start - 1] if span.start else None
        if role is None or not self._is_role(role) or comma + 2 >= len(doc) or doc[comma].text != ",":
            return False
        if is_role_word(role, self.kin_roles) or "Plur" in role.morph.get("Number"):
            return False  # "Fiul Elisabetei, Cristian": a person's kin; "pictorii Apcar Baltazar, Gheorghe …": a list
        if len(span) == 1 and not in_genitive(span[0]):
            return False  # "generalul Lukin, Lobacev însuși": a surname in a list
        name = doc[comma + 1]
        return not self._has_given_name(span) and name.pos_ == "PROPN" and name.text[:1].isupper() \
            and (key(name.text) in self.given or name.ent_type_ == "PERSON")

    SEAT_WORDS = 3  # capitalized words of an organization's seat ("din Nemuro", "la Beirut", "în Regatul Unit")

    def _past_seat(self, doc: Doc, end: int) -> int:
        """Where a name ending at `end` ends with its seat ("din Nemuro", `org_location_prepositions` and up to
        SEAT_WORDS capitalized words); `end` when none follows."""
        if end + 1 >= len(doc) or key(doc[end].text) not in self.org_places:
            return end
        seat = end + 1
        while seat < len(doc) and seat - end <= self.SEAT_WORDS and doc[seat].text[:1].isupper():
            seat += 1
        return seat if seat > end + 1 else end

    ROLE_PHRASE = 10  # words of a role's phrase before the comma and the name ("consilierul … din Castellón, X Y")

    def _role_named_runs(self, doc: Doc) -> list[Span]:
        """A definite role, its phrase (no verb in it), a comma, then two or three capitalized words that
        close the clause ("a declarat consilierul municipal pentru servicii sociale din Castellón, Aitor
        Urkizu Etxabe."): the person holding the role, whose name no list knows (marked unconfirmed). Never
        a known name or place, nor one with an institution's word. A role that opens the sentence may be
        followed by a common noun with its article, another phrase in apposition ("Liderul partidului vizat,
        Viitorul Comun, …": the party): no name there. (After a role inside the sentence, the parser may
        read a foreign name so: "Ertuğrul".) A name may hold particles ("Solista trupei, Caoimhe Ní
        Fhlannagáin, a vorbit")."""
        out = []
        for token in doc:
            if not (token.is_lower or token.is_sent_start) or token.pos_ != "NOUN" or not self._is_role(token) \
                    or "Def" not in token.morph.get("Definite") or "Plur" in token.morph.get("Number"):
                continue
            comma = next((t.i for t in doc[token.i + 1: min(len(doc), token.i + 1 + self.ROLE_PHRASE)]
                          if t.is_punct or t.pos_ in ("VERB", "AUX") or t.is_sent_start), None)
            if comma is None or doc[comma].text != ",":
                continue
            end = comma + 1
            while end < len(doc) and end - comma <= 3 and not doc[end].is_sent_start and (
                    doc[end].is_title and doc[end].text.replace("-", "").isalpha()
                    or end > comma + 1 and key(doc[end].text) in self.particles):
                end += 1
            if not 2 <= end - comma - 1 <= 3 or end < len(doc) and not doc[end].is_punct or not doc[end - 1].is_title:
                continue
            span = doc[comma + 1: end]
            if self._known(span.text) or places.lookup(span.text) or self._ends_with_place(span) \
                    or any(key(t.text) in self.org_heads or self._known(t.text)
                           or token.is_title and t.pos_ == "NOUN" and "Def" in t.morph.get("Definite") for t in span):
                continue
            out.append(self._make(doc, span, "person", span.text, confirmed=False))
        return out

    def _apposed_runs(self, doc: Doc) -> list[Span]:
        """Two or three proper nouns the parser joined as one name (`flat`), then a comma and a role
        ("Larissa Teixeira, interul stânga al Galațiului, a marcat"): a person the model missed (marked
        unconfirmed). Never a known name or place, nor one with an institution's word or a company's
        ending."""
        out = []
        for token in doc:
            if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.dep_.startswith("flat"):
                continue
            end = _flat_end(doc, token.i, token.i + 1, 3)
            if end - token.i < 2 or end + 1 >= len(doc) or doc[end].text != ",":
                continue
            role = doc[end + 1]
            if role.pos_ == "ADJ" and end + 2 < len(doc):
                role = doc[end + 2]  # "…, fostul ministru"
            if not self._is_role(role) or "Def" not in role.morph.get("Definite"):
                continue
            span = doc[token.i:end]
            # (nor a club with its town: "Sheriff Tiraspol, campioana Moldovei")
            if not self._may_be_person(span) or self._named_with_town(span):
                continue
            out.append(self._make(doc, span, "person", span.text, confirmed=False))
        return out

    def _given_runs(self, doc: Doc) -> list[Span]:
        """A known given name followed by capitalized proper nouns ("Medicul Ana-Maria Pârvu"): a person
        the statistical model may have missed. Never a run into a place or an organization's head, nor
        one right after a place's or an institution's word, which it names ("strada Ion Creangă", "Liceului
        Henri Coandă"). A given name that is also a fairly common word needs a title or a role before the
        name ("dr. Diego Álvarez"): on its own it may be the word ("Iulius Mall Summer Tour")."""
        out = []
        for token in doc:
            before = key(doc[token.i - 1].text) if token.i > 0 else ""
            if not token.text[:1].isupper() or key(token.text) not in self.given or self._sizeable(token.text) \
                    or before in self.place_cues or before in self.named_after or before in self.org_heads:
                continue
            end = token.i + 1
            while end < len(doc) and end - token.i < 4 and not doc[end].is_sent_start:
                nxt = doc[end]
                k = key(nxt.text)
                if not (nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and nxt.text.replace("-", "").isalpha()) \
                        or k in self.org_heads or k in self.not_entities or self.known.get(k) or self._sizeable(nxt.text):
                    break
                end += 1
            start = token.i - 1 if self._family_name_first(doc, token, end) else token.i
            if key(token.text) in self.doubtful_given and not (
                    start > 0 and (key(doc[start - 1].text) in self.titles or self._is_role(doc[start - 1]))):
                continue
            if end - start >= 2:
                out.append(self._make(doc, doc[start:end], "person", doc[start:end].text))
        return out

    def _family_name_first(self, doc: Doc, token: Token, end: int) -> bool:
        """The proper noun right before a foreign given name, which the parser joined to it, is a family
        name written first ("dr. Nguyễn Thị Hương"): not a name's inner word, a noun in the genitive or with
        its article, a given name, a known name or a place (nor the run from it a place)."""
        head = doc[token.i - 1] if token.i > 0 else None
        return head is not None and key(token.text) in self.world_given and token.dep_.startswith("flat") \
            and token.head.i == head.i and head.pos_ == "PROPN" and head.is_title and head.is_alpha \
            and not head.is_sent_start and key(head.text) not in self.not_entities \
            and not doc[head.i - 1].text[:1].isupper() and not in_genitive(head) \
            and not key(head.text).endswith(self.genitive_endings) and "Def" not in head.morph.get("Definite") \
            and key(head.text) not in self.given and not self.known.get(key(head.text)) \
            and not self._place_name(doc[head.i:head.i + 1])[1] and not places.lookup(doc[head.i:end].text)

    def _given_alone(self, doc: Doc) -> list[Span]:
        """A known given name on its own, described after a comma as a person ("Marcel, un viticultor din
        Jariștea, spune …", "Gheorghe, fermier din Cobadin, a strâns …", "Ilona, care ține un magazin, spune
        …"), set off after one ("Vecinul ei, Costică, …") or right after a speech verb ("povestește Andrei,
        unul dintre turiști"): someone the article names by first name only, whom the statistical model may
        have missed."""
        out = []
        for token in doc:
            if not token.text[:1].isupper() or key(token.text) not in self.given \
                    or token.i + 3 >= len(doc) or doc[token.i + 1].text != "," \
                    or token.i > 0 and doc[token.i - 1].text[:1].isupper() and not token.is_sent_start:
                continue
            noun = doc[token.i + 2]
            if noun.pos_ == "DET" and noun.is_lower:
                noun = doc[token.i + 3]  # "un viticultor"
            # ("Cătălina, casieră într-un …"; "Ildikó, croitoreasă în fabrică": the tagger may read it an adjective)
            described = noun.is_lower and (self._person_noun(noun) or noun.pos_ in ("NOUN", "ADJ")
                                           and noun.dep_ in ("appos", "amod") and noun.head.i == token.i
                                           and self._agent_noun(noun))
            aged = self._age_after(doc, noun.i)
            # "Ilona, care ține un magazin lângă poligon, spune …": a relative clause about what the name does
            acting = noun.dep_ == "nsubj" and "Rel" in noun.morph.get("PronType") and noun.head.dep_.startswith("acl") \
                and noun.head.head.i == token.i
            if self._sizeable(token.text) and not (described or aged):
                continue  # (a given name that is also a big town: "Mariana", unless an age or a trade follows)
            if described or aged or acting or self._apposed_to_person(doc, token.i) \
                    or token.i > 0 and doc[token.i - 1].pos_ == "VERB" and key(doc[token.i - 1].lemma_) in self.speech_verbs:
                # ("…”, povestește Andrei, unul dintre turiști": the one who speaks)
                out.append(self._make(doc, doc[token.i: token.i + 1], "person", token.text))
        return out

    def _kin_named(self, doc: Doc) -> list[Span]:
        """One capitalized word no list knows, set off by commas in apposition to a word that ties a person
        to a person ("Colegul său de cameră, Ram, spune …"): that person, by the only name the article gives
        (marked unconfirmed). Never after a role, which may head a body ("Directorul companiei, Nordlink,")."""
        out = []
        for token in doc:
            if token.dep_ != "appos" or not token.is_title or not token.is_alpha or len(token.text) < 3 \
                    or key(token.text) in self.given or not 0 < token.i < len(doc) - 1 \
                    or doc[token.i - 1].text != "," or doc[token.i + 1].text != "," \
                    or token.head.i >= token.i or not is_role_word(token.head, self.kin_roles) \
                    or self._known(token.text) or not self._person_word(token) \
                    or getattr(places.lookup(token.text), "kind", None) == "country":
                continue  # (a world town's alternate name may be a given name: "Ram")
            out.append(self._make(doc, doc[token.i: token.i + 1], "person", token.text, confirmed=False))
        return out

    def _person_inside(self, doc: Doc, ent: Span) -> Optional[int]:
        """Where a person's part starts inside a span the model read as one place or organization: a
        lowercase word for a person, then two or more capitalized words to the end ("Europa Liberă
        demograful Cornelia Răducanu")."""
        for i in range(ent.start + 1, ent.end - 2):
            word = doc[i]
            if word.is_lower and word.pos_ == "NOUN" and (self._person_noun(word) or self._agent_noun(word)) \
                    and all(t.text[:1].isupper() for t in doc[i + 1: ent.end]):
                return i
        return None

    def _given_name_as_place(self, doc: Doc, mention: Span, span: Span) -> bool:
        """ "surorile Ana", "după accidentarea Ioanei" read as a place: a given name after a word for a
        person, or a woman's in the genitive right after a noun (not "strada Daliei"), no place of any
        lexicon."""
        word = key(span.text)
        if self._known(span.text):
            return False
        if word in self.given:
            return mention.start < span.start and self._person_noun(doc[mention.start])
        before = doc[span.start - 1] if span.start > 0 else None
        return not places.lookup(span.text) and in_genitive(span[0]) and word.endswith(self.feminine_genitive) \
            and before is not None and before.is_lower and before.pos_ == "NOUN" and key(before.text) not in self.named_after \
            and any(key(c) in self.given for c in uninflect(span.text, self.inflections))

    def _person_after_comma(self, doc: Doc, ent: Span) -> Optional[int]:
        """Where the person starts in a span the model read as one person across a comma, when the words
        before it hold no given name and after it come lowercase words, then two or more capitalized
        ones opening with a given name ("Metz, franțuzoaica Émilie Laurent")."""
        comma = next((t.i for t in ent if t.text == ","), None)
        if comma is None or any(key(t.text) in self.given for t in doc[ent.start: comma]):
            return None
        i = comma + 1
        while i < ent.end and doc[i].is_lower and doc[i].is_alpha:
            i += 1
        rest = doc[i: ent.end]
        if i == comma + 1 or len(rest) < 2 or key(rest[0].text) not in self.given \
                or not all(t.text[:1].isupper() for t in rest):
            return None
        return comma + 1

    def _agent_noun(self, token: Token) -> bool:
        """A noun made for a person who does something ("casieră", "croitor", "vânzătoare"), by its ending;
        not a word for a place or an organization ("orașul", "compania")."""
        return is_agent_noun(token, self.agent_endings, self.thing_words)

    def _age_after(self, doc: Doc, i: int) -> bool:
        """ "Nelu, 58 de ani, …": a number of years set off by commas, a person's age."""
        j = i + 1 + (i + 1 < len(doc) and key(doc[i + 1].text) == "de")
        return doc[i].like_num and j + 1 < len(doc) and key(doc[j].text) in self.year_words and doc[j + 1].text == ","

    def _person_noun(self, token: Token) -> bool:
        """A role or a word for a person ("viticultor", "vecinul", "pensionară")."""
        return is_role_word(token, self.roles) or is_role_word(token, self.kin_roles) \
            or key(token.lemma_) in self.person_nouns or key(token.text) in self.person_nouns

    APPOSED_WINDOW = 2  # words between a person's noun and the comma before the given name ("Vecinul ei,")

    def _apposed_to_person(self, doc: Doc, i: int) -> bool:
        """ "Vecinul ei, Costică, în vârstă de 81 de ani, spune …": a given name set off by commas right
        after a word for a person (and a possessive)."""
        if i < 2 or doc[i - 1].text != ",":
            return False
        return any(self._person_noun(t) for t in doc[max(doc[i].sent.start, i - 2 - self.APPOSED_WINDOW): i - 1])

    def _surnames_alone(self, doc: Doc, found: list[Span]) -> list[Span]:
        """A capitalized word the model left untagged that is the surname of a person the article names
        in full ("o discuție cu Toderică" after "Marian Toderică"): that person again. Only a word on its
        own (not in a longer name: "Liceul Ion Creangă"); at the start of a sentence, where any word has a
        capital, only a proper noun or a subject the article never writes in lowercase ("Cristea a
        părăsit sala"; "Ardelean s-a întâlnit cu …", which the model reads as an adjective)."""
        surnames = {k for s in found if s.label_ == "person" and len(s) >= 2 for k in surname_keys(s.text)}
        # (and a person the article names by one word, a stage name or a given name: "Irisa" again)
        singles = {key(s.text) for s in found if s.label_ == "person" and len(s) == 1 and s._.canonical}
        covered = {i for s in found for i in range(s.start, s.end)}
        lowercase = {key(t.text) for t in doc if t.is_lower}

        def capital(i: int) -> bool:
            return 0 <= i < len(doc) and doc[i].text[:1].isupper()

        out = [self._make(doc, doc[t.i: t.i + 1], "person", t.text) for t in doc
               if t.i not in covered and t.is_title and len(t.text) >= 3 and all(p.isalpha() for p in t.text.split("-"))
               and (not t.is_sent_start or (t.pos_ == "PROPN" or t.dep_ == "nsubj") and key(t.text) not in lowercase)
               and (key(t.text) in surnames and key(t.text) not in self.given or key(t.text) in singles)
               and not capital(t.i - 1) and not capital(t.i + 1) and not self._name_tail(doc, t)]
        # A surname with its particle ("Ní Bhriain a cerut" after "Caoimhe Ní Bhriain"): both words.
        out += [self._make(doc, doc[t.i - 1: t.i + 1], "person", doc[t.i - 1: t.i + 1].text) for t in doc
                if t.i >= 1 and t.i not in covered and t.i - 1 not in covered and t.is_title and t.is_alpha
                and doc[t.i - 1].is_title and key(doc[t.i - 1].text) in self.particles
                and key(doc[t.i - 1: t.i + 1].text) in surnames
                and not capital(t.i - 2) and not capital(t.i + 1)]
        return out

    def _name_tail(self, doc: Doc, token: Token) -> bool:
        """The last word of a longer name the parser joined across a particle ("Broeck" of "Pieter Van den
        Broeck")."""
        return token.dep_.startswith("flat") and token.head.i < token.i and doc[token.i - 1].is_lower \
            and key(doc[token.i - 1].text) in self.particles and token.head.text[:1].isupper()

    def _named_runs(self, doc: Doc, found: list[Span]) -> list[Span]:
        """Two to four proper nouns the parser joined as one name (`flat`, across a name's particle),
        untagged here, whose last words the model reads as a person elsewhere in the article ("în regia
        lituanianului Rokas Žemaitis", then "spune Žemaitis"; "Pieter Van den Broeck", then "potrivit lui
        Van den Broeck"): that person in full. Never a known name or place, nor one with an institution's
        word or a company's ending."""
        names = {key(n) for s in found if s.label_ == "person" for n in (s.text, s._.canonical) if n}
        covered = {i for s in found for i in range(s.start, s.end)}
        out = []
        for token in doc:
            if token.pos_ != "PROPN" or token.dep_.startswith("flat") or token.i in covered \
                    or token.i > 0 and doc[token.i - 1].text[:1].isupper():
                continue
            span = doc[token.i:self._particle_flat_end(doc, token.i)]
            if len(span) < 2 or not any(key(span[j:].text) in names for j in range(1, len(span))) \
                    or any(t.i in covered for t in span) or span.end < len(doc) and doc[span.end].text[:1].isupper():
                continue
            capitals = [t for t in span if not t.is_lower]
            if self._known(span.text) or places.lookup(span.text) \
                    or not all(t.is_alpha and self._person_word(t) for t in capitals):
                continue
            out.append(self._make(doc, span, "person", span.text))
        return out

    def _particle_flat_end(self, doc: Doc, start: int, longest: int = 4) -> int:
        """Where the name starting at `start` ends with the capitalized proper nouns the parser joined to
        it (`flat`), and a name's particle between two of them ("Van den Broeck"); at most `longest` words."""
        end = _flat_end(doc, start, start + 1, longest)
        while end + 1 < len(doc) and end + 1 - start < longest and doc[end].dep_.startswith("flat") \
                and doc[end].is_lower and key(doc[end].text) in self.particles and start <= doc[end].head.i < end:
            after = _flat_end(doc, start, end + 1, longest)
            if after == end + 1:
                break
            end = after
        return end

    def _acronyms_again(self, doc: Doc, found: list[Span]) -> list[Span]:
        """An organization's acronym the article gave ("Complexului Energetic Hunedoara (CEH)"), or the short
        name after a dash that closes its full name ("Regia Națională a Pădurilor – Romsilva"), written
        again where the model did not tag it ("CEH a transmis că …", "Romsilva a transmis"): that
        organization again."""
        inside = lambda s: any(o.start <= s.start and s.end <= o.end and len(o) > len(s) for o in found)  # noqa: E731
        acronyms = {s.text: s for s in found if s.label_ == "organization" and len(s) == 1 and is_acronym(s.text)
                    and s.text not in self.not_orgs and not inside(s)}  # ("Consiliului UE": no "UE" of its own)
        acronyms.update({s[-1].text: s for s in found if s.label_ == "organization" and len(s) >= 4
                         and s[-2].text in DASHES and s[-1].is_title and s[-1].is_alpha and s[-1].text not in acronyms
                         and not self._known(s[-1].text)})
        # ... and a one-word name the article never writes in lowercase, in another sentence ("Livrio, fondată
        # în 2017, livrează …", untagged at a paragraph's start); not after a common noun or before another
        # capitalized word ("lămpile Philips", "revista Carpatair Magazin": a product's, a title's)
        lowercase = {key(t.text) for t in doc if t.is_lower}
        subjects = {s.text: s for s in found if s.label_ == "organization" and len(s) == 1 and s[0].is_title
                    and s[0].is_alpha and len(s.text) >= 4 and s.text not in acronyms and not inside(s)
                    and key(s.text) not in lowercase and key(s.text) not in self.given and not self._known(s.text)
                    and not places.lookup(s.text)}
        covered = {i for s in found for i in range(s.start, s.end)}
        tagged_in = {(s.text, s.sent.start) for s in found}
        out = []
        for t in doc:
            if t.i in covered:
                continue
            if t.text in acronyms:
                named = acronyms[t.text]
            elif t.text in subjects and (t.text, t.sent.start) not in tagged_in \
                    and not doc[t.i + 1: t.i + 2].text[:1].isupper() \
                    and not (t.i > 0 and doc[t.i - 1].pos_ == "NOUN" and doc[t.i - 1].is_lower):
                named = subjects[t.text]
            else:
                continue
            out.append(self._make(doc, doc[t.i: t.i + 1], "organization", named._.canonical or t.text))
        return out

    def _station_runs(self, doc: Doc) -> list[Span]:
        """A radio or television station: one or two capitalized words (a number too) before "FM" or "TV"
        ("Europa FM a transmis", "al Vest 7 TV"), whatever the model took the words for."""
        out = []
        for token in doc:
            if token.text not in STATION_ENDINGS or token.i == 0:
                continue
            start = token.i
            while start > max(0, token.i - 2) and not doc[start].is_sent_start and (
                    doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha or doc[start - 1].is_digit):
                start -= 1
            if start < token.i and doc[start].text[:1].isupper() and key(doc[start].text) not in self.not_entities:
                span = doc[start: token.i + 1]
                known = self._known(span.text)
                out.append(self._make(doc, span, *(known if known else ("organization", span.text))))
        return out

    def _web_names(self, doc: Doc) -> list[Span]:
        """An outlet named by its web address ("Deschide.md", "HotNews.ro"): one capitalized word, a dot
        and a known domain ending (`web_domains`), as one token."""
        out = []
        for token in doc:
            if not is_web_name(token.text, self.web_domains):
                continue
            span = doc[token.i: token.i + 1]
            known = self._known(span.text)
            out.append(self._make(doc, span, *(known if known else ("organization", span.text))))
        return out

    def _suffix_runs(self, doc: Doc) -> list[Span]:
        """A company's name ending in its legal or business form ("Kessler & Partners", "Black Sea
        Ventures", "Brastrans Construct SRL"): the capitalized words before the form, and "&"."""
        out = []
        for token in doc:
            if key(token.text) not in self.org_suffixes or not token.text[:1].isupper() or token.is_sent_start:
                continue
            start = token.i
            while start > 0 and not doc[start].is_sent_start:
                prev = doc[start - 1]
                if prev.is_sent_start and key(prev.text) in self.descriptors \
                        and not self._known(doc[start - 1: token.i + 1].text) and not self._known(doc[start - 1: token.i].text):
                    break  # "Distribuitorul Medivalis Pharma SRL": the word for what it is, capitalized by the sentence
                if prev.text == "&" or prev.text[:1].isupper() and (
                        prev.text.replace("&", "").isalpha() or is_acronym(prev.text)) \
                        and key(prev.text) not in self.not_entities and key(prev.text) not in self.representatives \
                        and prev.text not in self.not_orgs \
                        and (not is_role_word(prev, self.roles) or self._role_in_name(prev)):
                    start -= 1  # (not "servicii IT Nexora Solutions": an acronym that names no organization)
                else:
                    break
            if doc[start].text == "&":
                start += 1
            if token.i - start >= 1:
                span = doc[start: token.i + 1]
                known = self._known(span.text)
                out.append(self._make(doc, span, *(known if known else ("organization", span.text))))
        return out

    def _branch_runs(self, doc: Doc) -> list[Span]:
        """ "Echipele Samusocial România", "Vodafone România a anunțat": a name no lexicon knows, then the
        country its branch is in (`branch_countries`): one organization's name."""
        out = []
        for token in doc:
            if token.text not in self.branch_countries or token.i == 0:
                continue
            start = token.i
            while start > 0 and token.i - start < MAX_BRANCH_WORDS and self._branch_word(doc[start - 1]):
                start -= 1
            if start < token.i and not self._known(doc[start: token.i].text) and not places.lookup(doc[start: token.i].text):
                span = doc[start: token.i + 1]
                out.append(self._make(doc, span, "organization", span.text))
        return out

    def _branch_word(self, token: Token) -> bool:
        k = key(token.text)
        return token.text[:1].isupper() and token.is_alpha and k not in self.given and k not in self.not_entities \
            and k not in self.kind_words and not is_role_word(token, self.roles) \
            and token.pos_ != "NOUN"  # ("Echipele Samusocial România")

    def _person_or_place(self, doc: Doc, mention: Span, span: Span) -> Optional[Span]:
        if not any(self._name_like(doc, t) for t in span):
            # A role noun or pronoun the NER tags as a person ("Președintele", "El"): a reference to
            # someone, kept without a name; a role the article ties to a person names them later.
            return self._make(doc, mention, "person", None, confirmed=False)
        if all(key(t.text) in self.pronouns or key(t.text) in self.not_entities for t in span):
            return None
        landform = self._landform_name(mention)
        if landform is not None:
            return self._make(doc, mention, "place", landform)  # "Vârful Negoiu" read as a person
        if self._after_settlement_cue(doc, span):
            canonical, confirmed = self._place_name(span)
            return self._make(doc, mention, "place", canonical, confirmed)  # "comuna Gheorghe Doja"
        if not self._has_given_name(span):
            # "Kievului", "Moscova" read as a person: an inflected place name, or a big place, or a place's
            # name of two words or more ("Baile Herculane", not after "bulevardul"), or one of a list of
            # places ("orașele Chicago, St. Paul și Detroit").
            canonical, confirmed = self._place_name(span)
            inflected = confirmed and key(canonical) != key(span.text)
            long_name = len(span) >= 2 and not (span.start and key(doc[span.start - 1].text) in self.named_after)
            if confirmed and (inflected or self._sizeable(canonical, PERSON_OR_PLACE_POPULATION) or long_name
                              or self._after_preposition(doc, span[0]) or self._in_place_list(doc, span)):
                if self._club_by_town(doc, span):
                    return self._make(doc, span, "organization", canonical)  # "Antrenorul Craiovei"
                return self._make(doc, mention, "place", canonical)
            if not confirmed and not self._known(span.text) and self._in_place_list(doc, span, cued=True):
                return self._make(doc, mention, "place", span.text, confirmed=False)  # "insulele Corfu, Creta"
        first = span[0]
        if first.pos_ == "NOUN" and first.lemma_[:1].islower() and "Def" in first.morph.get("Definite") \
                and key(first.text) in {key(first.lemma_) + ending for ending in ("ul", "l", "le")} \
                and not any(key(t.text) in self.given or key(t.lemma_) in self.given for t in span):
            # "Viitorul Comun": a common noun with its article and no given name is no person's name
            return self._make(doc, mention, "person", None, confirmed=False)
        words = [t.text for t in span]
        if key(words[0]) not in self.given:
            # "Elenei Dumitrache" -> "Elena Dumitrache", "Claudiei" -> "Claudia": a given name in the genitive.
            words[0] = next((c for c in uninflect(words[0], self.inflections) if key(c) in self.given), words[0])
        return self._make(doc, mention, "person", " ".join(words))

    def _described_after(self, doc: Doc, i: int) -> bool:
        """A comma, "o"/"un" and a word for a person right after token i-1 ("…, o locuitoare din …")."""
        return i + 2 < len(doc) and doc[i].text == "," and key(doc[i + 1].text) in ("o", "un") \
            and self._person_noun(doc[i + 2])

    def _role_right_before(self, doc: Doc, i: int) -> bool:
        """A role noun right before token i, its article perhaps written apart ("DJ-ul Kosmo")."""
        j = i - 1 - (i > 1 and doc[i - 1].text.startswith("-"))
        return j >= 0 and is_role_word(doc[j], self.roles)

    def _person_after_role(self, doc: Doc, span: Span, role: Optional[Token] = None) -> bool:
        """ "locotenent-colonelul Avi Shalev": two or three capitalized words (a proper noun among them)
        right after a person's role, none of them an institution's word, a company's ending or an acronym,
        and not a known organization, name a person (`role`: the word before them, by default)."""
        role = role if role is not None else doc[span.start - 1] if span.start else None
        if not 2 <= len(span) <= 3 or role is None or not self._is_role(role):
            return False
        if key(role.text) in self.org_cues or self._known(span.text) or self._common_genitive(span[0]):
            return False
        if self._body_with_county(doc, span, role) or self._body_of_role(doc, span):
            return False  # ("Liderul Cartel Alfa, Bogdan Hossu": the role's body, its holder after the comma)
        return any(t.pos_ == "PROPN" for t in span) and all(t.is_alpha and self._person_word(t) for t in span)

    def _body_with_county(self, doc: Doc, span: Span, role: Optional[Token] = None) -> bool:
        """Two or three capitalized words after a role, the last a place the gazetteer knows, no given name
        among them: the role's body, named with its county ("Șeful Salvamont Prahova a reamintit")."""
        role = role if role is not None else doc[span.start - 1] if span.start else None
        return 2 <= len(span) <= 3 and role is not None and self._is_role(role) and self._ends_with_place(span) \
            and not self._has_given_name(span)

    def _has_given_name(self, span: Span) -> bool:
        return any(key(t.text) in self.given for t in span)

    def _ends_with_place(self, span: Span) -> bool:
        """The last word is a place the gazetteer knows (a county, a country): not the world's lexicon, whose
        towns are many people's surnames ("Yuki Tanabe", "Emre Kaya")."""
        return self._known_place(span[-1].text)

    def _known_place(self, text: str) -> bool:
        """A place the gazetteer knows, written `text`."""
        known = self._known(text)
        return known is not None and known[0] == "place"

    def _person_word(self, token: Token) -> bool:
        """A capitalized word that may be part of a person's name: no acronym, no institution's word and no
        company's ending."""
        return token.text[:1].isupper() and not is_acronym(token.text) and key(token.text) not in self.org_heads \
            and key(token.text) not in self.org_suffixes

    def _may_be_person(self, span: Span) -> bool:
        """Words a person's name the model missed may be: no known name, no place, each a capitalized
        word with no acronym, institution's word or company's ending."""
        return not self._known(span.text) and not places.lookup(span.text) \
            and all(t.is_alpha and self._person_word(t) for t in span)

    def _after_genitive_article(self, doc: Doc, mention: Span, span: Span) -> bool:
        """ "directorul general al Lactis Carpatia": a name right after the genitive article is whose, and
        a person's name there takes "lui" ("al lui Ion Popa") or the genitive ending ("al Mariei"); so a
        name there with neither, that is no known given name or place, names an organization."""
        i = mention.start
        if i == 0 or key(doc[i - 1].text) not in self.genitive or doc[i - 1].pos_ != "DET" or mention.start != span.start:
            return False
        first = span[0]
        return key(first.text) not in self.given and not in_genitive(first) and not key(first.text).endswith(self.genitive_endings) \
            and not places.lookup(span.text) and not self._known(span.text)

    def _name_after_medium(self, span: Span) -> Optional[int]:
        """Where a person's name starts in what the model read as one organization: a news medium the
        gazetteer knows, then two to four capitalized words a person's name may hold, none known and
        none a medium's word ("Al Jazeera Khaled Abu Samra"); None when it is not so."""
        for j in range(1, len(span) - 1):
            known = self._known(span[:j].text)
            if known is None or known[1] not in self.media:
                continue
            rest = span[j:]
            if 2 <= len(rest) <= 4 and self._may_be_person(rest) and not any(key(t.text) in self.media_words for t in rest):
                return j
            return None
        return None

    def _given_name_first(self, doc: Doc, span: Span) -> bool:
        """ "Tomás Olivera" read as an organization: two or three capitalized words, the first a known
        given name, none an institution's word, a company's ending, a medium's word or an acronym, and not
        right after a word for what is named after a person ("Aeroportul Henri Coandă") nor in quotes."""
        if not 2 <= len(span) <= 3 or key(span[0].text) not in self.given or self._known(span.text) \
                or places.lookup(span.text):
            return False
        before = doc[span.start - 1] if span.start else None
        if before is not None and (before.is_quote or key(before.text) in self.named_after
                                   or key(before.text) in self.org_heads or key(before.text) in self.org_cues):
            return False
        return all(t.text.replace("-", "").isalpha() and self._person_word(t) and key(t.text) not in self.media_words
                   for t in span)

    @staticmethod
    def _common_genitive(token: Token) -> bool:
        """ "Camerei", "Directoratului": a common noun in the genitive, capitalized as a name's first word."""
        return token.pos_ == "NOUN" and key(token.lemma_) != key(token.text) \
            and in_genitive(token)

    def _after_org_word(self, doc: Doc, span: Span) -> bool:
        """ "operatorul Ukrenergo", "compania SpaceX": a word for a kind of organization right before, or
        with its field after it ("compania de cercetare Novel Research", "firma de construcții Alfa
        Grup", "firma de consultanță imobiliară Locativa Research"), or with its possessive, in apposition
        ("Compania sa, Tünelkent Yapı")."""
        i = span.start
        if i > 0 and doc[i - 1].text == "," and doc[i - 2].pos_ in ("DET", "PRON") and doc[i - 2].is_lower:
            i -= 2  # "Compania sa, Tünelkent Yapı, …"
        elif i > 1 and doc[i - 1].is_lower and doc[i - 1].pos_ == "ADJ" and doc[i - 2].is_lower and doc[i - 2].pos_ == "NOUN":
            i -= 1  # "firma de consultanță imobiliară Locativa Research"
        if i > 0 and key(doc[i - 1].text) in self.org_cues:
            return True
        return i > 2 and doc[i - 1].is_lower and doc[i - 1].pos_ == "NOUN" and key(doc[i - 2].text) in self.connectors \
            and key(doc[i - 3].text) in self.org_cues

    def _club_by_town(self, doc: Doc, span: Span) -> bool:
        """ "antrenorul lui Liverpool", "a jucat pentru Barcelona", "partidele cu Valencia, Arsenal și
        Liverpool": a town (not a country: national teams are their country) that a word of sport before
        it governs, with no preposition of place ("meciul de la Cluj" is where it was played)."""
        if len(span) != 1:
            return False
        canonical, confirmed = self._place_name(span)
        place = places.lookup(canonical) if confirmed else None
        if place is None or place.kind != "city":
            return False
        token = span[0]
        while token.dep_ == "conj" and token.head.i < token.i:
            token = token.head
        if any(c.dep_ == "case" and key(c.text) not in self.club_cases for c in token.children):
            return False
        head = token.head
        before = doc[token.i - 1]
        if before.i != head.i and (before.text[:1].isupper() or before.is_digit):
            return False  # "antrenorul CFR Cluj": the end of the club's own name
        return head.i < token.i and token.dep_ in ("nmod", "obl", "obj") \
            and (key(head.lemma_) in self.sport_words or key(head.text) in self.sport_words)

    def _clause_start(self, doc: Doc, token: Token) -> bool:
        """First word of a sentence or of a sentence inside a quotation: capitalized for grammar only."""
        if token.is_sent_start:
            return True
        before = [t for t in doc[max(0, token.i - 3): token.i] if not t.is_space]
        while before and all(ch in "„“”\"«»'‘’(—–-*•·" for ch in before[-1].text):
            before.pop()
        return not before or before[-1].text in (".", "!", "?", "…", ":", "|")  # "Ora 17:05 | Moțiunea …"

    def _after_preposition(self, doc: Doc, token: Token) -> bool:
        """ "atacuri la Mariupol", "din Krasnodar": a place preposition before the word, and no
        capitalized name before that (which would make it part of "Universitatea din Berna")."""
        if token.i < 2 or key(doc[token.i - 1].text) not in self.place_prepositions:
            return False
        before = doc[token.i - 2]
        return not (before.text[:1].isupper() and not before.is_sent_start)

    def _in_place_list(self, doc: Doc, span: Span, cued: bool = False) -> bool:
        """ "regiunile Odesa și Dnipropetrovsk", "orașele Chicago, St. Paul și Detroit": one of a list of
        names (commas, then "și" before the last) another of which the model read as a place, or which a
        place word opens (`cued`: only the latter). A name after a comma alone is an apposition, not a
        list: "comunei Brebu Nou, Werner Kessler"."""
        names, joined = self._list_of_names(doc, span, bare=True)
        first = names[0]
        if joined and key(doc[first].text) in self.place_cues:
            return True
        # (the kind right before the first name, or a few words before: "comunele limitrofe, precum …";
        # a plural kind makes a list of names joined by commas alone: "suburbiile Clovelly, Fish Hoek, …")
        i = first - 1
        while i > 0 and first - i <= LIST_KIND_WINDOW and (doc[i].text == "," or key(doc[i].text) in self.list_introducers
                                                          or doc[i].is_lower and doc[i].pos_ == "ADJ"):
            i -= 1
        if i >= 0 and key(doc[i].text) in self.place_cues and (joined or len(names) > 1 and "Plur" in doc[i].morph.get("Number")):
            return True
        return joined and not cued and any(doc[i].ent_type_ in PLACE_LABELS for i in names if i != span.start)

    def _personal_object(self, doc: Doc, span: Span) -> bool:
        """ "o execută pe Roxana", "l-a învins pe Sveinn": "pe" before a name the verb takes as its
        object, or which a clitic pronoun doubles, marks a person ("pe Valea Tisei" is where)."""
        if span.start == 0 or key(doc[span.start - 1].text) not in self.object_markers:
            return False
        root = span.root
        if root.pos_ != "PROPN":
            return False  # ("lucrarile pe Calea Mosilor" parsed as an object)
        return root.dep_ == "obj" or any(c.pos_ == "PRON" and "Acc" in c.morph.get("Case") and "Weak" in c.morph.get("Strength")
                                         for c in root.head.children)

    def _people_of(self, doc: Doc, i: int) -> bool:
        """ "cei de la Aerosmith", "celor de la Rapid": the people of a body, before its name."""
        return i >= 3 and key(doc[i - 3: i].text) in self.people_of

    def _among_people(self, doc: Doc, span: Span) -> bool:
        """One of a list of names the model read as people (and as no organization), none of which a
        lexicon knows as a place: "Burgess, Gheorghe, Jeremic, Komatina și Drăgușin", "Brod, Karako,
        Malioglu și Shertok"."""
        names, joined = self._list_of_names(doc, span)
        if not joined:
            return False  # ("ministrul Energiei, Victor Parlicov": an apposition)
        labels = set()
        for i in names:
            if i == span.start:
                continue
            if self._place_name(doc[i:_model_name_end(doc, i)])[1]:
                return False  # ("între Năvodari și Vama Veche", Năvodari read as a person)
            if NER_LABELS.get(doc[i].ent_type_) != "place":
                labels.add(NER_LABELS.get(doc[i].ent_type_))  # (the places no lexicon knows do not count)
        return labels == {"person"}

    def _list_of_names(self, doc: Doc, span: Span, bare: bool = False) -> tuple[list[int], bool]:
        """(first token of each name of the list around the span, whether "și" or "sau" joins two of them):
        names the model read as entities, and with `bare` any proper noun too."""
        names, joined = [span.start], False
        for step in (-1, 1):
            edge = span.start if step < 0 else span.end - 1
            for _ in range(MAX_LIST_NAMES):
                sep = edge + step
                if not 0 < sep < len(doc) - 1 or not self._list_joiner(doc[sep]):
                    break
                near = doc[sep + step]
                plain = bare and _bare_proper(near)
                if not (near.ent_type_ or plain) or not near.text[:1].isupper():
                    break
                joined = joined or doc[sep].text != ","
                start = end = near.i
                if plain:  # (a run of capitalized proper nouns: "Fish Hoek")
                    while start > 0 and _bare_proper(doc[start - 1]):
                        start -= 1
                    while end + 1 < len(doc) and _bare_proper(doc[end + 1]):
                        end += 1
                while start > 0 and doc[start].ent_iob_ == "I":
                    start -= 1
                end = _model_name_end(doc, end) - 1
                if step < 0:
                    names.insert(0, start)
                    edge = start
                else:
                    names.append(start)
                    edge = end
        return names, joined

    @staticmethod
    def _company_acronym(token: Token) -> bool:
        """An acronym of three letters or more, no initials ("A.D. Xenopol") and no Roman numeral."""
        return token.text.isalpha() and len(token.text) >= 3 and is_acronym(token.text) and not _roman(token.text)

    def _landform_name(self, span: Span) -> Optional[str]:
        """ "Vârful Negoiu", "Munților Făgăraș", "Câmpiei Române": a landform's word and a capitalized name
        after it, in the nominative ("Munții Făgăraș", "Câmpia Română"); None for anything else."""
        words = span.text.split()
        if not words[0][:1].isupper():
            return None  # "munții Făgăraș": a common noun before the name
        for head in self.landform_heads:
            if len(words) <= len(head) or not words[len(head)][:1].isupper():
                continue
            forms = [words[0], *uninflect(words[0], self.inflections, min_stem=2)]
            first = next((f for f in forms if [key(f), *map(key, words[1:len(head)])] == head), None)
            if first is None:
                continue
            rest = words[1:]
            if first != words[0] and first.endswith("a"):
                # a feminine head back in the nominative takes its adjectives with it ("Câmpiei Române")
                rest = [self._adjective(w) if span[1 + j].pos_ == "ADJ" else w for j, w in enumerate(rest)]
            return " ".join([first, *rest])
        return None

    def _landform_rest(self, name: str) -> Optional[str]:
        """The name after a landform's word ("Bucegi" of "Munții Bucegi"), or None."""
        words = name.split()
        return next((" ".join(words[len(head):]) for head in self.landform_heads
                     if len(words) > len(head) and [key(w) for w in words[:len(head)]] == head), None)

    NAME_TAIL = 2  # capitalized words a place's name may run on after the word the model tagged

    def _with_name_tail(self, doc: Doc, span: Span) -> Span:
        """The name after a place's kind, with the capitalized words the model left outside it ("satul
        Fundu Râpii"): up to NAME_TAIL words, none tagged as another name."""
        end = span.end
        while end < min(len(doc), span.end + self.NAME_TAIL) and doc[end].is_alpha and doc[end].text[:1].isupper() \
                and not doc[end].is_sent_start and doc[end].ent_iob_ == "O":
            end += 1
        return doc[span.start:end]

    def _after_settlement_cue(self, doc: Doc, span: Span) -> bool:
        """ "comuna Gheorghe Doja": a settlement's kind right before the name, and no role before that
        ("primarul comunei Ion Pop")."""
        cue = span.start - 1
        if cue > 0 and doc[cue].is_lower and doc[cue].pos_ == "ADJ":
            cue -= 1  # "localității sibiene Copșa Mică"
        if cue < 0 or key(doc[cue].text) not in self.settlement_cues:
            return False
        return cue < 1 or not self._is_role(doc[cue - 1])

    def _after_place_word(self, doc: Doc, span: Span) -> bool:
        """ "regiunea Kursk", "orașul Enerhodar": a place word right before the name."""
        return span.start > 0 and key(doc[span.start - 1].text) in self.place_cues

    @staticmethod
    def _sizeable(name: str, population: int = MIN_PLACE_POPULATION) -> bool:
        """A country, region or state, or a city of at least `population` inhabitants."""
        place = places.lookup(name)
        return place is not None and (place.kind != "city" or place.population >= population)

    def _lexicon_places(self, doc: Doc, found: list[Span]) -> list[Span]:
        """Proper nouns the NER missed: after a place word ("regiunea Kursk"), or known to the lexicon
        as a sizeable place and not a given name, never at the start of a sentence: after a place
        preposition ("atacuri la Mariupol"), a bearing ("la 48 de kilometri sud-est de Leicester") or
        next to another place in a list ("Cambodgia, Laos"). A run of two or three capitalized words
        counts only when the lexicon knows the whole run ("în Sri Lanka")."""
        taken = [False] * len(doc)
        places_at = set()
        for span in [*found, *doc.ents]:
            for i in range(span.start, span.end):
                taken[i] = True
                if span.label_ in PLACE_LABELS or span.label_ == "place":
                    places_at.add(i)
        out = []
        for token in doc:
            if taken[token.i] or not token.text[:1].isupper() or token.is_sent_start or token.is_upper:
                continue
            if self._capital_before(doc, token.i, taken):
                continue  # inside a run that started earlier
            end = token.i + 1
            while end < len(doc) and end - token.i < MAX_LEXICON_RUN and not taken[end] and _capitalized_proper(doc[end]):
                end += 1
            span = doc[token.i: end]
            # ("pârâul Vasluieț"; "Pârâul Oii" is a name of its own the model missed)
            cue = len(span) == 1 and (self._after_place_word(doc, span)
                                      or doc[token.i - 1].is_lower and self._after_settlement_cue(doc, span))
            if token.pos_ != "PROPN" and not cue:
                continue
            listed = token.pos_ == "PROPN" and self._in_place_list(doc, span, cued=True)  # ("suburbiile …, Glencairn, …")
            if listed and end < len(doc) and doc[end].is_digit and len(doc[end].text) <= 2:
                span = doc[token.i: end + 1]  # ("cartierele Cotu Mic și Micro 4")
            canonical, confirmed = self._place_name(span)
            if len(span) > 1 and not confirmed and not listed:
                continue
            placed = self._after_preposition(doc, token) or self._after_bearing(doc, token.i) \
                or self._next_to_place(doc, span, places_at)
            sizeable = confirmed and placed and (self._sizeable(canonical) or self._after_preposition(doc, token))
            if key(span.text) in self.given or key(token.text) in self.not_entities:
                continue
            if cue or sizeable or listed:
                out.append(self._make(doc, span, "place", canonical, confirmed or cue or listed))
        return out

    @staticmethod
    def _capital_before(doc: Doc, i: int, taken: list[bool]) -> bool:
        return not taken[i - 1] and _capitalized_proper(doc[i - 1]) and not doc[i - 1].is_sent_start

    def _after_bearing(self, doc: Doc, i: int) -> bool:
        """ "la nord de Cluj", "sud-est de Leicester", "la 25 km de Iași": a bearing or a distance, then "de"."""
        if i < 2 or key(doc[i - 1].text) not in self.bearing_links:
            return False
        word = key(doc[i - 2].text)
        return word in self.distance_units or all(part in self.bearings for part in word.replace("-", " ").split())

    def _next_to_place(self, doc: Doc, span: Span, places_at: set[int]) -> bool:
        """ "Cambodgia, Laos, Birmania": a comma, "și" or "sau" between the name and a place."""
        return span.start >= 2 and self._list_joiner(doc[span.start - 1]) and span.start - 2 in places_at \
            or span.end + 1 < len(doc) and self._list_joiner(doc[span.end]) and span.end + 1 in places_at

    def _list_joiner(self, token: Token) -> bool:
        """What stands between two names of a list: a comma, "și" or "sau"."""
        return token.text == "," or key(token.text) in self.and_words or key(token.text) in self.or_words

    def _trim(self, doc: Doc, ent: Span, label: str) -> Optional[tuple[Span, Span]]:
        """(mention, name) inside a NER span. The mention drops punctuation and function words at its
        edges (it may hold a role after a comma, as RONEC's mentions do: "Ion Popa, ministrul"); the
        name also drops titles, roles and lowercase words before it ("dl Adrian Bodo" -> "Adrian Bodo")
        and, for a person, anything from a comma on. An organization keeps its inner lowercase words
        and a closing bracket or quotation mark whose opening one it holds."""
        start, end = ent.start, ent.end
        while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].pos_ in ("ADP", "CCONJ")):
            start += 1
        # "Comisia pentru drepturile omului": an institution's name the model read whole keeps its
        # lowercase words (not a verb's clause, nor the function words it ends on).
        described = label == "organization" and start < end and key(doc[start].text) in self.org_heads \
            and not any(t.pos_ in ("VERB", "AUX") or t.like_num for t in doc[start:end])
        while end > start and (self._trailing_noise(doc, start, end, keep_lower=label == "person" or described)
                               or described and doc[end - 1].is_lower and doc[end - 1].pos_ in _FUNCTION_POS):
            end -= 1
        if label == "organization":
            # "Ministerul Sportului din octombrie": a month or a weekday and what leads to it are a date
            dated = next((i for i in range(start + 1, end) if key(doc[i].text) in self.date_words
                          and doc[i].is_lower and (doc[i - 1].pos_ == "ADP" or doc[i - 1].like_num)), None)
            if dated is not None:
                end = dated
                while end > start and (doc[end - 1].pos_ == "ADP" or doc[end - 1].like_num):
                    end -= 1  # (and the preposition or the day before it)
        if start >= end:
            return None
        name_start, name_end = start, end
        while name_start < name_end - (label == "person") and self._leading_noise(doc[name_start], label) \
                and not self._known_place(doc[name_start:name_end].text):
            name_start += 1  # (not from a place's whole name the gazetteer knows: "Marea Britanie" is no sea)
        if label == "person" and name_start > start and doc[name_start - 1].is_lower \
                and key(doc[name_start - 1].text) in self.genitive and key(doc[name_start].text) not in self.given:
            return None  # "Secretarul executiv al Convenției-cadru": the role's body, its holder not named
        if label == "person":
            name_start = self._after_named_place_or_org(doc, name_start, name_end)
        if label == "organization":
            start = name_start  # "șeful Hidroelectrica": the role before an organization is a person's
        if label == "person":
            # "pentru ZF Radu Costache", "pentru Știrile ProTV Ioana Mocanu": the newsroom before the name
            # is no part of the person's mention.
            while start < name_start and ((self._known(doc[start].text) or ("",))[0] == "organization"
                                          or is_web_name(doc[start].text, self.web_domains)):
                start += 1
            if start < name_start and (self._known(doc[start:name_start].text) or ("",))[0] == "organization":
                start = name_start
        if label == "person":
            for i in range(name_start, name_end):
                if doc[i].is_punct and doc[i].text not in "-.'’":
                    name_end = i
                    break
                if i > name_start and any(ch.isdigit() for ch in doc[i].text):
                    name_end = end = i  # "iar Dan Hrițcu 38%": a figure after the name, no part of it
                    break
                if i > name_start and doc[i].is_lower and doc[i].is_alpha and key(doc[i].text) not in self.particles:
                    name_end = i
                    if doc[i].pos_ == "ADP" and i + 1 < end and doc[i + 1].text[:1].isupper():
                        end = i  # "Moraru pentru HotNews": the mention too ends before another name's preposition
                    break
            while name_end > name_start and self._trailing_noise(doc, name_start, name_end):
                name_end -= 1
        name = doc[name_start:name_end]
        if not len(name) or not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[start:end]):
            return None
        return doc[start:end], name

    def _after_named_place_or_org(self, doc: Doc, start: int, end: int) -> int:
        """Where a person's name starts when the model read a known organization before a given name
        ("pentru Știrile ProTV Ioana Mocanu"), or a place after its preposition before two capitalized
        words ("a declarat la Geneva Marianne Dufour") as part of it."""
        for j in range(start + 1, end - 1):
            if key(doc[j].text) in self.given and key(doc[j - 1].text) not in self.given \
                    and (self._known(doc[start:j].text) or ("",))[0] == "organization":
                return j
        if end - start >= 3 and start > 0 and key(doc[start - 1].text) in self.place_prepositions \
                and places.lookup(doc[start].text) and key(doc[start].text) not in self.given \
                and all(t.text[:1].isupper() and t.is_alpha for t in doc[start + 1:end]):
            return start + 1
        return start

    def _trailing_noise(self, doc: Doc, start: int, end: int, keep_lower: bool = False) -> bool:
        last = doc[end - 1]
        if last.text in ")”\"»'" and any(t.text in "(„“”\"«'" for t in doc[start:end - 1]):
            return False
        if last.text.startswith("-") and end - 1 > start:
            return False  # "Ludovic al XIV-lea": an ordinal ending
        if last.like_num and any(c in last.text for c in ",."):
            return True  # "Centrul Național al Cinematografiei 2,1": a figure after the name
        if keep_lower and last.is_lower:
            return False  # a person's mention may end in their role: "Ion Popa, ministrul"
        return last.is_punct or last.is_space or (last.is_lower and key(last.text) not in self.nationality)

    @staticmethod
    def _role_in_name(token: Token) -> bool:
        """A role's word capitalized inside a sentence, bare (no article): part of a company's name
        ("Administratorul judiciar, Expert Insolvență Carpați SPRL"), not a role before it."""
        return token.text[:1].isupper() and not token.is_sent_start and "Def" not in token.morph.get("Definite") \
            and token.i > 0 and not token.doc[token.i - 1].is_quote

    def _leading_noise(self, token: Token, label: str) -> bool:
        k = key(token.text)
        if token.is_punct or token.is_space or token.pos_ in ("DET", "ADP", "CCONJ"):
            return True
        if label == "person":
            # (a sentence's first word, a noun with its definite article, is a description: "Ciobanul
            # Vasile Moraru"; "Elenei Dumitrache" is a given name in the genitive)
            nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            return (token.is_lower or k in self.titles or is_role_word(token, self.roles) or k in self.not_entities
                    or is_acronym(token.text) or self.known.get(k, ("",))[0] == "organization"
                    or is_web_name(token.text, self.web_domains)  # "pentru Start-up.ro Tudor Bălănescu"
                    # "prefectul de Ilfov Sorin Vâlcu": the place of the role, then the given name
                    or nxt is not None and k not in self.given and key(nxt.text) in self.given
                    and (self._place_name(token.doc[token.i: token.i + 1])[1]
                         # "ministrul Mediului Sorin Mateescu": a common noun in the genitive, then the given name
                         or token.pos_ == "NOUN" and in_genitive(token))
                    or token.is_sent_start and token.pos_ == "NOUN" and "Def" in token.morph.get("Definite")
                    and k not in self.given and key(token.lemma_) not in self.given)
        if label == "place":  # ("DJ-ul Kosmo": a role with its article before a name; not "General Berthelot")
            return token.is_lower or k in self.place_cues or is_role_word(token, self.roles) and (
                token.i + 1 < len(token.doc) and token.doc[token.i + 1].text.startswith("-"))
        # "Reprezentantii Termoserv SA", "Fondatorul Plativo Technologies"
        return token.is_lower or token.is_sent_start and (k in self.not_entities or is_role_word(token, self.roles))

    def _name_like(self, doc: Doc, token: Token) -> bool:
        """A proper noun: tagged so, or capitalized inside the sentence, or - at its start, where every
        word is capitalized - a word whose lemma keeps its capital, a known given name, or a word the
        article also capitalizes elsewhere ("Grossi a spus" ... "a declarat Grossi")."""
        k = key(token.text)
        if not token.text[:1].isupper() or k in self.pronouns or k in self.not_entities or is_role_word(token, self.roles):
            return False
        if token.pos_ in ("NOUN", "PRON", "DET") and "Plur" in token.morph.get("Number"):
            return False  # "Reprezentanții", "Oamenii": people, not a person's name
        if token.pos_ == "PROPN" or not self._clause_start(doc, token):
            return True
        if k in self.given:
            return True
        if token.pos_ == "NOUN" and "Def" in token.morph.get("Definite"):
            return False  # "Șoferul a spus": a common noun with its article, which the lemmatizer left capitalized
        if token.lemma_[:1].isupper():
            return True
        return any(t.text == token.text and not self._clause_start(doc, t) for t in doc)

    def _proper_inside(self, span: Span) -> bool:
        """A capitalized word inside the sentence (not only at its start) that is not a known non-name."""
        return any(t.text[:1].isupper() and (not t.is_sent_start or t.pos_ == "PROPN")
                   and key(t.text) not in self.not_entities for t in span)

    def _make(self, doc: Doc, span: Span, kind: str, canonical: str, confirmed: bool = True) -> Span:
        start, end = span.start, span.end
        if kind == "place":
            # "stațiunea Mamaia", "județul Cluj": the kind of unit is no part of a place's mention; a street's
            # or a water's word is ("strada Lipscani", "râul Siret")
            while start < end - 1 and (doc[start].is_lower and key(doc[start].text) not in self.named_place_words
                                       or is_role_word(doc[start], self.roles)):
                start += 1  # (nor is a role: "Premierul Marii Britanii, Theresa May")
            part = self._part_of_region(doc, start, end)
            if part > end and canonical:
                known = places.lookup(doc[start:part].text)  # ("Arabia saudită" -> Arabia Saudită)
                canonical = known.name if known else " ".join([canonical, doc[end:part].text])  # "Europa occidentală"
                end = part
        out = Span(doc, start, end, label=kind)
        if kind == "organization" and canonical and len(span) and canonical.endswith(span[-1].text):
            canonical = self._full_stop(span, canonical)
        out._.canonical = canonical
        out._.confirmed = confirmed
        return out

    def _part_of_region(self, doc: Doc, start: int, i: int) -> int:
        """Where a region's part named after it ends ("Europa occidentală", "Asia de sud-est"), or the name
        of a country with a lowercase word ("Arabia saudită"), or i."""
        if i < len(doc) and doc[i].is_lower and (key(doc[i].text) in self.region_parts
                                                 or doc[i].is_alpha and places.lookup(doc[start: i + 1].text)):
            return i + 1
        if i + 1 < len(doc) and key(doc[i].text) in self.bearing_links and doc[i + 1].is_lower \
                and all(part in self.bearings for part in key(doc[i + 1].text).split()):
            return i + 2
        return i

    # -- canonical names --------------------------------------------------------------------------

    def _known(self, text: str) -> Optional[tuple[str, str]]:
        """(kind, canonical) of the gazetteer name written `text`; a text with diacritics must have them
        where the gazetteer does ("Șiria" is not "Siria")."""
        known = self.known.get(key(text))
        if known and lang_mod.ascii_fold(text) != text and lang_mod.spelled(text) not in self.spelled:
            return None
        return known

    def _place_name(self, span: Span) -> tuple[str, bool]:
        """(base form, confirmed): "Kievului" -> ("Kiev", True); unknown names stay as written."""
        text = span.text
        exact = places.lookup_exact(text)
        if exact is not None and lang_mod.spelled(text) not in self.spelled:
            return text, True  # "Șiria" (a village) is not "Siria" (Syria), whatever the folded keys say
        known = self._known(text)
        if known and known[0] == "place":
            return known[1], True
        if places.lookup(text):
            return text, True
        definite = self._definite(text)
        if definite and definite[0] == "place":
            return definite[1], True
        words = text.split()
        for candidate in uninflect(words[-1], self.inflections) + [span[-1].lemma_]:
            full = " ".join([*words[:-1], candidate])
            known = self._known(full)
            if known and known[0] == "place":
                return known[1], True
            if candidate[:1].isupper() and places.lookup(full):
                return full, True
        if len(words) > 1:
            head = uninflect(words[0], self.inflections)
            for candidate in head:
                full = " ".join([candidate, *words[1:]])
                if places.lookup(full):
                    return full, True
        return text, False

    def _org_name(self, span: Span) -> str:
        party = self._party_branch(span) or self._known_body_in(span)
        if party:
            return party
        i = _inner_acronym(span)
        if i is not None:  # "Direcția de Sănătate Publică (DSP) Teleorman" -> without the acronym
            words = self._org_base(span.doc[span.start:i]) + " " + span.doc[i + 3:span.end].text  # "Biroului" -> "Biroul"
            return _quotes_paired(words.strip())
        return _quotes_paired(self._org_base(span))

    def _known_body_in(self, span: Span) -> Optional[str]:
        """ "Organizației Mondiale a Sănătății în România": a known organization's office in a place is that
        organization (`office_prepositions`)."""
        for token in span[1:-1]:
            if key(token.text) in self.office_prepositions and self._place_name(span.doc[token.i + 1:span.end])[1]:
                known = self._known(self._org_base(span.doc[span.start:token.i]))
                return known[1] if known and known[0] == "organization" else None
        return None

    def _party_branch(self, span: Span) -> Optional[str]:
        """ "PSD Buzău", "PNL Cluj": a party's county or town branch is the party, as a story's facts list
        it (the sentence a fact links to still shows the branch)."""
        for j in range(len(span) - 1, 0, -1):
            known = self._known(span[:j].text)
            if known and known[1] in self.parties:
                return known[1] if self._place_name(span[j:])[1] else None
        return None

    def _full_stop(self, span: Span, name: str) -> str:
        """ "… Tisza Food Kft.": a company's dotted ending at the end of a sentence keeps its full stop, which
        is also the abbreviation's."""
        if span.end < len(span.doc) and span.doc[span.end].text == "." and span[-1].text + "." in self.dotted_suffixes:
            return name + "."
        return name

    def _org_base(self, span: Span) -> str:
        """ "Ministerului Apărării" -> "Ministerul Apărării", "Comisiei Europene" -> "Comisia Europeană";
        a descriptor before a proper name is not part of it ("Compania Hidroelectrica" -> "Hidroelectrica")."""
        words = span.text.split()
        if len(span) >= 2 and key(words[0]) in self.descriptors:
            rest = span[1:]
            # Lowercase words between the descriptor and the name ("Compania privată DTEK", "Clubul de
            # fotbal Sepsi OSK"), but not a connector right before capitals ("Bursa de Valori București").
            lower = next((j for j, t in enumerate(rest) if not t.is_lower), len(rest))
            if 0 < lower < len(rest) and key(rest[lower - 1].text) not in self.connectors:
                rest = rest[lower:]
            # (a brand the model reads as a common noun is capitalized and ends in a proper noun:
            # "Rețeaua Provizia Market"; not a place: "Banca Transilvania" keeps its name)
            seat = len(rest) == len(span) - 1 and self._place_name(rest)[1]  # the descriptor, then a place
            if not seat and (all(t.pos_ == "PROPN" or is_acronym(t.text) or is_camel_case(t.text) for t in rest) or (
                    rest[-1].pos_ == "PROPN" and all(t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() for t in rest))):
                known = self._known(rest.text)
                return known[1] if known else rest.text
            found = self._nominative(words[0], self.descriptors) if seat else None
            if found is not None:  # "Băncii Transilvania" -> "Banca Transilvania": a place is no name alone
                spelled = self.descriptor_forms[key(found)]
                return f"{spelled[:1].upper()}{spelled[1:]} {rest.text}"
        if is_acronym(words[0]) or len(words) == 1:
            return span.text
        # (a head word of the list confirms a short stem: "Apelor Române" -> "Apele Române")
        for candidate in uninflect(words[0], self.inflections, min_stem=2):
            if key(candidate) in self.club_words and len(words) == len(span) and all(t.pos_ == "PROPN" for t in span[1:]):
                return " ".join([candidate, *words[1:]])  # "Unirii Dej" -> "Unirea Dej": the club and its town
            if key(candidate) in self.org_heads:
                rest = words[1:]
                if candidate.endswith("a") and rest and rest[0][:1].isupper() and (
                        len(words) != len(span) or span[1].pos_ != "NOUN"):
                    # A feminine head back in the nominative takes its adjectives with it ("Direcției
                    # Generale Regionale" -> "Direcția Generală Regională"); not those of a noun after it
                    # ("Federației Sindicatelor Libere": the unions are free).
                    rest = [self._adjective(rest[0]), *rest[1:]]
                    for j in range(1, len(rest) if len(words) == len(span) else 1):  # (words are its tokens)
                        if span[j + 1].pos_ != "ADJ" or not rest[j][:1].isupper():
                            break
                        rest[j] = self._adjective(rest[j])
                return " ".join([candidate, *rest])
        return span.text

    def _head_nominative(self, word: str) -> str:
        """An organization's head word alone, in the nominative with its article: "Primăriei" -> "Primăria"."""
        return self._nominative(word, self.org_heads) or word

    def _nominative(self, word: str, table: set[str]) -> Optional[str]:
        """`word` or a form of it back in the nominative with its article ("-l", "-a") that `table` holds."""
        return next((c for c in [word, *uninflect(word, self.inflections)] if key(c) in table and c[-1:] in ("l", "a")), None)

    def _adjective(self, word: str) -> str:
        for ending, base in self.adjective_inflections:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                return word[: len(word) - len(ending)] + base
        return word

    # -- within the article -----------------------------------------------------------------------

    def _one_kind(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A name the article gives several kinds takes the kind of most of its mentions (ties: an
        organization, then a place); the article's own publication is an organization, and so is a
        company's name written without its ending ("Costruzioni Adige" after "Costruzioni Adige SpA")."""
        kinds: dict[str, list[str]] = {}
        for s in spans:
            if s._.canonical:
                kinds.setdefault(key(s._.canonical), []).append(s.label_)
        source = key(doc.user_data.get("source") or "")
        # "Gloria Turda" and "FC Gloria Turda": a club named without its prefix is the same club
        # and "Danubius" of "CS Danubius Galați": without its prefix and its town too
        # ("Samusocial" of "Samusocial România": any name with its seat after it, but never a person's)
        clubs: dict[str, str] = {}
        seated: dict[str, str] = {}
        for s in spans:
            if s.label_ != "organization" or not s._.canonical:
                continue
            words = s._.canonical.split()
            club = words[0] in self.club_prefixes
            rest = words[1:] if club else words
            if club and rest and not places.lookup(" ".join(rest)):  # ("CSM București": the town is the town)
                clubs[key(" ".join(rest))] = s._.canonical
            for cut in (1, 2):
                middle = " ".join(rest[:-cut])
                if len(rest) > cut and places.lookup(" ".join(rest[-cut:])) and not places.lookup(middle) \
                        and not self.known.get(key(middle)):
                    if club:
                        clubs.setdefault(key(middle), s._.canonical)
                    elif middle[:1].isupper() and key(rest[0]) not in self.org_heads:
                        seated.setdefault(key(middle), s._.canonical)
        # "Costruzioni Adige SpA" … "Costruzioni Adige, a transmis": a company named without its ending
        companies = {key(" ".join(s._.canonical.split()[:-1])) for s in spans
                     if s.label_ == "organization" and s._.canonical and len(s._.canonical.split()) >= 3
                     and key(s._.canonical.split()[-1]) in self.org_suffixes}
        out = []
        for s in spans:
            k = key(s._.canonical or "")
            if k in clubs or k in seated and s.label_ != "person":
                out.append(self._make(doc, s, "organization", clubs.get(k) or seated[k], s._.confirmed))
                continue
            if s.label_ == "person" and (k in companies or key(s.text) in companies):
                name = s._.canonical if k in companies else s.text  # ("Constructim Sud" is no person "Sud")
                out.append(self._make(doc, s, "organization", name, s._.confirmed))
                continue
            labels = kinds.get(k, [])
            best = s.label_
            if k and k == source:
                best = "organization"
            elif len(set(labels)) > 1 and not self.known.get(k):
                if set(labels) == {"person", "place", "organization"} and places.lookup(s._.canonical or "") \
                        and k not in self.given:
                    # ("Slatina urcă", "antrenoarea Slatinei", "la Slatina": a town and its club the model also
                    # read as a person)
                    labels = [label for label in labels if label != "person"]
                best = max(set(labels), key=lambda label: (labels.count(label), KIND_ORDER.index(label)))
            if best != s.label_:
                s = self._make(doc, s, best, s._.canonical, s._.confirmed)
            out.append(s)
        return out

    def _lone_words(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A lone word that is the surname (or first word) of a full name of the article is that person, and so
        are the words after one person's given name ("Ní Bhriain"), whatever the model read them as.
        A lone word taken for a person at the start of a sentence, which is not a given name and which the
        article also uses as a common noun, is dropped: the capital is the sentence's ("Vana a fost
        înlocuită" after "vanele rezervorului"); so is a lone plural common noun taken for an organization
        there ("Federațiile sindicale au anunțat")."""
        full = [key(s._.canonical).split() for s in spans
                if s.label_ == "person" and s._.canonical and len(s._.canonical.split()) >= 2]
        surnames = {k for s in spans if s.label_ == "person" and s._.canonical for k in surname_keys(s._.canonical)}
        parts = surnames | {w[0] for w in full}
        # "vanele": "Vana" is a valve; "moțiune": "Moțiunea" is the motion (lemmas, and the words themselves)
        common = {key(w) for t in doc if t.is_lower and t.pos_ == "NOUN" for w in (t.lemma_, t.text)}
        short_names: dict[str, set[str]] = {}  # an organization's first word -> the names it begins
        for s in spans:
            if s.label_ == "organization" and s._.canonical and len(s._.canonical.split()) >= 2:
                short_names.setdefault(key(s._.canonical).split()[0], set()).add(s._.canonical)
        org_words = short_names.keys()
        by_surname: dict[str, set[str]] = {}
        for s in spans:
            if s.label_ != "person" or not s._.canonical or len(s._.canonical.split()) < 2:
                continue
            name = self._name_part(doc, s)
            # (a given name alone that `_couples` named in full counts: "Dan și Ioana Toma")
            if len(name) >= 2 or key(name.text) == key(s._.canonical.split()[0]):
                for k in surname_keys(s._.canonical):  # also a double surname alone: "Dascălu-Ungureanu"
                    by_surname.setdefault(k, set()).add(s._.canonical)
        # (a surname two people of the article share, alone, is one of them: no person of its own in the facts)
        doc.user_data["shared_surnames"] = {k for k, names in by_surname.items() if len(names) > 1}
        tails: dict[str, set[str]] = {}  # the words after a given name, two or more ("Ní Bhriain")
        for s in spans:
            words = s._.canonical.split() if s.label_ == "person" and s._.canonical else []
            if len(words) >= 3:
                for i in range(1, len(words) - 1):
                    tails.setdefault(key(" ".join(words[i:])), set()).add(s._.canonical)
        out = []
        for span in spans:
            k = key(span.text)
            named = by_surname.get(k, set())
            if span.label_ == "person" and len(span.text.split()) == 1 and named \
                    and (span._.canonical not in named or len(named) > 1):
                # "Sandu" in an article that names Ciprian Sandu is not the gazetteer's Maia Sandu; with two
                # people of that surname in the article it is neither, for sure: the surname alone.
                span._.canonical = next(iter(named)) if len(named) == 1 else span.text
            heads = short_names.get(k, set())
            if span.label_ == "person" and len(span) == 1 and k in org_words and k not in parts:
                # "Kessler" of "Kessler & Partners": the company, cut short (when it begins one name only)
                if len(heads) == 1 and not self._placed(doc, span):
                    out.append(self._make(doc, span, "organization", next(iter(heads))))
                continue
            if span.label_ != "person" and len(span) == 1 and k in surnames and not self._placed(doc, span):
                span = self._make(doc, span, "person", next(iter(named)) if len(named) == 1 else span.text)
            elif span.label_ != "person" and len(span) >= 2 and len(tails.get(k, ())) == 1:
                # "Ní Bhriain" read as an organization after "Caoimhe Ní Bhriain": her surname of two words
                span = self._make(doc, span, "person", next(iter(tails[k])))
            elif len(span) == 1 and span[0].text[:1].isupper() and k in self.org_heads and len(heads) == 1 \
                    and span._.canonical not in heads:
                # "a precizat Mitropolia" after "Mitropolia Moldovei și Bucovinei": that one, named short
                span = self._make(doc, span, "organization", next(iter(heads)))
            elif span.label_ == "person" and span._.canonical and len(self._name_part(doc, span)) == 1 \
                    and self._held_by_other(doc, span, spans):
                # "Șeful Salvamont Bușteni, Radu Ionescu-Vlad": the person is the one in apposition, the
                # lone word after the role is what they head
                name = self._name_part(doc, span)
                span = self._make(doc, name, "organization", name.text, confirmed=False)
            elif (span.label_ == "person" and len(span) == 1 and span._.canonical and k not in parts
                  and k not in self.given and not self.known.get(k) and self._clause_start(doc, span[0])
                  and (k in common or len(k) >= 4 and any(c.startswith(k[:-1]) for c in common)
                       or k.endswith(self.articles_alone))):
                continue  # (or a noun with its article: "Ierarhul a spus în predică")
            elif (span.label_ == "organization" and len(span) == 1 and span[0].pos_ == "NOUN"
                  and span[0].morph.get("Number") == ["Plur"] and self._clause_start(doc, span[0])
                  and not self.known.get(k)):
                continue  # "Federațiile sindicale au anunțat": a plural common noun, capitalized by the sentence
            elif span.label_ == "organization" and len(span) == 1 and k in self.lone_generic_heads and not heads \
                    and not self.known.get(k):
                continue  # "Comitetul a decis", with no committee named: no one body
            out.append(span)
        doc.spans["entities"] = out
        return out

    def _placed(self, doc: Doc, span: Span) -> bool:
        """A place the lexicon knows, after a settlement's kind, a place word or a place preposition
        ("municipiului Roman", "din Roman" in an article about Ion and Elena Roman): the place."""
        return span.label_ == "place" and span._.confirmed and (
            self._after_settlement_cue(doc, span) or self._after_place_word(doc, span) or self._after_preposition(doc, span[0]))

    def _held_by_other(self, doc: Doc, span: Span, spans: list[Span]) -> bool:
        """The role before a lone word has a full name in apposition: "Șeful Salvamont Bușteni, Radu
        Ionescu-Vlad, a declarat" (the parse hangs the name on the role)."""
        before = doc[span.start - 1] if span.start and not doc[span.start].is_sent_start else None
        role = next((t for t in (doc[span.start], before)
                     if t is not None and self._is_role(t) and t.i != span.end - 1), None)
        if role is None:
            return False
        return any(s.label_ == "person" and s is not span and len(s._.canonical.split()) >= 2
                   and any(t.dep_ == "appos" and t.head.i in (role.i, span.end - 1) for t in s)
                   for s in spans if s._.canonical)

    def _couples(self, doc: Doc, spans: list[Span]) -> None:
        """ "Constantin și Daniela Rusu": a given name alone, "și" and a given name with a surname are two
        people of that surname; the first is named in full, so that "Constantin spune …" later is him."""
        person_at = {s.end - 1: s for s in spans if s.label_ == "person" and s._.canonical}  # (by their last word:
        # "Frații Dan și Ioana Toma")
        named = {k for s in spans if s.label_ == "person" and s._.canonical and " " in s._.canonical
                 for k in (key(s._.canonical).split()[0], key(s._.canonical).split()[-1])}
        for span in spans:
            if span.label_ != "person" or not span._.canonical or span.start < 2 \
                    or key(doc[span.start - 1].text) not in self.and_words:
                continue
            words = span._.canonical.split()
            first = person_at.get(span.start - 2)
            # (not a name the article gives in full elsewhere: "Kim și Vladimir Putin" after "Kim Jong Un")
            given = self._name_part(doc, first) if first is not None else None
            if len(words) < 2 or first is None or len(given) != 1 or " " in first._.canonical \
                    or key(words[0]) not in self.given or key(given.text) not in self.given or key(given.text) in named:
                continue
            first._.canonical = " ".join([first._.canonical, *words[1:]])

    def _merge(self, doc: Doc, spans: list[Span]) -> None:
        """Join variants per kind: a surname alone, an acronym, a transliteration, a one-letter typo;
        an acronym in parentheses right after a name is that name."""
        by_kind: dict[str, Variants] = {}
        spans = [s for s in spans if s._.canonical]
        for span in spans:  # (an acronym may leave out "și", as `_spelled_runs` reads it: "OCPI")
            by_kind.setdefault(span.label_, Variants(self.connectors, self.org_suffixes, self.given, self.and_words)).add(span._.canonical)
        explicit = self._parenthesized_acronyms(doc, spans)
        for span in spans:
            bare = self._landform_rest(span._.canonical) if span.label_ == "place" else None
            if bare is not None and key(bare) in by_kind["place"].by_key:
                by_kind["place"].union(span._.canonical, by_kind["place"].by_key[key(bare)])  # "Munții Bucegi", "Bucegi"
        for kind, variants in by_kind.items():
            for full, acronym in explicit:
                if full.label_ == kind != "person":  # ("Ion Popescu (PSD)": his party)
                    variants.union(full._.canonical, acronym)
            variants.link(kind)
        if "organization" in by_kind:
            # (the seat: a place the gazetteer knows, or one the article names: "comuna Băcani")
            named = {key(form) for s in spans if s.label_ == "place" for form in (s.text, s._.canonical) if form}
            by_kind["organization"].join_seats(lambda word: self._known_place(word) or key(word) in named)
        for span in spans:
            span._.canonical = by_kind[span.label_].canonical(span._.canonical)

    NAMED_AFTER_WINDOW = 6  # tokens between a place's or institution's word and the person it is named after

    def _patron(self, doc: Doc, person: Span, spans: list[Span]) -> bool:
        """ "Inspectoratul pentru Situații de Urgență (ISU) „Gl. Eremia Grigorescu” al județului Galați": a
        name in quotation marks right after an organization's name (or its acronym in brackets), titles
        perhaps first, is the one it is named after, no person of the story."""
        i = person.start - 1
        while i >= 0 and (key(doc[i].text) in self.titles or doc[i].text == "."):
            i -= 1
        if i < 1 or doc[i].text not in OPENING_MARKS:
            return False
        before = i - 1
        if doc[before].text == ")" and before >= 2 and _bracketed_acronym(doc, before - 2):
            before -= 3
        return any(s.label_ == "organization" and s.end - 1 == before for s in spans)

    def _seat_forms(self, doc: Doc, spans: list[Span]) -> None:
        """ "Universitatea „Alexandru Ioan Cuza” din Iași": an organization kept apart from the place it sits
        in (`_located`) is also written with it, its official form."""
        place_at = {s.start: s for s in spans if s.label_ == "place"}
        for span in spans:
            place = place_at.get(span.end + 1)
            if span.label_ == "organization" and place is not None and key(doc[span.end].text) in self.org_places:
                span._.forms = (doc[span.start: place.end].text,)

    def _real_names(self, doc: Doc, spans: list[Span]) -> None:
        """ "cântăreața Irisa, pe numele real Irina Săvescu": the real name is the person the stage name
        names, as the story calls them."""
        people = [s for s in spans if s.label_ == "person" and s._.canonical]
        for a, b in zip(people, people[1:]):
            between = doc[a.end: b.start]
            if len(between) > 1 and between[0].text == "," and key(between[1:].text) in self.real_name_cues:
                b._.canonical = a._.canonical

    def _named_after(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A person's name that is part of a place's or an institution's name ("baza Mihail
        Kogălniceanu", "Institutul Oncologic „Prof. Dr. Ion Chiricuță”") is no person of the story."""
        out = []
        for span in spans:
            if span.label_ == "person" and any(
                    key(doc[i].text) in self.collectives and (doc[i].is_lower or doc[i].is_sent_start)
                    and i + 1 < len(doc) and doc[i + 1].text[:1].isupper() for i in (span.start - 1, span.start) if i >= 0):
                continue  # "Familia Dobrescu susține …": the family, not one of them ("familia doctorului X" is his)
            if span.label_ == "person" and 2 <= span.start and span.end < len(doc) and is_quote_mark(doc[span.start - 1]) \
                    and is_quote_mark(doc[span.end]) and doc[span.start - 2].text[:1].isupper() \
                    and not doc[span.start - 2].is_sent_start:
                continue  # "Programul Național de Investiții «Anghel Saligny»": a name in quotation marks ends another
            if span.label_ == "person":
                i = span.start - 1
                while i >= 0 and span.start - i <= self.NAMED_AFTER_WINDOW and (
                        is_quote_mark(doc[i]) or doc[i].like_num
                        or key(doc[i].text) in self.titles or doc[i].text[:1].isupper() and doc[i].pos_ in ("ADJ", "PROPN")
                        and not doc[i].is_sent_start):
                    i -= 1
                # (a noun with no article is no name's head: "generalul de brigadă Sever Popovici")
                if i >= 0 and (key(doc[i].text) in self.named_after or key(doc[i].text) in self.org_heads
                               and key(doc[i].text) not in self.never_named_after and not self._holder_after(doc, i, span)) \
                        and not (doc[i].is_lower and doc[i].morph.get("Definite") == ["Ind"]):
                    continue
            out.append(span)
        doc.spans["entities"] = out
        return out

    def _local_branches(self, doc: Doc, spans: list[Span]) -> None:
        """ "Inspectoratul pentru Situații de Urgență (ISU) Brașov", "Direcția de Sănătate Publică (DSP)
        Iași": the place after the acronym names the local branch, so it belongs to the name (the place
        stays a place of its own too). The acronym alone then means that branch, when the article has one
        ("DGASPC a transmis …" after "… (DGASPC) Covasna")."""
        branches: dict[str, set[str]] = {}
        place_at = {s.start: s for s in spans if s.label_ == "place"}
        for a in spans:
            # (the acronym between the brackets is an organization of its own, or a word no layer kept)
            j = a.end
            if a.label_ != "organization" or not _bracketed_acronym(doc, j) or j + 3 >= len(doc):
                continue
            # (a county no layer kept as a place: "Inspectoratul Școlar Județean (ISJ) Alba")
            c, acronym = place_at.get(j + 3), doc[j + 1].text
            seat = c.text if c is not None and c._.canonical else doc[j + 3].text \
                if doc[j + 3].text[:1].isupper() and self._place_name(doc[j + 3: j + 4])[1] else None
            if seat is None:
                continue
            if a._.canonical and not a._.canonical.endswith(seat):
                a._.canonical = f"{a._.canonical} {seat}"  # as the text names the branch ("… Cluj")
            if a._.canonical:
                branches.setdefault(acronym, set()).add(a._.canonical)
        for span in spans:  # one span "Direcția … (DGASPC) Covasna"
            i = _inner_acronym(span) if span.label_ == "organization" and span._.canonical else None
            if i is not None:
                branches.setdefault(doc[i + 1].text, set()).add(span._.canonical)
        for span in spans:
            named = branches.get(span.text, ())
            if span.label_ == "organization" and len(named) == 1:
                span._.canonical = next(iter(named))

    def _state_seats(self, doc: Doc, spans: list[Span]) -> None:
        """ "Ministerul Apărării de la Kiev", "Guvernul de la Budapesta": a state's body followed by
        "de la" and a foreign place keeps the place in its name (the place stays a place of its own);
        "de la București" only when the article also names the same body of another state."""
        seated = []
        for org, place in zip(spans, spans[1:]):
            if org.label_ != "organization" or place.label_ != "place" or not org._.canonical \
                    or not place._.canonical or place.start != org.end + 2 \
                    or [key(t.text) for t in doc[org.end: place.start]] != ["de", "la"]:
                continue
            base = self._head_nominative(org.text) if len(org) == 1 else self._org_base(org)  # "Guvernului"
            head = key(base.split()[0])
            if self.state_bodies.isdisjoint([head, *noun_stems(head, self.noun_endings, 4)]):
                continue
            found = places.lookup(place._.canonical)
            if found is not None and found.country:
                seated.append((org, base, place._.canonical, found.country != self.home_country))
        foreign = {key(base) for _, base, _, abroad in seated if abroad}
        for org, base, place, abroad in seated:
            if abroad or key(base) in foreign:
                org._.canonical = f"{base} de la {place}"

    @staticmethod
    def _parenthesized_acronyms(doc: Doc, spans: list[Span]) -> list[tuple[Span, str]]:
        """ "Agenția Internațională pentru Energie Atomică (AIEA)", "Forțele de Apărare ale Israelului
        (IDF)": a name and the acronym after it, in any language, are one organization; so are
        "Inspectoratul Școlar Județean Cluj (ISJ Cluj)" and the acronym with a place the name holds
        (whether or not the model marked the acronym there). (name, the acronym as written)."""
        pairs = []
        for a in spans:
            if len(a) < 2 or a.end + 2 >= len(doc) or doc[a.end].text != "(" or not is_acronym(doc[a.end + 1].text):
                continue
            close = next((i for i in range(a.end + 2, min(len(doc), a.end + 3 + MAX_SEAT_WORDS)) if doc[i].text == ")"), None)
            if close is None:
                continue
            words = key(f"{a.text} {a._.canonical}").split()
            if all(t.text[:1].isupper() and key(t.text) in words for t in doc[a.end + 2: close]):
                pairs.append((a, doc[a.end + 1: close].text))
        return pairs

    def _surnames_by_role(self, doc: Doc, spans: list[Span]) -> None:
        """ "Primarul Stanciu" where the article names two Stancius: the one it gave that role."""
        people = doc.user_data.get("people", set())
        holders = doc.user_data.get("role_holders", {})
        for span in spans:
            if span.label_ != "person" or not span._.canonical or len(span._.canonical.split()) != 1:
                continue
            surname = key(span._.canonical)
            full = {p for p in people if len(p.split()) >= 2 and key(p).split()[-1] == surname}
            role = doc[span.start] if self._is_role(doc[span.start]) else (
                doc[span.start - 1] if span.start > 0 and self._is_role(doc[span.start - 1]) else None)
            if len(full) < 2 or role is None:
                continue
            heads = {key(role.lemma_), key(role.text)}
            found = {p for tied, names in holders.items() for p in names
                     if p in full and key(tied.split()[0]) in heads}
            if len(found) == 1:
                span._.canonical = found.pop()

    def _roles(self, doc: Doc, spans: list[Span]) -> None:
        """A role next to a person ("directorul general al AIEA, Rafael Grossi", "Grossi, directorul
        general al AIEA", "premierul Ilie Bolojan") is theirs; doc.user_data["roles"] ties it to them."""
        ties: dict[str, str] = doc.user_data.setdefault("roles", {})
        person_of: dict[int, Span] = {}
        spans = [s for s in spans if s._.canonical]
        for span in spans:
            if span.label_ == "person":
                for i in range(span.start, span.end):
                    person_of[i] = span
        for span in spans:
            if span.label_ != "person":
                continue
            role = self._role_of(doc, span, person_of) or self._role_of(doc, span, person_of, agents=True)
            if role is None:
                continue
            span._.role = role
            holders = doc.user_data.setdefault("role_holders", {}).setdefault(role_key(role), set())
            holders.add(span._.canonical)
            doc.user_data.setdefault("role_at", {}).setdefault((role_key(role), span._.canonical), span.start)
            if len(holders) == 1:
                ties[role_key(role)] = span._.canonical
            else:
                ties.pop(role_key(role), None)  # two people with the same role: it names neither

    def _role_of(self, doc: Doc, span: Span, person_of: dict[int, Span], agents: bool = False) -> Optional[str]:
        name = self._name_part(doc, span)
        if name_owned(name, self.roles, self.possessive) or name_owned(span, self.roles, self.possessive):
            return None  # "avocatul lui Ion Popescu", "consilierul premierului Ilie Bolojan": not their role
        if name.start > span.start and self._tie_role(doc[span.start], agents) \
                and not any(t.text == "," for t in doc[span.start:name.start]) \
                and not in_genitive(doc[span.start]):
            # "avocatul Cosmin Dobrin", "premierul Ilie Bolojan": the role is part of the mention; a rank
            # with no article after a role in apposition is a title ("purtătoarea de cuvânt a ISU, locotenent
            # Daniela Cozma"): the role is the apposition's
            before = self._role_before_comma(doc, doc[span.start: name.end], agents) \
                if doc[span.start].morph.get("Definite") == ["Ind"] else None
            return (self._role_phrase(doc, before, name) if before is not None else None) \
                or self._role_phrase(doc, doc[span.start], name)
        root = name.root
        candidates: list[Token] = []
        before = self._role_before_comma(doc, name, agents)
        if before is not None:
            candidates.append(before)  # "…, și de președintele rus, Vladimir Putin": the nearest role first
        if name.end + 1 < len(doc) and doc[name.end].text == ",":
            candidates.append(doc[name.end + 1])  # "Mireia Ruiz, purtătoarea de cuvânt a Comisiei"
        if root.dep_ == "appos" or root.head.i < span.start:
            candidates.append(root.head)
        candidates += [c for c in root.children if c.dep_ == "appos"]
        if span.start > 0:
            candidates.append(doc[span.start - 1])
            # "consilierul general USR Andrei Popa": past adjectives and a party's acronym
            j = span.start - 1
            while j > 0 and span.start - j <= 3 and j not in person_of and (
                    doc[j].pos_ == "ADJ" and doc[j].is_lower or is_acronym(doc[j].text)):
                j -= 1
            if j < span.start - 1:
                candidates.append(doc[j])
        for token in candidates:
            # (the tagger often reads a woman's role after her name as an adjective: "Ioana Cerchez, analistă la …")
            if token.i in person_of and not (span.start <= token.i < span.end) or not (
                    self._tie_role(token, agents) or token.pos_ == "ADJ" and token.i == name.end + 1 and is_role_word(token, self.roles)):
                continue
            genitive = token.dep_ == "nmod" and in_genitive(token)
            if genitive and not self._owned_thing(token):
                continue  # "fratele edilului, Dorin Stanciu": the mayor is someone else
            phrase = self._role_phrase(doc, token, name)
            if phrase and genitive:
                first, _, rest = phrase.partition(" ")
                phrase = " ".join(w for w in (self._role_nominative(first), rest) if w)  # "primarul Turzii"
            if phrase:
                return phrase
        return None

    def _role_nominative(self, word: str) -> str:
        """A role word in the genitive back in the nominative with its article: "primarului" -> "primarul",
        "directoarei" -> "directoarea", "președintelui" -> "președintele"; as written when none fits."""
        forms = [c for c in uninflect(word, self.inflections) if key(c) in self.roles]
        for ending, article in self.role_articles:
            found = next((c for c in forms if c.endswith(ending)), None)
            if found:
                return found + article
        return word

    def _owned_thing(self, role: Token) -> bool:
        """ "proiectul primarului Turzii, Cristian Oprea": a role in the genitive after a thing, not a person
        ("fratele edilului", "avocatul ministrului"), so the name in apposition is the role's holder."""
        head = role.head
        return head.i < role.i and head.pos_ == "NOUN" and head.is_lower and not is_role_word(head, self.roles) \
            and not is_role_word(head, self.kin_roles) and not self._person_noun(head) and not self._agent_noun(head)

    ROLE_BEFORE_COMMA = 14  # words of a role's phrase before the comma ("purtătoarea de cuvânt a … (VSAT), X")

    def _role_before_comma(self, doc: Doc, name: Span, agents: bool = False) -> Optional[Token]:
        """ "Primarul comunei Cincu, Ioan Dragomir": the role word that opens the phrase right before
        the comma in front of the name (the parse often hangs the name elsewhere)."""
        start = name.start
        while start >= 2 and (key(doc[start - 1].text) in self.titles or doc[start - 1].text == "."
                              and key(doc[start - 2].text) in self.titles
                              or doc[start - 1].is_lower and (key(doc[start - 1].text) in self.ranks
                                                              or key(doc[start - 1].lemma_) in self.ranks)):
            start -= 1  # "Medicul ORL, dr. Laura Mihăilescu", "…, plutonier adjutant Daniela Ciocan": title, rank
        if start < 2 or doc[start - 1].text != ",":
            return None
        j, lowest = start - 1, max(-1, start - 2 - self.ROLE_BEFORE_COMMA)
        while j - 1 > lowest:
            j -= 1
            token = doc[j]
            # (an acronym the tagger reads as a verb is none: "purtătoarea de cuvânt a DCCO, …")
            verb = token.pos_ in ("VERB", "AUX") and not is_acronym(token.text)
            relative = next((k for k in range(j - 1, max(-1, j - 4), -1) if key(doc[k].text) in self.relatives), None) \
                if verb else None
            if relative is not None:
                j = relative  # "Medicul ORL care o tratează, dr. Laura Mihăilescu": past the relative clause
                continue
            if token.text == "(" and _bracketed_acronym(doc, j) \
                    or token.text == ")" and j >= 2 and _bracketed_acronym(doc, j - 2):
                continue  # "directorul Direcției Sanitare Veterinare (DSVSA) Tulcea, Lucian Mârzea"
            opening = next((k for k in range(j - 1, max(-1, j - PATRON_WORDS), -1) if doc[k].text in OPENING_MARKS), None) \
                if token.is_quote and token.text not in OPENING_MARKS else None
            if opening is not None and opening > 0 and (doc[opening - 1].text == ")" or doc[opening - 1].text[:1].isupper()):
                # "purtătoarea de cuvânt a ISU „Gl. Eremia Grigorescu” al județului Galați, …": its patron's
                # name, and the acronym before it, do not count against the window
                lowest = max(-1, lowest - (j - opening + 1) - 3 * (doc[opening - 1].text == ")"))
                j = opening
                continue
            if verb or token.text in (";", ":", "(", ")") or token.is_quote:
                return None
            # (after a verb too: "a declarat directorul general al Lactis Carpatia, Horia Oprean"; never a
            # plural: "întoarcerea unui regiment de ingineri din război, Kim Jong Un")
            if self._tie_role(token, agents) and (token.is_sent_start or doc[j - 1].is_punct
                                         or doc[j - 1].pos_ in ("ADP", "DET", "VERB", "ADV") or self._after_named_object(doc, j)
                                         or key(doc[j - 1].text) in self.weekdays):  # ("a declarat joi purtătoarea …")
                return None if "Plur" in token.morph.get("Number") else token
            if token.is_sent_start:
                return None
        return None

    @staticmethod
    def _after_named_object(doc: Doc, j: int) -> bool:
        """Right before `j`, a preposition's proper name ("a declarat pentru Digi24 șeful …")."""
        k = j - 1
        while k > 0 and j - k <= 3 and (doc[k].pos_ == "PROPN" or doc[k].text[:1].isupper()):  # ("Digi24": NOUN)
            k -= 1
        return k < j - 1 and doc[k].pos_ == "ADP"

    def _name_part(self, doc: Doc, span: Span) -> Span:
        """The name inside a mention: after titles and roles, before a comma."""
        start, end = span.start, span.end
        while start < end - 1 and self._leading_noise(doc[start], "person"):
            start += 1
        for i in range(start, end):
            if doc[i].is_punct and doc[i].text not in "-.'’":
                end = i
                break
        return doc[start:end] if end > start else span

    def _is_role(self, token: Token) -> bool:
        return token.pos_ in ("NOUN", "PROPN") and is_role_word(token, self.roles)

    def _tie_role(self, token: Token, agents: bool = False) -> bool:
        """A role that may be tied to the person beside it: a known role, or (`agents`) a noun made for a
        person who does something, with its article ("curatoarea expoziției, Livia Dărăban")."""
        return self._is_role(token) or agents and token.pos_ == "NOUN" and token.morph.get("Definite") == ["Def"] \
            and "Plur" not in token.morph.get("Number") and is_agent_noun(token, self.agent_endings, self.thing_words, self.nationality, self.definite)

    def _role_phrase(self, doc: Doc, head: Token, person: Span) -> Optional[str]:
        """The role noun with its modifiers, up to a comma or the person ("fostul președinte al SUA")."""
        start = head.i
        for left in reversed(list(head.lefts)):
            if left.dep_ == "amod" and left.i == start - 1:
                start = left.i
        end = head.i + 1
        while end < len(doc) and end - start < MAX_ROLE_TOKENS:
            t = doc[end]
            if t.i >= person.start and t.i < person.end or t.is_punct or t.is_sent_start or key(t.text) in self.relatives:
                break  # (nor its relative clause: "medicul ORL care o tratează")
            if not (t.head.i >= start and t.head.i < end or t.head == head or head.is_ancestor(t)):
                break
            end += 1
        words = [t.text for t in doc[start:end]]
        if not words:
            return None
        if words[0][:1].isupper() and doc[start].is_sent_start or key(words[0]) in self.roles and words[0][:1].isupper():
            words[0] = words[0][:1].lower() + words[0][1:]
        return " ".join(words)


def _in_furniture(doc: Doc, span: Span) -> bool:
    """The span stands in page furniture ("Urmărește G4Media și pe …", a byline): no entity of the story,
    nor a form that could name one ("Urmărește G4Media" for the G4Media the article cites)."""
    layout = doc.user_data.get("layout")
    found = layout.sentence_at(span.start_char) if layout is not None else None
    return found is not None and bool(found[0].furniture)


def _roman(word: str) -> bool:
    """A Roman numeral, maybe with its ordinal ending ("XVIII-lea", "VII")."""
    letters = word.split("-")[0]
    return bool(letters) and all(c in "IVXLCDM" for c in letters)


def _with_flat_tail(doc: Doc, ent: Span) -> Span:
    """A person's name the model cut before its last words ("Rokas" of "Rokas Žemaitis"), with them."""
    end = _flat_end(doc, ent.start, ent.end, MAX_NAME_WORDS)
    return ent if end == ent.end else doc[ent.start:end]


def _flat_end(doc: Doc, start: int, end: int, longest: int) -> int:
    """Where the name `doc[start:end]` ends with the capitalized proper nouns after it that the parser
    joined to it as parts of one name (`flat`), outside any name of the model; at most `longest` words."""
    while end < len(doc) and end - start < longest and doc[end].dep_.startswith("flat") \
            and start <= doc[end].head.i < end and doc[end].pos_ == "PROPN" and doc[end].is_alpha \
            and doc[end].text[:1].isupper() and not doc[end].ent_type_:
        end += 1
    return end


def _capitalized_proper(token: Token) -> bool:
    """A proper noun written with a capital, not all in capitals (an acronym)."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_upper


def _bare_proper(token: Token) -> bool:
    """A capitalized proper noun the model left outside every entity."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.ent_type_


def _model_name_end(doc: Doc, i: int) -> int:
    """Where the model's entity that token i is in (or starts) ends."""
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _model_labels(doc: Doc) -> list[Optional[str]]:
    """For each token, the label of the model's name it is in (None outside every name)."""
    labels: list[Optional[str]] = [None] * len(doc)
    for ent in doc.ents:
        labels[ent.start:ent.end] = [ent.label_] * len(ent)
    return labels


def _all_in(labels: list[Optional[str]], span: Span, label: str) -> bool:
    """Every token of `span` is inside a name the model labelled `label`."""
    return all(found == label for found in labels[span.start:span.end])


_FUNCTION_POS = ("ADP", "CCONJ", "SCONJ", "DET", "PRON", "PART", "ADV")  # words a name does not end on


def _bracketed_acronym(doc: Doc, i: int) -> bool:
    """An acronym in parentheses opens at token `i`: "(", "IGPR", ")"."""
    return i + 2 < len(doc) and doc[i].text == "(" and is_acronym(doc[i + 1].text) and doc[i + 2].text == ")"


def _inner_acronym(span: Span) -> Optional[int]:
    """Where "(ACRONYM)" opens inside a name ("Direcția de Sănătate Publică (DSP) Iași"), or None."""
    return next((i for i in range(span.start + 1, span.end - 2) if _bracketed_acronym(span.doc, i)), None)


def surname_keys(name: str) -> set[str]:
    """The keys a full name may be written by alone: its last word, and all after its first word (a double
    surname: "Dascălu-Ungureanu", keyed "dascalu ungureanu")."""
    words = name.split(maxsplit=1)
    return {key(name).split()[-1], key(words[1])} if len(words) == 2 else set()


def _quotes_paired(name: str) -> str:
    """Quotation marks inside a name written the Romanian way, „…” ("Institutul ”Matei Balș”")."""
    if not any(ch in _QUOTE_MARKS for ch in name):
        return name
    out, opened = [], False
    for ch in name:
        if ch in _QUOTE_MARKS:
            ch = "”" if opened else "„"
            opened = not opened
        out.append(ch)
    return "".join(out)


_QUOTE_MARKS = set("„“”\"«»")
