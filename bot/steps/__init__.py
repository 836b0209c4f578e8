"""The walk's steps, in order: this table is the only place that order is written.

A new step is a module here with a ``Step`` subclass (see ``base.py``) and one line below.
"""

from bot.steps.base import Step, Turn
from bot.steps.certifications import CertificationsStep
from bot.steps.education import EducationStep
from bot.steps.experience import ExperienceStep
from bot.steps.export import ExportStep
from bot.steps.header import HeaderStep
from bot.steps.level import LevelStep
from bot.steps.projects import ProjectsStep
from bot.steps.review import ReviewStep
from bot.steps.skills import SkillsStep
from bot.steps.summary import SummaryStep

STEPS: tuple[Step, ...] = (
    LevelStep(),
    HeaderStep(),
    SummaryStep(),
    SkillsStep(),
    ExperienceStep(),
    ProjectsStep(),
    EducationStep(),
    CertificationsStep(),
    ReviewStep(),
    ExportStep(),
)

__all__ = ["STEPS", "Step", "Turn"]
