"""How home, the player, the summary and help look, at 80x24 and 120x40.

Pictures are taken on a fake clock, so a countdown shows the same number on
every run; regenerate with `pytest tests/snapshots/test_snapshots_screens.py --snapshot-update`
and look at them before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from apps import AppFactory, play_at, played_to
from textual.pilot import Pilot

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

SnapCompare = Callable[..., bool]

# Desk break: lead-in 0-5, arm circles 5-35, rest 35-38, shoulder blade squeeze
# holds from 38 (5 s hold, 3 s rest, 5 reps).
IN_A_HOLD = 40.5
IN_A_REST = 44.0


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: SnapCompare, size: tuple[int, int], app_with: AppFactory) -> None:
    assert snap_compare(app_with(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_player_in_a_hold(
    snap_compare: SnapCompare, size: tuple[int, int], app_with: AppFactory
) -> None:
    app = app_with()
    assert snap_compare(app, terminal_size=size, run_before=played_to(app, IN_A_HOLD))


@pytest.mark.parametrize("size", SIZES)
def test_player_in_a_rest(
    snap_compare: SnapCompare, size: tuple[int, int], app_with: AppFactory
) -> None:
    app = app_with()
    assert snap_compare(app, terminal_size=size, run_before=played_to(app, IN_A_REST))


@pytest.mark.parametrize("size", SIZES)
def test_summary(snap_compare: SnapCompare, size: tuple[int, int], app_with: AppFactory) -> None:
    app = app_with()
    assert snap_compare(app, terminal_size=size, run_before=played_to(app, 10_000))


def test_player_paused_in_ascii(snap_compare: SnapCompare, app_with: AppFactory) -> None:
    app = app_with(ascii=True)

    async def run_before(pilot: Pilot[Any]) -> None:
        await play_at(app, pilot, IN_A_HOLD)
        await pilot.press("space")

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_help(snap_compare: SnapCompare, app_with: AppFactory) -> None:
    app = app_with()

    async def open_help(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_help)
