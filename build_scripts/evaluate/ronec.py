"""Name-level scores of the entity layer on RONEC v2's validation split (`../shared/data/ronec/`).

Each sentence is rebuilt from its tokens, run through the model and our entity components, and compared
with the gold spans, as the data's README describes: PERSON; PLACE = GPE + LOC; ORG. A prediction
matches a gold span of its class in the same sentence when the texts are equal, or when one contains the
other as whole tokens and holds at least 60% of the longer one's characters (diacritics and ş/ș folded).
Only gold spans with a capitalized token count (RONEC also tags "președintele", "el" as PERSON).
The raw NER of the model is scored the same way, for comparison.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Optional

from ..lang import ascii_fold
from .scores import Score, match_greedy

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "ronec" / "ronec_v2_dev.json"
CLASSES = {"PERSON": "people", "GPE": "places", "LOC": "places", "ORG": "organizations"}
OURS = {"person": "people", "place": "places", "organization": "organizations"}
MIN_SHARE = 0.6


_TOKEN = re.compile(r"\w+|[^\w\s]")


def _tokens(text: str) -> list[str]:
    """Word and punctuation tokens, diacritics and case folded ("„Chimia”" -> ["„", "chimia", "”"])."""
    return _TOKEN.findall(ascii_fold(text).lower())


def same_name(pred: str, gold: str) -> bool:
    """Equal, or one inside the other as whole tokens with at least 60% of the longer one's characters."""
    a, b = _tokens(pred), _tokens(gold)
    if a == b:
        return bool(a)
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not short or len("".join(short)) < MIN_SHARE * len("".join(long_)):
        return False
    n = len(short)
    return any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


def gold_spans(tokens: list[str], tags: list[str], spaces: list[bool]) -> list[tuple[str, str]]:
    """(kind, text) of the gold names in one sentence (BIO2 tags), spaced as in the sentence."""
    out, current = [], None
    for i, tag in enumerate(tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (current is None or current[0] != tag[2:])):
            if current:
                out.append(current)
            current = [tag[2:], i, i + 1]
        elif tag.startswith("I-"):
            current[2] = i + 1
        else:
            if current:
                out.append(current)
            current = None
    if current:
        out.append(current)
    spans = []
    for c, start, end in out:
        if c in CLASSES and any(w[:1].isupper() for w in tokens[start:end]):
            text = "".join(tokens[i] + (" " if spaces[i] and i < end - 1 else "") for i in range(start, end))
            spans.append((CLASSES[c], text))
    return spans


def _score(scores: dict[str, Score], gold: list[tuple[str, str]], pred: list[tuple[str, str]]) -> None:
    for kind, score in scores.items():
        g = [t for k, t in gold if k == kind]
        p = [t for k, t in pred if k == kind]
        score.add(g, p, same_name)


def evaluate(path: Path = DEFAULT_DATA, limit: Optional[int] = None) -> dict[str, dict[str, Score]]:
    """{"pipeline": scores, "ner": scores} per kind (people, places, organizations)."""
    from spacy.tokens import Doc

    from .. import nlp as nlp_mod

    nlp = nlp_mod.load()
    data = json.loads(Path(path).read_text(encoding="utf-8"))[:limit]
    ours = [name for name in ("explainer_gazetteer", "explainer_entities")]
    model = [name for name in nlp.pipe_names if not name.startswith("explainer_")]
    result = {"pipeline": _empty(), "ner": _empty()}
    docs = (Doc(nlp.vocab, words=ex["tokens"], spaces=ex["space_after"]) for ex in data)
    with nlp.select_pipes(enable=model):
        parsed = nlp.pipe(docs, batch_size=64)
        for example, doc in zip(data, parsed):
            gold = gold_spans(example["tokens"], example["ner_tags"], example["space_after"])
            raw = [(CLASSES[e.label_], e.text) for e in doc.ents
                   if e.label_ in CLASSES and any(t.text[:1].isupper() for t in e)]
            _score(result["ner"], gold, raw)
            for name in ours:
                doc = nlp.get_pipe(name)(doc)
            pred = [(OURS[s.label_], s.text) for s in doc.spans["entities"] if s.label_ in OURS and any(t.text[:1].isupper() for t in s)]
            _score(result["pipeline"], gold, pred)
    return result


def _empty() -> dict[str, Score]:
    return {kind: Score() for kind in ("people", "places", "organizations")}


def table(result: dict[str, dict[str, Score]]) -> str:
    rows = ["| RONEC v2 dev (names) | precision | recall | F1 | gold | found |", "|---|---|---|---|---|---|"]
    for system, scores in result.items():
        label = "ours" if system == "pipeline" else "model NER alone"
        for kind, s in scores.items():
            rows.append(f"| {kind}, {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.gold} | {s.pred} |")
    return "\n".join(rows)
