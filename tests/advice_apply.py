"""Follow a piece of the coach's advice literally: one small, explicit edit per kind of advice.

Each function takes the resume (a ``ResumeView``), the advice and where it was given, and returns
the resume after doing what the advice says, one version per option when the advice offers two
("show it in a bullet or drop it"). The edits use only what the advice names and the person's
own stack; where the advice asks for a fact only the person knows (a figure, a system), a
plausible one is filled in, as the person would.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.analysis import analyse_bullet
from bot.analysis.advice import Advice
from bot.analysis.lexicon import Lexicon
from bot.analysis.skills import split_skill_items
from bot.analysis.text import sentences, words
from bot.analysis.view import EntryView, ResumeView, shown
from bot.knowledge import Level


@dataclass(frozen=True)
class Given:
    """One piece of advice and where the coach gave it."""

    advice: Advice
    where: str  # summary, skills, review, role, bullet, project, project_line
    entry: int = -1
    line: int = -1


@dataclass(frozen=True)
class Context:
    """What an edit may read besides the resume: the lexicon and the person's level."""

    lex: Lexicon
    level: Level


Edit = Callable[[ResumeView, Given, Context], list[ResumeView]]


# ---- the person's own stack ----------------------------------------------------------------


def _listed(view: ResumeView, ctx: Context, category: str, fallback: str) -> str:
    for skill in shown(view, ctx.lex).listed:
        if skill.category == category and skill.primary and not skill.frontend:
            return skill.name
    return fallback


def _stack(view: ResumeView, ctx: Context) -> tuple[str, str]:
    return _listed(view, ctx, "languages", "Python"), _listed(view, ctx, "frameworks", "Django")


def _unused_verb(view: ResumeView, ctx: Context, avoid: set[str] | None = None) -> str:
    """A strong past-tense verb no line of the resume opens with yet."""
    used = {
        w.casefold() for e in (*view.roles, *view.projects) for b in e.lines for w in words(b)[:1]
    }
    used |= avoid or set()
    for group in ("built", "designed", "automated", "integrated", "delivered", "migrated"):
        for verb in ctx.lex.verbs_by_group[group]:
            if verb.casefold() not in used:
                return verb
    return "Engineered"


def _strong_bullet(view: ResumeView, ctx: Context, tech: str, avoid: set[str] | None = None) -> str:
    verb = _unused_verb(view, ctx, avoid)
    return f"{verb} the invoicing API in {tech} for 12 clients, cutting report time by 40%"


# ---- editing a view --------------------------------------------------------------------------


def _set_line(view: ResumeView, kind: str, entry: int, line: int, text: str) -> ResumeView:
    entries = list(getattr(view, kind))
    lines = list(entries[entry].lines)
    lines[line] = text
    entries[entry] = replace(entries[entry], lines=tuple(lines))
    return replace(view, **{kind: tuple(entries)})


def _set_lines(view: ResumeView, kind: str, entry: int, lines: list[str]) -> ResumeView:
    entries = list(getattr(view, kind))
    entries[entry] = replace(entries[entry], lines=tuple(lines))
    return replace(view, **{kind: tuple(entries)})


def _where(given: Given) -> str:
    return "projects" if given.where.startswith("project") else "roles"


def _bullet(view: ResumeView, given: Given) -> str:
    return str(getattr(view, _where(given))[given.entry].lines[given.line])


def _edit_bullet(view: ResumeView, given: Given, text: str) -> ResumeView:
    return _set_line(view, _where(given), given.entry, given.line, text)


def _skills(view: ResumeView, ctx: Context) -> list[str]:
    return split_skill_items(view.skills, ctx.lex.skills)


def _with_skills(view: ResumeView, ctx: Context, items: list[str]) -> ResumeView:
    return replace(view, skills=", ".join(items))


def _drop_skills(view: ResumeView, ctx: Context, names: tuple[str, ...]) -> ResumeView:
    keep = []
    for item in _skills(view, ctx):
        skill = ctx.lex.skills.resolve(item).skill
        if skill is None or skill.name not in names:
            keep.append(item)
    return _with_skills(view, ctx, keep)


def _add_skills(view: ResumeView, ctx: Context, names: list[str]) -> ResumeView:
    return _with_skills(view, ctx, [*_skills(view, ctx), *names])


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s{2,}", " ", text))
    text = re.sub(r"([,;:])\s*([,;:.])", r"\2", text).strip(" ,;:")
    return text[:1].upper() + text[1:]


def _remove_phrases(text: str, phrases: tuple[str, ...]) -> str:
    for phrase in phrases:
        text = re.sub(rf"(?i)(?<![a-z]){re.escape(phrase)}(?![a-z])", "", text)
    return _tidy(text)


def _append(text: str, tail: str) -> str:
    return text.rstrip(" .") + tail + ("." if text.rstrip().endswith(".") else "")


# ---- the summary -----------------------------------------------------------------------------


def _summary_sentences(view: ResumeView, edit: Callable[[list[str]], list[str]]) -> ResumeView:
    parts = edit(sentences(view.summary))
    return replace(view, summary=" ".join(p if p.endswith(".") else p + "." for p in parts))


def cut_cliches(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    """Cut the stock phrases; a sentence left with nothing to say goes too."""

    def edit(parts: list[str]) -> list[str]:
        cut = [_remove_phrases(p, given.advice.subjects) for p in parts]
        return [p for p in cut if len(words(p)) >= 3]

    return [_summary_sentences(view, edit)]


def summary_first(view: ResumeView, tail: str) -> ResumeView:
    return _summary_sentences(view, lambda parts: [_append(parts[0], tail), *parts[1:]])


def summary_last(view: ResumeView, tail: str) -> ResumeView:
    return _summary_sentences(view, lambda parts: [*parts[:-1], _append(parts[-1], tail)])


def add_years(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    """The years go after the title: "Backend developer with 5 years…"."""

    def edit(parts: list[str]) -> list[str]:
        first = re.sub(
            r"(?i)\b(developer|engineer)\b", r"\1 with 5 years of experience", parts[0], count=1
        )
        if first == parts[0]:
            first = "With 5 years of experience, " + parts[0]
        return [first, *parts[1:]]

    return [_summary_sentences(view, edit)]


def add_summary_technology(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    language, framework = _stack(view, ctx)
    return [summary_first(view, f" in {language} and {framework}")]


def add_summary_system(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    return [summary_first(view, ", building payment APIs")]


def add_summary_figure(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    return [summary_last(view, ", serving 2M requests a day")]


def add_ownership(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    return [summary_last(view, ", owning them end to end")]


def add_sentence(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    language, _ = _stack(view, ctx)
    extra = f"Owned the billing API in {language} end to end, serving 40 merchants."
    return [_summary_sentences(view, lambda parts: [*parts, extra])]


def shorten(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    most_sentences, most_words = (int(n) for n in given.advice.subjects)

    def edit(parts: list[str]) -> list[str]:
        kept = parts[:most_sentences]
        while len(kept) > 1 and len(words(" ".join(kept))) > most_words:
            kept = kept[:-1]
        return kept

    return [_summary_sentences(view, edit)]


def backend_first(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    """Lead with backend work: the frontend words go."""
    frontend = {m.text for m in ctx.lex.skills.mentions(view.summary) if m.skill.frontend}
    phrases = (*ctx.lex.frontend_terms, *sorted(frontend, key=len, reverse=True))
    return [replace(view, summary=_remove_phrases(view.summary, phrases))]


def shorten_tech_list(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    """Keep 2–3 technologies, used for something named."""

    def edit(parts: list[str]) -> list[str]:
        out = []
        for part in parts:
            mentions = [m for m in ctx.lex.skills.mentions(part) if not m.skill.concept]
            if len(mentions) >= 4:
                # The list keeps its first three; what they were used for is said after it.
                for mention in sorted(mentions[3:], key=lambda m: m.start, reverse=True):
                    part = part[: mention.start] + part[mention.start + len(mention.text) :]
                part = _append(_tidy(part), ", used for payment APIs")
            out.append(part)
        return out

    return [_summary_sentences(view, edit)]


def replace_summary_vague(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    """Each vague word becomes a number."""
    summary = view.summary
    for phrase in given.advice.subjects:
        summary = re.sub(rf"(?i)(?<![a-z]){re.escape(phrase)}(?![a-z])", "12", summary)
    return [replace(view, summary=re.sub(r"\b12(?:\s+12\b)+", "12", summary))]


def drop_summary_pronouns(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    def edit(parts: list[str]) -> list[str]:
        return [_remove_phrases(p, given.advice.subjects) for p in parts]

    return [_summary_sentences(view, edit)]


def write_summary(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    return [replace(view, summary=ctx.lex.role.examples.summaries[ctx.level][0])]


# ---- the skills line -------------------------------------------------------------------------


def _unlisted_of(view: ResumeView, ctx: Context, category: str) -> list[str]:
    by_name = ctx.lex.skills.by_name
    return [n for n in shown(view, ctx.lex).unlisted if by_name[n].category == category]


def drop_subjects(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    return [_drop_skills(view, ctx, given.advice.subjects)]


def add_subjects(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    return [_add_skills(view, ctx, list(given.advice.subjects))]


def add_language(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    listed = {s.name for s in shown(view, ctx.lex).listed}
    used = [n for n in _unlisted_of(view, ctx, "languages") if ctx.lex.skills.by_name[n].primary]
    spare = [n for n in ("Go", "Java", "TypeScript") if n not in listed]
    return [_add_skills(view, ctx, (used or spare)[:1])]


def add_database(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    return [_add_skills(view, ctx, (_unlisted_of(view, ctx, "databases") or ["PostgreSQL"])[:1])]


def add_cloud(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    return [_add_skills(view, ctx, (_unlisted_of(view, ctx, "cloud") or ["Docker"])[:1])]


def remove_duplicates(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    seen: set[str] = set()
    keep = []
    for item in _skills(view, ctx):
        skill = ctx.lex.skills.resolve(item).skill
        key = skill.name if skill is not None else item
        if key not in seen:
            seen.add(key)
            keep.append(item)
    return [_with_skills(view, ctx, keep)]


def show_skills(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    """Show each named skill in a bullet of the latest job (or in a project without jobs)."""
    most = ctx.lex.role.guidance.bullets.rules.max_per_role
    kind = "roles" if view.roles else "projects"
    entries = getattr(view, kind)
    if not entries:
        return [replace(view, projects=(EntryView("Side project", ()),))]
    lines = list(entries[0].lines)
    named = " and ".join(given.advice.subjects)
    limit = most if kind == "roles" else ctx.lex.role.guidance.projects.rules.max_lines
    if len(lines) < limit:
        lines.append(_strong_bullet(view, ctx, named))
    else:
        weakest = min(range(len(lines)), key=lambda i: analyse_bullet(lines[i], ctx.lex).score)
        lines[weakest] = _strong_bullet(view, ctx, f"{named} (with {_stack(view, ctx)[0]})")
    return [_set_lines(view, kind, 0, lines)]


def show_or_drop(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    """Both options the advice offers: drop them all, or show them all."""
    return [*drop_subjects(view, given, ctx), *show_skills(view, given, ctx)]


# ---- a bullet --------------------------------------------------------------------------------


def start_with_verb(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    text = _bullet(view, given)
    opener = ctx.lex.weak_opener(text)
    rest = text[len(opener) :] if opener else text
    rest = re.sub(r"(?i)^\s*(?:i|we|my|our)\b\s*", "", rest).lstrip(" ,:-")
    verb = _unused_verb(view, ctx)
    return [_edit_bullet(view, given, f"{verb} {rest[:1].lower()}{rest[1:]}")]


def add_bullet_figure(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    return [_edit_bullet(view, given, _append(_bullet(view, given), ", saving 5 hours a week"))]


def add_bullet_technology(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    language, _ = _stack(view, ctx)
    return [_edit_bullet(view, given, _append(_bullet(view, given), f" using {language}"))]


def add_bullet_system(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    return [_edit_bullet(view, given, _append(_bullet(view, given), " for the payments API"))]


def trim(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    """Keep the verb, the system, the technology and the result; cut other words from the end."""
    most = int(given.advice.subjects[0])
    rules = ctx.lex.role.guidance.bullets.rules
    text = _bullet(view, given)
    tokens = text.split()
    keep_words = {w.casefold() for w in words(text)[:1]}
    keep_words |= {w for m in ctx.lex.skills.mentions(text) for w in m.text.casefold().split()}
    keep_words |= {w for s in ctx.lex.systems(text) for w in s.split()}

    def needed(token: str) -> bool:
        bare = token.strip(".,;:()").casefold()
        return bare in keep_words or any(ch.isdigit() for ch in token)

    while len(words(" ".join(tokens))) > most or len(" ".join(tokens)) > rules.max_chars:
        spare = [i for i in range(1, len(tokens)) if not needed(tokens[i])]
        if not spare:
            break
        del tokens[spare[-1]]
    return [_edit_bullet(view, given, " ".join(tokens))]


def say_more(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    tail = " for the payments API used by 3 teams"
    return [_edit_bullet(view, given, _append(_bullet(view, given), tail))]


def drop_bullet_words(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    return [_edit_bullet(view, given, _remove_phrases(_bullet(view, given), given.advice.subjects))]


def replace_vague(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    """Each vague word becomes a concrete detail: a count."""
    text = _bullet(view, given)
    for phrase in given.advice.subjects:
        text = re.sub(rf"(?i)(?<![a-z]){re.escape(phrase)}(?![a-z])", "12", text)
    return [_edit_bullet(view, given, text)]


# ---- a job or a project as a whole -------------------------------------------------------------


def add_bullets(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    kind = _where(given)
    lines = list(getattr(view, kind)[given.entry].lines)
    language, _ = _stack(view, ctx)
    while len(lines) < int(given.advice.subjects[0]):
        opened = {w.casefold() for line in lines for w in words(line)[:1]}
        lines.append(
            _strong_bullet(_set_lines(view, kind, given.entry, lines), ctx, language, opened)
        )
    return [_set_lines(view, kind, given.entry, lines)]


def cut_lines(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    """Cut the lines the advice names."""
    kind = _where(given)
    lines = getattr(view, kind)[given.entry].lines
    return [
        _set_lines(view, kind, given.entry, [b for b in lines if b not in given.advice.subjects])
    ]


def _replace_verb(
    view: ResumeView, ctx: Context, kind: str, entry: int, line: int, verb: str
) -> ResumeView:
    text = getattr(view, kind)[entry].lines[line]
    first = words(text)[0]
    return _set_line(view, kind, entry, line, verb + text[text.index(first) + len(first) :])


def vary_verbs(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    """Each repeated opening verb, after its first use, becomes a verb not used yet."""
    repeated = {v.casefold() for v in given.advice.subjects}
    seen: set[str] = set()
    scope = [given.entry] if given.where in {"role", "project"} else range(len(view.roles))
    kinds = [_where(given)] if given.where != "review" else ["roles", "projects"]
    for kind in kinds:
        for entry in scope if given.where != "review" else range(len(getattr(view, kind))):
            for line, text in enumerate(getattr(view, kind)[entry].lines):
                verb = ctx.lex.verb_of(words(text)[0]) if words(text) else None
                if verb in repeated:
                    if verb in seen:
                        view = _replace_verb(view, ctx, kind, entry, line, _unused_verb(view, ctx))
                    seen.add(verb)
    return [view]


def one_tense(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    kind = _where(given)
    for line, text in enumerate(getattr(view, kind)[given.entry].lines):
        first = words(text)[0] if words(text) else ""
        verb = ctx.lex.verb_of(first)
        if verb is not None and verb != first.casefold():
            view = _replace_verb(view, ctx, kind, given.entry, line, verb.capitalize())
    return [view]


# ---- the review --------------------------------------------------------------------------------


def add_section(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    language, framework = _stack(view, ctx)
    section = given.advice.subjects[0]
    if section == "summary":
        return write_summary(view, given, ctx)
    if section == "skills":
        named = [s.name for _, t in view.outside_skills() for s in ctx.lex.skills.technologies(t)]
        return [
            replace(
                view, skills=", ".join(dict.fromkeys([*named, language, "PostgreSQL", "Docker"]))
            )
        ]
    header, lines = "Backend Developer, Acme, 2023 – Present", []
    if section == "projects":
        header = f"Invoice tracker, {language}, {framework}, PostgreSQL"
    for _ in range(1 if section == "projects" else 3):
        opened = {w.casefold() for line in lines for w in words(line)[:1]}
        lines.append(_strong_bullet(view, ctx, language, opened))
    entry = EntryView(header, tuple(lines))
    kind = "projects" if section == "projects" else "roles"
    return [replace(view, **{kind: (*getattr(view, kind), entry)})]


def cut_weakest(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    """Cut the weakest bullet of every job that has more than three."""
    for entry, role in enumerate(view.roles):
        if len(role.lines) > 3:
            weakest = min(role.lines, key=lambda b: analyse_bullet(b, ctx.lex).score)
            view = _set_lines(view, "roles", entry, [b for b in role.lines if b != weakest])
    return [view]


def condense_old(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    for entry, role in enumerate(view.roles):
        if role.header in given.advice.subjects and role.lines:
            best = max(role.lines, key=lambda b: analyse_bullet(b, ctx.lex).score)
            view = _set_lines(view, "roles", entry, [best])
    return [view]


APPLY: dict[str, Edit] = {
    # the summary
    "write": write_summary,
    "cut_cliches": cut_cliches,
    "add_years": add_years,
    "add_ownership": add_ownership,
    "add_sentence": add_sentence,
    "shorten": shorten,
    "backend_first": backend_first,
    "shorten_tech_list": shorten_tech_list,
    # the skills line
    "drop_languages": drop_subjects,
    "add_language": add_language,
    "add_database": add_database,
    "add_cloud": add_cloud,
    "remove_duplicates": remove_duplicates,
    "drop_soft_skills": drop_subjects,
    "add_skills": add_subjects,
    "show_skills": show_skills,
    "show_or_drop_skills": show_or_drop,
    # a bullet
    "start_with_verb": start_with_verb,
    "active_voice": start_with_verb,
    "trim": trim,
    "say_more": say_more,
    "replace_vague": replace_vague,
    # a job or a project
    "add_bullets": add_bullets,
    "cut_lines": cut_lines,
    "vary_verbs": vary_verbs,
    "one_tense": one_tense,
    # the review
    "add_section": add_section,
    "cut_weakest": cut_weakest,
    "condense_old": condense_old,
}
# Kinds whose edit depends on the section the advice is about.
BY_SECTION: dict[tuple[str, str], Edit] = {
    ("summary", "add_technology"): add_summary_technology,
    ("summary", "add_system"): add_summary_system,
    ("summary", "add_figure"): add_summary_figure,
    ("summary", "drop_pronouns"): drop_summary_pronouns,
    ("summary", "replace_vague"): replace_summary_vague,
    ("bullet", "add_technology"): add_bullet_technology,
    ("bullet", "add_system"): add_bullet_system,
    ("bullet", "add_figure"): add_bullet_figure,
    ("bullet", "drop_pronouns"): drop_bullet_words,
}


def follow(view: ResumeView, given: Given, ctx: Context) -> list[ResumeView]:
    """The resume after doing what the advice says (one version per option it offers)."""
    section = "bullet" if given.where in {"bullet", "project_line"} else given.where
    edit = BY_SECTION.get((section, given.advice.kind)) or APPLY.get(given.advice.kind)
    if edit is None:
        raise AssertionError(
            f"no literal edit for advice of kind {given.advice.kind!r}: {given.advice}"
        )
    return edit(view, given, ctx)
