"""The resume as a single-column Word document built only from paragraphs and list items."""

from __future__ import annotations

import io
import unicodedata
from datetime import datetime

import docx
from docx.document import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from bot.export.layout import SEPARATOR, Block, Item, Layout
from bot.export.paper import Paper
from bot.export.style import ACCENT, INK, LINK, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MUTED, RULE

FONT = "Calibri"  # installed with every Word; LibreOffice substitutes a metric-compatible one

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
# Parts of python-docx's template that say things that are not true of this document: an
# "application" that never touched it, a thumbnail of an empty page, a bibliography store,
# and a 400 KB copy of the styles for Word 2010.
_DROPPED_RELS = (
    RT.EXTENDED_PROPERTIES,
    RT.THUMBNAIL,
    RT.CUSTOM_XML,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
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


def _style(document: Document, name: str, points: float, rgb: tuple[int, int, int]) -> None:
    """Set a paragraph style's font, size and colour, overriding the template's theme fonts."""
    style = document.styles[name]
    assert isinstance(style, ParagraphStyle)
    style.font.name = FONT
    style.font.size = Pt(points)
    style.font.color.rgb = RGBColor(*rgb)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    # A theme attribute wins over the font name in Word; the East Asian one stays, so a name
    # in Chinese still gets a font that has it.
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)


def _setup(document: Document, paper: Paper) -> None:
    """Page size and margins, and the styles tuned to match the PDF."""
    section = document.sections[0]
    width, height = paper.size_mm
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.left_margin = section.right_margin = Mm(MARGIN_X)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP), Mm(MARGIN_BOTTOM)
    for name, points, rgb in (
        ("Normal", 10.5, INK),
        ("Title", 22, INK),
        ("Subtitle", 12, MUTED),
        ("Heading 1", 12.5, ACCENT),
    ):
        _style(document, name, points, rgb)
    title = document.styles["Title"]
    assert isinstance(title, ParagraphStyle)
    title.font.bold = True
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)  # the template underlines the title in blue
    title.paragraph_format.space_after = Pt(2)
    subtitle = document.styles["Subtitle"]
    assert isinstance(subtitle, ParagraphStyle)
    subtitle.font.italic = False
    subtitle.paragraph_format.space_after = Pt(2)
    heading = document.styles["Heading 1"]
    assert isinstance(heading, ParagraphStyle)
    heading.paragraph_format.space_before = Pt(10)
    heading.paragraph_format.space_after = Pt(4)
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    normal.paragraph_format.space_after = Pt(2)


def _hyperlink(paragraph: Paragraph, text: str, url: str) -> None:
    """A clickable run: python-docx reads hyperlinks but has no call to add one."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = paragraph.add_run(text)
    run.font.color.rgb = RGBColor(*LINK)
    link.append(run._r)
    paragraph._p.append(link)


class _Builder:
    """Adds one laid-out resume's paragraphs to a document."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text_width = 0

    def paragraph(
        self, text: str = "", style_id: str | None = None, bold_prefix: str = ""
    ) -> Paragraph:
        """A paragraph in a style (by id), with an optional bold lead-in, right-to-left if so."""
        para = self.document.add_paragraph()
        if style_id:
            # By id: looking a style up by name scans the template's 160 styles every time.
            para._p.style = style_id
        if bold_prefix:
            para.add_run(bold_prefix).bold = True
        if text:
            para.add_run(text)
        _set_direction(para, bold_prefix + text)
        return para

    def header(self, clean: Layout) -> None:
        """Name as the title, the target title under it, then the contact line."""
        if clean.name:
            self.paragraph(clean.name, "Title")
        if clean.title:
            self.paragraph(clean.title, "Subtitle")
        if clean.contact:
            para = self.document.add_paragraph()
            for i, item in enumerate(clean.contact):
                label = (SEPARATOR if i else "") + (f"{item.label}: " if item.label else "")
                if label:
                    para.add_run(label).font.color.rgb = RGBColor(*MUTED)
                if item.url:
                    _hyperlink(para, item.text, item.url)
                else:
                    para.add_run(item.text).font.color.rgb = RGBColor(*MUTED)
            _set_direction(para, "".join(c.text for c in clean.contact))

    def section(self, block: Block) -> None:
        """A Heading 1 with a rule under it, then the section's content."""
        heading = self.paragraph(block.section.value, "Heading1")
        _bottom_rule(heading)
        for line in block.paragraphs:
            self.paragraph(line)
        for label, listing in block.skills:
            self.paragraph(listing, bold_prefix=label)
        for item in block.items:
            self.item(item)

    def item(self, item: Item) -> None:
        """Bold title, dates at a right tab stop; kept on the page of what follows it."""
        if item.title or item.dates:
            para = self.paragraph("", bold_prefix=item.title)
            para.paragraph_format.space_before = Pt(5)  # items apart, as in the PDF
            # Keep a role's header on the same page as its first bullet.
            para.paragraph_format.keep_with_next = bool(item.details or item.bullets)
            if item.dates:
                para.paragraph_format.tab_stops.add_tab_stop(
                    self.text_width, WD_TAB_ALIGNMENT.RIGHT
                )
                para.add_run("\t" + item.dates).font.color.rgb = RGBColor(*MUTED)
        for detail in item.details:
            self.paragraph(detail)
        for bullet in item.bullets:
            self.paragraph(bullet, "ListBullet").paragraph_format.keep_together = True


def _bottom_rule(paragraph: Paragraph) -> None:
    """A thin line under a heading, as in the PDF (a paragraph border, not a drawing)."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", "%02X%02X%02X")):
        bottom.set(qn(f"w:{key}"), value % RULE if key == "color" else value)
    borders.append(bottom)
    # pBdr comes before spacing and the rest in the schema; after pStyle and keepNext.
    paragraph._p.get_or_add_pPr().insert_element_before(
        borders, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr"
    )


def _properties(document: Document, clean: Layout, now: datetime) -> None:
    """Title, author and dates of this document; nothing left from the template."""
    props = document.core_properties
    props.author = clean.name
    props.last_modified_by = clean.name
    props.title = clean.doc_title
    props.created = props.modified = now
    props.revision = 1
    # The template says "generated by python-docx" in its comments and dates itself 2013.
    for attribute in ("comments", "subject", "keywords", "category", "content_status"):
        setattr(props, attribute, "")
    package = document.part.package
    for owner in (package, document.part):
        for r_id, rel in list(owner.rels.items()):
            if rel.reltype in _DROPPED_RELS:
                del owner.rels[r_id]


def render_docx(clean: Layout, paper: Paper, now: datetime) -> bytes:
    """The laid-out resume as .docx bytes on the given paper, created and modified ``now``."""
    document = docx.Document()
    _setup(document, paper)
    builder = _Builder(document)
    section = document.sections[0]
    builder.text_width = int(section.page_width or 0) - int(section.left_margin or 0) * 2
    builder.header(clean)
    for block in clean.blocks:
        builder.section(block)
    _properties(document, clean, now)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
