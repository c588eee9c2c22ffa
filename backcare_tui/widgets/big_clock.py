"""A countdown as large as the space allows, so it can be read from across the room.

Textual's `Digits` is three rows tall at every size; on a big terminal that
leaves the most important number small. This draws a block font at one of
two sizes, then falls back to `Digits`, then to one plain line, whichever
fits; with `ascii` it uses only "#" so terminals without block characters
still show it.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from textual.renderables.digits import Digits as DigitsRenderable
from textual.widget import Widget

_FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", "###", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
}
FONT_ROWS = 5


def block_lines(value: str, scale: int, ascii_only: bool = False) -> list[str]:
    """`value` in the block font; each font pixel is `scale` rows by 2 x `scale` columns.

    Pixels are twice as wide as tall because terminal cells are about twice
    as tall as wide, which keeps the digits' proportions.
    """
    ink = "#" if ascii_only else "█"
    glyphs = [_FONT[ch] for ch in value if ch in _FONT]
    rows: list[str] = []
    for row in range(FONT_ROWS):
        pixels = " ".join(glyph[row] for glyph in glyphs)
        line = "".join((ink if p == "#" else " ") * 2 * scale for p in pixels)
        rows.extend([line] * scale)
    return rows


def block_width(value: str, scale: int) -> int:
    glyphs = [_FONT[ch] for ch in value if ch in _FONT]
    pixels = sum(len(g[0]) for g in glyphs) + max(len(glyphs) - 1, 0)
    return pixels * 2 * scale


class BigClock(Widget):
    """Shows a time like "1:05"; the caller decides what time and when.

    The `-paused` class dims it while the session is paused.
    """

    DEFAULT_CSS = """
    BigClock {
        height: 1fr;
        min-height: 1;
        content-align: center middle;
        color: $text;
        text-style: bold;
    }
    BigClock.-paused {
        color: $text-muted;
    }
    """

    def __init__(
        self,
        value: str = "",
        *,
        ascii_only: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._value = value
        self.ascii_only = ascii_only

    @property
    def value(self) -> str:
        return self._value

    def update(self, value: str) -> None:
        """Redraw only when the text changes: most frames change no cell."""
        if value != self._value:
            self._value = value
            self.refresh()

    def render(self) -> RenderableType:
        width, height = self.content_size
        for scale in (3, 2, 1):
            if height >= FONT_ROWS * scale and width >= block_width(self._value, scale):
                return Text("\n".join(block_lines(self._value, scale, self.ascii_only)))
        if not self.ascii_only and height >= 3 and width >= DigitsRenderable.get_width(self._value):
            return DigitsRenderable(self._value, self.rich_style)
        return Text(self._value, style="bold")
