"""core/level_words.py: the words home, `show`, `progress` and the summary print about levels,
word for word, for each kind of value and each state a step can be in."""

from __future__ import annotations

import pytest

from backcare_tui.core.breathing import PRESETS
from backcare_tui.core.level_words import (
    feedback_words,
    level_note,
    next_note,
    value_text,
    values_text,
)
from backcare_tui.core.model import Breathing, Held, Increase, Progress, Step, Timed
from backcare_tui.core.progression import StepLevel


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("hold", 20.0, "hold 20s"),
        ("hold", 7.5, "hold 7.5s"),
        ("duration", 90.0, "duration 1m 30s"),
        ("reps", 1.0, "1 rep"),
        ("reps", 3.0, "3 reps"),
        ("sets", 1.0, "1 set"),
        ("sets", 2.0, "2 sets"),
        ("cycles", 1.0, "1 breath"),
        ("cycles", 12.0, "12 breaths"),
    ],
)
def test_each_value_in_words(key: str, value: float, words: str) -> None:
    assert value_text(key, value) == words


SIDE_PLANK = Step(
    "Side plank",
    Held(hold=20, reps=2, sets=1),
    progress=Progress(
        (Increase("hold", 5, 30), Increase("reps", 1, 4), Increase("sets", 1, 2)), every=2
    ),
)
BOX = Step(
    "Box",
    Breathing(PRESETS["box"].pattern, preset="box", cycles=4),
    progress=Progress((Increase("cycles", 2, 8),)),
)
MARCH = Step("March", Timed(45), progress=Progress((Increase("duration", 15, 60),), every=1))
STILL = Step("Still", Timed(45))


@pytest.mark.parametrize(
    ("step", "state", "level", "next_words"),
    [
        (
            SIDE_PLANK,
            StepLevel(0),
            "level 0",
            "next: hold 25s, 3 reps, 2 sets after 2 more sessions",
        ),
        (
            SIDE_PLANK,
            StepLevel(1, credit=1),
            "level 1 · was hold 20s, 2 reps, 1 set",
            "next: hold 30s, 4 reps, 2 sets after 1 more session",
        ),
        (SIDE_PLANK, StepLevel(2), "level 2 · was hold 20s, 2 reps, 1 set", None),
        (BOX, StepLevel(0, below=True), "level 0", "next: 6 breaths after 6 more sessions"),
        (BOX, StepLevel(1), "level 1 · was 4 breaths", "next: 8 breaths after 3 more sessions"),
        (MARCH, StepLevel(0), "level 0", "next: duration 1m after 1 more session"),
        (MARCH, StepLevel(1), "level 1 · was duration 45s", None),
    ],
)
def test_a_steps_level_and_next_step_up(
    step: Step, state: StepLevel, level: str, next_words: str | None
) -> None:
    """At its top, the next note names the values it has reached instead."""
    assert level_note(step, state) == level
    top = {SIDE_PLANK: "hold 30s, 4 reps, 2 sets", MARCH: "duration 1m"}.get(step, "")
    assert next_note(step, state) == (next_words or f"at its top ({top})")


def test_a_step_that_never_grows_has_no_level_words() -> None:
    assert values_text(STILL) == ""
    assert level_note(STILL, StepLevel(0)) == ""
    assert next_note(STILL, StepLevel(0)) == ""


@pytest.mark.parametrize(
    ("feedback", "progressing", "words"),
    [
        ("easy", True, "Felt easy: this session counts as two towards the next step up."),
        ("easy", False, "Marked as felt easy."),
        ("hard", True, "Too hard: the routine goes one level back next time."),
        ("hard", False, "Marked as too hard."),
        (None, True, ""),
        (None, False, ""),
    ],
)
def test_what_the_summary_says_after_e_or_t(
    feedback: str | None, progressing: bool, words: str
) -> None:
    assert feedback_words(feedback, progressing=progressing) == words
