"""Stops the process could not see coming: the session comes back paused where it was shown."""

from __future__ import annotations

import pytest

from backcare_tui.core.clock import STALL_SECONDS, FakeClock
from backcare_tui.core.model import Held, Routine, Step, Timed
from backcare_tui.core.player import Paused, Player, Resumed
from backcare_tui.core.timeline import compile_routine

T0 = 1000.0
# prepare 5 | A: work 10 (5-15) | B: hold 10, rest 5, hold 10 (15-40)
TIMELINE = compile_routine(
    Routine("Test", (Step("A", Timed(10)), Step("B", Held(hold=10, reps=2, rest=5))), prepare=5)
)


def started(stall_after: float | None = STALL_SECONDS) -> tuple[Player, FakeClock]:
    clock = FakeClock(T0)
    player = Player(TIMELINE, clock, stall_after=stall_after)
    player.start()
    player.update()
    return player, clock


def looked_every_second(player: Player, clock: FakeClock, seconds: int) -> None:
    for _ in range(seconds):
        clock.advance(1.0)
        player.update()


def test_a_jump_between_two_looks_pauses_at_the_earlier_one() -> None:
    player, clock = started()
    looked_every_second(player, clock, 7)  # 2 s into A
    clock.advance(600)  # kill -STOP ... ten minutes ... kill -CONT
    assert player.update() == [Paused(unseen=True)]
    assert player.paused
    assert (player.step.name, player.elapsed, player.phase_elapsed) == ("A", 7.0, 2.0)
    clock.advance(30)
    assert player.elapsed == 7.0, "paused: time does not count"
    player.resume()
    assert player.update() == [Resumed()]
    clock.advance(1)
    assert player.elapsed == 8.0 and not player.paused
    looked_every_second(player, clock, 2)
    assert not player.paused, "normal frames after the resume do not look like a stop"


def test_late_frames_within_the_limit_carry_on() -> None:
    player, clock = started()
    clock.advance(STALL_SECONDS)
    player.update()
    assert not player.paused and player.elapsed == STALL_SECONDS


def test_no_stall_detection_without_a_limit() -> None:
    player, clock = started(stall_after=None)
    clock.advance(600)
    player.update()
    assert player.finished


def test_any_query_counts_as_a_look() -> None:
    player, clock = started()
    clock.advance(2)
    assert player.phase_remaining == pytest.approx(3.0)
    clock.advance(2)
    assert player.remaining == pytest.approx(36.0)
    clock.advance(2)
    assert not player.paused and player.step.name == "A"


def test_pause_since_last_look_after_a_short_stop() -> None:
    """SIGTSTP then fg within the limit: the resume signal still leaves it paused."""
    player, clock = started()
    looked_every_second(player, clock, 14)  # 1 s before A ends
    clock.advance(2.5)  # stopped across A's end, shorter than STALL_SECONDS
    player.pause_since_last_look()
    assert player.paused and player.step.name == "A"
    assert player.elapsed == 14.0
    player.resume()
    clock.advance(1.5)
    player.update()
    assert player.step.name == "B" and player.phase_elapsed == pytest.approx(0.5)


def test_a_stop_while_paused_changes_nothing() -> None:
    player, clock = started()
    looked_every_second(player, clock, 3)
    player.pause()
    player.update()
    clock.advance(600)
    assert player.update() == []
    player.pause_since_last_look()
    assert player.update() == []
    player.resume()
    clock.advance(1)
    assert player.elapsed == 4.0 and not player.paused


def test_a_noted_stop_pauses_at_the_next_look_whatever_the_gap() -> None:
    player, clock = started(stall_after=None)
    looked_every_second(player, clock, 8)
    player.note_stop()  # SIGTSTP arrives
    clock.advance(1.5)  # shorter than any stall limit
    assert player.update() == [Paused(unseen=True)]
    assert player.elapsed == 8.0
    player.resume()
    player.note_stop()
    player.pause()
    player.resume()
    clock.advance(1)
    assert player.update()[-1] == Resumed()


def test_position_stays_in_the_plan_when_going_back_or_extending() -> None:
    """Active time grows past the plan when a step is replayed; the position does not."""
    player, clock = started(stall_after=None)
    clock.advance(12)  # 7 s into A (5-15)
    assert player.position == 12.0
    player.back()  # A again from its start (the lead-in is part of A)
    assert player.position == 0.0 and player.elapsed == 12.0
    clock.advance(10)
    player.extend(30)
    clock.advance(20)  # 10 s into the extension of A
    assert player.position == 15.0, "held at A's planned end while extended"
    assert player.elapsed == 42.0
    clock.advance(100)
    assert player.finished and player.position == TIMELINE.total


@pytest.mark.parametrize(("resumed_after", "elapsed"), [(None, 0.0), (3.0, 3.0)])
def test_a_stop_before_the_first_look_pauses_where_it_began(
    resumed_after: float | None, elapsed: float
) -> None:
    """Ctrl+Z right after start (or a resume), before a single frame was drawn."""
    clock = FakeClock(T0)
    player = Player(TIMELINE, clock, stall_after=STALL_SECONDS)
    player.start()
    if resumed_after is not None:
        clock.advance(resumed_after)
        player.pause()
        clock.advance(20)
        player.resume()
    clock.advance(600)
    assert player.update()[-1] == Paused(unseen=True)
    assert player.paused and player.elapsed == elapsed
