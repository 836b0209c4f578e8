"""Export a finished resume as PDF, .docx, Markdown and plain text, in one ATS-friendly layout.

One module per job: ``model`` (what was written), ``sanitise`` and ``layout`` (what every
format shows), ``text``, ``markdown``, ``word`` (.docx) and ``pdf`` (with ``fonts``),
``paper`` (A4 or US Letter) and ``files`` (the attachments and their names).
"""

from bot.export.files import export_files, file_stem, to_docx, to_pdf
from bot.export.layout import is_empty
from bot.export.markdown import to_markdown
from bot.export.model import (
    Certification,
    Education,
    Entry,
    Header,
    Level,
    Link,
    ResumeDoc,
    Section,
    education_first,
    section_order,
)
from bot.export.paper import Paper, default_paper
from bot.export.sanitise import normalise_url
from bot.export.text import to_text

__all__ = [
    "Certification",
    "Education",
    "Entry",
    "Header",
    "Level",
    "Link",
    "Paper",
    "ResumeDoc",
    "Section",
    "default_paper",
    "education_first",
    "export_files",
    "file_stem",
    "is_empty",
    "normalise_url",
    "section_order",
    "to_docx",
    "to_markdown",
    "to_pdf",
    "to_text",
]
