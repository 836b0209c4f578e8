"""Print the FAQ matcher's accuracy on our evaluation sets and its latency per query.

Run: ``python -m bench.faq [--rounds N]``

The matcher keeps per-word results (stems, typo corrections), so later rounds are faster than the
first: ``first_round_*`` is the time of each query the first time a fresh matcher sees it.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import yaml

from bench.stats import summary_ms
from bot.faq import FaqMatcher
from bot.knowledge import load_knowledge

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def _correct(matcher: FaqMatcher, items: list[dict[str, str]]) -> int:
    hits = 0
    for item in items:
        result = matcher.match(item["q"])
        hits += result.entry is not None and result.entry.id == item["topic"]
    return hits


def _figures(matcher: FaqMatcher, name: str, prefix: str) -> dict[str, Any]:
    """Top-1 accuracy and off-topic rejection on one evaluation file."""
    data = yaml.safe_load((DATA / name).read_text())
    paraphrases, off_topic = data["paraphrases"], data["off_topic"]
    rejected = sum(matcher.match(q).entry is None for q in off_topic)
    return {
        f"{prefix}paraphrases": len(paraphrases),
        f"{prefix}top1_accuracy": round(_correct(matcher, paraphrases) / len(paraphrases), 4),
        f"{prefix}off_topic": len(off_topic),
        f"{prefix}off_topic_rejection": round(rejected / len(off_topic), 4),
    }


def _timed(matcher: FaqMatcher, queries: list[str], rounds: int) -> list[float]:
    durations: list[float] = []
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            matcher.match(query)
            durations.append(time.perf_counter() - started)
    return durations


def main() -> None:
    """Measure and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20, help="times each query is timed")
    args = parser.parse_args()

    started = time.perf_counter()
    role = load_knowledge().role()
    loaded = time.perf_counter()
    matcher = FaqMatcher.for_role(role)
    built = time.perf_counter()

    data = yaml.safe_load((DATA / "faq_eval.yaml").read_text())
    queries = [item["q"] for item in data["paraphrases"]] + list(data["off_topic"])
    # Timed on a fresh matcher first, before the accuracy runs fill its per-word caches.
    first = _timed(FaqMatcher.for_role(role), queries, 1)
    figures = {
        **_figures(matcher, "faq_eval.yaml", ""),
        **_figures(matcher, "faq_holdout.yaml", "holdout_"),
        **_figures(matcher, "faq_beyond_guide.yaml", "beyond_guide_"),
    }
    durations = _timed(matcher, queries, args.rounds)
    first_round = summary_ms(first)
    print(
        json.dumps(
            {
                **figures,
                "knowledge_load_ms": round((loaded - started) * 1000, 1),
                "matcher_build_ms": round((built - loaded) * 1000, 2),
                "queries_timed": len(durations),
                **summary_ms(durations),
                "first_round_median_ms": first_round["median_ms"],
                "first_round_p99_ms": first_round["p99_ms"],
            }
        )
    )


if __name__ == "__main__":
    main()
