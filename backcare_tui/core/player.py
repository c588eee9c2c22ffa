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

from .clock import Clock
from .phase_walk import COUNTDOWN_FROM, COUNTDOWN_KINDS, PhaseWalk
from .player_events import (
    CountdownTick,
    Event,
    Finished,
    Paused,
    PhaseStarted,
    PlayerState,
    Resumed,
    StepStarted,
    Stopped,
)
from .timeline import Phase, StepSpan, Timeline

__all__ = [
    "BACK_GRACE_SECONDS",
    "COUNTDOWN_FROM",
    "COUNTDOWN_KINDS",
    "CountdownTick",
    "Event",
    "Finished",
    "Paused",
    "PhaseStarted",
    "Player",
    "PlayerState",
    "Resumed",
    "StepStarted",
    "Stopped",
]

BACK_GRACE_SECONDS = 2.0
"""Within this much of a step's start, back() goes to the step before (like a music player)."""


class Player(PhaseWalk):
    """One session. Operations before start() or after the end do nothing, so a UI
    can forward keys without checking state. An empty timeline finishes at once
    and has no `phase` or `step` to show.
    """

    def __init__(
        self, timeline: Timeline, clock: Clock, *, stall_after: float | None = None
    ) -> None:
        """`stall_after`: pause on its own when two looks at the running session are
        further apart than this (see `pause_since_last_look`); None never does."""
        super().__init__(timeline, clock, stall_after=stall_after)

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
    def finished(self) -> bool:
        self._sync()
        return self._state is PlayerState.FINISHED

    @property
    def stopped(self) -> bool:
        return self._state in (PlayerState.STOPPED, PlayerState.CANCELLED)
