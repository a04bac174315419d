"""Load and validate the language rules (`ro.yaml`, `ro_gazetteer.yaml`).

The rules are data; this module only checks their shape (naming the key that is wrong), folds their
diacritics, and offers them as word lists and ready alternations (longest first, so "anul trecut" wins
over "anul").
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

REQUIRED_KEYS = {
    "months": dict, "ambiguous_months": list, "month_cue_words": list, "month_safe_next": list, "comparative_words": list,
    "weekdays": dict, "ambiguous_weekdays": list, "weekday_blockers_before": list,
    "weekday_blockers_after": list, "weekday_past_words": list, "weekday_future_words": list,
    "future_markers": list, "past_auxiliaries": list, "past_participle_endings": list, "past_markers": list, "relative_days": dict, "day_parts": dict, "relative_day_parts": dict, "habitual_markers": list, "relative_units": dict, "relative_modifiers": dict,
    "this_prefix": list, "period_parts": dict, "seasons": dict, "ago_before": list, "ago_after": list,
    "duration_units": dict, "number_words": dict, "article_numbers": dict, "number_word_traps": dict, "function_words": list, "scale_words": dict,
    "vague_quantities": list, "approximations": dict, "percent_words": list, "currencies": dict,
    "number_blockers_before": list, "attribution_before": list, "speech_verbs": list, "source_verbs": list, "not_organizations": list, "org_connectors": list, "nationality_adjectives": list,
    "speaker_pronouns": list, "feminine_pronouns": list, "masculine_pronouns": list, "masculine_names_in_a": list, "feminine_names_not_in_a": list, "first_person_markers": list, "quote_marks": list, "abbreviations": list,
    "person_roles": list, "role_institutions": dict, "org_heads": list, "place_cues": list, "place_prepositions": list,
    "not_entities": list, "name_connectors": list, "name_inflections": list, "adjective_inflections": list, "genitive_articles": list,
    "caption_credit_markers": list, "examples": dict,
}
GAZETTEER_KEYS = {"given_names": list, "people": list, "places": list, "organizations": list}


class LangError(ValueError):
    """The language file is malformed; the message names the file and the key."""


def fold_diacritics(text: str) -> str:
    """Return `text` with ş/ţ (cedilla) replaced by ș/ț (comma below)."""
    return text.translate(_COMMA_BELOW)


def ascii_fold(text: str) -> str:
    """Return `text` without diacritics ("Știri" -> "Stiri"), for slugs and loose comparisons."""
    decomposed = unicodedata.normalize("NFKD", fold_diacritics(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def alternation(words) -> str:
    """A regex alternation of `words`, longest first, each escaped; spaces match any run of spaces."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)


@dataclass(frozen=True, eq=False)  # hashed by identity, so compiled rules can be cached per Lang
class Lang:
    """The validated rules of one language, plus its gazetteer."""

    rules: dict[str, Any]
    gazetteer: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.rules[key]

    def words(self, key: str) -> list[str]:
        """The word list under `key` (for dicts: their keys)."""
        value = self.rules[key]
        return list(value.keys()) if isinstance(value, dict) else list(value)

    def alt(self, key: str) -> str:
        """The regex alternation of the words under `key`."""
        return alternation(self.words(key))

    def inverse(self, key: str) -> dict[str, Any]:
        """For `{value: [word, ...]}` mappings, the `{word: value}` lookup (lowercase words)."""
        out: dict[str, Any] = {}
        for value, words in self.rules[key].items():
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
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LangError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise LangError(f"{path.name}: expected a mapping at the top level")
    for key, kind in required.items():
        if key not in data:
            raise LangError(f"{path.name}: missing key '{key}'")
        if not isinstance(data[key], kind):
            raise LangError(f"{path.name}: key '{key}' must be a {kind.__name__}, got {type(data[key]).__name__}")
    unknown = set(data) - set(required)
    if unknown:
        raise LangError(f"{path.name}: unknown key(s) {', '.join(sorted(unknown))}")
    return _fold_tree(data)


def _validate_rules(rules: dict[str, Any], name: str) -> None:
    for key in ("months", "weekdays", "seasons", "period_parts", "relative_units", "duration_units"):
        for value, words in rules[key].items():
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise LangError(f"{name}: key '{key}.{value}' must be a list of words")
    for pair in rules["quote_marks"]:
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) and len(p) == 1 for p in pair)):
            raise LangError(f"{name}: key 'quote_marks' holds {pair!r}; each entry must be [open, close]")
    for pair in rules["name_inflections"]:
        if not (isinstance(pair, list) and len(pair) == 2):
            raise LangError(f"{name}: key 'name_inflections' holds {pair!r}; each entry must be [ending, base]")
    for key in ("number_words", "article_numbers", "scale_words"):
        for word, value in rules[key].items():
            if not isinstance(value, (int, float)):
                raise LangError(f"{name}: key '{key}.{word}' must be a number")


def _validate_gazetteer(gaz: dict[str, Any], name: str) -> None:
    for key in ("people", "places", "organizations"):
        for i, entry in enumerate(gaz[key]):
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                raise LangError(f"{name}: key '{key}[{i}]' needs a 'name'")
            for sub in ("aliases", "forms", "roles"):
                if sub in entry and not isinstance(entry[sub], list):
                    raise LangError(f"{name}: key '{key}[{i}].{sub}' must be a list")


@functools.lru_cache(maxsize=4)
def load(code: str = "ro", lang_dir: Path = LANG_DIR) -> Lang:
    """Load and validate `<code>.yaml` and `<code>_gazetteer.yaml` from `lang_dir`."""
    rules_path = lang_dir / f"{code}.yaml"
    gaz_path = lang_dir / f"{code}_gazetteer.yaml"
    rules = _read_yaml(rules_path, REQUIRED_KEYS)
    _validate_rules(rules, rules_path.name)
    gazetteer = _read_yaml(gaz_path, GAZETTEER_KEYS)
    _validate_gazetteer(gazetteer, gaz_path.name)
    return Lang(rules=rules, gazetteer=gazetteer)
