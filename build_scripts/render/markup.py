"""Safe Markdown and HTML out of article text.

Everything an editor wrote reaches the pages as text, never as markup: `md` neutralizes both HTML and
Markdown syntax for inline use, and `article_html` writes the article body as escaped HTML with an
anchor per sentence and quotes marked up.
"""
from __future__ import annotations

import html
import posixpath

from markupsafe import Markup

from ..model import Article, Quote

# Characters that start Markdown or extension syntax, as numeric references (rendered as themselves).
_MD_SPECIAL = {ch: f"&#{ord(ch)};" for ch in "\\`*_[]{}()#+!|~=^:$%"}


def md(text) -> Markup:
    """`text` as inert inline Markdown: HTML escaped, Markdown syntax characters as references."""
    escaped = html.escape(str(text), quote=True)
    return Markup("".join(_MD_SPECIAL.get(ch, ch) for ch in escaped))


def link(label, url: str) -> Markup:
    """A Markdown link with an escaped label."""
    return Markup(f"[{md(label)}]({url})")


def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative link from one docs-relative .md path to another (with an optional #anchor)."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    if target == posixpath.basename(from_page) and anchor:
        target = ""
    return f"{target}#{anchor}" if anchor else target


def article_html(article: Article, quotes: list[Quote], fed: set[str]) -> Markup:
    """The article body as HTML paragraphs; each sentence is a span with its anchor id, sentences that
    feed a fact or event carry the class `fact`, quotes are marked with their speaker."""
    by_sentence: dict[str, list[Quote]] = {}
    for q in quotes:
        if q.direct:
            by_sentence.setdefault(q.sentence, []).append(q)
    paragraphs: list[str] = []
    current: list[str] = []
    current_p = None
    for sentence in article.sentences:
        if current_p is not None and sentence.paragraph != current_p:
            paragraphs.append(" ".join(current))
            current = []
        current_p = sentence.paragraph
        body = _mark_quotes(sentence.text, by_sentence.get(sentence.id, []))
        css = "sentence fact" if sentence.id in fed else "sentence"
        current.append(f'<span class="{css}" id="{sentence.id}">{body}</span>')
    if current:
        paragraphs.append(" ".join(current))
    return Markup("\n\n".join(f"<p>{p}</p>" for p in paragraphs))


def _mark_quotes(text: str, quotes: list[Quote]) -> str:
    out: list[str] = []
    pos = 0
    for q in sorted(quotes, key=lambda q: q.start):
        if q.start < pos or q.end > len(text):
            continue  # a quote reaching into the next sentence is marked only by its anchor
        out.append(html.escape(text[pos:q.start]))
        who = html.escape(q.speaker or "vorbitor neidentificat", quote=True)
        out.append(f'<span class="quote" title="Citat: {who}">{html.escape(text[q.start:q.end])}</span>')
        pos = q.end
    out.append(html.escape(text[pos:]))
    return "".join(out)
