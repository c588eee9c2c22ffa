"""When the player screen next redraws (`core/redraw.py`): the whole seconds a clock shows,
and the wake-up just after the first of them changes, on a fake clock."""

from __future__ import annotations

import pytest

from backcare_tui.core.breathing import BreathPattern
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.model import Breathing, Held, Routine, Step, Timed
from backcare_tui.core.player import Player
from backcare_tui.core.redraw import (
    SLACK,
    next_redraw,
    shown_countdown,
    shown_elapsed,
    until_countdown_changes,
    until_elapsed_changes,
)
from backcare_tui.core.timeline import compile_routine


@pytest.mark.parametrize(
    ("seconds", "countdown", "elapsed"),
    [
        (-0.5, 0, 0),
        (0.0, 0, 0),
        (0.2, 1, 0),
        (1.0, 1, 1),
        (3.0 - 1e-12, 3, 3),
        (3.0 + 1e-12, 3, 3),
        (4.75, 5, 4),
    ],
)
def test_the_whole_seconds_a_clock_shows(seconds: float, countdown: int, elapsed: int) -> None:
    assert shown_countdown(seconds) == countdown
    assert shown_elapsed(seconds) == elapsed


@pytest.mark.parametrize(
    ("seconds", "countdown_in", "elapsed_in"),
    [(5.25, 0.25, 0.75), (5.0, 1.0, 1.0), (0.4, 0.4, 0.6), (12.9, 0.9, 0.1)],
)
def test_how_long_until_a_clock_shows_another_second(
    seconds: float, countdown_in: float, elapsed_in: float
) -> None:
    assert until_countdown_changes(seconds) == pytest.approx(countdown_in)
    assert until_elapsed_changes(seconds) == pytest.approx(elapsed_in)


def started(*steps: Step) -> tuple[Player, FakeClock]:
    clock = FakeClock()
    player = Player(compile_routine(Routine("R", steps, prepare=0, rest_between=0)), clock)
    player.start()
    return player, clock


@pytest.mark.parametrize(
    ("lengths", "at", "wake_in"),
    [
        ((10.0, 2.5), 0.2, 0.3),
        ((2.5, 10.25), 0.2, 0.3),
        ((3.0, 3.0), 0.0, 1.0),
    ],
    ids=[
        "the session's time left turns first",
        "the phase's time left turns first",
        "all on whole seconds",
    ],
)
def test_the_first_clock_to_change_wakes_the_screen(
    lengths: tuple[float, float], at: float, wake_in: float
) -> None:
    player, clock = started(*(Step(f"S{i}", Timed(length)) for i, length in enumerate(lengths)))
    clock.advance(at)
    assert next_redraw(player) == pytest.approx(wake_in + SLACK)


def test_a_moving_breath_gets_frames_at_the_rate_asked() -> None:
    player, clock = started(Step("Breathe", Breathing(BreathPattern(4, 0, 6, 0), cycles=2)))
    assert next_redraw(player) == pytest.approx(1 / 30)
    assert next_redraw(player, 10) == pytest.approx(0.1)
    assert next_redraw(player, 1) == pytest.approx(1.0)
    assert next_redraw(player, 0) == pytest.approx(1 + SLACK), "no frame rate: no frames"
    clock.advance(0.5)
    assert next_redraw(player, 1) == pytest.approx(0.5 + SLACK)


def test_a_hold_never_gets_frames() -> None:
    player, _clock = started(Step("Plank", Held(hold=5)))
    assert next_redraw(player, 60) == pytest.approx(1 + SLACK)
