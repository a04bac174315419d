"""Writing docs/: only changed files, stale generated files removed, nothing outside docs/."""
from __future__ import annotations

import pytest

from build_scripts.writer import stale_files, write_tree


def test_writes_only_changes_and_removes_stale(tmp_path):
    docs = tmp_path / "docs"
    report = write_tree(docs, {"index.md": "a", "articole/x.md": "x"}, ("articole",))
    assert sorted(report.written) == ["articole/x.md", "index.md"]
    mtime = (docs / "index.md").stat().st_mtime_ns
    report = write_tree(docs, {"index.md": "a", "articole/y.md": "y"}, ("articole",))
    assert report.written == ["articole/y.md"] and report.removed == ["articole/x.md"] and report.unchanged == 1
    assert (docs / "index.md").stat().st_mtime_ns == mtime
    assert stale_files(docs, {"index.md": "a", "articole/y.md": "y"}, ("articole",)) == []


def test_hand_written_files_outside_managed_folders_are_kept(tmp_path):
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "extra.css").write_text("x")
    write_tree(docs, {"index.md": "a"}, ("articole",))
    assert (docs / "assets" / "extra.css").read_text() == "x"


def test_refuses_paths_outside_docs(tmp_path):
    with pytest.raises(ValueError):
        write_tree(tmp_path / "docs", {"../evil.md": "x"}, ())
    assert not (tmp_path / "evil.md").exists()


def test_files_written_before_are_not_read_again_but_an_edit_to_them_is_seen(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    known: dict = {}
    write_tree(docs, {"index.md": "a", "articole/x.md": "x"}, ("articole",), known)
    (docs / "articole" / "x.md").write_text("edited by hand")  # written behind the build's back
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda path, *a, **k: opened.append(path) or real_open(path, *a, **k))
    report = write_tree(docs, {"index.md": "a", "articole/x.md": "x"}, ("articole",), known)
    assert report.written == ["articole/x.md"] and report.unchanged == 1
    assert not any(str(path).endswith("index.md") for path in opened)  # known: not read again
    assert (docs / "articole" / "x.md").read_text() == "x"
    report = write_tree(docs, {"index.md": "b", "articole/x.md": "x"}, ("articole",), known)
    assert report.written == ["index.md"] and (docs / "index.md").read_text() == "b"


def test_written_files_have_the_usual_permissions(tmp_path):
    # The files are staged with mkstemp (mode 0600); renamed into place they keep the mode a file written
    # with the process's umask gets, so a web server or another editor can read them.
    import os

    umask = os.umask(0o022)
    os.umask(umask)
    write_tree(tmp_path, {"index.md": "# Titlu\n"}, managed_dirs=())
    assert (tmp_path / "index.md").stat().st_mode & 0o777 == 0o666 & ~umask
