#!/usr/bin/env python3
"""Consistency check for the Romanian DEVELOPMENT corpus (tests/dev/).

Adapted from tests/corpus/check_corpus.py.

Usage: python3 check_corpus.py [corpus_dir]

Checks, for every NN_topic.txt / NN_topic.gold.yaml pair:
  * the gold file parses as YAML and has the expected keys;
  * the article metadata is one of: YAML front matter (title, date, source),
    a leading `date YYYY-MM-DD` line, or nothing at all; `published` equals the
    date found there (null when the article has no metadata);
  * every `text` (dates, numbers, quotes) and every event `contains` occurs
    verbatim in the article body (after folding cedilla ş/ţ to comma-below ș/ț);
  * date values are well-formed TIMEX3-style values (null only in an article
    without a publication date); event dates are among the date values;
  * gold names use comma-below diacritics only; every word of a person's name
    occurs in the article (ignoring diacritics and a short inflected ending); every speaker is listed in
    people or organizations;
  * quote texts are at most 10 words;
  * the body length is 350-650 words; no body mixes cedilla and comma-below letters.
Prints totals per kind and per topic, the speaker-resolution counts taken from the
YAML comments (# via pronoun, # via role, # pro-drop, # via previous paragraph), and
the diacritic style of every article. Exit status 1 on any error.
"""
import collections
import datetime
import pathlib
import re
import sys

import yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))  # tests/: the shared gold schema
from gold_schema import CEDILLA, FOLD, KINDS, VALUE_RE, report, strip_diacritics  # noqa: E402

COMMA = set("șțȘȚ")
VIA = ["via pronoun", "via role", "pro-drop", "via previous paragraph"]


def split_article(path):
    """Return (metadata dict, body, style) with style 'front matter', 'date line' or 'none'."""
    raw = path.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", raw, re.S)
    if m:
        return yaml.safe_load(m.group(1)), m.group(2), "front matter"
    m = re.match(r"^date (\d{4}-\d{2}-\d{2})\n(.*)$", raw, re.S)
    if m:
        return {"date": datetime.date.fromisoformat(m.group(1))}, m.group(2), "date line"
    return {}, raw, "none"


def speaker_comments(gold_text):
    """Comments attached to `speaker:` lines, in order."""
    out = []
    for line in gold_text.splitlines():
        m = re.match(r"\s*speaker:\s*(.*?)\s*(?:#\s*(.*))?$", line)
        if m:
            out.append((m.group(1), (m.group(2) or "").lower()))
    return out


def main(root):
    root = pathlib.Path(root)
    errors, warnings = [], []
    totals = collections.Counter()
    per_topic = collections.defaultdict(collections.Counter)
    articles = sorted(root.glob("[0-9][0-9]_*.txt"))
    styles = {}
    meta_styles = collections.Counter()
    via = collections.Counter()
    null_speakers = 0
    for art in articles:
        gold_path = art.with_suffix(".gold.yaml")
        name = art.stem
        topic = name.split("_")[1]
        if not gold_path.exists():
            errors.append(f"{name}: no gold file")
            continue
        fm, body, meta_style = split_article(art)
        meta_styles[meta_style] += 1
        gold_text = gold_path.read_text(encoding="utf-8")
        try:
            gold = yaml.safe_load(gold_text)
        except yaml.YAMLError as e:
            errors.append(f"{name}: gold does not parse: {e}")
            continue
        if meta_style == "front matter":
            for key in ("title", "date", "source"):
                if key not in fm:
                    errors.append(f"{name}: front matter lacks {key}")
        pub = fm.get("date")
        if pub is not None and (not isinstance(pub, datetime.date) or not (
                datetime.date(2024, 1, 1) <= pub <= datetime.date(2026, 10, 31))):
            errors.append(f"{name}: bad publication date {pub!r}")
        if "published" not in gold:
            errors.append(f"{name}: missing key published")
        elif gold.get("published") != pub:
            errors.append(f"{name}: published {gold.get('published')} != article date {pub}")
        has_ced = any(c in CEDILLA for c in body)
        has_comma = any(c in COMMA for c in body)
        has_other = any(c in "ăâîĂÂÎ" for c in body)
        if has_ced and has_comma:
            errors.append(f"{name}: mixes cedilla and comma-below letters")
        styles[name] = "cedilla ş ţ" if has_ced else "comma ș ț" if (has_comma or has_other) else "no diacritics"
        words = len(body.split())
        if not 350 <= words <= 650:
            errors.append(f"{name}: body has {words} words (want 350-650)")
        fbody = body.translate(FOLD)
        plain_body = strip_diacritics(body).lower()

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
            v = d.get("value")
            if v is None:
                if pub is not None:
                    errors.append(f"{name}: null date value {d.get('text')!r} in a dated article")
            elif not VALUE_RE.match(str(v)):
                errors.append(f"{name}: bad date value {v!r}")
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
            elif q["speaker"] is None:
                null_speakers += 1
            if isinstance(q.get("text"), str) and len(q["text"].split()) > 10:
                errors.append(f"{name}: quote text longer than 10 words {q['text']!r}")
        for _, comment in speaker_comments(gold_text):
            for k in VIA:
                if k in comment:
                    via[k] += 1
        date_values = {str(d.get("value")) for d in gold["dates"] if d.get("value") is not None}
        seen = set()
        for e in gold["events"]:
            need(e.get("contains"), "event contains")
            if str(e.get("date")) not in date_values:
                errors.append(f"{name}: event date {e.get('date')!r} not among the date values")
            if str(e.get("date")).startswith("P"):
                errors.append(f"{name}: event dated by a duration {e!r}")
            k = (e.get("date"), e.get("contains"))
            if k in seen:
                errors.append(f"{name}: duplicate event {k}")
            seen.add(k)
        names = gold["people"] + gold["places"] + gold["organizations"] + gold["sources"] + [
            q.get("speaker") or "" for q in gold["quotes"]]
        for s in names:
            if not isinstance(s, str):
                errors.append(f"{name}: non-string name {s!r}")
            elif any(c in CEDILLA for c in s):
                errors.append(f"{name}: cedilla letter in gold name {s!r}")
        for p in gold["people"]:
            for tok in re.findall(r"[\w'-]+", strip_diacritics(p).lower()):
                # allow an inflected ending ("Kaja" -> "Kajei", "Ion" -> "lui Ion")
                if tok[:max(3, len(tok) - 2)] not in plain_body:
                    errors.append(f"{name}: person {p!r}: word {tok!r} not in article")
        for p in gold["places"] + gold["organizations"]:
            stem = strip_diacritics(p).lower()[:4]
            if stem not in plain_body:
                warnings.append(f"{name}: {p!r}: no word starting {stem!r} in article")
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

    print(f"articles: {len(articles)}  metadata: " + ", ".join(f"{k}={v}" for k, v in sorted(meta_styles.items())))
    for style in ("cedilla ş ţ", "no diacritics"):
        names = [n for n, s in styles.items() if s == style]
        print(f"  {style}: {len(names)}: {', '.join(names)}")
    print("totals: " + ", ".join(f"{k}={totals[k]}" for k in KINDS + ["words"]))
    print(f"quotes with speaker null: {null_speakers}")
    print("speakers resolved outside the quote's sentence: " + ", ".join(f"{k}={via[k]}" for k in VIA))
    print("per topic:")
    cols = ["articles", "words"] + KINDS
    print("  " + "topic".ljust(13) + "".join(c[:7].rjust(8) for c in cols))
    for t in sorted(per_topic):
        print("  " + t.ljust(13) + "".join(str(per_topic[t][c]).rjust(8) for c in cols))
    if warnings:
        print(f"\n{len(warnings)} warning(s) (check by hand; inflected or abbreviated names are fine):")
        for w in warnings:
            print("  " + w)
    return report(errors)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent))
