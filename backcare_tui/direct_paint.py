"""Send a few changed cells of one widget to the terminal at once, past Textual's update cycle.

A breathing disc changes a handful of cells some 16 times a second. Through
Textual each such frame costs a refresh, the widget's idle and update
messages, the screen's update timer, a compositor pass that looks for every
widget in the changed rows, and three writes handed to the writer thread:
about 1.6 ms of CPU for cells that take microseconds to work out
(docs/performance.md). `paint_now()` renders the changed spans through the
widget's own styles and line filters (`Widget.render_lines`, what the
compositor calls too) and writes them as one synchronized update.

It only does so when the result is certain to be what Textual would have
drawn: the app is running on a real terminal, the widget's screen is the
one shown, no layout is pending, and no other widget (a toast, a tooltip)
is drawn over any part of the widget. Otherwise it returns False and the
caller refreshes as usual. What is on screen and what the widget renders
stay the same thing: a later repaint by Textual draws the same cells
(tests/test_direct_paint.py replays both into a terminal emulator).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from textual.geometry import Offset, Region
from textual.screen import Screen
from textual.widget import Widget

SYNC_START = "\x1b[?2026h"
SYNC_END = "\x1b[?2026l"


class DirectPainter:
    """Paints one widget's changed spans straight to the terminal when that is safe."""

    def __init__(self, widget: Widget) -> None:
        self.widget = widget
        self._sent: dict[tuple[Hashable, int, int], str] = {}
        """Terminal text of spans sent, by (row, first cell, width)."""
        self._look: tuple[object, ...] = ()
        """Theme, size and line filters the spans in `_sent` were rendered with."""
        self._checked: tuple[object, tuple[Offset, Offset] | None] | None = None
        """The compositor's visible-widget map the last check was made against (it is
        rebuilt on every layout change, so its identity keys the answer), and where
        the widget's content was then, or None when something covered it."""

    def forget(self) -> None:
        """Styles changed: drop the spans rendered with the old ones."""
        self._sent.clear()

    def paint(self, regions: Sequence[Region], rows: Sequence[Hashable]) -> bool:
        """Draw `regions` (one row each, in the widget's content coordinates) now.

        `rows[y]` says what content row y holds (equal keys render the same);
        a span already rendered for the same row is sent again from memory.
        False when Textual must draw them.
        """
        widget = self.widget
        app = widget.app
        driver = app._driver
        if (
            driver is None
            or driver.is_headless
            or driver.is_inline
            or app._batch_count
            or not app._running
            or app._closed
        ):
            return False
        screen = widget.screen
        if screen._layout_required or widget._layout_required or app.screen is not screen:
            return False
        place = self._place(screen)
        if place is None:
            return False
        (x0, y0), offset = place
        widget._styles_cache.set_dirty(*(span.translate(offset) for span in regions))
        look = (app.theme, *(id(f) for f in app.get_line_filters()))
        if look != self._look or len(self._sent) > 4096:
            self._look = look
            self._sent.clear()
        sent = self._sent
        sync = app._sync_available
        out = [SYNC_START] if sync else []
        for span in regions:
            x, y = span.x, span.y
            key = (rows[y], x, span.width)
            text = sent.get(key)
            if text is None:
                [strip] = widget.render_lines(span.translate(offset))
                text = sent[key] = strip.render(app.console)
            out.append(f"\x1b[{y0 + y + 1};{x0 + x + 1}H{text}")
        cursor_x, cursor_y = screen.outer_size.clamp_offset(app.cursor_position)
        out.append(f"\x1b[{cursor_y + 1};{cursor_x + 1}H")
        if sync:
            out.append(SYNC_END)
        driver.write("".join(out))
        return True

    def _place(self, screen: Screen[object]) -> tuple[Offset, Offset] | None:
        """Where the widget's content starts on screen, and its offset within the widget;
        None unless all of it shows and nothing is drawn over it."""
        visible = screen._compositor.visible_widgets
        if self._checked is not None and self._checked[0] is visible:
            return self._checked[1]
        widget = self.widget
        found: tuple[Offset, Offset] | None = None
        placed = visible.get(widget)
        if placed is not None and placed[1].contains_region(placed[0]):
            region = placed[0]
            found = (region.offset + widget.content_offset, widget.content_offset)
            behind = set(widget.ancestors_with_self)
            # Front to back: everything before the widget is drawn over it where they meet.
            for other, (other_region, other_clip) in visible.items():
                if other is widget:
                    break
                if other not in behind and other_region.intersection(other_clip).overlaps(region):
                    found = None
                    break
        self._checked = (visible, found)
        return found
