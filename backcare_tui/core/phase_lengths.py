"""A routine's length without its timeline: the phases' lengths only, in their order.

`list` shows every routine's length, and `core/timeline.py` (its phase
classes, about 3 ms to import) is needed only to place the phases. These
walk the same steps the timeline's compiler does and add the same lengths
in the same order, so the totals are the same floats to the last bit
(tests/test_timeline.py holds them equal).
"""

from __future__ import annotations

from collections.abc import Iterator

from .model import DEFAULT_PREPARE_SECONDS, Breathing, Held, Rest, Routine, Step, Timed


def routine_total(routine: Routine, default_prepare: float = DEFAULT_PREPARE_SECONDS) -> float:
    """`compile_routine(routine, default_prepare).total` without building the timeline."""
    prepare = routine.prepare if routine.prepare is not None else default_prepare
    per_step = [list(phase_lengths(step)) for step in routine.steps]
    played = [lengths for _ in range(routine.rounds) for lengths in per_step if lengths]
    total = 0.0
    for index, lengths in enumerate(played):
        if index == 0 and prepare > 0:
            total += float(prepare)
        for length in lengths:
            total += length
        if index < len(played) - 1 and routine.rest_between > 0:
            total += float(routine.rest_between)
    return total


def step_length(step: Step) -> float:
    """One step on its own, without lead-in or rests between steps, for lists and previews."""
    total = 0.0
    for length in phase_lengths(step):
        total += length
    return total


def phase_lengths(step: Step) -> Iterator[float]:
    """The lengths of the phases a step plays, in order; phases of no time are left out."""
    return (length for length in _all_lengths(step) if length > 0)


def _all_lengths(step: Step) -> Iterator[float]:
    action = step.action
    if isinstance(action, Timed):
        yield float(action.duration)
    elif isinstance(action, Rest):
        yield float(action.rest)
    elif isinstance(action, Held):
        for set_no in range(1, action.sets + 1):
            for side_no in range(len(action.side_order())):
                if side_no > 0:
                    yield float(action.switch)
                for rep_no in range(1, action.reps + 1):
                    yield float(action.hold)
                    if rep_no < action.reps:
                        yield float(action.rest)
            if set_no < action.sets:
                yield float(action.set_rest)
    elif isinstance(action, Breathing):
        pattern = action.pattern
        parts = (pattern.inhale, pattern.hold, pattern.exhale, pattern.hold_out)
        for _ in range(action.total_cycles):
            for length in parts:
                yield float(length)
