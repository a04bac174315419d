"""The span layer every extractor writes to, and the one rule that settles overlaps.

An article is one spaCy `Doc`. Each component adds typed spans to a named group of `doc.spans`
(`LAYERS`); the attributes the model does not have live in custom extensions, one name per layer so
that spans of two layers over the same characters never share a value (spaCy keys span extensions by
character offsets).
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

# doc.spans keys, in the order the components fill them.
LAYERS = ("entities", "quotes", "dates", "numbers", "sources")
# A token belongs to at most one span of these layers: a number inside a date is the date's.
EXCLUSIVE = ("dates", "numbers", "entities")

_SPAN_EXTENSIONS = {
    "canonical": None,   # entities: the name the story uses ("Rusia" for "Rusiei")
    "role": None,        # entities: the role the text gives a person ("directorul general al AIEA")
    "confirmed": True,   # entities: False when only one weak signal supports the kind
    "forms": (),         # entities: other ways the article writes this mention ("… din Iași", its seat)
    "speaker": None,     # quotes: canonical name of who said it, or None
    "speaker_via": None,  # quotes: how the speaker was found ("name", "role", "pronoun", "previous", ...)
    "direct": True,      # quotes: in quotation marks (True) or reported speech (False)
    "timex": None,       # dates: TIMEX3 value
    "timex_type": "DATE",
    "timex_mod": None,
    "timex_flags": (),
    "amount": None,      # numbers: a number or (low, high)
    "unit": None,
    "qualifier": None,
    "source_name": None,  # sources: the named source
}


def register_extensions() -> None:
    """Declare the custom attributes (idempotent: spaCy keeps them per process)."""
    for name, default in _SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    if not Token.has_extension("fold"):
        # Lowercase without diacritics: rules match "anuntat" and "anunțat" alike.
        from ..lang import ascii_fold

        Token.set_extension("fold", getter=lambda t: ascii_fold(t.text).lower())


def layer(doc: Doc, name: str) -> list[Span]:
    """The spans of one layer, in document order (empty if the component did not run)."""
    return sorted(doc.spans[name], key=lambda s: (s.start, s.end)) if name in doc.spans else []


def claimed(doc: Doc, exclude: str = "") -> list[bool]:
    """Per token: already covered by a span of an exclusive layer (other than `exclude`)."""
    taken = [False] * len(doc)
    for name in EXCLUSIVE:
        if name == exclude or name not in doc.spans:
            continue
        for span in doc.spans[name]:
            for i in range(span.start, span.end):
                taken[i] = True
    return taken


def settle(doc: Doc, name: str, candidates: Iterable[Span]) -> list[Span]:
    """Write the spans of layer `name`: the one overlap rule of the pipeline.

    In an exclusive layer a candidate loses to any span an earlier component already claimed; among
    the rest the longest wins, then the earliest (`spacy.util.filter_spans`). Returns what was kept.
    """
    candidates = list(candidates)
    if name in EXCLUSIVE:
        taken = claimed(doc, exclude=name)
        candidates = [c for c in candidates if not any(taken[c.start:c.end])]
    kept = sorted(filter_spans(candidates), key=lambda s: s.start)
    doc.spans[name] = kept
    return kept


def char_span(doc: Doc, start: int, end: int, label: str = "") -> Optional[Span]:
    """The tokens covering characters [start, end) (expanded to whole tokens), or None."""
    return doc.char_span(start, end, label=label, alignment_mode="expand")
