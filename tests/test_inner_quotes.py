"""A quotation inside another's quote, said by someone named there, is a quote of its own: marked `inside`,
and given no date (the sentence's date is when the outer speaker told it, not when the words were said)."""
from __future__ import annotations

from types import SimpleNamespace

from build_scripts.ingest import read_article
from build_scripts.pipeline import analyze
from build_scripts.render.site import Site

TEXT = """---
title: "Scandal în coaliție"
date: 2025-09-10
source: "G4Media"
---
Purtătorul de cuvânt al PNL, Bogdan Iftode, a povestit miercuri dimineață cum a decurs discuția: „Secretarul general al PSD, Marcel Dobrotă, ne-a spus în ședință: «Fără indexare nu mai semnăm nimic, nici bugetul, nici rectificarea.» Asta nu e negociere, e șantaj.”
"""


def _facts(tmp_path, lang):
    path = tmp_path / "coalitie.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = read_article(path, lang)
    article.slug = "coalitie"
    return analyze(article, lang)


def test_the_inner_quote_is_its_speakers_and_undated(tmp_path, lang):
    facts = _facts(tmp_path, lang)
    by_text = {q.text.split()[0]: q for q in facts.quotes}
    outer, inner = by_text["Secretarul"], by_text["Fără"]
    assert (outer.speaker, outer.inside) == ("Bogdan Iftode", False)
    assert (inner.speaker, inner.inside) == ("Marcel Dobrotă", True)
    site = SimpleNamespace(events={})
    assert Site.quote_date(site, facts, inner) == (None, None)
    assert Site.quote_date(site, facts, outer)[0] == "2025-09-10"
