"""Whole conversations through the engine, the way a user types them."""

from __future__ import annotations

import asyncio
import io
import re

import docx
import pytest

from bot.engine import Engine
from bot.flow import COMMANDS, NOT_COVERED
from bot.knowledge import shared_knowledge
from bot.store import UserKey
from bot.types import IncomingMessage
from tests.chat import Chat

TECH_WORDS = re.compile(r"\b(?:Go|Python|Kafka|Redis|PostgreSQL|Django|AWS|Kubernetes)\b")


async def _walk_to_summary(chat: Chat, level: str) -> None:
    await chat.send("/start")
    assert "experience level" in chat.text
    await chat.press(level)
    await chat.send("/skip")  # the header can wait (issue 13 asks for it right after the level)
    assert "Summary" in chat.text


async def test_junior_walks_the_whole_flow(engine: Engine, tmp_path: object) -> None:
    chat = Chat(engine, "junior-1")
    await _walk_to_summary(chat, "Junior")
    # A question mid-step is answered, the step prompt repeated, nothing stored.
    await chat.send("how long should my resume be?")
    assert "page" in chat.text.lower()
    assert "Summary" in chat.last[-1].text
    await chat.send(
        "Junior backend developer who built REST APIs with Node.js and PostgreSQL during an "
        "internship. Comfortable with authentication flows and writing integration tests."
    )
    assert "Summary:" in chat.text and "/100" in chat.text
    await chat.press("Keep it")
    assert "Skills" in chat.text
    await chat.send("nodejs, expres, postgres, docker, jest, git")
    assert "Node.js" in chat.text and "PostgreSQL" in chat.text
    await chat.press("Keep it")
    await chat.send("Backend Intern, Parcelly, 2024")
    assert "bullets" in chat.text.lower()
    await chat.send(
        "- Built REST endpoints in Express for parcel tracking used by 3 partner shops\n"
        "- Worked on bugs\n"
        "- Wrote 40 integration tests with Jest, catching 6 regressions before release"
    )
    assert ("[" in chat.text and "Across" in chat.text) or "/100" in chat.text
    await chat.press("Keep it")
    assert "Projects" in chat.text and "Advised" in chat.text
    await chat.send("Recipe API, Python, FastAPI, PostgreSQL")
    await chat.send("Designed a FastAPI service with JWT auth serving 2k recipes")
    await chat.press("Keep it")
    assert "Education" in chat.text
    await chat.send("BSc Computer Science, Tallinn University, 2021–2024")
    await chat.press("Done")
    await chat.press("Keep it")
    assert "Certifications" in chat.text
    await chat.press("Skip")
    assert "Review" in chat.text and "words" in chat.text
    await chat.press("Looks good")
    await chat.send("/export")
    names = [r.attachment.filename for r in chat.last if r.attachment]
    assert names == ["Resume.pdf", "Resume.docx", "Resume.md", "Resume.txt"]
    document = docx.Document(io.BytesIO(chat.last[1].attachment.data))  # type: ignore[union-attr]
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Parcelly" in body and "Node.js" in body and "Tallinn University" in body
    assert "how long should my resume be" not in body.lower()


async def test_mid_uses_back_skip_draft_and_a_guided_summary(engine: Engine) -> None:
    chat = Chat(engine, "mid-1")
    await _walk_to_summary(chat, "Mid")
    await chat.press("Build it with me")
    for answer in (
        "5",
        "Python, Django, PostgreSQL",
        "payment APIs",
        "cut checkout latency by 40%",
    ):
        assert "/4" in chat.text
        await chat.send(answer)
    assert "Summary score 0 →" in chat.text
    composed = chat.last[0].text
    assert "5 years" in composed and "40%" in composed
    assert "Python, Django and PostgreSQL" in composed
    await chat.press("Keep it")
    await chat.send("/skip")
    assert "Skipped the skills step" in chat.text and "Experience" in chat.text
    await chat.send("/back")
    assert "Skills" in chat.last[-1].text
    await chat.send("/draft")
    assert "payment APIs" in chat.text and "Backend Developer" in chat.text
    await chat.send("/status")
    assert "Summary" in chat.text and "/100" in chat.text


async def test_senior_guided_bullet_uses_only_the_users_facts(engine: Engine) -> None:
    chat = Chat(engine, "senior-1")
    await _walk_to_summary(chat, "Senior")
    await chat.send("/next")
    await chat.send("/next")
    await chat.send("Staff Engineer, Fintechy, 2019–now")
    await chat.send(
        "Responsible for the ledger service\n"
        "Led migration of 14 services to Kubernetes, cutting deploy time from 40 to 6 minutes\n"
        "Designed an event pipeline on Kafka handling 2M events per day"
    )
    await chat.press("Improve it with me")
    assert "bullet 1" in chat.text
    answers = {
        "action": "rebuilt the ledger service's reconciliation job",
        "tech": "Go and PostgreSQL",
        "result": "reducing nightly reconciliation from 3 hours to 20 minutes",
    }
    for answer in answers.values():
        await chat.send(answer)
    assert "Bullet score" in chat.text and "→" in chat.text
    composed = chat.last[0].text.split("\n", 1)[1]
    told = " ".join(answers.values())
    for number in re.findall(r"\d+", composed):
        assert number in told
    for tech in TECH_WORDS.findall(composed):
        assert tech in told
    await chat.send("/draft")
    assert "Rebuilt the ledger service" in chat.text
    assert "Responsible for the ledger service" not in chat.text


async def test_delete_erases_the_user(engine: Engine) -> None:
    chat = Chat(engine, "gone-1")
    await _walk_to_summary(chat, "Mid")
    await chat.send("Backend developer with 6 years building APIs in Go.")
    await chat.send("/delete")
    assert "yes" in chat.text
    await chat.send("yes")
    assert "erased" in chat.text
    counts = await engine.store.row_counts(_key(chat))
    assert sum(counts.values()) == 0


async def test_delete_is_cancelled_by_anything_but_yes(engine: Engine) -> None:
    chat = Chat(engine, "kept-1")
    await _walk_to_summary(chat, "Mid")
    await chat.send("Backend developer with 6 years building APIs in Go.")
    await chat.send("/delete")
    await chat.send("no way")
    assert "Cancelled" in chat.text
    await chat.send("/draft")
    assert "6 years" in chat.text


async def test_restart_asks_first(engine: Engine) -> None:
    chat = Chat(engine, "restart-1")
    await _walk_to_summary(chat, "Senior")
    await chat.send("Senior backend developer with 9 years in Java.")
    await chat.send("/restart")
    await chat.press("No")
    await chat.send("/draft")
    assert "9 years" in chat.text
    await chat.send("/restart")
    await chat.press("Yes")
    assert "experience level" in chat.text
    await chat.send("/draft")
    assert "empty" in chat.text


def _key(chat: Chat) -> object:
    from bot.store import UserKey

    return UserKey(chat.platform, chat.user_id)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "x" * 20_000,
        "🙂🚀 résumé ✨",
        "مطور خلفي مع خمس سنوات من الخبرة",
        "\x00\x07\x1b[31mred\x1b[0m",
        "<b>bold</b> *star* _under_ `tick` [link](http://x)",
        "/frobnicate",
        "/start@SomeOtherBot",
    ],
)
async def test_bad_input_gets_a_friendly_reply_and_loses_nothing(engine: Engine, text: str) -> None:
    chat = Chat(engine, "bad-1")
    await _walk_to_summary(chat, "Mid")
    await chat.send("Backend developer with 5 years of Python and Django building payment APIs.")
    await chat.press("Keep it")
    before = (await engine.store.load(_key(chat))).data  # type: ignore[arg-type,union-attr]
    replies = await chat.send(text)
    assert replies and all(r.text or r.buttons for r in replies)
    after = (await engine.store.load(_key(chat))).data  # type: ignore[arg-type,union-attr]
    assert after["summary"] == before["summary"]
    await chat.send("/draft")
    assert "payment APIs" in chat.text


async def test_unknown_command_gets_short_help(engine: Engine) -> None:
    chat = Chat(engine, "cmd-1")
    await chat.send("/frobnicate")
    assert "/help" in chat.text


async def test_stale_and_forged_buttons(engine: Engine) -> None:
    chat = Chat(engine, "stale-1")
    await chat.send("/start")
    old_level = chat.button("Junior").value
    await chat.press("Senior")
    await chat.send("/skip")
    await chat.send("Senior backend developer with 10 years in Go.")
    replies = await chat.press_value(old_level)
    assert "earlier message" in chat.text
    assert replies
    await chat.send("/status")
    assert "senior" in chat.text
    for forged in ["level:junior:999999", "nonsense", "::", "faq:not-a-topic:0", "x" * 500]:
        await chat.press_value(forged)
        assert chat.text
    await chat.send("/status")
    assert "senior" in chat.text


async def test_buttons_of_another_user_do_not_touch_my_data(engine: Engine) -> None:
    alice, bob = Chat(engine, "alice"), Chat(engine, "bob")
    await _walk_to_summary(alice, "Junior")
    await _walk_to_summary(bob, "Senior")
    await bob.send("Senior backend developer with 12 years building trading systems in C++.")
    value = bob.button("Keep it").value
    await alice.press_value(value)
    await bob.send("/draft")
    assert "12 years" in bob.text
    await alice.send("/draft")
    assert "12 years" not in alice.text


async def test_faq_command_lists_topics_as_buttons(engine: Engine) -> None:
    chat = Chat(engine, "faq-1")
    await chat.send("/faq")
    assert len(chat.last[0].buttons) == len(shared_knowledge().role().faq)
    await chat.press("How many pages")
    assert "page" in chat.text.lower()


async def test_a_question_the_guide_does_not_cover_is_not_guessed(engine: Engine) -> None:
    chat = Chat(engine, "nc-1")
    await chat.send("/start")
    await chat.press("Mid")
    await chat.send("/skip")
    await chat.send("should my resume list my publications?")
    assert chat.last[0].text == NOT_COVERED
    # Asked in the summary step, and not taken for a summary: the place is kept.
    assert "Step 2 of 9 · Summary" in chat.last[1].text
    stored = await engine.store.load(UserKey("console", "nc-1"))
    assert stored is not None and stored.data["summary"]["text"] == ""


async def test_help_lists_every_command(engine: Engine) -> None:
    chat = Chat(engine, "help-1")
    await chat.send("/help")
    for name in COMMANDS:
        assert f"/{name}" in chat.text


async def test_match_names_missing_keywords_in_the_postings_terms(engine: Engine) -> None:
    chat = Chat(engine, "match-1")
    await _walk_to_summary(chat, "Mid")
    await chat.send("Backend developer with 4 years of Python, Django and Postgres.")
    await chat.send("/match")
    await chat.send(
        "Requirements: Python, Django, PostgreSQL, Docker, NodeJS experience.\nNice to have: Kafka."
    )
    assert "Missing, required" in chat.text
    assert "NodeJS" in chat.text and "Docker" in chat.text
    assert chat.text.index("Docker") < chat.text.index("Kafka")


async def test_new_text_replaces_the_draft_and_can_be_restored(engine: Engine) -> None:
    chat = Chat(engine, "restore-1")
    await _walk_to_summary(chat, "Mid")
    await chat.send("First version: backend developer with 3 years of Go.")
    await chat.send("Second version: backend developer with 4 years of Go and Kafka.")
    await chat.send("/draft")
    assert "Second version" in chat.text and "First version" not in chat.text
    # A short text that isn't plainly a summary is asked about first (issue 12).
    await chat.send("Third version.")
    await chat.press("No")
    await chat.send("Third version: backend developer with 5 years of Go, Kafka and gRPC.")
    await chat.press("Restore previous")
    assert "Second version" in chat.text


async def test_fifty_messages_at_once_from_one_user(engine: Engine) -> None:
    chat = Chat(engine, "burst-1")
    await _walk_to_summary(chat, "Mid")
    await chat.send("/next")
    await chat.send("/next")
    await chat.send("Backend Developer, Acme, 2020–now")
    messages = [
        IncomingMessage("console", "burst-1", f"Built service {n} in Go serving {n}k requests")
        for n in range(50)
    ]
    results = await asyncio.gather(*(engine.handle(m) for m in messages))
    assert all(results)
    stored = await engine.store.load(_key(chat))  # type: ignore[arg-type]
    assert stored is not None
    # 50 replacements of the same draft: the last one wins and the turn counter saw every message.
    assert stored.data["turn"] >= 50 + 5
    assert len(stored.data["roles"][0]["bullets"]["history"]) == 5


async def test_a_thousand_users_at_once(engine: Engine) -> None:
    async def one(n: int) -> None:
        chat = Chat(engine, f"crowd-{n}")
        await chat.send("/start")
        await chat.press("Mid")
        await chat.send("/skip")
        await chat.send(f"Backend developer number {n} with 5 years of Go.")

    await asyncio.gather(*(one(n) for n in range(1000)))
    for n in (0, 499, 999):
        stored = await engine.store.load(_key(Chat(engine, f"crowd-{n}")))  # type: ignore[arg-type]
        assert stored is not None
        assert f"number {n} " in stored.data["summary"]["text"]


async def test_a_new_engine_on_the_same_database_continues_where_we_were(db_url: str) -> None:
    first = await Engine.open(db_url)
    try:
        chat = Chat(first, "restart-me")
        await _walk_to_summary(chat, "Senior")
        await chat.send("Senior backend developer with 9 years building ledgers in Go.")
        await chat.press("Keep it")
        await chat.send("Go, PostgreSQL, Kafka, AWS")
        await chat.press("Keep it")
        await chat.send("Staff Engineer, Ledgerly, 2019–now")
    finally:
        await first.close()
    second = await Engine.open(db_url)
    try:
        chat = Chat(second, "restart-me")
        await chat.send("/start")
        assert "Welcome back" in chat.text and "Experience" in chat.text
        assert "bullets for “Staff Engineer, Ledgerly, 2019–now”" in chat.text
        await chat.send("/draft")
        assert "9 years" in chat.text and "Kafka" in chat.text and "Ledgerly" in chat.text
    finally:
        await second.close()


async def test_two_engines_on_one_database_lose_no_update(db_url: str) -> None:
    # Two engines share nothing but the database, like two processes: the version check
    # makes each turn see the one before it.
    one, two = await Engine.open(db_url), await Engine.open(db_url)
    try:
        await one.handle(IncomingMessage("telegram", "shared", "/start"))
        sends = [
            (one if n % 2 else two).handle(IncomingMessage("telegram", "shared", f"/status {n}"))
            for n in range(40)
        ]
        await asyncio.gather(*sends)
        stored = await one.store.load(_key(Chat(one, "shared", platform="telegram")))
        assert stored is not None
        assert stored.data["turn"] == 41
    finally:
        await one.close()
        await two.close()


async def test_replies_say_when_the_coach_waits_for_typing(engine: Engine) -> None:
    chat = Chat(engine, "typing-1")
    await chat.send("/start")
    assert not any(r.asks_for_text for r in chat.last)  # the level is a menu
    await chat.press("Mid")
    assert chat.last[-1].asks_for_text  # the summary is typed
    await chat.send("/status")
    assert chat.last[-1].asks_for_text
