"""A deterministic benchmark corpus: N realistic Romanian news articles made from the project's own texts.

    python benchmarks/corpus.py N OUT_DIR [--seed S]

The templates are the annotated articles of tests/corpus/*.txt and the real seeds of seeds/*.txt. Each
generated article takes one template (the "host") and varies it, so that N articles are not N copies:

* person names are replaced from pools of Romanian and foreign names, consistently within the article:
  the full name, the surname alone ("Mălureanu a declarat"), hyphenated spellings ("Kim Jong-un") and
  the genitive of female first names ("Candidatura Ursulei von der Leyen"); the gold annotations
  (tests/corpus/*.gold.yaml, tests/seed_gold/) say which words are people;
* the publication date moves back by a whole number of weeks (so "vineri, 03.10.2025" stays a Friday)
  and every explicit date moves with it: "12 decembrie 2025", "18.07.2024", "15/06/2026",
  "2026-02-16", the dateline "22 nov (Agerpres)", ranges ("între 3 și 5 mai"), "iunie–iulie 2026",
  bare months after "în"/"din", and years ("în 2020"; not decree numbers such as "OUG 67/2023");
* figures are scaled in their own format ("12.000 de soldați", "5,1%", "1,2 miliarde", "40–42 de
  grade"), with the Romanian "de" added or dropped as the new number requires ("19 abțineri", "20 de");
* body paragraphs after the lead are shuffled, and most articles take paragraphs from a second (or
  third) template of the same topic group (TOPIC_GROUP), converted to the host's diacritics (ş/ţ or ș/ț);
* the title gets the same substitutions and, where needed, a prefix or suffix: titles are unique.

Sizes: 300-900 words (a template alone when it is long enough, else combined; topics with a single
template stay at 240-270 words), and one article in 50 is a long digest of 2,000-4,000 words built
from whole templates of every topic, so the slowest article shows in a benchmark. Everything comes
from `random.Random` seeded with (seed, article number), titles are made unique in article order:
the same N and seed give the same bytes, and the first k articles are the same for any N >= k. The file names are `NNNNN_topic.txt`; stale files with that pattern in
OUT_DIR are removed, nothing else is touched.

Every regex below is linear: literal alternations and bounded or single-class quantifiers, each run
of digits or letters closed by a lookahead, never two unbounded quantifiers over the same characters.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIRS = (ROOT / "tests" / "corpus", ROOT / "seeds")
GOLD_DIRS = (ROOT / "tests" / "corpus", ROOT / "tests" / "seed_gold")

NORMAL_MAX_WORDS = 900
LONG_EVERY = 50            # article i is long when i % LONG_EVERY == LONG_EVERY - 1
LONG_WORDS = (2000, 4000)
SINGLE_SHARE = 0.4         # share of articles that keep to their template when it has >= 300 words
MAX_WEEKS_BACK = 260       # dates move back 1..260 weeks (never forward: no "date in the future")

# ---------------------------------------------------------------------------------------------------
# Pools. Female first names all end in -a, so their genitive is regular (Ioana -> Ioanei).

RO_MALE = (
    "Andrei", "Adrian", "Alexandru", "Bogdan", "Călin", "Ciprian", "Claudiu", "Costin", "Dan", "Daniel",
    "Dragoș", "Emil", "Eugen", "Gabriel", "George", "Grigore", "Iulian", "Lucian", "Liviu", "Marian",
    "Marius", "Matei", "Mircea", "Nicolae", "Octavian", "Ovidiu", "Paul", "Petru", "Răzvan", "Remus",
    "Robert", "Silviu", "Ștefan", "Teodor", "Tiberiu", "Traian", "Tudor", "Valentin", "Valeriu", "Viorel",
)
RO_FEMALE = (
    "Adina", "Alexandra", "Alina", "Ana", "Anca", "Andreea", "Bianca", "Camelia", "Corina", "Cristina",
    "Delia", "Diana", "Elena", "Florina", "Gabriela", "Georgiana", "Ilinca", "Iulia", "Iuliana",
    "Larisa", "Laura", "Loredana", "Lucia", "Magdalena", "Mirela", "Monica", "Paula", "Raluca",
    "Ramona", "Roxana", "Silvia", "Simona", "Sorina", "Ștefania", "Valentina", "Violeta",
)
RO_SURNAMES = (
    "Ardeleanu", "Avram", "Barbu", "Bălănescu", "Bârsan", "Bratu", "Buzea", "Cazacu", "Călinescu",
    "Cârstea", "Chiriac", "Ciobanu", "Codreanu", "Cojocaru", "Constantinescu", "Coman", "Costache",
    "Cristea", "Diaconu", "Dobre", "Dragomir", "Drăgan", "Dumitrescu", "Enache", "Filip", "Florea",
    "Georgescu", "Ghiță", "Grosu", "Iordache", "Ionescu", "Lazăr", "Lungu", "Manea", "Marinescu",
    "Mihăilescu", "Mocanu", "Moraru", "Neagu", "Nedelcu", "Niculescu", "Nistor", "Oprea", "Paraschiv",
    "Pavel", "Petrescu", "Pîrvulescu", "Popa", "Popescu", "Preda", "Rădulescu", "Rusu", "Sandu",
    "Sârbu", "Stanciu", "Stoian", "Stoica", "Surdu", "Tănase", "Tudoran", "Ursu", "Vasilescu", "Voicu",
    "Zamfir", "Năstase", "Olteanu", "Pascu", "Râpeanu", "Șerban", "Țurcanu",
)
FOREIGN_MALE = (
    "Anders", "Carlos", "Daniel", "David", "Dmytro", "Erik", "Fabio", "Hans", "Henrik", "Hiroshi",
    "Javier", "Jean", "John", "Jonas", "Kenji", "Lars", "Lukas", "Marco", "Mehmet", "Michael", "Mykola",
    "Oleksandr", "Paolo", "Pedro", "Peter", "Pierre", "Piotr", "Thomas", "Tomasz", "Yusuf",
)
FOREIGN_FEMALE = (
    "Agnieszka", "Anna", "Chiara", "Clara", "Emma", "Ewa", "Giulia", "Helena", "Irena", "Johanna",
    "Julia", "Katarzyna", "Kristina", "Marta", "Monika", "Natalia", "Oksana", "Olena", "Petra", "Sara",
    "Sofia", "Vesna", "Zofia",
)
FOREIGN_SURNAMES = (
    "Andersson", "Becker", "Bernard", "Bianchi", "Bondarenko", "Brown", "Conti", "Demir", "Dubois",
    "Evans", "Ferrari", "Fischer", "García", "Girard", "Greco", "Hansen", "Horvat", "Ivanenko", "Jansen",
    "Kovács", "Kovalenko", "Kowalski", "Larsen", "Laurent", "Lefebvre", "López", "Marino", "Moreau",
    "Müller", "Nagy", "Navarro", "Nilsson", "Novak", "Nowak", "Petrov", "Romero", "Rossi", "Santos",
    "Sato", "Schmidt", "Shevchenko", "Silva", "Smith", "Tanaka", "Taylor", "Tkachenko", "Wagner",
    "Walker", "Weber", "Wilson", "Yilmaz",
)
# First names that appear in the templates, to tell people from words and Romanian from foreign names.
RO_FIRST_EXTRA = (
    "Alin", "Carmen", "Cătălin", "Constantin", "Cornel", "Cosmin", "Cristian", "Cristiana", "Daniela",
    "Dorel", "Dorin", "Florin", "Gheorghe", "Horia", "Ioana", "Ion", "Ionuț", "Irina", "Laurențiu",
    "Marcel", "Maria", "Mihaela", "Mihai", "Mihail", "Mihnea", "Mugur", "Oana", "Radu", "Sebastian",
    "Sergiu", "Sorin", "Teodora", "Toma", "Vasile", "Victor", "Luca",
)
FOREIGN_FIRST_EXTRA = (
    "António", "Dmitri", "Donald", "Ihor", "Kaja", "Klaus", "Mark", "Ursula", "Viktor", "Vladimir",
    "Volodimir",
)
MALE_ENDING_IN_A = ("Mihnea", "Luca", "Toma", "Costea", "Horea", "Horia", "Mircea", "Sava", "Ilia", "Nikita")
FEMALE_NOT_IN_A = ("Carmen", "Ingrid", "Beatrice", "Alice", "Margit")
SURNAME_PARTICLES = ("von", "van", "der", "den", "de", "da", "di", "del", "la", "le")
# Capitalised words that are never a person's short name (sentence starts, titles).
NOT_A_NAME = (
    "Un", "Una", "O", "La", "În", "Din", "De", "Cel", "Cea", "Este", "Dar", "Iar", "Dacă", "Pentru",
    "Premierul", "Președintele", "Ministrul", "Domnul", "Doamna", "Dr", "Prof", "Jong", "Xi",
)

TITLE_PREFIXES = ("Actualizare: ", "Analiză: ", "Oficial: ", "Ultima oră: ", "Explicat: ", "Surse: ",
                  "Reacții: ", "Document: ")
TITLE_SUFFIXES = (" – ce urmează", " – detalii", " – ce știm până acum", " – reacții", " (actualizat)",
                  " – cifrele", " – context")
LONG_PREFIXES = ("Sinteza zilei: ", "Dosar: ", "Pe larg: ", "Retrospectivă: ")

# Topic of a template (from its file name "NN_topic_detail.txt") -> the group it may borrow paragraphs
# from. Only close topics share a group: a football report never borrows from the heat-wave warning, so
# the one-template topics (sport, meteo, educatie) stay single and a little under 300 words.
TOPIC_GROUP = {
    "politica": "politica", "externe": "externe", "razboi": "externe", "seeds": "externe",
    "economie": "economie", "energie": "economie", "sanatate": "sanatate", "justitie": "justitie",
    "sport": "sport", "meteo": "meteo", "educatie": "educatie",
}

CAPTION_MARKERS = ("Credit line:", "Credit foto:", "Sursa foto:", "Foto:", "Photo:", "Credit:",
                   "Fotografie:")

MONTHS = ("ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie",
          "octombrie", "noiembrie", "decembrie")
ABBREVIATIONS = ("ian", "feb", "mar", "apr", "mai", "iun", "iul", "aug", "sep", "oct", "nov", "dec")
MONTH_NUMBER = {m: i + 1 for i, m in enumerate(MONTHS)}
ABBR_NUMBER = {a: i + 1 for i, a in enumerate(ABBREVIATIONS)}
ABBR_NUMBER["sept"] = 9

LOWER = "a-zăâîșțşţ"
UPPER = "A-ZĂÂÎȘȚŞŢ"
_M = "|".join(MONTHS)
_M_BARE = "|".join(m for m in MONTHS if m != "mai")  # "mai" alone is mostly the adverb
_ABBR = "sept|" + "|".join(ABBREVIATIONS)

# One pass over the text finds every date form; alternatives are tried in this order at each position.
DATE_RE = re.compile(
    r"(?<![\w.,/])(?:"
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?!\w)"
    r"|(?P<num>(?P<nd>\d{1,2})(?P<ns>[./])(?P<nm>\d{1,2})(?P=ns)(?P<ny>\d{4}))(?!\d)"
    rf"|(?P<rng>(?P<rd1>\d{{1,2}})(?P<rsep>–|-| și | şi )(?P<rd2>\d{{1,2}}) (?P<rm>{_M})(?: (?P<ry>\d{{4}}))?)(?!\w)"
    rf"|(?P<dm>(?P<dd>\d{{1,2}}) (?P<dmm>{_M})(?: (?P<dy>\d{{4}}))?)(?!\w)"
    rf"|(?P<dl>(?P<dld>\d{{1,2}}) (?P<dla>{_ABBR}))(?= \()"
    rf"|(?P<mr>(?P<mr1>{_M})(?P<mrs>–|-)(?P<mr2>{_M}) (?P<mry>\d{{4}}))(?!\w)"
    rf"|(?P<my>(?P<mym>{_M}) (?P<myy>\d{{4}}))(?!\w)"
    rf"|(?P<bm>(?P<bmp>[Îî]n|[Dd]in|lunii|luna) (?P<bmm>{_M_BARE}))(?!\w| \d)"
    r"|(?P<yr>(?:19|20)\d{2})(?!\d|[.,]\d)"
    r")"
)
_MAI_ADVERB = re.compile(rf" [{LOWER}]")  # "20 mai mulți": "mai" followed by a word is not May

# A figure: "12.000", "5,1", "1.284", a range "40–42" / "între 25.000 și 30.000", and a unit after it.
_NUM = r"(?:\d{1,3}(?:\.\d{3})+(?!\d)|\d+(?!\d))(?:,\d+(?!\d))?"
FIGURE_RE = re.compile(
    rf"(?<![\w.,/–-])(?P<a>{_NUM})(?:(?P<sep>–|-| și | şi )(?P<b>{_NUM}))?"
    rf"(?P<tail>%| la sut[ăa](?!\w)| de (?=[{LOWER}])| (?:milioane|miliarde|mii)(?!\w))"
)
_NOUN_AFTER = re.compile(rf"[{LOWER}]{{1,30}}")
MILD_NOUNS = ("grade", "ani", "zile", "luni", "ore", "minute", "săptămâni", "ori")
SKIP_BEFORE_FIGURE = ("nr", "art", "oug", "legea", "legii", "minutul", "ora", "pagina", "sectoarele",
                      "sectorul", "brigada", "brigăzii", "regimentul", "regimentului", "secția", "secţia")

_DATELINE = re.compile(rf"\A[{UPPER}][{UPPER} .-]{{0,40}}, \d{{1,2}} [a-z]{{3,4}} \([^()\n]{{1,40}}\) [-–—] ")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)  # lazy .*? up to a fixed "\n---"
_DATE_LINE = re.compile(r"\A[ \t]*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?!\d)[ \t]*\n?", re.I)
_PARAGRAPH_SPLIT = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(rf"(?<=[.!?])\s(?=[{UPPER}„“\"])")
_WORD = re.compile(rf"[{UPPER}{LOWER}\w-]+")



def fold(text: str) -> str:
    """ş/ţ -> ș/ț: a comparison form for names written either way."""
    return text.replace("ş", "ș").replace("ţ", "ț").replace("Ş", "Ș").replace("Ţ", "Ț")


def words(text: str) -> int:
    return len(text.split())


# ---------------------------------------------------------------------------------------------------
# Templates


@dataclass
class Person:
    key: str                 # folded full name
    first: str               # "" for a surname-only person ("Putin")
    surname: str             # may hold particles: "von der Leyen"
    female: bool
    foreign: bool


@dataclass(eq=False)
class Template:
    stem: str
    topic: str
    group: str
    title: str
    date: dt.date
    source: Optional[str]
    paragraphs: list[str]    # caption (if any) first, then the lead, then the rest
    fixed: int               # how many leading paragraphs keep their place (caption + lead)
    style: str               # "cedilla", "comma" or "mixed"
    persons: list[Person] = field(default_factory=list)
    name_re: Optional[re.Pattern] = None
    name_groups: dict[str, tuple[str, str]] = field(default_factory=dict)  # group -> (person key, form)
    parts: list[list] = field(default_factory=list)       # each paragraph as literal text and slots
    title_parts: list = field(default_factory=list)
    borrowed_lead: list = field(default_factory=list)     # the lead without its dateline, for other hosts

    @property
    def words(self) -> int:
        return sum(words(p) for p in self.paragraphs)


def _style(text: str) -> str:
    cedilla = any(c in text for c in "şţŞŢ")
    comma = any(c in text for c in "șțȘȚ")
    return "mixed" if cedilla and comma else "cedilla" if cedilla else "comma"


def to_style(text: str, style: str) -> str:
    """`text` in the diacritics of a template: "cedilla" (ş ţ), "comma" (ș ț) or "mixed" (as it is)."""
    if style == "cedilla":
        return text.replace("ș", "ş").replace("ț", "ţ").replace("Ș", "Ş").replace("Ț", "Ţ")
    if style == "comma":
        return fold(text)
    return text


def _derive_title(lead: str, limit: int = 90) -> str:
    first = _SENTENCE_END.split(lead.strip(), maxsplit=1)[0].rstrip(" .")
    if len(first) <= limit:
        return first
    cut = first[: limit - 1]
    cut = cut[: cut.rindex(" ")] if " " in cut else cut
    return cut.rstrip(" ,;:–-") + "…"


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 20x faster
_GOLD_CACHE: dict[str, dict] = {}


def _gold(stem: str) -> dict:
    """The annotations of a template (people, places, organizations), read once per process."""
    if stem not in _GOLD_CACHE:
        _GOLD_CACHE[stem] = {}
        for folder in GOLD_DIRS:
            path = folder / f"{stem}.gold.yaml"
            if path.is_file():
                _GOLD_CACHE[stem] = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
                break
    return _GOLD_CACHE[stem]


def _topic(stem: str, default: str) -> str:
    parts = stem.split("_")
    if len(parts) >= 2 and parts[0].isdigit() and parts[1] in TOPIC_GROUP:
        return parts[1]
    return default


def _read_template(path: Path, default_topic: str) -> Template:
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8").replace("\r\n", "\n"))
    meta: dict = {}
    m = _FRONT_MATTER.match(text)
    if m:
        meta = yaml.load(m.group(1), Loader=_YAML_LOADER) or {}
        text = text[m.end():]
    else:
        m = _DATE_LINE.match(text)
        if m:
            meta = {"date": dt.date.fromisoformat(m.group(1))}
            text = text[m.end():]
    paragraphs = [_SPACES.sub(" ", b).strip() for b in _PARAGRAPH_SPLIT.split(text)]
    paragraphs = [p for p in paragraphs if p]
    fixed = 1
    if len(paragraphs) > 1 and any(mk in paragraphs[0] for mk in CAPTION_MARKERS) and len(paragraphs[0]) < 400:
        fixed = 2  # a photo caption stays first, the lead second
    gold = _gold(path.stem)
    date = meta.get("date") or gold.get("published")
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    if not isinstance(date, dt.date):
        date = _latest_date(" ".join(paragraphs)) or dt.date(2025, 1, 1)
    title = str(meta.get("title") or _derive_title(paragraphs[fixed - 1]))
    topic = _topic(path.stem, default_topic)
    return Template(stem=path.stem, topic=topic, group=TOPIC_GROUP.get(topic, topic), title=title,
                    date=date, source=meta.get("source"), paragraphs=paragraphs, fixed=fixed,
                    style=_style(title + "\n".join(paragraphs)))


def _latest_date(text: str) -> Optional[dt.date]:
    found = []
    for m in DATE_RE.finditer(text):
        try:
            if m.group("dm") and m.group("dy"):
                found.append(dt.date(int(m.group("dy")), MONTH_NUMBER[m.group("dmm")], int(m.group("dd"))))
            elif m.group("num"):
                found.append(dt.date(int(m.group("ny")), int(m.group("nm")), int(m.group("nd"))))
            elif m.group("iso"):
                found.append(dt.date.fromisoformat(m.group("iso")))
        except ValueError:
            continue
    return max(found) if found else None


def _name_pattern(text: str) -> str:
    """A literal name as a regex: ş/ș and ţ/ț alike, space or hyphen between words, any case after one."""
    out = []
    for i, ch in enumerate(text):
        low = fold(ch)
        if ch in " -":
            out.append("[ -]")
        elif low in "șț":
            out.append("[șş]" if low == "ș" else "[țţ]")
        elif low in "ȘȚ":
            out.append("[ȘŞ]" if low == "Ș" else "[ȚŢ]")
        elif i > 0 and text[i - 1] in " -" and ch.isalpha() and ch.lower() != ch.upper():
            out.append(f"[{re.escape(ch.upper())}{re.escape(ch.lower())}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _split_name(name: str) -> tuple[str, str]:
    tokens = name.split(" ")
    if len(tokens) == 1:
        return "", tokens[0]
    for i in range(1, len(tokens)):
        if tokens[i] in SURNAME_PARTICLES:
            return " ".join(tokens[:i]), " ".join(tokens[i:])
    return " ".join(tokens[:-1]), tokens[-1]


def _is_female(first: str) -> bool:
    head = first.split("-")[0].split(" ")[0]
    if head in RO_FEMALE or head in FOREIGN_FEMALE or head in FEMALE_NOT_IN_A:
        return True
    if head in RO_MALE or head in FOREIGN_MALE or head in MALE_ENDING_IN_A:
        return False
    return head.endswith("a")


RO_FIRST = frozenset(fold(n) for n in RO_MALE + RO_FEMALE + RO_FIRST_EXTRA)
KNOWN_FIRST = RO_FIRST | frozenset(fold(n) for n in FOREIGN_MALE + FOREIGN_FEMALE + FOREIGN_FIRST_EXTRA)
_FOREIGN_ENDINGS = ("ova", "ov", "enko", "iuk", "uk", "ski", "ić")


def _is_foreign(first: str, surname: str) -> bool:
    head = fold(first.split("-")[0].split(" ")[0])
    if not head:
        return not fold(surname).endswith(("escu", "eanu", "ă"))
    return head not in RO_FIRST or fold(surname).endswith(_FOREIGN_ENDINGS)


def _detect_people(text: str) -> list[str]:
    """Names in a template without annotations: a known first name and one or two capitalised words."""
    tokens = [(m.group(), m.start()) for m in _WORD.finditer(text)]
    found: list[str] = []
    for i, (tok, _) in enumerate(tokens):
        if fold(tok) not in KNOWN_FIRST:
            continue
        parts = [tok]
        for nxt, _ in tokens[i + 1:i + 3]:
            if nxt[:1].isupper() and nxt not in NOT_A_NAME and nxt.lower() not in MONTHS:
                parts.append(nxt)
            else:
                break
        name = " ".join(parts)
        if len(parts) > 1 and name in text and name not in found:
            found.append(name)
    return found


def _attach_people(templates: list[Template]) -> None:
    """Find each template's people and compile one name regex per template."""
    known: list[str] = []
    golds = {t.stem: _gold(t.stem) for t in templates}
    for t in templates:
        for name in golds[t.stem].get("people") or []:
            if fold(name) not in (fold(k) for k in known):
                known.append(name)
    for t in templates:
        if not golds[t.stem].get("people"):
            for name in _detect_people("\n".join(t.paragraphs)):
                if fold(name) not in (fold(k) for k in known):
                    known.append(name)
    for t in templates:
        gold = golds[t.stem]
        text = t.title + "\n" + "\n".join(t.paragraphs)
        folded = fold(text)
        not_names = {fold(w) for item in (gold.get("places") or []) + (gold.get("organizations") or [])
                     for w in str(item).split()}
        present: list[Person] = []
        for name in known:
            first, surname = _split_name(name)
            if fold(surname.split(" ")[-1]).lower() not in folded.lower():
                continue  # cheap test first: most known names are not in this template
            if re.search(rf"(?<![\w-]){_name_pattern(name)}(?!\w|-\w)", text) is None:
                continue
            present.append(Person(key=fold(name), first=first, surname=surname,
                                  female=bool(first) and _is_female(first), foreign=_is_foreign(first, surname)))
        # A surname-only person that is the surname of a full name here is the same person.
        full_surnames = {fold(p.surname) for p in present if p.first}
        present = [p for p in present if p.first or fold(p.surname) not in full_surnames]
        present.sort(key=lambda p: folded.find(p.key.split(" ")[0]))  # order of first mention
        alternatives: list[tuple[str, str, str]] = []  # (literal, person key, form)
        short_count: dict[str, int] = {}
        shorts: list[tuple[str, Person]] = []
        for p in present:
            if p.first:
                full = f"{p.first} {p.surname}"
                alternatives.append((full, p.key, "full"))
                if p.female and p.first.endswith("a"):
                    alternatives.append((f"{p.first[:-1]}ei {p.surname}", p.key, "gen"))
                candidates = [p.surname]
                head = p.first.split(" ")[0]
                if not any(fold(part) in KNOWN_FIRST for part in head.split("-")) and len(head) >= 3:
                    candidates.append(head)  # "Kim" of "Kim Jong Un"
            else:
                candidates = [p.surname]
            firsts = [fold(o.first.split(" ")[0]) for o in present if o.first and o is not p]
            for c in candidates:
                fc = fold(c)
                if (len(c) < 3 or c in NOT_A_NAME or fc in not_names or fc in firsts
                        or not c.split(" ")[-1][:1].isupper()):
                    continue
                shorts.append((c, p))
                short_count[fc] = short_count.get(fc, 0) + 1
        for c, p in shorts:
            if short_count[fold(c)] == 1:  # a surname shared by two people is ambiguous: left alone
                alternatives.append((c, p.key, "short"))
        if not alternatives:
            t.persons = present
            continue
        alternatives.sort(key=lambda a: -len(a[0]))
        parts, groups = [], {}
        for k, (literal, key, form) in enumerate(alternatives):
            parts.append(f"(?P<n{k}>{_name_pattern(literal)})")
            groups[f"n{k}"] = (key, form)
        t.persons = present
        t.name_re = re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?!\w|-\w)")
        t.name_groups = groups


def load_templates(dirs=TEMPLATE_DIRS) -> list[Template]:
    templates: list[Template] = []
    for folder in dirs:
        default_topic = "seeds" if Path(folder).name == "seeds" else "diverse"
        for path in sorted(Path(folder).glob("*.txt"), key=lambda p: p.name):
            templates.append(_read_template(path, default_topic))
    if not templates:
        raise SystemExit(f"no templates in {', '.join(str(d) for d in dirs)}")
    _attach_people(templates)
    for t in templates:
        t.parts = [compile_text(p, t) for p in t.paragraphs]
        t.title_parts = compile_text(t.title, t)
        lead = _DATELINE.sub("", t.paragraphs[t.fixed - 1])
        t.borrowed_lead = compile_text(lead[:1].upper() + lead[1:], t)
    return templates


@dataclass(frozen=True)
class Slot:
    """A place in a template paragraph that each article fills in: a name, a date or a figure."""

    kind: str
    match: re.Match
    info: tuple = ()


def compile_text(text: str, t: Optional[Template], dates: bool = True, figures: bool = True) -> list:
    """`text` as literal strings and `Slot`s, found once per template so each article only fills them.

    The slots of the three kinds never overlap in practice (names have no digits; a figure needs a unit
    after it, a date a month or a date shape); if they did, the first one wins.
    """
    spans: list[tuple[int, int, int, Slot]] = []
    if t is not None and t.name_re is not None:
        for m in t.name_re.finditer(text):
            spans.append((m.start(), 0, m.end(), Slot("name", m, t.name_groups[m.lastgroup])))
    if dates:
        for m in DATE_RE.finditer(text):
            spans.append((m.start(), 1, m.end(), Slot("date", m)))
    if figures:
        for m in FIGURE_RE.finditer(text):
            if not _skip_figure(text, m.start()):
                spans.append((m.start(), 2, m.end(), Slot("figure", m, (_figure_kind(text, m),))))
    spans.sort(key=lambda s: (s[0], s[1]))
    parts: list = []
    pos = 0
    for start, _, end, slot in spans:
        if start < pos:
            continue
        if start > pos:
            parts.append(text[pos:start])
        parts.append(slot)
        pos = end
    if pos < len(text):
        parts.append(text[pos:])
    return parts


def render(parts: list, names: dict[str, tuple[str, str]], shift: "Shift", style: str) -> str:
    out = []
    for p in parts:
        if type(p) is str:
            out.append(p)
        elif p.kind == "name":
            key, form = p.info
            first, last = names[key]
            out.append(f"{first} {last}" if form == "full" else f"{first[:-1]}ei {last}" if form == "gen" else last)
        elif p.kind == "date":
            out.append(Corpus._date_text(p.match, shift))
        else:
            out.append(Corpus._figure_text(p.match, shift, p.info[0]))
    return to_style("".join(out), style)


def _figure_kind(text: str, m: re.Match) -> str:
    tail = m.group("tail")
    if tail == "%" or tail.startswith(" la sut"):
        return "percent"
    if tail == " de ":
        noun = _NOUN_AFTER.match(text, m.end())
        if noun and noun.group() in MILD_NOUNS:
            return "mild"
    return "normal"


def _pool_without(pool: tuple[str, ...], templates: list[Template]) -> tuple[str, ...]:
    """Pool names that no template contains as a word, so a replaced name never equals an original."""
    vocabulary = set()
    for t in templates:
        vocabulary.update(fold(w) for w in _WORD.findall(t.title + " " + " ".join(t.paragraphs)))
    return tuple(n for n in pool if fold(n) not in vocabulary)


# ---------------------------------------------------------------------------------------------------
# One article


@dataclass
class Shift:
    """How one source template's dates and figures move in this article."""

    old_pub: dt.date
    days: int
    months: int
    years: int
    factor: float
    mild: float
    percent: float


@dataclass
class GeneratedArticle:
    index: int
    name: str
    title: str
    date: dt.date
    source: Optional[str]
    author: Optional[str]
    url: Optional[str]
    host: str
    style: str
    long: bool
    paragraphs: list[str]
    sources: list[tuple[str, int]]       # (template stem, paragraphs taken), host first
    names: dict[str, str]                # original person key -> replacement full name

    def text(self) -> str:
        head = ["---", f"title: {json.dumps(self.title, ensure_ascii=False)}", f"date: {self.date.isoformat()}"]
        if self.source:
            head.append(f"source: {json.dumps(self.source, ensure_ascii=False)}")
        if self.author:
            head.append(f"author: {json.dumps(self.author, ensure_ascii=False)}")
        if self.url:
            head.append(f"url: {json.dumps(self.url)}")
        head.append("---")
        return "\n".join(head) + "\n" + "\n\n".join(self.paragraphs) + "\n"


class Corpus:
    """The templates and pools, loaded once; `article(i)` builds article i."""

    def __init__(self, seed: int = 0, dirs=TEMPLATE_DIRS):
        self.seed = seed
        self.templates = load_templates(dirs)
        self.by_group: dict[str, list[Template]] = {}
        for t in self.templates:
            self.by_group.setdefault(t.group, []).append(t)
        self.pools = {
            (False, False): _pool_without(RO_MALE, self.templates),
            (False, True): _pool_without(RO_FEMALE, self.templates),
            (True, False): _pool_without(FOREIGN_MALE, self.templates),
            (True, True): _pool_without(FOREIGN_FEMALE, self.templates),
        }
        self.surnames = {False: _pool_without(RO_SURNAMES, self.templates),
                         True: _pool_without(FOREIGN_SURNAMES, self.templates)}
        self.used_titles: set[str] = set()

    # -- names --------------------------------------------------------------------------------------

    def _names_for(self, rng: random.Random, sources: list[Template]) -> dict[str, tuple[str, str]]:
        mapping: dict[str, tuple[str, str]] = {}
        by_surname: dict[str, tuple[str, str]] = {}
        used: list[str] = []
        for t in sources:
            for p in t.persons:
                if p.key in mapping:
                    continue
                prior = by_surname.get(fold(p.surname))
                if prior is not None:
                    last = prior[1]
                else:
                    pool = self.surnames[p.foreign]
                    last = rng.choice(pool)
                    while last in used and len(used) < len(pool):
                        last = rng.choice(pool)
                    used.append(last)
                first = rng.choice(self.pools[(p.foreign, p.female)])
                mapping[p.key] = (first, last)
                by_surname.setdefault(fold(p.surname), (first, last))
        return mapping

    @staticmethod
    def _replace_dates(text: str, s: Shift) -> str:
        """`text` with its dates moved by `s` (the slots of a paragraph, found and filled in one go)."""
        return render(compile_text(text, None, figures=False), {}, s, "mixed")

    @staticmethod
    def _replace_figures(text: str, s: Shift) -> str:
        """`text` with its figures scaled by `s`."""
        return render(compile_text(text, None, dates=False), {}, s, "mixed")

    # -- dates --------------------------------------------------------------------------------------

    @staticmethod
    def _date_text(m: re.Match, s: Shift) -> str:
        text = m.string

        def shifted(d: dt.date) -> dt.date:
            return d + dt.timedelta(days=s.days)

        def near(day: int, month: int) -> Optional[dt.date]:
            best = None
            for year in (s.old_pub.year - 1, s.old_pub.year, s.old_pub.year + 1):
                try:
                    d = dt.date(year, month, day)
                except ValueError:
                    continue
                if best is None or abs((d - s.old_pub).days) < abs((best - s.old_pub).days):
                    best = d
            return best

        def month_add(year: int, month: int) -> tuple[int, int]:
            total = year * 12 + (month - 1) + s.months
            return total // 12, total % 12 + 1

        def repl(m: re.Match) -> str:
            g = m.group
            try:
                if g("iso"):
                    return shifted(dt.date.fromisoformat(g("iso"))).isoformat()
                if g("num"):
                    d = shifted(dt.date(int(g("ny")), int(g("nm")), int(g("nd"))))
                    day = f"{d.day:02d}" if len(g("nd")) == 2 else str(d.day)
                    month = f"{d.month:02d}" if len(g("nm")) == 2 else str(d.month)
                    return f"{day}{g('ns')}{month}{g('ns')}{d.year}"
                if g("rng"):
                    month = MONTH_NUMBER[g("rm")]
                    if month == 5 and not g("ry") and _MAI_ADVERB.match(text, m.end()):
                        return m.group()
                    if g("ry"):
                        d1 = dt.date(int(g("ry")), month, int(g("rd1")))
                        d2 = dt.date(int(g("ry")), month, int(g("rd2")))
                    else:
                        d1, d2 = near(int(g("rd1")), month), near(int(g("rd2")), month)
                        if d1 is None or d2 is None:
                            return m.group()
                    d1, d2 = shifted(d1), shifted(d2)
                    sep = g("rsep")
                    if (d1.year, d1.month) == (d2.year, d2.month):
                        out = f"{d1.day}{sep}{d2.day} {MONTHS[d2.month - 1]}"
                        return out + (f" {d2.year}" if g("ry") else "")
                    if g("ry") and d1.year != d2.year:
                        return f"{d1.day} {MONTHS[d1.month - 1]} {d1.year}{sep}{d2.day} {MONTHS[d2.month - 1]} {d2.year}"
                    out = f"{d1.day} {MONTHS[d1.month - 1]}{sep}{d2.day} {MONTHS[d2.month - 1]}"
                    return out + (f" {d2.year}" if g("ry") else "")
                if g("dm"):
                    month = MONTH_NUMBER[g("dmm")]
                    if g("dy"):
                        d = dt.date(int(g("dy")), month, int(g("dd")))
                    else:
                        if month == 5 and _MAI_ADVERB.match(text, m.end()):
                            return m.group()
                        d = near(int(g("dd")), month)
                        if d is None:
                            return m.group()
                    d = shifted(d)
                    return f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if g("dy") else "")
                if g("dl"):
                    d = near(int(g("dld")), ABBR_NUMBER[g("dla")])
                    if d is None:
                        return m.group()
                    d = shifted(d)
                    abbr = "sept" if d.month == 9 and g("dla") == "sept" else ABBREVIATIONS[d.month - 1]
                    return f"{d.day} {abbr}"
                if g("mr"):
                    y1, m1 = month_add(int(g("mry")), MONTH_NUMBER[g("mr1")])
                    y2, m2 = month_add(int(g("mry")), MONTH_NUMBER[g("mr2")])
                    if y1 != y2:
                        return f"{MONTHS[m1 - 1]} {y1}{g('mrs')}{MONTHS[m2 - 1]} {y2}"
                    return f"{MONTHS[m1 - 1]}{g('mrs')}{MONTHS[m2 - 1]} {y2}"
                if g("my"):
                    y, mo = month_add(int(g("myy")), MONTH_NUMBER[g("mym")])
                    return f"{MONTHS[mo - 1]} {y}"
                if g("bm"):
                    mo = (MONTH_NUMBER[g("bmm")] - 1 + s.months) % 12 + 1
                    if mo == 5:  # "în mai" reads as "in May"; after "luna"/"lunii" it is always May
                        return f"{g('bmp')} mai"
                    return f"{g('bmp')} {MONTHS[mo - 1]}"
                if g("yr"):
                    return str(int(g("yr")) + s.years)
            except ValueError:
                return m.group()
            return m.group()

        return repl(m)

    # -- figures ------------------------------------------------------------------------------------

    @staticmethod
    def _figure_text(m: re.Match, s: Shift, kind: str) -> str:
        def repl(m: re.Match) -> str:
            tail = m.group("tail")
            percent = kind == "percent"
            factor = s.percent if percent else s.mild if kind == "mild" else s.factor
            a, a_val, a_step = _scale(m.group("a"), factor, percent)
            out = a
            last_val, last_int = a_val, "," not in m.group("a")
            if m.group("b"):
                b, b_val, b_step = _scale(m.group("b"), factor, percent)
                if b_val <= a_val:  # keep the range in order
                    b, b_val, _ = _scale(m.group("b"), factor, percent, at_least=a_val + b_step)
                out = f"{a}{m.group('sep')}{b}"
                last_val, last_int = b_val, "," not in m.group("b")
            if last_int and not percent:
                need = _needs_de(int(last_val))
                if tail == " de ":
                    tail = " de " if need else " "
                elif tail.strip() in ("milioane", "miliarde", "mii") and need:
                    tail = " de" + tail
            return out + tail

        return repl(m)

    # -- assembly -----------------------------------------------------------------------------------

    def _shift(self, rng: random.Random, t: Template, new_pub: dt.date) -> Shift:
        days = round((new_pub - t.date).days / 7) * 7  # whole weeks: weekdays in the text stay right
        moved = t.date + dt.timedelta(days=days)
        return Shift(old_pub=t.date, days=days,
                     months=(moved.year * 12 + moved.month) - (t.date.year * 12 + t.date.month),
                     years=moved.year - t.date.year, factor=rng.uniform(0.7, 1.45), mild=rng.uniform(0.85, 1.2),
                     percent=rng.uniform(0.85, 1.15))

    def article(self, i: int) -> GeneratedArticle:
        rng = random.Random(f"explainer-bench-corpus:{self.seed}:{i}")
        host = self.templates[(i + self.seed) % len(self.templates)]
        is_long = i % LONG_EVERY == LONG_EVERY - 1
        new_pub = host.date - dt.timedelta(weeks=rng.randint(1, MAX_WEEKS_BACK))
        style = host.style
        partners = [t for t in self.by_group.get(host.group, []) if t is not host]
        rng.shuffle(partners)

        # 1. Which paragraphs, from which templates (host first; blocks keep their template's lead first).
        blocks: list[tuple[Template, list[int]]] = []
        host_rest = list(range(host.fixed, len(host.paragraphs)))
        rng.shuffle(host_rest)
        total = host.words
        if is_long:
            target = rng.randint(*LONG_WORDS)
            others = [t for t in self.templates if t is not host and t not in partners]
            rng.shuffle(others)
            blocks.append((host, list(range(host.fixed)) + host_rest))
            for t in partners + others:
                if total >= target:
                    break
                lead = t.fixed - 1
                rest = list(range(t.fixed, len(t.paragraphs)))
                rng.shuffle(rest)
                chosen = []
                for k in [lead] + rest:
                    if total >= target and chosen:
                        break
                    if total + words(t.paragraphs[k]) > LONG_WORDS[1]:
                        continue
                    chosen.append(k)
                    total += words(t.paragraphs[k])
                if chosen:
                    blocks.append((t, chosen))
        else:
            single = rng.random() < SINGLE_SHARE and host.words >= 300
            target = 0 if single else (300 if rng.random() < 0.2 else rng.randint(450, NORMAL_MAX_WORDS))
            borrowed: list[tuple[Template, int]] = []
            for t in partners[:1 if rng.random() < 0.6 else 2]:  # mostly two templates, sometimes three
                candidates = list(range(t.fixed - 1, len(t.paragraphs)))
                rng.shuffle(candidates)
                for k in candidates:
                    if total >= target:
                        break
                    w = words(t.paragraphs[k])
                    if total + w > NORMAL_MAX_WORDS:
                        continue
                    borrowed.append((t, k))
                    total += w
            mixed = [(host, k) for k in host_rest] + borrowed
            rng.shuffle(mixed)
            blocks.append((host, list(range(host.fixed))))
            blocks.extend((t, [k]) for t, k in mixed)

        # 2. Names, dates and figures, per source template.
        sources: list[Template] = []
        for t, _ in blocks:
            if t not in sources:
                sources.append(t)
        names = self._names_for(rng, sources)
        shifts = {t.stem: self._shift(rng, t, new_pub) for t in sources}
        shifts[host.stem].days = (new_pub - host.date).days  # exact for the host: the dateline matches
        paragraphs: list[str] = []
        counts: dict[str, int] = {}
        for t, ks in blocks:
            for k in ks:
                parts = t.borrowed_lead if t is not host and k == t.fixed - 1 else t.parts[k]
                paragraphs.append(render(parts, names, shifts[t.stem], style))
                counts[t.stem] = counts.get(t.stem, 0) + 1

        # 3. A unique title and the metadata.
        base = render(host.title_parts, names, shifts[host.stem], style)
        plain_ok = base != host.title  # a title that no substitution changed always gets a prefix or suffix
        if is_long:
            base, plain_ok = rng.choice(LONG_PREFIXES) + base, True
        title = self._unique_title(rng, base, style, plain_ok, prefixes=() if is_long else TITLE_PREFIXES)
        author = None
        if rng.random() < 0.3:
            female = rng.random() < 0.5
            author = f"{rng.choice(self.pools[(False, female)])} {rng.choice(self.surnames[False])}"
            author = to_style(author, style)
        url = None
        if rng.random() < 0.5:
            url = f"https://www.example.ro/{host.group}/{_slug(title)}-{i}"
        name = f"{i:05d}_{host.topic}.txt"
        return GeneratedArticle(
            index=i, name=name, title=title, date=new_pub, source=host.source, author=author, url=url,
            host=host.stem, style=style, long=is_long, paragraphs=paragraphs,
            sources=[(t.stem, counts[t.stem]) for t in sources],
            names={key: f"{f} {l}" for key, (f, l) in names.items()},
        )

    def _unique_title(self, rng: random.Random, base: str, style: str, plain_ok: bool,
                      prefixes: tuple[str, ...] = TITLE_PREFIXES) -> str:
        decorations = [(p, "") for p in prefixes] + [("", s) for s in TITLE_SUFFIXES]
        decorations += [(p, s) for p in prefixes for s in TITLE_SUFFIXES]
        if plain_ok:
            decorations.insert(0, ("", ""))
        start = 0 if rng.random() < 0.5 else rng.randrange(len(decorations))
        for k in range(len(decorations)):
            prefix, suffix = decorations[(start + k) % len(decorations)]
            title = to_style(prefix, style) + base + to_style(suffix, style)
            if title not in self.used_titles:
                self.used_titles.add(title)
                return title
        n = 2
        while f"{base} (partea {n})" in self.used_titles:
            n += 1
        title = f"{base} (partea {n})"
        self.used_titles.add(title)
        return title


def _skip_figure(text: str, start: int) -> bool:
    """A number right after a name-like or reference word ("Brigada 9 de asalt", "nr. 78") is no figure."""
    i = start
    if i == 0 or text[i - 1] != " ":
        return False
    j = i - 1
    if j > 0 and text[j - 1] == ".":
        j -= 1
    k = j
    while k > 0 and (text[k - 1].isalnum()):
        k -= 1
    word = text[k:j]
    if not word:
        return False
    if word.lower() in SKIP_BEFORE_FIGURE:
        return True
    if not word[0].isupper() or j != i - 1:
        return False
    # A capitalised word mid-sentence right before the number: a name ("Regimentului 528").
    b = k - 1
    while b >= 0 and text[b] == " ":
        b -= 1
    return not (b < 0 or text[b] in ".!?»”\"\n(")


def _needs_de(n: int) -> bool:
    """Romanian puts "de" after 20, 100, 1.000..., not after 1-19 or numbers ending in 01-19."""
    return n >= 20 and (n % 100 == 0 or n % 100 >= 20)


def _group(n: int) -> str:
    s = str(n)
    if n < 1000:
        return s
    out = []
    while s:
        out.append(s[-3:])
        s = s[:-3]
    return ".".join(reversed(out))


def _scale(num: str, factor: float, percent: bool, at_least: Optional[float] = None) -> tuple[str, float, float]:
    """A figure times `factor`, in the same format; returns (text, value, step)."""
    intpart, _, frac = num.partition(",")
    digits = intpart.replace(".", "")
    if frac:
        d = len(frac)
        units = int(digits) * 10 ** d + int(frac)
        new = int(units * factor + 0.5)
        if new == units:
            new = units + 1
        if percent and units <= 100 * 10 ** d:
            new = min(new, 100 * 10 ** d - (0 if units == 100 * 10 ** d else 1))
            if new == units:
                new = units - 1
        if at_least is not None:
            new = max(new, int(at_least * 10 ** d + 0.5))
        new = max(new, 1)
        if new % 10 ** d == 0 and not percent:
            new += 1  # "1,1 miliarde", not "1,0 miliarde"
        text = f"{_group(new // 10 ** d)},{new % 10 ** d:0{d}d}"
        return text, new / 10 ** d, 1 / 10 ** d
    n = int(digits)
    zeros = len(digits) - len(digits.rstrip("0"))
    step = 10 ** min(zeros, max(len(digits) - 2, 0))  # two significant digits: 30.000 -> 32.000
    new = int(n * factor / step + 0.5) * step
    if new == n:
        new = n + step
    if percent and n <= 100:
        new = min(new, 100 if n == 100 else 99)
        if new == n:
            new = n - step
    if at_least is not None and new < at_least:
        new = int(at_least)
    new = max(new, 2)
    return _group(new), float(new), float(step)


def _slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", fold(text).lower())
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    out, dash = [], False
    for c in ascii_text:
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")[:60].rstrip("-") or "articol"


# ---------------------------------------------------------------------------------------------------
# Entry points

NAME_PATTERN = re.compile(r"\A\d{5,}_[a-z]+\.txt\Z")


def build_articles(n: int, seed: int = 0, dirs=TEMPLATE_DIRS) -> list[GeneratedArticle]:
    corpus = Corpus(seed, dirs)
    return [corpus.article(i) for i in range(n)]


def generate(n: int, out_dir, seed: int = 0, dirs=TEMPLATE_DIRS) -> list[Path]:
    """Write `n` articles into `out_dir` (created if needed) and return their paths, in order."""
    return write_articles(build_articles(n, seed, dirs), out_dir)


def write_articles(articles: list[GeneratedArticle], out_dir) -> list[Path]:
    """Write the articles (unchanged files are not rewritten) and remove stale `NNNNN_topic.txt` files."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for a in articles:
        path = out / a.name
        data = a.text().encode("utf-8")
        if not (path.is_file() and path.read_bytes() == data):
            path.write_bytes(data)
        paths.append(path)
    wanted = {p.name for p in paths}
    for stale in sorted(out.glob("*.txt")):
        if stale.name not in wanted and NAME_PATTERN.match(stale.name):
            stale.unlink()
    return paths


def main(argv: Optional[list[str]] = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("n", type=int, help="how many articles")
    p.add_argument("out_dir", help="folder to write them into (created if needed)")
    p.add_argument("--seed", type=int, default=0, help="another seed gives another corpus (default 0)")
    args = p.parse_args(argv)
    if args.n < 0:
        p.error("N must be >= 0")
    started = time.perf_counter()
    articles = build_articles(args.n, seed=args.seed)
    paths = write_articles(articles, args.out_dir)
    sizes = [sum(words(p) for p in a.paragraphs) for a in articles]
    took = time.perf_counter() - started
    if sizes:
        print(f"{len(paths)} articles in {args.out_dir}: {sum(sizes)} words, {min(sizes)}-{max(sizes)} per "
              f"article, {sum(a.long for a in articles)} long, in {took:.1f} s")
    else:
        print(f"0 articles in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
