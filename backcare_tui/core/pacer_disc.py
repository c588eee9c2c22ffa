"""The breathing shape as numbers and text: how full it is, and which cells it covers.

The pacer widget only draws what this module returns, so everything about the
shape (easing, size, roundness, the ASCII variant) is tested without a screen.

Geometry: a terminal cell is about twice as tall as it is wide, so a half-block
(one cell wide, half a cell tall) is close to square. The disc is drawn on a
grid of such "pixels", two per cell row, which keeps it round.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from .breathing import ease_in_out
from .timeline import MOVING_KINDS, PhaseKind

FRAME_SECONDS = 1 / 30
"""Frame interval while the shape moves."""

SMALLEST = 0.3
"""Radius when empty, as a share of the full radius: small, but still a shape to watch."""

MAX_ROWS = 22
"""The disc stops growing past this many cell rows; bigger only costs output."""

MIN_ROWS = 3
"""Below this many rows a disc is a blob; the widget shows words instead."""

ASCII_RAMP = " .oO@"
"""ASCII cells from least to most covered."""

CROSSING_SLACK = 0.001
"""Wake this long after a pixel's predicted crossing, never on it (see until_shape_changes)."""

Span = tuple[int, int]
"""Covered pixel columns [start, end) in one pixel row; (0, 0) when none."""


def breath_level(kind: PhaseKind, progress: float) -> float:
    """How full the shape is, 0..1: grows on inhale, full on hold, shrinks on exhale.

    Eased so the shape starts and stops gently at every turn of the breath.
    Phases that are not part of a breath (a lead-in, a rest) leave it small.
    """
    if kind == PhaseKind.INHALE:
        return ease_in_out(progress)
    if kind == PhaseKind.EXHALE:
        return 1.0 - ease_in_out(progress)
    if kind == PhaseKind.HOLD_IN:
        return 1.0
    return 0.0


def until_shape_changes(
    kind: PhaseKind, elapsed: float, length: float, rows: int, *, floor: float = FRAME_SECONDS
) -> float | None:
    """Seconds until the disc next covers or uncovers a pixel; None while it stands still.

    A pixel is covered when its centre is inside the circle, so the disc only
    changes as the radius passes a pixel centre's distance from the middle.
    Inverting the easing gives the instant of the next such crossing, so the
    screen can sleep until a frame that really changes something, instead of
    waking 30 times a second to find that nothing moved. Never sooner than
    `floor` (the frame rate cap); never past the end of the phase. The instant
    is CROSSING_SLACK past the exact crossing: at the crossing itself rounding
    can leave the pixel as it was, and that wake-up would draw nothing.
    """
    if kind not in MOVING_KINDS or rows <= 0 or length <= 0:
        return None
    left = length - elapsed
    if left <= 0:
        return None
    level = breath_level(kind, elapsed / length)
    radius = disc_radius(level, rows)
    distances = _pixel_distances(rows)
    growing = kind == PhaseKind.INHALE
    if growing:
        index = bisect_right(distances, radius + 1e-9)
        if index >= len(distances):
            return None
        target = distances[index]
    else:
        index = bisect_left(distances, radius - 1e-9) - 1
        if index < 0:
            return None
        target = distances[index]
    wanted = (target / rows - SMALLEST) / (1.0 - SMALLEST)
    if not 0.0 <= wanted <= 1.0:
        return None
    progress = _uneased(wanted if growing else 1.0 - wanted)
    delay = progress * length - elapsed + CROSSING_SLACK
    return min(max(delay, floor), left)


def _uneased(eased: float) -> float:
    """The inverse of `breathing.ease_in_out` (the tests check the two agree)."""
    return math.acos(max(-1.0, min(1.0, 1.0 - 2.0 * eased))) / math.pi


@lru_cache(maxsize=64)
def _pixel_distances(rows: int) -> tuple[float, ...]:
    """Distinct distances of pixel centres from the middle of a disc of `rows` rows."""
    found = {math.hypot(n + 0.5, k + 0.5) for n in range(rows) for k in range(rows)}
    return tuple(sorted(found))


def disc_rows(width: int, height: int, max_rows: int = MAX_ROWS) -> int:
    """Cell rows of the largest disc that fits (it is twice as many columns wide), or 0."""
    rows = min(height, width // 2, max_rows)
    return rows if rows >= MIN_ROWS else 0


def disc_radius(level: float, rows: int) -> float:
    """Radius in pixels (half a cell row) for a fullness level on a disc of `rows` rows."""
    level = min(1.0, max(0.0, level))
    return rows * (SMALLEST + (1.0 - SMALLEST) * level)


def pixel_spans(radius: float, rows: int) -> tuple[Span, ...]:
    """Covered columns for each of the 2 x rows pixel rows of a disc `2 x rows` wide.

    A pixel is covered when its centre lies in the circle; each row is one span
    because a disc is convex, so this costs a square root per row, not per pixel,
    and only for the top half: the bottom half mirrors it.
    """
    centre = float(rows)
    squared = radius * radius
    top: list[Span] = []
    for j in range(rows):
        dy = centre - j - 0.5
        if dy >= radius:
            top.append((0, 0))
            continue
        half = math.sqrt(squared - dy * dy)
        start = max(0, math.ceil(centre - half - 0.5))
        end = min(2 * rows, math.floor(centre + half - 0.5) + 1)
        top.append((start, end) if end > start else (0, 0))
    return (*top, *reversed(top))


def half_block_line(top: Span, bottom: Span, width: int) -> str:
    """One cell row from its two pixel rows: █ both, ▀ top only, ▄ bottom only."""
    cells: list[str] = []
    for x in range(width):
        upper = top[0] <= x < top[1]
        lower = bottom[0] <= x < bottom[1]
        cells.append("█" if upper and lower else "▀" if upper else "▄" if lower else " ")
    return "".join(cells)


def disc_lines(level: float, rows: int, ascii: bool = False) -> tuple[str, ...]:
    """The disc at a fullness level as `rows` lines of `2 x rows` characters."""
    if rows <= 0:
        return ()
    radius = disc_radius(level, rows)
    if ascii:
        return ascii_lines(radius, rows)
    return half_block_lines(pixel_spans(radius, rows))


@lru_cache(maxsize=512)
def half_block_lines(spans: tuple[Span, ...]) -> tuple[str, ...]:
    """Lines for a disc's pixel spans; cached, since a breath repeats the same sizes.

    A cache hit returns the very same tuple, so callers can compare frames by identity.
    """
    width = len(spans)
    return tuple(
        half_block_line(spans[2 * k], spans[2 * k + 1], width) for k in range(len(spans) // 2)
    )


def ascii_lines(radius: float, rows: int, samples: int = 4) -> tuple[str, ...]:
    """The disc in plain ASCII, each cell shaded by how much of it the circle covers.

    Coverage is exact across each of `samples` slices of a cell row, so the
    edge softens from "." to "@" and growth looks smoother than whole cells.
    """
    width = 2 * rows
    centre = float(rows)
    lines: list[str] = []
    top_ramp = len(ASCII_RAMP) - 1
    for k in range(rows):
        cover = [0.0] * width
        for s in range(samples):
            # Pixel units: a cell row is two pixels tall.
            dy = (k + (s + 0.5) / samples) * 2.0 - centre
            if abs(dy) >= radius:
                continue
            half = math.sqrt(radius * radius - dy * dy)
            left, right = centre - half, centre + half
            for x in range(max(0, math.floor(left)), min(width, math.ceil(right))):
                cover[x] += max(0.0, min(right, x + 1.0) - max(left, float(x)))
        lines.append(
            "".join(ASCII_RAMP[min(top_ramp, round(c / samples * top_ramp))] for c in cover)
        )
    return tuple(lines)


SPLIT_GAP = 16
"""Unchanged cells inside a row's change worth a second span: sending a span
costs a cursor move and a colour change (about 45 bytes), and a disc cell is
3 bytes of UTF-8."""


def changed_span(old: str, new: str) -> tuple[int, int] | None:
    """Columns [start, end) from the first to the last cell where two lines differ."""
    if old == new:
        return None
    if len(old) != len(new):
        return (0, max(len(old), len(new)))
    start, end = 0, len(new)
    while old[start] == new[start]:
        start += 1
    while old[end - 1] == new[end - 1]:
        end -= 1
    return (start, end)


def count_cells(lines: Sequence[str]) -> int:
    """Cells the shape covers (not blank): a size that tests and benchmarks can compare."""
    return sum(len(line) - line.count(" ") for line in lines)


def changed_spans(old: str, new: str, gap: int = SPLIT_GAP) -> tuple[tuple[int, int], ...]:
    """Where two lines differ: one span, or two when `gap` or more equal cells part them.

    A disc row changes at both ends and not in the middle, so two spans send the
    two edges without the run of full blocks between them.
    """
    span = changed_span(old, new)
    if span is None:
        return ()
    start, end = span
    if len(old) != len(new) or end - start < gap + 2:
        return (span,)
    best, best_at, run = 0, 0, 0
    for x in range(start, end):
        run = run + 1 if old[x] == new[x] else 0
        if run > best:
            best, best_at = run, x + 1 - run
    if best < gap:
        return (span,)
    return ((start, best_at), (best_at + best, end))
