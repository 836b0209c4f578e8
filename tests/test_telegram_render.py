"""Replies as Telegram HTML: escaping, and splitting long replies into valid messages."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from adapters.telegram_render import MESSAGE_LIMIT, plain, render, split, utf16_len
from bot.types import Span
from tests.telegram_fake import HtmlError, _TelegramHtml, parse_telegram_html

# Letters, markup characters, whitespace of several kinds, accents, emoji and other astral
# characters (two UTF-16 units each), joiners and skin tones that build one emoji of several.
ALPHABET = st.sampled_from(
    [
        *"abcXYZ019 <>&*_\"'\n\t.,;",
        *("\n\n", "é", "e\u0301", "ß", "中", "\u00a0", "\u2028"),
        *("🚀", "𝔘", "👍🏽", "👩\u200d💻", "🇩🇪", "\U0001f600"),
    ]
)
TEXT = st.lists(ALPHABET, max_size=60).map("".join)
SPANS = st.lists(st.builds(Span, TEXT, st.booleans()), max_size=12)


def bold_flags(markup: str) -> list[bool]:
    """For every visible character of the HTML, whether it is inside <b>."""
    parser = _TelegramHtml()
    flags: list[bool] = []

    def data(text: str) -> None:
        flags.extend([parser.open.count("b") > 0] * len(text))

    parser.handle_data = data  # type: ignore[method-assign]
    parser.feed(markup)
    parser.close()
    return flags


def assert_chunks_valid(spans: list[Span], chunks: list[tuple[Span, ...]], limit: int) -> None:
    original = plain(spans)
    original_bold = [s.bold for s in spans for _ in s.text]
    position = 0
    for chunk in chunks:
        markup = render(chunk)
        visible = parse_telegram_html(markup)  # only Telegram's tags, balanced, all escaped
        assert visible == plain(chunk)
        assert visible.strip(), "never an empty message"
        assert utf16_len(visible) <= limit
        # Chunks follow each other in the original; only whitespace is left out between them.
        start = position
        while not original.startswith(visible, start):
            assert original[start].isspace(), (original, chunks)
            start += 1
        assert bold_flags(markup) == original_bold[start : start + len(visible)]
        position = start + len(visible)
    assert not original[position:].strip()


@settings(max_examples=300, deadline=None)
@given(SPANS, st.integers(min_value=2, max_value=120))
def test_split_chunks_are_valid_and_lose_only_whitespace(spans: list[Span], limit: int) -> None:
    chunks = split(spans, limit)
    assert_chunks_valid(spans, chunks, limit)
    if plain(spans).strip():
        assert chunks


@settings(max_examples=25, deadline=None)
@given(st.lists(st.builds(Span, st.text(min_size=200, max_size=3000), st.booleans()), max_size=8))
@example([Span("🚀" * 3000, bold=True)])
@example([Span("x" * 10_000)])
def test_real_limit_with_arbitrary_unicode(spans: list[Span]) -> None:
    assert_chunks_valid(spans, split(spans), MESSAGE_LIMIT)


def test_escapes_markup_and_bolds_spans() -> None:
    html = render((Span("a <b> & c"), Span("bold & <i>", bold=True), Span("")))
    assert html == "a &lt;b&gt; &amp; c<b>bold &amp; &lt;i&gt;</b>"


def test_short_reply_is_one_chunk_as_is() -> None:
    spans = [Span("Hello "), Span("world", bold=True)]
    assert split(spans) == [tuple(spans)]


def test_prefers_paragraphs_then_lines_then_spaces_then_hard() -> None:
    paragraph = " ".join(["word"] * 150)  # 749 characters
    text = f"{paragraph}\n\n{paragraph}\nline two\n\n{paragraph}"
    chunks = split([Span(text)], 1000)
    assert [plain(c) for c in chunks] == [paragraph, f"{paragraph}\nline two", paragraph]
    lines = split([Span("a" * 30 + "\n" + "b" * 30)], 40)
    assert [plain(c) for c in lines] == ["a" * 30, "b" * 30]
    spaces = split([Span("aaaa bbbb cccc")], 10)
    assert [plain(c) for c in spaces] == ["aaaa bbbb", "cccc"]
    hard = split([Span("x" * 25)], 10)
    assert [plain(c) for c in hard] == ["x" * 10, "x" * 10, "x" * 5]


def test_bold_span_across_a_split_is_closed_and_reopened() -> None:
    chunks = split([Span("intro "), Span("one two three four", bold=True)], 12)
    assert [render(c) for c in chunks] == ["intro <b>one</b>", "<b>two three</b>", "<b>four</b>"]


def test_counts_utf16_units_and_keeps_emoji_whole() -> None:
    assert utf16_len("a🚀é") == 4
    chunks = split([Span("🚀" * 5)], 4)
    assert [plain(c) for c in chunks] == ["🚀🚀", "🚀🚀", "🚀"]
    family = "👩\u200d💻"
    chunks = split([Span("ab" + family + family)], 6)
    assert "".join(plain(c) for c in chunks) == "ab" + family + family
    assert all(not plain(c).startswith("\u200d") for c in chunks)


def test_whitespace_only_gives_no_message() -> None:
    assert split([Span(" \n\n "), Span("\t", bold=True)]) == []
    assert split([]) == []


def test_limit_must_hold_an_astral_character() -> None:
    with pytest.raises(ValueError):
        split([Span("x")], 1)


@pytest.mark.parametrize(
    "markup",
    ["<b>open", "a < b", "fish & chips", "<div>x</div>", "</b>", "<b><i>x</b></i>", "<br/>"],
)
def test_the_checker_refuses_what_telegram_refuses(markup: str) -> None:
    with pytest.raises(HtmlError):
        parse_telegram_html(markup)
