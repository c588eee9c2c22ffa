"""The player screen on a fake clock: what it shows at chosen instants, and every key."""

from __future__ import annotations

from typing import Any

import pytest
from apps import AppFactory
from on_screen import toasts
from textual import events
from textual.pilot import Pilot
from textual.widgets import Label, Static

from backcare_tui.app import BackcareApp, Outcome
from backcare_tui.core.breathing import BreathPattern
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.history import load_history
from backcare_tui.core.model import Breathing, Held, Routine, Step, Timed
from backcare_tui.core.player import Player
from backcare_tui.core.redraw import SLACK, next_redraw
from backcare_tui.core.timeline import compile_routine
from backcare_tui.screens.confirm import ConfirmScreen
from backcare_tui.screens.player import PlayerScreen
from backcare_tui.screens.player_words import counters_text, current_cue, next_text
from backcare_tui.screens.summary import SummaryScreen
from backcare_tui.widgets.big_clock import BigClock
from backcare_tui.widgets.pacer import Pacer
from backcare_tui.widgets.session_steps import status, visible_window

# prepare 0-3, March 3-13, rest between 13-15, Squeeze: hold 15-20, rest 20-23, hold 23-28.
ROUTINE = Routine(
    "Test routine",
    (
        Step("March", Timed(10), instructions="Lift your knees.", cues=("Tall spine",)),
        Step("Squeeze", Held(hold=5, reps=2, rest=3), cues=("Back and down", "Breathe")),
    ),
    prepare=3,
    rest_between=2,
)


@pytest.fixture(autouse=True)
def no_audio_programs(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cues fall back to the bell here, whatever players the machine running the tests has."""
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))


def clock_of(app: BackcareApp) -> FakeClock:
    clock = app.clock
    assert isinstance(clock, FakeClock)
    return clock


async def start(app: BackcareApp, pilot: Pilot[Any], routine: Routine = ROUTINE) -> PlayerScreen:
    app.start_session(routine)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, PlayerScreen)
    return screen


async def at(app: BackcareApp, pilot: Pilot[Any], seconds: float) -> None:
    """Move the fake clock to `seconds` after the session started, and look."""
    clock_of(app).set(seconds)
    screen = app.screen
    if isinstance(screen, PlayerScreen):
        screen.sync()
    await pilot.pause()


def shown(screen: PlayerScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


def countdown(screen: PlayerScreen) -> str:
    return screen.query_one(BigClock).value


# pure parts


def test_counters_and_next_up_read_like_a_coach() -> None:
    timeline = compile_routine(ROUTINE)
    hold = timeline.phases[3]
    assert counters_text(hold) == "Rep 1/2"
    rest = timeline.phases[4]
    assert counters_text(rest) == "After rep 1/2"
    assert next_text(rest, None, hold) == "Next: Rest 3s"
    assert next_text(timeline.phases[2], timeline.steps[1], timeline.phases[1]) == ("Next: Rest 2s")
    assert next_text(None, None, hold) == "Next: the end. Nearly there."
    between = timeline.phases[2]
    assert next_text(timeline.phases[3], timeline.steps[1], between) == "Next: Squeeze"


def test_cues_take_turns_one_per_hold() -> None:
    timeline = compile_routine(ROUTINE)
    cues = [current_cue(timeline, p) for p in timeline.phases]
    assert cues == [
        "Tall spine",
        "Tall spine",
        "Back and down",  # the rest before Squeeze gets ready for it
        "Back and down",
        "Back and down",
        "Breathe",
    ]


def test_next_redraw_wakes_when_a_shown_second_changes() -> None:
    clock = FakeClock()
    player = Player(compile_routine(ROUTINE), clock)
    assert next_redraw(player) is None, "not started: nothing will change"
    player.start()
    assert next_redraw(player) == pytest.approx(1 + SLACK)
    clock.advance(0.25)
    assert next_redraw(player) == pytest.approx(0.75 + SLACK)
    player.pause()
    assert next_redraw(player) is None, "paused: no wake-ups at all"
    player.resume()
    clock.advance(0.5)
    player.skip_phase()  # elapsed 0.75 now is out of step with the new phase's seconds
    assert next_redraw(player) == pytest.approx(0.25 + SLACK)
    clock.set(1000)
    assert next_redraw(player) is None, "finished"


def test_next_redraw_animates_only_a_moving_breath() -> None:
    clock = FakeClock()
    routine = Routine(
        "B", (Step("Breathe", Breathing(BreathPattern(4, 2, 4), cycles=1)),), prepare=0
    )
    player = Player(compile_routine(routine), clock)
    player.start()
    assert next_redraw(player, 30) == pytest.approx(1 / 30)
    assert next_redraw(player, 30, animate=False) == pytest.approx(1 + SLACK)
    clock.set(4.5)  # the hold after breathing in: the shape stands still
    assert next_redraw(player, 30) == pytest.approx(0.5 + SLACK)


def test_next_redraw_waits_for_the_shape_to_change_but_not_past_the_countdown() -> None:
    clock = FakeClock()
    routine = Routine(
        "B", (Step("Breathe", Breathing(BreathPattern(4, 0, 4), cycles=1)),), prepare=0
    )
    player = Player(compile_routine(routine), clock)
    player.start()
    clock.set(0.5)
    assert next_redraw(player, 30, shape_change=0.2) == pytest.approx(0.2)
    assert next_redraw(player, 30, shape_change=0.001) == pytest.approx(1 / 30), "capped at fps"
    # The countdown shows a new number at 1.0 s: wake for it even if the shape holds still.
    assert next_redraw(player, 30, shape_change=0.9) == pytest.approx(0.5 + SLACK)


def test_step_list_keeps_the_current_step_in_view() -> None:
    assert list(visible_window(5, 2, 10)) == [0, 1, 2, 3, 4]
    assert list(visible_window(100, 50, 9)) == list(range(47, 56))
    assert list(visible_window(100, 99, 9)) == list(range(91, 100))
    assert list(visible_window(100, 0, 0)) == []
    marks = [status(i, 2, frozenset({1})) for i in range(4)]
    assert marks == ["done", "skipped", "current", "upcoming"]


# on screen


async def test_a_session_plays_to_the_end(app_with: AppFactory) -> None:
    app = app_with(sound=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        assert shown(screen, "#player-phase") == "Get ready: March"
        assert shown(screen, "#player-step") == "March"
        assert countdown(screen) == "0:03"
        assert shown(screen, "#player-step-count") == "Step 1 of 2"

        await at(app, pilot, 4)
        assert shown(screen, "#player-phase") == "WORK"
        assert countdown(screen) == "0:09"
        assert shown(screen, "#player-cue") == "“Tall spine”"
        assert shown(screen, "#player-instructions") == "Lift your knees."
        assert shown(screen, "#player-next") == "Next: Rest 2s"

        await at(app, pilot, 13.5)
        # The rest before a step gets the person ready for it: its name, how it starts.
        assert shown(screen, "#player-phase") == "Get ready: Squeeze"
        assert shown(screen, "#player-step") == "Squeeze"
        assert shown(screen, "#player-done") == "Done: March"
        assert shown(screen, "#player-next") == "Next: Hold 5s · Rep 1/2"

        await at(app, pilot, 16)
        assert shown(screen, "#player-phase") == "HOLD"
        assert shown(screen, "#player-step") == "Squeeze"
        assert shown(screen, "#player-counters") == "Rep 1/2"
        assert shown(screen, "#player-step-count") == "Step 2 of 2"
        assert countdown(screen) == "0:04"

        await at(app, pilot, 21)
        assert shown(screen, "#player-phase") == "REST"
        assert shown(screen, "#player-next") == "Next: Hold 5s · Rep 2/2"

        await at(app, pilot, 27)
        assert shown(screen, "#player-counters") == "Rep 2/2"
        assert shown(screen, "#player-cue") == "“Breathe”"
        assert countdown(screen) == "0:01"

        await at(app, pilot, 28.5)
        assert isinstance(app.screen, SummaryScreen)
        [summary] = [s.summary for s in load_history().sessions]
        assert summary.finished
        assert (summary.steps_done, summary.steps_skipped, summary.steps_total) == (2, 0, 2)
        assert summary.actual_seconds == pytest.approx(28)


async def test_pause_freezes_the_countdown_and_says_so(app_with: AppFactory) -> None:
    app = app_with(sound=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await at(app, pilot, 5)
        assert countdown(screen) == "0:08"
        await pilot.press("space")
        assert "PAUSED" in shown(screen, "#player-phase")
        assert screen.has_class("-paused")
        assert screen.frames is not None and not screen.frames.booked, "paused: no wake-up"
        await at(app, pilot, 65)
        assert countdown(screen) == "0:08"
        await pilot.press("space")
        assert shown(screen, "#player-phase") == "WORK"
        await at(app, pilot, 66)
        assert countdown(screen) == "0:07"


async def test_next_back_restart_and_extend(app_with: AppFactory) -> None:
    app = app_with(sound=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await at(app, pilot, 4)
        await pilot.press("plus")
        assert countdown(screen) == "0:19"
        await pilot.press("r")
        assert shown(screen, "#player-phase") == "Get ready: March"
        assert countdown(screen) == "0:03"
        await pilot.press("n")
        assert shown(screen, "#player-phase") == "WORK"
        assert countdown(screen) == "0:10"
        await pilot.press("N")
        assert shown(screen, "#player-phase") == "HOLD"
        assert shown(screen, "#player-step") == "Squeeze"
        await pilot.press("right")
        assert shown(screen, "#player-phase") == "REST"
        await pilot.press("left")
        assert shown(screen, "#player-phase") == "HOLD"
        assert shown(screen, "#player-counters") == "Rep 1/2"
        await pilot.press("p")  # at the very start of a step: the step before
        assert shown(screen, "#player-step") == "March"
        await pilot.press("shift+right", "N")
        assert isinstance(app.screen, SummaryScreen)
        assert load_history().sessions == [], "skipped through in seconds: not recorded"
        summary = app.screen.summary
        assert summary.finished and summary.completion == "partial"
        assert summary.steps_done == 0
        assert summary.steps_skipped == 2


async def test_stop_asks_first_and_escape_keeps_going(app_with: AppFactory) -> None:
    app = app_with(sound=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await at(app, pilot, 5)
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        await at(app, pilot, 50)  # the question holds the session still
        await pilot.press("escape")
        assert app.screen_stack[-1] is screen
        assert not screen.player.paused if screen.player else False
        assert countdown(screen) == "0:08"
        await pilot.press("q", "n")
        assert app.screen_stack[-1] is screen
        await at(app, pilot, 57)
        await pilot.press("q", "enter")
        assert isinstance(app.screen, SummaryScreen)
        [summary] = [s.summary for s in load_history().sessions]
        assert not summary.finished
        assert summary.actual_seconds == pytest.approx(12)


async def test_y_confirms_and_a_paused_session_stays_paused_when_kept(app_with: AppFactory) -> None:
    app = app_with(sound=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("space", "q", "escape")
        assert screen.player is not None and screen.player.paused
        await pilot.press("q", "y")
        assert isinstance(app.screen, SummaryScreen)


async def test_bell_at_phase_changes_and_last_seconds_unless_muted(app_with: AppFactory) -> None:
    app = app_with(sound=True)
    rings: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.bell = lambda: rings.append(app.clock.now())  # type: ignore[method-assign]
        await start(app, pilot)
        assert rings == [0.0], "the first phase starts with a bell"
        for second in (3.5, 10.5, 11.5, 12.5):
            await at(app, pilot, second)
        assert rings == [0.0, 3.5, 10.5, 11.5, 12.5]
        await pilot.press("m")
        await at(app, pilot, 13.5)
        assert len(rings) == 5
        await pilot.press("m")
        await at(app, pilot, 15.5)
        assert rings[-1] == 15.5


async def test_voice_names_steps_and_switches(
    monkeypatch: pytest.MonkeyPatch, app_with: AppFactory
) -> None:
    app = app_with(sound=False, voice=True)
    said: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        routine = Routine(
            "Sides", (Step("Twist", Held(hold=5, sides="both", switch=2)),), prepare=0
        )
        screen = await start(app, pilot, routine)
        assert screen.sound is not None
        monkeypatch.setattr(screen.sound, "say", said.append)
        await at(app, pilot, 5.5)
        assert said == ["Switch sides"]


async def test_auto_pause_when_the_terminal_loses_focus(app_with: AppFactory) -> None:
    for auto_pause in (True, False):
        app = app_with(sound=False, auto_pause=auto_pause)
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await start(app, pilot)
            app.post_message(events.AppBlur())
            await pilot.pause()
            assert screen.player is not None
            assert screen.player.paused is auto_pause


async def test_a_breathing_step_shows_the_pacer_in_place_of_the_digits(
    app_with: AppFactory,
) -> None:
    app = app_with(sound=False)
    routine = Routine(
        "Breath", (Step("Belly", Breathing(BreathPattern(4, 0, 6), cycles=2)),), prepare=2
    )
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot, routine)
        assert screen.query_one(BigClock).display
        await at(app, pilot, 3)
        assert shown(screen, "#player-phase") == "BREATHE IN · 3", "word and count, band-sized"
        assert screen.query_one(Pacer).display
        assert not screen.query_one(BigClock).display
        assert screen.frames is not None and screen.frames.booked


async def test_untrusted_text_is_never_markup(app_with: AppFactory) -> None:
    app = app_with(sound=False)
    routine = Routine(
        "[b]Bold[/b]", (Step("[red]x[/red]", Timed(5), instructions="[link=x]y"),), prepare=0
    )
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot, routine)
        assert shown(screen, "#player-step") == "[red]x[/red]"
        assert shown(screen, "#player-instructions") == "[link=x]y"
        assert str(screen.query_one("#player-routine", Label).content) == "[b]Bold[/b]"


async def test_every_footer_key_is_a_palette_command(app_with: AppFactory) -> None:
    app = app_with(sound=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        titles = {command.title: command for command in app.get_system_commands(screen)}
        for title in ("Pause", "Next", "Skip step", "Back", "Restart", "+10s", "Mute", "Stop"):
            assert title in titles
        assert "Resume" not in titles, "only what makes sense now"
        titles["Pause"].callback()
        await pilot.pause()
        assert screen.player is not None and screen.player.paused


async def test_run_mode_leaves_the_app_with_the_outcome(app_with: AppFactory) -> None:
    for stop_early, code in ((False, 0), (True, 1)):
        app = app_with(start=ROUTINE)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, PlayerScreen)
            if stop_early:
                await at(app, pilot, 20)
                await pilot.press("q", "y")
            else:
                await at(app, pilot, 40)
            await pilot.pause()
        outcome = app.return_value
        assert isinstance(outcome, Outcome)
        assert outcome.exit_code == code
        assert outcome.lines[0].startswith("Test routine: ")
        assert ("finished in 28s" in outcome.lines[0]) is not stop_early


@pytest.mark.parametrize("size", [(20, 6), (40, 12), (80, 24), (300, 100)])
async def test_layout_survives_any_size(size: tuple[int, int], app_with: AppFactory) -> None:
    app = app_with(sound=False)
    async with app.run_test(size=size) as pilot:
        screen = await start(app, pilot)
        await at(app, pilot, 16)
        await pilot.resize_terminal(size[1] * 2, size[0] // 2 or 1)
        await pilot.pause()
        await pilot.resize_terminal(*size)
        await pilot.press("space", "q", "enter")
        assert isinstance(app.screen, SummaryScreen)
        assert screen.summary is not None


async def test_quitting_the_app_mid_session_still_ends_the_session(app_with: AppFactory) -> None:
    app = app_with(start=ROUTINE)
    async with app.run_test(size=(80, 24)) as pilot:
        await at(app, pilot, 12)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen), "Ctrl+Q asks once a session has started"
        await pilot.press("enter")
    [summary] = [s.summary for s in load_history().sessions]
    assert not summary.finished
    assert summary.actual_seconds == pytest.approx(12)
    assert app.outcome.exit_code == 1


async def test_a_missing_voice_is_said_once_per_session_a_missing_player_not_at_all(
    app_with: AppFactory,
) -> None:
    """No player is a working fallback (the bell), said in settings and doctor; voice that
    was asked for and cannot speak is a notification, once."""
    app = app_with(sound=True, voice=True)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await start(app, pilot)
        for second in (3.5, 10.5, 11.5, 14.0, 16.0):
            await at(app, pilot, second)
        await pilot.pause()
        messages = toasts(app)
    assert not [m for m in messages if "audio player" in m]
    voice = "Voice is on but no speech program was found (espeak-ng, espeak, spd-say, say)"
    assert sum(m.endswith(f"\n{voice}") or m == voice for m in messages) == 1
