"""The end of a session in words, on screen and after `backcare run`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from apps import AppFactory
from sessions import a_session

from backcare_tui.core.clock import FakeClock
from backcare_tui.core.completion import Completion
from backcare_tui.core.model import Routine, Step, Timed
from backcare_tui.core.player import Player
from backcare_tui.core.session_summary import (
    SessionSummary,
    recap_lines,
    routine_hash,
    summarize,
)
from backcare_tui.core.timeline import compile_routine
from backcare_tui.screens.home import HomeScreen
from backcare_tui.screens.player import PlayerScreen
from backcare_tui.screens.summary import SummaryScreen

ROUTINE = Routine("Two steps", (Step("One", Timed(10)), Step("Two", Timed(10))), prepare=0)
START = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)


def summary(**changes: Any) -> SessionSummary:
    """ROUTINE played through in its 20 seconds, unless the case says otherwise."""
    return a_session(START, name="Two steps", planned=20, steps=2, **changes)


def test_summarize_takes_times_from_the_engine() -> None:
    clock = FakeClock(100)
    player = Player(compile_routine(ROUTINE), clock)
    player.start()
    clock.advance(5)
    player.pause()
    clock.advance(60)
    player.resume()
    clock.advance(2)
    player.skip_step()
    clock.advance(3)
    player.stop()
    clock.advance(50)
    done = summarize(player, ROUTINE, None, START, 100)
    assert done.actual_seconds == 10
    assert done.ended_at == START + timedelta(seconds=70)
    assert (done.steps_done, done.steps_skipped, done.steps_total) == (0, 1, 2)
    assert not done.finished
    assert done.routine_path is None


def test_a_session_still_running_is_summed_up_at_the_engines_now() -> None:
    """The terminal closed mid-session: the record ends at the engine's clock."""
    clock = FakeClock(100)
    player = Player(compile_routine(ROUTINE), clock)
    player.start()
    path = Path("/routines/two-steps.toml")
    assert summarize(player, ROUTINE, path, START, 100).ended_at == START
    clock.advance(3)
    done = summarize(player, ROUTINE, path, START, 100)
    assert (done.ended_at, done.routine_path, done.finished) == (
        START + timedelta(seconds=3),
        "/routines/two-steps.toml",
        False,
    )
    player.skip_step()
    player.skip_step()
    skipped = summarize(player, ROUTINE, path, START, 100)
    assert skipped.finished and skipped.completion is Completion.PARTIAL


WELL_DONE = "Well done. A few minutes like this on most days is what helps a back."


@pytest.mark.parametrize(
    ("changes", "lines"),
    [
        ({}, ["Two steps: finished in 20s.", "2 of 2 steps done.", WELL_DONE]),
        (
            {"actual_seconds": 12, "steps_done": 1, "steps_skipped": 1},
            [
                "Two steps: finished in 12s.",
                "1 of 2 steps done, 1 skipped.",
                "Done. Leaving out what does not feel right today is the right call.",
            ],
        ),
        (
            {"actual_seconds": 4, "steps_done": 0, "steps_skipped": 2},
            [
                "Two steps: reached the end by skipping, 4s played.",
                "0 of 2 steps done, 2 skipped.",
                "Most of it was skipped, so it does not count toward your goal this time.",
                "Under 10s played: not kept in the history.",
            ],
        ),
        (
            {"finished": False, "actual_seconds": 75, "steps_done": 1, "steps_skipped": 1},
            [
                "Two steps: stopped after 1m 15s.",
                "1 of 2 steps done, 1 skipped.",
                "A short session still counts. Every bit of movement helps.",
            ],
        ),
        (
            {"finished": False, "actual_seconds": 12, "steps_done": 0},
            [
                "Two steps: stopped after 12s.",
                "0 of 2 steps done.",
                "No harm in stopping early. Come back when it suits you.",
            ],
        ),
        (
            {"routine_name": "Two\nsteps", "steps_total": 1, "steps_done": 1},
            ["Two steps: finished in 20s.", "1 of 1 step done.", WELL_DONE],
        ),
    ],
    ids=[
        "finished",
        "finished, one skipped",
        "skipped through",
        "stopped",
        "stopped early",
        "one step",
    ],
)
def test_the_recap_says_how_the_session_ended(changes: dict[str, object], lines: list[str]) -> None:
    assert recap_lines(summary(**changes)) == lines


def test_the_hash_tells_an_edited_routine_apart() -> None:
    edited = Routine("Two steps", (Step("One", Timed(10)), Step("Two", Timed(15))), prepare=0)
    assert routine_hash(ROUTINE) == routine_hash(Routine(ROUTINE.name, ROUTINE.steps, prepare=0))
    assert routine_hash(ROUTINE) != routine_hash(edited)
    assert len(routine_hash(ROUTINE)) == 16 and int(routine_hash(ROUTINE), 16) >= 0


async def test_summary_screen_goes_home_or_round_again(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test(size=(80, 24)) as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        app.clock.advance(25)  # type: ignore[attr-defined]
        app.screen.sync()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        assert str(screen.query_one("#summary-title").content) == "Session finished"
        await pilot.press("r")
        assert isinstance(app.screen, PlayerScreen)
        assert len(app.screen_stack) == 2, "repeat replaces the summary, it does not pile up"
        await pilot.press("q", "enter")
        assert isinstance(app.screen, SummaryScreen)
        assert str(app.screen.query_one("#summary-title").content) == "Session stopped"
        await pilot.press("h")
        assert isinstance(app.screen, HomeScreen)
