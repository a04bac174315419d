"""Variants of one name within a story (`names.Variants`): which names join, and which stay apart."""
from build_scripts.names import Variants


def _joined(kind: str, names: list[str], **options) -> dict[str, str]:
    variants = Variants(set(), **options)
    for name in names:
        variants.add(name)
    variants.link(kind)
    return {name: variants.find(name) for name in names}


def test_a_surname_one_letter_away_joins_the_one_full_name():
    # two transliterations of one Ukrainian name
    found = _joined("person", ["Petro Hnatenko", "Gnatenko", "Andriy Kovalchuk"])
    assert found["Gnatenko"] == "Petro Hnatenko"


def test_a_surname_one_letter_away_from_two_full_names_joins_neither():
    found = _joined("person", ["Petro Hnatenko", "Ivan Hnatenko", "Gnatenko"])
    assert found["Gnatenko"] == "Gnatenko"


def test_two_given_names_one_letter_apart_are_two_people():
    # brothers, not a typo: "Sorin" and "Dorin" are both given names
    variants = Variants(set(), given={"sorin", "dorin"})
    for name in ["Sorin Matei", "Dorin Matei"]:
        variants.add(name)
    variants.link("person")
    assert variants.find("Dorin Matei") != variants.find("Sorin Matei")


def test_a_short_surname_one_letter_away_stays_apart():
    found = _joined("person", ["Ion Popa", "Pope"])
    assert found["Pope"] == "Pope"


def test_a_company_without_its_business_word_and_legal_form():
    found = _joined("organization", ["Carpat Cablu Industries SA", "Carpat Cablu", "Carpat Motors"],
                    legal_suffixes={"industries", "sa", "motors"})
    assert found["Carpat Cablu"] == "Carpat Cablu Industries SA"
    assert found["Carpat Motors"] == "Carpat Motors"


def test_a_surname_of_several_words_joins_the_full_name_it_ends():
    found = _joined("person", ["Pieter Van den Broeck", "Van den Broeck"])
    assert found["Van den Broeck"] == "Pieter Van den Broeck"


def test_an_acronym_joins_a_name_with_words_in_quotation_marks():
    found = _joined("organization", ["Universitatea „Alexandru Ioan Cuza”", "UAIC"])
    assert found["UAIC"] == "Universitatea „Alexandru Ioan Cuza”"


def test_a_word_inside_one_longer_organization_name_joins_it():
    found = _joined("organization", ["Compania Municipală Termoenergetica București", "Termoenergetica", "Digi24"])
    assert found["Termoenergetica"] == "Compania Municipală Termoenergetica București"
    assert found["Digi24"] == "Digi24"


def test_a_word_inside_two_organization_names_joins_neither():
    found = _joined("organization", ["Sindicatul Sanitas Cluj", "Federația Sanitas", "Sanitas"])
    assert found["Sanitas"] == "Sanitas"
