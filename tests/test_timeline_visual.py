"""The build-time visual timeline: the HTML fragment, through Markdown, in WeasyPrint and in Chromium."""
from __future__ import annotations

import html
import logging
import re
import subprocess
from html.parser import HTMLParser

import markdown
import pytest

from build_scripts.render.timeline_visual import parse_period, render_timeline
from conftest import ROOT, require

CSS = ROOT / "docs" / "assets" / "stylesheets" / "timeline.css"
SCREENSHOTS = ROOT / "tests" / ".tmp" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
A, B, CTX = (1, "Articol: trupe în Kursk"), (2, "Articol: ceremonia de la Phenian"), (0, "Context")
TRICKY = "Kim & Putin <b>„summit”</b> \"citat\" 'x' ''…'' *stea* _sub_ `cod` [link](http://x) # {: .c} | a\\b"


def _ev(date, label, n, group=A, mod=None):
    return {"date": date, "mod": mod, "label": label, "href": f"#ev-{n}", "group": group[0], "group_label": group[1]}


# The seed story's chronology, plus the other TIMEX3 shapes the extractor produces.
STORY = [
    _ev("2024", "Phenianul începe să trimită trupe și echipamente Rusiei", 1),
    _ev("2025", "Trupe trimise să curețe minele din regiunea Kursk", 2, mod="START"),
    _ev("2025-04", "Coreea de Nord confirmă că are trupe în Rusia", 3),
    _ev("2025-SU", "Vara contraofensivei", 9, mod="END"),
    _ev("2025-07", "Estimare: încă 25.000–30.000 de militari", 4),
    _ev("2025-08", "Începe misiunea de 120 de zile a regimentului", 5, B),
    _ev("2025-08-06/2025-08-11", "Exerciții comune la granița rusă", 6),
    _ev("2025-W33", "Săptămâna negocierilor", 7, B),
    _ev("2025-08-21", "Ceremonie la Phenian cu comandanții unității din Kursk", 8, B),
    _ev("2025-09", "Kim, alături de Xi și Putin la parada de la Beijing", 10),
    _ev("2025-10", "Nu răspunde ofertei lui Trump de a se întâlni", 11),
    _ev("2025-12-12TEV", "Nouă membri ai regimentului au murit, anunță Kim", 12, B),
    _ev("2025-12-13", TRICKY, 13, B),
]
BACKGROUND = [_ev("1986", "Context: primul acord de cooperare militară", 0, CTX)] + [
    _ev("2026-01-15", "Noi trupe trimise în ianuarie", 20), _ev("2026-02", "Retragerea anunțată", 21, B)]


def _many(n: int) -> list[dict]:
    """`n` events spread over 2019-2025, in three groups."""
    return [_ev(f"{2019 + i * 7 // n}-{1 + i % 12:02d}-{1 + i * 7 % 28:02d}" if i % 3 else f"{2019 + i * 7 // n}-{1 + i % 12:02d}",
                f"Eveniment {i} & <detalii>", i, (i % 3, f"Grupa {i % 3}")) for i in range(n)]


class _Collect(HTMLParser):
    """Rows of a fragment: each event link with its marks' classes and styles, and all text."""

    def __init__(self):
        super().__init__()
        self.links, self.marks, self.text, self.tags = [], [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "a":
            self.links.append(a.get("href"))
            self.marks.append([])
        cls = a.get("class") or ""
        if self.marks and re.search(r"(^| )tlv-(pt|bar|whole)( |$)", cls):
            left = float(re.search(r"left:([\d.]+)%", a["style"]).group(1))
            width = re.search(r"width:([\d.]+)%", a["style"])
            self.marks[-1].append((cls.split()[0], left, float(width.group(1)) if width else None))

    def handle_data(self, data):
        self.text.append(data)


def _parse(fragment: str) -> _Collect:
    c = _Collect()
    c.feed(fragment)
    return c


def _mark(fragment: str, kind: str):
    return next(m for row in _parse(fragment).marks for m in row if m[0] == kind)


# --- dates ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value,days,kind", [("2025", 365, "year"), ("2024-02", 29, "month"),
                                             ("2025-08-21", 1, "day"), ("2025-08-21TNI", 1, "day"),
                                             ("2025-08-21T08:40", 1, "day"),
                                             ("2025-W33", 7, "week"), ("2025-SU", 92, "season"),
                                             ("2025-WI", 90, "season")])
def test_timex3_values_become_periods(value, days, kind):
    p = parse_period(value)
    assert (p.end - p.start).days == days and p.kind == kind


@pytest.mark.parametrize("value", ["", "2025-13", "2025-02-30", "azi", "P3D", "2025-W60"])
def test_undated_or_invalid_values_are_left_out(value):
    out = render_timeline([_ev(value, "fără dată", 1), _ev("2025-08", "cu dată", 2)])
    assert "fără dată" not in out and "cu dată" in out


# --- the fragment ----------------------------------------------------------------------------------------

def test_rows_are_in_date_order_and_positions_grow_with_dates():
    shuffled = STORY[::2] + STORY[1::2]
    c = _parse(render_timeline(shuffled))
    assert c.links == [e["href"] for e in STORY]
    lefts = [row[0][1] for row in c.marks]
    assert lefts == sorted(lefts) and lefts[0] == 0.0 and lefts[-1] > 90


def test_an_hour_is_a_point_in_its_day_named_with_it():
    # a live text's entries ("08:40 | …") are drawn, in the order of their hours, not left out
    out = render_timeline([_ev("2025-05-14T18:30", "seara", 2), _ev("2025-05-14T08:40", "dimineața", 1),
                           _ev("2025-05-12", "luni", 3)])
    c = _parse(out)
    assert c.links == ["#ev-3", "#ev-1", "#ev-2"] and "ora 08:40" in out
    lefts = [row[0][1] for row in c.marks]
    assert lefts == sorted(lefts) and lefts[1] < lefts[2]


def test_a_day_is_a_point_and_a_month_a_span():
    day, month = render_timeline([_ev("2025-08-21", "zi", 1)]), render_timeline([_ev("2025-08", "lună", 1)])
    assert "tlv-pt" in day and "tlv-bar" not in day and _mark(day, "tlv-pt")[2] is None
    assert "tlv-bar" in month and "tlv-pt" not in month and _mark(month, "tlv-bar")[2] > 50
    both = _parse(render_timeline([_ev("2025-08", "lună", 1), _ev("2025-08-21", "zi", 2)])).marks
    (_, m_left, m_width), (_, d_left, _) = both[0][0], both[1][0]
    assert m_left < d_left < m_left + m_width  # the day lies inside its month


def test_week_season_year_and_intervals_are_spans_of_their_length():
    out = render_timeline([_ev("2025", "an", 1), _ev("2025-08", "lună", 2), _ev("2025-W33", "săpt", 3),
                           _ev("2025-08-06/2025-08-11", "interval", 4), _ev("2025-SU", "vară", 5)])
    c = _parse(out)
    widths = {["an", "lună", "săpt", "interval", "vară"][int(h[4:]) - 1]: row[0][2] for h, row in zip(c.links, c.marks)}
    assert widths["an"] / widths["lună"] == pytest.approx(365 / 31, rel=0.03)
    assert widths["săpt"] / widths["interval"] == pytest.approx(7 / 6, rel=0.05)
    assert widths["vară"] / widths["lună"] == pytest.approx(92 / 31, rel=0.05)
    assert "6–11 aug. 2025" in out and "6 aug. – 3 sept. 2025" in render_timeline([_ev("2025-08-06/2025-09-03", "i", 1)])
    years = render_timeline([_ev("2024/2025", "doi ani", 1)])
    assert "2024 – 2025" in years and "perioada 2024 – 2025" in years and "tlv-bar" in years


def test_start_middle_end_draw_a_third_inside_the_faint_whole_period():
    out = render_timeline([_ev("2025", "a", 1, mod="START"), _ev("2025", "b", 2, mod="MID"), _ev("2025", "c", 3, mod="END")])
    rows = _parse(out).marks
    for i, row in enumerate(rows):
        (_, wl, ww), (_, bl, bw) = row
        assert bw == pytest.approx(ww / 3, abs=0.02) and bl == pytest.approx(wl + i * ww / 3, abs=0.02)
    for words in ("începutul anului 2025", "mijlocul anului 2025", "sfârșitul anului 2025", "început de 2025"):
        assert words in out


def test_labels_are_escaped_text_never_markup():
    out = render_timeline([_ev("2025-12-13", TRICKY, 1)])
    assert "<b>" not in out and "[link](" not in out and "*stea*" not in out and "`cod`" not in out
    label = re.search(r'<span class="tlv-label">(.*?)</span>', out).group(1)
    assert html.unescape(label) == TRICKY
    # Through Markdown the label stays the same text: no emphasis, link, code or attr_list applied.
    page = markdown.markdown(f"Text\n\n{out}\n", extensions=["attr_list", "tables", "admonition"])
    assert not re.search(r"<(em|strong|code|b|table)\b", page) and 'href="http://x"' not in page


def test_links_are_kept_and_script_urls_dropped():
    out = render_timeline([_ev("2025-08", "a", 1), {**_ev("2025-09", "b", 2), "href": "javascript:alert(1)"},
                           {**_ev("2025-10", "c", 3), "href": "cronologie/#ev-3"}])
    assert _parse(out).links == ["#ev-1", "#", "cronologie/#ev-3"] and "javascript" not in out


def test_screen_readers_get_an_ordered_list_with_dates_in_words():
    out = render_timeline(STORY)
    text = " ".join(_parse(out).text)
    for words in ("anul 2024", "luna aprilie 2025", "ziua 21 august 2025", "săptămâna 11–17 august 2025",
                  "sfârșitul verii 2025", "perioada 6 august 2025 – 11 august 2025", "ziua 12 decembrie 2025, seara"):
        assert words in text
    assert out.count("<li class=\"tlv-ev") == len(STORY) and "<ol class=\"tlv-list\">" in out
    assert out.startswith('<figure class="tlv tlv-full" data-search-exclude>')  # the list below is indexed
    assert 'class="tlv-axis" aria-hidden="true"' in out and out.count('class="tlv-track" aria-hidden="true"') == len(STORY)


def test_romanian_ticks_title_and_legend():
    out = render_timeline(STORY)
    assert "<figcaption class=\"tlv-title\">Cronologie vizuală</figcaption>" in out and "Legendă" in out
    ticks = re.findall(r'class="tlv-tick"[^>]*>(.*?)</span></span>', out)
    assert ticks and set(re.findall(r"<span>([a-z.]+)$", "\n".join(ticks), re.M)) <= {
        "ian.", "feb.", "mar.", "apr.", "mai", "iun.", "iul.", "aug.", "sept.", "oct.", "nov.", "dec."}
    assert all(label in out for _, label in (A, B))
    # Colour is never the only cue: each group has its own shape (and fill pattern) in rows and legend.
    assert "tlv-key tlv-s1" in out and "tlv-key tlv-s2" in out and "tlv-swatch tlv-p1" in out


def test_no_blank_or_indented_line_and_nothing_fetched():
    for out in (render_timeline(STORY), render_timeline(STORY, compact=True), render_timeline(_many(400))):
        lines = out.split("\n")
        assert all(line.strip() and not line.startswith((" ", "\t")) for line in lines)
        assert "<script" not in out and "http" not in out.replace("http&#58;", "").replace("http://x", "")
    css = CSS.read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css and "font-face" not in css


@pytest.mark.parametrize("kwargs", [{}, {"compact": True}])
def test_one_event(kwargs):
    out = render_timeline([_ev("2025-08-21", "Singurul eveniment", 1)], **kwargs)
    assert _parse(out).links == ["#ev-1"] and "1 eveniment" in out
    x = _mark(out, "tlv-pt")[1]
    assert 20 < x < 80  # a lone day sits inside a month of context, not on the edge


def test_four_hundred_events_are_grouped_by_year_and_compact_stays_small():
    events = _many(400)
    out = render_timeline(events)
    assert "tlv-dense" in out and out.count('<li class="tlv-year">') == 7 and len(_parse(out).links) == 400
    assert "400 de evenimente" in out and len(out) < 600_000
    compact = render_timeline(events, compact=True)
    assert len(_parse(compact).links) == 400 and 'style="height:9.0em"' in compact  # at most 6 lanes


def test_far_background_year_breaks_the_axis():
    out = render_timeline(STORY + BACKGROUND)
    assert out.count('class="tlv-break"') == 1 and "întreruptă între 1986 și 2024" in out
    rows = dict(zip(_parse(out).links, _parse(out).marks))
    bg_left, bg_width = rows["#ev-0"][0][1:]
    assert bg_left == 0 and 10 <= bg_width <= 20  # the background year keeps a small slice
    # The story's own weeks stay readable: August 2025 is several % wide, not a pixel.
    assert rows["#ev-5"][0][2] > 3
    assert "tlv-break" not in render_timeline(STORY)  # adjacent years: one continuous axis
    # A story of three weeks and one background year: the weeks get most of the track.
    weeks = _parse(render_timeline([_ev("1986", "bg", 0), _ev("2026-01-05", "a", 1), _ev("2026-01-26", "b", 2)])).marks
    assert weeks[2][0][1] - weeks[1][0][1] > 35


@pytest.mark.parametrize("kwargs", [{}, {"compact": True}])
@pytest.mark.parametrize("events", [STORY, STORY + BACKGROUND, _many(400)], ids=["story", "background", "400"])
def test_fragment_survives_markdown_unchanged(events, kwargs):
    out = render_timeline(events, **kwargs)
    page = f"# Cronologie\n\nText *înainte*.\n\n{out}\n\n## După\n\n- un punct\n"
    converted = markdown.markdown(page, extensions=["attr_list", "tables", "admonition"])
    assert out in converted and "<em>înainte</em>" in converted and "<h2>După</h2>" in converted


# --- print -----------------------------------------------------------------------------------------------

def _page(fragments: list[str], scheme: str = "default", material: bool = True) -> str:
    """A demo page: the fragments, timeline.css and (unless for print) a stand-in for Material's rules."""
    stand_in = """
    html { font-size: 125%; } body { margin: 0; font-family: sans-serif; background: var(--md-default-bg-color);
      color: var(--md-default-fg-color); }
    [data-md-color-scheme=default] { --md-default-fg-color: #000000de; --md-default-fg-color--light: #0000008a;
      --md-default-fg-color--lighter: #00000052; --md-default-fg-color--lightest: #00000012;
      --md-default-bg-color: #fff; --md-typeset-a-color: #4051b5; }
    [data-md-color-scheme=slate] { --md-hue: 225deg; --md-default-fg-color: hsla(225deg, 15%, 90%, 0.82);
      --md-default-fg-color--light: hsla(225deg, 15%, 90%, 0.56); --md-default-fg-color--lighter: hsla(225deg, 15%, 90%, 0.32);
      --md-default-fg-color--lightest: hsla(225deg, 15%, 90%, 0.12); --md-default-bg-color: hsla(225deg, 15%, 14%, 1);
      --md-typeset-a-color: #5488e8; }
    body { --md-primary-fg-color: #4051b5; --md-accent-fg-color: #526cfe; --md-accent-fg-color--transparent: #526cfe1a; }
    .md-content { max-width: 40rem; margin: 0 auto; padding: 0 0.8rem; }
    .md-typeset { font-size: 0.8rem; line-height: 1.6; }
    .md-typeset a { color: var(--md-typeset-a-color); } .md-typeset a:focus, .md-typeset a:hover { color: var(--md-accent-fg-color); }
    .md-typeset figure { display: flow-root; width: fit-content; max-width: 100%; margin: 1em auto; text-align: center; }
    .md-typeset figcaption { max-width: 24rem; margin: 1em auto; font-style: italic; }
    .md-typeset ol:not([hidden]), .md-typeset ul:not([hidden]) { display: flow-root; }
    [dir=ltr] .md-typeset ol li, [dir=ltr] .md-typeset ul li { margin-left: 1.25em; }
    .md-typeset ol li, .md-typeset ul li { margin-bottom: 0.5em; } .md-typeset li a { text-decoration: underline; }
    """
    body = "\n".join(f"<h2>Exemplul {i + 1}</h2>\n{f}" for i, f in enumerate(fragments))
    return (f'<!doctype html><html lang="ro" dir="ltr"><head><meta charset="utf-8"><title>Cronologie vizuală</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<style>{stand_in if material else ''}\n{CSS.read_text(encoding='utf-8')}</style></head>"
            f'<body data-md-color-scheme="{scheme}"><main class="md-content"><article class="md-typeset">'
            f"<h1>Cronologie</h1><p>Evenimentele poveștii, pe o axă a timpului.</p>\n{body}\n</article></main></body></html>")


def test_weasyprint_prints_the_timeline_without_warnings(tmp_path, caplog):
    require("pdftotext", "poppler-utils")
    from weasyprint import HTML

    page = _page([render_timeline(STORY + BACKGROUND), render_timeline(STORY, compact=True)], material=False)
    # The entries the timeline links to, as on the chronology page (WeasyPrint warns about missing anchors).
    page = page.replace("</article>", "".join(f'<p id="ev-{i}">.</p>' for i in range(30)) + "</article>")
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        HTML(string=page).write_pdf(tmp_path / "t.pdf")
    assert not [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")]
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "t.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split())
    for label in ("Ceremonie la Phenian", "Kim & Putin <b>„summit”</b>", "Cronologie vizuală", "Legendă", "21 aug. 2025"):
        assert label in flat
    assert "ziua 21 august 2025" not in flat  # screen-reader words are not printed twice


# --- browser ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    require(CHROMIUM, "Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _open(browser, tmp_path, html_text: str, width: int):
    path = tmp_path / f"demo-{width}.html"
    path.write_text(html_text, encoding="utf-8")
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    foreign = []
    page.on("request", lambda r: not r.url.startswith("file:") and foreign.append(r.url))
    page.goto(path.as_uri())
    return context, page, foreign


@pytest.mark.slow
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_in_chromium_no_sideways_scroll_tab_reaches_every_event_and_axe_passes(browser, tmp_path, scheme, width):
    assert AXE.is_file(), "run `npm ci` (the Makefile test target does) to install axe-core"
    full, compact = render_timeline(STORY + BACKGROUND), render_timeline(STORY, compact=True)
    context, page, foreign = _open(browser, tmp_path, _page([full, compact], scheme), width)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        hrefs = page.eval_on_selector_all(".tlv a", "els => els.map(e => e.getAttribute('href'))")
        assert len(hrefs) == len(STORY + BACKGROUND) + len(STORY)
        page.eval_on_selector_all(".tlv a", "els => els.forEach((e, i) => e.dataset.i = i)")
        reached, rings = set(), set()
        for _ in range(len(hrefs) + 3):  # the page has no other link: Tab walks the events in order
            page.keyboard.press("Tab")
            focused = page.evaluate("""() => { const a = document.activeElement, s = getComputedStyle(a);
                return a.dataset.i ? [a.dataset.i, s.outlineStyle + ' ' + s.outlineWidth] : null; }""")
            if focused:
                reached.add(int(focused[0]))
                rings.add(focused[1])
        assert reached == set(range(len(hrefs)))
        assert rings == {"solid 2px"}  # a visible focus ring on every event
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = f"timeline-{'dark' if scheme == 'slate' else 'light'}-{width}"
        page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        tip = page.locator(".tlv-compact .tlv-ev").nth(7)
        tip.locator("a").focus()
        assert tip.locator(".tlv-tip").is_visible()  # the compact strip shows the focused event's label
        page.locator(".tlv-compact").screenshot(path=str(SCREENSHOTS / f"{name}-compact.png"))
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("async () => (await axe.run(document)).violations"
                                   ".filter(v => ['serious', 'critical'].includes(v.impact))"
                                   ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))")
        assert not violations, violations
        assert not foreign, foreign
    finally:
        context.close()


@pytest.mark.slow
@pytest.mark.parametrize("width", [375, 1280])
def test_in_chromium_four_hundred_events_stay_usable(browser, tmp_path, width):
    events = _many(400)
    context, page, _ = _open(browser, tmp_path, _page([render_timeline(events), render_timeline(events, compact=True)]), width)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        # One line per event: 400 rows fit in a page a reader can still scroll (well under 60 px a row).
        height = page.evaluate("document.querySelector('.tlv-full .tlv-years').getBoundingClientRect().height")
        assert height < 400 * (40 if width == 375 else 25)
        page.screenshot(path=str(SCREENSHOTS / f"timeline-400-{width}.png"), full_page=False)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("async () => (await axe.run(document)).violations"
                                   ".filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id)")
        assert not violations, violations
    finally:
        context.close()


def test_dense_weeks_after_scattered_background_dates_stay_readable():
    # As in news: a few dated background facts years and months apart, then weeks of dense events.
    background = [_ev(d, "fundal", i, CTX) for i, d in enumerate(("1978", "2000", "2019", "2024", "2025-05-26"))]
    weeks = [_ev(f"2026-05-{day:02d}", f"ziua {day}", 100 + day) for day in range(2, 27)]
    out = render_timeline(background + weeks)
    assert out.count('class="tlv-break"') == 5
    rows = dict(zip(_parse(out).links, _parse(out).marks))
    first, last = rows["#ev-102"][0][1], rows["#ev-126"][0][1]
    assert last - first > 40  # May 2026 spreads over a large part of the track, not a corner
    assert all(rows[f"#ev-{i}"][0][1] < first for i in range(5))  # the background stays before it
