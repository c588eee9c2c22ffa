"""Two small drawings people read at a glance: the big clock's digits and the goal dots."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from rich.console import Console
from sessions import a_session

from backcare_tui.core.session_summary import SessionSummary
from backcare_tui.core.stats import compute_stats
from backcare_tui.screens.stats import week_table
from backcare_tui.widgets.big_clock import block_lines, block_width


def test_the_digit_one_has_its_flag_and_foot() -> None:
    assert block_lines("1", 1, ascii_only=True) == [
        "  ##  ",
        "####  ",
        "  ##  ",
        "  ##  ",
        "######",
    ]


def test_block_digits_scale_and_keep_a_column_between() -> None:
    lines = block_lines("1:1", 2)
    assert len(lines) == 10
    assert {len(line) for line in lines} == {block_width("1:1", 2)} == {(3 + 1 + 1 + 1 + 3) * 4}
    # " # " + gap + the colon's blank top + gap + " # ", each pixel 2 rows by 4 columns.
    assert lines[0] == lines[1] == " " * 4 + "█" * 4 + " " * 20 + "█" * 4 + " " * 4


NOON = datetime(2024, 1, 3, 12, tzinfo=UTC)


def done(count: int) -> list[SessionSummary]:
    return [a_session(NOON.replace(minute=n), name="Desk break") for n in range(count)]


@pytest.mark.parametrize(
    ("count", "goal", "line"),
    [
        (0, 3, "0 of 3 sessions  ○○○  3 more to reach your goal"),
        (1, 3, "1 of 3 sessions  ●○○  2 more to reach your goal"),
        (2, 3, "2 of 3 sessions  ●●○  1 more to reach your goal"),
        (3, 3, "3 sessions, goal 3 met  ●●●  well done"),
        (5, 3, "5 sessions, goal 3 met  ●●●  2 extra"),
        (1, 1, "1 session, goal 1 met  ●  well done"),
    ],
)
def test_the_goal_dots_fill_one_per_session(count: int, goal: int, line: str) -> None:
    stats = compute_stats(done(count), now=NOON, tz=UTC, goal=goal)
    console = Console(width=100, record=True, color_system=None)
    console.print(week_table(stats))
    first = console.export_text().splitlines()[0]
    assert first.removeprefix("This week").strip() == line
