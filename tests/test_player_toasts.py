"""Toasts in the player sit where they never cover the clock, the phase or the time left."""

from __future__ import annotations

from typing import Any

import pytest
from apps import AppFactory
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets._toast import Toast

from backcare_tui.core.model import Held, Routine, Step, Timed
from backcare_tui.screens.player import PlayerScreen

ROUTINE = Routine(
    "Toasts",
    (
        Step("March", Timed(60), instructions="Lift your knees.", cues=("Tall spine",)),
        Step("Squeeze", Held(hold=5, reps=2, rest=3)),
    ),
    prepare=0,
)


@pytest.fixture(autouse=True)
def no_audio_programs(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))


def visible(screen: Screen[Any], toast: Toast) -> Region:
    """The part of a toast on screen: the toast rack clips what does not fit."""
    where = screen.find_widget(toast)
    return where.region.intersection(where.clip)


@pytest.mark.parametrize("size", [(120, 40), (100, 30), (80, 24), (60, 20), (40, 12)])
async def test_toasts_never_cover_the_clock_the_phase_or_the_time_left(
    size: tuple[int, int],
    app_with: AppFactory,
) -> None:
    app = app_with()
    async with app.run_test(size=size, notifications=True) as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayerScreen)
        app.notify("Sound is off: no audio player was found.", title="Sound", timeout=30)
        app.notify("A second thing to say, a little longer than the first one.", timeout=30)
        await pilot.pause()
        await pilot.pause()
        toasts = list(screen.query(Toast))
        assert len(toasts) == 2
        kept = {
            name: screen.query_one(selector).region
            for name, selector in (
                ("phase", "#player-phase"),
                ("clock", "#player-clock"),
                ("time left", "#player-progress"),
            )
        }
        for name, region in kept.items():
            assert region.area > 0, f"{name} is not shown at {size}"
        shown_parts = [visible(screen, toast) for toast in toasts]
        assert shown_parts[0].area > 0, "the first toast shows"
        for shown in shown_parts:
            for name, region in kept.items():
                assert not shown.overlaps(region), f"a toast {shown} covers the {name} {region}"
