"""With `speak_cues`, a cue is spoken as it appears on the cue line, not again while the same
words stay there: a breathing step's cue is said once for its breath, not on the in-breath and
again on the out-breath; a hold's cue is not repeated by the rest after it."""

from __future__ import annotations

from guided import spoken_words

from backcare_tui.core.breathing import BreathPattern
from backcare_tui.core.cues import CueSwitches
from backcare_tui.core.model import Breathing, Held, Routine, Step
from backcare_tui.core.timeline import compile_routine

SPEAK = CueSwitches(phases=False, countdown=False, halfway=False, voice=True, speak_cues=True)
IN_OUT = BreathPattern(4, 0, 6, 0)


def spoken(*steps: Step) -> list[tuple[float, str]]:
    return spoken_words(compile_routine(Routine("R", steps, prepare=0)), SPEAK)


def test_a_breathing_cue_is_said_once_a_breath_not_on_both_halves() -> None:
    step = Step("Breathe", Breathing(IN_OUT, cycles=3), cues=("Soft belly", "Long neck"))
    assert spoken(step)[:-1] == [
        (0.0, "Breathe. Soft belly"),
        (10.0, "Long neck"),
        (20.0, "Soft belly"),
    ]


def test_one_cue_on_every_breath_is_said_once() -> None:
    step = Step("Breathe", Breathing(IN_OUT, cycles=3), cues=("Soft belly",))
    assert spoken(step)[:-1] == [(0.0, "Breathe. Soft belly")]


def test_in_and_out_breath_cues_change_every_phase_and_are_each_said() -> None:
    breathing = Breathing(IN_OUT, cycles=2, inhale_cue="Fill up", exhale_cue="Let go")
    assert [words for _, words in spoken(Step("Breathe", breathing))[:-1]] == [
        "Breathe. Fill up",
        "Let go",
        "Fill up",
        "Let go",
    ]


def test_a_holds_cue_is_not_repeated_by_the_rest_after_it() -> None:
    step = Step("Squeeze", Held(hold=5, reps=3, rest=2), cues=("Tall", "Breathe"))
    assert spoken(step)[:-1] == [
        (0.0, "Squeeze. Tall"),
        (5.0, "Rest"),  # was "Rest. Tall"
        (7.0, "Breathe"),
        (12.0, "Rest"),
        (14.0, "Tall"),
    ]


def test_a_cue_is_said_again_after_the_line_was_empty() -> None:
    quiet = Step("Quiet", Held(hold=3))
    step = Step("Squeeze", Held(hold=3), cues=("Tall",))
    assert spoken(step, quiet, step)[:-1] == [
        (0.0, "Squeeze. Tall"),
        (3.0, "Quiet"),
        (6.0, "Squeeze. Tall"),
    ]
