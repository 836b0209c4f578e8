"""Text pasted from a PDF or a Word file, read into blocks.

Bullets come in many marks (•, ▪, ◦, –, *), headings in capitals, and a PDF breaks a long
bullet over several lines: a line that plainly continues the one before is joined to it.
"""

from __future__ import annotations

import re

from bot.documents.blocks import Block
from bot.documents.pages import t1_punctuation, without_running_lines

# A lower-case "o" is the second level of Word's bullets, pasted as a letter.
_ITEM = re.compile(r"^\s*(?:[-*•·▪●◦‣–—+○■□➢➤►✓✔o]|\d{1,2}[.)])\s+")
_GLYPH_ITEM = re.compile(r"^\s*[•·▪●◦‣○■□➢➤►✓✔o]\s+")
# Any other symbol alone before the text, from arrows to dingbats: icon fonts draw bullets with
# arrows, angles and stars. Not an emoji: "📞 +1 555…" is a phone number, "🧑‍💻 Work" a heading.
_SYMBOL_ITEM = re.compile(r"^\s*([^\x00-\x7f\w\s])\s+(?=\S)")
_ARROWS_TO_DINGBATS = (0x2190, 0x2BFF)
_ATX = re.compile(r"^#{1,6}\s+")
_UNDERLINE = re.compile(r"^([=\-~^*#+`'\"])\1{2,}$")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,2}(?:\s*(?:/|of)\s*\d{1,2})?$", re.I)
_CAPITALS = re.compile(r"^[^a-z]*[A-Z]{2}[^a-z]*$")
# A line that ends mid-sentence: the next one is its continuation if it starts in lower case.
_OPEN_END = re.compile(
    r"(?:[,&/(–-]|\b(?:and|or|with|of|to|for|the|a|an|in|on|at|by|as|from|into|via|using|"
    r"including))$",
    re.I,
)
# A leader between two parts of a line ("Acme, Engineer ------ Boston"): a row typed out.
_LEADER = re.compile(r"(?<=\S)\s*(?:-{4,}|\.{4,}|_{4,}|·{4,})\s*(?=\S)")
_WRAP_WIDTH = 70
# A text wrapped at a width: enough lines, a quarter of them within this many characters of it.
_WRAPPED_LINES_AT_LEAST = 12
_NEAR_WIDTH = 15
_YEARISH = re.compile(r"\b(?:19|20)\d\d\b")
_SHORT_NAME = 3
_DATE_END = re.compile(r"(?:\b(?:19|20)\d\d|\bpresent|\bnow)\W*$", re.I)
_FEWEST_WORDS = 2
# Lines cut by the page are long; a short line (a name, a city) is never continued.
_SHORTEST_WRAPPED = 40
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2060\ufeff]")


def pasted_blocks(text: str) -> list[Block]:
    """The blocks of plain text as people paste it."""
    blocks: list[Block] = []
    indent = 0
    # A blank line before a line: it starts a block of its own (a heading, in text from Word).
    blank = False
    # Where the text of the last list item starts: a line indented to it continues the item.
    item_column = 0
    text = t1_punctuation(without_running_lines(text.replace("\r\n", "\n").replace("\r", "\n")))
    raws = text.split("\n")
    width = wrap_width(raws)
    # The line before, as it stood: whether it reached the width the text was wrapped at.
    previous = ""
    for raw in raws:
        line = " ".join(_INVISIBLE.sub("", raw).replace("\xa0", " ").split())
        if not line:
            blank = True
            continue
        before, previous = previous, line
        after_blank, blank = blank, False
        if _PAGE_NUMBER.match(line):
            continue  # a page number of a PDF is not part of the text
        # Lines indented alike under a long one are a paragraph wrapped by its author.
        indented, indent = bool(indent) and _indent(raw) == indent, _indent(raw)
        if _UNDERLINE.match(line):
            # reStructuredText and setext: "Experience" over "==========" is a heading. After a
            # blank line the rule is a separator between parts, and underlines nothing.
            underlines = not after_blank and blocks and blocks[-1].kind == "text"
            if underlines and len(blocks[-1].text) <= len(line) + 2:
                blocks[-1] = Block("heading", blocks[-1].text, 1)
            continue
        marker = item_mark(line)
        hanging = not after_blank and blocks and blocks[-1].kind == "item" and marker is None
        if hanging and item_column and _indent(raw) == item_column:
            # "-   Wrote the API for" / "    the iOS app": the rest of the item, indented to
            # its text as plain-text writers and editors align it.
            blocks[-1] = Block("item", f"{blocks[-1].text} {line}")
            continue
        at_text = _ITEM.match(raw.expandtabs(4))
        item_column = at_text.end() if at_text is not None else 0
        if _ATX.match(line):
            blocks.append(Block("heading", _ATX.sub("", line)))  # a "### …" line pasted as is
        elif marker is not None:
            blocks.append(Block("item", line[marker.end() :].strip()))
        elif _LEADER.search(line):
            blocks.append(Block("row", _LEADER.sub(" — ", line)))
        elif blocks and (
            continues(blocks[-1], line, after_blank)
            or (indented and _long(blocks[-1]))
            or (not after_blank and _cut_at_width(blocks[-1], before, line, width))
        ):
            last = blocks[-1]
            # "tech-" + "nologies": a word the page hyphenated is one word again.
            joined = (
                f"{last.text[:-1]}{line}"
                if last.text.endswith("-") and line[:1].islower()
                else f"{last.text} {line}"
            )
            blocks[-1] = Block(last.kind, joined)
        elif _is_heading(line):
            blocks.append(Block("heading", line))
        else:
            blocks.append(Block("text", line))
    return blocks


def wrap_width(lines: list[str]) -> int | None:
    """The width a text was wrapped at, when many of its lines end close to one width."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < _WRAPPED_LINES_AT_LEAST:
        return None
    width = lengths[int(len(lengths) * 0.95) - 1]
    near = sum(width - _NEAR_WIDTH <= length <= width for length in lengths)
    return width if width >= _SHORTEST_WRAPPED and near * 4 >= len(lengths) else None


def _cut_at_width(previous: Block, before: str, line: str, width: int | None) -> bool:
    """Whether the line before was cut by the wrap width mid-sentence ("…across" + "Europe…").

    Its next word would not have fitted on it, it ends no sentence, neither line is dated (a
    job's header line and its dates stay apart), and the line goes on as text does: it is full
    too, or ends the sentence. A short line after a full one is as often a heading ("Summary")
    or the next company, set apart by a PDF's layout.
    """
    if width is None or previous.kind not in {"item", "text"} or _is_heading(line):
        return False
    first = line.split()[0]
    full = len(before) + 1 + len(first) > width and len(before) >= width - _NEAR_WIDTH
    dated = _YEARISH.search(before) or _YEARISH.search(line)
    goes_on = len(line) >= width - _NEAR_WIDTH or line.endswith((".", "!", "?"))
    return full and goes_on and not dated and not before.endswith((".", "!", "?", ":", ";"))


def item_mark(line: str) -> re.Match[str] | None:
    """The bullet or number a list item's line starts with, as people type or paste it."""
    return _ITEM.match(line) or _symbol_mark(line)


def glyph_mark(line: str) -> re.Match[str] | None:
    """A bullet glyph a line starts with ("• Python", Word's "o Docker"); no number or dash."""
    return _GLYPH_ITEM.match(line)


def _symbol_mark(line: str) -> re.Match[str] | None:
    """A bullet drawn with an icon font's symbol ("∠ Worked on…", "➔ Built…"), as a match."""
    mark = _SYMBOL_ITEM.match(line)
    if mark is None or not _ARROWS_TO_DINGBATS[0] <= ord(mark.group(1)) <= _ARROWS_TO_DINGBATS[1]:
        return None
    return mark


def _unfinished(text: str) -> bool:
    """A line that stops mid-sentence: no closing mark, or an "e.g." that closes nothing."""
    if _DATE_END.search(text) or _YEARISH.search(text):
        return False  # "… Seattle, WA 2/2017 - 5/2019": a dated line is a job's header
    return not text.endswith((".", "!", "?", ":", ";")) or text.endswith(("e.g.", "i.e."))


def _finishes(line: str, previous: str) -> bool:
    """Whether a line ends the sentence a cut line began (and is no header: no year in it).

    It closes a parenthesis left open, or ends with a period or semicolon and is not a short
    name in capitals ("Acme Inc.", which may be the next job's company).
    """
    if _YEARISH.search(line):
        return False
    if previous.count("(") > previous.count(")") and ")" in line:
        return True
    words = line.split()
    named = len(words) <= _SHORT_NAME and all(w[:1].isupper() for w in words)
    return line.endswith((".", ";")) and len(words) >= _FEWEST_WORDS and not named


def _indent(raw: str) -> int:
    """How far a line is indented, tabs counted as four spaces."""
    expanded = raw.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())


def _long(block: Block) -> bool:
    """A text line long enough that the author's editor may have wrapped it."""
    return block.kind == "text" and len(block.text) >= _WRAP_WIDTH


def _is_heading(line: str) -> bool:
    """A short line in capitals ("PROFESSIONAL EXPERIENCE"), not ending like a sentence."""
    return len(line.split()) <= 6 and bool(_CAPITALS.match(line)) and not line.endswith(".")


def _lower_case_heading(before: str, line: str) -> bool:
    """A word or two in lower case after a finished sentence: a heading set in small capitals.

    A PDF's text layer gives "experiences" for a heading the page shows in small capitals.
    """
    words = line.split()
    finished = before.rstrip().endswith((".", "!", "?"))
    return finished and len(words) <= 2 and all(w.isalpha() and w.islower() for w in words)


def continues(previous: Block, line: str, after_blank: bool = False) -> bool:
    """Whether a line is the wrapped rest of the line before (a bullet or a paragraph)."""
    if previous.kind not in {"item", "text"} or _is_heading(line) or after_blank:
        return False  # a blank line between them ends the block
    if len(previous.text) < _SHORTEST_WRAPPED:
        return False
    # "…using GitHub" + "Actions.": the few last words of a bullet the page cut.
    cut_short = previous.kind == "item" and not previous.text.endswith((".", "!", "?", ":"))
    if cut_short and len(line.split()) <= 3 and line.endswith("."):
        return True
    starts_low = line[:1].islower() or line[:1] in ",;)%"
    if starts_low and _lower_case_heading(previous.text, line):
        return False
    if starts_low:
        return True
    # "…leveraging" + "Hibernate for efficient ORM and transactional integrity.": a bullet the
    # page cut, whose rest ends the sentence. Only a bullet: after a plain line, a line ending
    # in a period is as often the next job's header or a sentence of its own.
    long_enough = previous.kind == "item" and len(previous.text) >= _WRAP_WIDTH
    if long_enough and _unfinished(previous.text) and _finishes(line, previous.text):
        return True
    # A long line that stopped mid-phrase ("…leveraging in house tooling as well as custom")
    # was cut by the page width; the next line is its end even when it starts in capitals.
    # A bullet that stops on "and" or "using" goes on, however narrow its column was.
    wide = len(previous.text) >= _WRAP_WIDTH or previous.kind == "item"
    return wide and bool(_OPEN_END.search(previous.text))
