"""The story as JSON data (`facts.json`): the data contract other tools read.

Version 2 adds, without changing any version-1 field: `corrected` on dates, figures, entities and
events (the editor set the value), `speaker_via` on quotes (how the speaker was found), and on events
their stable `id`, `clause`, `context` and `disputed`; `inside` (true, only when so) on a quote said
inside another's quote.
"""
from __future__ import annotations

import json
from typing import Any

from ..model import ArticleFacts, Entity, Event, Story

SCHEMA_VERSION = 2


def story_data(story: Story) -> dict[str, Any]:
    """The `facts.json` document for `story`."""
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [_article(f) for f in story.articles],
        "timeline": [_event(e) for e in story.timeline],
    }


def dumps(data: dict[str, Any]) -> str:
    """Stable, readable JSON (same input, same bytes)."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def article_json(facts: ArticleFacts) -> str:
    """One article of `facts.json`, as `dumps` writes it inside the document."""
    return nested(_article(facts))


def event_json(event: Event) -> str:
    """One event of `facts.json`, as `dumps` writes it inside the document."""
    return nested(_event(event))


def assemble(articles: list[bytes], events: list[bytes]) -> bytes:
    """`dumps(story_data(story))` in UTF-8 from its articles and events (`article_json`, `event_json`,
    encoded): a build reuses the pieces of what did not change."""
    head = dumps({"schema_version": SCHEMA_VERSION, "articles": [], "timeline": []}).encode()
    assert head.endswith(b'"articles": [],\n  "timeline": []\n}\n')
    # One join of bytes: the document is tens of megabytes, each concatenation would copy it again (and
    # joining text of mixed widths, then encoding it, copies it twice more).
    return b"".join([head[:-len(b'[],\n  "timeline": []\n}\n')], *_list_parts(articles), b',\n  "timeline": ',
                     *_list_parts(events), b"\n}\n"])


def nested(value: dict[str, Any]) -> str:
    """`value` as `dumps` writes an item of a list of the document (two levels deep)."""
    # JSON strings hold no raw newline: every newline of the text is the indentation's.
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False).replace("\n", "\n    ")


def json_list(items: list[bytes]) -> bytes:
    """A list of the document from its items (`nested`, encoded), as `dumps` writes it."""
    return b"".join(_list_parts(items))


def _list_parts(items: list[bytes]) -> list[bytes]:
    """The parts of `json_list(items)`, in order."""
    if not items:
        return [b"[]"]
    parts = [b"[\n    "]
    for item in items:
        parts += (item, b",\n    ")
    parts[-1] = b"\n  ]"
    return parts


def _event(e: Event) -> dict[str, Any]:
    """One event of the chronology."""
    return {
        "date": e.date,
        "mod": e.mod,
        "text": e.text,
        "article": e.sources[0].article,
        "sentence": e.sources[0].sentence,
        "sources": [{"article": s.article, "sentence": s.sentence, "date_text": s.date_text} for s in e.sources],
        "id": e.id,
        "clause": e.clause,
        "context": e.context,
        "disputed": e.disputed is not None,
        "corrected": e.corrected,
    }


def _article(facts: ArticleFacts) -> dict[str, Any]:
    """One article's metadata, sentences and facts."""
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
                   "mod": d.mod, "flags": list(d.flags), "corrected": d.corrected} for d in facts.dates],
        "numbers": [{"text": n.text, "value": list(n.value) if isinstance(n.value, tuple) else n.value,
                     "unit": n.unit, "qualifier": n.qualifier, "sentence": n.sentence, "corrected": n.corrected}
                    for n in facts.numbers],
        "people": [_entity(e) for e in facts.people],
        "places": [_entity(e) for e in facts.places],
        "organizations": [_entity(e) for e in facts.organizations],
        "quotes": [{"text": q.text, "speaker": q.speaker, "sentence": q.sentence, "direct": q.direct,
                    "speaker_via": q.speaker_via, **({"inside": True} if q.inside else {})} for q in facts.quotes],
        "sources": [{"name": s.name, "sentence": s.sentence} for s in facts.sources],
    }


def _entity(e: Entity) -> dict[str, Any]:
    """A person, place or organization of one article."""
    return {"name": e.name, "aliases": e.aliases,
            "sentences": sorted({m.sentence for m in e.mentions}, key=_sentence_order), "corrected": e.corrected}


def _sentence_order(anchor: str) -> tuple[int, int]:
    """Reading order of a sentence anchor ("p2-s1")."""
    p, s = anchor[1:].split("-s")
    return int(p), int(s)
