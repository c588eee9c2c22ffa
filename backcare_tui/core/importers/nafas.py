"""A nafas program (JSON): one breathing step.

nafas keeps a program as `{"name", "unit", "pre", "cycle", "ratio"}`; each
part of a breath lasts ratio x unit seconds, in nafas's order inhale,
retain (hold full), exhale, sustain (hold empty); `pre` is the preparing
time before the first breath and `cycle` the number of breaths.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..breathing import PatternError, make_pattern
from ..limits import LIMITS
from ..model import Breathing, Routine, Step
from .base import Imported, ImportFailure, name_text, number

SOURCE = "nafas program"
PARTS = ("inhale", "retain", "exhale", "sustain")
"""nafas's order; backcare calls them inhale, hold, exhale, hold_out."""


def is_nafas(data: object) -> bool:
    return isinstance(data, Mapping) and "ratio" in data and ("unit" in data or "cycle" in data)


def import_nafas(data: Mapping[str, Any], path: str, fallback_name: str) -> Imported:
    notes: list[str] = []
    name = name_text(data.get("name"), fallback_name)
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        notes.append(f'The program has no name: named it "{name}" after the file.')
    unit = _required(data, "unit", path, positive=True)
    cycles_value = _required(data, "cycle", path, positive=True)
    if not cycles_value.is_integer():
        raise ImportFailure(
            path, f'"cycle" must be a whole number of breaths, got {cycles_value:g}'
        )
    cycles = int(cycles_value)
    if cycles > LIMITS["cycles"]:
        notes.append(
            f"nafas asks for {cycles} breaths; a backcare step has at most "
            f"{LIMITS['cycles']}: used {LIMITS['cycles']}."
        )
        cycles = LIMITS["cycles"]
    pre = data.get("pre")
    prepare = number(pre) if pre is not None else 0.0
    if prepare is None:
        raise ImportFailure(path, f'"pre" must be a number of seconds, got {pre!r}')
    if pre is None:
        notes.append('No "pre" (preparing time): started without a lead-in.')
    ratios = _ratios(data["ratio"], path, notes)
    seconds = [ratio * unit for ratio in ratios]
    try:
        pattern = make_pattern(*seconds)
    except PatternError as error:
        shown = ", ".join(f"{part} {s:g} s" for part, s in zip(PARTS, seconds, strict=True))
        raise ImportFailure(
            path, f"ratio x unit gives {shown}; backcare cannot breathe that: {error}"
        ) from None
    step = Step(
        name=name,
        action=Breathing(pattern=pattern, cycles=cycles),
        instructions="Breathe with the pacer: in as it grows, out as it shrinks, "
        "and hold still while it waits.",
    )
    routine = Routine(
        name=name,
        description=f"A nafas program: {pattern.label()} seconds a breath "
        f"(inhale-retain-exhale-sustain ratio {':'.join(f'{r:g}' for r in ratios)} "
        f"x {unit:g} s), {cycles} breaths.",
        tags=("breathing", "nafas"),
        prepare=prepare,
        steps=(step,),
    )
    return Imported(routine=routine, source=SOURCE, assumptions=tuple(notes))


def _required(data: Mapping[str, Any], key: str, path: str, *, positive: bool) -> float:
    if key not in data:
        raise ImportFailure(path, f'a nafas program needs "{key}" (a number); it is missing')
    value = number(data[key])
    if value is None or (positive and value <= 0):
        raise ImportFailure(path, f'"{key}" must be a number above 0, got {data[key]!r}')
    return value


def _ratios(raw: object, path: str, notes: list[str]) -> list[float]:
    """Four ratios in nafas's order from the usual table (or nafas's older list of four)."""
    if isinstance(raw, list) and len(raw) == 4:
        raw = dict(zip(PARTS, raw, strict=True))
    if not isinstance(raw, Mapping):
        raise ImportFailure(
            path, '"ratio" must be a table like {"inhale": 4, "retain": 7, "exhale": 8}'
        )
    unknown = [k for k in raw if k not in PARTS]
    if unknown:
        notes.append(f"Ignored ratio key(s) nafas does not use: {', '.join(map(str, unknown))}.")
    ratios: list[float] = []
    for part in PARTS:
        if part not in raw:
            notes.append(f'No "{part}" in the ratio: 0, as nafas reads it.')
            ratios.append(0.0)
            continue
        value = number(raw[part])
        if value is None:
            raise ImportFailure(
                path, f'ratio "{part}" must be a number of units, got {raw[part]!r}'
            )
        ratios.append(value)
    return ratios
