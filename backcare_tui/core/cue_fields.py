"""Reading and writing the guidance fields of a routine file: timed cues and `sound`.

Kept apart from the loader so the loader only says where they go; the
messages follow the loader's house style (field, what was expected, what
was found).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from .durations import MAX_PHASE_SECONDS, DurationError, parse_duration
from .model import SOUND_SWITCHES, CueAt, SoundSwitches
from .spelling import suggest
from .text import clean_line

Report = Callable[[str], None]
CUE_KEYS = ("text", "at")


def read_cues(value: object, problem: Report) -> tuple[tuple[str, ...], tuple[CueAt | None, ...]]:
    """`cues = ["Start small", { at = "50%", text = "Reverse direction" }]`.

    The times come back empty when no cue has one, so plain lists stay plain.
    """
    if not isinstance(value, list):
        problem(
            'cues must be an array like ["Knees soft", { at = "50%", text = "Switch legs" }], '
            f"got {_kind(value)}"
        )
        return (), ()
    texts: list[str] = []
    times: list[CueAt | None] = []
    for number, item in enumerate(value, start=1):
        if isinstance(item, str):
            text, at = item, None
        elif isinstance(item, dict):
            unknown = [key for key in item if key not in CUE_KEYS]
            if unknown:
                problem(
                    f'cues item {number}: unknown key "{clean_line(str(unknown[0]))}"; '
                    'a timed cue has "text" and "at"'
                )
                continue
            raw_text = item.get("text")
            if not isinstance(raw_text, str):
                problem(f'cues item {number}: "text" is required: a short text')
                continue
            text = raw_text
            at = read_at(item.get("at"), f"cues item {number}", problem)
            if at is None and "at" in item:
                continue
        else:
            problem(
                f"cues item {number} must be a string or a table {{ at, text }}, got {_kind(item)}"
            )
            continue
        cleaned = clean_line(text).strip()
        if not cleaned:
            problem("cues must not contain empty strings")
            continue
        texts.append(cleaned)
        times.append(at)
    if all(at is None for at in times):
        times = []
    return tuple(texts), tuple(times)


def read_at(value: object, where: str, problem: Report) -> CueAt | None:
    """ "50%" (of each work or hold), or seconds in: 20 or "20s" or "1m"."""
    if value is None:
        return None
    expected = 'a percentage like "50%" or seconds like 20 or "20s"'
    if isinstance(value, str) and value.strip().endswith("%"):
        number = value.strip()[:-1].strip()
        try:
            percent = float(number)
        except ValueError:
            problem(f"{where}: at must be {expected}, got {_kind(value)}")
            return None
        if not (math.isfinite(percent) and 0 <= percent < 100):
            problem(f"{where}: at must be a percentage from 0% to under 100%, got {_kind(value)}")
            return None
        return CueAt(percent, percent=True)
    try:
        seconds = parse_duration(value)
    except DurationError:
        problem(f"{where}: at must be {expected}, got {_kind(value)}")
        return None
    if seconds > MAX_PHASE_SECONDS:
        problem(f"{where}: at must be at most 1 hour (3600 s), got {_kind(value)}")
        return None
    return CueAt(seconds)


def read_sound(value: object, problem: Report) -> SoundSwitches | None:
    """`sound = false`, `sound = true` (the settings decide) or a table of switches."""
    if value is True:
        return None
    if value is False:
        return SoundSwitches(**dict.fromkeys(SOUND_SWITCHES, False))
    if not isinstance(value, dict):
        problem(
            f"sound must be true, false or a table like {{ countdown = false }}, got {_kind(value)}"
        )
        return None
    switches: dict[str, bool] = {}
    for key, on in value.items():
        if key not in SOUND_SWITCHES:
            hint = suggest(key, SOUND_SWITCHES) or f" (switches: {', '.join(SOUND_SWITCHES)})"
            problem(f'unknown sound switch "{clean_line(key)}"{hint}')
            continue
        if not isinstance(on, bool):
            problem(f"sound.{key} must be true or false, got {_kind(on)}")
            continue
        switches[key] = on
    return SoundSwitches(**switches)


def cues_to_data(texts: tuple[str, ...], times: tuple[CueAt | None, ...]) -> list[Any]:
    """The writer's side: plain strings unless a cue has a time."""
    if not times:
        return list(texts)
    out: list[Any] = []
    for text, at in zip(texts, times, strict=False):
        out.append(text if at is None else {"at": _at_value(at), "text": text})
    return out


def _at_value(at: CueAt) -> str | float | int:
    if at.percent:
        return f"{at.value:g}%"
    return int(at.value) if float(at.value).is_integer() else at.value


def sound_to_data(sound: SoundSwitches) -> bool | dict[str, bool]:
    if sound.silent:
        return False
    return {name: on for name in SOUND_SWITCHES if (on := getattr(sound, name)) is not None}


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{clean_line(value)[:40]}"'
    if isinstance(value, int | float):
        return f"{value:g}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return type(value).__name__
