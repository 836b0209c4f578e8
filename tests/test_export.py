"""The resume export: .docx structure, Markdown escaping, plain text, hostile input.

The PDF, the model (paper, section order, links, names) and reading every format back are in
test_export_pdf.py and test_export_model.py.
"""

from __future__ import annotations

import dataclasses
import io
import re
import string
import unicodedata
import zipfile

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.export import (
    Certification,
    Education,
    Entry,
    Header,
    Link,
    ResumeDoc,
    export_files,
    is_empty,
    to_docx,
    to_markdown,
    to_text,
)
from bot.export.sanitise import strip_unsafe as _strip_unsafe

NAME = "Zoë Łukasiewicz-Nguyễn"
FULL = ResumeDoc(
    header=Header(
        name=NAME,
        title="Senior Backend Developer",
        email="zoe@example.com",
        phone="+49 30 1234567",
        location="Berlin, Germany",
        links=[Link("GitHub", "github.com/zoe"), Link("Portfolio", "http://zoe.dev/")],
    ),
    summary="Backend developer with 6 years of Python.\nI like boring, reliable systems.",
    skills={"Languages": ["Python", "Go"], "Databases": ["PostgreSQL", "Redis"]},
    roles=[
        Entry(
            "Backend Developer, Acme, 2021–now",
            ["Cut p99 latency by 40% with caching", "Led the move to PostgreSQL 16"],
        ),
        Entry("Junior Developer, Initech, 2019–2021", ["Wrote the billing service"]),
    ],
    projects=[Entry("rate-limiter (open source)", ["Token bucket library, 300 stars"])],
    education=[Education("MSc Computer Science", "TU Berlin", "2017–2019", "GPA 1.3")],
    certifications=[Certification("AWS Certified Developer", "AWS", "2022")],
    level="senior",
)

EMPTY = ResumeDoc()
HEADINGS = ["Summary", "Skills", "Experience", "Projects", "Education", "Certifications"]

ARABIC = "مطور خلفية أول"
HOSTILE = (
    "ctl\x00\x01\x07\x0b\x0c\x1b\x7f\x85end <b>bold</b> **strong** *em* _u_ `code` "
    "# hash [link](http://x) &amp; | ~~s~~ 🚀👩‍💻 " + ARABIC + " \ud800"
)


def _open(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def _style(paragraph: Paragraph) -> str:
    return paragraph.style.name if paragraph.style is not None else ""


def _headings(document: Document) -> list[str]:
    return [p.text for p in document.paragraphs if _style(p).startswith("Heading")]


def _md_unescape(text: str) -> str:
    """CommonMark's rule: a backslash before ASCII punctuation stands for that character."""
    return re.sub(r"\\([" + re.escape(string.punctuation) + "])", r"\1", text)


def _only(**fields: object) -> ResumeDoc:
    return ResumeDoc(**fields)  # type: ignore[arg-type]


# --- .docx ---------------------------------------------------------------------------------------


def test_docx_opens_with_title_and_headings_in_order() -> None:
    document = _open(to_docx(FULL))
    first = document.paragraphs[0]
    assert _style(first) == "Title"
    assert first.text == NAME
    assert (_style(document.paragraphs[1]), document.paragraphs[1].text) == (
        "Subtitle",
        "Senior Backend Developer",
    )
    assert _headings(document) == HEADINGS


def test_docx_bullets_are_real_list_items() -> None:
    document = _open(to_docx(FULL))
    bullets = [p.text for p in document.paragraphs if _style(p) == "List Bullet"]
    assert bullets == [
        "Cut p99 latency by 40% with caching",
        "Led the move to PostgreSQL 16",
        "Wrote the billing service",
        "Token bucket library, 300 stars",
    ]
    # No typed bullet characters: the list style draws the bullet.
    assert not any(b.startswith(("-", "•", "*")) for b in bullets)


def test_docx_role_headers_are_bold_and_skills_one_line_per_group() -> None:
    document = _open(to_docx(FULL))
    by_text = {p.text: p for p in document.paragraphs}
    header = by_text["Backend Developer, Acme\t2021–now"]
    title, dates = header.runs
    assert title.text == "Backend Developer, Acme" and title.bold
    assert dates.text == "\t2021–now" and not dates.bold
    # The dates sit at a right-aligned tab stop at the right margin.
    (stop,) = header.paragraph_format.tab_stops
    section = _open(to_docx(FULL)).sections[0]
    width = section.page_width - section.left_margin - section.right_margin  # type: ignore[operator]
    assert str(stop.alignment) == "RIGHT (2)" and abs(stop.position - width) < 2
    assert "Languages: Python, Go" in by_text
    assert "Databases: PostgreSQL, Redis" in by_text
    assert by_text["Languages: Python, Go"].runs[0].bold  # the group label


def test_docx_text_appears_and_layout_is_single_column() -> None:
    data = to_docx(FULL)
    document = _open(data)
    body = "\n".join(p.text for p in document.paragraphs)
    for needle in ("6 years of Python", "boring, reliable", "Junior Developer, Initech"):
        assert needle in body
    assert document.tables == []
    assert len(document.inline_shapes) == 0
    section = document.sections[0]
    assert all(not p.text for p in section.header.paragraphs)
    assert all(not p.text for p in section.footer.paragraphs)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    for tag in ("<w:tbl", "<w:txbxContent", "<w:drawing", "<w:cols w:num"):
        assert tag not in xml


def test_docx_metadata_does_not_name_the_library() -> None:
    props = _open(to_docx(FULL)).core_properties
    assert props.author == NAME
    assert props.title == f"{NAME} — Resume"


def test_docx_marks_right_to_left_paragraphs() -> None:
    doc = _only(header=Header(name=ARABIC), summary="English line", roles=[Entry(ARABIC, [ARABIC])])
    title, _, line, _, header, bullet = _open(to_docx(doc)).paragraphs
    assert title.text == header.text == bullet.text == ARABIC
    assert line._p.pPr is None or line._p.pPr.find(qn("w:bidi")) is None

    def props(paragraph: Paragraph) -> list[str]:
        ppr = paragraph._p.pPr
        return [] if ppr is None else [child.tag for child in ppr]

    # Word refuses paragraph properties out of schema order.
    assert props(title) == [qn("w:pStyle"), qn("w:bidi")]
    assert props(header) == [qn("w:keepNext"), qn("w:bidi"), qn("w:spacing")]
    assert props(bullet) == [qn("w:pStyle"), qn("w:keepLines"), qn("w:bidi")]


# --- Markdown and text ---------------------------------------------------------------------------


def test_markdown_layout() -> None:
    md = to_markdown(FULL)
    assert md.startswith(
        f"# {NAME}\n\n**Senior Backend Developer**\n\n"
        "[zoe@example.com](mailto:zoe@example.com) · +49 30 1234567 · Berlin, Germany · "
        "[github.com/zoe](https://github.com/zoe) · Portfolio: [zoe.dev](https://zoe.dev)"
        "\n\n## Summary\n"
    )
    assert [line for line in md.splitlines() if line.startswith("## ")] == [
        f"## {h}" for h in HEADINGS
    ]
    assert "**Languages:** Python, Go" in md
    assert "**Backend Developer, Acme** · 2021–now\n\n- Cut p99 latency by 40% with caching\n" in md
    assert "**MSc Computer Science, TU Berlin** · 2017–2019\n\nGPA 1.3\n" in md
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_text_layout() -> None:
    text = to_text(FULL)
    lines = text.splitlines()
    assert lines[:3] == [
        NAME,
        "Senior Backend Developer",
        "zoe@example.com · +49 30 1234567 · Berlin, Germany · github.com/zoe · Portfolio: zoe.dev",
    ]
    assert [line for line in lines if line in {h.upper() for h in HEADINGS}] == [
        h.upper() for h in HEADINGS
    ]
    assert "Languages: Python, Go" in lines
    assert "- Cut p99 latency by 40% with caching" in lines
    assert "Backend Developer, Acme · 2021–now" in lines
    assert "AWS Certified Developer, AWS · 2022" in lines
    assert "**" not in text and "#" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("*bold*", r"\*bold\*"),
        ("**strong**", r"\*\*strong\*\*"),
        ("_em_", r"\_em\_"),
        ("`code`", r"\`code\`"),
        ("<b>x</b>", r"\<b\>x\</b\>"),
        ("[a](b)", r"\[a\](b)"),
        ("&amp;", r"\&amp;"),
        ("# title", r"\# title"),
        ("- item", r"\- item"),
        ("+ item", r"\+ item"),
        ("> quote", r"\> quote"),
        ("2021. year", r"2021\. year"),
        ("3) step", r"3\) step"),
        ("back\\slash", r"back\\slash"),
        ("a-b 1.5 (x)", "a-b 1.5 (x)"),  # mid-line punctuation that is harmless stays readable
    ],
)
def test_markdown_escapes_user_text(raw: str, escaped: str) -> None:
    md = to_markdown(_only(summary=raw))
    assert md == f"## Summary\n\n{escaped}\n"
    assert _md_unescape(escaped) == raw


def test_markdown_keeps_bold_literal_everywhere() -> None:
    bold = "*bold*"
    doc = ResumeDoc(
        header=Header(
            name=bold, title=bold, phone=bold, location=bold, links=[Link(bold, "x.com/a")]
        ),
        summary=bold,
        skills={bold: [bold]},
        roles=[Entry(bold, [bold], dates=bold)],
        projects=[Entry(bold, [bold])],
        education=[Education(bold, bold, bold, bold)],
        certifications=[Certification(bold, bold, bold)],
    )
    md = to_markdown(doc)
    assert "*bold*" not in md.replace(r"\*bold\*", "")
    assert md.count(r"\*bold\*") == 20


# --- empty sections ------------------------------------------------------------------------------


def test_only_summary_leaves_other_sections_out_in_every_format() -> None:
    doc = _only(summary="Just a summary.")
    assert _headings(_open(to_docx(doc))) == ["Summary"]
    assert to_markdown(doc) == "## Summary\n\nJust a summary.\n"
    assert to_text(doc) == "SUMMARY\nJust a summary.\n"
    for fmt in (to_markdown(doc), to_text(doc)):
        assert "experience" not in fmt.lower()
        assert "skills" not in fmt.lower()


def test_blank_pieces_count_as_nothing() -> None:
    doc = ResumeDoc(
        header=Header(name="  ", title="\t", email=" ", links=[Link("GitHub", "not a link")]),
        summary="\n \n\x00",
        skills={"Languages": [], "Tools": ["  "]},
        roles=[Entry("", []), Entry(" ", ["", "\t"])],
        projects=[Entry("\x07", [])],
        education=[Education(" ", "\x00", "", " ")],
        certifications=[Certification("", " ", "")],
    )
    assert is_empty(doc)
    assert to_markdown(doc) == ""
    assert to_text(doc) == ""
    assert all(not p.text for p in _open(to_docx(doc)).paragraphs)


def test_is_empty() -> None:
    assert is_empty(EMPTY)
    assert not is_empty(FULL)
    assert not is_empty(_only(skills={"Languages": ["Python"]}))
    assert not is_empty(_only(projects=[Entry("", ["A bullet"])]))
    assert not is_empty(_only(header=Header(name="Ольга")))
    assert not is_empty(_only(education=[Education("BSc")]))


def test_entry_without_header_or_bullets_still_renders_what_exists() -> None:
    doc = _only(roles=[Entry("Header only", []), Entry("", ["Bullet only"])])
    assert to_text(doc) == "EXPERIENCE\nHeader only\n\n- Bullet only\n"
    document = _open(to_docx(doc))
    assert [(_style(p), p.text) for p in document.paragraphs] == [
        ("Heading 1", "Experience"),
        ("Normal", "Header only"),
        ("List Bullet", "Bullet only"),
    ]


# --- hostile input -------------------------------------------------------------------------------


def _hostile_doc() -> ResumeDoc:
    return ResumeDoc(
        header=Header(name=HOSTILE, title=HOSTILE, email=HOSTILE, location=HOSTILE),
        summary=HOSTILE + "\n" + HOSTILE,
        skills={HOSTILE: [HOSTILE, "Python"]},
        roles=[Entry(HOSTILE, [HOSTILE])],
        projects=[Entry(HOSTILE, [HOSTILE])],
        education=[Education(HOSTILE, HOSTILE, HOSTILE, HOSTILE)],
        certifications=[Certification(HOSTILE, HOSTILE, HOSTILE)],
    )


def test_hostile_text_does_not_raise_and_reads_back() -> None:
    doc = _hostile_doc()
    readable = "ctlend <b>bold</b> **strong** *em* _u_ `code` # hash"
    document = _open(to_docx(doc))
    texts = [p.text for p in document.paragraphs]
    assert _headings(document) == HEADINGS
    assert all("\x00" not in t and "\x1b" not in t and "\ud800" not in t for t in texts)
    assert texts[0].startswith(readable)
    assert "🚀👩‍💻" in texts[0] and ARABIC in texts[0]
    bullets = [p.text for p in document.paragraphs if _style(p) == "List Bullet"]
    assert len(bullets) == 2
    assert all(b.startswith(readable) for b in bullets)

    text = to_text(doc)
    assert readable in text and "🚀👩‍💻" in text and ARABIC in text
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]", text)

    md = to_markdown(doc)
    md.encode("utf-8")  # no lone surrogates survive
    title = md.splitlines()[0]
    assert title.startswith("# ")
    assert _md_unescape(title[2:]).startswith(readable)
    assert "🚀👩‍💻" in md and ARABIC in md


def test_newlines_inside_one_line_fields_are_folded() -> None:
    doc = _only(roles=[Entry("Dev,\nAcme", ["line one\r\nline two", "tab\there"])])
    assert to_text(doc) == "EXPERIENCE\nDev, Acme\n- line one line two\n- tab here\n"


def test_very_long_text() -> None:
    big = ("Répété 🚀 *x* <b> مرحبا " * 5000)[:100_000]
    doc = ResumeDoc(
        header=Header(name="Dev"),
        summary=big,
        skills={"Languages": ["Python"]},
        roles=[Entry("Dev, Acme, 2021–now", [big])],
    )
    document = _open(to_docx(doc))
    assert document.paragraphs[2].text == big.strip()
    assert big.strip() in to_text(doc)
    assert len(to_markdown(doc)) > 200_000


# No deadline: an example with Chinese text loads the CJK font (about 0.3 s) for its PDF.
@settings(deadline=None)
@given(
    st.text(max_size=60),
    st.text(max_size=60),
    st.lists(st.text(max_size=20), max_size=3),
)
def test_any_text_exports(name: str, summary: str, bullets: list[str]) -> None:
    doc = _only(header=Header(name=name), summary=summary, roles=[Entry("", bullets)])
    for attachment in export_files(doc):
        assert isinstance(attachment.data, bytes)
    assert is_empty(doc) == (to_text(doc) == "") == (to_markdown(doc) == "")


# --- files ---------------------------------------------------------------------------------------


def test_export_files_names_and_mime_types() -> None:
    files = export_files(FULL)
    assert [(f.filename, f.mime) for f in files] == [
        ("Zoe-Lukasiewicz-Nguyen-Resume.pdf", "application/pdf"),
        (
            "Zoe-Lukasiewicz-Nguyen-Resume.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("Zoe-Lukasiewicz-Nguyen-Resume.md", "text/markdown; charset=utf-8"),
        ("Zoe-Lukasiewicz-Nguyen-Resume.txt", "text/plain; charset=utf-8"),
    ]
    pdf_file, docx_file, md_file, txt_file = files
    assert pdf_file.data[:5] == b"%PDF-"
    assert docx_file.data[:2] == b"PK"
    assert md_file.data.decode("utf-8") == to_markdown(FULL)
    assert txt_file.data.decode("utf-8") == to_text(FULL)


def test_markdown_and_text_are_deterministic() -> None:
    assert to_markdown(FULL) == to_markdown(FULL)
    assert to_text(FULL) == to_text(FULL)
    # A fresh but equal document gives the same bytes too.
    again = dataclasses.replace(
        FULL, skills=dict(FULL.skills), roles=list(FULL.roles), projects=list(FULL.projects)
    )
    assert export_files(again)[2:] == export_files(FULL)[2:]


def test_exactly_the_characters_xml_cannot_hold_are_dropped() -> None:
    # Every code point: control characters, surrogates and the two non-characters go; format
    # characters such as the right-to-left mark and the zero-width joiner stay.
    for point in range(0x110000):
        char = chr(point)
        unsafe = char not in "\n\t" and (
            unicodedata.category(char) in ("Cc", "Cs") or char in "\ufffe\uffff"
        )
        assert _strip_unsafe(f"a{char}b") == ("ab" if unsafe else f"a{char}b"), hex(point)
