"""The Telegram adapter on the real python-telegram-bot, talking HTTP to a fake Bot API server."""

from __future__ import annotations

import asyncio
import io
import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import docx
import pytest

from adapters import telegram_send
from adapters.telegram_bot import ALREADY_PRESSED, APOLOGY, PLEASE_SEND_TEXT
from adapters.telegram_delivery import POLL_TIMEOUT_SECONDS
from adapters.telegram_render import MESSAGE_LIMIT, utf16_len
from bot.documents import FILE_TOO_BIG, FILE_TYPES
from bot.engine import Engine
from bot.flow import COMMANDS
from bot.store import UserKey
from bot.types import Attachment, Button, Reply, Span
from tests.telegram_fake import (
    BOT_USERNAME,
    GROUP_ID,
    TOKEN,
    USER_ID,
    Call,
    FakeBotApi,
    RunningBot,
    fake_bot_api,
    parse_telegram_html,
    running_bot,
)
from tests.test_pasting import FIRST_PART, SECOND_PART
from tests.upload_files import BAD, GOOD

DATA = Path(__file__).resolve().parent / "data" / "analysis" / "resumes"
SUMMARY = (
    "Backend developer with 4 years of Python and Django experience, building REST APIs "
    "on PostgreSQL for <b>payments</b> & billing *at scale*; cut p95 latency by 40%."
)
HTML_TAGS = {"b", "i", "u", "s", "code", "pre", "a"}


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotApi]:
    async with fake_bot_api() as server:
        yield server


async def _run(fake: FakeBotApi, engine: Engine) -> AsyncIterator[RunningBot]:
    async with running_bot(fake, engine) as running:
        yield running
    # A handler that raised fails the test, unless the test expected it and cleared the list.
    assert not running.errors, running.errors
    # Every message the bot sent was valid Telegram HTML within the length limit.
    for call in fake.sent():
        assert_valid_message(call)


@pytest.fixture
async def bot(fake: FakeBotApi, sqlite_engine: Engine) -> AsyncIterator[RunningBot]:
    async for running in _run(fake, sqlite_engine):
        yield running


@pytest.fixture
async def bot_on_each_db(fake: FakeBotApi, engine: Engine) -> AsyncIterator[RunningBot]:
    async for running in _run(fake, engine):
        yield running


def assert_valid_message(call: Call) -> None:
    """Only Telegram's tags, balanced, nothing unescaped, at most 4,096 visible UTF-16 units."""
    if call.params.get("parse_mode") == "HTML":
        visible = parse_telegram_html(call.text)
        tags = {tag.strip("</>").split()[0] for tag in _tags(call.text)}
        assert tags <= HTML_TAGS, tags
    else:
        visible = call.text
    limit = 1024 if call.method == "sendDocument" else MESSAGE_LIMIT
    assert utf16_len(visible) <= limit


def _tags(markup: str) -> list[str]:
    import re

    return re.findall(r"</?[a-z]+[^>]*>", markup)


async def _turn(fake: FakeBotApi, text: str, last: str, user_id: int = USER_ID) -> list[Call]:
    """Send a message; the bot's messages up to the one containing ``last``."""
    since = fake.mark()
    fake.send_text(text, user_id)
    await fake.wait_call("sendMessage", last, since)
    return fake.sent(since)


async def test_walkthrough_start_level_summary_faq_draft_export(
    fake: FakeBotApi, bot_on_each_db: RunningBot, engine: Engine
) -> None:
    # Set-up: the command menu is the engine's, polling asks only for what is handled.
    commands = await fake.wait_call("setMyCommands")
    assert {c["command"]: c["description"] for c in commands.params["commands"]} == COMMANDS
    poll = await fake.wait_for(lambda c: c.method == "getUpdates", answered=False)
    assert int(poll.params["timeout"]) == POLL_TIMEOUT_SECONDS
    assert poll.params["allowed_updates"] == ["message", "callback_query"]
    webhook = await fake.wait_call("deleteWebhook")
    assert webhook.params.get("drop_pending_updates") in (None, "False", "false")

    sent = await _turn(fake, "/start", "experience level")
    assert "resume coach" in sent[0].visible
    assert "<b>Hi! I'm your resume coach" in sent[0].text  # the bold span is rendered bold
    level_prompt = sent[-1]
    assert [label for label, _ in level_prompt.buttons] == ["Junior", "Mid", "Senior"]
    assert all(len(data.encode()) <= 64 for _, data in level_prompt.buttons)

    since = fake.mark()
    query_id = fake.press(level_prompt, level_prompt.button("Mid"))
    await fake.wait_call("sendMessage", "full name", since)
    answer = await fake.wait_call("answerCallbackQuery", since=since)
    assert answer.params["callback_query_id"] == query_id
    removal = await fake.wait_call("editMessageReplyMarkup", since=since)
    assert int(removal.params["message_id"]) == level_prompt.result["message_id"]
    assert "reply_markup" not in removal.params
    assert "reply_markup" not in fake.messages[(USER_ID, level_prompt.result["message_id"])]
    # The keyboard went away before the engine's answer was sent.
    methods = [c.method for c in fake.calls[since:] if c.method != "getUpdates"]
    assert methods.index("editMessageReplyMarkup") < methods.index("sendMessage")
    assert any("Mid level, noted." in c.visible for c in fake.sent(since))

    await _turn(fake, "/skip", "Paste your summary")  # the header can wait
    analysis = (await _turn(fake, SUMMARY, "Summary"))[-1]
    assert analysis.buttons, "the analysis offers what to do next"

    faq = await _turn(fake, "how long should my resume be?", "Your summary now")
    assert "page" in " ".join(c.visible for c in faq).casefold()

    draft = (await _turn(fake, "/draft", "Your draft"))[-1]
    assert SUMMARY.split(";")[0] in draft.visible
    # The user's own markup characters arrive escaped, never as formatting.
    assert "&lt;b&gt;payments&lt;/b&gt; &amp; billing *at scale*" in draft.text

    since = fake.mark()
    fake.send_text("/export")
    await fake.wait_call("sendMessage", "Not written yet", since)
    documents = [c for c in fake.sent(since) if c.method == "sendDocument"]
    assert [c.files["document"][0] for c in documents] == [
        "Resume.pdf",
        "Resume.docx",
        "Resume.md",
        "Resume.txt",
    ]
    assert documents[0].params["caption"] == "Here is your resume as Resume.pdf."
    word = docx.Document(io.BytesIO(documents[1].files["document"][1]))
    assert any("Backend developer with 4 years" in p.text for p in word.paragraphs)

    # The engine keeps this person under the Telegram user id.
    assert await engine.store.load(UserKey("telegram", str(USER_ID))) is not None


async def test_every_reply_fits_and_is_valid_html_for_huge_input(
    fake: FakeBotApi, bot: RunningBot
) -> None:
    await _turn(fake, "/start", "experience level")
    await _turn(fake, "mid", "full name")
    await _turn(fake, "/skip", "Paste your summary")
    line = "Built <APIs> & *queues* in Go 🚀 for 𝔘nicode users; "
    huge = (line * (10_000 // len(line) + 1))[:10_000]
    assert len(huge) == 10_000
    sent = await _turn(fake, huge, "10,000 characters")
    sent += await _turn(fake, "/review " + huge, "Your resume so far")

    # A draft well over one message: it is split, and nothing of it is lost.
    summary = " ".join(f"Sentence {n} about Python APIs <&> on PostgreSQL." for n in range(80))
    skills = ", ".join(f"Skill{n} & <tool{n}>" for n in range(180))
    assert len(summary) < 4000 and len(skills) < 4000
    await _turn(fake, summary, "Summary")
    await _turn(fake, "/next", "Step 3 of 9")
    await _turn(fake, skills, "Skills")
    since = fake.mark()
    fake.send_text("/draft")
    await fake.wait_call("sendMessage", "Your draft", since)
    # The next turn's reply comes after every chunk of the draft.
    await _turn(fake, "/status", "Progress")
    everything = fake.sent(since)
    draft = everything[: next(i for i, c in enumerate(everything) if "Progress" in c.visible)]
    assert len(draft) >= 2
    assert "Skill179" in draft[-1].visible
    for call in [*sent, *draft]:
        assert_valid_message(call)
    joined = "".join(c.visible for c in draft)
    assert "".join(summary.split()) in "".join(joined.split())


async def test_markup_characters_from_the_user_arrive_escaped(
    fake: FakeBotApi, bot: RunningBot
) -> None:
    await _turn(fake, "/start", "experience level")
    await _turn(fake, "/skip", "full name")
    await _turn(fake, "/skip", "Paste your summary")
    await _turn(fake, "/skip", "Send your skills")
    prompt = await _turn(fake, "/skip", "Send one job")
    assert prompt
    sent = await _turn(fake, "Backend <b>Dev</b> & Co *star*, Acme, 2021–now", "bullets for")
    echo = sent[-1]
    assert "Backend &lt;b&gt;Dev&lt;/b&gt; &amp; Co *star*, Acme" in echo.text
    assert "Backend <b>Dev</b> & Co *star*, Acme" in echo.visible


async def test_cant_parse_entities_falls_back_to_plain_text(
    fake: FakeBotApi, bot: RunningBot
) -> None:
    fake.fail_next("sendMessage", 400, "Bad Request: can't parse entities: unsupported tag")
    since = fake.mark()
    fake.send_text("/start")
    await fake.wait_call("sendMessage", "experience level", since)
    attempts = [c for c in fake.calls[since:] if c.method == "sendMessage"]
    refused, plain = attempts[0], attempts[1]
    assert refused.status == 400 and refused.params["parse_mode"] == "HTML"
    assert plain.ok and "parse_mode" not in plain.params
    assert plain.text == parse_telegram_html(refused.text)
    assert plain.text.startswith("Hi! I'm your resume coach")


@pytest.mark.filterwarnings("ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning")
async def test_429_waits_for_retry_after_then_sends(fake: FakeBotApi, bot: RunningBot) -> None:
    fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    since = fake.mark()
    fake.send_text("/help")
    await fake.wait_call("sendMessage", "What I can do", since)
    attempts = [c for c in fake.calls[since:] if c.method == "sendMessage"]
    assert attempts[0].status == 429 and attempts[1].ok
    assert attempts[1].text == attempts[0].text
    assert attempts[1].at - attempts[0].at >= 1.0


async def test_server_error_is_retried(fake: FakeBotApi, bot: RunningBot) -> None:
    fake.fail_next("sendMessage", 500, "Internal Server Error")
    fake.fail_next("answerCallbackQuery", 500, "Internal Server Error")
    since = fake.mark()
    fake.send_text("/start")
    prompt = await fake.wait_call("sendMessage", "experience level", since)
    attempts = [c for c in fake.calls[since:] if c.method == "sendMessage"]
    assert attempts[0].status == 500 and attempts[1].ok and attempts[1].text == attempts[0].text
    # A failed answer to a button press does not stop the press from working.
    since = fake.mark()
    fake.press(prompt, prompt.button("Senior"))
    await fake.wait_call("sendMessage", "Senior level, noted.", since)


async def test_polling_survives_the_api_going_away(fake: FakeBotApi, bot: RunningBot) -> None:
    polling_failed = asyncio.Event()

    class Watch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if "polling for updates" in record.getMessage():
                polling_failed.set()

    watch = Watch()
    updater_log = logging.getLogger("adapters.telegram_delivery")
    updater_log.addHandler(watch)
    try:
        await fake.stop()  # open connections reset, then connection refused
        await asyncio.wait_for(polling_failed.wait(), 15)
        await fake.start()  # the same port again
        await _turn(fake, "/help", "What I can do")
    finally:
        updater_log.removeHandler(watch)


async def test_double_press_acts_once_and_stale_buttons_do_nothing(
    fake: FakeBotApi, bot: RunningBot
) -> None:
    prompt = (await _turn(fake, "/start", "experience level"))[-1]
    since = fake.mark()
    first = fake.press(prompt, prompt.button("Junior"))
    second = fake.press(prompt, prompt.button("Senior"))
    note = await fake.wait_for(
        lambda c: c.method == "answerCallbackQuery" and c.params.get("text") == ALREADY_PRESSED,
        since,
    )
    assert note.params["callback_query_id"] == second
    await fake.wait_call("sendMessage", "full name", since)
    # A later message is a barrier: every earlier update of this chat is fully handled by then.
    await _turn(fake, "/status", "Progress")
    answered = [
        c.params["callback_query_id"]
        for c in fake.calls[since:]
        if c.method == "answerCallbackQuery"
    ]
    assert sorted(answered) == sorted([first, second])
    texts = [c.visible for c in fake.sent(since)]
    assert sum("level, noted" in t for t in texts) == 1
    assert "Junior level, noted." in texts
    assert [c.method for c in fake.calls[since:]].count("editMessageReplyMarkup") == 1

    # A press on a button of an earlier message: the engine leaves things as they are.
    header_prompt = next(c for c in fake.sent(since) if "full name" in c.visible)
    await _turn(fake, "/skip", "Paste your summary")
    await _turn(fake, SUMMARY, "Summary")
    since = fake.mark()
    fake.press(header_prompt, header_prompt.button("Skip"))
    await fake.wait_call("sendMessage", "earlier message", since)
    status = await _turn(fake, "/status", "Progress")
    assert any("→ Summary" in c.visible for c in status)


async def test_non_text_messages_get_a_note_and_never_reach_the_engine(
    fake: FakeBotApi, bot: RunningBot, sqlite_engine: Engine
) -> None:
    since = fake.mark()
    fake.send_sticker()
    fake.send_location()
    fake.send_text("/start", edited=True)
    fake.send_text("/start", from_bot=True)
    fake.send_document("resume.odt", b"PK...", "application/vnd.oasis.opendocument.text")
    fake.send_document("resume.txt", b"x" * 10, declared_size=300_000)
    await fake.wait_call("sendMessage", FILE_TOO_BIG, since)
    # Updates of one chat are handled in order, so the earlier ones are done by now.
    texts = [c.visible for c in fake.sent(since)]
    assert texts == [PLEASE_SEND_TEXT, PLEASE_SEND_TEXT, FILE_TYPES, FILE_TOO_BIG]
    assert "200 KB" in FILE_TOO_BIG
    assert not [c for c in fake.calls[since:] if c.method in {"getFile", "download"}]
    assert await sqlite_engine.store.load(UserKey("telegram", str(USER_ID))) is None


async def test_txt_and_docx_documents_are_reviewed(fake: FakeBotApi, bot: RunningBot) -> None:
    resume = (DATA / "junior-node.txt").read_bytes()
    since = fake.mark()
    fake.send_document("cv.txt", resume)
    review = await fake.wait_call("sendMessage", "Your resume so far", since)
    assert "Kvetina Flowers" in review.visible or "words" in review.visible
    methods = [c.method for c in fake.calls[since:] if c.method != "getUpdates"]
    assert methods[:2] == ["getFile", "download"]

    document = docx.Document()
    for line in resume.decode().splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    since = fake.mark()
    fake.send_document(
        "cv.docx",
        buffer.getvalue(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    second = await fake.wait_call("sendMessage", "Your resume so far", since)
    assert second.visible == review.visible

    since = fake.mark()
    fake.send_document("broken.docx", b"not a zip archive")
    await fake.wait_call("sendMessage", "couldn't open that .docx", since)


async def test_group_commands_get_an_invitation_and_nothing_else(
    fake: FakeBotApi, bot: RunningBot, sqlite_engine: Engine
) -> None:
    since = fake.mark()
    fake.send_group_text("hello everyone, who can review my resume?")
    fake.send_group_text("/start")  # not addressed to this bot
    fake.send_group_text("/start@SomeOtherBot")
    fake.send_group_text(f"/start@{BOT_USERNAME}")
    fake.send_group_text(f"/review @{BOT_USERNAME} my resume text")
    fake.send_group_text("/help", reply_to_bot=True)

    def invitations() -> list[Call]:
        return [c for c in fake.sent(since) if "t.me/" in c.text]

    await fake.wait_until(lambda: len(invitations()) >= 3)
    # A private message afterwards: by its reply, every group update has been handled.
    await _turn(fake, "/help", "What I can do", user_id=USER_ID + 1)
    group = [c for c in fake.sent(since) if int(c.params["chat_id"]) == GROUP_ID]
    assert len(group) == 3
    for call in group:
        assert f"https://t.me/{BOT_USERNAME}" in call.text
        assert "personal" in call.text
        assert all(data.startswith("https://t.me/") for _, data in call.buttons)
    assert await sqlite_engine.store.load(UserKey("telegram", str(USER_ID))) is None


async def test_a_failing_turn_is_logged_without_text_and_apologised_for(
    fake: FakeBotApi,
    bot: RunningBot,
    sqlite_engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret = "my secret resume line 42"

    async def broken(_message: object) -> None:
        raise RuntimeError(secret)

    monkeypatch.setattr(sqlite_engine, "handle", broken)
    caplog.set_level(logging.INFO)
    since = fake.mark()
    fake.send_text(secret)
    await fake.wait_call("sendMessage", APOLOGY, since)
    monkeypatch.undo()
    # A turn of the same chat afterwards: the error handlers have finished by then.
    await _turn(fake, "/help", "What I can do")
    assert [type(e) for e in bot.errors] == [RuntimeError]
    bot.errors.clear()
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "handling an update failed: RuntimeError" in logged
    assert secret not in logged
    assert TOKEN not in logged and TOKEN.partition(":")[2] not in logged


async def test_long_replies_buttons_only_replies_and_files(
    fake: FakeBotApi,
    bot: RunningBot,
    sqlite_engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    long_text = "\n".join(f"Line {n}: " + "word " * 30 for n in range(60))
    assert len(long_text) > 2 * MESSAGE_LIMIT
    long_caption = "A caption far longer than Telegram allows under a file. " * 25
    replies = [
        Reply((Span(long_text),), (Button("Go on", "next::1"), Button("Big", "x" * 65))),
        Reply(buttons=(Button("Only a button", "next::2"),)),
        Reply((Span(long_caption),), attachment=Attachment("notes.txt", b"hello", "text/plain")),
        Reply(
            (Span("Short <caption> & more", bold=True),),
            attachment=Attachment("r.md", b"# r", "text/markdown"),
        ),
    ]

    async def canned(_message: object) -> list[Reply]:
        return replies

    monkeypatch.setattr(sqlite_engine, "handle", canned)
    since = fake.mark()
    fake.send_text("anything")
    await fake.wait_for(lambda c: c.method == "sendDocument" and c.text != "" and c.ok, since)
    sent = fake.sent(since)
    chunks = [c for c in sent if c.visible.startswith("Line") or c.visible[:1].isdigit()]
    assert len(chunks) == 3
    assert " ".join(c.visible for c in chunks).split() == long_text.split()
    # The buttons go under the last chunk only; the oversized one is left out.
    assert [c.buttons for c in chunks] == [[], [], [("Go on", "next::1")]]
    only = next(c for c in sent if c.buttons == [("Only a button", "next::2")])
    assert only.visible == telegram_send.BUTTONS_ONLY
    # A caption over 1,024 characters goes first as a message, the file follows bare.
    text_then_file = [c for c in sent if "caption far longer" in c.visible or c.files]
    assert [c.method for c in text_then_file] == ["sendMessage", "sendDocument", "sendDocument"]
    assert text_then_file[1].files["document"] == ("notes.txt", b"hello")
    assert "caption" not in text_then_file[1].params
    last = text_then_file[2]
    assert last.files["document"] == ("r.md", b"# r")
    assert last.params["caption"] == "<b>Short &lt;caption&gt; &amp; more</b>"
    assert last.params["parse_mode"] == "HTML"


async def test_a_caption_telegram_cannot_parse_is_sent_plain(
    fake: FakeBotApi, bot: RunningBot, sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    reply = Reply(
        (Span("Your <resume> & more", bold=True),),
        attachment=Attachment("r.md", b"# r", "text/markdown"),
    )

    async def canned(_message: object) -> list[Reply]:
        return [reply]

    monkeypatch.setattr(sqlite_engine, "handle", canned)
    fake.fail_next("sendDocument")
    since = fake.mark()
    fake.send_text("anything")
    await fake.wait_for(lambda c: c.method == "sendDocument" and c.ok, since)
    refused, sent = [c for c in fake.calls[since:] if c.method == "sendDocument"]
    assert refused.status == 400 and refused.params["parse_mode"] == "HTML"
    assert sent.files["document"] == ("r.md", b"# r")
    assert sent.params["caption"] == "Your <resume> & more"
    assert "parse_mode" not in sent.params


async def test_long_callback_data_is_left_out(caplog: pytest.LogCaptureFixture) -> None:
    markup = telegram_send.keyboard((Button("ok", "next::3"), Button("long", "x" * 65)))
    assert markup is not None
    assert [[b.text for b in row] for row in markup.inline_keyboard] == [["ok"]]
    assert "65 bytes" in caplog.text
    assert telegram_send.keyboard((Button("empty", ""),)) is None
    assert telegram_send.keyboard((Button("long", "é" * 33),)) is None


async def test_the_fake_decodes_json_form_and_multipart_bodies(fake: FakeBotApi) -> None:
    fake.send_text("hi")  # so the fake knows the chat
    url = f"{fake.base_url}{fake.token}/sendMessage"
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": "a::1"}]]}
    async with aiohttp.ClientSession() as session:
        body = {"chat_id": USER_ID, "text": "json <b>x</b>", "parse_mode": "HTML"}
        async with session.post(url, json={**body, "reply_markup": markup}) as response:
            assert response.status == 200
        form = {"chat_id": str(USER_ID), "text": "form", "reply_markup": json.dumps(markup)}
        async with session.post(url, data=form) as response:
            assert response.status == 200
        parts = aiohttp.FormData()
        parts.add_field("chat_id", str(USER_ID))
        parts.add_field("document", b"bytes", filename="f.txt", content_type="text/plain")
        async with session.post(
            f"{fake.base_url}{fake.token}/sendDocument", data=parts
        ) as response:
            assert response.status == 200
        async with session.post(f"{fake.base_url}wrong/getMe") as response:
            assert response.status == 401
    json_call, form_call, multipart_call = fake.calls[:3]
    assert json_call.visible == "json x" and json_call.buttons == [("A", "a::1")]
    assert form_call.text == "form" and form_call.buttons == [("A", "a::1")]
    assert multipart_call.files == {"document": ("f.txt", b"bytes")}


@pytest.mark.parametrize("kind", ["pdf", "docx", "md", "txt"])
async def test_a_resume_file_of_every_kind_is_reviewed(
    fake: FakeBotApi, bot: RunningBot, kind: str
) -> None:
    name, data = GOOD[kind]
    since = fake.mark()
    fake.send_document(name, data)
    review = await fake.wait_call("sendMessage", "Your resume so far", since)
    assert "Experience" in review.visible and "/100" in review.visible
    methods = [c.method for c in fake.calls[since:] if c.method != "getUpdates"]
    assert methods[:2] == ["getFile", "download"]


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
async def test_a_bad_file_gets_one_sentence_and_nothing_is_stored(
    fake: FakeBotApi, bot: RunningBot, sqlite_engine: Engine, case: str
) -> None:
    name, data, declared, told, downloaded = BAD[case]
    since = fake.mark()
    fake.send_document(name, data, declared_size=declared)
    answer = await fake.wait_call("sendMessage", told[:30], since)
    assert answer.visible == told
    methods = {c.method for c in fake.calls[since:]}
    assert ("download" in methods) is downloaded
    assert await sqlite_engine.store.load(UserKey("telegram", str(USER_ID))) is None


async def _waiting_for_a_posting(fake: FakeBotApi) -> None:
    await _turn(fake, "/start", "experience level")
    await _turn(fake, "mid", "full name")
    await _turn(fake, "/skip", "Paste your summary")
    await _turn(fake, "/match", "Paste the job posting")


async def test_a_paste_telegram_split_in_two_is_answered_once(
    fake: FakeBotApi, bot: RunningBot
) -> None:
    await _waiting_for_a_posting(fake)
    since = fake.mark()
    fake.send_text(FIRST_PART)
    fake.send_text(SECOND_PART)
    answer = await fake.wait_call("sendMessage", "Match with the posting", since)
    assert "Kubernetes" in answer.visible  # named only in the second part
    await _turn(fake, "/status", "Progress")
    matches = [c for c in fake.sent(since) if "Match with the posting" in c.visible]
    assert len(matches) == 1


async def test_a_long_message_alone_is_answered_after_a_moment(
    fake: FakeBotApi, bot: RunningBot
) -> None:
    await _waiting_for_a_posting(fake)
    since = fake.mark()
    fake.send_text(FIRST_PART)
    answer = await fake.wait_call("sendMessage", "Match with the posting", since)
    assert "Docker" in answer.visible
