#!/usr/bin/env python3
"""Consistency check for the HELD-OUT Romanian fact-extraction evaluation corpus.

Adapted from tests/corpus/check_corpus.py. Usage: python3 check_corpus.py [corpus_dir]

Checks, for every NN_topic.txt / NN_topic.gold.yaml pair:
  * the gold file parses as YAML and has the expected keys;
  * the article header is one of: YAML front matter (title, date, source), a single
    leading line `date YYYY-MM-DD`, or nothing at all (then `published` must be null);
  * `published` equals the header date;
  * every `text` (dates, numbers, quotes), every event `contains` and every person name
    occurs verbatim in the article body, after folding cedilla ş/ţ to comma-below ș/ț;
    for an article written without any diacritics, all diacritics are stripped on both
    sides before comparing (the gold is always written with comma-below diacritics);
  * date / event values are well-formed TIMEX3-style values (null only in an article
    without a publication date); events are never dated by a duration or by null;
  * at most one event per sentence, and no event or quote inside a noise line
    ("Citește și:", "Autor:", "Foto:", an embedded tweet's signature line);
  * event `contains` has 5-10 words; quote `text` has at most 10 words;
  * gold names use comma-below diacritics only; every speaker is a listed person or
    organization;
  * the body length is 300-600 words.
Prints totals per kind and per topic, and warnings (not errors) for place, organization
and source names whose words cannot be found, even by stem, in the body.
Exit status 1 on any error.
"""
import collections
import datetime
import pathlib
import re
import sys

import yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))  # tests/: the shared gold schema
from gold_schema import CEDILLA, FOLD, KINDS, VALUE_RE, report, strip_diacritics  # noqa: E402

RO_DIACRITICS = set("ăâîșțşţĂÂÎȘȚŞŢ")

NOISE_RE = re.compile(r"^(Citește și:|Citeste si:|Autor:|Foto:|— .*\(@\w+\))", re.M)
# sentence boundary: end punctuation (optionally followed by a closing quote mark),
# whitespace, then an upper-case letter, a digit or an opening quote mark; or a paragraph break
SENT_SPLIT_RE = re.compile(r"(?<=[.!?])[”\"'»“]*\s+(?=[A-ZĂÂÎȘȚŞŢ0-9„“\"«”']|'')|\n\s*\n")


def split_article(path):
    """Return (header dict or None, published date or None, body)."""
    raw = path.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", raw, re.S)
    if m:
        fm = yaml.safe_load(m.group(1))
        return fm, fm.get("date"), m.group(2)
    m = re.match(r"^date (\d{4}-\d{2}-\d{2})\n(.*)$", raw, re.S)
    if m:
        return None, datetime.date.fromisoformat(m.group(1)), m.group(2)
    return None, None, raw


def main(root):
    root = pathlib.Path(root)
    errors, warnings = [], []
    totals = collections.Counter()
    per_topic = collections.defaultdict(collections.Counter)
    articles = sorted(p for p in root.glob("[0-9][0-9]_*.txt"))
    cedilla_articles, plain_articles, header_kinds = [], [], collections.Counter()
    null_quotes = 0
    for art in articles:
        gold_path = art.with_suffix(".gold.yaml")
        name = art.stem
        topic = name.split("_")[1]
        if not gold_path.exists():
            errors.append(f"{name}: no gold file")
            continue
        fm, pub, body = split_article(art)
        header_kinds["front matter" if fm else ("date line" if pub else "none")] += 1
        try:
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        except yaml.YAMLError as e:
            errors.append(f"{name}: gold does not parse: {e}")
            continue
        if fm is not None:
            for key in ("title", "date", "source"):
                if key not in fm:
                    errors.append(f"{name}: front matter lacks {key}")
        if pub is not None and not (
            isinstance(pub, datetime.date) and datetime.date(2024, 1, 1) <= pub <= datetime.date(2026, 10, 31)
        ):
            errors.append(f"{name}: bad publication date {pub!r}")
        if "published" not in gold or gold.get("published") != pub:
            errors.append(f"{name}: published {gold.get('published')} != header date {pub}")
        plain = not any(c in RO_DIACRITICS for c in body)
        if plain:
            plain_articles.append(name)
        if any(c in CEDILLA for c in body):
            cedilla_articles.append(name)
            if any(c in "șțȘȚ" for c in body):
                errors.append(f"{name}: mixes cedilla and comma-below letters")
        words = len(body.split())
        if not 300 <= words <= 600:
            errors.append(f"{name}: body has {words} words (want 300-600)")

        def fold(s):
            s = s.translate(FOLD)
            return strip_diacritics(s) if plain else s

        fbody = fold(body)
        noise_spans = []
        for m in NOISE_RE.finditer(fbody):
            end = fbody.find("\n", m.start())
            noise_spans.append((m.start(), len(fbody) if end < 0 else end))
        # sentence spans
        sents, pos = [], 0
        for m in SENT_SPLIT_RE.finditer(fbody):
            sents.append((pos, m.start()))
            pos = m.end()
        sents.append((pos, len(fbody)))

        def need(text, where):
            if not isinstance(text, str) or not text:
                errors.append(f"{name}: empty/non-string {where}")
                return -1
            i = fbody.find(fold(text))
            if i < 0:
                errors.append(f"{name}: {where} {text!r} not found in article")
            return i

        def in_noise(i):
            return any(a <= i < b for a, b in noise_spans)

        for kind in KINDS:
            if kind not in gold or gold[kind] is None:
                errors.append(f"{name}: missing key {kind}")
                gold[kind] = []
        for d in gold["dates"]:
            need(d.get("text"), "date text")
            v = d.get("value")
            if v is None:
                if pub is not None:
                    errors.append(f"{name}: null date value in a dated article {d!r}")
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
            i = need(q.get("text"), "quote text")
            if i >= 0 and in_noise(i):
                errors.append(f"{name}: quote inside a noise line {q.get('text')!r}")
            if isinstance(q.get("text"), str) and len(q["text"].split()) > 10:
                errors.append(f"{name}: quote text longer than 10 words {q['text']!r}")
            if "speaker" not in q:
                errors.append(f"{name}: quote without speaker key {q!r}")
            elif q["speaker"] is None:
                null_quotes += 1
        date_values = {str(d.get("value")) for d in gold["dates"] if d.get("value") is not None}
        sent_of_event = {}
        for e in gold["events"]:
            c = e.get("contains")
            i = need(c, "event contains")
            if isinstance(c, str) and not 5 <= len(c.split()) <= 10:
                errors.append(f"{name}: event contains should have 5-10 words: {c!r}")
            if i >= 0:
                if in_noise(i):
                    errors.append(f"{name}: event inside a noise line {c!r}")
                s = next(k for k, (a, b) in enumerate(sents) if a <= i < b or (k == len(sents) - 1))
                if s in sent_of_event:
                    errors.append(f"{name}: two events in one sentence: {sent_of_event[s]!r} and {c!r}")
                sent_of_event[s] = c
            if str(e.get("date")) not in date_values:
                errors.append(f"{name}: event date {e.get('date')!r} not among the date values")
            if str(e.get("date")).startswith("P"):
                errors.append(f"{name}: event dated by a duration {e!r}")
        names = gold["people"] + gold["places"] + gold["organizations"] + gold["sources"] + [
            q.get("speaker") or "" for q in gold["quotes"]]
        for s in names:
            if any(c in CEDILLA for c in s):
                errors.append(f"{name}: cedilla letter in gold name {s!r}")
        for kind in ("people", "places", "organizations", "sources"):
            if len(set(gold[kind])) != len(gold[kind]):
                errors.append(f"{name}: duplicate entries in {kind}")
        for p in gold["people"]:
            need(p, "person")
        lbody = fbody.lower()
        for kind in ("places", "organizations", "sources"):
            for s in gold[kind]:
                for w in re.findall(r"\w+", fold(s).lower()):
                    if len(w) > 3 and w[: max(4, len(w) - 4)] not in lbody:
                        warnings.append(f"{name}: {kind[:-1]} {s!r}: word {w!r} not found even by stem")
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

    print(f"articles: {len(articles)}  headers: {dict(header_kinds)}")
    print(f"  cedilla ş/ţ: {len(cedilla_articles)}: {', '.join(cedilla_articles)}")
    print(f"  no diacritics: {len(plain_articles)}: {', '.join(plain_articles)}")
    print("totals: " + ", ".join(f"{k}={totals[k]}" for k in KINDS + ["words"]) + f"  (quotes with null speaker: {null_quotes})")
    print("per topic:")
    cols = ["articles", "words"] + KINDS
    print("  " + "topic".ljust(11) + "".join(c[:7].rjust(8) for c in cols))
    for t in sorted(per_topic):
        print("  " + t.ljust(11) + "".join(str(per_topic[t][c]).rjust(8) for c in cols))
    if warnings:
        print(f"\n{len(warnings)} warning(s) (check by eye; inflected names are expected here):")
        for w in warnings:
            print("  " + w)
    return report(errors)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent))
