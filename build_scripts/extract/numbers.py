"""The figures component: key figures with value, unit and qualifier -> doc.spans["numbers"].

The rules are in `figures.py`; numbers inside a date or an age are not figures ("12 decembrie 2025",
"un bărbat de 45 de ani"), so their characters are skipped here and the layer's overlap rule settles
anything else.
"""
from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lang as lang_mod
from ..lang import Lang
from .figures import extract_numbers
from .spans import settle


@Language.factory("explainer_numbers", default_config={"lang_code": "ro"})
def make_numbers(nlp, name, lang_code: str):
    return NumberFinder(lang_mod.load(lang_code))


class NumberFinder:
    """Adds doc.spans["numbers"] with `amount`, `unit` and `qualifier` on each span."""

    def __init__(self, lang: Lang):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        layout = doc.user_data["layout"]
        # Numbers inside dates and durations are not figures; an age is one ("o femeie de 72 de ani": 72 ani).
        blocked = sorted((s.start_char, s.end_char) for s in doc.spans.get("dates", []))
        starts = [b[0] for b in blocked]
        found = []
        for start, sentence in zip(layout.starts, layout.sentences):
            end = start + len(sentence.text)
            first = bisect.bisect_left(starts, start)
            skip = [(a - start, b - start) for a, b in blocked[first: bisect.bisect_left(starts, end)]]
            for mention in extract_numbers(sentence, self.lang, skip):
                span = doc.char_span(start + mention.start, start + mention.end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                out = Span(doc, span.start, span.end, label="figure")
                out._.amount, out._.unit, out._.qualifier = mention.value, mention.unit, mention.qualifier
                found.append(out)
        settle(doc, "numbers", found)
        return doc
