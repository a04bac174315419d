"""Safe Markdown and HTML out of article text.

Everything an editor or an article wrote reaches the pages as text, never as markup: `md` neutralizes
both HTML and Markdown syntax for inline use, in one pass over the characters (escaping `'` to `&#x27;`
and then `#` to `&#35;` would turn the first into visible `&#x27;`), and `article_html` writes the
article body as escaped HTML with an anchor per sentence, quotes and repeated paragraphs marked.
"""
from __future__ import annotations

import html
import functools
import posixpath
import re
from typing import Optional

from markupsafe import Markup

from ..model import Article, Quote

# HTML's five, then characters that start Markdown or extension syntax, as numeric references.
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
            **{ch: f"&#{ord(ch)};" for ch in "\\`*_[]{}()#+!|~=^:$%"}}
# "1986. Anul…" or "- text" at the start of a block would become a list (")" is escaped anyway).
_LIST_START = re.compile(r"^(?:(\d{1,9})\.|-)(?=\s)")
FURNITURE = {"social": "Postare de pe o rețea socială, preluată în articol",
             "read_also": "Trimitere la alt articol", "byline": "Semnătura articolului",
             "stamp": "Data publicării și a actualizării", "tags": "Etichetele articolului",
             "credit": "Sursa fotografiei"}


_ESCAPE_TABLE = str.maketrans(_ESCAPES)


def escape_text(text) -> str:
    """Every character that HTML or Markdown would read as syntax, as a character reference."""
    return str(text).translate(_ESCAPE_TABLE)


def md(text) -> Markup:
    """`text` as inert inline Markdown on one line: HTML escaped, Markdown syntax as references."""
    escaped = escape_text(re.sub(r"\s+", " ", str(text)))
    return Markup(_LIST_START.sub(lambda m: f"{m.group(1)}&#46;" if m.group(1) else "&#45;", escaped))


def paragraphs(text: Optional[str]) -> list[Markup]:
    """A multi-line text (a summary, a policy) as inert paragraphs, split at blank lines."""
    return [md(p.strip()) for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def link(label, url: str) -> Markup:
    """A Markdown link with an escaped label."""
    return Markup(f"[{md(label)}]({url})")


def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative link from one docs-relative .md path to another (with an optional #anchor)."""
    target = _relative_path(from_page, to_page)
    if target == posixpath.basename(from_page) and anchor:
        target = ""
    return f"{target}#{anchor}" if anchor else target


@functools.lru_cache(maxsize=1 << 14)
def _relative_path(from_page: str, to_page: str) -> str:
    return relpath(to_page, posixpath.dirname(from_page))


def relpath(path: str, start: str) -> str:
    """`posixpath.relpath(path, start)` for two docs-relative paths without "." or ".." parts (the
    site's pages and folders; "" is the docs folder): the same answer, without asking the working
    folder for each of the site's hundred thousand links."""
    to = path.split("/") if path else []
    base = start.split("/") if start else []
    common = 0
    for a, b in zip(to, base):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def built_url(page: str) -> str:
    """The directory URL MkDocs gives a docs-relative page: "cronologie.md" -> "cronologie/"."""
    if page == "index.md":
        return ""
    if page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"


def raw_href(from_page: str, to_page: str, anchor: str = "") -> str:
    """A link for raw HTML (which MkDocs does not rewrite): the built URL of `to_page`, relative."""
    base, target = built_url(from_page), built_url(to_page)
    path = "" if base == target else relpath(target.rstrip("/"), base.rstrip("/"))
    path = "" if path in ("", ".") else path + "/"
    return f"{path}#{anchor}" if anchor else (path or "./")


def article_html(article: Article, quotes: list[Quote], fed: set[str],
                 repeats: Optional[dict[int, Markup]] = None, omitted: Optional[dict[int, Markup]] = None) -> Markup:
    """The article body as HTML paragraphs; each sentence is a span with its anchor id, sentences that
    feed a fact or event carry the class `fact`, quotes are marked with their speaker. `repeats` marks
    paragraphs also found elsewhere; `omitted` replaces a paragraph that repeats one above by its note."""
    repeats, omitted = repeats or {}, omitted or {}
    by_sentence: dict[str, list[Quote]] = {}
    for q in quotes:
        if q.direct:
            by_sentence.setdefault(q.sentence, []).append(q)
    groups: dict[int, list] = {}
    for sentence in article.sentences:
        groups.setdefault(sentence.paragraph, []).append(sentence)
    out: list[str] = []
    for number, sentences in groups.items():
        if number in omitted:
            anchors = "".join(f'<span id="{s.id}"></span>' for s in sentences)
            out.append(f'<p class="repeat-note">{anchors}{omitted[number]}</p>')
            continue
        spans = []
        for s in sentences:
            css = "sentence fact" if s.id in fed else "sentence"
            spans.append(f'<span class="{css}" id="{s.id}">{_mark_quotes(s.text, by_sentence.get(s.id, []))}</span>')
        furniture = sentences[0].furniture
        if furniture:
            label = FURNITURE.get(furniture, "Element de pagină")
            out.append(f'<div class="furniture furniture-{furniture}"><p class="furniture-label">{label}</p>'
                       f'<p>{" ".join(spans)}</p></div>')
        elif number in repeats:
            out.append(f'<p class="repeated"><span class="repeat-mark">{repeats[number]}</span> {" ".join(spans)}</p>')
        else:
            out.append(f"<p>{' '.join(spans)}</p>")
    return Markup("\n\n".join(out))


def _mark_quotes(text: str, quotes: list[Quote]) -> str:
    """A sentence as escaped HTML, its direct quotes in spans."""
    out: list[str] = []
    pos = 0
    for q in sorted(quotes, key=lambda q: q.start):
        if q.start < pos or q.end > len(text):
            continue  # a quote reaching into the next sentence is marked only by its anchor
        out.append(html.escape(text[pos:q.start]))
        out.append(f'<span class="quote">{html.escape(text[q.start:q.end])}</span>')
        pos = q.end
    out.append(html.escape(text[pos:]))
    return "".join(out)
