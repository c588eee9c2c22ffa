"""What reaches the terminal under `ascii` and NO_COLOR, for every screen at once.

Both work as Textual line filters, the way Textual itself honours NO_COLOR:
they see every line any widget draws (ours and Textual's own: borders,
scrollbars, footers, toasts, the palette), so no screen can be forgotten.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rich.cells import cell_len
from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.color import Color
from textual.filter import LineFilter, Monochrome, NoColor

SPELLED = {
    "…": ".",
    "·": ".",
    "•": "*",
    "●": "*",
    "○": "o",
    "◆": "*",
    "◇": "o",
    "→": ">",
    "←": "<",
    "↑": "^",
    "↓": "v",
    "⇧": "^",
    "⏎": "<",
    "▲": "^",
    "▼": "v",
    "▶": ">",
    "◀": "<",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "–": "-",
    "—": "-",
    "×": "x",
    "÷": "/",
    "✓": "v",
    "✔": "v",
    "✗": "x",
    "✘": "x",
    "\u00a0": " ",
}
"""Glyphs Textual and backcare draw, as the ASCII character that reads the same."""


class _AsciiTable(dict[int, str]):
    """str.translate table built as characters are met; letters (a person's
    routine text: "Übung") stay as written, drawing characters become ASCII of
    the same width so nothing moves on screen."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        shown = _ascii_for(char)
        self[code] = shown
        return shown


def _ascii_for(char: str) -> str:
    if char.isascii():
        return char
    if char in SPELLED:
        return SPELLED[char]
    category = unicodedata.category(char)
    if category[0] in "LMN":
        return char
    width = cell_len(char)
    name = unicodedata.name(char, "")
    if 0x2500 <= ord(char) <= 0x257F:  # box drawing
        if "HORIZONTAL" in name and "VERTICAL" not in name:
            return "-"
        if "VERTICAL" in name and "HORIZONTAL" not in name:
            return "|"
        return "+"
    if 0x2580 <= ord(char) <= 0x259F:  # block elements: borders, scrollbars, dividers
        if char in "▔▁":  # the thin edges of "tall" borders round buttons and inputs
            return " "
        if char in "▀▄":  # "thick" borders round dialogs
            return "="
        return "|" if "LEFT" in name or "RIGHT" in name else "#"
    if 0x2800 <= ord(char) <= 0x28FF:  # braille dots drawn as pixels
        return "#"
    if category.startswith("Z"):
        return " " * width
    return "*" * width if width else ""


ASCII_TABLE = _AsciiTable()


def ascii_text(text: str) -> str:
    return text if text.isascii() else text.translate(ASCII_TABLE)


class AsciiOnly(LineFilter):
    """`--ascii` / `ascii = true`: nothing drawn outside printable ASCII."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            segment if segment.text.isascii() else Segment(ascii_text(segment.text), *segment[1:])
            for segment in segments
        ]


class NoColour(LineFilter):
    """NO_COLOR: no colour at all, only bold, reverse and underline.

    What a colour marked (the highlighted row, a focused button, the scrollbar
    thumb) is a background that stands out from the widget's own; that becomes
    reverse video, so it stays visible in one colour.
    """

    PLAIN = RichStyle.from_color(RichColor.default(), RichColor.default())

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(text, None if style is None else _plain(style, background), control)
            for text, style, control in segments
        ]


@lru_cache(1024)
def _plain(style: RichStyle, background: Color) -> RichStyle:
    marked = style.bgcolor is not None and not style.bgcolor.is_default
    if marked:
        assert style.bgcolor is not None
        own = Color.from_rich_color(style.bgcolor)
        marked = contrast_ratio(own, background) >= HIGHLIGHT_CONTRAST
    plain = style + NoColour.PLAIN
    return plain + RichStyle(reverse=not style.reverse) if marked else plain


HIGHLIGHT_CONTRAST = 1.8
"""A background this far from the widget's own is a highlight, not a panel shade."""


def contrast_ratio(first: Color, second: Color) -> float:
    """WCAG 2 contrast ratio of two opaque colours, 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def without_colour(filters: list[LineFilter]) -> None:
    """NO_COLOR: Textual turns colours into greys; take them out altogether."""
    for index, found in enumerate(filters):
        if isinstance(found, Monochrome | NoColor):
            filters[index] = NoColour()


ASCII_KEYS = {"enter": "enter", "escape": "esc", "delete": "del", "backspace": "bksp"}


def ascii_key_display(key: str) -> str:
    """A key as words: "shift+right", "up", "^r" (Textual draws ⇧→, ↑, ⏎)."""
    return ASCII_KEYS.get(key, key).replace("ctrl+", "^")
