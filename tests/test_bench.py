"""The benchmarks run and print what they promise (figures are read by people, not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _run(*args: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    payload: dict[str, object] = json.loads(lines[0])
    return payload


@pytest.mark.parametrize(
    ("backend", "ids"), [("sqlite", False), ("sqlite", True), ("postgresql", True)]
)
def test_engine_bench_prints_one_object_and_loses_nothing(
    backend: str, ids: bool, request: pytest.FixtureRequest, tmp_path: object
) -> None:
    args = ["bench.engine", "--users", "5", "--messages", "12", "--stored", "20", "--json"]
    if ids:
        args.append("--message-ids")
    if backend == "postgresql":
        args += ["--db", request.getfixturevalue("postgres_database")]
    figures = _run(*args)
    assert {
        "backend",
        "users",
        "messages",
        "messages_per_s",
        "p50_ms",
        "p99_ms",
        "errors",
        "lost_updates",
        "peak_rss_mb",
    } <= set(figures)
    assert figures["backend"] == backend
    assert figures["message_ids"] is ids
    assert figures["messages"] == 60
    assert figures["errors"] == 0 and figures["lost_updates"] == 0


def test_flood_bench_paces_the_flooder_and_times_the_others() -> None:
    figures = _run("bench.flood", "--others", "5", "--flood", "70", "--rounds", "3")
    assert figures["flood_notices"] == 1
    assert figures["flood_answered"] == 60 and figures["flood_skipped"] == 9
    for phase in ("others_quiet", "others_during_flood"):
        timing = figures[phase]
        assert isinstance(timing, dict) and set(timing) == {"median_ms", "p99_ms"}


def test_faq_and_analysis_benches_run() -> None:
    faq = _run("bench.faq", "--rounds", "1")
    assert faq["top1_accuracy"] and faq["queries_timed"]
    analysis = _run("bench.analysis", "--rounds", "1")
    assert analysis["bullets"] and analysis["resumes"]


def test_export_bench_prints_one_object() -> None:
    figures = _run("bench.export", "--rounds", "2", "--json")
    assert figures["pages"] == 2  # the senior sample is the realistic two pages
    assert set(figures["size_kb"]) == {"pdf", "docx", "md", "txt"}  # type: ignore[arg-type]
    assert set(figures["share_percent"]) == {"layout", "pdf", "docx", "md", "txt"}  # type: ignore[arg-type]
    assert figures["all_four_median_ms"] and figures["all_four_p95_ms"]
