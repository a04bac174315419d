"""The built site in a real browser: Debian's Chromium driven by Playwright, served on a loopback port.

Besides the checks on the seed site, every page kind of the ten-article story is opened in both palettes
at 1280 and 375 px, screenshotted into `tests/.tmp/screenshots/` (git-ignored; open them to look at the
pages) and checked: no sideways scroll, no console error, no request off the local server, no serious or
critical axe-core violation, and a fact box whose kinds are separate rows.
"""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import ROOT, require
from sites import built_story_site

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
# No sandbox: CI runs as root in a container; the rest keeps Chromium from calling home.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGE_KINDS = ["", "articole/", "cronologie/", "entitati/", "citate/", "metoda/", "revizuire/", "404.html"]
SCREENSHOTS = ROOT / "tests" / ".tmp" / "screenshots"
VARIANTS = [("light", 1280), ("dark", 1280), ("light", 375), ("dark", 375)]
SCHEMES = {"light": "default", "dark": "slate"}
AXE_SERIOUS = ("async () => (await axe.run(document)).violations"
               ".filter(v => ['serious', 'critical'].includes(v.impact))"
               ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))")
# Each kind of fact in the fact box on a row of its own: no term or value starts above the end of the
# previous row.
FACT_ROWS = """() => {
  const dl = document.querySelector('article .admonition dl');
  if (!dl) return ['no fact box'];
  const terms = [...dl.querySelectorAll(':scope > dt')], bad = [];
  terms.forEach((dt, i) => {
    const dd = dt.nextElementSibling, next = terms[i + 1];
    if (!dd || dd.tagName !== 'DD') { bad.push(dt.textContent + ': no value'); return; }
    if (!next) return;
    const end = Math.max(dt.getBoundingClientRect().bottom, dd.getBoundingClientRect().bottom);
    if (next.getBoundingClientRect().top < end - 1) bad.push(dt.textContent + ' / ' + next.textContent);
  });
  return bad;
}"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


def _serve(site: Path):
    """Serve a built site on a free 127.0.0.1 port while the generator is suspended."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def site_url(built_project):
    """The built seed site, served on a free 127.0.0.1 port."""
    yield from _serve(built_project / "site")


@pytest.fixture(scope="module")
def story_site(tmp_path_factory):
    """The ten-article story, built with the real `mkdocs build --strict`."""
    return built_story_site(tmp_path_factory.mktemp("story-site")) / "site"


@pytest.fixture(scope="module")
def story_url(story_site):
    yield from _serve(story_site)


@pytest.fixture(scope="module")
def browser():
    require(CHROMIUM, "Debian's chromium")
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


def _entity_paths(site_url: str, page) -> list[str]:
    page.goto(site_url + "entitati/")
    hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.href)")
    return sorted({h.split("#")[0][len(site_url):] for h in hrefs
                   if h.startswith(site_url + "entitati/") and h.rstrip("/") != site_url + "entitati"})


def _all_pages(site_url: str, page) -> list[str]:
    return PAGE_KINDS + _article_paths(site_url, page) + _entity_paths(site_url, page)


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


def _story_kinds(site: Path) -> dict[str, str]:
    """A page of each kind in the ten-article story's site (the article and person with the most facts)."""
    articles = sorted(p.parent.name for p in (site / "articole").glob("*/index.html"))
    people = sorted(p.parent.name for p in (site / "entitati").glob("*/index.html") if not p.parent.name.startswith("lista-"))
    size = lambda folder, name: (site / folder / name / "index.html").stat().st_size
    return {"home": "", "article": f"articole/{max(articles, key=lambda n: size('articole', n))}/",
            "chronology": "cronologie/", "entities": "entitati/",
            "entity": f"entitati/{max(people, key=lambda n: size('entitati', n))}/", "quotes": "citate/",
            "method": "metoda/"}


@pytest.mark.parametrize("palette,width", VARIANTS, ids=[f"{p}-{w}" for p, w in VARIANTS])
def test_every_page_kind_in_both_palettes_and_on_a_phone(story_url, story_site, browser, palette, width):
    assert AXE.is_file(), "run `npm ci` (the Makefile test target does) to install axe-core"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=palette)
    page = context.new_page()
    errors, foreign, problems = [], [], []
    host = urlparse(story_url).netloc
    page.on("console", lambda m: m.type == "error" and errors.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    page.on("request", lambda r: urlparse(r.url).scheme in ("http", "https", "ws", "wss")
            and urlparse(r.url).netloc != host and foreign.append(r.url))
    for kind, path in _story_kinds(story_site).items():
        page.goto(story_url + path, wait_until="networkidle")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == SCHEMES[palette]
        page.screenshot(path=str(SCREENSHOTS / f"{kind}-{palette}-{width}.png"), full_page=True)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            problems.append(f"{kind}: scrolls sideways ({scroll} px wide)")
        if kind == "article":
            problems += [f"fact box rows: {row}" for row in page.evaluate(FACT_ROWS)]
        page.add_script_tag(path=str(AXE))
        problems += [f"{kind}: axe {v}" for v in page.evaluate(AXE_SERIOUS)]
    context.close()
    assert not errors, errors
    assert not foreign, foreign
    assert not problems, "\n".join(problems)
