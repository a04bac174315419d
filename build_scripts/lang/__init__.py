"""Load and validate the language rules: `lang/<code>/*.yaml`, one file per concept.

The rules are data; this module only checks their shape (naming the file and key that is wrong), folds
their diacritics, and offers them as word lists and ready alternations (longest first, so "anul trecut"
wins over "anul"). Every file has a fixed set of keys (`SCHEMA`); `examples` in a file hold the cases that
`tests/test_lang_examples.py` runs for its rule groups.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

LANG_DIR = Path(__file__).parent

# Cedilla letters (legacy Romanian encodings) -> comma-below letters (the correct ones).
_COMMA_BELOW = str.maketrans({"ş": "ș", "Ş": "Ș", "ţ": "ț", "Ţ": "Ț"})

# file -> {key: type}. A file may also hold `examples: {group: [...]}`.
SCHEMA: dict[str, dict[str, type]] = {
    "calendar": {
        "months": dict, "question_marks": list, "ambiguous_months": list, "month_cue_words": list, "month_safe_next": list,
        "comparative_words": list, "weekdays": dict, "ambiguous_weekdays": list, "weekday_blockers_before": list, "date_bound_before": list, "date_until_before": list, "date_since_before": list, "date_since_after_verb": list,
        "weekday_blockers_after": list, "weekday_blockers_lifted": list, "weekday_past_words": list, "weekday_future_words": list, "weekday_ahead_before": list, "scheduled_present": list,
        "future_markers": list, "past_auxiliaries": list, "past_participle_endings": list, "past_markers": list, "future_conditions": list, "subjunctive_marks": list, "forward_participles": list, "year_month_joins": list, "month_list_joins": list, "period_list_joins": list, "clock_period_joins": list, "clock_period_to": list,
        "relative_days": dict, "day_parts": dict, "day_parts_before": dict, "weekend_words": list, "weekend_before": list, "two_year_spans": list, "month_nouns": list, "month_of_year": list, "year_part_not_of": list, "relative_day_parts": dict, "habitual_markers": list, "weekday_every_before": list, "weekday_this_after": list, "weekday_range_from": list, "weekday_range_to": list, "day_range_from": list, "day_range_to": list, "period_range_to": list, "early_year_cues": list, "year_agent_starts": list, "decade_words": list, "century_words": list,
        "relative_units": dict, "relative_modifiers": dict, "this_prefix": list, "period_parts": dict,
        "seasons": dict, "holidays": list, "holiday_cues": list, "holiday_vague_cues": list, "ago_before": list, "ago_after": list, "duration_units": dict, "article_duration_after": list, "article_duration_adjectives": list, "article_duration_not_after": list, "offset_later": list, "offset_earlier": list, "offset_previous": list, "offset_not_before": list, "duration_halves": list, "age_nouns": list,
        "age_before": list, "age_prepositions": list, "age_at": list, "age_not_before": list, "tenure_before": list, "reference_markers": dict, "year_parts": dict, "time_nouns": list, "date_name_nouns": list, "time_before": list,
        "month_parts": dict, "bare_seasons": list, "bare_season_before": dict,
    },
    "numbers": {
        "number_words": dict, "article_numbers": dict, "number_word_traps": dict, "scale_words": dict,
        "vague_quantities": list, "approximations": dict, "percent_words": list, "unit_symbols": list, "times_words": list, "times_before": list, "times_after": list, "currencies": dict,
        "number_blockers_before": list, "partitive_words": list, "measure_nouns": dict, "partitive_before": list, "negative_words": list,
    },
    "speech": {
        "quote_marks": list, "continuing_verbs": list, "again_adverbs": list, "speech_verbs": list, "source_verbs": list, "according_to": list,
        "cited_by": list, "said_to": list, "media_nouns": list, "media_name_words": list, "utterance_verbs": list, "unnamed_sources": list, "anaphoric_modifiers": list, "two_sense_verbs": list, "hypothetical_marks": list, "citing_verbs": list, "pronouns": dict, "first_person_markers": list, "organization_anaphors": dict, "interview": dict, "title_before_quote": list,
        "document_nouns": list, "requests": dict, "opinion_verbs": list, "control_verbs": list, "speech_phrases": dict, "speaking_for": list, "speaking_as_group": list, "party_members": dict, "party_member_nouns": dict, "statement_nouns": list, "owner_verbs": list, "backward_cues": list, "backward_adverbs": list, "role_synonyms": list, "chief_roles": list, "deputy_prefixes": list, "offices": list, "address_words": list,
    },
    "names": {
        "person_roles": list, "agent_endings": list, "kin_roles": list, "feminine_roles": list, "role_institutions": dict, "org_heads": list, "lone_generic_heads": list,
        "place_cues": list, "landform_heads": list, "settlement_cues": list, "list_introducers": list, "state_forms": list, "competition_heads": list, "named_after_cues": list, "never_named_after": list, "named_for_connectors": list, "collective_nouns": list, "place_prepositions": list, "bearings": list, "bearing_links": list, "object_markers": list, "sport_words": list, "people_of": list, "region_parts": list, "branch_countries": list, "named_place_words": list, "club_cases": list, "distance_units": list, "org_cues": list, "representatives_of": list, "real_name_cues": list, "ranks": list, "club_prefixes": list, "club_words": list, "org_descriptors": list, "not_entities": list, "honorifics": list, "name_connectors": list, "person_particles": list, "nationality_adjectives": list,
        "name_inflections": list, "adjective_inflections": list, "not_organizations": list,
        "person_titles": list, "org_suffixes": list, "legal_forms": list, "office_prepositions": list, "fund_endings": list, "web_domains": list, "definite_endings": list,
        "org_location_prepositions": list, "genitive_articles": list, "org_seats": dict,
    },
    "grammar": {
        "function_words": list, "abbreviations": list, "capital_letters": str, "alphabet": str, "range_words": dict, "list_or": list, "change_from": list, "change_to": list,
        "diacritic_letters": list, "not_that_after": list, "that": list, "and_words": list, "clause_words": list, "relative_words": list, "noun_endings": list,
        "feminine_genitive_endings": list, "masculine_genitive_endings": list, "role_articles": list, "genitive_endings": list, "feminine_endings": list,
        "possessive_articles": list, "role_prepositions": list, "body_adjectives": list, "kinship_nouns": list,
    },
    "page": {"caption_credit_markers": list, "byline_markers": list, "read_also_markers": list, "stamp_markers": list, "byline_labels": list,
             "tag_markers": list,
             "social_markers": list, "foreign_function_words": list, "entry_stamps": dict},
    "gazetteer": {"given_names": dict, "people": list, "places": list, "organizations": list},
    # Generated from RONEC (scripts/given_names_from_ronec.py): more given names, joined to the gazetteer's.
    "given_names": {"given_names": dict},
}


class LangError(ValueError):
    """The language data is malformed; the message names the file and the key."""


def fold_diacritics(text: str) -> str:
    """Return `text` with ş/ţ (cedilla) replaced by ș/ț (comma below)."""
    return text.translate(_COMMA_BELOW)


# Latin letters that Unicode does not decompose into a base letter and a mark ("Yıldırım", "Łukasz").
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"})


@functools.lru_cache(maxsize=1 << 16)
def ascii_fold(text: str) -> str:
    """Return `text` without diacritics ("Știri" -> "Stiri", "Yıldırım" -> "Yildirim"), for slugs and
    loose comparisons."""
    decomposed = unicodedata.normalize("NFKD", fold_diacritics(text).translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def without_diacritics_too(lang: "Lang") -> "Lang":
    """The language with every word of its word lists also written without diacritics ("dimineața",
    "dimineata"): news typed without them still matches. Word lists are the top-level lists of words and
    those one level inside a mapping, and a mapping's word keys; pairs and examples are left as they are."""
    def words(value):
        if isinstance(value, list) and all(isinstance(w, str) for w in value):
            return value + [f for f in dict.fromkeys(ascii_fold(w) for w in value) if f not in value]
        return value

    rules: dict[str, Any] = {}
    for name, value in lang.rules.items():
        if name == "examples":
            rules[name] = value
        elif isinstance(value, dict):
            inner = {k: words(v) for k, v in value.items()}
            for k, v in value.items():
                if isinstance(k, str) and ascii_fold(k) not in inner:
                    inner[ascii_fold(k)] = words(v)
            rules[name] = inner
        else:
            rules[name] = words(value)
    return Lang(rules=rules, gazetteer=lang.gazetteer, code=lang.code)


@functools.lru_cache(maxsize=1 << 16)
def key(name: str) -> str:
    """A comparison key: no diacritics, no case, hyphens as spaces ("Kim Jong-un" == "Kim Jong Un")."""
    return " ".join(ascii_fold(name).lower().replace("-", " ").split())


def spelled(name: str) -> str:
    """A comparison key that keeps diacritics ("Șiria" != "Siria"), only case and spacing folded."""
    return " ".join(fold_diacritics(name).lower().replace("-", " ").split())


def alternation(words) -> str:
    """A regex alternation of `words`, longest first, each escaped; spaces match one run of spaces."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)


@dataclass(frozen=True, eq=False)  # hashed by identity, so compiled rules can be cached per Lang
class Lang:
    """The validated rules of one language, plus its gazetteer."""

    rules: dict[str, Any]
    gazetteer: dict[str, Any]
    code: str = "ro"

    def __getitem__(self, name: str) -> Any:
        return self.rules[name]

    def words(self, name: str) -> list[str]:
        """The word list under `name` (for dicts: their keys)."""
        value = self.rules[name]
        return list(value.keys()) if isinstance(value, dict) else list(value)

    def alt(self, name: str) -> str:
        """The regex alternation of the words under `name`."""
        return alternation(self.words(name))

    def keys_of(self, name: str) -> set[str]:
        """The comparison keys of the words under `name` (diacritics and case folded)."""
        return {key(w) for w in self.words(name)}

    def noun_endings(self) -> list[str]:
        """The keys of the noun endings (article and case: "ului", "ul", "ei"), longest first: the
        order in which `names.noun_stems` tries them."""
        return sorted(self.keys_of("noun_endings"), key=len, reverse=True)

    def inverse(self, name: str) -> dict[str, Any]:
        """For `{value: [word, ...]}` mappings, the `{word: value}` lookup (lowercase words)."""
        out: dict[str, Any] = {}
        for value, words in self.rules[name].items():
            for word in words:
                out[word.lower()] = value
        return out


def _fold_tree(node: Any) -> Any:
    if isinstance(node, str):
        return fold_diacritics(node)
    if isinstance(node, list):
        return [_fold_tree(x) for x in node]
    if isinstance(node, dict):
        return {_fold_tree(k): _fold_tree(v) for k, v in node.items()}
    return node


def _read_yaml(path: Path, required: dict[str, type]) -> dict[str, Any]:
    name = f"{path.parent.name}/{path.name}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LangError(f"{name}: not valid YAML: {exc}") from exc
    except OSError as exc:
        raise LangError(f"{name}: cannot be read ({exc.strerror or exc})") from exc
    if not isinstance(data, dict):
        raise LangError(f"{name}: expected a mapping at the top level")
    for k, kind in required.items():
        if k not in data:
            raise LangError(f"{name}: missing key '{k}'")
        if not isinstance(data[k], kind):
            raise LangError(f"{name}: key '{k}' must be a {kind.__name__}, got {type(data[k]).__name__}")
    unknown = set(data) - set(required) - {"examples"}
    if unknown:
        raise LangError(f"{name}: unknown key(s) {', '.join(sorted(unknown))}")
    if not isinstance(data.get("examples", {}), dict):
        raise LangError(f"{name}: key 'examples' must map a rule group to a list of examples")
    return _fold_tree(data)


def _validate_rules(rules: dict[str, Any], where: dict[str, str]) -> None:
    def fail(k: str, message: str) -> None:
        raise LangError(f"{where[k.split('.')[0]]}: key '{k}' {message}")

    for k in ("months", "weekdays", "seasons", "period_parts", "relative_units", "duration_units"):
        for value, words in rules[k].items():
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                fail(f"{k}.{value}", "must be a list of words")
    for holiday in rules["holidays"]:
        fixed = isinstance(holiday, dict) and isinstance(holiday.get("month"), int) and isinstance(holiday.get("day"), int)
        easter = isinstance(holiday, dict) and isinstance(holiday.get("easter"), int)
        if not (fixed != easter and isinstance(holiday.get("forms"), list) and all(isinstance(f, str) and f for f in holiday["forms"])):
            fail("holidays", f"holds {holiday!r}; each entry must be {{forms: [...], month: M, day: D}} or {{forms: [...], easter: DAYS}}")
    for pair in rules["quote_marks"]:
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) and 1 <= len(p) <= 2 for p in pair)):
            fail("quote_marks", f"holds {pair!r}; each entry must be [open, close]")
    for k in ("name_inflections", "adjective_inflections"):
        for pair in rules[k]:
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
                fail(k, f"holds {pair!r}; each entry must be [ending, base]")
    for k in ("number_words", "article_numbers", "scale_words"):
        for word, value in rules[k].items():
            if not isinstance(value, (int, float)):
                fail(f"{k}.{word}", "must be a number")
    for gender, words in rules["pronouns"].items():
        if gender not in ("m", "f", "any") or not isinstance(words, list):
            fail(f"pronouns.{gender}", "must be m, f or any, each with a list of words")


def _validate_gazetteer(gaz: dict[str, Any], name: str) -> None:
    for gender, names in gaz["given_names"].items():
        if gender not in ("m", "f") or not isinstance(names, list):
            raise LangError(f"{name}: key 'given_names.{gender}' must be m or f with a list of names")
    both = {key(n) for n in gaz["given_names"].get("m", [])} & {key(n) for n in gaz["given_names"].get("f", [])}
    if both:
        # "Gheorghiță" and "Gheorghița" fold to one key: a pronoun could not tell the gender
        raise LangError(f"{name}: given names listed as both m and f once folded: {', '.join(sorted(both))}")
    for k in ("people", "places", "organizations"):
        for i, entry in enumerate(gaz[k]):
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                raise LangError(f"{name}: key '{k}[{i}]' needs a 'name'")
            for sub in ("aliases", "forms", "roles"):
                if sub in entry and not isinstance(entry[sub], list):
                    raise LangError(f"{name}: key '{k}[{i}].{sub}' must be a list")


@functools.lru_cache(maxsize=4)
def load(code: str = "ro", lang_dir: Path = LANG_DIR) -> Lang:
    """Load and validate every `lang_dir/<code>/<concept>.yaml` (see `SCHEMA`)."""
    folder = lang_dir / code
    rules: dict[str, Any] = {"examples": {}}
    where: dict[str, str] = {}
    gazetteer: dict[str, Any] = {}
    for concept, required in SCHEMA.items():
        path = folder / f"{concept}.yaml"
        data = _read_yaml(path, required)
        for group, examples in data.pop("examples", {}).items():
            rules["examples"][group] = examples
        if concept == "gazetteer":
            _validate_gazetteer(data, f"{code}/{path.name}")
            gazetteer = data
            continue
        if concept == "given_names":
            for gender, names in data["given_names"].items():
                known = gazetteer["given_names"].setdefault(gender, [])
                known += [n for n in names if n not in known]
            continue
        rules.update(data)
        where.update({k: f"{code}/{path.name}" for k in data})
    strays = sorted(p.name for p in folder.glob("*.yaml") if p.stem not in SCHEMA)
    if strays:
        raise LangError(f"{code}/: unknown rule file(s) {', '.join(strays)} (known: {', '.join(SCHEMA)})")
    _validate_rules(rules, where)
    return Lang(rules=rules, gazetteer=gazetteer, code=code)


def rules_fingerprint(code: str = "ro", lang_dir: Path = LANG_DIR) -> str:
    """A hash of every rule file's bytes: a changed rule invalidates cached extraction."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted((lang_dir / code).glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
