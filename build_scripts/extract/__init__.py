"""Extraction: one article -> its dates, figures, entities, quotes and sources.

Every extractor is a spaCy component that adds typed spans to the article's `Doc` (see `spans.py` for
the layers and the one overlap rule). They run after the model's own components (tokenizer, tagger,
morphologizer, parser, lemmatizer, NER), in this order:
"""
from __future__ import annotations

COMPONENTS = [
    ("explainer_gazetteer", "SpanRuler over lang/ro/gazetteer.yaml -> doc.spans['gazetteer'] (known names)"),
    ("explainer_entities", "NER + gazetteers, confirmed -> doc.spans['entities'] (person/place/organization)"),
    ("explainer_quotes", "quotation marks and reported speech, speaker from the parse -> doc.spans['quotes']"),
    ("explainer_dates", "temporal expressions -> doc.spans['dates'] (TIMEX3 values)"),
    ("explainer_numbers", "key figures outside dates -> doc.spans['numbers'] (value, unit, qualifier)"),
    ("explainer_sources", "named sources ('potrivit X', dateline agency) -> doc.spans['sources']"),
]



def register() -> None:
    """Import the component modules, which registers their factories with spaCy (done by `nlp.load`,
    so that reading cached facts never imports spaCy)."""
    from . import dates, entities, gazetteer, numbers, quotes, sources  # noqa: F401
