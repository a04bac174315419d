#!/usr/bin/env python3
"""Consistency check for the Romanian fact-extraction evaluation corpus.

Usage: python3 check_corpus.py [corpus_dir]

Checks, for every NN_topic.txt / NN_topic.gold.yaml pair:
  * the gold file parses as YAML and has the expected keys;
  * `published` equals the `date` of the article's front matter;
  * every `text` (dates, numbers, quotes) and every event `contains` occurs
    verbatim in the article body (after folding cedilla ş/ţ to comma-below ș/ț);
  * date / event values are well-formed TIMEX3-style values;
  * gold names use comma-below diacritics only;
  * the body length is 150-350 words.
Prints totals per kind and per topic. Exit status 1 on any error.
"""
import collections
import datetime
import pathlib
import re
import sys

import yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))  # tests/: the shared gold schema
from gold_schema import CEDILLA, FOLD, KINDS, VALUE_RE, report  # noqa: E402


def split_article(path):
    raw = path.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", raw, re.S)
    if not m:
        raise ValueError(f"{path.name}: missing YAML front matter")
    return yaml.safe_load(m.group(1)), m.group(2)


def main(root):
    root = pathlib.Path(root)
    errors = []
    totals = collections.Counter()
    per_topic = collections.defaultdict(collections.Counter)
    articles = sorted(p for p in root.glob("[0-9][0-9]_*.txt"))
    cedilla_articles = []
    for art in articles:
        gold_path = art.with_suffix(".gold.yaml")
        name = art.stem
        topic = name.split("_")[1]
        if not gold_path.exists():
            errors.append(f"{name}: no gold file")
            continue
        fm, body = split_article(art)
        try:
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        except yaml.YAMLError as e:
            errors.append(f"{name}: gold does not parse: {e}")
            continue
        for key in ("title", "date", "source"):
            if key not in fm:
                errors.append(f"{name}: front matter lacks {key}")
        pub = fm.get("date")
        if not isinstance(pub, datetime.date) or not (
            datetime.date(2024, 1, 1) <= pub <= datetime.date(2026, 10, 31)
        ):
            errors.append(f"{name}: bad publication date {pub!r}")
        if gold.get("published") != pub:
            errors.append(f"{name}: published {gold.get('published')} != front matter {pub}")
        if any(c in CEDILLA for c in body):
            cedilla_articles.append(name)
            if any(c in "șțȘȚ" for c in body):
                errors.append(f"{name}: mixes cedilla and comma-below letters")
        words = len(body.split())
        if not 150 <= words <= 350:
            errors.append(f"{name}: body has {words} words (want 150-350)")
        fbody = body.translate(FOLD)

        def need(text, where):
            if not isinstance(text, str) or not text:
                errors.append(f"{name}: empty/non-string {where}")
            elif text.translate(FOLD) not in fbody:
                errors.append(f"{name}: {where} {text!r} not found in article")

        for kind in KINDS:
            if kind not in gold or gold[kind] is None:
                errors.append(f"{name}: missing key {kind}")
                gold[kind] = []
        for d in gold["dates"]:
            need(d.get("text"), "date text")
            if not VALUE_RE.match(str(d.get("value"))):
                errors.append(f"{name}: bad date value {d.get('value')!r}")
        for n in gold["numbers"]:
            need(n.get("text"), "number text")
            v = n.get("value")
            ok = isinstance(v, (int, float)) or (
                isinstance(v, list) and len(v) == 2 and all(isinstance(x, (int, float)) for x in v) and v[0] <= v[1])
            if not ok or not n.get("unit"):
                errors.append(f"{name}: bad number entry {n!r}")
        for q in gold["quotes"]:
            need(q.get("text"), "quote text")
            if "speaker" not in q:
                errors.append(f"{name}: quote without speaker key {q!r}")
        date_values = {str(d.get("value")) for d in gold["dates"]}
        for e in gold["events"]:
            need(e.get("contains"), "event contains")
            if str(e.get("date")) not in date_values:
                errors.append(f"{name}: event date {e.get('date')!r} not among the date values")
            if str(e.get("date")).startswith("P"):
                errors.append(f"{name}: event dated by a duration {e!r}")
        seen = set()
        for e in gold["events"]:
            k = (e.get("date"), e.get("contains"))
            if k in seen:
                errors.append(f"{name}: duplicate event {k}")
            seen.add(k)
        names = gold["people"] + gold["places"] + gold["organizations"] + gold["sources"] + [
            q.get("speaker") or "" for q in gold["quotes"]]
        for s in names:
            if any(c in CEDILLA for c in s):
                errors.append(f"{name}: cedilla letter in gold name {s!r}")
        speakers = {q.get("speaker") for q in gold["quotes"]} - {None}
        known = set(gold["people"]) | set(gold["organizations"])
        for s in speakers - known:
            errors.append(f"{name}: speaker {s!r} not listed in people/organizations")
        for kind in KINDS:
            totals[kind] += len(gold[kind])
            per_topic[topic][kind] += len(gold[kind])
        per_topic[topic]["articles"] += 1
        per_topic[topic]["words"] += words
        totals["words"] += words

    print(f"articles: {len(articles)}  (cedilla ş/ţ: {len(cedilla_articles)}: {', '.join(cedilla_articles)})")
    print("totals: " + ", ".join(f"{k}={totals[k]}" for k in KINDS + ["words"]))
    print("per topic:")
    cols = ["articles", "words"] + KINDS
    print("  " + "topic".ljust(11) + "".join(c[:7].rjust(8) for c in cols))
    for t in sorted(per_topic):
        print("  " + t.ljust(11) + "".join(str(per_topic[t][c]).rjust(8) for c in cols))
    return report(errors)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent))
