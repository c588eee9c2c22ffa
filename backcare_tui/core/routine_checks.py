"""A whole routine document checked: the top-level fields, the list of steps, and the
guard against files that expand to more phases than a session can hold."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .cue_fields import read_sound
from .field_checks import FieldChecker, show
from .levels import at_top
from .limits import MAX_NAME_LENGTH, MAX_PHASES, MAX_STEPS
from .model import FORMAT_VERSION, Breathing, Held, Routine, Step
from .routine_keys import TOP_KEYS
from .step_checks import check_step
from .text import clean_line


def check_routine(checker: FieldChecker, data: Mapping[str, Any]) -> Routine | None:
    """The routine a parsed TOML document describes, or None with every problem in
    `checker.problems`."""
    version = data.get("format", FORMAT_VERSION)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        checker.problem(f"format must be {FORMAT_VERSION}, got {show(version)}", key="format")
        return None
    if version > FORMAT_VERSION:
        checker.problem(
            f"format {version} is newer than this backcare understands "
            f"(format {FORMAT_VERSION}); update backcare to use this file",
            key="format",
        )
        return None
    checker.unknown_keys(data, TOP_KEYS, "at the top level")
    name = checker.text(data, "name", required=True)
    description = checker.text(data, "description", multiline=True)
    tags = checker.strings(data, "tags")
    equipment = checker.strings(data, "equipment")
    prepare = checker.seconds(data, "prepare") if "prepare" in data else None
    rest_between = checker.seconds(data, "rest_between")
    rounds = checker.count(data, "rounds")
    sound = read_sound(data["sound"], checker.reporter("sound")) if "sound" in data else None
    steps = _steps(checker, data.get("steps"))
    if checker.problems or not steps:
        return None
    routine = Routine(
        name=name,
        steps=steps,
        description=description,
        tags=tags,
        equipment=equipment,
        prepare=prepare,
        rest_between=rest_between,
        rounds=rounds,
        format=version,
        sound=sound,
    )
    phases = count_phases(routine)
    if phases > MAX_PHASES:
        checker.problem(
            f"the routine expands to {phases:,} phases; at most {MAX_PHASES:,} are allowed",
            key="",
        )
        return None
    phases = count_phases(at_top(routine))
    if phases > MAX_PHASES:
        checker.problem(
            f"at the top of its progression the routine expands to {phases:,} phases; "
            f"at most {MAX_PHASES:,} are allowed (lower a _max)",
            key="",
        )
        return None
    return routine


def _steps(checker: FieldChecker, value: object) -> tuple[Step, ...]:
    if value is None:
        checker.problem('no steps: add at least one [[steps]] table with a "name"', key="steps")
        return ()
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        checker.problem(
            f"steps must be an array of tables ([[steps]]), got {show(value)}", key="steps"
        )
        return ()
    if not value:
        checker.problem('no steps: add at least one [[steps]] table with a "name"', key="steps")
        return ()
    if len(value) > MAX_STEPS:
        checker.problem(f"at most {MAX_STEPS} steps are allowed, got {len(value)}", key="steps")
        return ()
    steps: list[Step] = []
    for number, table in enumerate(value, start=1):
        raw_name = table.get("name")
        checker.step = number
        checker.step_name = (
            clean_line(raw_name).strip()[:MAX_NAME_LENGTH] if isinstance(raw_name, str) else None
        )
        step = check_step(checker, table)
        if step is not None:
            steps.append(step)
    checker.step = checker.step_name = None
    return tuple(steps)


def count_phases(routine: Routine) -> int:
    """An upper bound on the phases a routine expands to, to refuse runaway files early."""
    per_round = 0
    for step in routine.steps:
        action = step.action
        if isinstance(action, Held):
            sides = len(action.side_order())
            per_side = 2 * action.reps - 1
            per_round += action.sets * (sides * per_side + (sides - 1)) + (action.sets - 1)
        elif isinstance(action, Breathing):
            per_round += 4 * action.total_cycles
        else:
            per_round += 1
        per_round += 1
    return per_round * routine.rounds + 1
