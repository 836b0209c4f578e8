"""Run today's analysers on the corpus of real material and print how they fare.

Real resumes, real job postings and questions people asked online live in ``bench/corpus/`` with
hand labels in ``bench/corpus/labels/`` (see ``bench/corpus/SOURCES.md``). This measures, for the
tuning and the held-out parts separately:

- resumes: role lists exactly right, bullets within 15%, skills recognised, no markup shown;
- postings: technologies found, required and nice-to-have classified right;
- questions: FAQ answers right, off-topic declined, how questions on uncovered topics fare;
- the FAQ matcher's time per question.

It only reports: labels may hold more than the analysers handle today. A resume is read the way
the chat reads it when it is sent as a file (``bot.documents.read_resume_file``), or pasted after
/review when the chat takes no such file (.rst).

Run: ``python -m bench.corpus [--json] [--part tuning|heldout|heldout-fresh|all] [--rounds N]
[--items]``
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import re
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.stats import summary_ms
from bot.analysis import Lexicon, analyse_resume, lexicon_for, match_resume
from bot.faq import FaqMatcher
from bot.feedback import resume_feedback
from bot.knowledge import Level, shared_knowledge

CORPUS = Path(__file__).resolve().parent / "corpus"
PARTS = ("tuning", "heldout")
# Items added after the held-out part had been checked many times carry ``added: <date>`` (or
# ``<date>T<hh:mm>`` when one day has two batches: the stamps sort as text); the held-out items of
# the newest batch are also reported alone, as a part nothing was tuned against.
FRESH = "heldout-fresh"
BINARY_SUFFIXES = (".pdf", ".docx")
UPLOAD_SUFFIXES = (".pdf", ".docx", ".md", ".txt")
BULLET_TOLERANCE = 0.15
LEVEL: Level = "mid"

# What must not reach the user: Markdown or HTML markup, table pipes, entities, LaTeX commands.
MARKUP = re.compile(
    r"\*\*|__|\[[^\]\n]*\]\([^)\n]*\)|</?[a-zA-Z][^>\n]*>|^\s*#{1,6}(?:\s|$)|\||&[a-z]+;"
    r"|\{#[\w-]+\}|\\[a-zA-Z]+\{|^\s*>\s",
    re.MULTILINE,
)
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_TAG = re.compile(r"</?[a-zA-Z][^>\n]*>")
_DASHES = re.compile(r"\s*[-–—]+\s*")


def split_of(key: str) -> str:
    """The part an item is in, fixed by its name before any result was seen: a third held out."""
    return "heldout" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 3 == 0 else "tuning"


def plain(text: str) -> str:
    """Text as a reader sees it once markup is dropped, for comparing role headers with labels."""
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = re.sub(r"[*_`#|>]", " ", text)
    text = _DASHES.sub(" - ", text)
    return " ".join(text.casefold().split())


def pct(part: int, whole: int) -> float | None:
    """A share in percent, or None when there is nothing to count."""
    return round(100 * part / whole, 1) if whole else None


def load(name: str) -> Any:
    """One YAML file of the corpus."""
    return yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))


def document_reader() -> Callable[[str, bytes], str] | None:
    """``bot.documents.read_resume_file`` when the coach has one, else None."""
    try:
        module = importlib.import_module("bot.documents")
    except ImportError:
        return None
    reader = getattr(module, "read_resume_file", None)
    return reader if callable(reader) else None


def read_item(path: Path) -> str | None:
    """A corpus file as the chat reads it when it is sent; None when it cannot be read.

    A file of a kind the chat takes (.pdf, .docx, .md, .txt) goes through the same reader as an
    upload; any other (.rst) is text the person pastes after /review.
    """
    reader = document_reader()
    if path.suffix not in UPLOAD_SUFFIXES or reader is None:
        return None if path.suffix in BINARY_SUFFIXES else path.read_text(encoding="utf-8")
    try:
        return reader(path.name, path.read_bytes())
    except Exception:  # a reader that fails is reported as not readable, never raised
        return None


def canonical_names(lex: Lexicon) -> dict[str, str]:
    """Every canonical skill name of the lexicon, keyed by its case-folded spelling."""
    return {skill.name.casefold(): skill.name for skill in lex.skills.skills}


@dataclass
class Tally:
    """Counts for one part of one kind."""

    items: int = 0
    unreadable: int = 0
    right: int = 0
    within: int = 0
    labelled: int = 0
    found: int = 0
    clean: int = 0


# --- resumes ---------------------------------------------------------------------------------


def _role_matches(header: str, label: dict[str, Any]) -> bool:
    seen = plain(header)
    return all(
        plain(str(label[key])) in seen
        for key in ("title", "company", "dates")
        if label.get(key) not in (None, "")
    )


def check_resume(entry: dict[str, Any], lex: Lexicon) -> dict[str, Any]:
    """One resume against its labels."""
    text = read_item(CORPUS / "resumes" / entry["file"])
    out: dict[str, Any] = {"file": entry["file"], "format": entry.get("format")}
    if text is None:
        out["readable"] = False
        return out
    report = analyse_resume(text, lex, LEVEL)
    roles = [(role.header, list(role.bullets)) for role, _ in report.roles]
    labels = entry.get("roles") or []
    out["readable"] = True
    out["roles_found"] = [header for header, _ in roles]
    out["roles_right"] = len(roles) == len(labels) and all(
        _role_matches(header, label) for (header, _), label in zip(roles, labels, strict=False)
    )
    found_bullets = sum(len(bullets) for _, bullets in roles)
    labelled_bullets = sum(int(label.get("bullets") or 0) for label in labels)
    out["bullets"] = {"found": found_bullets, "labelled": labelled_bullets}
    out["bullets_within"] = abs(found_bullets - labelled_bullets) <= (
        BULLET_TOLERANCE * labelled_bullets
    )
    known = {skill.name.casefold() for skill in (report.skills.known if report.skills else [])}
    wanted = [str(name) for name in entry.get("skills") or []]
    out["skills_missed"] = [name for name in wanted if name.casefold() not in known]
    out["skills_labelled"] = wanted
    out["skills"] = {"labelled": len(wanted), "found": len(wanted) - len(out["skills_missed"])}
    shown = [header for header, _ in roles] + [b for _, bullets in roles for b in bullets]
    shown.append("".join(span.text for span in resume_feedback(report, LEVEL)))
    markup = sorted({m.group(0).strip() or m.group(0) for s in shown for m in MARKUP.finditer(s)})
    out["markup_shown"] = markup
    return out


def resume_figures(results: Sequence[dict[str, Any]], canon: dict[str, str]) -> dict[str, Any]:
    """The resume figures over some checked resumes."""
    readable = [r for r in results if r["readable"]]
    labelled = sum(r["skills"]["labelled"] for r in readable)
    found = sum(r["skills"]["found"] for r in readable)
    in_lexicon = [
        (r, name) for r in readable for name in r["skills_labelled"] if name.casefold() in canon
    ]
    in_lexicon_found = sum(1 for r, name in in_lexicon if name not in r["skills_missed"])
    return {
        "resumes": len(results),
        "not_readable_yet": len(results) - len(readable),
        "roles_exactly_right": sum(r["roles_right"] for r in readable),
        "roles_exactly_right_pct": pct(sum(r["roles_right"] for r in readable), len(readable)),
        "bullets_within_15pct_pct": pct(sum(r["bullets_within"] for r in readable), len(readable)),
        "skills_recognised_pct": pct(found, labelled),
        "skills_in_lexicon_recognised_pct": pct(in_lexicon_found, len(in_lexicon)),
        "no_markup_shown_pct": pct(sum(not r["markup_shown"] for r in readable), len(readable)),
    }


# --- postings --------------------------------------------------------------------------------


def check_posting(entry: dict[str, Any], lex: Lexicon) -> dict[str, Any]:
    """One posting against its labels."""
    text = (CORPUS / "postings" / entry["file"]).read_text(encoding="utf-8")
    found = match_resume("", text, lex).keywords
    keywords = {k.name.casefold(): k for k in found}
    # A family the posting names several products of (AWS: Lambda, S3) is one keyword; each
    # product was still found, with the family's required or nice-to-have.
    for k in found:
        for member in k.members:
            keywords.setdefault(member.casefold(), k)
    required = [str(n) for n in entry.get("required") or []]
    nice = [str(n) for n in entry.get("nice") or []]
    mentioned = [str(n) for n in entry.get("mentioned") or []]
    every = required + nice + mentioned
    labelled = {n.casefold() for n in every}
    return {
        "file": entry["file"],
        "labelled": len(every),
        "found": sum(n.casefold() in keywords for n in every),
        "missed": [n for n in every if n.casefold() not in keywords],
        "required": len(required),
        "required_right": sum(
            n.casefold() in keywords and keywords[n.casefold()].required for n in required
        ),
        "required_as_nice": [
            n for n in required if n.casefold() in keywords and not keywords[n.casefold()].required
        ],
        "nice": len(nice),
        "nice_right": sum(
            n.casefold() in keywords and not keywords[n.casefold()].required for n in nice
        ),
        "nice_as_required": [
            n for n in nice if n.casefold() in keywords and keywords[n.casefold()].required
        ],
        "not_in_labels": sorted(
            f"{k.name} ({k.term})" for key, k in keywords.items() if key not in labelled
        ),
    }


def posting_figures(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The posting figures over some checked postings."""

    def total(key: str) -> int:
        return sum(int(r[key]) for r in results)

    return {
        "postings": len(results),
        "technologies_found_pct": pct(total("found"), total("labelled")),
        "required_right_pct": pct(total("required_right"), total("required")),
        "nice_to_have_right_pct": pct(total("nice_right"), total("nice")),
        "found_but_not_labelled": sum(len(r["not_in_labels"]) for r in results),
    }


# --- questions -------------------------------------------------------------------------------


def check_question(entry: dict[str, Any], matcher: FaqMatcher) -> dict[str, Any]:
    """One question against its label."""
    result = matcher.match(str(entry["text"]))
    answered = result.entry.id if result.entry is not None else None
    return {
        "id": entry["id"],
        "label": entry["label"],
        "answered": answered,
        "not_covered": result.not_covered,
        "score": round(result.score, 3),
        # Offered as buttons when nothing is answered ("Did you mean one of these?").
        "suggested": [] if answered else [e.id for e in result.suggestions],
    }


def question_figures(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The question figures over some checked questions."""
    faq = [r for r in results if r["label"] not in ("decline",) and ":" not in r["label"]]
    decline = [r for r in results if r["label"] == "decline"]
    new = [r for r in results if str(r["label"]).startswith("new:")]
    return {
        "questions": len(results),
        "faq_questions": len(faq),
        "answered_right_pct": pct(sum(r["answered"] == r["label"] for r in faq), len(faq)),
        "answered_wrong_entry": sum(r["answered"] not in (None, r["label"]) for r in faq),
        "answered_or_offered_right_pct": pct(
            sum(r["answered"] == r["label"] or r["label"] in r["suggested"] for r in faq), len(faq)
        ),
        "off_topic_questions": len(decline),
        "declined_right_pct": pct(sum(r["answered"] is None for r in decline), len(decline)),
        "new_topic_questions": len(new),
        "new_topic_declined_pct": pct(sum(r["answered"] is None for r in new), len(new)),
        "new_topic_told_not_covered": sum(r["not_covered"] for r in new),
        "new_topic_wrongly_answered": sum(r["answered"] is not None for r in new),
    }


def faq_timing(matcher: FaqMatcher, texts: Iterable[str], rounds: int) -> dict[str, Any]:
    """The FAQ matcher's time per question over every question, several rounds."""
    texts = list(texts)
    durations: list[float] = []
    for _ in range(rounds):
        for text in texts:
            started = time.perf_counter()
            matcher.match(text)
            durations.append(time.perf_counter() - started)
    timing: dict[str, Any] = {"queries_timed": len(durations), **summary_ms(durations)}
    timing["mean_ms"] = round(statistics.fmean(durations) * 1000, 4) if durations else 0.0
    return timing


# --- the whole run ---------------------------------------------------------------------------


def missing_from_lexicon(lex: Lexicon) -> list[str]:
    """Labelled technologies that are not a canonical name of the coach's skills."""
    canon = canonical_names(lex)
    names: set[str] = set()
    for entry in load("labels/resumes.yaml")["resumes"]:
        names.update(str(n) for n in entry.get("skills") or [])
    for entry in load("labels/postings.yaml")["postings"]:
        for key in ("required", "nice", "mentioned"):
            names.update(str(n) for n in entry.get(key) or [])
    return sorted((n for n in names if n.casefold() not in canon), key=str.casefold)


def evaluate(part: str = "all", rounds: int = 5) -> dict[str, Any]:
    """Every figure, per part, as one JSON-ready object."""
    role = shared_knowledge().role()
    lex = lexicon_for(role)
    matcher = FaqMatcher.for_role(role)
    canon = canonical_names(lex)
    resumes = load("labels/resumes.yaml")["resumes"]
    postings = load("labels/postings.yaml")["postings"]
    questions = load("questions.yaml")["questions"]

    newest = max(
        (str(e["added"]) for e in (*resumes, *postings, *questions) if "added" in e), default=None
    )

    def parts_of(entry: dict[str, Any], key: str) -> tuple[str, ...]:
        split = split_of(entry[key])
        fresh = split == "heldout" and newest is not None and str(entry.get("added")) == newest
        return (split, FRESH) if fresh else (split,)

    checked_resumes = [(parts_of(e, "file"), check_resume(e, lex)) for e in resumes]
    checked_postings = [(parts_of(e, "file"), check_posting(e, lex)) for e in postings]
    checked_questions = [(parts_of(e, "id"), check_question(e, matcher)) for e in questions]

    wanted = ((*PARTS, FRESH) if newest else PARTS) if part == "all" else (part,)
    parts: dict[str, Any] = {}
    for name in wanted:
        parts[name] = {
            "resumes": resume_figures([r for p, r in checked_resumes if name in p], canon),
            "postings": posting_figures([r for p, r in checked_postings if name in p]),
            "questions": question_figures([r for p, r in checked_questions if name in p]),
        }
        if name == FRESH:
            parts[name]["added"] = {"date": newest}
    return {
        "parts": parts,
        "faq_timing": faq_timing(matcher, (str(q["text"]) for q in questions), rounds),
        "document_reader": document_reader() is not None,
        "missing_from_lexicon": missing_from_lexicon(lex),
        "items": {
            "resumes": [dict(r, split=p[0]) for p, r in checked_resumes if p[0] in wanted],
            "postings": [dict(r, split=p[0]) for p, r in checked_postings if p[0] in wanted],
            "questions": [dict(r, split=p[0]) for p, r in checked_questions if p[0] in wanted],
        },
    }


def _show(value: Any) -> str:
    return "n/a" if value is None else f"{value}%" if isinstance(value, float) else str(value)


def render(result: dict[str, Any]) -> str:
    """The figures as short text, one block per part."""
    lines: list[str] = []
    for name, figures in result["parts"].items():
        lines.append(f"== {name} ==")
        for kind, values in figures.items():
            shown = ", ".join(f"{key}: {_show(value)}" for key, value in values.items())
            lines.append(f"{kind}: {shown}")
    timing = result["faq_timing"]
    lines.append(
        f"FAQ answer time over {timing['queries_timed']} questions: "
        f"median {timing['median_ms']} ms, p99 {timing['p99_ms']} ms"
    )
    reader = "yes" if result["document_reader"] else "no (.pdf/.docx counted as not readable yet)"
    lines.append(f"document reader: {reader}")
    lines.append("missing from the lexicon: " + ", ".join(result["missing_from_lexicon"]))
    return "\n".join(lines)


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--part", choices=(*PARTS, FRESH, "all"), default="all")
    parser.add_argument("--rounds", type=int, default=5, help="times each question is timed")
    parser.add_argument("--items", action="store_true", help="include every item's details")
    args = parser.parse_args()
    result = evaluate(args.part, max(1, args.rounds))
    if not args.items:
        result.pop("items")
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(render(result))
        if args.items:
            print(json.dumps(result["items"], ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
