"""One print PDF of the whole explainer (WeasyPrint): cover, contents, every page, internal links.

The PDF is built from the same generated Markdown as the site (`pipeline.generate`), converted with the
`markdown` library and the site's extensions, so it never depends on a previous `mkdocs build`. Each page
becomes a `<section>`; ids are prefixed with the page so sentence anchors (`p2-s1`) of different articles
do not collide, and every relative `.md` link is rewritten to an internal `#page--anchor` link.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import os
import posixpath
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import jinja2
import markdown

from .. import pipeline
from ..model import Story
from ..render import CHRONOLOGY, HOME, METHOD, QUOTES, article_page
from ..render import chronology as chronology_mod
from ..render import entities as entities_mod
from ..render.labels import date_label
from ..render.markup import built_url
from ..render.site import ENTITY_DIR

HERE = Path(__file__).parent
PDF_CACHE = HERE.parent.parent / ".cache" / "pdf"  # git-ignored, beside the extraction cache
PDF_NAME = "explicatie.pdf"
# The site's stylesheet of the visual timeline, shared by the PDF (it keeps its narrow-screen rules
# inside `@media screen`, which WeasyPrint skips).
TIMELINE_CSS = HERE.parent.parent / "docs" / "assets" / "stylesheets" / "timeline.css"
PDF_EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]  # the site's (mkdocs.yml), for the same HTML
DEFAULT_SITE_URL = "http://localhost:8000/"
COVER_FULL, COVER_MAX, COVER_CITED = 5, 12, 12  # articles listed in full size, listed at all; cited sources
# fonts-dejavu-core: every Romanian letter (ă â î ș ț, with comma below) in serif and sans, all embeddable.
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), HERE / "fonts")

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_ID = re.compile(r'\bid="([^"]*)"')
_HREF = re.compile(r'\bhref="([^"]*)"')


@dataclass
class PdfPage:
    """One site page as a section of the book."""

    path: str
    key: str
    title: str
    html: str
    css: str = "page"


def page_key(path: str) -> str:
    """A section id for a docs-relative page: "articole/x.md" -> "pg-articole-x"."""
    return "pg-" + re.sub(r"[^a-z0-9]+", "-", path.removesuffix(".md").lower()).strip("-")


def book_order(story: Story) -> list[str]:
    """The pages in reading order; the articles index is left out (the contents list them), and so is
    the editors' review page."""
    chronology = [p.path for p in chronology_mod.pages(story)]
    entities = [p.path for p in entities_mod.index_pages(story)]
    people = [e.path for e in entities_mod.entity_pages(story, _site(story))]
    return [HOME, *chronology, *[article_page(f) for f in story.articles], *entities, *people, QUOTES, METHOD]


def _site(story: Story):
    """The render's story-wide lookups (for the people's pages of the book)."""
    from ..render.site import Site

    return Site(story, chronology_mod.event_pages(story.timeline))


def section_class(path: str) -> str:
    """CSS classes of a page's section: articles are set smaller; a person's page runs on (no page break)."""
    if path.startswith("articole/"):
        return "page article"
    if path.startswith(f"{ENTITY_DIR}/") and not path.startswith(f"{ENTITY_DIR}/lista-"):
        return "page entity"
    return "page"


def render_html(story: Story, files: dict[str, str], site_name: str, site_url: str) -> str:
    """The whole book as one HTML document (what WeasyPrint lays out)."""
    order = [p for p in book_order(story) if p in files]
    pages = [_convert(path, files[path], set(order), site_url) for path in order]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True)
    newest = max((f.article.published for f in story.articles if f.article.published), default=None)
    return env.get_template("book.html.j2").render(
        site_name=site_name, pages=pages, story=story, site_url=site_url,
        newest=date_label(newest.isoformat()) if newest else "dată necunoscută",
        published=lambda f: date_label(f.article.published.isoformat()) if f.article.published else "dată necunoscută",
        cited=list(dict.fromkeys(s.name for f in story.articles for s in f.sources)),
        css=_css(), generated=dt.date.today().isoformat(), cover_full=COVER_FULL, cover_max=COVER_MAX,
        cited_max=COVER_CITED)


def write_pdf(seeds_dir: Path, out: Path, config_file: Path, cache_dir: Optional[Path] = PDF_CACHE) -> tuple[Path, int]:
    """Build the PDF of `seeds_dir` into `out`; returns the path and its page count.

    The book's HTML (pages, stylesheet, font paths, WeasyPrint's version) keys a copy of the last PDF
    under `cache_dir`: `mkdocs build` empties site/ every time, and laying out the same book again
    would be the slowest step of a warm `make site`."""
    import weasyprint  # imported here: the rest of the build does not need WeasyPrint

    if os.environ.get("EXPLAINER_NO_CACHE"):
        cache_dir = None

    story, files = pipeline.generate(seeds_dir)
    site_name, site_url = story.info.title, story.info.site_url or _site_url(config_file)
    book = render_html(story, files, site_name, site_url)
    key = hashlib.sha256(f"{weasyprint.__version__}\n{book}".encode()).hexdigest()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".pdf.tmp")
    kept = cache_dir / f"{key}.pdf" if cache_dir else None
    pages_file = kept.with_suffix(".pages") if kept else None
    if kept and kept.is_file() and pages_file.is_file():
        shutil.copyfile(kept, tmp)
        os.replace(tmp, out)
        return out, int(pages_file.read_text(encoding="ascii"))
    document = weasyprint.HTML(string=book, base_url=str(HERE)).render()
    document.write_pdf(tmp)
    if kept:
        _keep(tmp, kept, len(document.pages))
    os.replace(tmp, out)  # atomic: a failed build keeps the previous PDF
    return out, len(document.pages)


def _keep(pdf: Path, kept: Path, pages: int) -> None:
    """Store the PDF (and its page count) as the only one kept; a cache that cannot be written is skipped."""
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        for old in kept.parent.glob("*.p*"):
            old.unlink()
        shutil.copyfile(pdf, kept.with_suffix(".tmp"))
        kept.with_suffix(".pages").write_text(str(pages), encoding="ascii")
        os.replace(kept.with_suffix(".tmp"), kept)
    except OSError:
        pass


def _site_url(config_file: Path) -> str:
    """The public address when the story file gives none: mkdocs.yml's (SITE_URL)."""
    from mkdocs.utils.yaml import yaml_load  # resolves mkdocs.yml's !ENV tags like MkDocs does

    with open(config_file, encoding="utf-8") as fh:
        config = yaml_load(fh) or {}
    return config.get("site_url") or DEFAULT_SITE_URL


def _convert(path: str, text: str, in_book: set[str], site_url: str) -> PdfPage:
    """One generated Markdown page as HTML with page-scoped ids and internal links."""
    text = _FRONT_MATTER.sub("", text)
    body = markdown.markdown(text, extensions=PDF_EXTENSIONS)
    key = page_key(path)
    body = _ID.sub(lambda m: f'id="{key}--{m.group(1)}"', body)
    body = _HREF.sub(lambda m: f'href="{html.escape(_resolve_link(path, html.unescape(m.group(1)), in_book, site_url))}"', body)
    title = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
    plain = html.unescape(re.sub(r"<[^>]+>", "", title.group(1))) if title else path
    return PdfPage(path=path, key=key, title=plain, html=body, css=section_class(path))


def _resolve_link(page: str, href: str, in_book: set[str], site_url: str) -> str:
    """A site link as a PDF link: pages of the book become internal, other site files absolute URLs."""
    if re.match(r"[a-z][a-z0-9+.-]*:", href):
        return href
    target, _, anchor = href.partition("#")
    key = page_key(page)
    if posixpath.basename(target) == PDF_NAME:
        return "#coperta"  # "download the PDF" inside the PDF: its own cover
    if target:
        if _is_built_url(target):  # raw HTML (the visual timeline) links to the built site's URLs
            target = _page_of_url(page, target, in_book)
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
        if target not in in_book:
            if target.endswith(".md"):
                return "#cuprins"  # e.g. the articles index: the contents list the articles
            return site_url.rstrip("/") + "/" + target  # data files stay on the site
        key = page_key(target)
    return f"#{key}--{anchor}" if anchor else f"#{key}"


def _is_built_url(target: str) -> bool:
    """A directory URL of the built site ("cronologie/", "../articole/x/"), not a file or a .md page."""
    return target.endswith("/") or target in (".", "..")


def _page_of_url(page: str, target: str, in_book: set[str]) -> str:
    """The docs-relative page that a built URL (relative to `page`'s own URL) is the address of."""
    url = posixpath.normpath(posixpath.join(built_url(page) or ".", target)).strip("/")
    if url in ("", "."):
        return "index.md"
    candidates = (f"{url}.md", f"{url}/index.md")
    return next((c for c in candidates if c in in_book), candidates[0])


def _css() -> str:
    """The print stylesheet (and the visual timeline's) with the font files' absolute paths filled in."""
    css = (HERE / "print.css").read_text(encoding="utf-8")
    if TIMELINE_CSS.is_file():
        css += "\n" + TIMELINE_CSS.read_text(encoding="utf-8")
    return re.sub(r"url\(font:([^)]+)\)", lambda m: f"url({_font(m.group(1)).as_uri()})", css)


def _font(name: str) -> Path:
    """A font file from the first folder that has it."""
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"font {name} not found in {', '.join(map(str, FONT_DIRS))} "
                            "(install the Debian package fonts-dejavu-core)")

