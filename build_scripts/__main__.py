"""Command line: build the pages, extract facts as JSON, check that the pages are up to date.

    python -m build_scripts build [--seeds DIR] [--docs DIR]
    python -m build_scripts extract DIR -o FILE
    python -m build_scripts check [--seeds DIR] [--docs DIR]
    python -m build_scripts pdf [--seeds DIR] [-o FILE]
"""
from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from . import pipeline
from .render import data as data_mod

ROOT = Path(__file__).resolve().parent.parent


def _problems(problems) -> None:
    for p in problems:
        print(f"{'error' if p.fatal else 'warning'}: {p}", file=sys.stderr)


def _options(args: argparse.Namespace) -> pipeline.Options:
    from .cache import Cache

    options = pipeline.Options(cache=Cache(enabled=not getattr(args, "no_cache", False)))
    if getattr(args, "jobs", None):
        options.jobs = args.jobs
    return options


def cmd_build(args: argparse.Namespace) -> int:
    if not args.no_cache:
        # Nothing changed since the last build of these pages (inputs, rules, code, the pages
        # themselves): the build stamp says so in a fraction of a second, like `make`.
        problems = pipeline.up_to_date(Path(args.seeds), Path(args.docs))
        if problems is not None:
            _problems(problems)
            print("nothing changed since the last build: the pages are current")
            return 0
    try:
        story, report = pipeline.build(Path(args.seeds), Path(args.docs), options=_options(args))
    except pipeline.BuildError as exc:
        _problems(exc.problems)
        print("build failed: nothing was written", file=sys.stderr)
        return 1
    _problems(story.problems)
    print(f"{len(story.articles)} articles, {len(story.timeline)} events: "
          f"{len(report.written)} files written, {report.unchanged} unchanged, {len(report.removed)} removed")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    story = pipeline.run(Path(args.dir), options=_options(args))
    _problems(story.problems)
    text = data_mod.dumps(data_mod.story_data(story))
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 1 if any(p.fatal for p in story.problems) else 0


def cmd_check(args: argparse.Namespace) -> int:
    try:
        stale, problems = pipeline.check(Path(args.seeds), Path(args.docs), options=_options(args))
    except pipeline.BuildError as exc:
        _problems(exc.problems)
        return 1
    _problems(problems)
    if stale:
        print("stale generated pages (run `python -m build_scripts build`): " + ", ".join(stale), file=sys.stderr)
        return 1
    print("generated pages are up to date")
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    import time

    from .publish import pdf

    started = time.perf_counter()
    try:
        out, pages = pdf.write_pdf(Path(args.seeds), Path(args.output), Path(args.config))
    except pipeline.BuildError as exc:
        _problems(exc.problems)
        print("pdf failed: nothing was written", file=sys.stderr)
        return 1
    print(f"{out}: {pages} pages, {out.stat().st_size // 1024} KiB in {time.perf_counter() - started:.1f} s")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from . import review

    story = pipeline.run(Path(args.seeds), options=_options(args))
    _problems(story.problems)
    if any(p.fatal for p in story.problems):
        return 1
    sys.stdout.write(review.as_json(story.review) if args.json else review.as_text(story.review) + "\n")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from . import evaluate

    return evaluate.main(Path(args.corpus), update=args.update_minimums, verbose=args.verbose, ronec=args.ronec,
                         gold=Path(args.gold) if args.gold else None)


def _extraction_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-cache", action="store_true", help="extract every article again (a cold run; what it extracts is stored in .cache/ for the next build)")
    p.add_argument("--jobs", type=int, default=None, help="processes for extraction (default: 2, or the number of cores if fewer)")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="regenerate the pages in docs/ from the articles in seeds/",
                       description="Regenerate the pages. Example: python -m build_scripts build --seeds seeds --docs docs")
    b.add_argument("--seeds", default=str(ROOT / "seeds"), help="folder of *.txt articles (default: seeds/)")
    b.add_argument("--docs", default=str(ROOT / "docs"), help="MkDocs docs folder to write into (default: docs/)")
    _extraction_flags(b)
    b.set_defaults(func=cmd_build)

    e = sub.add_parser("extract", help="write the facts of a folder of articles as JSON, touching nothing else",
                       description="Example: python -m build_scripts extract seeds -o facts.json")
    e.add_argument("dir", help="folder of *.txt articles")
    e.add_argument("-o", "--output", default="-", help="JSON file to write ('-' for standard output)")
    _extraction_flags(e)
    e.set_defaults(func=cmd_extract)

    c = sub.add_parser("check", help="exit non-zero when the pages in docs/ are stale or an input has errors",
                       description="Example: python -m build_scripts check")
    c.add_argument("--seeds", default=str(ROOT / "seeds"))
    c.add_argument("--docs", default=str(ROOT / "docs"))
    _extraction_flags(c)
    c.set_defaults(func=cmd_check)

    d = sub.add_parser("pdf", help="write the whole explainer as one print PDF (WeasyPrint)",
                       description="Example: python -m build_scripts pdf -o site/explicatie.pdf")
    d.add_argument("--seeds", default=str(ROOT / "seeds"), help="folder of *.txt articles (default: seeds/)")
    d.add_argument("-o", "--output", default=str(ROOT / "site" / "explicatie.pdf"),
                   help="PDF file to write (default: site/explicatie.pdf, next to the built site)")
    d.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="MkDocs config: story title and site_url")
    d.set_defaults(func=cmd_pdf)

    r = sub.add_parser("review", help="list what an editor should confirm, with the line to paste into editorial.yml",
                       description="Example: python -m build_scripts review --json > review.json")
    r.add_argument("--seeds", default=str(ROOT / "seeds"), help="folder of *.txt articles (default: seeds/)")
    r.add_argument("--json", action="store_true", help="the list as JSON, for tools")
    _extraction_flags(r)
    r.set_defaults(func=cmd_review)

    v = sub.add_parser("evaluate", help="score the extraction against the annotated corpus",
                       description="Example: python -m build_scripts evaluate")
    v.add_argument("--corpus", default=str(ROOT / "tests" / "corpus"), help="annotated corpus folder")
    v.add_argument("--gold", default=None, help="folder of the NN.gold.yaml files, when not beside the articles")
    v.add_argument("--update-minimums", action="store_true", help="record the current scores as minimums (never lowers one)")
    v.add_argument("-v", "--verbose", action="store_true", help="list every missed and extra fact")
    v.add_argument("--ronec", action="store_true", help="also score the entity layer on RONEC v2's validation split (../shared/data/ronec/)")
    v.set_defaults(func=cmd_evaluate)
    return p


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    status = args.func(args)
    # The process ends here: its records need no collecting, and the collector's last walk over the
    # millions a build leaves behind would take most of a second.
    gc.freeze()
    return status


if __name__ == "__main__":
    sys.exit(main())
