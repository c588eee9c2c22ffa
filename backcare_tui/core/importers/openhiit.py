"""An OpenHIIT export (JSON): one routine per timer.

OpenHIIT exports a list of timers. A timer plays: get ready, warm-up (then
a rest), its activities (`activeIntervals` of them, `workTime` each, a
`restTime` rest between them), all of that `restarts` more times with a
break (`breakTime`, or `restTime` when that is 0) between repeats, then
the cool-down. Times are whole seconds. `timeSettings` is a table, or the
same table as a JSON string in older exports; `restarts` sits on the timer
in newer exports and in `timeSettings` in older ones.

Repeats become repeated steps rather than `rounds`, so the warm-up and the
cool-down play once and each rest keeps its own length. An activity named
"X L" followed by "X R" (or "X left"/"X right", either order) is one held
step on both sides, with the rest between them as the time to switch.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from ..limits import MAX_STEPS
from ..model import Held, Rest, Routine, Step, Timed
from .base import Imported, ImportFailure, name_text, number

SOURCE = "OpenHIIT timer"
_SIDED = re.compile(r"^(?P<base>.*\S)[\s_\-(,]+(?P<side>left|right|l|r)\)?\s*$", re.IGNORECASE)


def is_openhiit(data: object) -> bool:
    timers = data if isinstance(data, list) else [data]
    return bool(timers) and all(
        isinstance(t, Mapping) and "timeSettings" in t and "name" in t for t in timers
    )


def import_openhiit(data: object, path: str) -> list[Imported | ImportFailure]:
    timers = data if isinstance(data, list) else [data]
    results: list[Imported | ImportFailure] = []
    for index, timer in enumerate(timers, start=1):
        try:
            results.append(_timer(timer, index, path))
        except ImportFailure as failure:
            results.append(failure)
    return results


def _timer(timer: Mapping[str, Any], index: int, path: str) -> Imported:
    name = name_text(timer.get("name"), f"OpenHIIT timer {index}")
    where = f'{path} (timer {index} "{name}")'
    settings = timer.get("timeSettings")
    if isinstance(settings, str):
        try:
            settings = json.loads(settings)
        except json.JSONDecodeError:
            raise ImportFailure(where, '"timeSettings" is text that is not JSON') from None
    if not isinstance(settings, Mapping):
        raise ImportFailure(where, '"timeSettings" must be a table of times in seconds')
    notes: list[str] = []

    def seconds(key: str) -> float:
        value = settings.get(key, 0)
        result = number(value)
        if result is None:
            raise ImportFailure(where, f'"{key}" must be a number of seconds, got {value!r}')
        return result

    work, rest, pause = seconds("workTime"), seconds("restTime"), seconds("breakTime")
    warmup, cooldown, ready = (
        seconds("warmupTime"),
        seconds("cooldownTime"),
        seconds("getReadyTime"),
    )
    restarts = _count(timer.get("restarts", settings.get("restarts", 0)), "restarts", where)
    listed = timer.get("activities") or []
    if not isinstance(listed, list):
        raise ImportFailure(where, '"activities" must be a list of names')
    activities = [name_text(a, "Work") for a in listed[:MAX_STEPS] if isinstance(a, str)]
    count = _count(timer.get("activeIntervals", 0), "activeIntervals", where) or len(activities)
    if count == 0:
        raise ImportFailure(where, "the timer has no activities (activeIntervals is 0)")
    if (count + 1) // 2 * (restarts + 1) > MAX_STEPS:  # the fewest steps it could make
        raise ImportFailure(
            where,
            f"{count} activities played {restarts + 1} time(s) make more than {MAX_STEPS} "
            "steps, the most a routine has. Lower its restarts in OpenHIIT and export it again",
        )
    if work <= 0:
        raise ImportFailure(where, '"workTime" is 0; each activity needs a length above 0')
    names = [activities[i] if i < len(activities) else "Work" for i in range(count)]
    if len(activities) < count:
        notes.append(
            f"{count - len(activities)} interval(s) have no activity name: "
            'named them "Work", as OpenHIIT does.'
        )
    groups = _pair_sides(names, notes, rest)

    steps: list[Step] = []
    if warmup > 0:
        steps.append(Step("Warm-up", Timed(warmup), "Move easily to warm up."))
        if rest > 0:
            steps.append(Step("Rest", Rest(rest)))
    for repeat in range(restarts + 1):
        for position, (step_name, sided) in enumerate(groups):
            action: Timed | Held = (
                Held(hold=work, sides="both", switch=rest) if sided else Timed(work)
            )
            steps.append(Step(step_name, action))
            if position < len(groups) - 1 and rest > 0:
                steps.append(Step("Rest", Rest(rest)))
        if repeat < restarts and (pause or rest) > 0:
            steps.append(Step("Break" if pause > 0 else "Rest", Rest(pause or rest)))
    if cooldown > 0:
        steps.append(Step("Cool-down", Timed(cooldown), "Slow down and breathe easily."))
    if len(steps) > MAX_STEPS:
        raise ImportFailure(
            where,
            f"it makes {len(steps)} steps with its repeats; a routine has at most "
            f"{MAX_STEPS}. Lower its restarts in OpenHIIT and export it again",
        )
    if restarts:
        notes.append(
            f"{restarts} restart(s): the activities are repeated {restarts + 1} times "
            "as steps, so the warm-up and cool-down play once."
        )
    notes.append(f"Get-ready time {ready:g} s is the lead-in.")
    routine = Routine(
        name=name,
        description="An interval timer imported from OpenHIIT.",
        tags=("openhiit", "intervals"),
        prepare=ready,
        steps=tuple(steps),
    )
    return Imported(routine=routine, source=SOURCE, assumptions=tuple(notes))


def _count(value: object, key: str, where: str) -> int:
    result = number(value)
    if result is None or not result.is_integer():
        raise ImportFailure(where, f'"{key}" must be a whole number, got {value!r}')
    return int(result)


def _pair_sides(names: list[str], notes: list[str], rest: float) -> list[tuple[str, bool]]:
    """Activities as (step name, both sides?): "Lunge L" then "Lunge R" become ("Lunge", True)."""
    groups: list[tuple[str, bool]] = []
    i = 0
    while i < len(names):
        here = _SIDED.match(names[i])
        there = _SIDED.match(names[i + 1]) if i + 1 < len(names) else None
        if (
            here
            and there
            and here["base"].lower() == there["base"].lower()
            and here["side"][0].lower() != there["side"][0].lower()
        ):
            groups.append((here["base"], True))
            order = "" if here["side"][0].lower() == "l" else " (OpenHIIT had right first)"
            notes.append(
                f'"{names[i]}" and "{names[i + 1]}" are one step on both sides, left then '
                f"right{order}, with the {rest:g} s rest between them to switch."
            )
            i += 2
            continue
        groups.append((names[i], False))
        i += 1
    return groups
