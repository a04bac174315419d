"""The quotes page: every quote grouped by speaker (with the speaker's role), most quoted first, the
quotes without an identified speaker in their own group at the end."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..model import ArticleFacts, Quote, Story, StoryEntity
from .paging import Part, paginate_stable, split, stable_cuts
from .site import Site

UNKNOWN_SPEAKER = "Vorbitor neidentificat"
PAGE_QUOTES = 300  # quotes a page; past it the speakers continue on "citate/pagina-N.md"


@dataclass
class Speaker:
    """One speaker and what they said, in story order."""

    name: Optional[str]  # None: the quotes nobody was found to have said
    entity: Optional[StoryEntity]
    quotes: list[tuple[ArticleFacts, Quote]] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The group's heading."""
        return self.name or UNKNOWN_SPEAKER

    @property
    def role(self) -> Optional[str]:
        """A person's role (organizations have none)."""
        return self.entity.role if self.entity is not None and self.entity.kind == "person" else None


def speakers(story: Story, site: Site) -> list[Speaker]:
    """Speakers by number of quotes (then name); the unattributed group last."""
    found: dict[Optional[str], Speaker] = {}
    for facts in story.articles:
        for q in facts.quotes:
            name = q.speaker or None
            if name not in found:
                found[name] = Speaker(name, site.entity(name))
            found[name].quotes.append((facts, q))
    for name, speaker in found.items():
        # A named speaker's quotes are those the site lists under the name, in story order.
        speaker.quotes = site.quotes_in_time(name) if name else site.in_time_order(speaker.quotes)
    named = sorted((s for k, s in found.items() if k), key=lambda s: (-len(s.quotes), s.name))
    return named + ([found[None]] if None in found else [])


def total(groups: list[Speaker]) -> int:
    """How many quotes the groups hold."""
    return sum(len(s.quotes) for s in groups)


def pages(groups: list[Speaker], first: str, folder: str) -> list[Part[Speaker]]:
    """The speakers on pages of about `PAGE_QUOTES` quotes, in order; a speaker with more than that
    continues on the next page under the same heading. Both cuts are `stable_cuts`: a quote more or
    less changes the page it is on, not the pages after it."""
    pieces = []
    for s in groups:
        keys = [_key(s.name, f, q) for f, q in s.quotes]
        pieces += [Speaker(s.name, s.entity, chunk) for chunk in split(s.quotes, stable_cuts(keys, PAGE_QUOTES))]
    return paginate_stable(pieces, PAGE_QUOTES, first, folder,
                           key=lambda p: _key(p.name, *p.quotes[0]) if p.quotes else str(p.name),
                           weight=lambda p: max(1, len(p.quotes)))


def _key(speaker: Optional[str], facts: ArticleFacts, quote: Quote) -> str:
    """What names a quote on the quotes pages: its speaker, article, sentence and words."""
    return f"{speaker}\x00{facts.article.id}\x00{quote.sentence}\x00{quote.text}"
