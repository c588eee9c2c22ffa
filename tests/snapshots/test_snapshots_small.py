"""What home, the player and the stop question keep at 40x12, 60x20 and 80x24.

The decisions, checked here and pictured in the snapshots:
- player: the phase and the clock first, then the stop key in the footer;
  the step list and How-to go under 70 columns, the labels under the clock
  give way before the clock does;
- stop question: the buttons stack under 60 columns, so both read in full;
- home: under 60 columns a short title that fits, never a cut one.

Regenerate with `pytest tests/snapshots/test_snapshots_small.py --snapshot-update` and
look at them (rsvg-convert makes PNGs) before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from apps import AppFactory, play_at
from on_screen import footer_keys
from textual.pilot import Pilot
from textual.widgets import Button, Label

from backcare_tui.app import BackcareApp
from backcare_tui.screens.confirm import ConfirmScreen
from backcare_tui.screens.home import HomeScreen

SIZES = [
    pytest.param((40, 12), id="40x12"),
    pytest.param((60, 20), id="60x20"),
    pytest.param((80, 24), id="80x24"),
]
IN_A_HOLD = 40.5
"""Desk break: the first hold of the shoulder blade squeeze."""

SnapCompare = Callable[..., bool]


def playing(app: BackcareApp) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await play_at(app, pilot, IN_A_HOLD)

    return run_before


def asking_to_stop(app: BackcareApp) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await play_at(app, pilot, IN_A_HOLD)
        await pilot.press("q")
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: SnapCompare, size: tuple[int, int], app_with: AppFactory) -> None:
    assert snap_compare(app_with(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_player(snap_compare: SnapCompare, size: tuple[int, int], app_with: AppFactory) -> None:
    app = app_with()
    assert snap_compare(app, terminal_size=size, run_before=playing(app))


@pytest.mark.parametrize("size", SIZES)
def test_stop_question(
    snap_compare: SnapCompare, size: tuple[int, int], app_with: AppFactory
) -> None:
    app = app_with()
    assert snap_compare(app, terminal_size=size, run_before=asking_to_stop(app))


def words_fit(widget: Label | Button, words: str) -> bool:
    """The widget shows all of `words`: it is on screen and its content box is wide enough."""
    return widget.region.area > 0 and widget.content_region.width >= len(words)


@pytest.mark.parametrize("size", [(40, 12), (60, 20), (80, 24)])
async def test_what_each_screen_keeps(size: tuple[int, int], app_with: AppFactory) -> None:
    width, height = size
    app = app_with()
    async with app.run_test(size=size) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        titles = [label for label in home.query("#home-title, #home-title-short").results(Label)]
        shown = [label for label in titles if label.region.area > 0]
        assert len(shown) == 1
        assert words_fit(shown[0], str(shown[0].render()).strip())

        player = await play_at(app, pilot, IN_A_HOLD)
        screen_box = player.region
        for selector in ("#player-phase", "#player-clock"):
            region = player.query_one(selector).region
            assert region.area > 0 and screen_box.contains_region(region), selector
        footer = player.query_one("KeysFooter")
        assert footer.region.bottom == height
        assert "q Stop" in footer_keys(player), "the stop key shows"

        await pilot.press("q")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        for button_id, words in (
            ("#confirm-yes", "Stop (Enter)"),
            ("#confirm-no", "Keep going (Esc)"),
        ):
            button = question.query_one(button_id, Button)
            assert words_fit(button, words), f"{words!r} is cut at {width}x{height}"
            assert question.region.contains_region(button.region)
