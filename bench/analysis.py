"""Print how long the analysers take per bullet and per whole resume.

Run: ``python -m bench.analysis [--rounds N]``
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import yaml

from bench.stats import summary_ms
from bot.analysis import analyse_bullet, analyse_resume, lexicon_for
from bot.knowledge import load_knowledge

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "analysis"


def main() -> None:
    """Measure and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20, help="times each input is analysed")
    args = parser.parse_args()

    role = load_knowledge().role()
    started = time.perf_counter()
    lex = lexicon_for(role)
    built = time.perf_counter()

    bullets = [
        item["text"] for item in yaml.safe_load((DATA / "bullets.yaml").read_text())["bullets"]
    ]
    resumes = [path.read_text() for path in sorted((DATA / "resumes").iterdir())]

    per_bullet: list[float] = []
    per_resume: list[float] = []
    for _ in range(args.rounds):
        for text in bullets:
            t0 = time.perf_counter()
            analyse_bullet(text, lex)
            per_bullet.append(time.perf_counter() - t0)
        for text in resumes:
            t0 = time.perf_counter()
            analyse_resume(text, lex, "mid")
            per_resume.append(time.perf_counter() - t0)

    print(
        json.dumps(
            {
                "lexicon_build_ms": round((built - started) * 1000, 2),
                "bullets": len(bullets),
                "resumes": len(resumes),
                "rounds": args.rounds,
                "per_bullet": summary_ms(per_bullet),
                "per_resume": summary_ms(per_resume),
            }
        )
    )


if __name__ == "__main__":
    main()
