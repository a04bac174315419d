"""The extraction stage's last step: the article's Doc in, its facts out as the records of `model.py`.

The article's Doc (see `nlp.py`, whose `extract_article` calls this) carries every layer; this module turns the spans into `DateMention`,
`NumberMention`, `Entity`, `Quote` and `SourceMention` records with offsets into their sentence, so that
nothing after this stage depends on spaCy.
"""
from __future__ import annotations

from ..lang import key
from ..model import (Article, ArticleFacts, DateMention, Entity, Mention, NumberMention, Quote,
                     SourceMention)

KIND_ATTR = {"person": "people", "place": "places", "organization": "organizations"}


def facts_from_doc(article: Article, doc, layout) -> ArticleFacts:
    """The records of every layer of `doc`; a span's text is always its sentence's characters."""
    facts = ArticleFacts(article=article)

    def text_of(where):
        sentence, start, end = where
        return sentence.text[start:end]

    def place(span):
        found = layout.sentence_at(span.start_char)
        if found is None:
            return None
        sentence, offset = found
        if sentence.furniture:
            return None  # a byline, a "Citește și" line, an embedded post: no facts
        return sentence, offset, min(len(sentence.text), offset + len(span.text))

    for span in doc.spans.get("dates", []):
        where = place(span)
        if where:
            sentence, start, end = where
            facts.dates.append(DateMention(text=text_of(where), value=span._.timex, type=span._.timex_type,
                                           sentence=sentence.id, start=start, end=end, mod=span._.timex_mod,
                                           flags=tuple(span._.timex_flags)))
    for span in doc.spans.get("numbers", []):
        where = place(span)
        if where:
            sentence, start, end = where
            facts.numbers.append(NumberMention(text=text_of(where), value=span._.amount, unit=span._.unit,
                                               sentence=sentence.id, start=start, end=end,
                                               qualifier=span._.qualifier))
    entities: dict[tuple[str, str], Entity] = {}
    shared = doc.user_data.get("shared_surnames", set())
    for span in doc.spans.get("entities", []):
        name = span._.canonical
        where = place(span)
        if not name or not where or span.label_ not in KIND_ATTR:  # a social network is no fact
            continue  # a reference ("Președintele") the article never tied to a name
        if span.label_ == "person" and " " not in name and key(name) in shared:
            continue  # "Rus" beside Ion Rus and Maria Rus: one of them, which the text does not say
        sentence, start, end = where
        entity = entities.setdefault((span.label_, name), Entity(name=name, kind=span.label_, confirmed=False))
        for form in (span.text, *span._.forms):
            if form not in entity.aliases and form != name:
                entity.aliases.append(form)
        entity.mentions.append(Mention(text=text_of(where), sentence=sentence.id, start=start, end=end))
        entity.role = entity.role or span._.role
        entity.confirmed = entity.confirmed or span._.confirmed
    for entity in entities.values():
        getattr(facts, KIND_ATTR[entity.kind]).append(entity)
    # (a quotation inside another, its own speaker's, is a quote too: `inner_quotes`)
    inner = {(s.start, s.end) for s in doc.spans.get("inner_quotes", [])}
    for span in sorted([*doc.spans.get("quotes", []), *doc.spans.get("inner_quotes", [])], key=lambda s: s.start):
        where = place(span)
        if where:
            sentence, start, end = where
            facts.quotes.append(Quote(text=span.text, speaker=span._.speaker, sentence=sentence.id,
                                      start=start, end=end, direct=span._.direct, speaker_via=span._.speaker_via,
                                      inside=(span.start, span.end) in inner))
    seen = set()
    for span in doc.spans.get("sources", []):
        where = place(span)
        if where and (span._.source_name, where[0].id) not in seen:
            seen.add((span._.source_name, where[0].id))
            facts.sources.append(SourceMention(name=span._.source_name, sentence=where[0].id, text=span.text))
    return facts
