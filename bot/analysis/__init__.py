"""Pure text checks for resumes: no I/O; rules and word lists come from ``knowledge/``."""

from bot.analysis.bullets import analyse_bullet, analyse_bullets
from bot.analysis.lexicon import Lexicon, lexicon_for
from bot.analysis.match import match_resume
from bot.analysis.resume import analyse_resume, analyse_view, parse_resume
from bot.analysis.skills_section import analyse_skills
from bot.analysis.summary import analyse_summary
from bot.analysis.view import ResumeView

__all__ = [
    "Lexicon",
    "ResumeView",
    "analyse_bullet",
    "analyse_bullets",
    "analyse_resume",
    "analyse_skills",
    "analyse_summary",
    "analyse_view",
    "lexicon_for",
    "match_resume",
    "parse_resume",
]
