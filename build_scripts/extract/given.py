"""Given names of the world: whether a capitalized word may begin a person's name, and its gender.

The language's own lists (`lang/<code>/gazetteer.yaml` and `given_names.yaml`) come first. This adds the
first names of `gender-guesser`'s dictionary (Jörg Michael's `nam_dict`: about 60,000 names from 54
countries, each with its gender and how frequent it is in each country) that are common in at least one
country (`MIN_FREQUENCY` on its scale of 1 to 13, each step a factor of two), one word in Latin letters,
and that are no place of the world lexicon, no name of the gazetteer, no word the language lists (months,
weekdays, roles, nationalities, words for places and institutions) and no common word of the language or
of English by `wordfreq` (`MAX_WORD_ZIPF`: "Mare", "The", "Novel" are names somewhere) unless common as
a name where English is spoken ("Grace", "Frank"): "Paolo", "Olha", "Mattias", whom no Romanian list
holds. The dictionary and the word frequencies are read once and stored under the cache folder, keyed by
the packages' versions, as the places' lexicon is.
"""
from __future__ import annotations

import functools

from .. import storing
from ..lang import Lang, key
from . import places

MIN_FREQUENCY = 5
MIN_LENGTH = 3
MAX_WORD_ZIPF = 4.5  # a word used more than about 30 times per million words is a word first
DOUBTFUL_WORD_ZIPF = 4.0  # ... and one used more than 10 times may be (`doubtful_given_names`)
WORD_LANGUAGES = ("en",)  # besides the article's language: English words are everywhere in the news
ENGLISH_COUNTRIES = (0, 1, 2)  # great_britain, ireland, usa: the first columns of the dictionary
MIN_ENGLISH_NAME = 3  # ... where a name that is also a word is common enough to stay a name ("Grace", "Frank")
GENDERS = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}
# The language's own words, which fold to a foreign name ("Râul" is "Raúl" without its accents).
LANGUAGE_WORDS = ("person_roles", "not_entities", "nationality_adjectives", "place_cues", "settlement_cues",
                  "org_heads", "org_cues", "named_after_cues", "ranks", "collective_nouns")


def _frequency(values: str) -> int:
    return max((int(ch, 16) for ch in values if ch in "123456789ABCDabcd"), default=0)


def _build(code: str) -> dict[str, tuple[str, int, int, float]]:
    """{name: (gender "m"/"f"/"u", highest frequency, highest in an English-speaking country, highest
    frequency as a word of `code` or English on wordfreq's Zipf scale)}."""
    from gender_guesser.detector import Detector
    from wordfreq import zipf_frequency

    out = {}
    for name, by_gender in Detector().names.items():
        if len(name) < MIN_LENGTH or not name[:1].isupper() or not name.replace("-", "").isalpha():
            continue
        frequency = {g: _frequency(v) for g, v in by_gender.items()}
        best = max(frequency.values())
        if best < MIN_FREQUENCY:
            continue
        genders = {GENDERS.get(g, "u") for g, f in frequency.items() if f == best}
        english = max(_frequency("".join(v[i:i + 1] for i in ENGLISH_COUNTRIES)) for v in by_gender.values())
        word = max(zipf_frequency(name.lower(), language) for language in (code, *WORD_LANGUAGES))
        out[name] = (genders.pop() if len(genders) == 1 else "u", best, english, word)
    return out


@functools.lru_cache(maxsize=4)
def _world(code: str) -> dict[str, tuple[str, int, int, float]]:
    versions = storing.versions("gender-guesser", "wordfreq")
    return storing.pickled(places.CACHE_DIR / f"given-1-{code}-{MIN_FREQUENCY}-{versions}.pickle", lambda: _build(code))


SURE_GENDERS = {"male": "m", "female": "f"}  # the dictionary's entries with no "mostly" and no other gender


def _build_genders() -> dict[str, str]:
    """{key: "m"/"f"} of every given name of the dictionary given to one gender only, however rare the
    name: what a pronoun after it may be, not whether a word is a name. ("Yuki", mostly a woman's, and
    "Andrea", a man's in Italy, are left out.)"""
    from gender_guesser.detector import Detector

    out = {}
    for name, by_gender in Detector().names.items():
        if len(by_gender) == 1 and next(iter(by_gender)) in SURE_GENDERS:
            out[key(name)] = SURE_GENDERS[next(iter(by_gender))]
    return out


@functools.lru_cache(maxsize=1)
def name_genders() -> dict[str, str]:
    """The gender of the world's given names, rare ones too ("Caoimhe", "Gyöngyvér": "f")."""
    versions = storing.versions("gender-guesser")
    return storing.pickled(places.CACHE_DIR / f"genders-2-{versions}.pickle", _build_genders)


_BY_LANG: dict[str, dict[str, str]] = {}


def doubtful_given_names(lang: Lang) -> set[str]:
    """Keys of the world's given names that are also fairly common words (`DOUBTFUL_WORD_ZIPF`), unless
    common as names where English is spoken: "Mall", "Santa", "Diego". A name may start with one, but
    not on its own word (a title or a role before it tells)."""
    names = world_given_names(lang)
    return {key(name) for name, (_, _, english, word) in _world(lang.code).items()
            if key(name) in names and word >= DOUBTFUL_WORD_ZIPF and english < MIN_ENGLISH_NAME}


def world_given_names(lang: Lang) -> dict[str, str]:
    """{key: gender} of the world's given names the language's lists do not hold."""
    if lang.code in _BY_LANG:
        return _BY_LANG[lang.code]
    own = {key(n) for names in lang.gazetteer["given_names"].values() for n in names}
    known = {key(n) for kind in ("people", "places", "organizations") for e in lang.gazetteer[kind]
             for n in [e["name"], *e.get("aliases", [])]}
    words = {key(w) for table in ("months", "weekdays") for forms in lang[table].values() for w in forms}
    for concept in LANGUAGE_WORDS:
        words |= lang.keys_of(concept)
    out = {}
    for name, (gender, _, english, word) in _world(lang.code).items():
        k = key(name)
        if k in own or k in known or k in words or places.lookup(name):
            continue
        if word >= MAX_WORD_ZIPF and english < MIN_ENGLISH_NAME:
            continue
        out[k] = gender
    _BY_LANG[lang.code] = out
    return out
