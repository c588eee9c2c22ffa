"""How a session ends: the player's result, the summary's note, trials, Ctrl+C and Ctrl+Z."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from apps import AppFactory
from on_screen import toasts
from textual.pilot import Pilot
from textual.widgets import Input, Label

from backcare_tui.app import BackcareApp
from backcare_tui.core.clock import STALL_SECONDS, FakeClock
from backcare_tui.core.history import load_history
from backcare_tui.core.library import USER, load_entry
from backcare_tui.core.model import Routine, Step, Timed
from backcare_tui.core.paths import history_file
from backcare_tui.core.writer import dumps_routine
from backcare_tui.screens.confirm import ConfirmScreen
from backcare_tui.screens.editor import EditorScreen
from backcare_tui.screens.editor_actions import edit_routine
from backcare_tui.screens.home import HomeScreen
from backcare_tui.screens.note import NoteScreen
from backcare_tui.screens.player import PlayerScreen
from backcare_tui.screens.summary import SummaryScreen

ROUTINE = Routine("Two steps", (Step("One", Timed(10)), Step("Two", Timed(10))), prepare=0)


async def at(app: BackcareApp, pilot: Pilot[Any], seconds: float) -> None:
    clock = app.clock
    assert isinstance(clock, FakeClock)
    clock.set(seconds)
    if isinstance(app.screen, PlayerScreen):
        app.screen.sync()
    await pilot.pause()


async def played_to_the_end(app: BackcareApp, pilot: Pilot[Any]) -> SummaryScreen:
    app.start_session(ROUTINE)
    await pilot.pause()
    for second in range(1, 21):  # a frame a second, as the screen books them
        await at(app, pilot, second)
    await pilot.pause()
    assert isinstance(app.screen, SummaryScreen)
    return app.screen


async def test_the_player_dismisses_with_its_summary_and_it_is_on_disk(
    app_with: AppFactory,
) -> None:
    app = app_with(stall_seconds=STALL_SECONDS)
    async with app.run_test() as pilot:
        summary = await played_to_the_end(app, pilot)
        [stored] = load_history().sessions
        assert summary.row_id == stored.id
        assert stored.summary.actual_seconds == summary.summary.actual_seconds == 20
        assert stored.summary.completion == "completed"
        assert not any(isinstance(s, PlayerScreen) for s in app.screen_stack)


async def test_a_note_from_the_summary_is_kept_with_the_session(app_with: AppFactory) -> None:
    app = app_with(stall_seconds=STALL_SECONDS)
    async with app.run_test() as pilot:
        summary = await played_to_the_end(app, pilot)
        await pilot.press("n")
        assert isinstance(app.screen, NoteScreen)
        app.screen.query_one(Input).value = "  left knee   a bit stiff "
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen_stack[-1] is summary
        note = str(summary.query_one("#summary-note", Label).content)
        assert note == "Note: left knee a bit stiff"
        await pilot.press("n", "escape")
        assert app.screen_stack[-1] is summary
    [stored] = load_history().sessions
    assert stored.summary.note == "left knee a bit stiff"


async def test_repeat_from_the_summary_records_the_second_session_too(app_with: AppFactory) -> None:
    app = app_with(stall_seconds=STALL_SECONDS)
    async with app.run_test() as pilot:
        await played_to_the_end(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        for second in range(21, 41):
            await at(app, pilot, second)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert [type(s) for s in app.screen_stack] == [HomeScreen, SummaryScreen]
    assert len(load_history().sessions) == 2


async def test_ctrl_c_in_the_player_asks_to_stop_like_q(app_with: AppFactory) -> None:
    app = app_with(stall_seconds=STALL_SECONDS)
    async with app.run_test(notifications=True) as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        await at(app, pilot, 3)
        await pilot.press("ctrl+c")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Stop this session?" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("escape")
        assert isinstance(app.screen, PlayerScreen)
        await pilot.pause()
        assert toasts(app) == [], "no 'press ctrl+q to quit' toast"


async def test_ctrl_q_on_home_quits_without_asking(app_with: AppFactory) -> None:
    app = app_with(stall_seconds=STALL_SECONDS)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_ctrl_z_pauses_before_the_process_stops(app_with: AppFactory) -> None:
    app = app_with(stall_seconds=STALL_SECONDS)
    async with app.run_test() as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        for second in range(1, 5):
            await at(app, pilot, second)
        screen = app.screen
        assert isinstance(screen, PlayerScreen) and screen.player is not None
        app.app_suspend_signal.publish(app)  # what action_suspend_process does first
        await pilot.pause()
        assert screen.player.paused and screen.player.elapsed == 4
        await at(app, pilot, 300)  # the shell had the terminal meanwhile
        app.app_resume_signal.publish(app)
        await pilot.pause()
        assert screen.player.paused and screen.player.elapsed == 4


async def test_an_unseen_stop_leaves_the_session_paused_where_it_was_shown(
    app_with: AppFactory,
) -> None:
    app = app_with(stall_seconds=STALL_SECONDS)
    async with app.run_test(notifications=True) as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        for second in range(1, 7):
            await at(app, pilot, second)
        screen = app.screen
        assert isinstance(screen, PlayerScreen) and screen.player is not None
        await at(app, pilot, 600)  # kill -STOP, ten minutes, kill -CONT
        assert screen.player.paused and screen.player.elapsed == 6
        assert "PAUSED" in str(screen.query_one("#player-phase", Label).content)
        await pilot.pause()
        assert any(t.startswith("Paused\n") for t in toasts(app)), toasts(app)


async def test_try_it_returns_to_the_editor_with_the_edits_and_records_nothing(
    tmp_path: Path,
    app_with: AppFactory,
) -> None:
    path = tmp_path / "two.toml"
    path.write_text(dumps_routine(ROUTINE), encoding="utf-8")
    app = app_with(stall_seconds=STALL_SECONDS, pain_checkin=True)
    async with app.run_test(size=(120, 40)) as pilot:
        edit_routine(app, load_entry(path, USER))
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert not editor.session.dirty
        editor.query_one("#routine-name", Input).value = "Two steps, edited"
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen), "no pain question for a trial"
        for second in range(1, 21):
            await at(app, pilot, second)
        await pilot.pause()
        assert app.screen_stack.index(editor) == len(app.screen_stack) - 1, "back in the editor"
        assert editor.query_one("#routine-name", Input).value == "Two steps, edited"
        assert editor.draft.name == "Two steps, edited"
    assert not history_file().exists()
