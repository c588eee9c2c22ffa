"""The session engine: a state machine over a timeline, driven by deadlines on a clock.

Where we are is never counted in ticks. The current phase has a start time on
the clock and a deadline (start + length + extension); when time passes a
deadline the next phase starts exactly at that deadline, not when somebody
noticed, so lateness never adds up and a 2-hour session ends on time however
unevenly the UI polls. The engine never sleeps and never starts threads.

Accounting, which the summary, history and progress bar rely on::

    elapsed + remaining == planned + extended - skipped

`elapsed` is active time played (pauses never count), `remaining` the time
left from here with extensions, `extended` every second added by extend(),
and `skipped` is net: time jumped over by skips minus time replayed by
back() and restart_step(). While the session runs, `elapsed` equals the
clock time spent unpaused since start().

Queries bring the state up to the clock first, so they always agree with
each other; the events that produces wait for the next update().
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from .clock import Clock
from .timeline import Phase, PhaseKind, RestReason, StepSpan, Timeline

COUNTDOWN_KINDS = frozenset({PhaseKind.HOLD, PhaseKind.WORK, PhaseKind.REST})
COUNTDOWN_FROM = 3
BACK_GRACE_SECONDS = 2.0


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


"""Within this much of a step's start, back() goes to the step before (like a music player)."""


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


class Player:
    """One session. Operations before start() or after the end do nothing, so a UI
    can forward keys without checking state. An empty timeline finishes at once
    and has no `phase` or `step` to show.
    """

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

    # operations

    def start(self) -> None:
        if self._state is not PlayerState.READY:
            return
        self._state = PlayerState.RUNNING
        now = self.clock.now()
        if not self.timeline.phases:
            self._finish(now)
            return
        self._started_at = now
        self._seen = now
        self._events.append(StepStarted(self.timeline.steps[0]))
        self._enter_phase()

    def pause(self) -> None:
        now = self._sync()
        if self._state is PlayerState.RUNNING:
            self._paused_at = now
            self._state = PlayerState.PAUSED
            self._events.append(Paused())

    def resume(self) -> None:
        if self._state is PlayerState.PAUSED:
            now = self.clock.now()
            self._started_at += now - self._paused_at
            self._state = PlayerState.RUNNING
            self._seen = now
            self._events.append(Resumed())

    def note_stop(self) -> None:
        """The process is about to be stopped (SIGTSTP): the next look pauses the
        session as of the look before. Safe in a signal handler: it sets one flag."""
        self._stop_noted = True

    def pause_since_last_look(self) -> None:
        """Pause as of the last time anyone looked: the process was stopped meanwhile.

        Ctrl+Z, `kill -TSTP` and `kill -STOP` freeze the process but not the
        clock; the person was not following, so the session picks up where the
        screen last showed it, paused. The time in between is pause time.
        """
        now = self._now()
        if self._state is not PlayerState.RUNNING:
            return
        self._pause_at(now if self._seen is None else min(self._seen, now))

    def toggle_pause(self) -> None:
        if self.paused:
            self.resume()
        else:
            self.pause()

    def skip_phase(self) -> None:
        self._jump(lambda now: self._index + 1)

    def skip_step(self) -> None:
        def target(now: float) -> int:
            following = self._step.index + 1
            if following < len(self.timeline.steps):
                return self.timeline.steps[following].first_phase
            return len(self.timeline.phases)

        self._jump(target)

    def back(self) -> None:
        def target(now: float) -> int:
            step = self._step
            into_step = self._phase.start - step.start + (now - self._started_at)
            if into_step < BACK_GRACE_SECONDS and step.index > 0:
                return self.timeline.steps[step.index - 1].first_phase
            return step.first_phase

        self._jump(target, restart=True)

    def restart_step(self) -> None:
        self._jump(lambda now: self._step.first_phase, restart=True)

    def extend(self, seconds: float = 10.0) -> None:
        """Add time to the current phase; works while paused, the deadline just moves."""
        if not math.isfinite(seconds) or seconds <= 0:
            raise ValueError(f"extend by a positive number of seconds, got {seconds!r}")
        now = self._sync()
        if not self._running:
            return
        self._extension += seconds
        self._extended += seconds
        self._tick_floor = min(COUNTDOWN_FROM + 1, math.ceil(self._deadline - now))

    def stop(self) -> None:
        if self._state in (PlayerState.STOPPED, PlayerState.CANCELLED, PlayerState.FINISHED):
            return
        now = self._sync()
        if self._finished:  # the look just now reached the end
            return
        self._halted_at = now
        never_ran = self._state is PlayerState.READY
        self._state = PlayerState.CANCELLED if never_ran else PlayerState.STOPPED
        self._events.append(Stopped())

    def update(self) -> list[Event]:
        """Catch up with the clock; the events since the last call, oldest first."""
        self._sync()
        events, self._events = self._events, []
        return events

    # queries

    @property
    def phase(self) -> Phase:
        self._sync()
        return self._phase

    @property
    def phase_index(self) -> int:
        self._sync()
        return self._index

    @property
    def step(self) -> StepSpan:
        self._sync()
        return self._step

    @property
    def phase_started_at(self) -> float:
        """Clock time the current phase began, moved on by any pause since."""
        self._sync()
        return self._started_at

    @property
    def ended_at(self) -> float | None:
        """Clock time the session finished or stopped: the exact deadline, not when noticed."""
        self._sync()
        return self._halted_at

    @property
    def phase_length(self) -> float:
        self._sync()
        if not self.timeline.phases:
            return 0.0
        return self._phase.length + self._extension

    @property
    def phase_elapsed(self) -> float:
        return self._phase_elapsed(self._sync())

    @property
    def phase_remaining(self) -> float:
        now = self._sync()
        if self._finished or not self.timeline.phases:
            return 0.0
        return self._phase.length + self._extension - self._phase_elapsed(now)

    @property
    def elapsed(self) -> float:
        now = self._sync()
        if self._finished:
            return self._closed
        return self._closed + self._phase_elapsed(now)

    @property
    def remaining(self) -> float:
        now = self._sync()
        if self._finished or not self.timeline.phases:
            return 0.0
        phase = self._phase
        left_in_phase = phase.length + self._extension - self._phase_elapsed(now)
        return left_in_phase + self.timeline.total - phase.end

    @property
    def position(self) -> float:
        """Where the session stands in the plan (what the progress bar shows).

        The current phase's planned start plus the time into it, held at the
        phase's planned end while an extension runs. Unlike `elapsed` (active
        time, which going back or extending adds to) it never passes the plan.
        """
        now = self._sync()
        if self._finished or not self.timeline.phases:
            return self.timeline.total if self._finished else 0.0
        phase = self._phase
        return phase.start + min(self._phase_elapsed(now), phase.length)

    @property
    def planned(self) -> float:
        return self.timeline.total

    @property
    def extended(self) -> float:
        return self._extended

    @property
    def skipped(self) -> float:
        self._sync()
        return self._skipped

    @property
    def fraction(self) -> float:
        if self.finished:
            return 1.0
        elapsed, remaining = self.elapsed, self.remaining
        whole = elapsed + remaining
        return min(1.0, elapsed / whole) if whole > 0 else 0.0

    @property
    def next_phase(self) -> Phase | None:
        self._sync()
        following = self._index + 1
        if self._finished or following >= len(self.timeline.phases):
            return None
        return self.timeline.phases[following]

    @property
    def next_step(self) -> StepSpan | None:
        self._sync()
        if self._finished:
            return None
        following = self._step.index + 1
        return self.timeline.steps[following] if following < len(self.timeline.steps) else None

    @property
    def steps_done(self) -> int:
        self._sync()
        return len(self._done)

    @property
    def steps_skipped(self) -> int:
        return len(self.skipped_steps)

    @property
    def skipped_steps(self) -> frozenset[int]:
        """Indexes of steps left undone by a skip (and not finished since), for step lists."""
        self._sync()
        return frozenset(self._left_undone - self._done)

    @property
    def state(self) -> PlayerState:
        self._sync()
        return self._state

    @property
    def paused(self) -> bool:
        return self._state is PlayerState.PAUSED

    @property
    def started(self) -> bool:
        """start() has run (the session may have ended since)."""
        return self._state not in (PlayerState.READY, PlayerState.CANCELLED)

    @property
    def finished(self) -> bool:
        self._sync()
        return self._state is PlayerState.FINISHED

    @property
    def stopped(self) -> bool:
        return self._state in (PlayerState.STOPPED, PlayerState.CANCELLED)

    # the machinery

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
