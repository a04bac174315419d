"""The print PDF, checked with real tools: pdfinfo, pdftotext, pdffonts (poppler) and pypdf."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from pypdf import PdfReader

from conftest import ROOT, SEEDS, require

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _poppler():
    require("pdfinfo", "poppler-utils")


LETTERS = "ăâîșțĂÂÎȘȚ"


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / "explicatie.pdf"
    result = subprocess.run([sys.executable, "-m", "build_scripts", "pdf", "--seeds", str(SEEDS), "-o", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def text(pdf):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def _info(pdf) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def test_a4_pages_and_size(pdf):
    info = _info(pdf)
    assert "A4" in info["Page size"]
    assert 6 <= int(info["Pages"]) <= 40
    assert pdf.stat().st_size <= 2 * 1024 * 1024


def test_text_has_titles_chronology_and_romanian_letters(text, story):
    flat = " ".join(text.split())
    for f in story.articles:
        # pdftotext may break a title across lines (and hyphenate it): compare without spaces and hyphens.
        assert re.sub(r"[\s\-‐]", "", f.article.title) in re.sub(r"[\s\-‐]", "", flat), f.article.title
    assert "Cuprins" in flat and "Cronologie" in flat and "21 august 2025" in flat
    for letter in LETTERS:
        assert letter in text, letter
    assert "ş" not in text and "ţ" not in text  # cedilla forms would mean a wrong glyph or a fallback


def test_every_font_is_embedded(pdf):
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        # columns: name type encoding emb sub uni object ID; "emb" is the 4th from the end
        assert row.split()[-5] == "yes", row


def test_outline_has_every_page_and_its_sections(pdf, story):
    reader = PdfReader(pdf)
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    for expected in ("Cuprins", story.info.title, "Cronologie", "Citate"):
        assert expected in titles
    assert all(f.article.title in titles for f in story.articles)
    assert any(isinstance(o, list) and o for o in reader.outline)  # sections nested under their page


def test_internal_links_resolve(pdf):
    reader = PdfReader(pdf)
    names = set(reader.named_destinations)
    internal = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if "/Dest" in annot:
                internal.append(str(annot["/Dest"]))
    assert len(internal) >= 50
    missing = sorted(set(internal) - names)
    assert not missing, missing[:5]


def test_contents_have_page_numbers(text):
    assert re.search(r"\nCronologie \.{10,} \d+\n", text)
    assert re.search(r"\nCitate \.{10,} \d+\n", text)


def test_cover_and_running_heads_carry_the_story_title(pdf, story):
    first = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert " ".join(story.info.title.split()) in " ".join(first.split())
    later = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", "4", "-l", "4", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert later.lstrip().startswith(story.info.title[:30])  # the running head
    assert PdfReader(pdf).metadata.title == story.info.title


def test_visual_timeline_links_are_internal(pdf, story):
    reader = PdfReader(pdf)
    names = set(reader.named_destinations)
    targets = {str(annot.get_object()["/Dest"]) for page in reader.pages for annot in page.get("/Annots") or []
               if "/Dest" in annot.get_object()}
    for event in story.timeline:
        assert f"pg-cronologie--{event.id}" in names
        assert f"pg-cronologie--{event.id}" in targets  # from the timelines and the home page
    uris = [annot.get_object()["/A"].get("/URI", "") for page in reader.pages
            for annot in page.get("/Annots") or [] if "/A" in annot.get_object()]
    assert not any("#ev-" in str(u) or "cronologie/" in str(u) for u in uris)


def test_timeline_and_fact_box_styles_are_in_the_pdf(story):
    from build_scripts.publish import pdf as pdf_mod

    css = pdf_mod._css()
    assert ".tlv" in css and ".admonition dl" in css
    assert "@media (max-width" not in css.replace("@media screen {\n  @media (max-width", "")


def test_the_same_book_is_laid_out_once(tmp_path):
    """A second PDF of the same pages is the kept copy (mkdocs build empties site/ every time); another
    book is laid out again."""
    from build_scripts.publish import pdf as pdf_mod

    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds, ignore=shutil.ignore_patterns(".*"))
    kept = tmp_path / "kept"
    first, pages = pdf_mod.write_pdf(seeds, tmp_path / "a.pdf", ROOT / "mkdocs.yml", cache_dir=kept)
    assert len(list(kept.glob("*.pdf"))) == 1
    second, again = pdf_mod.write_pdf(seeds, tmp_path / "b.pdf", ROOT / "mkdocs.yml", cache_dir=kept)
    assert again == pages and second.read_bytes() == first.read_bytes()
    article = next(seeds.glob("*.txt"))
    article.write_text(article.read_text(encoding="utf-8") + "\nUn paragraf nou, adăugat de redacție.\n",
                       encoding="utf-8")
    third, _ = pdf_mod.write_pdf(seeds, tmp_path / "c.pdf", ROOT / "mkdocs.yml", cache_dir=kept)
    assert third.read_bytes() != first.read_bytes()
    assert len(list(kept.glob("*.pdf"))) == 1  # only the latest is kept
