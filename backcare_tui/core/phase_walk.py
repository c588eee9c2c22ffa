"""How a session moves: phases that end at deadlines on a clock, and the accounting
of what was played, skipped and extended. `Player` (player.py) is the session's
operations and queries on top of this; see its docstring for the rules.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .clock import Clock
from .player_events import (
    CountdownTick,
    Event,
    Finished,
    Paused,
    PhaseStarted,
    PlayerState,
    StepStarted,
)
from .timeline import Phase, PhaseKind, RestReason, StepSpan, Timeline

COUNTDOWN_KINDS = frozenset({PhaseKind.HOLD, PhaseKind.WORK, PhaseKind.REST})
COUNTDOWN_FROM = 3


class PhaseWalk:
    """The state of one session and the walk past its deadlines; `Player` adds what
    a person can do and ask."""

    def __init__(
        self, timeline: Timeline, clock: Clock, *, stall_after: float | None = None
    ) -> None:
        """`stall_after`: pause on its own when two looks at the running session are
        further apart than this (see `pause_since_last_look`); None never does."""
        self.timeline = timeline
        self.clock = clock
        self.stall_after = stall_after
        self._seen: float | None = None
        """The clock at the last look (any query or update) while running."""
        self._stop_noted = False
        self._index = 0
        self._started_at = 0.0
        self._extension = 0.0
        self._state = PlayerState.READY
        self._paused_at = 0.0
        """When the pause began; meaningful only while PAUSED."""
        self._halted_at: float | None = None
        self._closed = 0.0
        self._extended = 0.0
        self._skipped = 0.0
        self._done: set[int] = set()
        self._left_undone: set[int] = set()
        self._tick_floor = COUNTDOWN_FROM + 1
        self._events: list[Event] = []

    @property
    def started(self) -> bool:
        """start() has run (the session may have ended since)."""
        return self._state not in (PlayerState.READY, PlayerState.CANCELLED)

    @property
    def _phase(self) -> Phase:
        return self.timeline.phases[self._index]

    @property
    def _step(self) -> StepSpan:
        return self.timeline.steps[self._phase.step_index]

    @property
    def _finished(self) -> bool:
        return self._state is PlayerState.FINISHED

    @property
    def _running(self) -> bool:
        return self._state in (PlayerState.RUNNING, PlayerState.PAUSED)

    @property
    def _deadline(self) -> float:
        return self._started_at + self.timeline.phases[self._index].length + self._extension

    def _now(self) -> float:
        if self._halted_at is not None:
            return self._halted_at
        if self._state is PlayerState.PAUSED:
            return self._paused_at
        return self.clock.now()

    def _phase_elapsed(self, now: float) -> float:
        if not self.started or not self.timeline.phases:
            return 0.0
        return min(max(now - self._started_at, 0.0), self._phase.length + self._extension)

    def _sync(self) -> float:
        """Walk past every deadline already reached; returns the time we are now at.

        A look that comes too long after the one before (`stall_after`), or
        after `note_stop`, pauses the session at that earlier look instead.
        """
        now = self._now()
        if self._state is not PlayerState.RUNNING:
            return now
        seen, noted = self._seen, self._stop_noted
        self._stop_noted = False
        stalled = (
            self.stall_after is not None and seen is not None and now - seen > self.stall_after
        )
        if seen is not None and (noted or stalled):
            self._pause_at(seen)
            return seen
        self._walk(now)
        if self._running:
            self._seen = now
        return now

    def _walk(self, now: float) -> None:
        while self._running and self._deadline <= now:
            self._leave(self._index + 1, self._deadline, by_time=True)
        if self._running:
            self._countdown(now)

    def _pause_at(self, at: float) -> None:
        """A pause that began at `at`, not before the current phase began."""
        self._walk(at)
        if self._state is PlayerState.RUNNING:
            self._paused_at = max(at, self._started_at)
            self._state = PlayerState.PAUSED
            self._events.append(Paused(unseen=True))

    def _jump(self, target: Callable[[float], int], *, restart: bool = False) -> None:
        """Leave the current phase now (while paused: at the pause) for phase `target(now)`."""
        now = self._sync()
        if self._running:
            self._leave(target(now), now, by_time=False, restart=restart)

    def _leave(self, target: int, at: float, *, by_time: bool, restart: bool = False) -> None:
        """End the current phase at `at` and start phase `target` there (past the end: finish)."""
        phases, old = self.timeline.phases, self._phase
        span = self.timeline.steps[old.step_index]
        played = old.length + self._extension if by_time else at - self._started_at
        self._closed += played
        if by_time:
            if old.index == _work_end(self.timeline, span):
                self._done.add(span.index)
        else:
            target_start = phases[target].start if target < len(phases) else self.timeline.total
            self._skipped += target_start - old.start - played + self._extension
            if old.index <= _work_end(self.timeline, span) < target:
                self._left_undone.add(span.index)
        if target >= len(phases):
            self._finish(at)
            return
        self._index = target
        self._started_at = at
        self._extension = 0.0
        new = phases[target]
        if new.step_index != old.step_index or restart:
            self._events.append(StepStarted(self.timeline.steps[new.step_index]))
        self._enter_phase()

    def _enter_phase(self) -> None:
        self._events.append(PhaseStarted(self._phase))
        self._tick_floor = min(COUNTDOWN_FROM + 1, math.ceil(self._phase.length))

    def _finish(self, at: float) -> None:
        self._state = PlayerState.FINISHED
        self._halted_at = at
        self._events.append(Finished())

    def _countdown(self, now: float) -> None:
        if self._phase.kind not in COUNTDOWN_KINDS:
            return
        seconds_left = math.ceil(self._deadline - now)
        if seconds_left < self._tick_floor and seconds_left <= COUNTDOWN_FROM:
            self._tick_floor = seconds_left
            self._events.append(CountdownTick(seconds_left))


def _work_end(timeline: Timeline, span: StepSpan) -> int:
    """The step's last phase of its own: a rest between steps follows the work, it is not it."""
    last = span.last_phase
    if timeline.phases[last].rest_reason is RestReason.BETWEEN and last > span.first_phase:
        return last - 1
    return last
