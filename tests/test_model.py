"""core/model.py's small rules: which sides a hold is played on, how many breaths, when a
timed cue appears and how it is written back, when a routine is silent."""

from __future__ import annotations

import pytest

from backcare_tui.core.breathing import PRESETS, BreathPattern
from backcare_tui.core.model import (
    Breathing,
    CueAt,
    Held,
    Rest,
    SoundSwitches,
    Step,
    Timed,
)

BOX = PRESETS["box"].pattern


@pytest.mark.parametrize(
    ("sides", "order"),
    [("both", ("left", "right")), ("left", ("left",)), ("right", ("right",)), (None, (None,))],
)
def test_a_hold_is_played_on_its_sides_left_first(
    sides: str | None, order: tuple[str | None, ...]
) -> None:
    assert Held(10, sides=sides).side_order() == order  # type: ignore[arg-type]


def test_a_held_steps_defaults_are_one_rep_one_set_5_s_to_switch() -> None:
    held = Held(10)
    assert (held.reps, held.rest, held.sets, held.set_rest, held.sides, held.switch) == (
        1,
        0.0,
        1,
        0.0,
        None,
        5.0,
    )


@pytest.mark.parametrize(
    ("breathing", "cycles"),
    [
        (Breathing(BOX, cycles=7, minutes=2), 7),
        (Breathing(BOX, minutes=2), 8),  # 16 s a breath
        (Breathing(BreathPattern(4, 0, 6, 0), minutes=0.5), 3),
        (Breathing(BOX), 1),  # no length given: the fewest breaths there are
    ],
    ids=["cycles win", "from minutes", "a custom pattern", "no length"],
)
def test_breaths_counted_or_worked_out_from_minutes(breathing: Breathing, cycles: int) -> None:
    assert breathing.total_cycles == cycles


@pytest.mark.parametrize(
    ("at", "length", "seconds", "written"),
    [
        (CueAt(50, percent=True), 30.0, 15.0, "50%"),
        (CueAt(12.5, percent=True), 40.0, 5.0, "12.5%"),
        (CueAt(20), 30.0, 20.0, "20s"),
        (CueAt(45), 30.0, 30.0, "45s"),  # never after the end
        (CueAt(2.5), 30.0, 2.5, "2.5s"),
    ],
)
def test_a_timed_cue_appears_at_its_moment_and_is_written_back_as_read(
    at: CueAt, length: float, seconds: float, written: str
) -> None:
    assert at.seconds(length) == seconds
    assert str(at) == written


def test_cue_times_default_to_none_for_each_cue() -> None:
    step = Step("Plank", Held(20), cues=("Brace", "Breathe"))
    assert step.cue_times() == (None, None)
    timed = Step("Plank", Held(20), cues=("Brace", "Breathe"), cue_at=(None, CueAt(50, True)))
    assert timed.cue_times() == (None, CueAt(50, True))
    assert Step("Plank", Held(20)).cue_times() == ()


@pytest.mark.parametrize(
    ("action", "shape"),
    [
        (Timed(30), "timed"),
        (Held(20), "held"),
        (Rest(10), "rest"),
        (Breathing(BOX, cycles=2), "breathing"),
    ],
)
def test_each_action_has_its_shape_word(action: object, shape: str) -> None:
    assert Step("x", action).shape == shape  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("switches", "silent"),
    [
        (SoundSwitches(False, False, False, False, False), True),
        (SoundSwitches(False, False, False, False, None), False),
        (SoundSwitches(True, False, False, False, False), False),
        (SoundSwitches(False, False, False, False, True), False),
        (SoundSwitches(), False),
    ],
    ids=["all off", "one left to the settings", "phases on", "finished on", "none said"],
)
def test_a_routine_is_silent_only_when_every_sound_is_switched_off(
    switches: SoundSwitches, silent: bool
) -> None:
    assert switches.silent is silent
