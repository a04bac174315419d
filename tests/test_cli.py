"""The command line: extract's JSON shape, build, check, and the README documenting every command."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEEDS


def _cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "build_scripts", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_extract_writes_the_contract_shape_and_touches_nothing_else(tmp_path):
    out = tmp_path / "facts.json"
    docs_before = {p: p.stat().st_mtime_ns for p in (ROOT / "docs").rglob("*") if p.is_file()}
    result = _cli("extract", str(SEEDS), "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) >= {"articles", "timeline"}
    for article in data["articles"]:
        assert set(article) >= {"id", "title", "published", "published_inferred", "dates", "numbers", "people",
                                "places", "organizations", "quotes", "sources"}
        anchors = {s["id"] for s in article["sentences"]}
        for d in article["dates"]:
            assert set(d) >= {"text", "value", "type", "sentence"} and d["type"] in ("DATE", "DURATION")
            assert d["sentence"] in anchors
        for n in article["numbers"]:
            assert set(n) >= {"text", "value", "unit"}
            assert isinstance(n["value"], (int, float)) or (isinstance(n["value"], list) and len(n["value"]) == 2)
        for kind in ("people", "places", "organizations"):
            assert all(set(e) >= {"name", "aliases"} for e in article[kind])
        assert all(set(q) >= {"text", "speaker", "sentence"} and q["sentence"] in anchors for q in article["quotes"])
        assert all("name" in s for s in article["sources"])
    ids = {a["id"]: {s["id"] for s in a["sentences"]} for a in data["articles"]}
    for event in data["timeline"]:
        assert set(event) >= {"date", "text", "article", "sentence"}
        assert event["sentence"] in ids[event["article"]]
    docs_after = {p: p.stat().st_mtime_ns for p in (ROOT / "docs").rglob("*") if p.is_file()}
    assert docs_before == docs_after


def test_build_then_check(tmp_path):
    docs = tmp_path / "docs"
    assert _cli("check", "--seeds", str(SEEDS), "--docs", str(docs)).returncode == 1
    result = _cli("build", "--seeds", str(SEEDS), "--docs", str(docs))
    assert result.returncode == 0, result.stderr
    assert (docs / "data" / "facts.json").is_file()
    assert _cli("check", "--seeds", str(SEEDS), "--docs", str(docs)).returncode == 0
    (docs / "cronologie.md").write_text("edited", encoding="utf-8")
    assert _cli("check", "--seeds", str(SEEDS), "--docs", str(docs)).returncode == 1


def test_committed_pages_are_up_to_date():
    result = _cli("check")
    assert result.returncode == 0, result.stderr


def test_bad_article_fails_the_build_and_keeps_the_previous_pages(tmp_path):
    seeds, docs = tmp_path / "seeds", tmp_path / "docs"
    seeds.mkdir()
    for p in SEEDS.glob("*.txt"):
        (seeds / p.name).write_bytes(p.read_bytes())
    assert _cli("build", "--seeds", str(seeds), "--docs", str(docs)).returncode == 0
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    (seeds / "gol.txt").write_text("  \n", encoding="utf-8")
    result = _cli("build", "--seeds", str(seeds), "--docs", str(docs))
    assert result.returncode == 1
    assert "gol.txt: empty file" in result.stderr and "Traceback" not in result.stderr
    assert before == {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}


def test_every_command_is_documented_in_the_readme():
    from build_scripts.__main__ import parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = parser()._subparsers._group_actions[0].choices
    for name in commands:
        assert re.search(rf"python -m build_scripts {name}\b", readme), name
    for target in ("make site", "make test", "make serve"):
        assert target in readme
