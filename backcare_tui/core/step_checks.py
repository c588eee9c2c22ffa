"""One `[[steps]]` table checked: its shape (timed, held, rest or breathing), the keys
that shape takes, and the action it makes."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from .breathing import PRESETS, BreathPattern, PatternError, make_pattern, parse_pattern
from .cue_fields import read_cues
from .field_checks import FieldChecker, show
from .limits import MAX_MINUTES
from .model import DEFAULT_SWITCH_SECONDS, Action, Breathing, Held, Rest, Step, Timed
from .progress_checks import check_progress
from .routine_keys import (
    ALL_STEP_KEYS,
    COMMON_STEP_KEYS,
    MARKERS,
    PATTERN_KEYS,
    SHAPE_KEYS,
    SIDES,
    keys_of_shape,
)
from .spelling import suggest


def check_step(checker: FieldChecker, table: Mapping[str, Any]) -> Step | None:
    """The step `table` describes, or None with its problems recorded."""
    before = len(checker.problems)
    meant = checker.unknown_keys(table, ALL_STEP_KEYS, "in a step", keys_of_shape(table))
    name = checker.text(table, "name", required=True)
    instructions = checker.text(table, "instructions", multiline=True)
    cues, cue_at = read_cues(table.get("cues", []), checker.reporter("cues"))
    say = checker.text(table, "say")
    shape = shape_of(checker, table, quiet=bool(meant & {*MARKERS, "rest"}))
    if shape is None:
        return None
    allowed = COMMON_STEP_KEYS + SHAPE_KEYS[shape]
    for key in table:
        if key in ALL_STEP_KEYS and key not in allowed:
            owner = next(s for s, keys in SHAPE_KEYS.items() if key in keys)
            checker.problem(f'"{key}" belongs to {owner} steps, not to a {shape} step', key=key)
    action = _action(checker, shape, table)
    progress = (
        check_progress(checker, table["progress"], shape, action) if "progress" in table else None
    )
    if action is None or len(checker.problems) > before:
        return None
    return Step(
        name=name,
        action=action,
        instructions=instructions,
        cues=cues,
        progress=progress,
        cue_at=cue_at,
        say=say,
    )


def shape_of(checker: FieldChecker, table: Mapping[str, Any], *, quiet: bool = False) -> str | None:
    """The shape a step's keys make it; None (said, unless `quiet`) when it has two
    markers or none."""
    markers = [key for key in MARKERS if key in table]
    if len(markers) > 1:
        both = " and ".join(f'"{m}"' for m in markers)
        checker.problem(
            f"has {both}; a step is one of timed (duration), held (hold), "
            "breathing (breathing) or rest (rest only)",
            key="",
        )
        return None
    if markers:
        return MARKERS[markers[0]]
    if "rest" in table:
        return "rest"
    if not quiet:
        checker.problem(
            'needs one of "duration" (timed), "hold" (held), "breathing" or "rest"', key=""
        )
    return None


def _action(checker: FieldChecker, shape: str, table: Mapping[str, Any]) -> Action | None:
    if shape == "timed":
        return Timed(checker.seconds(table, "duration", positive=True))
    if shape == "rest":
        return Rest(checker.seconds(table, "rest"))
    if shape == "held":
        return _held(checker, table)
    return _breathing(checker, table)


def _held(checker: FieldChecker, table: Mapping[str, Any]) -> Held | None:
    sides = table.get("sides")
    if sides is not None and sides not in SIDES:
        hint = suggest(sides, SIDES) if isinstance(sides, str) else ""
        checker.problem(
            f'sides must be "both", "left" or "right", got {show(sides)}{hint}', key="sides"
        )
        sides = None
    return Held(
        hold=checker.seconds(table, "hold", positive=True),
        reps=checker.count(table, "reps"),
        rest=checker.seconds(table, "rest"),
        sets=checker.count(table, "sets"),
        set_rest=checker.seconds(table, "set_rest"),
        sides=sides,
        switch=checker.seconds(table, "switch", DEFAULT_SWITCH_SECONDS),
    )


def _breathing(checker: FieldChecker, table: Mapping[str, Any]) -> Breathing | None:
    value = table["breathing"]
    preset: str | None = None
    pattern: BreathPattern | None = None
    if isinstance(value, str):
        key = value.strip().lower()
        if key in PRESETS:
            preset = key
            pattern = PRESETS[key].pattern
        elif re.fullmatch(r"[a-z][a-z0-9_ -]*", key):
            names = ", ".join(PRESETS)
            checker.problem(
                f"unknown breathing preset {show(value)}{suggest(key, list(PRESETS))} "
                f'(presets: {names}; or a pattern like "4-7-8")',
                key="breathing",
            )
        else:
            try:
                pattern = parse_pattern(value)
            except PatternError as error:
                checker.problem(f"breathing: {error}", key="breathing")
    elif isinstance(value, dict):
        pattern = _pattern_table(checker, value)
    else:
        checker.problem(
            'breathing must be a preset name, a pattern like "4-7-8" or a table '
            f"{{ inhale = 4, exhale = 6 }}, got {show(value)}",
            key="breathing",
        )
    cycles: int | None = None
    minutes: float | None = None
    if "cycles" in table and "minutes" in table:
        checker.problem('give either "cycles" or "minutes", not both', key="cycles")
    elif "cycles" in table:
        cycles = checker.count(table, "cycles")
    elif "minutes" in table:
        minutes = _minutes(checker, table["minutes"])
    else:
        checker.problem(
            'a breathing step needs "cycles" (whole breaths) or "minutes"', key="cycles"
        )
    inhale_cue = checker.text(table, "inhale_cue")
    exhale_cue = checker.text(table, "exhale_cue")
    if pattern is None or (cycles is None and minutes is None):
        return None
    return Breathing(pattern, preset, cycles, minutes, inhale_cue, exhale_cue)


def _minutes(checker: FieldChecker, value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        checker.problem(f"minutes must be a number of minutes, got {show(value)}", key="minutes")
        return None
    if not 0 < value <= MAX_MINUTES:
        checker.problem(
            f"minutes must be more than 0 and at most {MAX_MINUTES}, got {show(value)}",
            key="minutes",
        )
        return None
    return float(value)


def _pattern_table(checker: FieldChecker, table: Mapping[str, Any]) -> BreathPattern | None:
    before = len(checker.problems)
    meant = checker.unknown_keys(table, PATTERN_KEYS, "in the breathing table", owner="breathing")
    parts = {}
    for key in PATTERN_KEYS:
        required = key in ("inhale", "exhale")
        if required and key not in table:
            if key not in meant:
                checker.problem(f'the breathing table needs "{key}" (seconds)', key="breathing")
            continue
        parts[key] = checker.seconds(table, key, positive=required)
    if len(checker.problems) > before:
        return None
    try:
        return make_pattern(parts["inhale"], parts["hold"], parts["exhale"], parts["hold_out"])
    except PatternError as error:
        checker.problem(f"breathing: {error}", key="breathing")
        return None
