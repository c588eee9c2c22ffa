"""A step's `progress` table checked: which values may grow on each shape of step, by
how much, and up to what."""

from __future__ import annotations

from .durations import MAX_PHASE_SECONDS, DurationError, parse_duration
from .field_checks import FieldChecker, duration_message, show
from .limits import LIMITS, MAX_EVERY
from .model import PROGRESS_EVERY, Action, Breathing, Increase, Progress
from .routine_keys import PROGRESS_KEYS, PROGRESS_VALUES


def check_progress(
    checker: FieldChecker, value: object, shape: str, action: Action | None
) -> Progress | None:
    """The progression of a step of `shape` whose action is `action` (None when the
    action itself has problems), or None with the problems recorded."""
    if not isinstance(value, dict):
        checker.problem(
            'progress must be a table like { hold = "+5s", hold_max = "45s", every = 3 }, '
            f"got {show(value)}",
            key="progress",
        )
        return None
    before = len(checker.problems)
    meant = checker.unknown_keys(value, PROGRESS_KEYS, "in progress", owner="progress")
    allowed = PROGRESS_VALUES[shape]
    increases: list[Increase] = []
    for key in PROGRESS_VALUES["timed"] + PROGRESS_VALUES["held"] + ("cycles",):
        limit_key = f"{key}_max"
        if key not in value and limit_key not in value:
            continue
        if key not in allowed:
            owners = [s for s, keys in PROGRESS_VALUES.items() if key in keys]
            checker.problem(
                f'progress "{key}" belongs to {owners[0]} steps, not to a {shape} step',
                key="progress",
            )
            continue
        if key == "cycles" and isinstance(action, Breathing) and action.cycles is None:
            checker.problem(
                'progress "cycles" needs a step counted in "cycles", not "minutes"',
                key="progress",
            )
            continue
        if key not in value:
            if key not in meant:
                checker.problem(
                    f'progress has "{limit_key}" but not "{key}", the step up', key="progress"
                )
            continue
        if limit_key not in value:
            checker.problem(
                f'progress "{key}" needs "{limit_key}", the most it may grow to', key="progress"
            )
            continue
        increase = _increase(checker, key, value[key], value[limit_key], action)
        if increase is not None:
            increases.append(increase)
    every = value.get("every", PROGRESS_EVERY)
    if isinstance(every, bool) or not isinstance(every, int) or not 1 <= every <= MAX_EVERY:
        checker.problem(
            f"progress every must be a whole number of sessions from 1 to {MAX_EVERY}, "
            f"got {show(every)}",
            key="progress",
        )
    if len(checker.problems) > before:
        return None
    if not increases:
        names = ", ".join(f'"{key}"' for key in allowed) or "nothing"
        checker.problem(
            f"progress needs a value to grow: for a {shape} step, {names}"
            if allowed
            else "progress has nothing to grow on a rest step",
            key="progress",
        )
        return None
    return Progress(tuple(increases), every)


def _increase(
    checker: FieldChecker, key: str, by: object, maximum: object, action: Action | None
) -> Increase | None:
    start = getattr(action, key, None) if action is not None else None
    if key in ("hold", "duration"):
        step = _step_seconds(by)
        if step is None or step <= 0:
            checker.problem(
                f'progress {key} must be a positive length like "+5s", got {show(by)}',
                key="progress",
            )
            return None
        if step > MAX_PHASE_SECONDS:
            checker.problem(
                f"progress {key} must step up by at most 1 hour (3600 s), got {show(by)}",
                key="progress",
            )
            return None
        try:
            top = parse_duration(maximum)
        except DurationError as error:
            checker.problem(f"progress {key}_max {duration_message(error)}", key="progress")
            return None
        if top > MAX_PHASE_SECONDS:
            checker.problem(
                f"progress {key}_max must be at most 1 hour (3600 s), got {show(maximum)}",
                key="progress",
            )
            return None
        shown_top, shown_start = f"{show(top)} s", f"{show(start)} s"
    else:
        limit = LIMITS[key]
        if isinstance(by, bool) or not isinstance(by, int) or not 1 <= by <= limit:
            checker.problem(
                f"progress {key} must be a whole number from 1 to {limit}, got {show(by)}",
                key="progress",
            )
            return None
        if isinstance(maximum, bool) or not isinstance(maximum, int):
            checker.problem(
                f"progress {key}_max must be a whole number up to {limit}, got {show(maximum)}",
                key="progress",
            )
            return None
        if maximum > limit:
            checker.problem(
                f"progress {key}_max must be at most {limit}, got {maximum}", key="progress"
            )
            return None
        step, top = float(by), float(maximum)
        shown_top, shown_start = str(maximum), show(start)
    if isinstance(start, int | float) and top < start:
        checker.problem(
            f"progress {key}_max ({shown_top}) is below the step's {key} ({shown_start}); "
            "it is the most the value may grow to",
            key="progress",
        )
        return None
    return Increase(key, step, top)


def _step_seconds(value: object) -> float | None:
    """A step up in seconds: 5, "+5s", "+1m"; None when it is not one."""
    if isinstance(value, str):
        value = value.strip().removeprefix("+")
    try:
        return parse_duration(value)
    except DurationError:
        return None
