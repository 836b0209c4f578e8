"""Every format read back: the PDF with pypdf, the .docx with python-docx, Markdown and text."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime, timedelta

import docx
import pytest
from pypdf import PdfReader

from bench.export_samples import junior_sample, long_resume, senior_sample
from bot.export import (
    Entry,
    Header,
    Link,
    Paper,
    ResumeDoc,
    Section,
    export_files,
    to_docx,
    to_markdown,
    to_pdf,
    to_text,
)
from bot.export.fonts import FALLBACKS, FONT_DIR, MAIN_FACES

HEADINGS = {s.value for s in Section}
LIBRARY_NAMES = ("fpdf", "pyfpdf", "python-docx", "docx", "reportlab", "pypdf", "microsoft")


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _pdf_uris(data: bytes) -> list[str]:
    uris = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None:
                uris.append(str(action["/URI"]))
    return uris


def _docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def _flat(text: str) -> str:
    """Whitespace folded: a bullet wrapped over two lines reads as one."""
    return " ".join(text.split())


def _in_order(text: str, needles: list[str]) -> None:
    """Each needle appears in the text after the one before it."""
    flat, position = _flat(text), 0
    for needle in needles:
        found = flat.find(_flat(needle), position)
        assert found >= 0, f"{needle!r} missing or out of order"
        position = found + len(_flat(needle))


def _expected_order(doc: ResumeDoc) -> list[str]:
    """The name, email, links, summary, then every bullet, as they must read."""
    needles = [doc.header.name, doc.header.email]
    needles += ["github.com/zoe-ln", "linkedin.com/in/zoe-ln", "zoe.dev"]
    needles += doc.summary.split("\n")
    for role in doc.roles:
        needles += list(role.bullets)
    for project in doc.projects:
        needles += list(project.bullets)
    needles += [doc.education[0].school]
    return needles


SENIOR = senior_sample()
LINK_URLS = [
    "mailto:zoe.nguyen@example.com",
    "https://github.com/zoe-ln",
    "https://www.linkedin.com/in/zoe-ln/",
    "https://zoe.dev",
]


def test_every_format_reads_back_in_order() -> None:
    pdf, word, md, txt = (f.data for f in export_files(SENIOR))
    needles = _expected_order(SENIOR)
    for text in (_pdf_text(pdf), _docx_text(word), md.decode(), txt.decode()):
        assert "Zoë Łukasiewicz-Nguyễn" in text
        _in_order(text, needles)
    # Markdown escapes punctuation; the needles above have none that it escapes.
    assert _pdf_uris(pdf) == LINK_URLS
    document = docx.Document(io.BytesIO(word))
    assert [h.url for p in document.paragraphs for h in p.hyperlinks] == LINK_URLS
    assert [f"({url})" in md.decode() for url in LINK_URLS] == [True] * 4


def test_pdf_sections_come_in_order_with_standard_headings() -> None:
    lines = [line.strip() for line in _pdf_text(to_pdf(SENIOR)).splitlines()]
    assert [line for line in lines if line in HEADINGS] == [s.value for s in Section]
    # Education before Experience for a junior with one four-month internship.
    lines = [line.strip() for line in _pdf_text(to_pdf(junior_sample())).splitlines()]
    assert [line for line in lines if line in HEADINGS] == [
        "Summary",
        "Skills",
        "Education",
        "Experience",
        "Projects",
        "Certifications",
    ]


def test_pdf_role_title_and_dates_share_a_line() -> None:
    lines = _pdf_text(to_pdf(SENIOR)).splitlines()
    assert "Staff Backend Engineer, Acme Payments, Berlin 2022–now" in lines
    assert "MSc Computer Science, Warsaw University of Technology 2012–2014" in lines


@pytest.mark.parametrize(
    "name",
    ["王小明", "Ольга Петрова", "Nguyễn Thị Minh Khai", "김민준", "Ελένη Παπαδοπούλου"],
)
def test_names_in_any_script_are_kept_exactly(name: str) -> None:
    doc = ResumeDoc(header=Header(name=name, email="a@example.com"), summary="Backend developer.")
    pdf, word, md, txt = (f.data for f in export_files(doc))
    assert _pdf_text(pdf).splitlines()[0] == name
    assert PdfReader(io.BytesIO(pdf)).metadata.author == name  # type: ignore[union-attr]
    assert docx.Document(io.BytesIO(word)).paragraphs[0].text == name
    assert md.decode().splitlines()[0] == f"# {name}"
    assert txt.decode().splitlines()[0] == name


def test_a_name_in_several_scripts_uses_the_fallback_fonts() -> None:
    name = "Zoë 王小明 Ольга Nguyễn"
    pdf = to_pdf(ResumeDoc(header=Header(name=name)))
    assert _pdf_text(pdf).strip() == name
    fonts = _embedded_fonts(pdf)
    assert any("NotoSans" in f for f in fonts) and any("WenQuanYi" in f for f in fonts)


def _embedded_fonts(data: bytes) -> set[str]:
    """Base names of the fonts whose files are embedded in the PDF."""
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():  # type: ignore[index]
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", []):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor  # embedded, not referenced by name
                names.add(str(descriptor["/FontName"]))
    return names


def test_latin_resume_embeds_only_noto_and_no_images() -> None:
    pdf = to_pdf(SENIOR)
    fonts = _embedded_fonts(pdf)
    assert fonts and all("NotoSans" in f for f in fonts)
    # No text in images: no image objects at all (/ProcSet merely lists /ImageB and friends).
    assert b"/Subtype /Image" not in pdf
    assert all("/XObject" not in page["/Resources"] for page in PdfReader(io.BytesIO(pdf)).pages)


def test_markup_and_right_to_left_text_survive_in_the_pdf() -> None:
    arabic, hebrew = "مطور خلفية", "שלום עולם"
    markup = "<b>bold</b> **strong** _u_ `code` # [link](x) &amp; 50% C++ O'Brien"
    doc = ResumeDoc(
        header=Header(name="Dev"),
        summary=markup,
        roles=[Entry("Dev, Acme", [arabic, hebrew, "Latin, then " + arabic])],
    )
    text = _pdf_text(to_pdf(doc))
    assert markup in text
    # Right-to-left lines come back word by word in the order they are drawn: each word intact.
    for word in (*arabic.split(), *hebrew.split()):
        assert word in text or word[::-1] in text
    emoji = ResumeDoc(header=Header(name="Dev 🚀"), summary="Ships 🚀 fast")
    assert "Ships" in _pdf_text(to_pdf(emoji))  # no font has emoji: they are left out


def test_empty_sections_are_left_out_of_the_pdf() -> None:
    doc = ResumeDoc(header=Header(name="Ольга"), skills={"Languages": ["Go"], "Tools": [" "]})
    lines = _pdf_text(to_pdf(doc)).splitlines()
    assert lines == ["Ольга", "Skills", "Languages: Go"]


@pytest.mark.parametrize("seed", range(16))
def test_a_role_title_or_heading_never_ends_a_page(seed: int) -> None:
    doc = long_resume(roles=14 + seed, bullets=3 + seed % 3, seed=seed)
    reader = PdfReader(io.BytesIO(to_pdf(doc, Paper.A4 if seed % 2 else Paper.LETTER)))
    assert len(reader.pages) >= 3
    for page in reader.pages[:-1]:
        last = [line for line in page.extract_text().splitlines() if line.strip()][-1]
        assert not last.startswith("Role "), last
        assert last.strip() not in HEADINGS, last
    # Nothing was lost at the breaks.
    text = "\n".join(page.extract_text() for page in reader.pages)
    _in_order(text, [b for role in doc.roles for b in role.bullets])


def _mediabox_mm(data: bytes) -> tuple[int, int]:
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    return round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)


def _docx_mm(data: bytes) -> tuple[int, int, int]:
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert section.left_margin is not None
    return (
        round(section.page_width.mm),
        round(section.page_height.mm),
        round(section.left_margin.mm),
    )


def test_paper_size_in_pdf_and_docx() -> None:
    assert _mediabox_mm(to_pdf(SENIOR, Paper.A4)) == (210, 297)
    assert _mediabox_mm(to_pdf(SENIOR, Paper.LETTER)) == (216, 279)
    assert _docx_mm(to_docx(SENIOR, Paper.A4)) == (210, 297, 18)
    assert _docx_mm(to_docx(SENIOR, Paper.LETTER)) == (216, 279, 18)
    # The default follows the person: Berlin gets A4, a +1 phone in San Francisco Letter.
    pdf, word, _, _ = export_files(junior_sample())
    assert _mediabox_mm(pdf.data) == (216, 279)
    assert _docx_mm(word.data)[:2] == (216, 279)
    assert _mediabox_mm(export_files(SENIOR)[0].data) == (210, 297)


def test_pdf_properties_name_the_person_and_no_library() -> None:
    before = datetime.now(UTC) - timedelta(seconds=2)
    data = to_pdf(SENIOR)
    meta = PdfReader(io.BytesIO(data)).metadata
    assert meta is not None
    assert meta.title == "Zoë Łukasiewicz-Nguyễn — Resume"
    assert meta.author == "Zoë Łukasiewicz-Nguyễn"
    assert meta.creation_date is not None and meta.modification_date is not None
    assert meta.creation_date >= before and meta.modification_date >= before
    assert set(meta) == {"/Title", "/Author", "/CreationDate", "/ModDate"}
    lowered = data.lower()
    for library in LIBRARY_NAMES:
        assert library.encode() not in lowered, library


def test_docx_properties_name_the_person_and_no_library() -> None:
    before = datetime.now(UTC).replace(microsecond=0) - timedelta(seconds=2)
    data = to_docx(SENIOR)
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title == "Zoë Łukasiewicz-Nguyễn — Resume"
    assert props.author == props.last_modified_by == "Zoë Łukasiewicz-Nguyễn"
    assert props.created is not None and props.modified is not None
    assert props.created.replace(tzinfo=UTC) >= before
    assert props.modified.replace(tzinfo=UTC) >= before
    assert props.comments == props.subject == props.keywords == props.category == ""
    assert props.revision == 1 and props.last_printed is None
    archive = zipfile.ZipFile(io.BytesIO(data))
    # No "Microsoft Macintosh Word" application, template thumbnail or 2013 date anywhere.
    assert not {"docProps/app.xml", "docProps/thumbnail.jpeg"} & set(archive.namelist())
    assert not [n for n in archive.namelist() if n.startswith("customXml")]
    core = archive.read("docProps/core.xml").decode().lower()
    assert "2013" not in core
    for library in LIBRARY_NAMES:
        assert library not in core.replace("officedocument", ""), library


def test_file_names_follow_the_person() -> None:
    def names(name: str) -> list[str]:
        doc = ResumeDoc(header=Header(name=name), summary="x")
        return [f.filename for f in export_files(doc)]

    assert names("Zoë Łukasiewicz-Nguyễn") == [
        f"Zoe-Lukasiewicz-Nguyen-Resume.{ext}" for ext in ("pdf", "docx", "md", "txt")
    ]
    assert names("王小明")[0] == "Wang-Xiao-Ming-Resume.pdf"
    assert names("Ольга Петрова")[0] == "Olga-Petrova-Resume.pdf"
    assert names("")[0] == "Resume.pdf"
    assert names("🚀 ../../etc/passwd")[0] == "etc-passwd-Resume.pdf"
    assert all(
        re.fullmatch(r"[A-Za-z0-9-]+\.pdf", names(n)[0]) for n in ("Łódź", "Ａｎｎａ", "عمر")
    )


def test_links_and_contact_line_in_text_and_markdown() -> None:
    doc = ResumeDoc(
        header=Header(
            name="Dev",
            email="dev@example.com",
            phone="+1 415 555 0100",
            location="Austin, TX",
            links=[Link("GitHub", "http://GitHub.com/dev/"), Link("Blog", "javascript:alert(1)")],
        )
    )
    assert to_text(doc).splitlines()[1] == (
        "dev@example.com · +1 415 555 0100 · Austin, TX · github.com/dev"
    )
    assert "[github.com/dev](https://github.com/dev/)" in to_markdown(doc)
    assert "javascript" not in to_markdown(doc)
    assert _pdf_uris(to_pdf(doc)) == ["mailto:dev@example.com", "https://github.com/dev/"]


def test_fonts_ship_with_their_licences() -> None:
    for face in (*MAIN_FACES, *FALLBACKS):
        assert face.path.is_file()
    assert "SIL Open Font License" in (FONT_DIR / "OFL.txt").read_text()
    assert "Apache License" in (FONT_DIR / "LICENSE-WenQuanYi.txt").read_text()
