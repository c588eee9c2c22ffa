"""A routine's steps grown to given levels: the arithmetic of progression, without the history.

Which level a step is at is worked out from the history in
core/progression.py (which re-exports these). Loading a routine checks its
top level (core/routine_checks.py) and `list` grows routines to their levels,
so these stay free of the replay's classes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from .model import Breathing, Held, Increase, Routine, Step, Timed


def step_top(step: Step) -> int:
    """The highest level of a step: where every value has reached its `_max`."""
    if step.progress is None:
        return 0
    return max(
        (_levels_to(increase, _value(step, increase.key)) for increase in step.progress.increases),
        default=0,
    )


def _levels_to(increase: Increase, start: float) -> int:
    if increase.maximum <= start:
        return 0
    return math.ceil((increase.maximum - start) / increase.by - 1e-9)


def _value(step: Step, key: str) -> float:
    value = getattr(step.action, key, None)
    return float(value) if isinstance(value, int | float) else 0.0


def step_at_level(step: Step, level: int) -> Step:
    """The step with its values grown `level` times, each capped at its `_max`."""
    if step.progress is None or level <= 0:
        return step
    level = min(level, step_top(step))
    changes: dict[str, float | int] = {}
    for increase in step.progress.increases:
        start = _value(step, increase.key)
        if increase.maximum <= start:
            continue
        grown = min(start + level * increase.by, increase.maximum)
        changes[increase.key] = grown if increase.key in ("hold", "duration") else int(grown)
    action = step.action
    if isinstance(action, Held | Timed | Breathing):
        action = replace(action, **changes)  # type: ignore[arg-type]
    return replace(step, action=action)


def at_levels(routine: Routine, levels: Sequence[int]) -> Routine:
    """A new routine whose steps carry the values of their levels (missing levels: 0)."""
    steps = tuple(
        step_at_level(step, levels[i] if i < len(levels) else 0)
        for i, step in enumerate(routine.steps)
    )
    return replace(routine, steps=steps)


def at_top(routine: Routine) -> Routine:
    return at_levels(routine, [step_top(step) for step in routine.steps])


def is_progressing(routine: Routine) -> bool:
    return any(step.progress is not None for step in routine.steps)
