"""Summary keys e (felt easy) and t (too hard): stored with the session, and the level follows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from apps import AppFactory
from textual.pilot import Pilot
from textual.widgets import Label

from backcare_tui.app import BackcareApp
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.history import load_history
from backcare_tui.core.model import Held, Increase, Progress, Routine, Step
from backcare_tui.core.progression import standing
from backcare_tui.screens.player import PlayerScreen
from backcare_tui.screens.summary import SummaryScreen

WALL_SIT = Routine(
    "Wall sit",
    (Step("Sit", Held(10), progress=Progress((Increase("hold", 2, 20),), every=3)),),
    prepare=0,
)


async def finish(app: BackcareApp, pilot: Pilot[Any]) -> None:
    """A frame a second on the fake clock until the 10 s hold is over."""
    clock = app.clock
    assert isinstance(clock, FakeClock)
    start = clock.now()
    for second in range(1, 12):
        clock.set(start + second)
        if isinstance(app.screen, PlayerScreen):
            app.screen.sync()
        await pilot.pause()
    await pilot.pause()


async def played(app: BackcareApp, pilot: Pilot[Any]) -> SummaryScreen:
    app.start_session(WALL_SIT)
    await pilot.pause()
    await finish(app, pilot)
    assert isinstance(app.screen, SummaryScreen)
    return app.screen


def said(summary: SummaryScreen, selector: str) -> str:
    label = summary.query_one(selector, Label)
    return str(label.content) if label.display else ""


async def test_e_and_t_are_stored_with_the_session_and_move_the_level(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test() as pilot:
        summary = await played(app, pilot)
        assert said(summary, "#summary-feedback") == ""
        await pilot.press("e")
        assert said(summary, "#summary-feedback") == (
            "Felt easy: this session counts as two towards the next step up."
        )
        [stored] = load_history().sessions
        assert stored.summary.feedback == "easy"
        assert standing(WALL_SIT, [stored.summary]).steps[0].credit == 2
        await pilot.press("t")
        assert said(summary, "#summary-feedback") == (
            "Too hard: the routine goes one level back next time."
        )
        [stored] = load_history().sessions
        assert stored.summary.feedback == "hard"


async def test_rising_pain_holds_the_level_and_the_summary_says_why(app_with: AppFactory) -> None:
    app = app_with(pain_checkin=True)
    async with app.run_test() as pilot:
        app.start_session(WALL_SIT)
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await finish(app, pilot)
        await pilot.press("5")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert said(summary, "#summary-level") == (
            "Pain went from 2 to 5, so the routine stays at its level this time."
        )
        [stored] = load_history().sessions
        assert (stored.summary.pain_before, stored.summary.pain_after) == (2, 5)
        assert standing(WALL_SIT, [stored.summary]).steps[0].credit == 0


async def test_repeat_plays_the_level_the_session_has_led_to(
    user_routines: Path, app_with: AppFactory
) -> None:
    (user_routines / "wall-sit.toml").write_text(
        'name = "Wall sit"\nprepare = 0\n[[steps]]\nname = "Sit"\nhold = 10\n'
        'progress = { hold = "+2s", hold_max = "20s", every = 1 }\n'
    )
    app = app_with()
    async with app.run_test() as pilot:
        entry = app.library.find("wall-sit")
        assert entry is not None and entry.routine is not None
        app.start_session(app.practice.at_level(entry.routine), entry.path)
        await pilot.pause()
        await finish(app, pilot)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("r")
        await pilot.pause()
        player = app.screen
        assert isinstance(player, PlayerScreen)
        action = player.routine.steps[0].action
        assert isinstance(action, Held) and action.hold == 12
