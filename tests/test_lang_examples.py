"""Every example in build_scripts/lang/ro.yaml runs as a test; the loader names the broken key."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from build_scripts import lang as lang_mod
from build_scripts.extract.dates import extract_dates
from build_scripts.extract.entities import extract_entities
from build_scripts.extract.numbers import extract_numbers
from build_scripts.extract.quotes import extract_quotes
from build_scripts.extract.sources import extract_sources
from build_scripts.model import Article
from build_scripts.segment import split_sentences

LANG = lang_mod.load()


def _sentences(text):
    article = Article(id="x", path="x", title="x", title_derived=False, published=None,
                      published_inferred=False, paragraphs=[text])
    return split_sentences(article, LANG)


def _ids(group):
    return [e["text"][:40] for e in LANG["examples"][group]]


@pytest.mark.parametrize("example", LANG["examples"]["dates"], ids=_ids("dates"))
def test_date_examples(example):
    got = []
    for s in _sentences(example["text"]):
        got += [[d.text, d.value] for d in extract_dates(s, example["published"], LANG)]
    assert got == [list(e) for e in example["expect"]]


@pytest.mark.parametrize("example", LANG["examples"]["numbers"], ids=_ids("numbers"))
def test_number_examples(example):
    got = []
    for s in _sentences(example["text"]):
        skip = [(d.start, d.end) for d in extract_dates(s, dt.date(2025, 8, 22), LANG)]
        got += [[n.text, list(n.value) if isinstance(n.value, tuple) else n.value, n.unit]
                for n in extract_numbers(s, LANG, skip)]
    assert got == [list(e) for e in example["expect"]]


@pytest.mark.parametrize("example", LANG["examples"]["entities"], ids=_ids("entities"))
def test_entity_examples(example):
    result = extract_entities(_sentences(example["text"]), LANG)
    for kind, names in example["expect"].items():
        assert sorted(e.name for e in getattr(result, kind)) == sorted(names), kind


@pytest.mark.parametrize("example", LANG["examples"]["quotes"], ids=_ids("quotes"))
def test_quote_examples(example):
    sentences = _sentences(example["text"])
    entities = extract_entities(sentences, LANG)
    got = [[q.text, q.speaker] for q in extract_quotes(sentences, entities, LANG)]
    assert got == [list(e) for e in example["expect"]]


@pytest.mark.parametrize("example", LANG["examples"]["sources"], ids=_ids("sources"))
def test_source_examples(example):
    sentences = _sentences(example["text"])
    entities = extract_entities(sentences, LANG)
    assert [s.name for s in extract_sources(sentences, entities, LANG)] == example["expect"]


def test_every_rule_group_has_examples():
    for group in ("dates", "numbers", "entities", "quotes", "sources"):
        assert len(LANG["examples"][group]) >= 3, group


@pytest.mark.parametrize("break_it, expected", [
    (lambda text: text.replace("speech_verbs:", "speech_verbz:"), "missing key 'speech_verbs'"),
    (lambda text: text.replace("months:\n  1: [ianuarie, ian.]", "months:\n  1: ianuarie"), "key 'months.1'"),
    (lambda text: text + "\nsurprise: []\n", "unknown key(s) surprise"),
])
def test_loader_names_the_broken_key(tmp_path, break_it, expected):
    for name in ("ro.yaml", "ro_gazetteer.yaml"):
        shutil.copy(lang_mod.LANG_DIR / name, tmp_path / name)
    path = tmp_path / "ro.yaml"
    path.write_text(break_it(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(lang_mod.LangError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        lang_mod.load("ro", tmp_path)


def test_cedilla_and_comma_forms_are_one_letter():
    assert lang_mod.fold_diacritics("Româniaş ţară ŞŢ") == "Româniaș țară ȘȚ"
    assert lang_mod.ascii_fold("Știri și țări") == "Stiri si tari"
