"""Pure text checks for resumes: no I/O; rules and word lists come from ``knowledge/``.

For the conversation, one view of the person's resume feeds every check, so they agree:

- ``bot.draft.resume_view(progress) -> ResumeView``: the summary, skills line, jobs and projects.
- ``analyse_skills(text, lex, view)``: the skills line, also against what the rest shows.
- ``analyse_view(view, lex, level, today)``: the review of the whole draft.
- ``analyse_roles(view, lex, today)``: each job's bullets against what that job needs
  (``analyse_bullets(lines, lex, header=…, latest=…)`` does one job).
- ``bot.guided.guided_summary`` / ``guided_bullet``: a rewrite, or the original kept, and why.
"""

from bot.analysis.bullets import analyse_bullet, analyse_bullets
from bot.analysis.lexicon import Lexicon, lexicon_for
from bot.analysis.match import match_resume
from bot.analysis.resume import analyse_resume, analyse_roles, analyse_view, parse_resume
from bot.analysis.skills_section import analyse_skills
from bot.analysis.summary import analyse_summary
from bot.analysis.view import ResumeView

__all__ = [
    "Lexicon",
    "ResumeView",
    "analyse_bullet",
    "analyse_bullets",
    "analyse_resume",
    "analyse_roles",
    "analyse_skills",
    "analyse_summary",
    "analyse_view",
    "lexicon_for",
    "match_resume",
    "parse_resume",
]
