"""No visible escaping anywhere: articles full of characters that HTML and Markdown read as syntax
('' … '', &, <, ", ', a literal &#x27;, *, _, #, [x](y), |, {{ }}) go through every page kind, the real
`mkdocs build --strict` and the PDF; no text a reader sees may show &amp; &# &quot; &lt; &gt; where the
article had a plain character. (The bug this guards: ''provocare…'' shown as &#x27;&#x27;provocare….)"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser

import pytest

from conftest import build_site, require
from sites import project_with_seeds

pytestmark = pytest.mark.slow

# The articles write these on purpose: they must show exactly so (each is unique, so it can be removed
# before looking for escapes that should not be there).
LITERALS = ["X&#x27;Y", "A&amp;B", "Z&lt;tagZ", "Q&quot;Q"]
VISIBLE_ESCAPE = re.compile(r"&amp;|&#|&quot;|&lt;|&gt;")
ARTICLES = {
    "01_tricky.txt": """---
title: "Kessler & Partners: ''provocare pe scară largă'' <b>„test”</b> \\"citat\\" 'x' X&#x27;Y *stea* _sub_ [x](y) #tag | a"
date: 2026-05-11
source: "Europa & Liberă <i>"
author: "O'Neill & Co"
---
Procurorul-șef Cornel Drăgulescu a declarat luni, 11 mai 2026, că expertiza Kessler & Partners confirmă valori <5 mg/l și "probleme" la vana rezervorului.

''Vana a fost înlocuită în februarie 2024, avem procesul-verbal'', a declarat Liviu Hârșan, directorul general al combinatului Agrochim Dunărea. ''provocare pe scară largă'', a spus acesta.

Patrick O'Neill, partener la Kessler & Partners, a spus marți că „nu putem exclude nicio ipoteză & nici eroarea umană”. Codul X&#x27;Y apare literal, la fel A&amp;B și Z&lt;tagZ și Q&quot;Q.

* Zimnicea, canalul de evacuare | 4,1 mg/l __bold__ `cod` {{ secret }} {% raw %} !!! note

Pe 12 mai 2026, aproximativ 1.200 de persoane au fost evacuate din Fântânele, a anunțat Cornel Drăgulescu, procurorul-șef.

La intervenție au participat 42 de autospeciale & 160 de pompieri din județele Teleorman, Giurgiu, Olt și Dâmbovița, sprijiniți de un echipaj <CBRN> "special".
""",
    "02_tricky.txt": """---
title: "Al doilea articol <script>alert(1)</script> & ''ghilimele''"
date: 2026-05-12
source: "G4Media"
---
Liviu Hârșan, directorul general al combinatului Agrochim Dunărea, a declarat marți, 12 mai 2026, că ''nu a primit niciodată vreo informare'' despre supapă & vană.

Cornel Drăgulescu a spus miercuri că peste 1.500 de persoane au fost evacuate din Fântânele & Zimnicea, iar valorile erau <5 mg/l.

„Situația este sub control & nu vom permite nimănui să se întoarcă”, a declarat Cornel Drăgulescu, procurorul-șef.

La intervenție au participat 42 de autospeciale & 160 de pompieri din județele Teleorman, Giurgiu, Olt și Dâmbovița, sprijiniți de un echipaj <CBRN> "special".
""",
}
STORY = """title: "Povestea & ''provocarea'' de la Zimnicea"
summary: |
  Rezumat cu & și < și "ghilimele" și ''două apostrofuri'' și *stele* și _sub_ și [x](y) și X&#x27;Y literal.
byline: "Redacția & Co <i>"
contact: "redactie@example.org"
known:
  - "Știm că & < > \\"x\\" ''y''."
disputed:
  - "Disputat: 'x' & \\"y\\"."
unknown:
  - "Nu știm <b>nimic</b> & ''ceva''."
corrections_policy: "Corectăm & notăm <i>tot</i>."
"""
EDITORIAL = """updated: 2026-05-13
roles:
  Cornel Drăgulescu: "procurorul-șef & <b>șeful</b> ''anchetei''"
"""
PAGE_KINDS = {"home": "index.html", "article": "articole/*/index.html", "chronology": "cronologie/index.html",
              "entities": "entitati/index.html", "entity": "entitati/*/index.html", "quotes": "citate/index.html",
              "method": "metoda/index.html", "review": "revizuire/index.html", "404": "404.html"}


class _Visible(HTMLParser):
    """Text nodes and the attributes a reader sees (title, alt, aria-label, meta content)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._hidden += 1
        for name, value in attrs:
            if value and name in ("title", "alt", "aria-label", "placeholder", "content"):
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.texts.append(data)


def _escapes(text: str) -> list[str]:
    for literal in LITERALS:
        text = text.replace(literal, "")
    return [text[max(0, m.start() - 40):m.end() + 40] for m in VISIBLE_ESCAPE.finditer(text)]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("escaping")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    (seeds / "story.yml").write_text(STORY, encoding="utf-8")
    (seeds / "editorial.yml").write_text(EDITORIAL, encoding="utf-8")
    project = project_with_seeds(root / "project", seeds)
    return build_site(project)


@pytest.fixture(scope="module")
def pdf_text(site):
    project = site.parent
    out = project / "site" / "explicatie.pdf"
    result = subprocess.run([sys.executable, "-m", "build_scripts", "pdf", "-o", str(out)], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    require("pdftotext", "poppler-utils")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_every_page_kind_is_built(site):
    for kind, pattern in PAGE_KINDS.items():
        assert list(site.glob(pattern)), kind


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_visible_escape_in_the_html(site, kind):
    found = []
    for page in site.glob(PAGE_KINDS[kind]):
        parser = _Visible()
        parser.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site)}: …{hit}…" for text in parser.texts for hit in _escapes(text)]
    assert not found, "\n".join(found[:10])


def test_the_hostile_text_shows_as_written(site):
    article = next(site.glob("articole/kessler*/index.html"))
    parser = _Visible()
    parser.feed(article.read_text(encoding="utf-8"))
    text = " ".join(" ".join(parser.texts).split())
    for expected in ("''provocare pe scară largă''", "Kessler & Partners", "valori <5 mg/l", '"probleme"',
                     "O'Neill", "X&#x27;Y", "A&amp;B", "{{ secret }}", "[x](y)", "#tag | a", "<b>„test”</b>"):
        assert expected in text, expected
    assert "<b>„test”</b>" not in article.read_text(encoding="utf-8")  # shown as text, not markup
    assert not any("<script>alert" in p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_no_visible_escape_in_the_search_index(site):
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    found = []
    for doc in docs:
        for field in ("title", "text"):
            shown = unescape(re.sub(r"<[^>]+>", "", doc[field]))  # the search shows it as HTML
            found += [f"{doc['location']} {field}: …{hit}…" for hit in _escapes(shown)]
    assert not found, "\n".join(found[:10])


def test_no_visible_escape_in_the_pdf(pdf_text):
    assert "provocare pe scară largă" in pdf_text and "Kessler & Partners" in pdf_text
    found = _escapes(pdf_text)
    assert not found, "\n".join(found[:10])
