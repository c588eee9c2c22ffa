"""The keys a routine file may hold, where each may go, and which shape of step each
belongs to: one list shared by the loader and the editor's draft."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

TOP_KEYS = (
    "format",
    "name",
    "description",
    "tags",
    "equipment",
    "prepare",
    "rest_between",
    "rounds",
    "sound",
    "steps",
)
COMMON_STEP_KEYS = ("name", "instructions", "cues", "progress", "say")
SHAPE_KEYS: dict[str, tuple[str, ...]] = {
    "timed": ("duration",),
    "held": ("hold", "reps", "rest", "sets", "set_rest", "sides", "switch"),
    "rest": ("rest",),
    "breathing": ("breathing", "cycles", "minutes", "inhale_cue", "exhale_cue"),
}
MARKERS = {"duration": "timed", "hold": "held", "breathing": "breathing"}
"""The key that makes a step each shape (a rest step is one with only "rest")."""
ALL_STEP_KEYS = tuple(dict.fromkeys(COMMON_STEP_KEYS + sum(SHAPE_KEYS.values(), ())))
PATTERN_KEYS = ("inhale", "hold", "exhale", "hold_out")
PROGRESS_VALUES: dict[str, tuple[str, ...]] = {
    "timed": ("duration",),
    "held": ("hold", "reps", "sets"),
    "rest": (),
    "breathing": ("cycles",),
}
"""The values each shape of step may progress."""
PROGRESS_KEYS = tuple(
    [key for keys in PROGRESS_VALUES.values() for key in keys]
    + [f"{key}_max" for keys in PROGRESS_VALUES.values() for key in keys]
    + ["every"]
)
SIDES = ("both", "left", "right")


def keys_of_shape(table: Mapping[str, Any]) -> tuple[str, ...]:
    """The keys valid in the shape a step's markers point to, to break ties between
    suggestions ("rset" in a held step is "rest" before "sets")."""
    shapes = [MARKERS[key] for key in MARKERS if key in table] or (
        ["rest"] if "rest" in table else []
    )
    return COMMON_STEP_KEYS + SHAPE_KEYS[shapes[0]] if len(shapes) == 1 else ()
