"""Where a session is (`PlayerState`) and what the session engine reports as it moves
(`Event`): the words the player and the screens that show it share."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .timeline import Phase, StepSpan


class PlayerState(StrEnum):
    """Where a session is; exactly one at a time."""

    READY = "ready"
    """Not started yet."""
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    """Reached the end of the timeline."""
    STOPPED = "stopped"
    """Stopped before the end."""
    CANCELLED = "cancelled"
    """Stopped before it was started: it never ran."""


@dataclass(frozen=True)
class PhaseStarted:
    phase: Phase


@dataclass(frozen=True)
class StepStarted:
    """Also sent when back() or restart_step() starts a step again, so the UI re-shows it."""

    step: StepSpan


@dataclass(frozen=True)
class CountdownTick:
    """The last seconds of a hold, work or rest, for a tick sound.

    Sent once per whole second crossed (3, 2, 1); when a stall jumps over
    several, only the one that is true now is sent, never a burst of stale ones.
    """

    seconds_left: int


@dataclass(frozen=True)
class Paused:
    unseen: bool = False
    """The pause began at the last look, because time passed that nobody saw
    (the process was stopped); the screen says so."""


@dataclass(frozen=True)
class Resumed:
    pass


@dataclass(frozen=True)
class Finished:
    pass


@dataclass(frozen=True)
class Stopped:
    pass


Event = PhaseStarted | StepStarted | CountdownTick | Paused | Resumed | Finished | Stopped
