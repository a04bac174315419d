"""An Atom feed of the articles (`docs/feed.xml`), newest first.

Links are relative to the feed (RFC 4287 allows IRI references), so the committed file does not depend
on the deployment URL; ids are `urn:` names built from the article ids, which never change.
"""
from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from ..model import Story

FEED = "feed.xml"


def atom(story: Story, title: str, subtitle: str) -> str:
    """The Atom document for the story's articles."""
    dated = sorted(story.articles, key=lambda f: (f.article.published or dt.date.min, f.article.id), reverse=True)
    updated = _when(dated[0].article.published if dated else None)
    entries = []
    for f in dated:
        a = f.article
        lead = a.sentences[0].text if a.sentences else ""
        entries.append(
            "  <entry>\n"
            f"    <title>{escape(a.title)}</title>\n"
            f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(f'articole/{a.slug}/')}/>\n"
            f"    <id>urn:explicator:articol:{escape(a.id)}</id>\n"
            f"    <updated>{_when(a.published)}</updated>\n"
            + (f"    <author><name>{escape(a.author)}</name></author>\n" if a.author else "")
            + f"    <summary xml:lang=\"ro\">{escape(lead)}</summary>\n"
            "  </entry>\n")
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ro">\n'
            f"  <title>{escape(title)}</title>\n"
            f"  <subtitle>{escape(subtitle)}</subtitle>\n"
            '  <link rel="alternate" type="text/html" href="./"/>\n'
            '  <link rel="self" type="application/atom+xml" href="feed.xml"/>\n'
            "  <id>urn:explicator:feed</id>\n"
            f"  <updated>{updated}</updated>\n"
            "  <author><name>build_scripts</name></author>\n"
            + "".join(entries) + "</feed>\n")


def _when(day) -> str:
    """An RFC 3339 timestamp (midnight UTC) for a publication date; a fixed one when unknown."""
    day = day or dt.date(2000, 1, 1)
    return f"{day.isoformat()}T00:00:00Z"
