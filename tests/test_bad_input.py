"""Whatever editors drop into seeds/: a correct page, or one clear line naming the file and the reason.

Files that must build are grouped into one seeds folder so the real `mkdocs build` runs only twice
(the clean ones strictly, the ones that only warn without --strict); files that must be refused each go
through the command line on their own, which is fast (no MkDocs).
"""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from build_scripts import __main__ as cli
from build_scripts import pipeline
from build_scripts.ingest import MAX_BYTES
from conftest import ROOT, mkdocs_cmd

LEAD = "Armata a anunțat sâmbătă, 12 aprilie 2025, că 1.500 de soldați au ajuns la Kursk."
HOSTILE = ('<script>alert(1)</script> <img src=x onerror=alert(2)> <iframe src="javascript:alert(3)"></iframe>')

# Files that must build without any warning: each name -> bytes.
CLEAN = {
    "markup.txt": ("---\ntitle: '" + HOSTILE.replace("'", "''") + " **gras**'\ndate: 2025-04-12\n---\n"
                   + LEAD + " " + HOSTILE + "\n\n"
                   "# Nu e titlu\n\n* nu e listă\n\n| a | b |\n|---|---|\n\n!!! note\n\n    indentat\n\n"
                   "Vezi [aici](javascript:alert(4)) și {{ config.site_name }} și {% include 'x' %} și "
                   "<!-- comentariu --> și `cod` și ~~~ și ::: și &amp; și &lt;b&gt;.\n").encode(),
    "quotes.txt": ("date 2025-04-12\n" + LEAD + " El a spus „nu se închide niciodată și a plecat.\n\n"
                   + "Ea a spus „da” " * 3000 + ".\n\n" + "„" * 2000 + " " + "”" * 2000 + "\n").encode(),
    "same title a.txt": ("---\ntitle: Același titlu\ndate: 2025-04-12\n---\n" + LEAD).encode(),
    "same title b.txt": ("---\ntitle: Același titlu\ndate: 2025-04-13\n---\n" + LEAD).encode(),
    "Știre cu spații.și.puncte.txt": ("date 2025-04-14\n" + LEAD).encode(),
    "crlf.txt": ("---\r\ntitle: Windows\r\ndate: 2025-04-12\r\n---\r\n" + LEAD + "\r\n\r\nAl doilea.\r\n").encode(),
    "mixed.txt": ("date 2025-04-12\nPreşedintele și președintele țării, ţara şi Țara. " + LEAD).encode(),
    "utf16.txt": codecs.BOM_UTF16_LE + ("date 2025-04-12\nȘtire în UTF-16. " + LEAD).encode("utf-16-le"),
    "impossible.txt": ("date 2025-04-12\nPe 31 februarie 2025 nu s-a întâmplat nimic. " + LEAD).encode(),
    "long paragraph.txt": ("date 2025-04-12\n" + " ".join(["cuvânt"] * 12500)).encode(),  # just under the limit
}
# Files that build but warn, with the words the warning must contain.
WARNED = {
    "cp1250.txt": (("date 2025-04-12\nPreşedintele ţării a anunţat sâmbătă că şcolile din Bucureşti „rămân "
                    "deschise”, a spus ministrul. " * 3).encode("cp1250"), "decoded as cp1250"),
    "iso16.txt": (("date 2025-04-12\nPreședintele țării a anunțat sâmbătă că școlile din București „rămân "
                   "deschise”, a spus ministrul. " * 3).encode("iso-8859-16"), "decoded as iso8859_16"),
    "unknown keys.txt": (("---\ntitle: Chei\ncategorie: x\ntags: [a]\ndate: 2025-04-12\n---\n" + LEAD).encode(),
                         "unknown front-matter key(s) ignored: categorie, tags"),
    "nul.txt": (("date 2025-04-12\nText\x00 cu\x00 NUL. " + LEAD).encode(), "control characters"),
    "future.txt": (f"---\ntitle: Viitor\ndate: {dt.date.today().year + 2}-01-01\n---\n{LEAD}".encode(),
                   "is in the future"),
}
# Files the build refuses, with the reason the one-line error must give.
REFUSED = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\t\r\n  ", "empty file"),
    "binary.txt": (bytes(range(256)) * 64, "binary file"),
    "bad yaml.txt": (b"---\ntitle: [neinchis\n---\nText.", "invalid YAML front matter"),
    "bad date.txt": (b"---\ndate: 2025-02-31\n---\nText.", "invalid date"),
    "not a mapping.txt": (b"---\n- a\n- b\n---\nText.", "front matter must be"),
    "only meta.txt": (b"---\ntitle: T\n---\n", "no article text"),
    "bad utf16.txt": (codecs.BOM_UTF16_LE + b"\x00\xd8", "invalid utf-16"),
}


STORY = "title: Test\n".encode()


def _fill(folder: Path, files: dict) -> Path:
    """A seeds folder with these articles and a minimal story file (without one, strict builds warn)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.yml").write_bytes(STORY)
    for name, data in files.items():
        (folder / name).write_bytes(data[0] if isinstance(data, tuple) else data)
    return folder


def _tree_hash(root: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and not str(p.relative_to(root)).startswith(skip)}


def _project(tmp_path: Path, seeds: dict) -> Path:
    """A copy of the project whose seeds/ holds only `seeds`."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("build_scripts", "docs", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    _fill(project / "seeds", seeds)
    return project


def _mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(mkdocs_cmd() + ["build", *args, "--site-dir", "site"], cwd=project,
                          capture_output=True, text=True, timeout=600)


def _html(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html")))


def _assert_no_markup_leaked(html: str) -> None:
    for bad in ("<script>alert", "<img src=x", "<iframe", 'href="javascript:', "<!-- comentariu"):
        assert bad not in html, bad
    # Shown as text, never run: neither HTML nor Jinja nor Markdown from an article takes effect.
    for shown in ("&lt;script&gt;alert(1)&lt;/script&gt;", "{{ config.site_name }}", "{% include"):
        assert shown in html, shown


@pytest.mark.slow
def test_clean_bad_inputs_build_strictly_with_markup_shown_as_text(tmp_path):
    project = _project(tmp_path, CLEAN)
    seeds_before = _tree_hash(project / "seeds")
    # Only generated output changes: the pages, the site, and the git-ignored cache of extractions.
    outside_before = _tree_hash(project, skip=("docs", "site", "seeds", ".cache"))
    started = time.monotonic()
    result = _mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 120
    assert _tree_hash(project / "seeds") == seeds_before
    assert _tree_hash(project, skip=("docs", "site", "seeds", ".cache")) == outside_before
    site = project / "site"
    html = _html(site)
    _assert_no_markup_leaked(html)
    # Same title twice: two pages, two slugs; file names with spaces and diacritics get ASCII slugs.
    slugs = sorted(p.name for p in (site / "articole").iterdir() if p.is_dir())
    assert "acelasi-titlu" in slugs and "acelasi-titlu-2" in slugs
    assert all(re.fullmatch(r"[a-z0-9-]+", s) for s in slugs), slugs
    assert "Președintele și președintele țării, țara și Țara" in html  # ş/ţ folded to ș/ț
    assert "ş" not in html and "ţ" not in html
    assert "Știre în UTF-16" in html
    # "31 februarie 2025" is no date: it never reaches the chronology.
    chronology = (site / "cronologie" / "index.html").read_text(encoding="utf-8")
    assert "2025-02-31" not in chronology and "31 februarie 2025</strong>" not in chronology


@pytest.mark.slow
def test_warned_inputs_build_and_name_the_file(tmp_path, capsys):
    project = _project(tmp_path, {name: data for name, (data, _) in WARNED.items()})
    code = cli.main(["build", "--seeds", str(project / "seeds"), "--docs", str(project / "docs")])
    err = capsys.readouterr().err
    assert code == 0, err
    for name, (_, reason) in WARNED.items():
        lines = [l for l in err.splitlines() if name in l]
        assert any(l.startswith("warning: ") and reason in l for l in lines), (name, err)
    # Strict MkDocs refuses the warnings; a plain build publishes the pages.
    strict = _mkdocs(project, "--strict")
    assert strict.returncode != 0 and "cp1250.txt" in strict.stderr and "Traceback" not in strict.stderr
    plain = _mkdocs(project)
    assert plain.returncode == 0, plain.stderr[-3000:]
    html = _html(project / "site")
    assert html.count("Președintele țării a anunțat sâmbătă că școlile din București „rămân deschise”") >= 2
    assert "Ą" not in html and "µ" not in html
    assert "\x00" not in html


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_input_gets_one_line_error_and_writes_nothing(tmp_path, capsys, name):
    data, reason = REFUSED[name]
    seeds = _fill(tmp_path / "seeds", {"ok.txt": LEAD.encode(), name: data})
    docs = tmp_path / "docs"
    code = cli.main(["build", "--seeds", str(seeds), "--docs", str(docs)])
    err = capsys.readouterr().err
    assert code == 1
    errors = [l for l in err.splitlines() if l.startswith("error: ")]
    assert len(errors) == 1 and name in errors[0] and reason in errors[0], err
    assert "Traceback" not in err
    assert not docs.exists()  # nothing written, not even the good article


def test_refused_input_through_mkdocs_keeps_previous_docs_and_site(tmp_path):
    project = _project(tmp_path, {"ok.txt": ("date 2025-04-12\n" + LEAD).encode()})
    first = _mkdocs(project, "--strict")
    assert first.returncode == 0, first.stderr[-3000:]
    before = _tree_hash(project / "docs"), _tree_hash(project / "site")
    (project / "seeds" / "broken.txt").write_bytes(b"---\ntitle: [\n---\nText.")
    (project / "seeds" / "ok.txt").write_bytes(("date 2025-04-13\nAlt text. " + LEAD).encode())
    second = _mkdocs(project, "--strict")
    assert second.returncode != 0
    assert "broken.txt" in second.stderr and "invalid YAML front matter" in second.stderr
    assert "Traceback" not in second.stderr
    assert (_tree_hash(project / "docs"), _tree_hash(project / "site")) == before


def test_two_builds_give_byte_identical_pages(tmp_path):
    seeds = _fill(tmp_path / "seeds", {k: v for k, v in CLEAN.items() if k != "long paragraph.txt"})
    for n in (1, 2):
        pipeline.build(ROOT / "seeds", tmp_path / f"docs{n}")
        pipeline.build(seeds, tmp_path / f"bad{n}")
    assert _tree_hash(tmp_path / "docs1") == _tree_hash(tmp_path / "docs2")
    assert _tree_hash(tmp_path / "bad1") == _tree_hash(tmp_path / "bad2")


def test_seeds_are_never_written(tmp_path):
    before = _tree_hash(ROOT / "seeds")
    pipeline.build(ROOT / "seeds", tmp_path / "docs")
    pipeline.run(ROOT / "seeds")
    assert _tree_hash(ROOT / "seeds") == before


@pytest.mark.slow
def test_long_paragraph_without_punctuation_is_bounded(tmp_path, lang):
    seeds = _fill(tmp_path / "seeds", {"long.txt": CLEAN["long paragraph.txt"]})
    started = time.monotonic()
    story, files = pipeline.generate(seeds, lang)
    elapsed = time.monotonic() - started
    # Bounded by the per-article budget of extraction, whatever the text.
    assert elapsed < pipeline.ARTICLE_BUDGET + 15, f"{elapsed:.1f}s"
    sentences = story.articles[0].article.sentences
    assert max(len(s.text) for s in sentences) <= 2000 and len(sentences) >= 12500 * 7 // 2000


def test_article_over_the_size_limit_is_refused(tmp_path, lang, capsys):
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    body = (seed + "\n\n") * (MAX_BYTES // len(seed.encode()) + 1)
    seeds = _fill(tmp_path / "seeds", {"big.txt": ("date 2025-04-12\n" + body).encode()})
    assert cli.main(["build", "--seeds", str(seeds), "--docs", str(tmp_path / "docs")]) == 1
    err = capsys.readouterr().err
    assert "big.txt" in err and "file too large" in err and "KB" in err and not (tmp_path / "docs").exists()


def test_file_over_the_limit_is_refused_without_reading_it(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    with open(seeds / "huge.txt", "wb") as out:  # sparse: nothing written to disk
        out.truncate(MAX_BYTES + 1)
    assert cli.main(["build", "--seeds", str(seeds), "--docs", str(tmp_path / "docs")]) == 1
    assert "huge.txt" in capsys.readouterr().err and not (tmp_path / "docs").exists()


@pytest.mark.parametrize("codec, text", [
    ("cp1250", "„Şcolile din Bucureşti” – ŢARA aşteaptă 5 €."),
    ("iso8859_16", "„Școlile din București” « ȚARA » așteaptă 5 €."),
    ("iso8859_16", "Școlile și țara: ă â î Ă Â Î Ș Ț."),  # no byte tells them apart: the same text either way
])
def test_legacy_romanian_encodings_decode_to_the_right_text(codec, text):
    from build_scripts.encoding import decode
    from build_scripts.lang import fold_diacritics

    decoded, used = decode(text.encode(codec))
    # Compared as ingest uses them: ş/ţ and ș/ț are one letter once folded.
    assert fold_diacritics(decoded) == fold_diacritics(text) and used in ("cp1250", "iso8859_16")
