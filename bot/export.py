"""Export a finished resume as .docx, Markdown and plain text, in one ATS-friendly layout."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass

import docx
from docx.oxml import OxmlElement
from docx.text.paragraph import Paragraph

from bot.types import Attachment

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MARKDOWN_MIME = "text/markdown; charset=utf-8"
TEXT_MIME = "text/plain; charset=utf-8"

# Standard headings in the standard order: applicant tracking systems look for these exact words.
SUMMARY = "Summary"
SKILLS = "Skills"
EXPERIENCE = "Experience"
PROJECTS = "Projects"


@dataclass(frozen=True)
class ResumeDoc:
    """Everything the person wrote, ready to lay out; any part may be empty."""

    headline: str
    summary: str
    skills: dict[str, list[str]]
    roles: list[tuple[str, list[str]]]
    projects: list[tuple[str, list[str]]]


@dataclass(frozen=True)
class _Clean:
    """The document after sanitising, with every empty piece already dropped."""

    headline: str
    summary: list[str]
    skills: list[tuple[str, list[str]]]
    roles: list[tuple[str, list[str]]]
    projects: list[tuple[str, list[str]]]


# Control characters (Cc) make lxml raise inside python-docx; lone surrogates (Cs) cannot even be
# encoded as UTF-8; U+FFFE/U+FFFF are not XML characters. Format characters (Cf) such as the
# right-to-left mark and the emoji zero-width joiner are kept: they carry meaning.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _strip_unsafe(text: str) -> str:
    """Drop characters XML cannot hold (and that mean nothing on a resume)."""
    return _UNSAFE.sub("", text)


def _one_line(text: str) -> str:
    """Sanitise text that must stay on one line (headers, bullets, skills)."""
    return " ".join(_strip_unsafe(text).split())


def _lines(text: str) -> list[str]:
    """Sanitise free text into its non-empty lines (one paragraph each)."""
    cleaned = _strip_unsafe(text.replace("\r\n", "\n").replace("\r", "\n"))
    return [line for line in (" ".join(raw.split()) for raw in cleaned.split("\n")) if line]


def _entries(items: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """Clean roles or projects, dropping blank bullets and entries with nothing left."""
    out = []
    for header, bullets in items:
        clean_header = _one_line(header)
        clean_bullets = [b for b in (_one_line(raw) for raw in bullets) if b]
        if clean_header or clean_bullets:
            out.append((clean_header, clean_bullets))
    return out


def _clean(doc: ResumeDoc) -> _Clean:
    """Sanitise every field once, so all three formats leave out exactly the same things."""
    skills = []
    for group, names in doc.skills.items():
        clean_names = [n for n in (_one_line(raw) for raw in names) if n]
        if clean_names:
            skills.append((_one_line(group), clean_names))
    return _Clean(
        headline=_one_line(doc.headline),
        summary=_lines(doc.summary),
        skills=skills,
        roles=_entries(doc.roles),
        projects=_entries(doc.projects),
    )


def _skill_line(group: str, names: list[str]) -> tuple[str, str]:
    """Split a skills line into its label ("Languages: ", or "" without a group name) and list."""
    return (f"{group}: " if group else ""), ", ".join(names)


def is_empty(doc: ResumeDoc) -> bool:
    """True when nothing was written, so every export would be blank."""
    clean = _clean(doc)
    return not (clean.headline or clean.summary or clean.skills or clean.roles or clean.projects)


# --- plain text ---------------------------------------------------------------------------------


def to_text(doc: ResumeDoc) -> str:
    """Plain text for pasting into application forms: UPPERCASE headings, "- " bullets."""
    clean = _clean(doc)
    blocks: list[list[str]] = []
    if clean.headline:
        # The headline is the person's own job title, so its casing ("iOS") is kept as written.
        blocks.append([clean.headline])
    if clean.summary:
        blocks.append([SUMMARY.upper(), *clean.summary])
    if clean.skills:
        blocks.append([SKILLS.upper(), *("".join(_skill_line(g, n)) for g, n in clean.skills)])
    for heading, entries in ((EXPERIENCE, clean.roles), (PROJECTS, clean.projects)):
        if entries:
            lines = [heading.upper()]
            for i, (header, bullets) in enumerate(entries):
                if i:
                    lines.append("")
                if header:
                    lines.append(header)
                lines.extend(f"- {bullet}" for bullet in bullets)
            blocks.append(lines)
    return "".join("\n".join(block) + "\n\n" for block in blocks).removesuffix("\n")


# --- Markdown -----------------------------------------------------------------------------------

# Hand-written on purpose: no small, maintained library escapes CommonMark for literal display
# (Telegram's escape_markdown targets MarkdownV2 and leaves "<" and "&" alone). Any ASCII
# punctuation may be backslash-escaped in CommonMark, so escaping a few too many is harmless.
# Inline: emphasis, code, links, raw HTML/autolinks, entities, GFM tables/strikethrough, headings.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>&|~#])")
# Line start: lists ("-", "+", "1." / "1)"), setext underlines ("="); "#", ">" and "*" are above.
_MD_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)]))")


def _md(text: str) -> str:
    """Escape one line of user text so Markdown renders it literally."""
    escaped = _MD_INLINE.sub(r"\\\1", text)
    match = _MD_LINE_START.match(escaped)
    if match is None:
        return escaped
    if match.group(1)[0].isdigit():
        # "1." starts an ordered list; escaping the dot is what stops it.
        end = match.end()
        return f"{escaped[:end]}\\{escaped[end:]}"
    return f"\\{escaped}"


def to_markdown(doc: ResumeDoc) -> str:
    """The resume as Markdown, with every piece of user text escaped to render literally."""
    clean = _clean(doc)
    blocks: list[str] = []
    if clean.headline:
        blocks.append(f"# {_md(clean.headline)}")
    if clean.summary:
        # Each line its own paragraph: a lone newline would otherwise be folded into a space.
        blocks += [f"## {SUMMARY}", *(_md(line) for line in clean.summary)]
    if clean.skills:
        blocks.append(f"## {SKILLS}")
        for group, names in clean.skills:
            label, listing = _skill_line(_md(group), [_md(n) for n in names])
            blocks.append(f"**{label.rstrip()}** {listing}" if label else listing)
    for heading, entries in ((EXPERIENCE, clean.roles), (PROJECTS, clean.projects)):
        if entries:
            blocks.append(f"## {heading}")
            for header, bullets in entries:
                if header:
                    blocks.append(f"**{_md(header)}**")
                if bullets:
                    blocks.append("\n".join(f"- {_md(bullet)}" for bullet in bullets))
    return "\n\n".join(blocks) + "\n" if blocks else ""


# --- Word ---------------------------------------------------------------------------------------


# What may follow <w:bidi/> inside <w:pPr>, per the OOXML schema (CT_PPrBase, then CT_PPr).
_AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _is_rtl(text: str) -> bool:
    """Whether the first strongly directional character is right-to-left (Arabic, Hebrew...)."""
    for ch in text:
        direction = unicodedata.bidirectional(ch)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def _set_direction(paragraph: Paragraph, text: str) -> None:
    """Mark a right-to-left paragraph as such, so Word aligns and orders it correctly."""
    # python-docx has no API for paragraph direction, so <w:bidi/> goes in by hand, at its schema
    # position: Word rejects a document whose paragraph properties are out of order.
    if _is_rtl(text):
        paragraph._p.get_or_add_pPr().insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def to_docx(doc: ResumeDoc) -> bytes:
    """The resume as a single-column Word document built only from paragraphs and list items."""
    clean = _clean(doc)
    document = docx.Document()
    # The template names "python-docx" as author; a resume must not carry that into metadata.
    document.core_properties.author = ""
    document.core_properties.title = clean.headline

    def paragraph(text: str, style: str | None = None, bold_prefix: str = "") -> Paragraph:
        para = document.add_paragraph(style=style)
        if bold_prefix:
            para.add_run(bold_prefix).bold = True
        if text:
            para.add_run(text)
        _set_direction(para, bold_prefix + text)
        return para

    if clean.headline:
        _set_direction(document.add_heading(clean.headline, level=0), clean.headline)
    if clean.summary:
        document.add_heading(SUMMARY, level=1)
        for line in clean.summary:
            paragraph(line)
    if clean.skills:
        document.add_heading(SKILLS, level=1)
        for group, names in clean.skills:
            label, listing = _skill_line(group, names)
            paragraph(listing, bold_prefix=label)
    for heading, entries in ((EXPERIENCE, clean.roles), (PROJECTS, clean.projects)):
        if entries:
            document.add_heading(heading, level=1)
            for header, bullets in entries:
                if header:
                    # Keep a role's header on the same page as its first bullet.
                    paragraph("", bold_prefix=header).paragraph_format.keep_with_next = True
                for bullet in bullets:
                    paragraph(bullet, style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def export_files(doc: ResumeDoc) -> list[Attachment]:
    """The resume as resume.docx, resume.md and resume.txt, ready to send."""
    return [
        Attachment("resume.docx", to_docx(doc), DOCX_MIME),
        Attachment("resume.md", to_markdown(doc).encode("utf-8"), MARKDOWN_MIME),
        Attachment("resume.txt", to_text(doc).encode("utf-8"), TEXT_MIME),
    ]
