"""Issue 13 in the conversation: the header and education steps, the export's paper and names."""

from __future__ import annotations

import io

import pypdf
import pytest

from bot.engine import Engine
from bot.store import UserKey
from tests.chat import Chat


async def _stored(engine: Engine, chat: Chat) -> dict[str, object]:
    stored = await engine.store.load(UserKey(chat.platform, chat.user_id))
    assert stored is not None
    return stored.data


async def _at_header(chat: Chat, level: str = "Junior") -> None:
    await chat.send("/start")
    await chat.press(level)
    assert "Header" in chat.text and "full name" in chat.text


async def _fill_header(chat: Chat, name: str, email: str, phone: str, city: str) -> None:
    await chat.send(name)
    await chat.press("Use")  # the suggested title
    await chat.send(email)
    await chat.send(phone)
    if city:
        await chat.send(city)
    else:
        await chat.press("Skip")
    await chat.send("github.com/zoe linkedin.com/in/zoe")
    await chat.press("Done")


@pytest.mark.parametrize("name", ["Zoë Łukasiewicz-Nguyễn", "王小明", "Ольга", "Will Smith"])
async def test_names_in_any_script_are_kept_exactly(engine: Engine, name: str) -> None:
    chat = Chat(engine, f"name-{name}")
    await _at_header(chat)
    await chat.send(name)
    contact = (await _stored(engine, chat))["contact"]
    assert contact["name"] == name  # type: ignore[index]


async def test_a_malformed_email_or_link_is_refused_and_nothing_is_stored(engine: Engine) -> None:
    chat = Chat(engine, "bad-email")
    await _at_header(chat)
    await chat.send("Zoë Łukasiewicz-Nguyễn")
    await chat.press("Use")
    for bad in ("zoe@", "zoe at example dot com", "zoe@localhost", "@example.com"):
        await chat.send(bad)
        assert "doesn't look like an email address" in chat.text, bad
        assert (await _stored(engine, chat))["contact"]["email"] == ""  # type: ignore[index]
    await chat.send("zoe@Example.COM")
    assert (await _stored(engine, chat))["contact"]["email"] == "zoe@example.com"  # type: ignore[index]
    await chat.press("Skip")  # phone
    await chat.press("Skip")  # city
    await chat.send("not a link, really")
    assert "not a web address" in chat.text
    assert (await _stored(engine, chat))["contact"]["links"] == []  # type: ignore[index]
    await chat.send("github.com/zoe, javascript:alert(1)")
    contact = (await _stored(engine, chat))["contact"]
    assert contact["links"] == ["https://github.com/zoe"]  # type: ignore[index]
    assert "javascript" in chat.text and "not a web address" in chat.text


async def test_a_malformed_phone_is_refused(engine: Engine) -> None:
    chat = Chat(engine, "bad-phone")
    await _at_header(chat)
    await chat.send("Ольга")
    await chat.press("Use")
    await chat.send("olga@example.ru")
    await chat.send("call me maybe")
    assert "doesn't look like a phone number" in chat.text
    await chat.send("+7 495 123-45-67")
    assert (await _stored(engine, chat))["contact"]["phone"] == "+7 495 123-45-67"  # type: ignore[index]


async def test_a_field_can_be_changed_later(engine: Engine) -> None:
    chat = Chat(engine, "change-1")
    await _at_header(chat)
    await _fill_header(chat, "Zoe Nguyen", "zoe@example.com", "+48 600 100 200", "Warsaw, Poland")
    assert "Your header" in chat.text and "zoe@example.com" in chat.text
    await chat.press("Change a field")
    await chat.press("Email")
    await chat.send("zoe.nguyen@example.com")
    assert "zoe.nguyen@example.com" in chat.text and "Your header" in chat.text


async def test_export_is_named_after_the_person_with_paper_by_phone_and_a_switch(
    engine: Engine,
) -> None:
    chat = Chat(engine, "paper-1")
    await _at_header(chat, "Mid")
    await _fill_header(chat, "Zoë Łukasiewicz-Nguyễn", "zoe@example.com", "+1 415 555 0100", "")
    await chat.press("Keep it")
    await chat.send(
        "Backend developer with 5 years of Python and Django building payment APIs for 2M users."
    )
    await chat.send("/export")
    files = [r.attachment for r in chat.last if r.attachment]
    assert [f.filename for f in files] == [
        "Zoe-Lukasiewicz-Nguyen-Resume.pdf",
        "Zoe-Lukasiewicz-Nguyen-Resume.docx",
        "Zoe-Lukasiewicz-Nguyen-Resume.md",
        "Zoe-Lukasiewicz-Nguyen-Resume.txt",
    ]
    pdf = pypdf.PdfReader(io.BytesIO(files[0].data))
    assert round(float(pdf.pages[0].mediabox.width)) == 612  # US Letter for a +1 phone
    assert "Zoë Łukasiewicz-Nguyễn" in pdf.pages[0].extract_text()
    assert "Paper size: US Letter" in chat.text
    await chat.press("Send as A4")
    pdf = pypdf.PdfReader(io.BytesIO(next(r.attachment for r in chat.last if r.attachment).data))
    assert round(float(pdf.pages[0].mediabox.width)) == 595
    assert (await _stored(engine, chat))["paper"] == "a4"  # remembered
    await chat.send("/export")
    pdf = pypdf.PdfReader(io.BytesIO(next(r.attachment for r in chat.last if r.attachment).data))
    assert round(float(pdf.pages[0].mediabox.width)) == 595


async def test_review_status_and_draft_count_the_header_and_education(engine: Engine) -> None:
    chat = Chat(engine, "review-1")
    await _at_header(chat, "Junior")
    await chat.press("Later")
    assert "Summary" in chat.text
    await chat.send(
        "Junior backend developer with 1 year of Node.js and PostgreSQL building REST APIs."
    )
    await chat.send("/status")
    assert "Header" in chat.text and "Education" in chat.text
    for _ in range(6):
        await chat.send("/next")
    assert "Review" in chat.text
    fixes = chat.text.split("Fix before you export:", 1)[1]
    assert fixes.startswith("\n1. Add your name and email")
    assert "2. Add your education" in fixes
    await chat.send("/back")
    await chat.send("/back")
    assert "Education" in chat.text
    await chat.send("BSc Computer Science, Tallinn University, Expected 2026\nGPA 3.8/4")
    await chat.send("/draft")
    assert "Tallinn University" in chat.text and "GPA 3.8/4" in chat.text


async def test_header_in_one_go_is_shown_in_the_draft(engine: Engine) -> None:
    chat = Chat(engine, "draft-1")
    await _at_header(chat)
    await _fill_header(chat, "王小明", "xiaoming@example.cn", "+86 10 1234 5678", "Beijing")
    await chat.send("/draft")
    for part in ("王小明", "xiaoming@example.cn", "github.com/zoe", "Beijing"):
        assert part in chat.text


async def test_a_skipped_title_stays_out_of_the_draft(engine: Engine) -> None:
    chat = Chat(engine, "no-title")
    await _at_header(chat)
    await chat.send("Zoë Nguyen")
    assert "Junior Backend Developer" in chat.text  # offered as a button, not taken
    await chat.send("/skip")
    await chat.send("/draft")
    assert "Zoë Nguyen" in chat.text
    assert "Backend Developer" not in chat.text
    assert (await _stored(engine, chat))["contact"]["title"] == ""  # type: ignore[index]


async def _at_step(chat: Chat, title: str) -> None:
    await _at_header(chat)
    while f"· {title}" not in chat.text:
        await chat.send("/skip")


async def test_the_skipped_note_says_how_to_put_a_step_back(engine: Engine) -> None:
    chat = Chat(engine, "skip-note")
    await _at_step(chat, "Projects")
    await chat.send("/skip")
    await chat.send("/back")
    assert "what you send now puts it back in your draft" in chat.text
    await chat.send("Parcel tracker, Go, PostgreSQL")
    await chat.send("Tracks 2,000 parcels a day for 3 shops")
    await chat.send("/draft")
    assert "Parcel tracker" in chat.text
    await chat.send("/skip")
    await chat.send("/back")
    assert "“Keep it, go on” puts it back" in chat.text
    await chat.press("Keep it, go on")
    await chat.send("/draft")
    assert "Parcel tracker" in chat.text


async def test_a_line_that_names_no_degree_is_asked_about_before_education(
    engine: Engine,
) -> None:
    chat = Chat(engine, "not-a-degree")
    await _at_step(chat, "Education")
    await chat.send("Parcel tracker, Go, PostgreSQL")
    assert "Add it to your education anyway?" in chat.text
    assert (await _stored(engine, chat))["education"] == []
    await chat.press("No")
    assert "didn't save it" in chat.text
    assert (await _stored(engine, chat))["education"] == []
    await chat.send("Self-taught through open-source work")
    await chat.press("Yes, use it")
    education = (await _stored(engine, chat))["education"]
    assert [e["header"] for e in education] == ["Self-taught through open-source work"]  # type: ignore[attr-defined]
    await chat.send("/skip")
    await chat.send("/back")
    await chat.press("Add another degree")
    await chat.send("BSc Computer Science, University of Warsaw, 2019–2023")
    assert "anyway" not in chat.text
    assert len((await _stored(engine, chat))["education"]) == 2  # type: ignore[arg-type]


async def test_a_degree_sent_as_a_certification_is_asked_about(engine: Engine) -> None:
    chat = Chat(engine, "degree-as-cert")
    await _at_step(chat, "Certifications")
    await chat.send("MSc Computer Science, AGH University, 2014–2019")
    assert "reads like a degree" in chat.text and "/back" in chat.text
    assert (await _stored(engine, chat))["certifications"] == []
    await chat.press("No")
    await chat.send("AWS Certified Developer – Associate, Amazon Web Services, 2022")
    assert "anyway" not in chat.text
    certifications = (await _stored(engine, chat))["certifications"]
    assert [c["header"] for c in certifications] == [  # type: ignore[attr-defined]
        "AWS Certified Developer – Associate, Amazon Web Services, 2022"
    ]
