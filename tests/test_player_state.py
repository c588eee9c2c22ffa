"""The player is in exactly one state; the four public flags are read from it."""

from __future__ import annotations

from backcare_tui.core.clock import FakeClock
from backcare_tui.core.model import Routine, Step, Timed
from backcare_tui.core.player import Player, PlayerState
from backcare_tui.core.timeline import compile_routine

S = PlayerState


def flags(player: Player) -> tuple[PlayerState, bool, bool, bool, bool]:
    return (player.state, player.started, player.paused, player.finished, player.stopped)


def make() -> tuple[Player, FakeClock]:
    routine = Routine("R", (Step("A", Timed(10)), Step("B", Timed(10))), prepare=0)
    clock = FakeClock(100.0)
    return Player(compile_routine(routine), clock), clock


def test_a_session_walks_ready_running_paused_running_finished() -> None:
    player, clock = make()
    assert flags(player) == (S.READY, False, False, False, False)
    player.start()
    assert flags(player) == (S.RUNNING, True, False, False, False)
    player.pause()
    clock.advance(100)
    assert flags(player) == (S.PAUSED, True, True, False, False)
    player.resume()
    assert flags(player) == (S.RUNNING, True, False, False, False)
    clock.advance(20)
    assert flags(player) == (S.FINISHED, True, False, True, False)
    player.stop()
    assert flags(player) == (S.FINISHED, True, False, True, False)


def test_stopping_while_paused_leaves_it_stopped_not_paused() -> None:
    player, clock = make()
    player.start()
    clock.advance(4)
    player.pause()
    player.stop()
    clock.advance(50)
    assert flags(player) == (S.STOPPED, True, False, False, True)
    assert player.elapsed == 4.0
    player.resume()
    assert player.state is S.STOPPED


def test_stopping_before_the_start_cancels_it() -> None:
    player, _ = make()
    player.stop()
    player.start()
    assert flags(player) == (S.CANCELLED, False, False, False, True)
    assert player.elapsed == 0.0
