"""Benchmark of the print PDF: build time and size for the seed site against the targets (15 s, 2 MB).

    .venv/bin/python benchmarks/bench_publish.py [--runs N]

Not a test: timings depend on the machine. Exits 1 when the best run misses a target.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.publish import pdf  # noqa: E402

TARGET_SECONDS = 15.0
TARGET_BYTES = 2 * 1024 * 1024


def main() -> int:
    """Time one cold build (a new process, as `make pdf`) and `--runs` warm ones; report size and pages."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / pdf.PDF_NAME
        # The first run in a fresh process is what `make pdf` pays; later ones show the warm cost.
        cold = _cold_run(out)
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            _, pages = pdf.write_pdf(ROOT / "seeds", out, ROOT / "mkdocs.yml")
            times.append(time.perf_counter() - started)
        size = out.stat().st_size
    print(f"pages: {pages}")
    print(f"size: {size / 1024:.0f} KiB (target ≤ {TARGET_BYTES // 1024} KiB)")
    print(f"cold (python -m build_scripts pdf, whole process): {cold:.2f} s (target ≤ {TARGET_SECONDS:.0f} s)")
    print(f"warm (in process), best of {len(times)}: {min(times):.2f} s")
    return 0 if cold <= TARGET_SECONDS and size <= TARGET_BYTES else 1


def _cold_run(out: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "build_scripts", "pdf", "-o", str(out)], cwd=ROOT, check=True,
                   capture_output=True)
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
