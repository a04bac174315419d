"""Page furniture of scraped articles (stamps, credits, tags, bylines, "Citește și"): shown on the page, no
facts; a page's stamp dates an article given no date."""
from __future__ import annotations

import datetime as dt

from build_scripts.ingest import read_article
from build_scripts.pipeline import analyze
from build_scripts.segment import furniture

SCRAPED = """Publicat: 12.03.2025, 14:32 | Actualizat: 12.03.2025, 16:05

Autor: Andreea Munteanu

Guvernul a aprobat miercuri majorarea salariului minim brut de la 3.700 la 4.050 de lei, începând cu 1 iulie. Foto: Inquam Photos / Octav Ganea

Citește și: Cât vor plăti angajatorii în plus din iulie. Calculele specialiștilor

Ministrul Muncii, Florin Radu, a declarat după ședință că măsura va afecta aproximativ 1,9 milioane de salariați.

Sursa foto: Shutterstock

Tags: salariu minim, Guvernul României, Cartel Alfa
"""


def _facts(tmp_path, lang, text):
    path = tmp_path / "articol.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path, lang)
    article.slug = "articol"
    return analyze(article, lang)


def test_kinds_of_furniture(lang):
    assert furniture("Publicat: 12.03.2025, 14:32 | Actualizat: 12.03.2025, 16:05", lang) == "stamp"
    assert furniture("Tags: salariu minim, guvern", lang) == "tags"
    assert furniture("12 martie 2025, 14:32", lang) == furniture("Miercuri, 12.03.2025", lang) == "stamp"
    # A site that publishes without diacritics writes its markers without them too.
    assert furniture("Urmareste G4Media si pe canalul de WhatsApp.", lang) == "read_also"
    assert furniture("Data publicarii: 12.03.2025", lang) == furniture("Ultima actualizare: 12.03.2025", lang) == "stamp"
    # A stamp's label without its colon, before only a date and a time.
    assert furniture("Publicat joi, 19 iunie 2025, ora 16:02", lang) == "stamp"
    assert furniture("Actualizat 12.03.2025 16:05", lang) == "stamp"
    assert furniture("Publicat la 12 martie 2025 de Ion Pop", lang) is None  # not only a date
    assert furniture("București, 21 mai 2026", lang) is None  # a press release's place and day: its dateline
    assert furniture("2019", lang) is furniture("Martie 2025", lang) is None  # a timeline's headings
    assert furniture("Sursa foto: Shutterstock", lang) == "credit"
    assert furniture("AGERPRES/(AS - autor: Ioana Popescu, editor: Mihai Ionescu)", lang) == "byline"
    assert furniture("de Teodora Stan | 30 iulie 2024, 06:00", lang) == furniture("De Ion Pop, Cluj", lang) == "byline"
    assert furniture("De Ziua Națională, peste 50.000 de oameni au venit la paradă.", lang) is None
    assert furniture("AGERPRES · redactare: Diana Mocanu · editare: Florin Stanciu", lang) == "byline"
    assert furniture("Traducere și adaptare: Ana-Maria Ciobanu", lang) == "byline"
    assert furniture("Cartea are un autor: Ion Pop, profesor la Cluj.", lang) is None
    # A paragraph of the article that opens with such a word stays text.
    assert furniture("Publicat în 1990, romanul a fost tradus în 12 limbi.", lang) is None
    assert furniture("Foto: " + "o expoziție de fotografie deschisă la Arad, cu lucrări din anii '80. " * 5, lang) is None


def test_furniture_gives_no_facts_and_a_stamp_dates_the_article(tmp_path, lang):
    facts = _facts(tmp_path, lang, SCRAPED)
    # The stamp dates the article (no front matter), so "miercuri" is the day of the stamp.
    assert facts.article.published == dt.date(2025, 3, 12)
    assert ("miercuri", "2025-03-12") in [(d.text, d.value) for d in facts.dates]
    assert "2025-03-12" not in [d.value for d in facts.dates if d.text != "miercuri"]
    # The photographers, the photo agency, the byline and the tags name nobody of the story.
    assert [p.name for p in facts.people] == ["Florin Radu"]
    assert [p.name for p in facts.places] == []
    assert "Cartel Alfa" not in [o.name for o in facts.organizations]
    # The credit that closes a paragraph is furniture; the paragraph's own sentence is not.
    paragraph = [s for s in facts.article.sentences if s.paragraph == 3]
    assert [s.furniture for s in paragraph] == [None, "credit"]


def test_a_line_that_is_only_a_date_is_the_stamp(tmp_path, lang):
    facts = _facts(tmp_path, lang, "12 martie 2025, 14:32\n\nGuvernul a aprobat miercuri majorarea salariului minim.\n")
    assert facts.article.published == dt.date(2025, 3, 12)
    assert [(d.text, d.value) for d in facts.dates] == [("miercuri", "2025-03-12")]


def test_a_name_in_furniture_names_nobody_of_the_story(tmp_path, lang):
    # "Urmărește G4Media" is no person, nor a form of the G4Media the article cites.
    text = ("---\ntitle: T\ndate: 2026-03-02\n---\nSurse judiciare au declarat pentru G4Media că ancheta continuă.\n\n"
            "Urmărește G4Media și pe canalul de WhatsApp.\n")
    facts = _facts(tmp_path, lang, text)
    assert [p.name for p in facts.people] == []
    assert "G4Media" in [o.name for o in facts.organizations]
