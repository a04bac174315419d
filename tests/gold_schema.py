"""What every gold annotation file shares, for the consistency checkers of the annotated sets
(`tests/corpus/check_corpus.py`, `tests/dev/check_corpus.py`, `tests/heldout/check_corpus.py`,
`tests/story/check_gold.py`): the kinds of facts, the TIMEX3-style date values, the ş/ţ → ș/ț folding.

The checkers need only PyYAML and this file; they do not import `build_scripts`, so a gold file is
checked against its article, never against the code it measures.
"""
import re
import unicodedata

FOLD = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})
CEDILLA = set("şţŞŢ")
KINDS = ["dates", "numbers", "people", "places", "organizations", "quotes", "sources", "events"]

# TIMEX3-style values used in the gold files
_D = r"\d{4}(-\d{2}(-\d{2}(T(MO|AF|EV|NI|\d{2}:\d{2}))?)?|-W\d{2}|-Q[1-4]|-H[12]|-(SP|SU|FA|WI))?"
VALUE_RE = re.compile(
    rf"^(?:{_D}(?:/{_D})?"                       # point or interval start/end
    r"|P(?:\d+[YMWD])+(?:T\d+[HMS])?|PT\d+[HMS]"  # durations
    r"|XXXX-WXX-[1-7]|XXXX-\d{2})$"               # recurring weekday (SET), generic month
)


def strip_diacritics(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def report(errors: list) -> int:
    """Print the errors found (or that there are none); the checker's exit status."""
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK: no errors")
    return 0
