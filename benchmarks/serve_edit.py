"""What `mkdocs serve` does after an edit, timed: a build in the same process as the builds before it.

    .venv/bin/python benchmarks/serve_edit.py SEEDS DOCS [--project DIR]

The MkDocs hook lives as long as `serve` and calls `pipeline.build` on every change, so a rebuild finds
what the process kept (build_scripts/session.py: the spaCy model, the articles read, the facts, the
page memo). This script does the same in one process: a build, one article edited (the model is loaded
to extract it), then another article edited and the build timed (the steady state of `serve`). It prints
`serve edit: S s (N files written)`; `benchmarks/bench.py` runs it as its "serve-edit" step. The edited
articles are left edited.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

SENTENCES = ("Ministrul a declarat marți că bugetul crește cu 5 la sută.",
             "Purtătorul de cuvânt a precizat joi că lucrările vor fi reluate în 12 zile.")


def append_sentence(path: Path, sentence: str) -> None:
    """One sentence added to the last paragraph of an article."""
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{text} {sentence}\n", encoding="utf-8")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("seeds")
    p.add_argument("docs")
    p.add_argument("--project", default=str(Path(__file__).resolve().parent.parent),
                   help="the project whose build_scripts to use (default: this checkout)")
    args = p.parse_args(argv)
    sys.path.insert(0, args.project)
    from build_scripts import pipeline

    seeds, docs = Path(args.seeds), Path(args.docs)
    files = sorted(seeds.glob("*.txt"))
    if len(files) < 2:
        print("serve edit: needs two articles", file=sys.stderr)
        return 1
    pipeline.build(seeds, docs)
    # The first edit loads the model (as the first edit in `serve` does); the second is timed.
    append_sentence(files[len(files) // 3], SENTENCES[0])
    pipeline.build(seeds, docs)
    append_sentence(files[2 * len(files) // 3], SENTENCES[1])
    started = time.perf_counter()
    _, report = pipeline.build(seeds, docs)
    seconds = time.perf_counter() - started
    print(f"serve edit: {seconds:.3f} s ({len(report.written)} files written)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
