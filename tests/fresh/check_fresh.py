#!/usr/bin/env python3
"""Consistency check for the fresh evaluation sets (tests/fresh/, tests/fresh2/, tests/fresh3/).

Usage (from /work/main):  .venv/bin/python tests/fresh/check_fresh.py [dir] [--max-words N]

Standard library + PyYAML only. For every NN_topic.txt / NN_topic.gold.yaml pair it checks:
  * the gold parses and has all keys; `published` equals the front-matter date
    (null when the article has no front matter);
  * every date/number/quote `text` and every event `contains` occurs verbatim in the
    article BODY after folding cedilla ş ţ Ş Ţ to comma-below ș ț Ș Ț;
  * date texts occur in text order, each after the end of the previous one (spans never overlap),
    except an entry with the same text as the one before, which may sit on the same span
    (coordinated days, "6 și 11 august");
  * date values are well-formed TIMEX3-style values (null only when published is null);
  * every event date is one of the date values;
  * quote texts have at most 10 words; every speaker is a listed person or organization;
  * names in the gold use comma-below letters only; body is 250-450 words (or up to --max-words).
Prints totals per kind. Exit status 1 on any error.
"""
import collections
import datetime
import pathlib
import re
import sys

import yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))  # tests/: the shared gold schema
from gold_schema import FOLD, KINDS, report  # noqa: E402

# Stricter than gold_schema.VALUE_RE (month and day ranges checked) and with midday ("TMI").

_POINT = (r"(?:\d{4}"
          r"(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d|T(?:MO|MI|AF|EV|NI))?)?"
          r"|-W(?:0[1-9]|[1-4]\d|5[0-3])"
          r"|-(?:SP|SU|FA|WI)|-Q[1-4]|-H[12])?)")
_DUR = r"(?:P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?)?)"
_SET = r"(?:XXXX-WXX-[1-7]|XXXX-(?:0[1-9]|1[0-2]))"
VALUE_RE = re.compile(rf"^(?:{_POINT}/{_POINT}|{_POINT}|{_SET}|{_DUR})$")


def valid_value(v):
    v = str(v)
    if not VALUE_RE.match(v):
        return False
    if v.startswith("P"):
        return v not in ("P", "PT") and not v.endswith("T")
    if "/" in v:
        a, b = v.split("/")
        return a <= b  # same-format ISO strings sort chronologically
    return True


def split_article(path):
    raw = path.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", raw, re.S)
    if m:
        return yaml.safe_load(m.group(1)), m.group(2)
    return {}, raw


def main(root, max_words=450):
    root = pathlib.Path(root)
    errors = []
    totals = collections.Counter()
    null_speakers = 0
    words_total = 0
    arts = sorted(root.glob("[0-9][0-9]_*.txt"))
    for art in arts:
        name = art.stem
        gpath = art.with_suffix(".gold.yaml")
        if not gpath.exists():
            errors.append(f"{name}: no gold file")
            continue
        fm, body = split_article(art)
        try:
            gold = yaml.safe_load(gpath.read_text(encoding="utf-8"))
        except yaml.YAMLError as e:
            errors.append(f"{name}: gold does not parse: {e}")
            continue
        for k in ["published"] + KINDS:
            if k not in gold:
                errors.append(f"{name}: missing key {k}")
            if k != "published" and gold.get(k) is None:
                gold[k] = []
        pub = fm.get("date")
        if fm and not all(k in fm for k in ("title", "date", "source")):
            errors.append(f"{name}: front matter lacks title/date/source")
        if pub is not None and not isinstance(pub, datetime.date):
            errors.append(f"{name}: bad front-matter date {pub!r}")
        if gold.get("published") != pub:
            errors.append(f"{name}: published {gold.get('published')!r} != article date {pub!r}")
        nwords = len(body.split())
        words_total += nwords
        if not 250 <= nwords <= max_words:
            errors.append(f"{name}: body has {nwords} words (want 250-{max_words})")
        fbody = body.translate(FOLD)

        def need(text, where):
            if not isinstance(text, str) or not text:
                errors.append(f"{name}: empty or non-string {where}: {text!r}")
                return -1
            pos = fbody.find(text.translate(FOLD))
            if pos < 0:
                errors.append(f"{name}: {where} {text!r} not found in body")
            return pos

        # dates, in text order
        cursor = 0
        values = set()
        prev_text, prev_pos = None, -1
        for d in gold["dates"]:
            t = d.get("text")
            if need(t, "date text") >= 0:
                p = prev_pos if t == prev_text else fbody.find(t.translate(FOLD), cursor)
                if p < 0:
                    errors.append(f"{name}: date {t!r} out of text order (or overlapping the previous one)")
                else:
                    cursor, prev_text, prev_pos = p + len(t), t, p
            v = d.get("value")
            if v is None:
                if pub is not None:
                    errors.append(f"{name}: null value for {t!r} in a dated article")
            elif not valid_value(v):
                errors.append(f"{name}: bad date value {v!r} for {t!r}")
            else:
                values.add(str(v))
        for n in gold["numbers"]:
            need(n.get("text"), "number text")
            v = n.get("value")
            ok = isinstance(v, (int, float)) or (
                isinstance(v, list) and len(v) == 2 and all(isinstance(x, (int, float)) for x in v) and v[0] <= v[1])
            if not ok or not n.get("unit"):
                errors.append(f"{name}: bad number entry {n!r}")
        names = set(gold["people"]) | set(gold["organizations"])
        for q in gold["quotes"]:
            t = q.get("text")
            need(t, "quote text")
            if isinstance(t, str) and len(t.split()) > 10:
                errors.append(f"{name}: quote text longer than 10 words: {t!r}")
            if "speaker" not in q:
                errors.append(f"{name}: quote without speaker key: {q!r}")
            elif q["speaker"] is None:
                null_speakers += 1
            elif q["speaker"] not in names:
                errors.append(f"{name}: speaker {q['speaker']!r} not in people/organizations")
        for e in gold["events"]:
            need(e.get("contains"), "event contains")
            if str(e.get("date")) not in values:
                errors.append(f"{name}: event date {e.get('date')!r} is not a date value")
        for kind in ("people", "places", "organizations", "sources"):
            for x in gold[kind]:
                if not isinstance(x, str) or any(c in "şţŞŢ" for c in x):
                    errors.append(f"{name}: {kind} entry {x!r} not a comma-below string")
            if len(set(gold[kind])) != len(gold[kind]):
                errors.append(f"{name}: duplicate entries in {kind}")
        for kind in KINDS:
            totals[kind] += len(gold[kind])

    print(f"{len(arts)} articles, {words_total} body words")
    for kind in KINDS:
        extra = f" ({null_speakers} with speaker null)" if kind == "quotes" else ""
        print(f"  {kind:14s} {totals[kind]}{extra}")
    return report(errors)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--max-words")]
    limit = next((int(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--max-words=")), 450)
    sys.exit(main(args[0] if args else pathlib.Path(__file__).resolve().parent, limit))
