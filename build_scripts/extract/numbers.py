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
            before: list[Span] = []  # this sentence's figures so far
            for mention in extract_numbers(sentence, self.lang, skip):
                span = doc.char_span(start + mention.start, start + mention.end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                unit = mention.unit
                if not _counts_a_noun(doc, span, unit):
                    if _after_a_noun(doc, span):
                        continue  # "pe linia 41 circulă", "autobuz 102 și 116 își vor": numbers that name lines
                    # "dintre care 31 nu au promovat", "față de 17 în aceeași perioadă": what the figure
                    # before it counts, or nothing said ("alte două urmează să fie livrate")
                    unit = before[-1]._.unit if before else None
                out = Span(doc, span.start, span.end, label="figure")
                out._.amount, out._.unit, out._.qualifier = mention.value, unit, mention.qualifier
                found.append(out)
                before.append(out)
        settle(doc, "numbers", found)
        return doc


UNIT_REACH = 6  # words after a figure its unit may be ("4, 6 și 9 ani")
NOT_A_UNIT = {"AUX", "ADP", "CCONJ", "SCONJ", "DET", "PART"}  # parts of speech no figure counts


def _counts_a_noun(doc: Doc, span: Span, unit) -> bool:
    """Whether the word taken for the figure's unit, after it (or after the list or range it opens), is one
    the number can count: not a function word, a clitic pronoun or a finite verb, as the parse reads it
    ("pe linia 41 circulă", "102 și 116 își vor modifica"); a unit not written after it passes (and a
    noun the tagger took for a pronoun: "150 de saltele")."""
    word = next((t for t in doc[span.end: span.end + UNIT_REACH] if t.text == unit), None) if unit else None
    if word is None:
        return True
    clitic = word.pos_ == "PRON" and ("Weak" in word.morph.get("Strength") or "Yes" in word.morph.get("Reflex"))
    finite = word.pos_ == "VERB" and "Fin" in word.morph.get("VerbForm")
    return word.pos_ not in NOT_A_UNIT and not clitic and not finite


def _after_a_noun(doc: Doc, span: Span) -> bool:
    """A lowercase common noun right before the figure, or before the list of numbers it ends ("liniile de
    autobuz 102 și 116"): the number names the thing rather than counts it."""
    i = span.start - 1
    while i > 0 and (doc[i].like_num or (doc[i].text == "," or doc[i].pos_ == "CCONJ") and doc[i - 1].like_num):
        i -= 1
    return i >= 0 and doc[i].pos_ == "NOUN" and doc[i].is_lower
