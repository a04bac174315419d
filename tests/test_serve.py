"""Live preview: `mkdocs serve` regenerates a page within seconds of an edit in seeds/."""
from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from conftest import mkdocs_cmd

pytestmark = pytest.mark.slow

MARKER = "Paragraf adăugat de testul de previzualizare"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _poll(url: str, predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate(_get(url)):
            return True
        time.sleep(0.25)
    return False


def test_editing_an_article_updates_the_served_page(project_copy, lang):
    from build_scripts import pipeline

    article = pipeline.load_articles(project_copy / "seeds", lang)[0][0]
    seed = project_copy / "seeds" / (article.id + ".txt")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/articole/{article.slug}/"
    server = subprocess.Popen(mkdocs_cmd() + ["serve", "-a", f"127.0.0.1:{port}"], cwd=project_copy,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert _poll(url, lambda html: article.title[:30] in html, 60), "server did not come up"
        assert MARKER not in _get(url)
        seed.write_text(seed.read_text(encoding="utf-8") + f"\n\n{MARKER}.\n", encoding="utf-8")
        started = time.monotonic()
        assert _poll(url, lambda html: MARKER in html, 10), "page not updated within 10 s"
        print(f"page updated {time.monotonic() - started:.1f}s after the edit")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
