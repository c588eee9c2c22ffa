"""start() begins a session once: a second call (a repeated key, a screen mounted twice)
must not send the session back to its first phase."""

from __future__ import annotations

from backcare_tui.core.clock import FakeClock
from backcare_tui.core.model import Routine, Step, Timed
from backcare_tui.core.player import Player, StepStarted, Stopped
from backcare_tui.core.timeline import compile_routine


def test_a_second_start_changes_nothing() -> None:
    routine = Routine("R", (Step("A", Timed(10)), Step("B", Timed(20))), prepare=0)
    clock = FakeClock(100.0)
    player = Player(compile_routine(routine), clock)
    player.start()
    clock.advance(15)
    events = player.update()
    assert [e.step.name for e in events if isinstance(e, StepStarted)] == ["A", "B"]
    before = (player.step.name, player.phase_index, player.elapsed, player.remaining)
    player.start()
    assert player.update() == []
    assert (player.step.name, player.phase_index, player.elapsed, player.remaining) == before
    assert before == ("B", 1, 15.0, 15.0)


def test_start_after_stop_does_not_begin_again() -> None:
    routine = Routine("R", (Step("A", Timed(10)),), prepare=0)
    clock = FakeClock(100.0)
    player = Player(compile_routine(routine), clock)
    player.stop()
    assert player.update() == [Stopped()]
    player.start()
    clock.advance(5)
    assert (player.started, player.stopped, player.update()) == (False, True, [])
