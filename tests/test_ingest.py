"""Reading articles: metadata, the date line, photo captions, titles, encodings and clear errors."""
from __future__ import annotations

import datetime as dt

import pytest

from build_scripts.ingest import IngestError, derive_title, read_article


def _write(tmp_path, text, name="a.txt", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_front_matter(tmp_path, lang):
    path = _write(tmp_path, "---\ntitle: Titlu\ndate: 2025-03-14\nsource: Agerpres\nurl: http://x\nauthor: Ana\n---\nText.\n")
    a = read_article(path, lang)
    assert (a.title, a.published, a.source, a.url, a.author) == ("Titlu", dt.date(2025, 3, 14), "Agerpres", "http://x", "Ana")
    assert a.paragraphs == ["Text."] and not a.title_derived


def test_leading_date_line_on_the_same_line_as_the_text(tmp_path, lang):
    a = read_article(_write(tmp_path, " date 2025-08-22 Liderul a vorbit. Apoi a plecat.\n\nAl doilea."), lang)
    assert a.published == dt.date(2025, 8, 22)
    assert a.paragraphs[0].startswith("Liderul a vorbit")


def test_one_paragraph_per_line_and_wrapped_lines(tmp_path, lang):
    # Pasted from a site or an extractor: one paragraph per line, no blank line between them.
    long = "Guvernul a aprobat miercuri o ordonanță de urgență privind plata pensiilor în trei tranșe, a anunțat purtătoarea de cuvânt."
    text = f"Publicat: 12.03.2025, 14:32\n{long}\n„Nu e corect”, a spus liderul sindical.\nFoto: Inquam Photos\n{long}\n"
    a = read_article(_write(tmp_path, "---\ntitle: T\n---\n" + text), lang)
    assert a.paragraphs == ["Publicat: 12.03.2025, 14:32", long, "„Nu e corect”, a spus liderul sindical.", "Foto: Inquam Photos", long]
    # A headline of a wrapping's length, then a stamp: two paragraphs (the block has longer lines).
    headline = "Guvernul aprobă plata în trei tranșe a diferențelor la pensii"
    a = read_article(_write(tmp_path, f"{headline}\nPublicat joi, 12 martie 2025, ora 16:02\n{long}\n"), lang)
    assert a.paragraphs == [headline, "Publicat joi, 12 martie 2025, ora 16:02", long]
    # Wrapped at 72 characters by an editor: the lines are one paragraph again.
    wrapped = ("Guvernul a aprobat miercuri o ordonanță de urgență privind plata\n"
               "pensiilor în trei tranșe, a anunțat purtătoarea de cuvânt a\n"
               "Executivului.\n\nAl doilea paragraf.")
    a = read_article(_write(tmp_path, "---\ntitle: T\n---\n" + wrapped), lang)
    assert a.paragraphs == ["Guvernul a aprobat miercuri o ordonanță de urgență privind plata pensiilor în trei tranșe, "
                            "a anunțat purtătoarea de cuvânt a Executivului.", "Al doilea paragraf."]


def test_photo_caption_with_credit_is_set_apart(tmp_path, lang):
    text = "Kim la Phenian, 12 decembrie 2025. Credit line: STR / AFP\n\nCorpul articolului începe aici."
    a = read_article(_write(tmp_path, text), lang)
    assert a.caption == "Kim la Phenian, 12 decembrie 2025."
    assert a.credit == "STR / AFP"
    assert a.paragraphs == ["Corpul articolului începe aici."]
    assert a.title == "Corpul articolului începe aici"


def test_foto_credit_marker(tmp_path, lang):
    a = read_article(_write(tmp_path, "Protest la București. Foto: Inquam Photos\n\nText."), lang)
    assert a.credit == "Inquam Photos" and a.caption == "Protest la București."


def test_derived_title_is_cut_at_a_word(lang):
    lead = "Cuvânt " * 30 + "final."
    title = derive_title(lead, lang)
    assert len(title) <= 90 and title.endswith("…") and "Cuvân…" not in title


def test_cedilla_letters_become_comma_below(tmp_path, lang):
    a = read_article(_write(tmp_path, "Preşedintele ţării a vorbit."), lang)
    assert a.paragraphs == ["Președintele țării a vorbit."]


def test_cp1250_is_detected(tmp_path, lang):
    text = "Guvernul României a aprobat ieri bugetul pentru şcoli şi spitale, după o şedinţă lungă. " * 3
    a = read_article(_write(tmp_path, text, encoding="cp1250"), lang)
    assert "școli" in a.paragraphs[0] and "ședință" in a.paragraphs[0]


def test_windows_line_endings(tmp_path, lang):
    a = read_article(_write(tmp_path, "---\r\ntitle: T\r\n---\r\nUnu.\r\n\r\nDoi.\r\n"), lang)
    assert a.paragraphs == ["Unu.", "Doi."] and a.title == "T"


@pytest.mark.parametrize("content, message", [
    ("", "empty file"),
    ("   \n\t\n", "empty file"),
    (b"\x00\x01\x02\x00" * 100, "binary file"),
    ("---\ntitle: [unclosed\n---\nText.", "invalid YAML front matter"),
    ("---\ntitle: Interviu: antrenorul vorbește\n---\nText.", "invalid YAML front matter (line 2): a value holding ': ' must be put in quotes"),
    ("---\ndate: 2025-02-31\n---\nText.", "invalid date"),
    ("---\ntitle: Doar titlu\n---\n", "no article text"),
])
def test_bad_input_gets_one_line_error_naming_the_file(tmp_path, lang, content, message):
    path = _write(tmp_path, content, name="rău articol.txt")
    with pytest.raises(IngestError) as info:
        read_article(path, lang)
    text = str(info.value)
    assert "rău articol.txt" in text and message in text and "\n" not in text


def test_what_a_web_page_brings_along_unseen_is_dropped(tmp_path, lang):
    text = "Primarul Bucu\u00adreștiului, Ion\u200b Pop, a spus: „Nu”.\u2028Prim\u2011ministrul a plecat. AT&amp;T rămâne."
    a = read_article(_write(tmp_path, "---\ntitle: T\n---\n" + text), lang)
    # (an HTML entity stays as written: the article shows what its editor typed)
    assert a.paragraphs == ["Primarul Bucureștiului, Ion Pop, a spus: „Nu”.", "Prim-ministrul a plecat. AT&amp;T rămâne."]


def test_unknown_front_matter_keys_warn(tmp_path, lang):
    a = read_article(_write(tmp_path, "---\ntitle: T\ncolor: red\n---\nText."), lang)
    assert any("color" in w for w in a.warnings)


def test_the_input_file_is_not_modified(tmp_path, lang):
    path = _write(tmp_path, "Preşedintele a vorbit.\r\n")
    before = path.read_bytes()
    read_article(path, lang)
    assert path.read_bytes() == before
