"""Sessions reach the history: finished, stopped, with pain ratings, and when killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from apps import AppFactory
from on_screen import toasts
from textual.pilot import Pilot
from textual.widgets import Label

from backcare_tui.app import BackcareApp
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.history import load_history
from backcare_tui.core.model import Held, Routine, Step, Timed
from backcare_tui.core.paths import history_file
from backcare_tui.core.session_summary import SessionSummary, routine_hash
from backcare_tui.screens.confirm import ConfirmScreen
from backcare_tui.screens.pain import PainCheckScreen
from backcare_tui.screens.player import PlayerScreen
from backcare_tui.screens.summary import SummaryScreen

# prepare 0-2, March 2-12, rest between 12-14, Squeeze: hold 14-19, rest 19-22, hold 22-27.
ROUTINE = Routine(
    "Test routine",
    (Step("March", Timed(10)), Step("Squeeze", Held(hold=5, reps=2, rest=3))),
    prepare=2,
    rest_between=2,
)


async def at(app: BackcareApp, pilot: Pilot[Any], seconds: float) -> None:
    clock = app.clock
    assert isinstance(clock, FakeClock)
    clock.set(seconds)
    if isinstance(app.screen, PlayerScreen):
        app.screen.sync()
    await pilot.pause()


async def stored(app: BackcareApp, pilot: Pilot[Any]) -> list[SessionSummary]:
    await app.workers.wait_for_complete()
    await pilot.pause()
    return [s.summary for s in load_history().sessions]


async def test_a_finished_session_is_stored_with_its_numbers(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test() as pilot:
        app.start_session(ROUTINE, Path("/r/test.toml"))
        await pilot.pause()
        await at(app, pilot, 27)
        assert isinstance(app.screen, SummaryScreen)
        [row] = await stored(app, pilot)
    assert row.routine_name == "Test routine"
    assert row.routine_path == "/r/test.toml"
    assert row.routine_hash == routine_hash(ROUTINE)
    assert row.finished is True
    assert (row.steps_done, row.steps_skipped, row.steps_total) == (2, 0, 2)
    assert row.planned_seconds == pytest.approx(27)
    assert row.actual_seconds == pytest.approx(27)
    assert (row.ended_at - row.started_at).total_seconds() == pytest.approx(27, abs=1)
    assert row.started_at.tzinfo is not None
    assert (row.pain_before, row.pain_after) == (None, None)


async def test_a_session_stopped_early_is_stored_as_stopped(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test() as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        await at(app, pilot, 13)  # March done, in the rest before Squeeze
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        app.screen.dismiss(True)
        await pilot.pause()
        [row] = await stored(app, pilot)
    assert row.finished is False
    assert row.steps_done == 1
    assert row.actual_seconds == pytest.approx(13)
    assert row.planned_seconds == pytest.approx(27)


async def test_quitting_mid_session_still_stores_it(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test() as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        await at(app, pilot, 12)
        await app.action_quit()
        await pilot.pause()
    [row] = [s.summary for s in load_history().sessions]
    assert row.finished is False
    assert row.actual_seconds == pytest.approx(12)


async def test_a_session_under_ten_seconds_is_not_stored(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test() as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        await at(app, pilot, 9.5)
        await app.action_quit()
        await pilot.pause()
    assert load_history().sessions == []


async def test_a_store_that_fails_tells_the_user_and_the_app_carries_on(
    app_with: AppFactory,
) -> None:
    history_file().parent.mkdir(parents=True)
    history_file().mkdir()  # a folder where the database should be
    app = app_with()
    async with app.run_test(notifications=True) as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        await at(app, pilot, 27)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        messages = toasts(app)
        assert any("was not added to the history" in m for m in messages), messages


async def test_pain_check_in_before_and_after(app_with: AppFactory) -> None:
    app = app_with(pain_checkin=True)
    async with app.run_test() as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        assert isinstance(app.screen, PainCheckScreen)
        assert "How is your back right now? 0-10" in str(
            app.screen.query_one("#pain-question", Label).content
        )
        assert "Before: Test routine" in str(app.screen.query_one("#pain-routine", Label).content)
        await pilot.press("3")
        assert isinstance(app.screen, PlayerScreen)
        await at(app, pilot, 27)
        await pilot.pause()
        assert isinstance(app.screen, PainCheckScreen), "asked again after the session"
        [row] = await stored(app, pilot)
        assert (row.pain_before, row.pain_after) == (3, None), "on disk before the question"
        await pilot.press("t")  # ten
        assert isinstance(app.screen, SummaryScreen)
        [row] = await stored(app, pilot)
        assert (row.pain_before, row.pain_after) == (3, 10)
        assert "3 before, 10 after" in str(app.screen.query_one("#summary-pain", Label).content)
        advice = str(app.screen.query_one("#summary-pain-advice", Label).content)
        assert (
            "Stop exercising" in advice and "physiotherapist" in advice
        )  # 10 after: stop, not ease off


async def test_pain_check_in_can_be_skipped_and_gives_no_advice_when_better(
    app_with: AppFactory,
) -> None:
    app = app_with(pain_checkin=True)
    async with app.run_test() as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, PlayerScreen)
        await at(app, pilot, 27)
        await pilot.pause()
        await pilot.press("2")
        [row] = await stored(app, pilot)
        assert (row.pain_before, row.pain_after) == (None, 2)
        assert not app.screen.query_one("#summary-pain-advice").display


async def test_a_session_awaiting_its_after_score_is_stored_when_the_app_quits(
    app_with: AppFactory,
) -> None:
    app = app_with(pain_checkin=True)
    async with app.run_test() as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        await pilot.press("4")
        await at(app, pilot, 27)
        await pilot.pause()
        assert isinstance(app.screen, PainCheckScreen)
        await app.action_quit()
        await pilot.pause()
    [row] = [s.summary for s in load_history().sessions]
    assert (row.pain_before, row.pain_after, row.finished) == (4, None, True)


async def test_dont_start_backs_out_and_records_nothing(app_with: AppFactory) -> None:
    app = app_with(pain_checkin=True)
    async with app.run_test() as pilot:
        home = app.screen
        app.start_session(ROUTINE)
        await pilot.pause()
        assert isinstance(app.screen, PainCheckScreen)
        await pilot.click("#pain-dont-start")
        await pilot.pause()
        assert app.screen is home
    assert not history_file().exists()


async def test_backcare_run_asks_before_and_after_naming_the_routine(app_with: AppFactory) -> None:
    app = app_with(start=ROUTINE, pain_checkin=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PainCheckScreen)
        assert "Before: Test routine" in str(app.screen.query_one("#pain-routine", Label).content)
        await pilot.press("6")
        await at(app, pilot, 27)
        await pilot.pause()
        assert isinstance(app.screen, PainCheckScreen)
        assert "After: Test routine" in str(app.screen.query_one("#pain-routine", Label).content)
        await pilot.press("2")
        await pilot.pause()
    [row] = [s.summary for s in load_history().sessions]
    assert (row.pain_before, row.pain_after) == (6, 2)
    assert app.outcome.exit_code == 0
    assert "Your back (0-10): 6 before, 2 after" in app.outcome.lines


async def test_backcare_run_dont_start_leaves_with_nothing_recorded(app_with: AppFactory) -> None:
    app = app_with(start=ROUTINE, pain_checkin=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
    assert app.outcome.exit_code == 1
    assert not history_file().exists()


async def test_without_the_check_in_a_session_starts_with_one_key(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test() as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)


KILLED = textwrap.dedent(
    """
    import sys
    from backcare_tui.app import make_app
    from backcare_tui.core.clock import FakeClock
    from backcare_tui.core.model import Routine, Step, Timed
    from backcare_tui.core.settings import Settings
    from backcare_tui.screens.player import PlayerScreen

    routine = Routine("Long one", (Step("Stand", Timed(600)),), prepare=0)
    clock = FakeClock()
    app = make_app(settings=Settings(notice_seen=True, sound=False), clock=clock)

    def playing() -> None:
        clock.set(30)  # long enough to be kept
        print("playing", flush=True)

    def ready() -> None:
        app.start_session(routine)
        app.call_after_refresh(playing)

    app.call_later(ready)
    app.run(headless=True)
    print("exited", app.return_code, flush=True)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
@pytest.mark.parametrize("number", [signal.SIGTERM, getattr(signal, "SIGHUP", 1)])
def test_a_session_killed_by_a_signal_still_records_what_was_done(
    isolated_home: Path, number: int
) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "playing"
    process.send_signal(number)
    out, err = process.communicate(timeout=30)
    if number == signal.SIGTERM:
        assert f"exited {128 + number}" in out, err  # the app shut down and returned
    else:
        assert process.returncode == 128 + number, err  # hung up: straight out, nothing to restore
    [row] = [s.summary for s in load_history().sessions]
    assert row.routine_name == "Long one"
    assert row.finished is False
    assert row.actual_seconds == pytest.approx(30)


async def test_repeat_from_the_summary_asks_again_and_plays(app_with: AppFactory) -> None:
    app = app_with(pain_checkin=True)
    async with app.run_test() as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        await pilot.press("5")
        await at(app, pilot, 27)
        await pilot.pause()
        await pilot.press("4")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("r")
        assert isinstance(app.screen, PainCheckScreen)
        await pilot.press("2")
        assert isinstance(app.screen, PlayerScreen)
        assert not any(isinstance(s, SummaryScreen) for s in app.screen_stack)
        await at(app, pilot, 27 + 12)
        await app.action_quit()
    rows = [s.summary for s in load_history().sessions]
    assert [(r.pain_before, r.pain_after) for r in rows] == [(2, None), (5, 4)]
