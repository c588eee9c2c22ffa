"""The breathing pacer: a disc that grows and shrinks with the breath, and the words around it.

The player drives it: each frame it calls `show()` with the phase and the clock's
reading. The pacer works out every line it would draw and compares it with what
is on screen; only the cells that differ are refreshed, and a frame that
changes no cell costs no repaint at all. That keeps a ten-minute session cheap
over SSH: a growing disc changes a few cells at its edge, not the whole widget.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.events import Resize
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from ..core.durations import format_clock
from ..core.pacer_disc import (
    breath_level,
    changed_spans,
    disc_lines,
    disc_rows,
    until_shape_changes,
)
from ..core.text import clean_line
from ..core.timeline import MOVING_KINDS, Phase
from ..direct_paint import DirectPainter

Line = tuple[tuple[str, str], ...]
"""One row of the pacer as (text, role) pieces; the role picks a component style
("blank" is the widget's own)."""

TEXT_ROWS = 5
"""Rows the words take around the disc: phase line, gap, gap, details, cue."""


class Pacer(Widget):
    """Shows a breathing phase as a disc, the phase word and the counts around it.

    Reduced motion (the app's setting, or `animation_level == "none"`) shows the
    words and the count only; at sizes too small for a round disc it does too.
    """

    DEFAULT_CSS = """
    Pacer {
        width: 1fr;
        height: 1fr;
        min-height: 1;
    }
    Pacer > .pacer--shape {
        color: $primary;
    }
    Pacer > .pacer--word {
        text-style: bold;
    }
    Pacer > .pacer--detail {
        color: $text-muted;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"pacer--shape", "pacer--word", "pacer--detail"}
    """
    | Class | Description |
    | :- | :- |
    | `pacer--shape` | The breathing disc. |
    | `pacer--word` | The phase word ("Breathe in"). |
    | `pacer--detail` | The counts and the cue around the phase word. |
    """

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._phase: Phase | None = None
        self._elapsed = 0.0
        self._length = 0.0
        self._paused = False
        self._session_remaining: float | None = None
        self._lines: list[Line] = []
        self._shape: tuple[str, ...] = ()
        self._rows = 0
        self._width = 0
        """The width the lines were composed for (asking Textual once per line costs more)."""
        self._strips: dict[Line, Strip] = {}
        self._styles: dict[str, Style] = {}
        self._painter = DirectPainter(self)

    # what the player calls

    def show(
        self,
        phase: Phase,
        phase_elapsed: float,
        phase_length: float,
        paused: bool,
        session_remaining: float | None = None,
    ) -> None:
        """Show this instant of the session; refreshes only the cells that change."""
        self._phase = phase
        self._elapsed = phase_elapsed
        self._length = phase_length
        self._paused = paused
        self._session_remaining = session_remaining
        self._update(full=False)

    # what tests and the player may ask

    @property
    def still(self) -> bool:
        """Words and a count only: reduced motion, or animations switched off."""
        settings = getattr(self.app, "settings", None)
        reduced = bool(getattr(settings, "reduced_motion", False))
        return reduced or self.app.animation_level == "none"

    @property
    def ascii(self) -> bool:
        settings = getattr(self.app, "settings", None)
        return bool(getattr(settings, "ascii", False))

    @property
    def shape_lines(self) -> tuple[str, ...]:
        """The disc as drawn now, without padding; empty when only words are shown."""
        return self._shape

    @property
    def text_lines(self) -> list[str]:
        """Every row as plain text, as a screen reader or a test would read it."""
        return ["".join(text for text, _ in line).rstrip() for line in self._lines]

    def until_next_change(self) -> float | None:
        """Seconds until the disc next changes a cell; None when the pacer cannot tell.

        `math.inf` when a moving breath will change no more cells before it ends
        (the last moments of a breath, where the easing all but stops the disc).
        For the player's frame scheduling: waking exactly then, rather than every
        1/30 s, draws the same frames with less than half the wake-ups, and
        none that would change nothing.
        """
        phase = self._phase
        if phase is None or self._paused or not self._rows or self.ascii:
            return None
        delay = until_shape_changes(phase.kind, self._elapsed, self._length, self._rows)
        if delay is None and phase.kind in MOVING_KINDS:
            return math.inf
        return delay

    # drawing

    def on_resize(self, event: Resize) -> None:
        self._update(full=True)

    def notify_style_update(self) -> None:
        self._strips.clear()
        self._styles.clear()
        self._painter.forget()
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        width = self._width or self.size.width
        if y >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        line = self._lines[y]
        strip = self._strips.get(line)
        if strip is None:
            if len(self._strips) > 512:
                self._strips.clear()
            segments = [Segment(text, self._style(role)) for text, role in line]
            strip = Strip(segments).adjust_cell_length(width, self.rich_style)
            self._strips[line] = strip
        return strip

    def _style(self, role: str) -> Style:
        style = self._styles.get(role)
        if style is None:
            style = self.rich_style
            if role != "blank":
                style += self.get_component_rich_style(f"pacer--{role}")
            self._styles[role] = style
        return style

    def _update(self, *, full: bool) -> None:
        width, height = self.size
        if width <= 0 or height <= 0:
            return
        new = self._compose_lines(width, height)
        old = self._lines
        self._lines = new
        resized = width != self._width
        self._width = width
        if full or resized or len(old) != len(new):
            self.refresh()
            return
        regions = [
            Region(start, y, end - start, 1)
            for y, (before, after) in enumerate(zip(old, new, strict=True))
            if before is not after
            for start, end in _row_changes(before, after, width)
        ]
        if regions and not self._painter.paint(regions, new):
            self.refresh(*regions)

    def _compose_lines(self, width: int, height: int) -> list[Line]:
        phase = self._phase
        if phase is None:
            self._shape = ()
            self._rows = 0
            return []
        plain = self.ascii
        seconds_left = max(0, math.ceil(self._length - self._elapsed - 1e-9))
        head = _head_line(phase.label, seconds_left, self._paused, width, plain)
        details = _centred(self._details(phase, " - " if plain else " · "), "detail", width, plain)
        cue = _cue_line(phase.cue, width, plain)
        rows = 0 if self.still else disc_rows(width, height - TEXT_ROWS)
        self._rows = rows
        if rows == 0:
            self._shape = ()
            words = [head, details, cue][:height]
            top = (height - len(words)) // 2
            return [_blank(width)] * top + words
        progress = self._elapsed / self._length if self._length > 0 else 1.0
        shape = disc_lines(breath_level(phase.kind, progress), rows, plain)
        self._shape = shape
        left = (width - 2 * rows) // 2
        body = [_shape_line(text, left, width) for text in shape]
        block = [head, _blank(width), *body, _blank(width), details, cue]
        top = (height - len(block)) // 2
        return [_blank(width)] * top + block

    def _details(self, phase: Phase, sep: str) -> str:
        parts: list[str] = []
        if phase.cycles:
            parts.append(f"cycle {phase.cycle_no} of {phase.cycles}")
        if self._session_remaining is not None:
            parts.append(f"{format_clock(self._session_remaining)} left")
        return sep.join(parts)


# The row builders are cached: a frame mostly repeats the rows of the one before,
# and a cache hit returns the same tuple, which compares equal at once.


@lru_cache(maxsize=64)
def _head_line(word: str, seconds_left: int, paused: bool, width: int, plain: bool) -> Line:
    """The phase word in bold and the whole seconds left in it: "Breathe in · 3"."""
    sep = " - " if plain else " · "
    rest = f"{sep}{seconds_left}" + (f"{sep}paused" if paused else "")
    if cell_len(word + rest) > width:
        return _centred(word, "word", width, plain)
    pad = (width - cell_len(word + rest)) // 2
    after = width - pad - cell_len(word + rest)
    return ((" " * pad, "blank"), (word, "word"), (rest, "detail"), (" " * after, "blank"))


@lru_cache(maxsize=1024)
def _shape_line(text: str, left: int, width: int) -> Line:
    """A disc row: the covered run in the shape's colour, the spaces either side blank."""
    run = text.strip(" ")
    if not run:
        return _blank(width)
    start = left + len(text) - len(text.lstrip(" "))
    return ((" " * start, "blank"), (run, "shape"), (" " * (width - start - len(run)), "blank"))


@lru_cache(maxsize=2048)
def _row_changes(before: Line, after: Line, width: int) -> tuple[tuple[int, int], ...]:
    """The cells of a row to send again when it goes from `before` to `after`.

    The whole row when its pieces change roles or hold wide characters; else the
    changed spans (a disc row's two edges apart). Cached: the disc goes through
    the same rows breath after breath.
    """
    if before == after:
        return ()
    if [role for _, role in before] != [role for _, role in after]:
        return ((0, width),)
    old_text = "".join(text for text, _ in before)
    new_text = "".join(text for text, _ in after)
    if len(old_text) != cell_len(old_text) or len(new_text) != cell_len(new_text):
        return ((0, width),)
    return changed_spans(old_text, new_text)


@lru_cache(maxsize=64)
def _cue_line(cue: str, width: int, plain: bool) -> Line:
    return _centred(clean_line(cue), "detail", width, plain)


@lru_cache(maxsize=16)
def _blank(width: int) -> Line:
    return ((" " * width, "blank"),)


@lru_cache(maxsize=64)
def _centred(text: str, role: str, width: int, plain: bool) -> Line:
    """Padding in pieces of its own, so a picture of the screen keeps every cell in place.

    Too long a text is cut with an ellipsis ("..." when only ASCII will do).
    """
    if cell_len(text) > width:
        more = "..." if plain else "…"
        keep = max(0, width - len(more))
        text = set_cell_size(text, keep).rstrip() + more if width > len(more) else ""
    pad = (width - cell_len(text)) // 2
    after = width - pad - cell_len(text)
    return ((" " * pad, "blank"), (text, role), (" " * after, "blank"))
