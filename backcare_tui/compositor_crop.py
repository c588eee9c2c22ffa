"""Partial screen updates that render and send only what changed (speed-ups for the pinned Textual).

When a widget refreshes a few cells (the breathing pacer does, for every
frame of a breath), Textual 8.2.8 does two things wider than it needs to:

- it renders every widget whose *clip* overlaps the changed area, and all of
  each widget's visible rows, then throws away the rows it does not send.
  Every top-level widget has the whole screen as its clip, so the footer, the
  progress bar and every label in the pacer's column were rendered and cut up
  on every frame, and so were the screen and the containers behind the pacer.
  `_get_renders_in_crop` narrows each clip to the rows being updated before
  rendering, and skips widgets that show nothing there or are hidden there
  behind a widget already rendered (for updates within a quarter of the
  screen, as the pacer's are; larger ones are left to Textual).
- it sends each changed span from the left edge of the widget that holds it,
  so a disc edge moving one cell sent the row from the pacer's left edge.
  `_render_spans_only` starts at the span's first cell instead (or at the
  start of a wide character, never half of one).

What the terminal ends up showing is the same (tests/test_compositor_crop.py
plays both outputs into a terminal emulator and compares the screens); full
updates are untouched. Textual is pinned exactly, so these cannot outlive the
code they replace silently: the tests also check that the originals still
behave as described.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console
from rich.control import Control
from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip

TEXTUAL_GET_RENDERS = Compositor._get_renders
FRONT_WIDGETS = 3
"""How many of the first widgets rendered a later one is checked against (see below)."""
TEXTUAL_RENDER_SEGMENTS = ChopsUpdate.render_segments


def _get_renders_in_crop(
    self: Compositor, crop: Region | None = None
) -> Iterable[tuple[Region, Region, list[Strip]]]:
    """(region, clip, strips) of the widgets that show something in `crop`'s rows.

    The clip handed back is narrowed to those rows, so the caller places the
    strips on exactly the rows that were rendered.
    """
    if crop is None or crop.area * 4 > self.size.area:
        # Frames that change a large part of the screen (a hold's big clock and
        # the progress bar far below it) gain nothing from the narrowing and
        # measured slower with it (bench/cpu.py's hold: 0.70 % against 0.55 %).
        yield from TEXTUAL_GET_RENDERS(self, crop)
        return
    top, height = crop.y, crop.height
    painted: list[Region] = []
    for widget, (region, clip) in self.visible_widgets.items():
        band = clip.intersection(Region(clip.x, top, clip.width, height))
        shown = region.intersection(band)
        needed = shown.intersection(crop)
        if not needed or any(front.contains_region(needed) for front in painted):
            # Widgets come front to back and the front one's cells win: a widget
            # hidden behind one already rendered (a container behind the pacer)
            # would be rendered for nothing. Only the first few rendered are
            # remembered: checking each widget against every one before it
            # cost more than it saved on a frame that changes most rows.
            continue
        if len(painted) < FRONT_WIDGETS:
            painted.append(shown)
        yield (
            region,
            band,
            widget.render_lines(
                Region(shown.x - region.x, shown.y - region.y, shown.width, shown.height)
            ),
        )


def _first_cell(strip: Strip, offset: int) -> int:
    """Where to start sending a strip to show its cells from `offset` on.

    `offset` itself, unless it falls in a piece with wide characters: then the
    start of that piece, so no character is cut in half.
    """
    position = 0
    for segment in strip:
        text = segment.text
        width = cell_len(text)
        if position + width > offset:
            return offset if width == len(text) else position
        position += width
    return offset


def _render_spans_only(self: ChopsUpdate, console: Console) -> str:
    """The update as terminal text, each span sent from its first cell, not its widget's edge."""
    sequences: list[str] = []
    append = sequences.append
    move_to = Control.move_to
    chops = self.chops
    chop_ends = self.chop_ends
    last_y = self.spans[-1][0]
    for y, x1, x2 in self.spans:
        for end, (x, strip) in zip(chop_ends[y], chops[y].items(), strict=False):
            if strip is None or x >= x2 or end <= x1:
                continue
            start = x + _first_cell(strip, x1 - x) if x < x1 else x
            append(move_to(start, y).segment.text)
            append(strip.crop(start - x, min(end, x2) - x).render(console))
        if y != last_y:
            append("\n")
    return "".join(sequences)


def apply() -> None:
    Compositor._get_renders = _get_renders_in_crop  # type: ignore[method-assign]
    ChopsUpdate.render_segments = _render_spans_only  # type: ignore[method-assign]
