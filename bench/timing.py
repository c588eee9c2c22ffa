"""Timing: is a phase change ever late by more than a frame, does a session end on time?

Two measurements, after the quality bar in PRODUCT.md:

- simulated: a 2-hour session on a fake clock, polled at uneven frame times
  (1-50 ms, with a 200 ms stall 1 % of the time) as a busy UI would;
- real: a 20 s routine (60 s with --long) played by `run --plain` on the
  real monotonic clock into a buffer, each line stamped as it is written.
"""

from __future__ import annotations

import io
import math
import random
import time
from dataclasses import dataclass

from backcare_tui.cli.plain import run_plain
from backcare_tui.core.breathing import BreathPattern
from backcare_tui.core.clock import FakeClock, MonotonicClock
from backcare_tui.core.model import Breathing, Held, Rest, Routine, Step, Timed
from backcare_tui.core.player import Finished, PhaseStarted, Player
from backcare_tui.core.timeline import Timeline, compile_routine

SIM_SECONDS = 7200.0
STALL_CHANCE = 0.01
STALL_SECONDS = 0.2


@dataclass(frozen=True)
class Simulated:
    planned: float
    phases: int
    frames: int
    worst_late: float
    worst_late_over_frame: float
    mean_late: float
    end_error: float
    noticed_end_late: float
    update_cost: float


@dataclass(frozen=True)
class Real:
    planned: float
    lines: int
    worst_late: float
    mean_late: float
    end_error: float


def long_routine(at_least: float = SIM_SECONDS) -> Timeline:
    """A mixed routine repeated in rounds to pass the asked length, odd decimals included."""
    held = Held(hold=30, reps=3, rest=7.5, sets=2, set_rest=20, sides="both", switch=5)
    steps = (
        Step("Hold", held),
        Step("Breathe", Breathing(BreathPattern(4, 7, 8, 0), cycles=3)),
        Step("March", Timed(45.3)),
        Step("Rest", Rest(12.1)),
    )
    one_round = compile_routine(Routine("R", steps, prepare=0, rest_between=6)).total
    rounds = math.ceil(at_least / one_round)
    return compile_routine(Routine("R", steps, prepare=5, rest_between=6, rounds=rounds))


def short_routine(seconds: int) -> Timeline:
    """20 s of varied phases (11 changes), repeated to `seconds`."""
    steps = (
        Step("Settle", Rest(2)),
        Step("March", Timed(3)),
        Step("Stretch", Held(hold=2, reps=2, rest=1, sides="both", switch=1)),
        Step("Breathe", Breathing(BreathPattern(2, 0, 2, 0), cycles=1)),
    )
    return compile_routine(Routine("Bench", steps, prepare=0, rounds=max(1, seconds // 20)))


def simulate(seed: int = 1) -> Simulated:
    timeline = long_routine()
    start = 123456.789  # a monotonic clock is rarely near zero; floats lose digits up here
    clock = FakeClock(start)
    player = Player(timeline, clock)
    rng = random.Random(seed)
    player.start()
    player.update()
    frames, lates, worst_ratio, noticed_end = 0, [], 0.0, math.nan
    spent = 0.0
    while not player.finished:
        frame = STALL_SECONDS if rng.random() < STALL_CHANCE else rng.uniform(0.001, 0.050)
        clock.advance(frame)
        frames += 1
        before = time.perf_counter()
        events = player.update()
        spent += time.perf_counter() - before
        for event in events:
            if isinstance(event, PhaseStarted):
                late = clock.now() - (start + event.phase.start)
                lates.append(late)
                worst_ratio = max(worst_ratio, late / frame)
            elif isinstance(event, Finished):
                noticed_end = clock.now() - (start + timeline.total)
    ended_at = player.ended_at
    assert ended_at is not None
    return Simulated(
        planned=timeline.total,
        phases=len(timeline.phases),
        frames=frames,
        worst_late=max(lates),
        worst_late_over_frame=worst_ratio,
        mean_late=sum(lates) / len(lates),
        end_error=ended_at - (start + timeline.total),
        noticed_end_late=noticed_end,
        update_cost=spent / frames,
    )


class _StampedBuffer(io.StringIO):
    """Notes the monotonic time each line is written, as a terminal would see it."""

    def __init__(self) -> None:
        super().__init__()
        self.stamps: list[float] = []

    def write(self, text: str) -> int:
        self.stamps.extend(time.monotonic() for _ in range(text.count("\n")))
        return super().write(text)


class _FirstReading(MonotonicClock):
    """The real clock, remembering when the player first asked (its start)."""

    first: float | None = None

    def now(self) -> float:
        now = super().now()
        if self.first is None:
            self.first = now
        return now


def real(seconds: int = 20) -> Real:
    timeline = short_routine(seconds)
    out, clock = _StampedBuffer(), _FirstReading()
    code = run_plain(timeline, "Bench", out, clock=clock)
    assert code == 0 and clock.first is not None
    phase_stamps = out.stamps[1:-1]  # between the header and the summary
    assert len(phase_stamps) == len(timeline.phases)
    lates = [
        t - (clock.first + p.start) for t, p in zip(phase_stamps, timeline.phases, strict=True)
    ]
    return Real(
        planned=timeline.total,
        lines=len(phase_stamps),
        worst_late=max(lates),
        mean_late=sum(lates) / len(lates),
        end_error=out.stamps[-1] - (clock.first + timeline.total),
    )


def main(argv: list[str]) -> None:
    """Prints markdown, ready for docs/performance.md."""
    seconds = 60 if "--long" in argv else 20
    sim = simulate()
    print(f"Simulated {sim.planned / 3600:.2f} h session, fake clock, frames 1-50 ms")
    print(f"with {STALL_SECONDS * 1000:.0f} ms stalls {STALL_CHANCE:.0%} of the time:\n")
    print("| figure | value |")
    print("|---|---|")
    print(f"| planned length | {sim.planned:.1f} s, {sim.phases} phases |")
    print(f"| frames | {sim.frames} |")
    print(f"| worst lateness of a phase change | {sim.worst_late * 1000:.1f} ms |")
    print(f"| worst lateness / that frame's interval | {sim.worst_late_over_frame:.3f} |")
    print(f"| mean lateness of a phase change | {sim.mean_late * 1000:.1f} ms |")
    print(f"| end deadline vs planned end | {sim.end_error * 1000:+.3g} ms |")
    print(f"| finish noticed after planned end | {sim.noticed_end_late * 1000:.1f} ms |")
    print(f"| cost of update() per frame | {sim.update_cost * 1e6:.2f} µs |")
    print()
    got = real(seconds)
    print(f"Real time: {got.planned:.0f} s routine through `run --plain`, monotonic clock:\n")
    print("| figure | value |")
    print("|---|---|")
    print(f"| phase lines | {got.lines} |")
    print(f"| worst line lateness | {got.worst_late * 1000:.2f} ms |")
    print(f"| mean line lateness | {got.mean_late * 1000:.2f} ms |")
    print(f"| end-time error (summary line vs planned end) | {got.end_error * 1000:+.2f} ms |")
