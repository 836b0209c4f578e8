"""Print the FAQ matcher's accuracy on our evaluation set and its latency per query.

Run: ``python -m bench.faq [--rounds N]``
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

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


def main() -> None:
    """Measure and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20, help="times each query is timed")
    args = parser.parse_args()

    data = yaml.safe_load((DATA / "faq_eval.yaml").read_text())
    holdout = yaml.safe_load((DATA / "faq_holdout.yaml").read_text())
    started = time.perf_counter()
    role = load_knowledge().role()
    loaded = time.perf_counter()
    matcher = FaqMatcher.for_role(role)
    built = time.perf_counter()

    paraphrases = data["paraphrases"]
    off_topic = data["off_topic"]
    correct = _correct(matcher, paraphrases)
    rejected = sum(matcher.match(q).entry is None for q in off_topic)
    held_correct = _correct(matcher, holdout["paraphrases"])
    held_rejected = sum(matcher.match(q).entry is None for q in holdout["off_topic"])

    durations: list[float] = []
    queries = [item["q"] for item in paraphrases] + list(off_topic)
    for _ in range(args.rounds):
        for query in queries:
            t0 = time.perf_counter()
            matcher.match(query)
            durations.append(time.perf_counter() - t0)

    print(
        json.dumps(
            {
                "paraphrases": len(paraphrases),
                "top1_accuracy": round(correct / len(paraphrases), 4),
                "off_topic": len(off_topic),
                "off_topic_rejection": round(rejected / len(off_topic), 4),
                "holdout_paraphrases": len(holdout["paraphrases"]),
                "holdout_top1_accuracy": round(held_correct / len(holdout["paraphrases"]), 4),
                "holdout_off_topic": len(holdout["off_topic"]),
                "holdout_off_topic_rejection": round(held_rejected / len(holdout["off_topic"]), 4),
                "knowledge_load_ms": round((loaded - started) * 1000, 1),
                "matcher_build_ms": round((built - loaded) * 1000, 2),
                "queries_timed": len(durations),
                **summary_ms(durations),
            }
        )
    )


if __name__ == "__main__":
    main()
