"""Print how long building all four export files takes for a two-page senior resume.

Run: ``python -m bench.export [--rounds N] [--json]``; ``--png DIR`` also renders the first page
of the junior and senior sample PDFs to PNG (needs pdftoppm, from Debian's poppler-utils).
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader

from bench.export_samples import junior_sample, senior_sample
from bench.stats import percentile
from bot.export import ResumeDoc, export_files
from bot.export.files import file_stem
from bot.export.layout import layout
from bot.export.markdown import render_markdown
from bot.export.paper import Paper, default_paper
from bot.export.pdf import render_pdf
from bot.export.text import render_text
from bot.export.word import render_docx


def _time_formats(doc: ResumeDoc, paper: Paper) -> dict[str, float]:
    """Seconds each step of ``export_files`` takes, once."""
    now = datetime.now(UTC)
    times: dict[str, float] = {}
    start = time.perf_counter()
    clean = layout(doc)
    times["layout"] = time.perf_counter() - start
    steps: dict[str, Callable[[], bytes]] = {
        "pdf": lambda: render_pdf(clean, paper, now),
        "docx": lambda: render_docx(clean, paper, now),
        "md": lambda: render_markdown(clean).encode(),
        "txt": lambda: render_text(clean).encode(),
    }
    for name, step in steps.items():
        start = time.perf_counter()
        step()
        times[name] = time.perf_counter() - start
    return times


def measure(doc: ResumeDoc, rounds: int) -> dict[str, object]:
    """Median and p95 of building all four files, each format's share, and file sizes."""
    paper = default_paper(doc.header)
    export_files(doc)  # warm-up: font coverage tables and imports, paid once per process
    runs = [_time_formats(doc, paper) for _ in range(rounds)]
    totals = [sum(run.values()) for run in runs]
    files = export_files(doc)
    total_time = sum(totals)
    return {
        "rounds": rounds,
        "pages": _pages(files[0].data),
        "all_four_median_ms": round(statistics.median(totals) * 1000, 1),
        "all_four_p95_ms": round(percentile(totals, 0.95) * 1000, 1),
        "share_percent": {
            name: round(100 * sum(run[name] for run in runs) / total_time, 1) for name in runs[0]
        },
        "size_kb": {f.filename.rsplit(".", 1)[1]: round(len(f.data) / 1024, 1) for f in files},
    }


def _pages(pdf: bytes) -> int:
    """How many pages the PDF has."""
    return len(PdfReader(io.BytesIO(pdf)).pages)


def render_pngs(folder: Path) -> list[Path]:
    """The first page of the junior and senior sample PDFs as PNG, at 80 dpi, for a look."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise SystemExit("pdftoppm is missing: apt-get install -y poppler-utils")
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for label, doc in (("junior", junior_sample()), ("senior", senior_sample())):
        pdf = export_files(doc)[0]
        path = folder / f"{label}-{file_stem(doc.header.name)}.pdf"
        path.write_bytes(pdf.data)
        prefix = folder / label
        subprocess.run(
            [pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", path, prefix],
            check=True,
        )
        made.append(prefix.with_suffix(".png"))
    return made


def main() -> None:
    """Measure and print the figures (or render the previews)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50, help="times the files are built")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--png", type=Path, metavar="DIR", help="also render PNG previews")
    args = parser.parse_args()
    if args.png:
        for path in render_pngs(args.png):
            print(f"wrote {path}")
    figures = measure(senior_sample(), args.rounds)
    if args.json:
        print(json.dumps(figures))
        return
    print(f"senior sample, {figures['pages']} pages, {args.rounds} rounds")
    print(
        f"all four files: median {figures['all_four_median_ms']} ms, "
        f"p95 {figures['all_four_p95_ms']} ms"
    )
    print("share of the time:", figures["share_percent"])
    print("file sizes (KB):", figures["size_kb"])


if __name__ == "__main__":
    main()
