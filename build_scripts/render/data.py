"""The story as JSON data (`facts.json`): the data contract other tools read."""
from __future__ import annotations

import json
from typing import Any

from ..model import ArticleFacts, Entity, Story

SCHEMA_VERSION = 1


def story_data(story: Story) -> dict[str, Any]:
    """The `facts.json` document for `story`."""
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [_article(f) for f in story.articles],
        "timeline": [
            {
                "date": e.date,
                "mod": e.mod,
                "text": e.text,
                "article": e.sources[0].article,
                "sentence": e.sources[0].sentence,
                "sources": [{"article": s.article, "sentence": s.sentence, "date_text": s.date_text}
                            for s in e.sources],
            }
            for e in story.timeline
        ],
    }


def dumps(data: dict[str, Any]) -> str:
    """Stable, readable JSON (same input, same bytes)."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _article(facts: ArticleFacts) -> dict[str, Any]:
    a = facts.article
    return {
        "id": a.id,
        "slug": a.slug,
        "title": a.title,
        "title_derived": a.title_derived,
        "published": a.published.isoformat() if a.published else None,
        "published_inferred": a.published_inferred,
        "source": a.source,
        "url": a.url,
        "author": a.author,
        "caption": a.caption,
        "credit": a.credit,
        "sentences": [{"id": s.id, "text": s.text} for s in a.sentences],
        "dates": [{"text": d.text, "value": d.value, "type": d.type, "sentence": d.sentence,
                   "mod": d.mod, "flags": list(d.flags)} for d in facts.dates],
        "numbers": [{"text": n.text, "value": list(n.value) if isinstance(n.value, tuple) else n.value,
                     "unit": n.unit, "qualifier": n.qualifier, "sentence": n.sentence} for n in facts.numbers],
        "people": [_entity(e) for e in facts.people],
        "places": [_entity(e) for e in facts.places],
        "organizations": [_entity(e) for e in facts.organizations],
        "quotes": [{"text": q.text, "speaker": q.speaker, "sentence": q.sentence, "direct": q.direct}
                   for q in facts.quotes],
        "sources": [{"name": s.name, "sentence": s.sentence} for s in facts.sources],
    }


def _entity(e: Entity) -> dict[str, Any]:
    return {"name": e.name, "aliases": e.aliases, "sentences": sorted({m.sentence for m in e.mentions},
                                                                       key=_sentence_order)}


def _sentence_order(anchor: str) -> tuple[int, int]:
    p, s = anchor[1:].split("-s")
    return int(p), int(s)
