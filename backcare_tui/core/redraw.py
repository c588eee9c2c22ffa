"""When the player screen must next redraw, asked of the engine instead of polled.

A screen that redraws on a fixed tick either wastes work (most ticks change
no cell) or shows a number late. The countdown, the elapsed time and the
time left each change at a whole second the engine can compute, so the
screen sleeps until the first of them and wakes one millisecond after it;
only a moving breathing shape needs frames in between.
"""

from __future__ import annotations

import math

from .player import Player
from .timeline import MOVING_KINDS

SLACK = 0.001
"""Wake just after a change, never just before it (which would cost a second wake-up)."""

_EPSILON = 1e-9


def shown_countdown(seconds: float) -> int:
    """Whole seconds a countdown shows: rounded up, so it reaches 0 only at the deadline."""
    return max(0, math.ceil(seconds - _EPSILON))


def shown_elapsed(seconds: float) -> int:
    """Whole seconds an elapsed clock shows: rounded down, so a second counts once it is over."""
    return max(0, math.floor(seconds + _EPSILON))


def until_countdown_changes(seconds: float) -> float:
    """How long until `shown_countdown` of a value counting down shows another number."""
    return seconds - (shown_countdown(seconds) - 1)


def until_elapsed_changes(seconds: float) -> float:
    """How long until `shown_elapsed` of a value counting up shows another number."""
    return shown_elapsed(seconds) + 1 - seconds


def next_redraw(
    player: Player,
    fps: float = 30.0,
    *,
    animate: bool = True,
    shape_change: float | None = None,
) -> float | None:
    """Seconds until the screen shows something new; None while nothing will change.

    Paused, finished and stopped sessions never change by themselves, so the
    screen schedules nothing and uses no CPU until a key is pressed. While a
    breath moves the shape, `shape_change` (from the pacer: when its next cell
    changes; `math.inf` when it will not change again in this phase) lets the
    screen skip frames that would draw the same picture; without it, frames
    come at `fps`. Either way no faster than `fps`.
    """
    if not player.started or player.paused or player.finished or player.stopped:
        return None
    phase_left = player.phase_remaining
    delay = min(
        until_countdown_changes(phase_left),
        until_countdown_changes(player.remaining),
        until_elapsed_changes(player.elapsed),
        phase_left,
    )
    delay = max(delay, 0.0) + SLACK
    if animate and fps > 0 and player.phase.kind in MOVING_KINDS:
        frame = 1.0 / fps if shape_change is None else max(shape_change, 1.0 / fps)
        delay = min(delay, frame)
    return delay
