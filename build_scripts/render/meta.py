"""Per-page metadata in YAML front matter: description from the lead, last update, schema.org JSON-LD.

MkDocs reads the front matter into `page.meta`; Material writes `description` as the meta description and
`overrides/main.html` turns the rest into Open Graph, Twitter card and JSON-LD tags.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any, Optional

import yaml

from ..model import ArticleFacts, Event, Story
from .labels import date_label
from .opendata import headline

DESCRIPTION_MAX = 160
_LINK = re.compile(r"\[([^\]]{0,500})\]\([^)]{0,500}\)")


def front_matter(meta: dict[str, Any]) -> str:
    """A YAML front matter block (must be the very first thing in the file)."""
    # libyaml's emitter when PyYAML has it (it does on every platform with wheels): ten times faster.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return "---\n" + yaml.dump(meta, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def describe(markdown_text: str, fallback: str) -> str:
    """The page's lead as a plain-text description: the first paragraph of prose after the title."""
    body = markdown_text.split("\n# ", 1)[-1].split("\n", 1)[-1]
    for block in re.split(r"\n\s*\n", body):
        # Attribute lists ("{: .entity-meta }") style the paragraph; they are not its words.
        block = "\n".join(line for line in block.strip().splitlines() if not line.strip().startswith("{:"))
        if block and block[0].isalpha():
            return shorten(html.unescape(_LINK.sub(r"\1", " ".join(block.split()))))
    return shorten(fallback)


def shorten(text: str, limit: int = DESCRIPTION_MAX) -> str:
    """At most `limit` characters, cut at a word."""
    return headline(text, limit)


def newest(articles: list[ArticleFacts]) -> Optional[dt.date]:
    """The newest publication date among the articles a page uses."""
    return max((f.article.published for f in articles if f.article.published), default=None)


def updated_line(day: Optional[dt.date]) -> str:
    """The visible "Ultima actualizare" line at the foot of a page."""
    label = date_label(day.isoformat()) if day else "dată necunoscută"
    return f'<p class="updated">Ultima actualizare: {label}</p>\n'


def article_jsonld(facts: ArticleFacts) -> dict[str, Any]:
    """schema.org NewsArticle: headline, publication date, the sources it cites."""
    a = facts.article
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title[:110],
                            "inLanguage": "ro"}
    if a.published:
        data["datePublished"] = a.published.isoformat()
    if a.author:
        data["author"] = {"@type": "Person", "name": a.author}
    if a.source:
        data["publisher"] = {"@type": "Organization", "name": a.source}
    if a.url:
        data["isBasedOn"] = a.url
    names = list(dict.fromkeys(s.name for s in facts.sources))
    data["citation"] = [{"@type": "CreativeWork", "name": n} for n in names]
    return data


def chronology_jsonld(events: list[Event]) -> dict[str, Any]:
    """schema.org ItemList of Event, one per chronology entry of a page, dated at the text's precision
    (ISO 8601)."""
    items = [{"@type": "ListItem", "position": i,
              "item": {"@type": "Event", "name": headline(e.text), "startDate": e.date, "description": e.text}}
             for i, e in enumerate(events, 1)]
    return {"@context": "https://schema.org", "@type": "ItemList", "name": "Cronologie",
            "numberOfItems": len(items), "itemListElement": items}
