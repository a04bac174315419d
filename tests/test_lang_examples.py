"""Every example in build_scripts/lang/ro/*.yaml runs as a test, through the whole spaCy pipeline; the
loader names the file and key that are broken."""
from __future__ import annotations

import shutil

import pytest

from build_scripts import lang as lang_mod
from build_scripts import nlp

LANG = lang_mod.load()
NO_EVENT = {"reference", "negated", "dateline", "names", "asked"}  # the flags of a date that makes no chronology entry (of its own)


def _ids(group):
    return [e["text"][:40] for e in LANG["examples"][group]]


def _doc(example):
    doc, _ = nlp.analyze_text(example["text"], published=example.get("published"), title=example.get("title", ""),
                              source=example.get("source"))
    return doc


@pytest.mark.parametrize("example", LANG["examples"]["dates"], ids=_ids("dates"))
def test_date_examples(example):
    doc = _doc(example)
    # A third item names the flags the date must carry ("reference": a comparison, "negated": a negated
    # statement, "dateline": the dispatch's date; no chronology entry); without it the date must carry
    # no such flag.
    got = [[s.text, s._.timex, *([sorted(set(s._.timex_flags) & NO_EVENT)] if len(e) > 2 else [])]
           for s, e in zip(doc.spans["dates"], example["expect"])]
    assert len(doc.spans["dates"]) == len(example["expect"]), [s.text for s in doc.spans["dates"]]
    assert got == [list(e) for e in example["expect"]]
    assert all(not set(s._.timex_flags) & NO_EVENT for s, e in zip(doc.spans["dates"], example["expect"]) if len(e) == 2)


@pytest.mark.parametrize("example", LANG["examples"]["numbers"], ids=_ids("numbers"))
def test_number_examples(example):
    doc = _doc({"published": None, **example})
    got = [[s.text, list(s._.amount) if isinstance(s._.amount, tuple) else s._.amount, s._.unit]
           for s in doc.spans["numbers"]]
    assert got == [list(e) for e in example["expect"]]


@pytest.mark.parametrize("example", LANG["examples"]["entities"], ids=_ids("entities"))
def test_entity_examples(example):
    doc = _doc(example)
    kinds = {"people": "person", "places": "place", "organizations": "organization"}
    for kind, names in example["expect"].items():
        got = sorted({s._.canonical for s in doc.spans["entities"] if s.label_ == kinds[kind] and s._.canonical})
        assert got == sorted(names), kind
    # (optionally, the mentions of each kind as written, sorted)
    for kind, mentions in example.get("mentions", {}).items():
        assert sorted(s.text for s in doc.spans["entities"] if s.label_ == kinds[kind]) == sorted(mentions), kind
    # (optionally, the role each name's mentions carry: null for none)
    for name, role in example.get("roles", {}).items():
        assert {s._.role for s in doc.spans["entities"] if s._.canonical == name} == {role}, name


@pytest.mark.parametrize("example", LANG["examples"]["quotes"], ids=_ids("quotes"))
def test_quote_examples(example):
    doc = _doc(example)
    quotes = sorted([*doc.spans["quotes"], *doc.spans.get("inner_quotes", [])], key=lambda q: q.start)
    got = [[q.text, q._.speaker] for q in quotes]
    assert got == [list(e) for e in example["expect"]]


@pytest.mark.parametrize("example", LANG["examples"]["sources"], ids=_ids("sources"))
def test_source_examples(example):
    doc = _doc(example)
    assert [s._.source_name for s in doc.spans["sources"]] == example["expect"]


def test_every_rule_group_has_examples():
    for group in ("dates", "numbers", "entities", "quotes", "sources"):
        assert len(LANG["examples"][group]) >= 3, group


@pytest.mark.parametrize("file, break_it, expected", [
    ("speech.yaml", lambda text: text.replace("speech_verbs:", "speech_verbz:"), "ro/speech.yaml: missing key 'speech_verbs'"),
    ("calendar.yaml", lambda text: text.replace("months:\n  1: [ianuarie, ian.]", "months:\n  1: ianuarie"), "key 'months.1'"),
    ("names.yaml", lambda text: text + "\nsurprise: []\n", "ro/names.yaml: unknown key(s) surprise"),
    ("gazetteer.yaml", lambda text: text.replace("given_names:", "given_names_:"), "ro/gazetteer.yaml: missing key 'given_names'"),
    ("gazetteer.yaml", lambda text: text.replace("  f: [", "  f: [Alex, ", 1),
     "given names listed as both m and f once folded: alex"),
])
def test_loader_names_the_broken_file_and_key(tmp_path, file, break_it, expected):
    shutil.copytree(lang_mod.LANG_DIR / "ro", tmp_path / "ro")
    path = tmp_path / "ro" / file
    path.write_text(break_it(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(lang_mod.LangError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        lang_mod.load("ro", tmp_path)


def test_an_unknown_rule_file_is_refused(tmp_path):
    shutil.copytree(lang_mod.LANG_DIR / "ro", tmp_path / "ro")
    (tmp_path / "ro" / "stray.yaml").write_text("x: 1\n", encoding="utf-8")
    with pytest.raises(lang_mod.LangError, match="unknown rule file"):
        lang_mod.load("ro", tmp_path)


def test_cedilla_and_comma_forms_are_one_letter():
    assert lang_mod.fold_diacritics("Româniaş ţară ŞŢ") == "Româniaș țară ȘȚ"
    assert lang_mod.ascii_fold("Știri și țări") == "Stiri si tari"


def test_letters_without_a_decomposition_fold_too():
    # Turkish, Polish, Nordic and Slavic names in foreign news: "Yıldırım" and "Yildirim" are one name.
    assert lang_mod.ascii_fold("Yıldırım Łukasz Ødegaard Đoković Straße") == "Yildirim Lukasz Odegaard Dokovic Strasse"
