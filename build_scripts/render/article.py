"""An article page: its metadata, the fact box (one row per kind of fact) and the text, with every
sentence anchored, quotes marked and repeated paragraphs shown once."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from markupsafe import Markup

from ..model import ArticleFacts, Entity, Story
from .labels import number_label
from .markup import article_html, md, raw_href
from .site import HOME_COUNTRY, Helpers, Site, article_page

QUOTE_WORDS = 14  # words of a quote in the fact box; the whole quote is one click away


@dataclass
class Named:
    """A person, place or organization of the fact box: its link and what to say beside it."""

    entity: Entity
    note: Optional[str]  # a person's role, a foreign place's country


def context(facts: ArticleFacts, story: Story, site: Site, h: Helpers) -> dict[str, Any]:
    """Everything the article template shows."""
    return {
        "f": facts,
        "dates": [d for d in facts.dates if d.type != "DURATION"],
        "durations": [d for d in facts.dates if d.type == "DURATION"],
        "people": [Named(e, _role(e, site)) for e in facts.people],
        "places": [Named(e, _country(e, site)) for e in facts.places],
        "organizations": [Named(e, None) for e in facts.organizations],
        "sources": list({s.name: s for s in facts.sources}.values()),
        "body": body(facts, story, h),
        "short": short_quote,
        "figure_value": figure_value,
    }


def figure_value(n) -> str:
    """The normalized value when the words differ from it ("Nouă" -> "9"), else nothing."""
    label = number_label(n.value)
    return "" if label in n.text else label


def short_quote(text: str, words: int = QUOTE_WORDS) -> str:
    """The first words of a quote."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def body(facts: ArticleFacts, story: Story, h: Helpers) -> Markup:
    """The text of the article, with repeated paragraphs marked (and a repeat inside it shown once)."""
    here = facts.article.id
    marks: dict[int, Markup] = {}
    omitted: dict[int, Markup] = {}
    for r in h.site.repeats_of.get(here, ()):
        if r.article == here and r.of_article == here:
            omitted[r.paragraph] = Markup(
                f'<span class="repeat-mark">paragraf repetat</span> Paragraful {r.paragraph} repetă '
                f'<a href="#p{r.of_paragraph}-s1">paragraful {r.of_paragraph}</a>, de mai sus; '
                "este afișat o singură dată.")
            marks.setdefault(r.of_paragraph, Markup("paragraf repetat (apare de două ori în acest articol)"))
        elif r.article == here:
            marks[r.paragraph] = _elsewhere(h, r.of_article, r.of_paragraph)
        elif r.of_article == here:
            marks.setdefault(r.of_paragraph, _elsewhere(h, r.article, r.paragraph))
    return article_html(facts.article, facts.quotes, _fed(facts, h.site), repeats=marks, omitted=omitted)


def _elsewhere(h: Helpers, article_id: str, paragraph: int) -> Markup:
    """ "paragraf repetat (apare și în <link>)", the link in raw HTML (the body is raw HTML)."""
    other = h.site.by_id[article_id]
    href = raw_href(h.page, article_page(other), f"p{paragraph}-s1")
    return Markup(f'paragraf repetat (apare și în <a href="{href}">{md(h.label(other))}</a>)')


def _fed(facts: ArticleFacts, site: Site) -> set[str]:
    """Sentences that give a fact or an event (highlighted as such in the text)."""
    fed = {d.sentence for d in facts.dates} | {n.sentence for n in facts.numbers}
    fed |= {q.sentence for q in facts.quotes} | {s.sentence for s in facts.sources}
    for e in facts.people + facts.places + facts.organizations:
        fed |= {m.sentence for m in e.mentions}
    return fed | site.event_sentences.get(facts.article.id, set())


def _role(e: Entity, site: Site) -> Optional[str]:
    """A person's role: the article's own, else the story's."""
    story_entity = site.by_kind.get(("person", e.name))
    return e.role or (story_entity.role if story_entity is not None else None)


def _country(e: Entity, site: Site) -> Optional[str]:
    """A foreign place's country (Romanian name); nothing for a place at home."""
    story_entity = site.by_kind.get(("place", e.name))
    country = story_entity.country if story_entity is not None else None
    return country if country and country != HOME_COUNTRY else None
