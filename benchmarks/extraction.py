"""Extraction speed on real articles: tokens per second, the slowest article, and 1000 articles in parallel.

    .venv/bin/python benchmarks/extraction.py [FOLDER ...] [--jobs 2] [--repeat-to 1000]

1. One process, the model loaded once: every article of the folders (default: the annotated real
   articles of tests/corpus, tests/dev, tests/heldout, tests/story/articles and seeds/) is extracted
   as the build extracts it (`pipeline.analyze`: segmentation, publication date, the spaCy pipeline
   and our components), timed one by one. Reported: articles, tokens, tokens per second, median and
   slowest article (with its name and size), peak RSS of this process.
2. `--repeat-to N` (default 1000): the same articles, repeated to N, extracted by the build's own
   parallel path (`pipeline.extract_all`, `--jobs` processes, no cache): the wall time of N real
   articles on this machine, and the slowest single article seen by the workers is step 1's.

Not a test: timings depend on the machine and on what else runs on it. `make bench` runs it.
"""
from __future__ import annotations

import argparse
import copy
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts import lang as lang_mod  # noqa: E402
from build_scripts import pipeline  # noqa: E402
from build_scripts.cache import Cache  # noqa: E402
from build_scripts.ingest import IngestError, read_article  # noqa: E402

DEFAULT = ["tests/corpus", "tests/dev", "tests/heldout", "tests/story/articles", "seeds"]


def articles_of(folders: list[str], lang) -> list:
    out = []
    for folder in folders:
        for path in sorted((ROOT / folder).glob("*.txt")):
            try:
                out.append(read_article(path, lang))
            except IngestError as exc:
                print(f"skipped: {exc}", file=sys.stderr)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", default=DEFAULT)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat-to", type=int, default=1000, help="articles for the parallel run (0: skip it)")
    args = ap.parse_args(argv)
    lang = lang_mod.load()
    articles = articles_of(args.folders, lang)
    from build_scripts import nlp

    started = time.perf_counter()
    model = nlp.load()
    load_time = time.perf_counter() - started
    rows = []
    for article in articles:
        fresh = copy.deepcopy(article)
        t0 = time.perf_counter()
        pipeline.analyze(fresh, lang)
        elapsed = time.perf_counter() - t0
        tokens = sum(len(model.make_doc(p)) for p in fresh.paragraphs)
        rows.append((elapsed, tokens, Path(article.path).name, len(article.body)))
    total = sum(r[0] for r in rows)
    tokens = sum(r[1] for r in rows)
    slowest = max(rows)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model load: {load_time:.1f} s")
    print(f"one process: {len(rows)} real articles, {tokens} tokens in {total:.1f} s = {tokens / total:.0f} tokens/s; "
          f"median {statistics.median(r[0] for r in rows):.2f} s, slowest {slowest[0]:.2f} s "
          f"({slowest[2]}, {slowest[3]} characters, {slowest[1]} tokens); peak RSS {rss:.0f} MiB")
    if args.repeat_to:
        batch = [copy.deepcopy(articles[i % len(articles)]) for i in range(args.repeat_to)]
        options = pipeline.Options(cache=Cache(enabled=False, store=False), jobs=args.jobs, progress=False)
        t0 = time.perf_counter()
        pipeline.extract_all(batch, lang, options)
        wall = time.perf_counter() - t0
        print(f"{args.jobs} processes: {len(batch)} real articles ({len(articles)} distinct, repeated) extracted in "
              f"{wall:.0f} s = {len(batch) / wall:.1f} articles/s (model loading in each worker included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
