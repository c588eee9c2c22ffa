"""Breathing patterns: presets, typed patterns, pace, warnings and the easing curve."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .durations import DurationError, parse_duration


@dataclass(frozen=True)
class BreathPattern:
    """Seconds for each part of one breath: in, hold full, out, hold empty."""

    inhale: float
    hold: float = 0.0
    exhale: float = 0.0
    hold_out: float = 0.0

    @property
    def cycle_seconds(self) -> float:
        return self.inhale + self.hold + self.exhale + self.hold_out

    @property
    def breaths_per_minute(self) -> float:
        return 60.0 / self.cycle_seconds

    def label(self) -> str:
        """The pattern as people type it, shortest exact form ("4-7-8", "5.5-5.5")."""
        parts = [self.inhale, self.hold, self.exhale, self.hold_out]
        if self.hold_out == 0 and self.hold == 0:
            parts = [self.inhale, self.exhale]
        elif self.hold_out == 0:
            parts = parts[:3]
        return "-".join(f"{p:g}" for p in parts)


@dataclass(frozen=True)
class Preset:
    """A named breathing pattern the `breathe` command and the editor offer."""

    name: str
    pattern: BreathPattern
    description: str


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "diaphragmatic",
            BreathPattern(4, 0, 6, 0),
            "Belly breathing with a gentle, longer exhale.",
        ),
        Preset("box", BreathPattern(4, 4, 4, 4), "Four equal parts, for focus and steadiness."),
        Preset("4-7-8", BreathPattern(4, 7, 8, 0), "Long hold and long exhale, to wind down."),
        Preset(
            "coherent",
            BreathPattern(5.5, 0, 5.5, 0),
            "Even in and out at about 5.5 breaths a minute.",
        ),
        Preset(
            "extended-exhale",
            BreathPattern(4, 0, 8, 0),
            "Breathe out twice as long as in, to calm down.",
        ),
    )
}

MAX_PART_SECONDS = 60.0


class PatternError(ValueError):
    """A pattern that cannot be used; the message says what was expected."""


def parse_pattern(text: str) -> BreathPattern:
    """A preset name or "in-out", "in-hold-out", "in-hold-out-hold" in seconds."""
    key = text.strip().lower()
    if key in PRESETS:
        return PRESETS[key].pattern
    pieces = key.split("-")
    if len(pieces) not in (2, 3, 4) or not all(pieces):
        raise PatternError(
            f'expected a preset ({", ".join(PRESETS)}) or a pattern like "4-7-8", '
            f'"4-4-4-4" or "5.5-5.5", got "{text}"'
        )
    try:
        numbers = [parse_duration(float(p)) for p in pieces]
    except (ValueError, DurationError):
        raise PatternError(
            f'expected numbers of seconds separated by "-" (like "4-7-8"), got "{text}"'
        ) from None
    if len(numbers) == 2:
        inhale, exhale = numbers
        return make_pattern(inhale, 0, exhale, 0)
    if len(numbers) == 3:
        return make_pattern(numbers[0], numbers[1], numbers[2], 0)
    return make_pattern(*numbers)


def make_pattern(inhale: float, hold: float, exhale: float, hold_out: float) -> BreathPattern:
    """A checked pattern: in and out positive, holds not negative, no part over a minute."""
    for part, value in (
        ("inhale", inhale),
        ("hold", hold),
        ("exhale", exhale),
        ("hold_out", hold_out),
    ):
        if math.isnan(value) or math.isinf(value) or value < 0:
            raise PatternError(f"{part} must be a finite number of seconds, got {value:g}")
        if value > MAX_PART_SECONDS:
            raise PatternError(f"{part} must be at most {MAX_PART_SECONDS:g} s, got {value:g}")
    if inhale <= 0:
        raise PatternError(f"inhale must be longer than 0 s, got {inhale:g}")
    if exhale <= 0:
        raise PatternError(f"exhale must be longer than 0 s, got {exhale:g}")
    return BreathPattern(float(inhale), float(hold), float(exhale), float(hold_out))


def cycles_for_minutes(pattern: BreathPattern, minutes: float) -> int:
    """Whole cycles closest to the asked length (halves round up), at least one."""
    return max(1, math.floor(minutes * 60.0 / pattern.cycle_seconds + 0.5))


def pattern_warnings(pattern: BreathPattern) -> list[str]:
    """Notes for patterns that are fine to try but worth a word of care."""
    notes: list[str] = []
    longest_hold = max(pattern.hold, pattern.hold_out)
    if longest_hold > 10:
        notes.append(
            f"Long hold ({longest_hold:g} s): holding for long can make you light-headed; "
            "shorten it if you feel uneasy."
        )
    bpm = pattern.breaths_per_minute
    if bpm > 20:
        notes.append(
            f"Fast pace ({bpm:.0f} breaths a minute): quick breathing can cause dizziness; "
            "calm breathing is usually 4-10 a minute."
        )
    elif bpm < 3:
        notes.append(f"Very slow pace ({bpm:.1f} breaths a minute): stop if you feel short of air.")
    return notes


def ease_in_out(t: float) -> float:
    """Sine easing: starts and ends at rest, so the shape never jerks at the turns."""
    t = min(1.0, max(0.0, t))
    return 0.5 - 0.5 * math.cos(math.pi * t)
