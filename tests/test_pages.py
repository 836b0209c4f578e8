"""A paged document's running headers and footers never reach the resume reader."""

from __future__ import annotations

from fpdf import FPDF

from bot.analysis import parse_resume
from bot.documents import read_resume_file
from bot.documents.pages import t1_punctuation, without_running_lines

PAGE_ONE = (
    "JANE DOE\nBackend Developer\n\nExperience\nDeveloper, Acme, 2019 - 2021\n• Wrote the API"
)
FOOTER = "\nNOVEMBER 30, 2026\n\nJANE DOE · RESUME\n\n1\n"


def test_a_footer_on_every_page_is_dropped_and_the_name_on_top_stays() -> None:
    text = f"{PAGE_ONE}\n\nTechnical Skills{FOOTER}\fLanguages\nPython, Go{FOOTER}\f"
    kept = without_running_lines(text)
    assert "NOVEMBER" not in kept and "· RESUME" not in kept
    assert kept.startswith("JANE DOE\n") and "Technical Skills\n" in kept
    assert "Languages\nPython, Go" in kept


def test_pages_told_by_their_numbers_when_the_paste_has_no_page_breaks() -> None:
    footer = "Jane Doe - Resume\nPage {} of 2"
    text = f"{PAGE_ONE}\n{footer.format(1)}\nSkills\nPython\n{footer.format(2)}"
    kept = without_running_lines(text)
    assert "Jane Doe - Resume" not in kept and "Skills\nPython" in kept


def test_a_line_met_once_or_a_bullet_ending_two_pages_is_kept() -> None:
    single = f"{PAGE_ONE}{FOOTER}"
    assert without_running_lines(single) == single
    bullets = "A\n• Wrote tests\n\fB\n• Wrote tests\n"
    assert without_running_lines(bullets).count("• Wrote tests") == 2


def test_a_pdf_with_a_running_footer_reads_as_its_text() -> None:
    class Paged(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.cell(0, 10, "Jane Doe - Curriculum Vitae")

    pdf = Paged()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for line in ("Jane Doe", "Experience", "Developer, Acme, 2019 - 2021", "- Wrote the API"):
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, "Skills", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.cell(0, 8, "Python, PostgreSQL, Docker", new_x="LMARGIN", new_y="NEXT")
    text = read_resume_file("cv.pdf", bytes(pdf.output()))
    assert "Curriculum Vitae" not in text
    assert "Python, PostgreSQL" in parse_resume(text).sections["skills"]


def test_a_short_line_in_capitals_among_the_skills_does_not_end_them() -> None:
    parsed = parse_resume(
        "Experience\nDeveloper, Acme, 2019 - 2021\n• Wrote the API\n\n"
        "Technical Skills\nLanguages\nInfrastructure\nCI/CD\nMonitoring\n"
        "Go, Python\nKubernetes, Docker\nGitHub Actions\nPrometheus, Grafana\n"
    )
    assert "Prometheus, Grafana" in parsed.sections["skills"]


def test_a_tex_fonts_punctuation_codes_read_as_their_marks() -> None:
    parsed = parse_resume(
        "Experience\n\nIT Consultant 08/2025 \x15 02/2026\nAcme GmbH\n• Built the API\n"
    )
    assert parsed.roles[0].header.startswith("IT Consultant 08/2025 – 02/2026")
    assert t1_punctuation("\x10quoted\x11 \x16 said") == "“quoted” — said"
