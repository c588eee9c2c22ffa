"""The routine model: frozen dataclasses, equal when the files mean the same."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .breathing import BreathPattern, cycles_for_minutes
from .limits import DEFAULT_PREPARE_SECONDS as DEFAULT_PREPARE_SECONDS

FORMAT_VERSION = 1
DEFAULT_SWITCH_SECONDS = 5.0

Side = Literal["left", "right"]
Sides = Literal["both", "left", "right"]
Shape = Literal["timed", "held", "rest", "breathing"]
"""A step's shape: the word the editor and docs use for its kind of action."""


@dataclass(frozen=True)
class Timed:
    """Work for a fixed time."""

    duration: float


@dataclass(frozen=True)
class Held:
    """Hold a position for `hold` seconds, rep after rep, set after set, side by side."""

    hold: float
    reps: int = 1
    rest: float = 0.0
    sets: int = 1
    set_rest: float = 0.0
    sides: Sides | None = None
    switch: float = DEFAULT_SWITCH_SECONDS

    def side_order(self) -> tuple[Side | None, ...]:
        if self.sides == "both":
            return ("left", "right")
        if self.sides is None:
            return (None,)
        return (self.sides,)


@dataclass(frozen=True)
class Rest:
    """A pause between exercises."""

    rest: float


@dataclass(frozen=True)
class Breathing:
    """Paced breathing, by preset or pattern, for a number of cycles or minutes."""

    pattern: BreathPattern
    preset: str | None = None
    cycles: int | None = None
    minutes: float | None = None
    inhale_cue: str = ""
    exhale_cue: str = ""

    @property
    def total_cycles(self) -> int:
        if self.cycles is not None:
            return self.cycles
        return cycles_for_minutes(self.pattern, self.minutes or 0.0)


Action = Timed | Held | Rest | Breathing


PROGRESS_EVERY = 3
"""Completed sessions of a routine per step up, when `every` is not given."""


@dataclass(frozen=True)
class Increase:
    """One value that grows by `by` at each level, never past `maximum`."""

    key: str
    """ "hold", "duration", "reps", "sets" or "cycles": the field of the step's action."""
    by: float
    maximum: float


@dataclass(frozen=True)
class Progress:
    """How a step grows as the routine gets easy (see core/progression.py)."""

    increases: tuple[Increase, ...]
    every: int = PROGRESS_EVERY


@dataclass(frozen=True)
class CueAt:
    """When a step's cue appears in each work or hold: seconds in, or a percentage of it."""

    value: float
    percent: bool = False

    def seconds(self, length: float) -> float:
        return length * self.value / 100 if self.percent else min(self.value, length)

    def __str__(self) -> str:
        return f"{self.value:g}%" if self.percent else f"{self.value:g}s"


@dataclass(frozen=True)
class SoundSwitches:
    """A routine's own choice of cue sounds; None leaves a switch as the settings have it."""

    phases: bool | None = None
    countdown: bool | None = None
    halfway: bool | None = None
    breathing: bool | None = None
    finished: bool | None = None

    @property
    def silent(self) -> bool:
        return all(getattr(self, name) is False for name in SOUND_SWITCHES)


SOUND_SWITCHES = ("phases", "countdown", "halfway", "breathing", "finished")


@dataclass(frozen=True)
class Step:
    """One exercise of a routine: its name, what to do and for how long, and its cues."""

    name: str
    action: Action
    instructions: str = ""
    cues: tuple[str, ...] = ()
    progress: Progress | None = None
    cue_at: tuple[CueAt | None, ...] = ()
    """When each cue appears, beside `cues`; empty when none says (the usual case)."""
    say: str = ""
    """Spoken instead of the name, for names a speech program reads badly."""

    def cue_times(self) -> tuple[CueAt | None, ...]:
        return self.cue_at or (None,) * len(self.cues)

    @property
    def shape(self) -> Shape:
        """ "timed", "held", "rest" or "breathing": the word the editor and docs use."""
        return SHAPE_NAMES[type(self.action)]


SHAPE_NAMES: dict[type, Shape] = {
    Timed: "timed",
    Held: "held",
    Rest: "rest",
    Breathing: "breathing",
}


@dataclass(frozen=True)
class Routine:
    """A routine file as the app plays it."""

    name: str
    steps: tuple[Step, ...]
    description: str = ""
    tags: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    prepare: float | None = None
    rest_between: float = 0.0
    rounds: int = 1
    format: int = FORMAT_VERSION
    sound: SoundSwitches | None = None
    """`sound = false` or a table of switches in the file; None: the settings decide."""
