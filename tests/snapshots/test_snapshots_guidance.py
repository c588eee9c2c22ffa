"""The player read from two metres, at 80x24 and 120x40: a sided hold, SWITCH SIDES, the
rest before a step ("Get ready: ..."), a timed step past halfway, and breathing in
reduced motion (a big count where the shape would be). Fake clock, so every
picture is the same each time."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from apps import AppFactory, played_to

from backcare_tui.core.breathing import BreathPattern
from backcare_tui.core.breathing_session import INSTRUCTIONS
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.model import Breathing, Held, Routine, Step, Timed
from backcare_tui.screens.player import PlayerScreen
from backcare_tui.terminal_title import TerminalTitle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
SnapCompare = Callable[..., bool]

MAT = Routine(
    "On the mat",
    (
        Step(
            "Bird-dog",
            Held(hold=10, reps=2, rest=3, sides="both", switch=5),
            instructions="On hands and knees, reach one arm forward and the other leg back.",
            cues=("Hips level", "Reach long"),
        ),
        Step(
            "Dead bug",
            Timed(40),
            instructions="On your back, arms up, knees over hips; lower opposite arm and leg.",
            cues=("Lower back down", "Slow and steady"),
        ),
        Step("Belly breathing", Breathing(BreathPattern(4, 0, 6), cycles=3), INSTRUCTIONS),
    ),
    prepare=5,
    rest_between=10,
)
# Lead-in 0-5; left 5-15, rest 15-18, left 18-28; switch 28-33; right 33-43, rest 43-46,
# right 46-56; rest before Dead bug 56-66; Dead bug 66-106; rest 106-116; breathing 116-.
SIDED_HOLD = 7.5
SWITCH = 30.0
GET_READY = 58.0
PAST_HALFWAY = 92.0
BREATHING = 117.5


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "at", [SIDED_HOLD, SWITCH, GET_READY, PAST_HALFWAY], ids=["sided", "switch", "ready", "half"]
)
def test_player_from_two_metres(
    snap_compare: SnapCompare, size: tuple[int, int], at: float, app_with: AppFactory
) -> None:
    app = app_with()
    assert snap_compare(app, terminal_size=size, run_before=played_to(app, at, MAT))


@pytest.mark.parametrize("size", SIZES)
def test_breathing_in_reduced_motion(
    snap_compare: SnapCompare, size: tuple[int, int], app_with: AppFactory
) -> None:
    app = app_with(reduced_motion=True)
    assert snap_compare(app, terminal_size=size, run_before=played_to(app, BREATHING, MAT))


def shown(screen: PlayerScreen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def test_what_the_screen_says_through_a_session(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        app.start_session(MAT)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayerScreen)
        title = screen.terminal_title
        assert title is not None
        clock = app.clock
        assert isinstance(clock, FakeClock)

        async def at(seconds: float) -> None:
            clock.set(seconds)
            screen.sync()
            await pilot.pause()

        await at(SIDED_HOLD)
        assert shown(screen, "#player-side-band") == "◀  LEFT SIDE"
        assert shown(screen, "#player-counters") == "Rep 1/2 · Left"
        assert title.shown == "backcare · HOLD 0:08 · Bird-dog"
        await at(SWITCH)
        assert shown(screen, "#player-phase") == "SWITCH SIDES"
        assert shown(screen, "#player-side-band") == "TURN TO THE RIGHT SIDE  ▶"
        await at(GET_READY)
        assert shown(screen, "#player-phase") == "Get ready: Dead bug"
        assert shown(screen, "#player-step") == "Dead bug"
        assert shown(screen, "#player-done") == "Done: Bird-dog"
        assert "On your back" in shown(screen, "#player-instructions")
        assert not screen.query_one("#player-side-band").display
        assert title.shown == "backcare · REST 0:08 · Dead bug"
        await at(66 + 19)
        assert shown(screen, "#player-phase") == "WORK"
        await at(66 + 20)
        assert shown(screen, "#player-phase") == "WORK · SECOND HALF"
        assert shown(screen, "#player-cue") == "“Slow and steady”"
        assert not screen.query_one("#player-done").display
        await pilot.press("space")
        assert title.shown == "backcare · PAUSED · WORK 0:20 · Dead bug"
    assert title.shown is None, "the shell's title is given back"


def test_the_title_is_saved_set_only_on_change_and_restored() -> None:
    written: list[str] = []
    title = TerminalTitle(written.append)
    title.show("backcare · HOLD 0:12 · Bird-dog")
    title.show("backcare · HOLD 0:12 · Bird-dog")
    title.show("backcare · HOLD 0:11 · Evil\x07\x1b]2;x")
    title.restore()
    title.restore()
    assert written == [
        "\x1b[22;2t\x1b]2;backcare · HOLD 0:12 · Bird-dog\x07",
        "\x1b]2;backcare · HOLD 0:11 · Evil]2;x\x07",
        "\x1b[23;2t",
    ]
