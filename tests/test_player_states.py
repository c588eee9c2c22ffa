"""What the player reports at its turning points: before start, at the end, while paused."""

from __future__ import annotations

from backcare_tui.core.clock import FakeClock
from backcare_tui.core.model import Held, Rest, Routine, Step, Timed
from backcare_tui.core.player import Finished, Player
from backcare_tui.core.timeline import compile_routine

T0 = 500.0


def player_of(*steps: Step) -> tuple[Player, FakeClock]:
    clock = FakeClock(T0)
    return Player(compile_routine(Routine("R", steps, prepare=0)), clock), clock


def state(player: Player) -> tuple[bool, bool, bool, bool]:
    return (player.started, player.paused, player.finished, player.stopped)


def test_a_new_player_is_in_no_state_at_all() -> None:
    player, _clock = player_of(Step("A", Timed(10)))
    assert state(player) == (False, False, False, False)
    assert (player.elapsed, player.remaining, player.ended_at) == (0.0, 10.0, None)


def test_at_the_end_nothing_is_paused_and_the_end_is_the_deadline() -> None:
    player, clock = player_of(Step("A", Timed(10)))
    player.start()
    clock.advance(4)
    player.pause()
    clock.advance(100)
    player.resume()
    clock.advance(30)
    assert state(player) == (True, False, True, False)
    assert player.ended_at == T0 + 104 + 6
    assert player.update()[-1] == Finished()


def test_skipping_to_the_end_while_paused_leaves_nothing_paused() -> None:
    player, clock = player_of(Step("A", Timed(10)), Step("B", Timed(10)))
    player.start()
    clock.advance(3)
    player.pause()
    player.skip_step()
    player.skip_step()
    assert state(player) == (True, False, True, False)
    assert player.ended_at == T0 + 3


def test_a_routine_of_nothing_ends_when_it_starts() -> None:
    player, clock = player_of(Step("Nothing", Rest(0)))
    clock.advance(7)
    player.start()
    assert state(player) == (True, False, True, False)
    assert (player.ended_at, player.update()) == (T0 + 7, [Finished()])


def test_skipping_into_a_steps_last_hold_does_not_mark_it_skipped() -> None:
    player, _clock = player_of(Step("A", Held(hold=5, reps=2, rest=2)), Step("B", Timed(5)))
    player.start()
    player.skip_phase()  # into the rest
    player.skip_phase()  # into the last hold: the step's work is still to be done
    assert (player.phase_index, player.skipped_steps) == (2, frozenset())
    player.skip_phase()  # past it: now it was skipped
    assert (player.step.name, player.skipped_steps) == ("B", frozenset({0}))
