"""The look shared by the PDF and the Word document: margins and colours."""

from __future__ import annotations

# Millimetres: narrow enough for two pages of content, wide enough to print and to read.
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 18.0, 15.0, 15.0

Rgb = tuple[int, int, int]
INK: Rgb = (30, 30, 30)  # body text: near-black is softer than black on screen
MUTED: Rgb = (85, 85, 85)  # dates, separators, the target title
ACCENT: Rgb = (25, 55, 95)  # section headings
LINK: Rgb = (20, 70, 140)
RULE: Rgb = (170, 180, 195)  # the line under a section heading
