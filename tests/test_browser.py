"""The built site in a real browser: Debian's Chromium driven by Playwright, served on a loopback port."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
# No sandbox: CI runs as root in a container; the rest keeps Chromium from calling home.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGE_KINDS = ["", "articole/", "cronologie/", "entitati/", "citate/", "metoda/", "404.html"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def site_url(built_project):
    """The built seed site, served on a free 127.0.0.1 port."""
    project = built_project
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    yield p
    context.close()


def _article_paths(site_url: str, page) -> list[str]:
    page.goto(site_url + "articole/")
    hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.href)")
    return sorted({h.split("#")[0][len(site_url):] for h in hrefs
                   if h.startswith(site_url + "articole/") and h.rstrip("/") != site_url + "articole"})


def _all_pages(site_url: str, page) -> list[str]:
    return PAGE_KINDS + _article_paths(site_url, page)


def test_every_page_loads_without_console_errors_or_foreign_requests(site_url, page):
    errors: list[str] = []
    foreign: list[str] = []
    host = urlparse(site_url).netloc
    page.on("console", lambda m: m.type == "error" and errors.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    page.on("request", lambda r: urlparse(r.url).scheme in ("http", "https", "ws", "wss")
            and urlparse(r.url).netloc != host and foreign.append(r.url))
    paths = _all_pages(site_url, page)
    assert len(paths) >= len(PAGE_KINDS) + 2
    for path in paths:
        response = page.goto(site_url + path, wait_until="networkidle")
        assert response is not None and (response.ok or path == "404.html"), path
    assert not errors, errors
    assert not foreign, foreign


@pytest.mark.parametrize("query", ["Kursk", "sâmbătă", "sambata", "SAMBATA"])
def test_search_finds_words_with_or_without_diacritics(site_url, page, query):
    page.goto(site_url, wait_until="networkidle")
    # Typed key by key, as a reader does: Material searches on each keystroke once its worker is ready.
    page.wait_for_function("document.querySelector('.md-search__input') !== null")
    page.click("input.md-search__input")
    page.type("input.md-search__input", query, delay=40)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10000)
    assert results.count() >= 1
    # The top result really holds the word (with its diacritics).
    text = page.locator(".md-search-result").inner_text().lower()
    assert "kursk" in text if query == "Kursk" else "sâmbătă" in text


def test_chronology_link_lands_on_its_highlighted_sentence(site_url, page):
    page.goto(site_url + "cronologie/", wait_until="networkidle")
    link = page.locator("article a[href*='articole/'][href*='#']").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state("networkidle")
    anchor = href.split("#", 1)[1]
    assert page.evaluate("location.hash") == "#" + anchor
    target = page.locator(f"[id='{anchor}']")
    assert target.count() == 1 and target.is_visible()
    assert page.evaluate(f"document.getElementById({anchor!r}).matches(':target')")
    # Visibly highlighted: its background differs from the page's, and it is in the viewport.
    background = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]


def test_palette_toggle_switches_light_and_dark(site_url, page):
    page.goto(site_url, wait_until="networkidle")
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    first = scheme()
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== {first!r}")
    second = scheme()
    assert {first, second} == {"default", "slate"}
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === {first!r}")


def test_no_page_scrolls_sideways_at_375px(site_url, browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    wide = []
    for path in _all_pages(site_url, page):
        page.goto(site_url + path, wait_until="networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            wide.append((path, width))
    context.close()
    assert not wide, wide


def test_axe_finds_no_serious_or_critical_violation(site_url, browser):
    assert AXE.is_file(), "run `npm ci` (the Makefile test target does) to install axe-core"
    found = []
    for media, scheme in (("light", "default"), ("dark", "slate")):
        # A fresh context per palette: the page loads in the system's scheme (Material stores the palette
        # once chosen), so axe never measures colours in the middle of the theme's transition.
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=media)
        page = context.new_page()
        for path in _all_pages(site_url, page):
            page.goto(site_url + path, wait_until="networkidle")
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
            page.add_script_tag(path=str(AXE))
            violations = page.evaluate("async () => (await axe.run(document)).violations"
                                       ".filter(v => ['serious', 'critical'].includes(v.impact))"
                                       ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))")
            found += [f"{path or 'index'} [{scheme}] {v}" for v in violations]
        context.close()
    assert not found, "\n".join(found)
