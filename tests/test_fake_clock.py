"""The fake clock every test steps: it moves only forward, and says so when asked to go back."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from backcare_tui.core.clock import FakeClock


def test_it_moves_by_steps_and_to_a_time() -> None:
    clock = FakeClock(2)
    clock.advance(1.5)
    assert clock.now() == 3.5
    clock.set(10)
    assert clock.now() == 10.0
    clock.set(10)
    assert clock.now() == 10.0


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (lambda clock: clock.advance(-0.5), "a monotonic clock cannot go back (-0.5 s)"),
        (lambda clock: clock.set(4.25), "a monotonic clock cannot go back (from 5 to 4.25)"),
    ],
)
def test_going_back_is_refused_and_changes_nothing(
    step: Callable[[FakeClock], None], message: str
) -> None:
    clock = FakeClock(5)
    with pytest.raises(ValueError) as refused:
        step(clock)
    assert str(refused.value) == message
    assert clock.now() == 5.0
