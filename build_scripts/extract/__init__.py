"""Extraction: one article's sentences -> its dates, figures, entities, quotes and sources."""
from __future__ import annotations

from ..lang import Lang
from ..model import ArticleFacts, Article
from .dates import extract_dates
from .entities import EntityResult, extract_entities
from .numbers import extract_numbers
from .quotes import extract_quotes
from .sources import extract_sources


def extract_article(article: Article, lang: Lang) -> tuple[ArticleFacts, EntityResult]:
    """All facts of `article` (already split into sentences, publication date settled)."""
    facts = ArticleFacts(article=article)
    # 1. Temporal expressions, resolved against the publication date.
    for sentence in article.sentences:
        facts.dates.extend(extract_dates(sentence, article.published, lang))
    # 2. Key figures, outside the date expressions.
    spans: dict[str, list[tuple[int, int]]] = {}
    for d in facts.dates:
        spans.setdefault(d.sentence, []).append((d.start, d.end))
    for sentence in article.sentences:
        facts.numbers.extend(extract_numbers(sentence, lang, spans.get(sentence.id, [])))
    # 3. People, places, organizations, merged across the article.
    entities = extract_entities(article.sentences, lang)
    facts.people, facts.places, facts.organizations = entities.people, entities.places, entities.organizations
    # 4. Quotes and their speakers, then named sources.
    facts.quotes = extract_quotes(article.sentences, entities, lang)
    facts.sources = extract_sources(article.sentences, entities, lang)
    return facts, entities
