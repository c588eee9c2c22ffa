"""The player's phase band: "WORK", "BREATHE IN · 3", big and coloured by the kind of phase.

A Label whose size the stylesheet fixes (height 3, the column's width), so new
words never need a layout. While a breath moves its count changes once a
second and nothing else does; then, when the old and new words are the same
length on one line, only the changed cells are painted, straight to the
terminal (direct_paint.py), as the pacer's disc is. Any other change, or a
moment when painting directly is not safe, updates it as a Label.
"""

from __future__ import annotations

from typing import Self

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Label

from ..direct_paint import DirectPainter


class PhaseBand(Label):
    """A Label that repaints only the cells a same-length change of its words touches."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._painter = DirectPainter(self)
        self._quiet = False

    @property
    def words(self) -> str:
        return str(self.content)

    def show(self, words: str) -> None:
        """Show `words`; a no-op when they are the ones shown."""
        before = self.words
        if words == before:
            return
        if not self._same_shape(before, words):
            self.update(Text(words), layout=False)
            return
        rows = [strip.text for strip in self._content_rows()]
        self._quiet = True
        try:
            self.update(Text(words), layout=False)
        finally:
            self._quiet = False
        after = [strip.text for strip in self._content_rows()]
        regions = [
            Region(x, y, 1, 1)
            for y, (old, new) in enumerate(zip(rows, after, strict=True))
            for x, (a, b) in enumerate(zip(old, new, strict=True))
            if a != b
        ]
        if not regions or len(rows) != len(after) or not self._painter.paint(regions, after):
            self.refresh()

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if self._quiet:
            # New words about to be painted in place: forget what was rendered,
            # but ask Textual for no repaint of its own.
            self._layout_cache.clear()
            self._set_dirty()
            self._rich_style_cache.clear()
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def notify_style_update(self) -> None:
        self._painter.forget()
        super().notify_style_update()

    def _same_shape(self, before: str, words: str) -> bool:
        """Same length, one cell a character, on one line: only changed characters move."""
        width = self.content_size.width
        return (
            bool(before)
            and len(before) == len(words)
            and cell_len(before) == len(before)
            and cell_len(words) == len(words)
            and 0 < len(words) <= width
            and self.is_mounted
        )

    def _content_rows(self) -> list[Strip]:
        return [self.render_line(y) for y in range(self.content_size.height)]
