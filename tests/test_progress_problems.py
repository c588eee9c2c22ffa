"""What `backcare check` and the editor say about a `progress` table, and the limits it
takes: each problem's words, on the `progress` field the editor marks."""

from __future__ import annotations

import pytest

from backcare_tui.core.errors import RoutineError
from backcare_tui.core.loader import parse_routine_text
from backcare_tui.core.model import Increase, Progress

STEP = 'name = "X"\n[[steps]]\nname = "S"\n'


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (
            'hold = 20\nprogress = { hold = "+0s", hold_max = "30s" }',
            'progress hold must be a positive length like "+5s", got "+0s"',
        ),
        (
            'hold = 20\nprogress = { hold = "+3601s", hold_max = "3600s" }',
            'progress hold must step up by at most 1 hour (3600 s), got "+3601s"',
        ),
        (
            'hold = 20\nprogress = { hold = "+5s", hold_max = "3601s" }',
            'progress hold_max must be at most 1 hour (3600 s), got "3601s"',
        ),
        (
            'hold = 20\nprogress = { hold = "+5s", hold_max = "soon" }',
            'progress hold_max must be a duration like "90s", "2m" or "1m30s", got "soon"',
        ),
        (
            "hold = 5\nreps = 2\nprogress = { reps = 0, reps_max = 10 }",
            "progress reps must be a whole number from 1 to 100, got 0",
        ),
        (
            "hold = 5\nreps = 2\nprogress = { reps = 1, reps_max = 101 }",
            "progress reps_max must be at most 100, got 101",
        ),
        (
            "hold = 5\nreps = 2\nprogress = { reps = 1, reps_max = 2.5 }",
            "progress reps_max must be a whole number up to 100, got 2.5",
        ),
        (
            'hold = 20\nprogress = { hold = "+5s", hold_max = "10s" }',
            "progress hold_max (10 s) is below the step's hold (20 s); it is the most the value "
            "may grow to",
        ),
        (
            "hold = 5\nreps = 2\nprogress = { reps = true, reps_max = 10 }",
            "progress reps must be a whole number from 1 to 100, got true",
        ),
        (
            "hold = 5\nreps = 2\nprogress = { reps = 1, reps_max = true }",
            "progress reps_max must be a whole number up to 100, got true",
        ),
        (
            'breathing = "box"\ncycles = 6\nprogress = { cycles = 501, cycles_max = 500 }',
            "progress cycles must be a whole number from 1 to 500, got 501",
        ),
        (
            "hold = 5\nprogress = { hold = 5, hold_max = 9, every = 101 }",
            "progress every must be a whole number of sessions from 1 to 100, got 101",
        ),
        (
            "hold = 5\nprogress = { hold = 5, hold_max = 9, every = true }",
            "progress every must be a whole number of sessions from 1 to 100, got true",
        ),
        (
            'breathing = "box"\ncycles = 6\nprogress = { reps = 1, reps_max = 9 }',
            'progress "reps" belongs to held steps, not to a breathing step',
        ),
        (
            'rest = 5\nprogress = { hold = "+5s", hold_max = "30s" }',
            'progress "hold" belongs to held steps, not to a rest step',
        ),
        ("rest = 5\nprogress = { every = 2 }", "progress has nothing to grow on a rest step"),
        (
            "duration = 60\nprogress = { every = 2 }",
            'progress needs a value to grow: for a timed step, "duration"',
        ),
    ],
)
def test_progress_problems_in_words_on_the_progress_field(step: str, message: str) -> None:
    with pytest.raises(RoutineError) as refused:
        parse_routine_text(f"{STEP}{step}\n", "p.toml")
    assert [(p.message, p.key) for p in refused.value.problems] == [(message, "progress")]


def test_every_problem_of_the_table_is_named_at_once() -> None:
    step = (
        "hold = 5\nprogress = { duration = 5, duration_max = 9, hold_max = 30, reps = 1, sets = 1 }"
    )
    with pytest.raises(RoutineError) as refused:
        parse_routine_text(f"{STEP}{step}\n", "p.toml")
    assert [p.message for p in refused.value.problems] == [
        'progress "duration" belongs to timed steps, not to a held step',
        'progress has "hold_max" but not "hold", the step up',
        'progress "reps" needs "reps_max", the most it may grow to',
        'progress "sets" needs "sets_max", the most it may grow to',
    ]


@pytest.mark.parametrize(
    ("step", "progress"),
    [
        (
            'hold = 20\nprogress = { hold = "+0.5s", hold_max = "30s" }',
            Progress((Increase("hold", 0.5, 30.0),), every=3),
        ),
        (
            'hold = 20\nprogress = { hold = "+3600s", hold_max = "3600s" }',
            Progress((Increase("hold", 3600.0, 3600.0),), every=3),
        ),
        (
            "hold = 5\nreps = 2\nprogress = { reps = 100, reps_max = 100 }",
            Progress((Increase("reps", 100.0, 100.0),), every=3),
        ),
        (
            "hold = 20\nprogress = { hold = 5, hold_max = 20, every = 100 }",
            Progress((Increase("hold", 5.0, 20.0),), every=100),
        ),
        (
            'hold = 20\nprogress = { hold = " +5s ", hold_max = 30, every = 1 }',
            Progress((Increase("hold", 5.0, 30.0),), every=1),
        ),
    ],
)
def test_the_smallest_and_largest_steps_up_are_taken(step: str, progress: Progress) -> None:
    routine = parse_routine_text(f"{STEP}{step}\n", "p.toml")
    assert routine.steps[0].progress == progress
