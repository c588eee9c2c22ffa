"""What `backcare check` and the editor say about a `progress` table, and the limits it
takes: each problem's words, on the `progress` field the editor marks."""

from __future__ import annotations

import pytest

from backcare_tui.core.errors import RoutineError
from backcare_tui.core.loader import parse_routine_text

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
            'progress hold must be a positive length like "+5s", got "+3601s"',
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
    ],
)
def test_progress_problems_in_words_on_the_progress_field(step: str, message: str) -> None:
    with pytest.raises(RoutineError) as refused:
        parse_routine_text(f"{STEP}{step}\n", "p.toml")
    assert [(p.message, p.key) for p in refused.value.problems] == [(message, "progress")]


@pytest.mark.parametrize(
    "step",
    [
        'hold = 20\nprogress = { hold = "+0.5s", hold_max = "30s" }',
        'hold = 20\nprogress = { hold = "+3600s", hold_max = "3600s" }',
        "hold = 5\nreps = 2\nprogress = { reps = 100, reps_max = 100 }",
    ],
)
def test_the_smallest_and_largest_steps_up_are_taken(step: str) -> None:
    routine = parse_routine_text(f"{STEP}{step}\n", "p.toml")
    assert routine.steps[0].progress is not None
