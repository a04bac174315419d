#!/usr/bin/env python3
"""Consistency check for the test story in tests/story/ (adapted from tests/corpus/check_corpus.py).

Usage: python3 check_gold.py [story_dir]

Checks, for every articles/NN_x.txt and gold/NN_x.gold.yaml pair:
  * the article's metadata has the expected form: YAML front matter (title, date, source, url; author
    optional), a leading `date YYYY-MM-DD` line, or nothing at all (the date is then inferred
    from the latest full date in the text and the weekdays it mentions, see infer_date);
  * `published` equals that date and lies in May 2026;
  * the gold file parses and has every key; every `text` (dates, numbers, quotes) and every event
    `contains` occurs verbatim in the article body, outside a leading photo caption (after folding
    cedilla ş/ţ to comma-below ș/ț);
  * date values are well-formed TIMEX3-style values; a date text that starts with a weekday has a value
    on that weekday in the 2026 calendar; events are dated by one of the date values, never by a duration,
    and are not repeated;
  * quote texts have at most 10 words; speakers are listed among people or organizations;
  * gold names use comma-below diacritics only;
  * the body has 300-500 words;
  * every phenomenon anchor listed in PHENOMENA (the table in README.md) is in the stated paragraph;
  * story.yml has the editor's keys.
Prints totals. Exit status 1 on any error.
"""
import collections
import datetime
import pathlib
import re
import sys

import yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))  # tests/: the shared gold schema
from gold_schema import CEDILLA, FOLD, KINDS, VALUE_RE, report  # noqa: E402

WINDOW = (datetime.date(2026, 5, 1), datetime.date(2026, 5, 31))

WEEKDAYS = {"luni": 0, "marți": 1, "miercuri": 2, "joi": 3, "vineri": 4, "sâmbătă": 5, "duminică": 6}
MONTHS = ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august",
          "septembrie", "octombrie", "noiembrie", "decembrie"]
FULL_DATE_RE = re.compile(
    r"(?:(?P<wd>luni|marți|miercuri|joi|vineri|sâmbătă|duminică),\s+)?"
    r"\b(?P<d>\d{1,2})\s+(?P<m>" + "|".join(MONTHS) + r")\s+(?P<y>\d{4})\b")
CAPTION_RE = re.compile(r"(?:Foto|Credit line)\s*:\s*\S[^\n]*$")

# Where each phenomenon of the brief occurs: (article number, paragraph number, exact snippet, label).
# Paragraphs are counted in the body after the metadata (front matter or `date` line), separated by
# blank lines; a photo caption counts as paragraph 1. README.md shows the same table.
PHENOMENA = [
    ("01", 1, "ZIMNICEA, 6 mai (Agerpres) -", "1 front matter + agency dateline"),
    ("08", 0, "date 2026-05-14", "1 only a leading date line"),
    ("09", 1, "Orașul Șiștov din Bulgaria a reluat vineri", "1 no metadata: lead as first paragraph"),
    ("09", 1, "joi, 14 mai 2026", "1 full date with weekday ..."),
    ("09", 1, "a reluat vineri", "1 ... and a later weekday: inferred date 2026-05-15"),
    ("10", 1, "Foto: Sorin Lupașcu / Mediafax Foto", "1 photo caption as first paragraph"),
    ("01", 8, "Guvernul urmează să se reunească astăzi", "2 emergency meeting (planned, 'astăzi')"),
    ("02", 1, "Guvernul s-a reunit miercuri", "2 emergency meeting ('miercuri')"),
    ("03", 3, "care a participat ieri la ședința de urgență a Guvernului", "2 emergency meeting ('ieri')"),
    ("04", 5, "convocată miercuri la Palatul Victoria", "2 emergency meeting (CNSSU, 'miercuri')"),
    ("01", 2, "Autoritățile au evacuat marți seara", "2 date conflict: evacuation on Tuesday evening"),
    ("05", 1, "Evacuarea lor a început miercuri dimineață", "2 date conflict: evacuation on Wednesday morning"),
    ("03", 3, "au fost notificate oficial joi la ora 6:30", "2 date conflict: Bulgaria notified Thursday"),
    ("04", 3, "a sosit abia vineri dimineață", "2 date conflict: Bulgaria notified Friday"),
    ("01", 2, "aproximativ 1.200 de persoane", "3 figure conflict: evacuated"),
    ("02", 2, "peste 1.500 de persoane au fost evacuate", "3 figure conflict: evacuated"),
    ("01", 1, "17 persoane au fost rănite", "3 same figure in three articles"),
    ("02", 2, "17 persoane au fost rănite", "3 same figure in three articles"),
    ("04", 6, "17 persoane au fost rănite", "3 same figure in three articles"),
    ("02", 3, "„Situația este sub control, dar nu vom permite nimănui să se întoarcă acasă până când",
     "4 repeated quote („...”)"),
    ("03", 4, "\"Situația este sub control, dar nu vom permite nimănui să se întoarcă acasă, până când",
     "4 repeated quote (\"...\", extra comma)"),
    ("01", 3, "La intervenție au participat 42 de autospeciale", "4 wire paragraph shared with 02"),
    ("02", 4, "La intervenție au participat 42 de autospeciale", "4 wire paragraph shared with 01"),
    ("07", 3, "Între 7 și 9 mai, concentrațiile de amoniu", "4 paragraph repeated inside one article"),
    ("07", 6, "Între 7 și 9 mai, concentrațiile de amoniu", "4 paragraph repeated inside one article"),
    ("04", 4, "— Elena Kostova (@ElenaKostovaBG) May 8, 2026", "5 embedded English tweet"),
    ("05", 4, "Citește și: ", "5 'Citește și' line"),
    ("08", 9, "Autor: Cristina Mureșan", "5 byline line"),
    ("05", 3, "un bărbat de 67 de ani", "6 age"),
    ("07", 7, "copiii sub 14 ani", "6 age limit"),
    ("03", 5, "de după accidentul de la Baia Mare din 2000", "6 background year"),
    ("02", 1, "timp de 72 de ore", "6 duration"),
    ("08", 3, "pe 6 și 11 mai", "6 two coordinated dates"),
    ("07", 3, "Între 7 și 9 mai", "6 date range"),
    ("03", 3, "ieri", "6 'ieri'"),
    ("06", 3, "''Vana a fost înlocuită", "7 quote in two apostrophes"),
    ("06", 3, "Kessler & Partners", "7 ampersand"),
    ("07", 4, "valori <5 mg/l", "7 '<' in a sentence"),
    ("03", 2, "\"Pata poluantă", "7 straight double quotes"),
    ("06", 4, "Patrick O'Neill", "7 apostrophe"),
    ("07", 5, "* Zimnicea, canalul de evacuare | 4,1", "7 '*' at line start and '|'"),
    ("09", 7, "raport_preliminar_Zimnicea_2026.pdf", "7 '_' inside text"),
    ("09", 8, "# Ce urmează", "7 '#' at line start"),
    ("09", 9, "#AjutorZimnicea", "7 '#' inside text"),
    ("09", 5, "[x] schimb zilnic de date", "7 '[x]' at line start"),
    ("08", 9, "| 14.05.2026, 11:20", "7 '|' inside text"),
    ("01", 7, "Prefectul județului Teleorman, Dorin Bălășescu", "8 recurring person with role"),
    ("01", 4, "purtătoarea de cuvânt a IGSU, Mihaela Zăvoianu", "8 recurring person with role"),
    ("03", 3, "Ministrul Mediului, Apelor și Pădurilor, Adrian Voinescu", "8 recurring person with role"),
    ("01", 6, "Directorul general al Agrochim Dunărea, Liviu Hârșan", "8 full name ..."),
    ("01", 6, "Hârșan a precizat", "8 ... then surname only"),
    ("01", 7, "a adăugat acesta", "8 speaker through a pronoun"),
    ("05", 2, "povestește un localnic", "8 unnamed speaker"),
    ("06", 6, "Surse din minister au declarat", "8 unnamed source"),
    ("04", 1, "din Șiștov și Ruse, în Bulgaria", "9 foreign places with their country"),
    ("01", 1, "Inspectoratul General pentru Situații de Urgență (IGSU)", "9 organization with acronym"),
    ("03", 1, "Administrația Națională „Apele Române” (ANAR)", "9 organization with acronym"),
]


def split_article(path):
    """Return (kind, metadata dict, body) with kind in {'front-matter', 'date-line', 'none'}."""
    raw = path.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", raw, re.S)
    if m:
        return "front-matter", yaml.safe_load(m.group(1)), m.group(2)
    m = re.match(r"^date (\d{4}-\d{2}-\d{2})\n(.*)$", raw, re.S)
    if m:
        return "date-line", {"date": datetime.date.fromisoformat(m.group(1))}, m.group(2)
    return "none", {}, raw


def paragraphs(body):
    return [p for p in re.split(r"\n\s*\n", body.strip())]


def infer_date(body):
    """Date of an article without metadata, as in tests/seed_gold/000: start from the latest full date in
    the text (None if a weekday written with it disagrees); every other weekday the text mentions is taken
    to fall on or after that date, so the publication date is the latest of those weekdays' first
    occurrences on or after it."""
    best = None
    for m in FULL_DATE_RE.finditer(body):
        d = datetime.date(int(m["y"]), MONTHS.index(m["m"]) + 1, int(m["d"]))
        if m["wd"] and WEEKDAYS[m["wd"]] != d.weekday():
            return None
        best = d if best is None or d > best else best
    if best is None:
        return None
    pub = best
    for m in re.finditer(r"\b(" + "|".join(WEEKDAYS) + r")\b", body, re.I):
        ahead = (WEEKDAYS[m.group(1).lower()] - best.weekday()) % 7
        pub = max(pub, best + datetime.timedelta(days=ahead))
    return pub


def first_day(value):
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", value)
    return datetime.date.fromisoformat(m.group(1)) if m else None


def main(root):
    root = pathlib.Path(root)
    errors = []
    totals = collections.Counter()
    articles = sorted((root / "articles").glob("[0-9][0-9]_*.txt"))
    if len(articles) != 10:
        errors.append(f"expected 10 articles, found {len(articles)}")
    bodies = {}
    for art in articles:
        name = art.stem
        gold_path = root / "gold" / f"{name}.gold.yaml"
        if not gold_path.exists():
            errors.append(f"{name}: no gold file")
            continue
        kind, meta, body = split_article(art)
        bodies[name[:2]] = (kind, body)
        try:
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        except yaml.YAMLError as e:
            errors.append(f"{name}: gold does not parse: {e}")
            continue

        if kind == "front-matter":
            for key in ("title", "date", "source", "url"):
                if key not in meta:
                    errors.append(f"{name}: front matter lacks {key}")
            extra = set(meta) - {"title", "date", "source", "url", "author"}
            if extra:
                errors.append(f"{name}: unknown front-matter keys {sorted(extra)}")
            pub = meta.get("date")
        elif kind == "date-line":
            pub = meta["date"]
        else:
            pub = infer_date(body)
            if pub is None:
                errors.append(f"{name}: no metadata and no inferable date")
        if not isinstance(pub, datetime.date) or not WINDOW[0] <= pub <= WINDOW[1]:
            errors.append(f"{name}: publication date {pub!r} outside May 2026")
        if gold.get("published") != pub:
            errors.append(f"{name}: published {gold.get('published')} != article date {pub}")

        if any(c in CEDILLA for c in body) and any(c in "șțȘȚ" for c in body):
            errors.append(f"{name}: mixes cedilla and comma-below letters")
        words = len(body.split())
        if not 300 <= words <= 500:
            errors.append(f"{name}: body has {words} words (want 300-500)")

        paras = paragraphs(body)
        facts = body
        if paras and CAPTION_RE.search(paras[0]):
            facts = body.split(paras[0], 1)[1]      # a caption is never a source of facts
        ffacts = facts.translate(FOLD)

        def need(text, where):
            if not isinstance(text, str) or not text:
                errors.append(f"{name}: empty/non-string {where}")
            elif text.translate(FOLD) not in ffacts:
                errors.append(f"{name}: {where} {text!r} not found in article text")

        for k in KINDS:
            if k not in gold or gold[k] is None:
                errors.append(f"{name}: missing key {k}")
                gold[k] = []
        for d in gold["dates"]:
            text, value = d.get("text"), str(d.get("value"))
            need(text, "date text")
            if not VALUE_RE.match(value):
                errors.append(f"{name}: bad date value {value!r}")
            wd = str(text).split(",")[0].split()[0].lower() if text else ""
            day = first_day(value)
            if wd in WEEKDAYS and (day is None or day.weekday() != WEEKDAYS[wd]):
                errors.append(f"{name}: {text!r} = {value} is not a {wd} in 2026")
        for n in gold["numbers"]:
            need(n.get("text"), "number text")
            v = n.get("value")
            ok = isinstance(v, (int, float)) or (
                isinstance(v, list) and len(v) == 2 and all(isinstance(x, (int, float)) for x in v) and v[0] <= v[1])
            if not ok or not n.get("unit"):
                errors.append(f"{name}: bad number entry {n!r}")
        for q in gold["quotes"]:
            need(q.get("text"), "quote text")
            if len(str(q.get("text")).split()) > 10:
                errors.append(f"{name}: quote text longer than 10 words: {q.get('text')!r}")
            if "speaker" not in q:
                errors.append(f"{name}: quote without speaker key {q!r}")
        values = {str(d.get("value")) for d in gold["dates"]}
        seen = set()
        for e in gold["events"]:
            need(e.get("contains"), "event contains")
            date = str(e.get("date"))
            if date not in values:
                errors.append(f"{name}: event date {date!r} not among the date values")
            if date.startswith("P"):
                errors.append(f"{name}: event dated by a duration {e!r}")
            key = (date, e.get("contains"))
            if key in seen:
                errors.append(f"{name}: duplicate event {key}")
            seen.add(key)
        names = gold["people"] + gold["places"] + gold["organizations"] + gold["sources"] + [
            q.get("speaker") or "" for q in gold["quotes"]]
        for s in names:
            if any(c in CEDILLA for c in s):
                errors.append(f"{name}: cedilla letter in gold name {s!r}")
        speakers = {q.get("speaker") for q in gold["quotes"]} - {None}
        for s in speakers - (set(gold["people"]) | set(gold["organizations"])):
            errors.append(f"{name}: speaker {s!r} not listed in people/organizations")
        for k in KINDS:
            totals[k] += len(gold[k])
        totals["null speakers"] += sum(q.get("speaker") is None for q in gold["quotes"])
        totals["words"] += words
        print(f"  {name:34} {kind:12} {pub}  {words:3} words  "
              + " ".join(f"{k[:4]}={len(gold[k])}" for k in KINDS))

    for num, para, snippet, label in PHENOMENA:
        if num not in bodies:
            errors.append(f"phenomenon {label!r}: no article {num}")
            continue
        kind, body = bodies[num]
        if para == 0:                                   # the metadata line itself
            path = next((root / "articles").glob(f"{num}_*.txt"))
            where = path.read_text(encoding="utf-8").split("\n", 1)[0]
        else:
            ps = paragraphs(body)
            where = ps[para - 1] if para <= len(ps) else ""
        if snippet not in where:
            errors.append(f"phenomenon {label!r}: {snippet!r} not in article {num} paragraph {para}")

    story = root / "story.yml"
    if not story.exists():
        errors.append("story.yml missing")
    else:
        s = yaml.safe_load(story.read_text(encoding="utf-8"))
        for key in ("title", "summary", "site_url", "byline", "contact", "disputed", "unknown",
                    "corrections_policy"):
            if not s.get(key):
                errors.append(f"story.yml: missing {key}")
        extra = set(s) - {"title", "summary", "site_url", "byline", "contact", "known", "disputed",
                          "unknown", "corrections_policy"}
        if extra:
            errors.append(f"story.yml: unexpected keys {sorted(extra)}")

    print(f"articles: {len(articles)}")
    print("totals: " + ", ".join(f"{k}={totals[k]}" for k in KINDS + ["null speakers", "words"]))
    print(f"phenomenon anchors: {len(PHENOMENA)}")
    return report(errors)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent))
