"""The breathing shape's maths: fullness over a breath, roundness, sizes, ASCII, diffs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backcare_tui.core.pacer_disc import (
    CROSSING_SLACK,
    FRAME_SECONDS,
    MAX_ROWS,
    MIN_ROWS,
    SMALLEST,
    SPLIT_GAP,
    breath_level,
    changed_span,
    changed_spans,
    count_cells,
    disc_lines,
    disc_radius,
    disc_rows,
    pixel_spans,
    until_shape_changes,
)
from backcare_tui.core.timeline import PhaseKind


def test_level_over_one_breath() -> None:
    assert breath_level(PhaseKind.INHALE, 0.0) == 0.0
    assert breath_level(PhaseKind.INHALE, 0.5) == pytest.approx(0.5)
    assert breath_level(PhaseKind.INHALE, 1.0) == pytest.approx(1.0)
    assert breath_level(PhaseKind.HOLD_IN, 0.3) == 1.0
    assert breath_level(PhaseKind.EXHALE, 0.0) == pytest.approx(1.0)
    assert breath_level(PhaseKind.EXHALE, 0.5) == pytest.approx(0.5)
    assert breath_level(PhaseKind.EXHALE, 1.0) == pytest.approx(0.0)
    assert breath_level(PhaseKind.HOLD_OUT, 0.7) == 0.0
    assert breath_level(PhaseKind.PREPARE, 0.5) == 0.0


def test_level_eases_at_the_turns() -> None:
    """Slow near the turns, fastest mid-breath: no jerk where in becomes hold."""
    step = 0.05
    start = breath_level(PhaseKind.INHALE, step) - breath_level(PhaseKind.INHALE, 0.0)
    middle = breath_level(PhaseKind.INHALE, 0.5 + step) - breath_level(PhaseKind.INHALE, 0.5)
    end = breath_level(PhaseKind.INHALE, 1.0) - breath_level(PhaseKind.INHALE, 1.0 - step)
    assert start < middle / 5
    assert end < middle / 5


@given(st.floats(0, 1), st.floats(0, 1))
def test_level_is_monotonic_within_a_phase(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert breath_level(PhaseKind.INHALE, low) <= breath_level(PhaseKind.INHALE, high)
    assert breath_level(PhaseKind.EXHALE, low) >= breath_level(PhaseKind.EXHALE, high)
    assert 0.0 <= breath_level(PhaseKind.INHALE, low) <= 1.0


def test_only_in_and_out_need_frames() -> None:
    for kind in (PhaseKind.INHALE, PhaseKind.EXHALE):
        assert until_shape_changes(kind, 0.0, 4.0, 12) is not None
    for kind in (PhaseKind.HOLD_IN, PhaseKind.HOLD_OUT, PhaseKind.PREPARE, PhaseKind.REST):
        assert until_shape_changes(kind, 0.0, 4.0, 12) is None


@pytest.mark.parametrize(
    ("width", "height", "rows"),
    [
        (80, 14, 14),
        (30, 20, 15),
        (31, 20, 15),
        (300, 100, MAX_ROWS),
        (80, 2, 0),
        (5, 20, 0),
        (6, 3, MIN_ROWS),
    ],
)
def test_disc_rows_fit_the_space(width: int, height: int, rows: int) -> None:
    assert type(disc_rows(width, height)) is int
    assert disc_rows(width, height) == rows


def test_disc_is_round_at_full_size() -> None:
    """Twice as wide in cells as tall, since a cell is about twice as tall as wide."""
    lines = disc_lines(1.0, 10)
    assert len(lines) == 10
    assert all(len(line) == 20 for line in lines)
    widths = [len(line.strip()) for line in lines]
    assert max(widths) == 20
    heights = [sum(1 for line in lines if line[x] != " ") for x in range(20)]
    assert max(heights) == 10
    assert widths == widths[::-1]
    assert lines[0].strip().startswith("▄") and lines[-1].strip().startswith("▀")


def test_disc_is_symmetric_at_every_size() -> None:
    for level in (0.0, 0.21, 0.5, 0.77, 1.0):
        lines = disc_lines(level, 12)
        flipped = [line.translate(str.maketrans("▀▄", "▄▀")) for line in reversed(lines)]
        assert list(lines) == flipped
        assert all(line == line[::-1] for line in lines)


def test_disc_grows_with_the_level() -> None:
    sizes = [count_cells(disc_lines(i / 20, 12)) for i in range(21)]
    assert sizes == sorted(sizes)
    assert sizes[0] > 0
    assert sizes[-1] > 8 * sizes[0]


def test_growth_is_smooth() -> None:
    """Small steps of level move the edge by little: no jumps of whole rings at once."""

    def pixels(level: float) -> set[tuple[int, int]]:
        spans = pixel_spans(disc_radius(level, 14), 14)
        return {(x, y) for y, (start, end) in enumerate(spans) for x in range(start, end)}

    previous = pixels(0.0)
    for i in range(1, 301):
        now = pixels(i / 300)
        assert previous <= now
        assert len(now - previous) <= 24  # 8-fold symmetry: edges move in groups
        previous = now


def test_smallest_disc_is_a_share_of_the_full_one() -> None:
    assert disc_radius(0.0, 10) == pytest.approx(10 * SMALLEST)
    assert disc_radius(1.0, 10) == pytest.approx(10)
    assert disc_radius(7.0, 10) == pytest.approx(10)


def test_ascii_disc_uses_only_ascii_and_keeps_the_shape() -> None:
    for level in (0.0, 0.5, 1.0):
        lines = disc_lines(level, 10, ascii=True)
        assert all(line.isascii() for line in lines)
        blocks = disc_lines(level, 10)
        assert len(lines) == len(blocks)
        # The same disc, shaded rather than cut: the covered area is within a ring.
        assert abs(count_cells(lines) - count_cells(blocks)) <= 2 * 10 + 4
    full = disc_lines(1.0, 10, ascii=True)
    assert full[5] == "@" * 20
    assert full[0][0] == " " and full[0][10] in "oO@"


def test_no_rows_no_lines() -> None:
    assert disc_lines(0.5, 0) == ()


def test_same_size_same_lines_object() -> None:
    """Equal frames are the same tuple, so the widget can skip them by identity."""
    assert disc_lines(0.5, 10) is disc_lines(0.5, 10)


@pytest.mark.parametrize(
    ("old", "new", "span"),
    [
        ("    ██    ", "    ██    ", None),
        ("    ████    ", "   ██████   ", (3, 9)),
        ("  ▄▄██▄▄  ", "  ▄████▄  ", (3, 7)),
        ("abc", "abd", (2, 3)),
        ("ab", "abc", (0, 3)),
    ],
)
def test_changed_span(old: str, new: str, span: tuple[int, int] | None) -> None:
    assert changed_span(old, new) == span


@given(st.text("ab ", min_size=8, max_size=8), st.text("ab ", min_size=8, max_size=8))
def test_changed_span_covers_every_change(old: str, new: str) -> None:
    span = changed_span(old, new)
    if span is None:
        assert old == new
        return
    start, end = span
    assert old[:start] == new[:start] and old[end:] == new[end:]
    assert old[start] != new[start] and old[end - 1] != new[end - 1]


def test_next_change_is_exactly_when_the_disc_changes() -> None:
    """Sleeping until the predicted instant always wakes to a new picture, and none is missed."""
    rows, length = 12, 4.0
    for kind in (PhaseKind.INHALE, PhaseKind.EXHALE):
        elapsed = 0.0
        shown = disc_lines(breath_level(kind, 0.0), rows)
        changes = 0
        while (delay := until_shape_changes(kind, elapsed, length, rows, floor=0.0)) is not None:
            # Just before the crossing (the wake-up comes CROSSING_SLACK after it)
            # nothing has changed yet...
            before = max(elapsed, elapsed + delay - CROSSING_SLACK - 1e-4)
            assert disc_lines(breath_level(kind, before / length), rows) == shown
            elapsed += delay
            if elapsed >= length:
                break
            now = disc_lines(breath_level(kind, elapsed / length), rows)
            # ...and just after it something has.
            assert now != shown
            shown = now
            changes += 1
        assert changes > 30


def test_next_change_respects_the_frame_cap_and_the_phase_end() -> None:
    assert until_shape_changes(PhaseKind.HOLD_IN, 1.0, 4.0, 12) is None
    assert until_shape_changes(PhaseKind.INHALE, 1.0, 4.0, 0) is None
    assert until_shape_changes(PhaseKind.INHALE, 4.0, 4.0, 12) is None
    mid = until_shape_changes(PhaseKind.INHALE, 2.0, 4.0, 22)
    assert mid is not None and mid == pytest.approx(FRAME_SECONDS)
    # The easing reaches full a little before the end: nothing is left to draw.
    assert until_shape_changes(PhaseKind.INHALE, 3.99, 4.0, 12) is None
    early = until_shape_changes(PhaseKind.EXHALE, 0.0, 6.0, 12)
    assert early is not None and 0.1 < early < 1.0


@given(st.floats(0, 1))
def test_uneasing_inverts_the_easing(t: float) -> None:
    from backcare_tui.core.breathing import ease_in_out
    from backcare_tui.core.pacer_disc import _uneased

    assert _uneased(ease_in_out(t)) == pytest.approx(t, abs=1e-6)


@pytest.mark.parametrize(
    ("old", "new", "spans"),
    [
        ("    ██    ", "    ██    ", ()),
        ("    ████    ", "   ██████   ", ((3, 9),)),
        # A wide row that grows at both ends: two edges, not the full blocks between.
        (" " * 4 + "█" * 20 + " " * 4, " " * 3 + "█" * 22 + " " * 3, ((3, 4), (24, 25))),
        # Fewer equal cells than the gap between the changes: one span is cheaper.
        (" " * 4 + "█" * 10 + " " * 4, " " * 3 + "█" * 12 + " " * 3, ((3, 15),)),
        # Exactly the gap of equal cells between two changes: two spans.
        (
            "x" + "█" * SPLIT_GAP + "x",
            "y" + "█" * SPLIT_GAP + "y",
            ((0, 1), (SPLIT_GAP + 1, SPLIT_GAP + 2)),
        ),
        # A long unchanged start of the row is not the gap between the changes.
        (
            " " * 40 + "x" + "█" * SPLIT_GAP + "x",
            " " * 40 + "y" + "█" * SPLIT_GAP + "y",
            ((40, 41), (SPLIT_GAP + 41, SPLIT_GAP + 42)),
        ),
        # Rows of different lengths are sent whole.
        ("█" * 30, " " * 40, ((0, 40),)),
    ],
)
def test_changed_spans(old: str, new: str, spans: tuple[tuple[int, int], ...]) -> None:
    assert changed_spans(old, new) == spans


@given(st.text("ab ", min_size=40, max_size=40), st.text("ab ", min_size=40, max_size=40))
def test_changed_spans_cover_every_change_and_skip_only_equal_cells(old: str, new: str) -> None:
    spans = changed_spans(old, new, gap=4)
    covered = {x for start, end in spans for x in range(start, end)}
    assert all(old[x] == new[x] for x in range(len(old)) if x not in covered)
    if len(spans) == 2:
        (_, first_end), (second_start, _) = spans
        assert second_start - first_end >= 4


@pytest.mark.parametrize(
    ("rows", "level", "blocks", "ascii"),
    [
        (3, 0.0, ("      ", "  ██  ", "      "), ("      ", "  OO  ", "      ")),
        (3, 0.5, ("  ▄▄  ", " ████ ", "  ▀▀  "), ("  oo  ", " O@@O ", "  oo  ")),
        (3, 1.0, ("▄████▄", "██████", "▀████▀"), (".O@@O.", "@@@@@@", ".O@@O.")),
        (
            4,
            0.0,
            ("        ", "   ▄▄   ", "   ▀▀   ", "        "),
            ("        ", "   oo   ", "   oo   ", "        "),
        ),
        (
            4,
            0.5,
            ("   ▄▄   ", " ▄████▄ ", " ▀████▀ ", "   ▀▀   "),
            ("   ..   ", " .@@@@. ", " .@@@@. ", "   ..   "),
        ),
        (
            4,
            1.0,
            (" ▄████▄ ", "████████", "████████", " ▀████▀ "),
            (" oO@@Oo ", "O@@@@@@O", "O@@@@@@O", " oO@@Oo "),
        ),
    ],
)
def test_the_disc_as_drawn(
    rows: int, level: float, blocks: tuple[str, ...], ascii: tuple[str, ...]
) -> None:
    assert disc_lines(level, rows) == blocks
    assert disc_lines(level, rows, ascii=True) == ascii


@pytest.mark.parametrize(
    ("kind", "elapsed", "length", "rows"),
    [
        (PhaseKind.INHALE, 0.0, 0.0, 12),
        (PhaseKind.INHALE, 0.0, 0.5, 12),
        (PhaseKind.INHALE, 0.0, 4.0, 0),
        (PhaseKind.INHALE, 5.0, 4.0, 12),
        (PhaseKind.EXHALE, 4.0, 4.0, 12),
        (PhaseKind.EXHALE, 3.99, 4.0, 12),
        (PhaseKind.HOLD_OUT, 0.0, 4.0, 12),
    ],
)
def test_no_wake_up_for_a_shape_that_will_not_change(
    kind: PhaseKind, elapsed: float, length: float, rows: int
) -> None:
    delay = until_shape_changes(kind, elapsed, length, rows)
    if length == 0.5:
        assert delay is not None and 0 < delay <= 0.5
    else:
        assert delay is None


@pytest.mark.parametrize("kind", [PhaseKind.INHALE, PhaseKind.EXHALE])
@pytest.mark.parametrize(("rows", "length"), [(1, 0.8), (3, 1.0), (5, 3.0)])
def test_each_wake_up_finds_a_new_picture_on_small_discs(
    kind: PhaseKind, rows: int, length: float
) -> None:
    """On small discs and short breaths too: the wake-up comes right after a pixel
    turns, and no picture is skipped."""

    def picture(at: float) -> tuple[str, ...]:
        level = breath_level(kind, at / length)
        return (
            disc_lines(level, rows)
            if rows >= 3
            else tuple(map(str, pixel_spans(disc_radius(level, rows), rows)))
        )

    elapsed, shown, changes = 0.0, picture(0.0), 0
    while (delay := until_shape_changes(kind, elapsed, length, rows, floor=0.0)) is not None:
        assert delay > 0
        assert picture(elapsed + delay - CROSSING_SLACK - 1e-6) == shown
        elapsed += delay
        if elapsed >= length:
            break
        assert picture(elapsed) != shown
        shown, changes = picture(elapsed), changes + 1
    assert picture(length) == shown, "the last change was not missed"
    assert changes >= rows
