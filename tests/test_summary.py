"""The end of a session in words, on screen and after `backcare run`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from apps import AppFactory

from backcare_tui.core.clock import FakeClock
from backcare_tui.core.model import Routine, Step, Timed
from backcare_tui.core.player import Player
from backcare_tui.core.session_summary import SessionSummary, encouragement, recap_lines, summarize
from backcare_tui.core.timeline import compile_routine
from backcare_tui.screens.home import HomeScreen
from backcare_tui.screens.player import PlayerScreen
from backcare_tui.screens.summary import SummaryScreen

ROUTINE = Routine("Two steps", (Step("One", Timed(10)), Step("Two", Timed(10))), prepare=0)
START = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)


def summary(**changes: object) -> SessionSummary:
    values: dict[str, object] = {
        "routine_name": "Two steps",
        "routine_path": None,
        "routine_hash": "x",
        "started_at": START,
        "ended_at": START,
        "planned_seconds": 20.0,
        "actual_seconds": 20.0,
        "steps_done": 2,
        "steps_skipped": 0,
        "steps_total": 2,
        "finished": True,
    }
    values.update(changes)
    return SessionSummary(**values)  # type: ignore[arg-type]


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


def test_recap_lines_say_what_happened() -> None:
    assert recap_lines(summary()) == [
        "Two steps: finished in 20s.",
        "2 of 2 steps done.",
        encouragement(summary()),
    ]
    stopped = summary(finished=False, actual_seconds=75, steps_done=1, steps_skipped=1)
    assert recap_lines(stopped)[:2] == [
        "Two steps: stopped after 1m 15s.",
        "1 of 2 steps done, 1 skipped.",
    ]


def test_encouragement_fits_the_session() -> None:
    lines = {
        encouragement(summary()),
        encouragement(summary(steps_skipped=1)),
        encouragement(summary(finished=False, steps_done=1)),
        encouragement(summary(finished=False, steps_done=0)),
    }
    assert len(lines) == 4


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
