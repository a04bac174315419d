"""The world's given names (`extract/given.py`): foreign first names join the language's lists, words
of the language and of English do not."""
from build_scripts import lang as lang_mod
from build_scripts.extract.given import world_given_names


def test_foreign_given_names_with_their_gender():
    names = world_given_names(lang_mod.load())
    assert names["paolo"] == "m"
    assert names["olha"] == "f"
    assert names["mattias"] == "m"


def test_words_are_no_given_names():
    names = world_given_names(lang_mod.load())
    # a Romanian word, a Romanian word without its accents ("Râul" / "Raúl"), English words
    for word in ("mare", "raul", "the", "novel", "will"):
        assert word not in names


def test_the_language_lists_come_first():
    lang = lang_mod.load()
    names = world_given_names(lang)
    own = {lang_mod.key(n) for group in lang.gazetteer["given_names"].values() for n in group}
    assert not own & set(names)
