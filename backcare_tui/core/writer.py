"""The model back to TOML: only what differs from the defaults, so files stay short."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from .atomic import atomic_write
from .breathing import PRESETS
from .cue_fields import cues_to_data, sound_to_data
from .model import (
    DEFAULT_SWITCH_SECONDS,
    PROGRESS_EVERY,
    Breathing,
    Held,
    Progress,
    Rest,
    Routine,
    Step,
    Timed,
)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _pattern_text(values: list[float]) -> str:
    return "-".join(str(_number(v)) for v in values)


def routine_to_data(routine: Routine) -> dict[str, Any]:
    data: dict[str, Any] = {"format": routine.format, "name": routine.name}
    if routine.description:
        data["description"] = routine.description
    if routine.tags:
        data["tags"] = list(routine.tags)
    if routine.equipment:
        data["equipment"] = list(routine.equipment)
    if routine.prepare is not None:
        data["prepare"] = _number(routine.prepare)
    if routine.rest_between:
        data["rest_between"] = _number(routine.rest_between)
    if routine.rounds != 1:
        data["rounds"] = routine.rounds
    if routine.sound is not None:
        data["sound"] = sound_to_data(routine.sound)
    data["steps"] = [step_to_data(step) for step in routine.steps]
    return data


def step_to_data(step: Step) -> dict[str, Any]:
    data: dict[str, Any] = {"name": step.name}
    if step.instructions:
        data["instructions"] = step.instructions
    if step.say:
        data["say"] = step.say
    if step.cues:
        data["cues"] = cues_to_data(step.cues, step.cue_at)
    action = step.action
    if isinstance(action, Timed):
        data["duration"] = _number(action.duration)
    elif isinstance(action, Rest):
        data["rest"] = _number(action.rest)
    elif isinstance(action, Held):
        data["hold"] = _number(action.hold)
        if action.reps != 1:
            data["reps"] = action.reps
        if action.rest:
            data["rest"] = _number(action.rest)
        if action.sets != 1:
            data["sets"] = action.sets
        if action.set_rest:
            data["set_rest"] = _number(action.set_rest)
        if action.sides is not None:
            data["sides"] = action.sides
        if action.switch != DEFAULT_SWITCH_SECONDS:
            data["switch"] = _number(action.switch)
    else:
        data.update(_breathing_to_data(action))
    if step.progress is not None:
        data["progress"] = _progress_to_data(step.progress)
    return data


def _progress_to_data(progress: Progress) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for increase in progress.increases:
        data[increase.key] = _number(increase.by)
        data[f"{increase.key}_max"] = _number(increase.maximum)
    if progress.every != PROGRESS_EVERY:
        data["every"] = progress.every
    return data


def _breathing_to_data(action: Breathing) -> dict[str, Any]:
    data: dict[str, Any] = {}
    p = action.pattern
    if action.preset is not None:
        data["breathing"] = action.preset
    else:
        parts = [p.inhale, p.hold, p.exhale, p.hold_out]
        if p.hold == 0 and p.hold_out == 0:
            parts = [p.inhale, p.exhale]
        elif p.hold_out == 0:
            parts = parts[:3]
        text = _pattern_text(parts)
        if text in PRESETS or "e" in text:
            data["breathing"] = {
                "inhale": _number(p.inhale),
                "hold": _number(p.hold),
                "exhale": _number(p.exhale),
                "hold_out": _number(p.hold_out),
            }
        else:
            data["breathing"] = text
    if action.cycles is not None:
        data["cycles"] = action.cycles
    else:
        data["minutes"] = _number(action.minutes or 0.0)
    if action.inhale_cue:
        data["inhale_cue"] = action.inhale_cue
    if action.exhale_cue:
        data["exhale_cue"] = action.exhale_cue
    return data


INLINE_WIDTH = 88
"""An array of plain values is written on one line when the line fits in this."""

_ARRAY = re.compile(
    r'^(?P<key>[A-Za-z0-9_-]+ = )\[\n(?P<items>(?:    (?:"(?:[^"\\\n]|\\.)*"|[-+0-9.e]+),\n)+)\]$',
    re.MULTILINE,
)


def dumps_routine(routine: Routine) -> str:
    text: str = tomli_w.dumps(routine_to_data(routine), multiline_strings=True)
    return inline_short_arrays(text)


def inline_short_arrays(text: str) -> str:
    """`tags = ["desk"]` rather than the writer's three lines, as a person writes it."""

    def one_line(match: re.Match[str]) -> str:
        items = [item.strip().removesuffix(",") for item in match["items"].splitlines()]
        line = f"{match['key']}[{', '.join(items)}]"
        return line if len(line) <= INLINE_WIDTH else match[0]

    shorter = _ARRAY.sub(one_line, text)
    return shorter if tomllib.loads(shorter) == tomllib.loads(text) else text


def save_routine(routine: Routine, path: Path) -> None:
    """Write atomically; the caller decides about backups (see the editor)."""
    atomic_write(path, dumps_routine(routine).encode("utf-8"))
