"""The curated gazetteer (`lang/ro/gazetteer.yaml`) as a spaCy `SpanRuler`: known names, their kind and
canonical form, written to `doc.spans["gazetteer"]` (label = kind, id = canonical name).

Each form becomes a token pattern on the lowercase text whose first token must not be lowercase
("AUR" the party, never "aur" the metal), plus the same pattern without diacritics for sites that
publish without them. Acronyms match only in capitals.
"""
from __future__ import annotations

import functools

from spacy.language import Language
from spacy.pipeline import SpanRuler

from .. import lang as lang_mod
from ..lang import Lang, ascii_fold

SPANS_KEY = "gazetteer"
KINDS = {"people": "person", "places": "place", "organizations": "organization"}


@functools.lru_cache(maxsize=4)
def entries(lang: Lang) -> list[tuple[str, str, list[str]]]:
    """(kind, canonical name, every form) for each gazetteer entry."""
    out = []
    for section, kind in KINDS.items():
        for entry in lang.gazetteer[section]:
            forms = [entry["name"], *entry.get("aliases", []), *entry.get("forms", [])]
            out.append((kind, entry["name"], forms))
    return out


def _token_pattern(words: list[str]) -> list[dict]:
    if all(w.isupper() or not w.isalpha() for w in words) and any(w.isalpha() for w in words):
        return [{"ORTH": w} for w in words]  # acronyms: exact case only
    pattern = [{"LOWER": w.lower()} for w in words]
    pattern[0]["IS_LOWER"] = False
    return pattern


def patterns(nlp: Language, lang: Lang) -> list[dict]:
    """SpanRuler patterns for every form of every entry, with and without diacritics."""
    out = []
    seen = set()
    for kind, name, forms in entries(lang):
        for form in forms:
            for variant in {form, ascii_fold(form)}:
                words = [t.text for t in nlp.make_doc(variant)]
                pattern = _token_pattern(words)
                marker = (kind, name, repr(pattern))
                if marker not in seen:
                    seen.add(marker)
                    out.append({"label": kind, "pattern": pattern, "id": name})
    return out


@Language.factory("explainer_gazetteer", default_config={"lang_code": "ro"})
def make_gazetteer(nlp, name, lang_code: str):
    """Known names from the gazetteer -> doc.spans["gazetteer"]."""
    ruler = SpanRuler(nlp, name, spans_key=SPANS_KEY, annotate_ents=False, overwrite=True, validate=False)
    ruler.add_patterns(patterns(nlp, lang_mod.load(lang_code)))
    return ruler


@functools.lru_cache(maxsize=4)
def canonical_forms(lang: Lang) -> dict[str, tuple[str, str]]:
    """key(form) -> (kind, canonical name), for every form of the gazetteer."""
    out: dict[str, tuple[str, str]] = {}
    for kind, name, forms in entries(lang):
        for form in forms:
            out.setdefault(lang_mod.key(form), (kind, name))
    return out


@functools.lru_cache(maxsize=4)
def aliases(lang: Lang) -> dict[str, list[str]]:
    """canonical name -> every form the gazetteer gives it (for evaluation and merging)."""
    return {name: forms for _, name, forms in entries(lang)}


@functools.lru_cache(maxsize=4)
def roles(lang: Lang) -> dict[str, str]:
    """key(role phrase) -> person, for roles the gazetteer ties to one person ("liderul nord-coreean")."""
    out = {}
    for entry in lang.gazetteer["people"]:
        for role in entry.get("roles", []):
            out[lang_mod.key(role)] = entry["name"]
    return out


@functools.lru_cache(maxsize=4)
def spelled_forms(lang: Lang) -> set[str]:
    """Every form of the gazetteer as written, diacritics kept (see `lang.spelled`)."""
    return {lang_mod.spelled(form) for _, _, forms in entries(lang) for form in forms}
