"""Published metadata: front matter, social tags, JSON-LD, sitemap, 404, Atom feed, "Ultima actualizare"."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
import yaml

from conftest import build_site, copy_project

ATOM = "{http://www.w3.org/2005/Atom}"


class _Head(HTMLParser):
    """Meta tags and JSON-LD scripts of one page."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[dict] = []
        self.jsonld: list[dict] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta[a.get("property") or a.get("name")] = a.get("content", "")
        if tag == "link":
            self.links.append(a)
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.jsonld.append(json.loads(data))
            self._in_ld = False


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("meta") / "project")
    build_site(project, env={"SITE_URL": "https://exemplu.ro/trupe/"})
    return project / "site"


def _head(path) -> _Head:
    head = _Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def test_generated_pages_open_with_front_matter(seed_files):
    for rel, text in seed_files.items():
        if rel.endswith(".md"):
            assert text.startswith("---\n"), rel
            meta = yaml.safe_load(text.split("---\n", 2)[1])
            assert 20 <= len(meta["description"]) <= 160, rel
            assert "Ultima actualizare:" in text, rel


def test_article_pages_are_news_articles(site, story):
    for f in story.articles:
        head = _head(site / "articole" / f.article.slug / "index.html")
        ld = [d for d in head.jsonld if d["@type"] == "NewsArticle"]
        assert len(ld) == 1
        assert ld[0]["headline"] == f.article.title
        assert ld[0]["datePublished"] == f.article.published.isoformat()
        assert {c["name"] for c in ld[0]["citation"]} == {s.name for s in f.sources}
        assert ld[0]["url"] == f"https://exemplu.ro/trupe/articole/{f.article.slug}/"
        assert head.meta["og:type"] == "article" and head.meta["twitter:card"] == "summary"
        assert head.meta["description"] == head.meta["og:description"] != ""
        canonical = [l for l in head.links if l.get("rel") == "canonical"]
        assert canonical and canonical[0]["href"] == ld[0]["url"]


def test_chronology_is_an_item_list_of_events(site, story):
    ld = _head(site / "cronologie" / "index.html").jsonld[0]
    assert ld["@type"] == "ItemList" and ld["numberOfItems"] == len(story.timeline)
    items = [i["item"] for i in ld["itemListElement"]]
    assert all(i["@type"] == "Event" and i["startDate"] for i in items)
    assert "2025-08-21" in {i["startDate"] for i in items}


def test_every_page_has_social_tags_and_last_update(site):
    for page in site.rglob("index.html"):
        head = _head(page)
        assert head.meta.get("og:title") and head.meta.get("og:description"), page
        assert re.search(r"Ultima actualizare: \d{1,2} \w+ \d{4}", page.read_text(encoding="utf-8")), page


def test_sitemap_404_and_feed(site, story):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://exemplu.ro/trupe/cronologie/" in sitemap
    assert "Pagina nu a fost găsită" in (site / "404.html").read_text(encoding="utf-8")
    feed = ET.parse(site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert {e.findtext(f"{ATOM}title") for e in entries} == {f.article.title for f in story.articles}
    for e in entries:
        href = e.find(f"{ATOM}link").get("href")
        assert (site / href / "index.html").is_file(), href


def test_data_files_and_pdf_are_linked(site):
    chronology = (site / "cronologie" / "index.html").read_text(encoding="utf-8")
    method = (site / "metoda" / "index.html").read_text(encoding="utf-8")
    for name in ("timeline.json", "timeline.csv", "cronologie.ics"):
        assert f"../data/{name}" in chronology and f"../data/{name}" in method
        assert (site / "data" / name).is_file()
    assert 'href="../explicatie.pdf"' in method
    assert 'href="explicatie.pdf"' in (site / "index.html").read_text(encoding="utf-8")
