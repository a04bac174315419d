"""The whole site, built for real with `mkdocs build --strict` from a temporary copy of the project."""
from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import mkdocs_cmd

pytestmark = pytest.mark.slow


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.requests: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for attr in ("src", "data-src"):
            if a.get(attr):
                self.requests.append(a[attr])
        if tag == "link" and a.get("rel") in ("stylesheet", "preload", "icon", "modulepreload") and a.get("href"):
            self.requests.append(a["href"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])


@pytest.fixture(scope="module")
def built(built_project):
    return built_project


def _pages(site: Path):
    return sorted(site.rglob("*.html"))


def test_strict_build_has_every_page_kind(built):
    site = built / "site"
    for page in ("index.html", "articole/index.html", "cronologie/index.html", "entitati/index.html",
                 "citate/index.html", "metoda/index.html", "data/facts.json", "404.html"):
        assert (site / page).is_file(), page
    articles = [p for p in (site / "articole").iterdir() if p.is_dir()]
    assert len(articles) == 2
    assert all(re.fullmatch(r"[a-z0-9-]+", p.name) for p in articles)


def test_no_request_leaves_the_site(built):
    for page in _pages(built / "site"):
        refs = _Refs()
        refs.feed(page.read_text(encoding="utf-8"))
        external = [u for u in refs.requests if re.match(r"(?:https?:)?//", u)]
        assert not external, f"{page}: {external}"
        css = "".join(p.read_text(encoding="utf-8") for p in (built / "site").rglob("*.css"))
        assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_every_chronology_link_lands_on_an_anchor(built):
    site = built / "site"
    page = site / "cronologie" / "index.html"
    refs = _Refs()
    refs.feed(page.read_text(encoding="utf-8"))
    targets = [l for l in refs.links if "articole/" in l and "#" in l]
    assert len(targets) >= 8
    for link in targets:
        path, anchor = link.split("#")
        target = (page.parent / path / "index.html").resolve() if not path.endswith(".html") else (page.parent / path).resolve()
        ids = _Refs()
        ids.feed(target.read_text(encoding="utf-8"))
        assert anchor in ids.ids, link


def test_chronology_holds_the_seed_dates_and_nothing_in_may(built):
    text = (built / "site" / "cronologie" / "index.html").read_text(encoding="utf-8")
    for label in ("<strong>2024</strong>", "<strong>aprilie 2025</strong>", "<strong>21 august 2025</strong>",
                  "<strong>septembrie 2025</strong>", "<strong>octombrie 2025</strong>",
                  "<strong>12 decembrie 2025</strong>"):
        assert label in text, label
    assert "Alte date în frază: august" in text  # the mission's start, named beside its sentence's event
    assert " mai 2025</strong>" not in text and "<strong>mai 2025" not in text


def test_markup_in_articles_shows_as_text(built, tmp_path):
    import shutil

    project = tmp_path / "p"
    shutil.copytree(built, project, ignore=shutil.ignore_patterns("site"))
    (project / "seeds" / "zz.txt").write_text(
        "---\ntitle: \"<script>alert(1)</script> **titlu**\"\ndate: 2025-01-02\n---\n"
        "Textul are <img src=x onerror=alert(1)> și [x](javascript:alert(1)) și {{ secret }}.\n\n"
        "!!! note\n\n| a | b |\n", encoding="utf-8")
    result = subprocess.run(mkdocs_cmd() + ["build", "--strict", "--site-dir", "site"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    html = "".join(p.read_text(encoding="utf-8") for p in _pages(project / "site"))
    assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html
    assert "&lt;script&gt;alert" in html  # shown as text


def test_facts_json_is_published(built):
    data = json.loads((built / "site" / "data" / "facts.json").read_text(encoding="utf-8"))
    assert {a["id"] for a in data["articles"]} == {"000_2df28bc92820d916", "001_940d591d78bef77a"}


def test_person_and_review_pages_are_built_outside_the_nav(built):
    site = built / "site"
    assert (site / "entitati" / "kim-jong-un" / "index.html").is_file()
    assert (site / "revizuire" / "index.html").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = re.findall(r'<a href="([^"]*)" class="md-nav__link', home)
    assert "cronologie/" in nav and not any("revizuire" in h or "kim-jong-un" in h for h in nav)
    assert "assets/stylesheets/timeline.css" in home


def test_visual_timeline_links_land_on_chronology_entries(built):
    site = built / "site"
    chronology = site / "cronologie" / "index.html"
    ids = _Refs()
    ids.feed(chronology.read_text(encoding="utf-8"))
    for page, prefix in ((site / "index.html", "cronologie/#"), (chronology, "#")):
        hrefs = re.findall(r'class="tlv-(?:hit|row)[^"]*" href="([^"]+)"', page.read_text(encoding="utf-8"))
        assert hrefs, page
        for href in hrefs:
            assert href.startswith(prefix) and href.split("#", 1)[1] in ids.ids, href
