"""A breathing session: one breathing step wrapped as a routine, and the length people type.

The breathing screen, the palette and `backcare breathe` all build their
session here, so a session started any way plays the same, through the same
engine and player as any routine.
"""

from __future__ import annotations

import math
import re

from .breathing import PRESETS, BreathPattern, cycles_for_minutes
from .durations import DurationError, format_clock, parse_duration
from .limits import MAX_CYCLES, MAX_MINUTES
from .model import Breathing, Routine, Step

DEFAULT_PRESET = "diaphragmatic"
DEFAULT_MINUTES = 5.0

INSTRUCTIONS = (
    "Sit or lie comfortably, one hand on your belly. Breathe in through the nose as the "
    "shape grows and let the belly rise; breathe out slowly as it shrinks."
)
STILL_INSTRUCTIONS = (
    "Sit or lie comfortably, one hand on your belly. Breathe in through the nose while "
    "the count runs down and let the belly rise; breathe out slowly through the next count."
)
"""The same, for reduced motion, where no shape is drawn."""

_CYCLES = re.compile(r"^(\d+)\s*(?:c|cycles?|breaths?|x)$")
_MINUTES = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:min|mins|minutes?)?$")


class LengthError(ValueError):
    """A session length that cannot be used; the message says what was expected."""


def parse_length(text: str) -> tuple[float | None, int | None]:
    """(minutes, None) or (None, cycles) from "5", "2.5m", "90s", "20 cycles", "12c"."""
    key = text.strip().lower()
    expected = f'expected minutes ("5", "2.5 min", "1m30s") or cycles ("20 cycles"), got "{text}"'
    if match := _CYCLES.match(key):
        cycles = int(match.group(1))
        if not 1 <= cycles <= MAX_CYCLES:
            raise LengthError(f"cycles must be from 1 to {MAX_CYCLES}, got {cycles}")
        return None, cycles
    if match := _MINUTES.match(key):
        minutes = float(match.group(1))
    else:
        try:
            minutes = parse_duration(key) / 60.0
        except DurationError:
            raise LengthError(expected) from None
    return check_minutes(minutes), None


def check_minutes(minutes: float) -> float:
    if not math.isfinite(minutes) or minutes <= 0:
        raise LengthError(f"minutes must be more than 0, got {minutes:g}")
    if minutes > MAX_MINUTES:
        raise LengthError(f"minutes must be at most {MAX_MINUTES:g}, got {minutes:g}")
    return minutes


def breathing_routine(
    pattern: BreathPattern,
    *,
    preset: str | None = None,
    minutes: float | None = None,
    cycles: int | None = None,
) -> Routine:
    """A routine of one breathing step; with neither length given it lasts the default."""
    if minutes is None and cycles is None:
        minutes = DEFAULT_MINUTES
    name = f"{preset.capitalize()} breathing" if preset else f"Breathing {pattern.label()}"
    description = PRESETS[preset].description if preset in PRESETS else ""
    step = Step(
        name=name,
        action=Breathing(pattern=pattern, preset=preset, cycles=cycles, minutes=minutes),
        instructions=INSTRUCTIONS,
    )
    return Routine(name=name, steps=(step,), description=description, tags=("breathing",))


def describe_length(
    pattern: BreathPattern, minutes: float | None, cycles: int | None, lead_in: float = 0.0
) -> str:
    """What a typed length will really play, lead-in included, so the total is the
    one the player counts down: "5 minutes: 30 breaths, 5:05 with a 5 s lead-in"."""
    count = cycles if cycles is not None else cycles_for_minutes(pattern, minutes or 0.0)
    total = format_clock(count * pattern.cycle_seconds + lead_in)
    if lead_in > 0:
        total += f" with a {lead_in:g} s lead-in"
    breaths = "1 breath" if count == 1 else f"{count} breaths"
    if cycles is not None:
        return f"{breaths}: {total}"
    shown = f"{minutes:g} minute" + ("" if minutes == 1 else "s")
    return f"{shown}: {breaths}, {total}"


def describe_pattern(pattern: BreathPattern) -> str:
    """The parts people breathe, and the pace: "in 4 s · hold 7 s · out 8 s · 3.2 a minute"."""
    parts = [
        (word, seconds)
        for word, seconds in (
            ("in", pattern.inhale),
            ("hold", pattern.hold),
            ("out", pattern.exhale),
            ("hold", pattern.hold_out),
        )
        if seconds > 0
    ]
    shown = " · ".join(f"{word} {seconds:g} s" for word, seconds in parts)
    return f"{shown} · {format_bpm(pattern.breaths_per_minute)} breaths a minute"


def format_bpm(bpm: float) -> str:
    return f"{bpm:.1f}".removesuffix(".0")
