"""`progress` in routine files: what it reads as, every mistake named, and the way back out."""

from __future__ import annotations

import pytest

from backcare_tui.core.draft import RoutineDraft
from backcare_tui.core.errors import RoutineError
from backcare_tui.core.loader import parse_routine_text
from backcare_tui.core.model import Held, Increase, Progress
from backcare_tui.core.writer import dumps_routine

PLANK = """
name = "Core"
[[steps]]
name = "Plank"
hold = 20
reps = 3
rest = 10
{progress}
[[steps]]
name = "Walk"
duration = 60
[[steps]]
name = "Breathe"
breathing = "diaphragmatic"
{breathing}
[[steps]]
name = "Pause"
rest = 5
"""


def routine_text(progress: str, breathing: str = "cycles = 6") -> str:
    return PLANK.format(progress=progress, breathing=breathing)


def test_progress_reads_into_the_step() -> None:
    text = routine_text('progress = { hold = "+5s", hold_max = "45s", reps = 1, reps_max = 5 }')
    routine = parse_routine_text(text, "core.toml")
    assert routine.steps[0].progress == Progress(
        (Increase("hold", 5.0, 45.0), Increase("reps", 1.0, 5.0)), every=3
    )
    assert routine.steps[1].progress is None


def test_every_and_numbers_and_cycles() -> None:
    text = routine_text(
        "progress = { hold = 5, hold_max = 40, every = 2 }",
        "cycles = 6\nprogress = { cycles = 2, cycles_max = 12 }",
    )
    routine = parse_routine_text(text, "core.toml")
    assert routine.steps[0].progress == Progress((Increase("hold", 5.0, 40.0),), every=2)
    assert routine.steps[2].progress == Progress((Increase("cycles", 2.0, 12.0),))


def test_writer_round_trip_keeps_progress() -> None:
    text = routine_text(
        'progress = { hold = "+5s", hold_max = "1m", sets = 1, sets_max = 3, every = 4 }',
        "cycles = 6\nprogress = { cycles = 1, cycles_max = 10 }",
    )
    routine = parse_routine_text(text, "core.toml")
    written = dumps_routine(routine)
    assert parse_routine_text(written, "again.toml") == routine
    assert "every = 4" in written


def test_the_editor_form_keeps_progress_it_has_no_fields_for() -> None:
    text = routine_text('progress = { hold = "+5s", hold_max = "45s" }')
    routine = parse_routine_text(text, "core.toml")
    draft = RoutineDraft.from_routine(routine)
    draft.steps[0].set("hold", "25")
    checked = draft.check("core.toml").routine
    assert checked is not None
    assert isinstance(checked.steps[0].action, Held) and checked.steps[0].action.hold == 25
    assert checked.steps[0].progress == routine.steps[0].progress


PROBLEMS = [
    (
        'progress = "+5s"',
        'progress must be a table like { hold = "+5s", hold_max = "45s", every = 3 }, got "+5s"',
    ),
    (
        'progress = { hodl = "+5s", hold_max = "45s" }',
        'unknown key "hodl" in progress; did you mean "hold"?',
    ),
    ('progress = { hold = "+5s" }', 'progress "hold" needs "hold_max", the most it may grow to'),
    ("progress = { hold_max = 45 }", 'progress has "hold_max" but not "hold", the step up'),
    (
        "progress = { duration = 5, duration_max = 90 }",
        'progress "duration" belongs to timed steps, not to a held step',
    ),
    (
        'progress = { hold = "-5s", hold_max = 45 }',
        'progress hold must be a positive length like "+5s", got "-5s"',
    ),
    (
        "progress = { hold = 0, hold_max = 45 }",
        'progress hold must be a positive length like "+5s", got 0',
    ),
    (
        'progress = { hold = "+5s", hold_max = "lots" }',
        'progress hold_max must be a duration like "90s", "2m" or "1m30s", got "lots"',
    ),
    (
        'progress = { hold = "+5s", hold_max = "2h" }',
        'progress hold_max must be at most 1 hour (3600 s), got "2h"',
    ),
    (
        'progress = { hold = "+5s", hold_max = "15s" }',
        "progress hold_max (15 s) is below the step's hold (20 s); "
        "it is the most the value may grow to",
    ),
    (
        "progress = { reps = 1.5, reps_max = 6 }",
        "progress reps must be a whole number from 1 to 100, got 1.5",
    ),
    (
        'progress = { reps = 1, reps_max = "6" }',
        'progress reps_max must be a whole number up to 100, got "6"',
    ),
    (
        "progress = { reps = 1, reps_max = 2 }",
        "progress reps_max (2) is below the step's reps (3); it is the most the value may grow to",
    ),
    ("progress = { sets = 1, sets_max = 60 }", "progress sets_max must be at most 50, got 60"),
    (
        "progress = { hold = 5, hold_max = 45, every = 0 }",
        "progress every must be a whole number of sessions from 1 to 100, got 0",
    ),
    (
        'progress = { hold = 5, hold_max = 45, every = "3" }',
        'progress every must be a whole number of sessions from 1 to 100, got "3"',
    ),
    (
        "progress = { every = 2 }",
        'progress needs a value to grow: for a held step, "hold", "reps", "sets"',
    ),
]


@pytest.mark.parametrize(("progress", "message"), PROBLEMS)
def test_each_mistake_is_named(progress: str, message: str) -> None:
    with pytest.raises(RoutineError) as caught:
        parse_routine_text(routine_text(progress), "core.toml")
    assert [(str(p), p.key) for p in caught.value.problems] == [
        (f'core.toml: step 1 "Plank": {message}', "progress")
    ]


def test_cycles_progress_needs_cycles_not_minutes() -> None:
    text = routine_text("", "minutes = 2\nprogress = { cycles = 1, cycles_max = 9 }")
    with pytest.raises(RoutineError) as caught:
        parse_routine_text(text, "core.toml")
    assert [(p.message, p.key) for p in caught.value.problems] == [
        ('progress "cycles" needs a step counted in "cycles", not "minutes"', "progress")
    ]


def test_a_top_that_expands_past_the_phase_limit_is_refused() -> None:
    text = routine_text("progress = { reps = 1, reps_max = 100, sets = 1, sets_max = 50 }")
    text = text.replace("rest = 10\n", 'rest = 10\nsets = 2\nsides = "both"\n', 1)
    text = text.replace('name = "Core"\n', 'name = "Core"\nrounds = 3\n')
    with pytest.raises(RoutineError) as caught:
        parse_routine_text(text, "core.toml")
    assert "at the top of its progression the routine expands to" in str(caught.value)
