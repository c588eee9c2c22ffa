"""The clock the engine asks, so tests and screenshots can freeze or step time."""

from __future__ import annotations

import time
from typing import Protocol

STALL_SECONDS = 3.0
"""A gap this long between two looks at a running session means the process was
stopped (Ctrl+Z, SIGSTOP, a debugger): the player screen looks at least once a
second while a session runs, so this is far more than a late frame."""


class Clock(Protocol):
    """Monotonic seconds from an arbitrary origin; only differences mean anything."""

    def now(self) -> float: ...


class MonotonicClock:
    """Real time that never jumps when the wall clock is set or NTP adjusts it."""

    def now(self) -> float:
        return time.monotonic()


class FakeClock:
    """Time that moves only when a test says so, and never backwards."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = float(start)

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError(f"a monotonic clock cannot go back ({seconds:g} s)")
        self._now += seconds

    def set(self, t: float) -> None:
        if t < self._now:
            raise ValueError(f"a monotonic clock cannot go back (from {self._now:g} to {t:g})")
        self._now = float(t)
