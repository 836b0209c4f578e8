"""Discord message rendering: escaping, bold, splitting at 2,000, buttons per message."""

from __future__ import annotations

import logging
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.discord_render import (
    BUTTONS_ONLY,
    BUTTONS_PER_MESSAGE,
    MESSAGE_LIMIT,
    MORE_BUTTONS,
    custom_id,
    escape,
    label,
    message_len,
    plan,
    render,
    split,
)
from bot.types import Attachment, Button, Reply, Span, bold, reply

# Mostly characters that mean something to Discord, so escapes and cuts meet them often.
MARKDOWNISH = st.one_of(st.sampled_from(list("*_`~|\\>#-@[]():/ \n")), st.characters())
DOCX = Attachment("resume.docx", b"PK", "application/octet-stream")


def unescape(text: str) -> str:
    """What a reader sees: the escapes and the bold markers gone."""
    text = text.replace("\u200b", "")
    return re.sub(r"\\(.)|\*\*", lambda m: m.group(1) or "", text, flags=re.DOTALL)


def bold_markers(text: str) -> int:
    """How many ** in the text are markup, not escaped characters."""
    return sum(m.group() == "**" for m in re.finditer(r"\\.|\*\*", text, re.DOTALL))


def test_markdown_and_mentions_in_user_text_are_escaped() -> None:
    text = "**bold** _it_ `code` ~~gone~~ ||spoiler|| > quote\n# Title\n- item @everyone @here"
    escaped = escape(text)
    assert "\\*\\*bold\\*\\*" in escaped
    assert "\\_it\\_" in escaped and "\\`code\\`" in escaped
    assert "\\~\\~gone\\~\\~" in escaped and "\\|\\|spoiler\\|\\|" in escaped
    assert "\\# Title" in escaped and "\\- item" in escaped
    assert "@\u200beveryone" in escaped and "@\u200bhere" in escaped
    assert unescape(escaped) == text


def test_role_and_user_mentions_are_defused() -> None:
    assert escape("<@123456789012345678>") == "<@\u200b123456789012345678>"
    assert escape("<@&123456789012345678>") == "<@\u200b&123456789012345678>"


def test_a_lone_star_cannot_pair_with_a_bold_marker() -> None:
    rendered = render((Span("5 * 3 "), bold("Bold"), Span(" and a_b")))
    assert rendered == "5 \\* 3 **Bold** and a\\_b"


def test_text_in_link_syntax_is_escaped_too() -> None:
    # escape_markdown alone would leave the inside of [..](..) as it is.
    assert escape("[**x**](y) [z") == "\\[\\*\\*x\\*\\*](y) \\[z"


def test_links_stay_clickable() -> None:
    assert escape("see https://github.com/you/parcel_tracker") == (
        "see https://github.com/you/parcel_tracker"
    )


def test_bold_markers_hug_the_words() -> None:
    assert render((bold("Step 1 of 6 · Summary\n"), Span("Paste it"))) == (
        "**Step 1 of 6 · Summary**\nPaste it"
    )
    assert render((bold("  \n"), Span("x"))) == "  \nx"
    assert render((bold("a"), bold("b"), Span("c"))) == "**ab**c"


def test_short_text_is_one_message() -> None:
    assert split((Span("hello\n"),)) == ["hello"]
    assert split((Span("  \n "),)) == []


def test_split_prefers_paragraphs_then_lines_then_spaces() -> None:
    paragraphs = "\n\n".join(["a" * 60, "b" * 60, "c" * 60])
    assert split((Span(paragraphs),), limit=130) == ["a" * 60 + "\n\n" + "b" * 60, "c" * 60]
    lines = "\n".join(["a" * 60, "b" * 60, "c" * 60])
    assert split((Span(lines),), limit=130) == ["a" * 60 + "\n" + "b" * 60, "c" * 60]
    words = " ".join(["word"] * 40)
    chunks = split((Span(words),), limit=50)
    assert all(len(c) <= 50 and not c.startswith(" ") for c in chunks)
    assert " ".join(chunks) == words


def test_split_cuts_hard_when_there_is_no_space() -> None:
    chunks = split((Span("x" * 4500),))
    assert [len(c) for c in chunks] == [2000, 2000, 500]


def test_escapes_count_towards_the_limit() -> None:
    chunks = split((Span("*" * 3000),))
    assert all(message_len(c) <= MESSAGE_LIMIT for c in chunks)
    assert sum(c.count("*") for c in chunks) == 3000


def test_emoji_are_counted_in_utf16_and_kept_whole() -> None:
    chunks = split((Span("👍🏽" * 1000),))
    assert all(message_len(c) <= MESSAGE_LIMIT for c in chunks)
    assert all(not c.startswith("\U0001f3fd") for c in chunks)
    assert "".join(chunks) == "👍🏽" * 1000


def test_bold_stays_balanced_across_a_split() -> None:
    chunks = split((bold("x " * 1500), Span("tail")), limit=MESSAGE_LIMIT)
    assert len(chunks) == 2
    for chunk in chunks:
        assert bold_markers(chunk) % 2 == 0
    assert chunks[0].startswith("**") and chunks[0].endswith("**")


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(MARKDOWNISH, max_size=700), st.booleans()),
        min_size=1,
        max_size=12,
    ),
    st.integers(min_value=16, max_value=300),
)
def test_every_chunk_fits_and_no_text_is_lost(parts: list[tuple[str, bool]], limit: int) -> None:
    spans = tuple(Span(text, bold=flag) for text, flag in parts)
    chunks = split(spans, limit=limit)
    assert all(message_len(c) <= limit for c in chunks)
    # Bold markers (not escaped stars) come in pairs in every message.
    assert all(bold_markers(c) % 2 == 0 for c in chunks)
    seen = "".join(unescape(c) for c in chunks)
    original = "".join(text for text, _ in parts).replace("\u200b", "")
    # Only whitespace at the cuts may go (and the zero-width space mentions get).
    assert re.sub(r"\s", "", seen) == re.sub(r"\s", "", original)


def test_custom_ids_carry_the_value_within_100_characters() -> None:
    assert custom_id("level:mid:3") == "rc:level:mid:3"
    assert custom_id("x" * 97) == "rc:" + "x" * 97
    assert custom_id("x" * 98) is None
    assert label("a" * 100) == "a" * 79 + "…"
    assert label("  two\nlines ") == "two lines"


def test_plan_puts_buttons_under_the_end_of_their_reply() -> None:
    long = reply("para\n\n" * 500, buttons=(Button("Go", "next::1"),))
    messages = plan([long, reply("question?")], write_button=True)
    assert [m.buttons for m in messages[:-2]] == [()] * (len(messages) - 2)
    assert messages[-2].buttons == (Button("Go", "next::1"),)
    assert messages[-1].content == "question?" and messages[-1].write
    assert not any(m.write for m in messages[:-1])


def test_plan_spreads_many_buttons_and_leaves_out_too_long_ones(
    caplog: pytest.LogCaptureFixture,
) -> None:
    buttons = tuple(Button(f"Q{n}", f"faq:topic-{n}:0") for n in range(30))
    too_long = Button("Too long", "faq:" + "x" * 120 + ":0")
    with caplog.at_level(logging.WARNING):
        messages = plan([reply("Pick one:", buttons=(*buttons, too_long))], write_button=True)
    assert [len(m.buttons) for m in messages] == [BUTTONS_PER_MESSAGE, 5]
    assert messages[1].content == MORE_BUTTONS
    assert messages[1].write
    assert "left out a button" in caplog.text


def test_plan_files_and_buttons_only() -> None:
    export = plan([reply("Here it is.", attachment=DOCX), reply("Done.")], write_button=True)
    assert export[0].attachment == DOCX and export[0].content == "Here it is."
    # A turn that hands over files ends there: no "Write it here" under it.
    assert not any(m.write for m in export)
    bare = plan([Reply(buttons=(Button("Yes", "confirm:yes:1"),))])
    assert bare[0].content == BUTTONS_ONLY
    file_only = plan([Reply(attachment=DOCX)])
    assert file_only[0].content == "" and file_only[0].attachment == DOCX
