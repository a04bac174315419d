"""The docs a long-running process writes (`mkdocs serve`) through a run of edits that reach what it keeps
(the facts it shares between builds, what the stages made of them, the signatures of the pages' inputs)
are, after each edit, those of a build from scratch: every kind of the editor's corrections put in and
taken out, an article's text edited under corrections, a paragraph repeated and no longer, an article
copied (two articles of one extraction) and moved to another date."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_scripts import pipeline, session
from build_scripts.render import memo as memo_mod
from sites import docs_hold_scratch_build
from test_kept_facts import EDITORIAL, SEEDS

APPENDED = "Ministrul Ion Popescu a declarat joi, 11 decembrie 2025, că bugetul crește cu 5 la sută."


def _without(section: str) -> str:
    """The editor's file without one of its sections."""
    lines, skipping = [], False
    for line in EDITORIAL.splitlines():
        if not line.startswith(" "):
            skipping = line == f"{section}:"
        if not skipping:
            lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.mark.slow  # extracts the story again after every edit
def test_a_serve_process_writes_the_docs_of_a_build_from_scratch_after_each_edit(tmp_path, monkeypatch):
    monkeypatch.setattr(memo_mod, "DEFAULT_DIR", tmp_path / "memo")
    seeds, docs = tmp_path / "seeds", tmp_path / "docs"
    seeds.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy2(path, seeds / path.name)
    shutil.copy2(SEEDS / "story.yml", seeds / "story.yml")
    first, second = sorted(seeds.glob("*.txt"))
    editorial = seeds / "editorial.yml"
    session.forget()
    pipeline.build(seeds, docs)

    def append(path: Path, text: str) -> None:
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + text, encoding="utf-8")

    edits = [
        lambda: editorial.write_text(EDITORIAL, encoding="utf-8"),  # every kind of correction
        lambda: append(second, " " + APPENDED + "\n"),  # a sentence with facts, under the corrections
        *[lambda kind=kind: editorial.write_text(_without(kind), encoding="utf-8")  # one kind taken out
          for kind in ("aliases", "kinds", "roles", "hide", "dates", "speakers", "add")],
        lambda: editorial.unlink(),  # no corrections
        lambda: append(second, "\n\n" + first.read_text(encoding="utf-8").rstrip("\n").split("\n\n")[-1] + "\n"),
        lambda: shutil.copy2(second, seeds / "002_copie.txt"),  # two articles of one text
        lambda: (seeds / "002_copie.txt").write_text(  # the copy gets a date of its own: it moves
            "---\ndate: 2025-07-01\n---\n" + second.read_text(encoding="utf-8"), encoding="utf-8"),
        lambda: second.write_text(second.read_text(encoding="utf-8").rsplit("\n\n", 1)[0] + "\n", encoding="utf-8"),
    ]
    for edit in edits:
        edit()
        pipeline.build(seeds, docs)
        docs_hold_scratch_build(docs, seeds, monkeypatch)
    session.forget()
