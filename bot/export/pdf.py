"""The resume as an ATS-friendly PDF: one column of real, selectable text in reading order."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterator
from datetime import datetime

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos
from fpdf.output import OutputProducer, PDFInfo

from bot.export.fonts import MAIN, MAIN_FACES, FontPlan, plan_fonts
from bot.export.layout import SEPARATOR, Block, Item, Layout
from bot.export.paper import Paper
from bot.export.style import ACCENT, INK, LINK, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MUTED, RULE

# Sizes in points, distances in millimetres.
NAME_PT, TITLE_PT, CONTACT_PT, HEADING_PT, BODY_PT, DATES_PT = 21, 11.5, 9, 11.5, 10, 9.5
BULLET_INDENT = 4.5
_PT_MM = 25.4 / 72


def _line_h(points: float) -> float:
    """Line height in mm for a font size: 1.3 times the size reads well in dense text."""
    return points * _PT_MM * 1.3


class _Producer(OutputProducer):
    """fpdf2's writer, plus a modification date (its document info has only the creation)."""

    def _add_info(self) -> PDFInfo:
        info = super()._add_info()
        info.mod_date = info.creation_date  # type: ignore[attr-defined]
        return info


def _texts(clean: Layout) -> Iterator[str]:
    """Every string the PDF will draw, to choose fonts from."""
    yield from (clean.name, clean.title, SEPARATOR)
    for contact in clean.contact:
        yield from (contact.label, contact.text)
    for block in clean.blocks:
        yield block.section.value
        yield from block.paragraphs
        for label, listing in block.skills:
            yield from (label, listing)
        for item in block.items:
            yield from (item.title, item.dates, *item.details, *item.bullets)


def _needs_shaping(plan: FontPlan) -> bool:
    """Right-to-left scripts need the shaping engine (joined letters, bidi order); others not.

    Shaping every line costs time, and Latin, Cyrillic, Greek and CJK draw correctly without it.
    """
    return any(face.family in ("NotoSansArabic", "NotoSansHebrew") for face in plan.fallbacks)


class _Writer:
    """Draws one laid-out resume onto an FPDF, keeping titles with what follows them."""

    def __init__(self, clean: Layout, paper: Paper) -> None:
        self.clean = clean
        self.plan = plan_fonts(_texts(clean))
        pdf = FPDF(unit="mm", format=paper.size_mm)
        pdf.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
        pdf.set_auto_page_break(True, MARGIN_BOTTOM)
        pdf.c_margin = 0  # text starts exactly at the margin, as in the other formats
        for face in (*MAIN_FACES, *self.plan.fallbacks):
            pdf.add_font(face.family, face.style, str(face.path))
        if self.plan.fallbacks:
            pdf.set_fallback_fonts([f.family for f in self.plan.fallbacks], exact_match=False)
        if _needs_shaping(self.plan):
            pdf.set_text_shaping(True)
        self.pdf = pdf

    def drawable(self, text: str) -> str:
        """Text as the fonts can draw it: composed accents, no characters without a glyph."""
        text = unicodedata.normalize("NFC", text)
        if self.plan.missing:
            text = "".join(ch for ch in text if ch not in self.plan.missing)
        return text

    def font(self, points: float, bold: bool = False, color: tuple[int, int, int] = INK) -> None:
        """Switch font size, weight and colour."""
        self.pdf.set_font(MAIN, "B" if bold else "", points)
        self.pdf.set_text_color(*color)

    def height(
        self, text: str, width: float, points: float, bold: bool = False, exact: bool = False
    ) -> float:
        """How tall a wrapped paragraph is: exactly (a dry run), or a cheap upper bound."""
        self.font(points, bold)
        text = self.drawable(text)
        if not exact:
            bound = self.upper_bound(text, width, points)
            if bound is not None:
                return bound
        result = self.pdf.multi_cell(
            width, _line_h(points), text, align="L", dry_run=True, output=MethodReturnValue.HEIGHT
        )
        assert isinstance(result, float | int)
        return float(result)

    def upper_bound(self, text: str, width: float, points: float) -> float | None:
        """At most how tall ``text`` wraps to; None when long words make a bound useless.

        Word wrapping fills every line but the last to within one word of the width, so the
        lines are at most total width / (width - longest word) + 1. Measuring exactly costs a
        dry run of fpdf2's line breaker (most of the PDF's time); the bound costs one pass.
        """
        pdf = self.pdf
        longest = max(pdf.get_string_width(word) for word in text.split(" "))
        slack = width - longest - pdf.get_string_width(" ")
        if slack < width / 2:
            return None
        return (math.floor(pdf.get_string_width(text) / slack) + 1) * _line_h(points)

    def lines(self, text: str, points: float, indent: float = 0.0, bold: bool = False) -> None:
        """A wrapped paragraph from the left margin (plus an indent), then the next line."""
        self.font(points, bold)
        self.pdf.set_x(self.pdf.l_margin + indent)
        self.pdf.multi_cell(
            self.pdf.epw - indent,
            _line_h(points),
            self.drawable(text),
            align="L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )

    def measure(self, text: str, width: float) -> Callable[[bool], float]:
        """What ``keep`` takes for one paragraph of body text."""

        def height(exact: bool) -> float:
            return self.height(text, width, BODY_PT, exact=exact)

        return height

    def keep(self, measure: Callable[[bool], float]) -> None:
        """Start a new page unless what ``measure`` measures fits on this one.

        ``measure(False)`` is an upper bound: when even that fits, no exact measuring is needed.
        """
        if self.pdf.will_page_break(measure(False)) and self.pdf.will_page_break(measure(True)):
            self.pdf.add_page()

    # --- the header -------------------------------------------------------------------------

    def header(self) -> None:
        """Name (largest), target title, then the contact line with clickable links."""
        pdf, clean = self.pdf, self.clean
        if clean.name:
            self.lines(clean.name, NAME_PT, bold=True)
        if clean.title:
            pdf.ln(0.6)
            self.lines(clean.title, TITLE_PT, bold=False)
            pdf.set_text_color(*MUTED)
        if clean.contact:
            pdf.ln(1.0)
            self.contact_line()
        if clean.name or clean.title or clean.contact:
            pdf.ln(2.5)

    def contact_line(self) -> None:
        """Email · phone · city · links; a piece that does not fit starts the next line whole."""
        pdf, h = self.pdf, _line_h(CONTACT_PT)
        right = pdf.l_margin + pdf.epw
        for i, item in enumerate(self.clean.contact):
            self.font(CONTACT_PT, color=MUTED)
            label = self.drawable(f"{item.label}: " if item.label else "")
            text = self.drawable(item.text)
            separator = SEPARATOR if i else ""
            width = pdf.get_string_width(separator + label + text)
            if i and pdf.x + width > right:
                # fpdf2 would break "Portfolio:" mid-word; a separator never ends a line.
                pdf.ln(h)
                separator = ""
            pdf.write(h, separator + label)
            if item.url:
                pdf.set_text_color(*LINK)
            pdf.write(h, text, link=item.url)
        pdf.ln(h)

    # --- sections ---------------------------------------------------------------------------

    def first_unit_height(self, block: Block, exact: bool) -> float:
        """The height of what must follow a section heading on the same page."""
        if block.paragraphs:
            return self.height(block.paragraphs[0], self.pdf.epw, BODY_PT, exact=exact)
        if block.skills:
            return self.height("".join(block.skills[0]), self.pdf.epw, BODY_PT, exact=exact)
        return self.item_head_height(block.items[0], exact)

    def section(self, block: Block) -> None:
        """A section heading with a rule under it, kept with the section's first line or item."""
        pdf = self.pdf
        heading_h = _line_h(HEADING_PT) + 5.5
        self.keep(lambda exact: heading_h + self.first_unit_height(block, exact))
        pdf.ln(3.0)
        self.font(HEADING_PT, bold=True, color=ACCENT)
        pdf.cell(0, _line_h(HEADING_PT), block.section.value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.3)
        pdf.line(pdf.l_margin, pdf.y + 0.4, pdf.l_margin + pdf.epw, pdf.y + 0.4)
        pdf.ln(2.0)
        for paragraph in block.paragraphs:
            self.keep(self.measure(paragraph, pdf.epw))
            self.lines(paragraph, BODY_PT)
            pdf.ln(1.0)
        for label, listing in block.skills:
            self.keep(self.measure(label + listing, pdf.epw))
            self.skill_line(label, listing)
        for i, item in enumerate(block.items):
            if i:
                pdf.ln(2.0)
            self.item(item)

    def skill_line(self, label: str, listing: str) -> None:
        """A skills line: its label in bold, then the list, wrapping back to the margin."""
        h = _line_h(BODY_PT)
        if label:
            self.font(BODY_PT, bold=True)
            self.pdf.write(h, self.drawable(label))
        self.font(BODY_PT)
        self.pdf.write(h, self.drawable(listing))
        self.pdf.ln(h + 0.6)

    # --- items ------------------------------------------------------------------------------

    def dates_width(self, item: Item) -> float:
        """The width the dates take at the right of the title line (0 without dates)."""
        if not item.dates:
            return 0.0
        self.font(DATES_PT)
        return float(self.pdf.get_string_width(self.drawable(item.dates))) + 0.5

    def item_head_height(self, item: Item, exact: bool) -> float:
        """Title plus the first detail line or bullet: what must never be split by a page end."""
        pdf, total = self.pdf, 0.0
        if item.title:
            title_w = pdf.epw - self.dates_width(item) - 4.0
            total += self.height(item.title, title_w, BODY_PT, bold=True, exact=exact)
        elif item.dates:
            total += _line_h(DATES_PT)
        if item.details:
            total += self.height(item.details[0], pdf.epw, BODY_PT, exact=exact)
        elif item.bullets:
            width = pdf.epw - BULLET_INDENT
            total += self.height(item.bullets[0], width, BODY_PT, exact=exact) + 0.8
        return total

    def item(self, item: Item) -> None:
        """A role, project, degree or certification: bold title, dates at the right, bullets."""
        pdf = self.pdf
        self.keep(lambda exact: self.item_head_height(item, exact))
        if item.title or item.dates:
            self.title_line(item)
        for detail in item.details:
            self.keep(self.measure(detail, pdf.epw))
            self.lines(detail, BODY_PT)
        width = pdf.epw - BULLET_INDENT
        for bullet in item.bullets:
            self.keep(self.measure(bullet, width))
            self.bullet(bullet)

    def title_line(self, item: Item) -> None:
        """The title in bold, wrapping short of the dates, which sit at the right of line one."""
        pdf = self.pdf
        top, dates_w = pdf.y, self.dates_width(item)
        if item.title:
            self.font(BODY_PT, bold=True)
            pdf.multi_cell(
                pdf.epw - dates_w - 4.0,
                _line_h(BODY_PT),
                self.drawable(item.title),
                align="L",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
        bottom = pdf.y
        if item.dates:
            # Drawn after the title, so text extraction reads "title dates" in that order.
            self.font(DATES_PT, color=MUTED)
            pdf.set_xy(pdf.l_margin + pdf.epw - dates_w, top)
            pdf.cell(dates_w, _line_h(BODY_PT), self.drawable(item.dates), align="R")
            pdf.set_xy(pdf.l_margin, max(bottom, top + _line_h(BODY_PT)))
        pdf.ln(0.8)

    def bullet(self, text: str) -> None:
        """A bullet: the mark in the margin of an indented, wrapped paragraph."""
        pdf, h = self.pdf, _line_h(BODY_PT)
        self.font(BODY_PT)
        pdf.set_x(pdf.l_margin + 1.2)
        pdf.cell(BULLET_INDENT - 1.2, h, "•")
        self.lines(text, BODY_PT, indent=BULLET_INDENT)
        pdf.ln(0.4)

    def render(self, now: datetime) -> bytes:
        """Draw everything and return the file, with its properties set."""
        pdf, clean = self.pdf, self.clean
        # No library's name anywhere: fpdf2 leaves Producer and Creator unset unless told.
        pdf.set_title(self.drawable(clean.doc_title))
        pdf.set_author(self.drawable(clean.name))
        pdf.set_creation_date(now)
        pdf.set_lang("en")
        pdf.add_page()
        self.header()
        for block in clean.blocks:
            self.section(block)
        return bytes(pdf.output(output_producer_class=_Producer))


def render_pdf(clean: Layout, paper: Paper, now: datetime) -> bytes:
    """The laid-out resume as PDF bytes on the given paper, created and modified ``now``."""
    return _Writer(clean, paper).render(now)
