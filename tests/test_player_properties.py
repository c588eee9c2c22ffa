"""Random routines, random operations at random times: the engine's promises hold."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backcare_tui.core.breathing import BreathPattern
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.model import Breathing, Held, Rest, Routine, Step, Timed
from backcare_tui.core.player import Event, PhaseStarted, Player
from backcare_tui.core.timeline import compile_routine

# Quarter seconds add up exactly in binary; the odd decimals check the tolerance.
quarter = st.integers(1, 40).map(lambda n: n / 4)
decimal = st.integers(1, 2000).map(lambda n: n / 100)


def routines_of(seconds: st.SearchStrategy[float]) -> st.SearchStrategy[Routine]:
    maybe_zero = st.one_of(st.just(0.0), seconds)
    actions = st.one_of(
        st.builds(Timed, seconds),
        st.builds(Rest, maybe_zero),
        st.builds(
            Held,
            hold=seconds,
            reps=st.integers(1, 3),
            rest=maybe_zero,
            sets=st.integers(1, 3),
            set_rest=maybe_zero,
            sides=st.sampled_from([None, "both", "left", "right"]),
            switch=maybe_zero,
        ),
        st.builds(
            Breathing,
            pattern=st.builds(BreathPattern, seconds, maybe_zero, seconds, maybe_zero),
            cycles=st.integers(1, 3),
        ),
    )
    steps = st.builds(Step, name=st.sampled_from(["A", "B", "C"]), action=actions)
    return st.builds(
        Routine,
        name=st.just("R"),
        steps=st.lists(steps, min_size=1, max_size=4).map(tuple),
        prepare=st.one_of(st.none(), maybe_zero),
        rest_between=maybe_zero,
        rounds=st.integers(1, 2),
    )


routines = routines_of(st.one_of(quarter, decimal))
exact_routines = routines_of(quarter)

OPERATIONS: dict[str, Callable[[Player], None]] = {
    "update": lambda p: None,
    "pause": Player.pause,
    "resume": Player.resume,
    "toggle": Player.toggle_pause,
    "skip_phase": Player.skip_phase,
    "skip_step": Player.skip_step,
    "back": Player.back,
    "restart_step": Player.restart_step,
    "extend": Player.extend,
    "extend_short": lambda p: p.extend(0.5),
    "stop": Player.stop,
}
GOING_BACK = {"back", "restart_step"}
waits = st.one_of(
    st.just(0.0),
    st.floats(0, 3, allow_nan=False),
    st.floats(0, 60, allow_nan=False),
    st.sampled_from([0.001, 0.1, 1.999, 2.0]),
)
scripts = st.lists(
    st.tuples(waits, st.sampled_from(sorted(OPERATIONS))),
    max_size=40,
)

EPS = 1e-6


def check_script(routine: Routine, script: list[tuple[float, str]]) -> None:
    timeline = compile_routine(routine)
    clock = FakeClock(5000.0)
    player = Player(timeline, clock)
    player.start()
    player.update()
    active = 0.0
    index = 0
    for wait, name in script:
        running = player.started and not player.finished and not player.stopped
        if running and not player.paused:
            active += wait
        clock.advance(wait)
        before = player.update()
        index = _check_phases_walk_forward(before, index, timeline_length=len(timeline.phases))
        OPERATIONS[name](player)
        player.update()  # what the operation itself started is not a walk in time
        after = player.phase_index
        if name not in GOING_BACK:
            assert after >= index, f"{name} went back from {index} to {after}"
        index = after
        _check_balance(player)
        if player.finished:
            assert player.elapsed <= active + EPS
            assert player.remaining == 0.0 and player.fraction == 1.0
        else:
            # Pauses never count: elapsed is exactly the unpaused time since start.
            assert player.elapsed == pytest.approx(active, abs=EPS)
    player.resume()
    clock.advance(10 * (timeline.total + player.extended) + 100)
    player.update()
    _check_balance(player)
    assert player.finished or player.stopped
    assert player.steps_done + player.steps_skipped <= len(timeline.steps)


def _check_phases_walk_forward(events: list[Event], index: int, timeline_length: int) -> int:
    """Time alone moves one phase at a time, in order."""
    for event in events:
        if isinstance(event, PhaseStarted):
            assert event.phase.index == index + 1
            index = event.phase.index
    assert index < timeline_length or timeline_length == 0
    return index


def _check_balance(player: Player) -> None:
    left = player.elapsed + player.remaining
    right = player.planned + player.extended - player.skipped
    assert left == pytest.approx(right, abs=EPS)
    assert 0.0 <= player.fraction <= 1.0
    assert player.remaining >= -EPS
    assert -EPS <= player.phase_remaining <= player.phase_length + EPS


@settings(max_examples=150, deadline=None)
@given(routines, scripts)
def test_operations_keep_the_books_balanced(
    routine: Routine, script: list[tuple[float, str]]
) -> None:
    check_script(routine, script)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(routines, scripts)
def test_operations_keep_the_books_balanced_long(
    routine: Routine, script: list[tuple[float, str]]
) -> None:
    check_script(routine, script)


@settings(max_examples=100, deadline=None)
@given(exact_routines, st.lists(st.integers(0, 4000).map(lambda n: n / 8), max_size=20))
def test_left_alone_the_player_follows_the_plan(routine: Routine, offsets: list[float]) -> None:
    timeline = compile_routine(routine)
    clock = FakeClock(1000.0)
    player = Player(timeline, clock)
    player.start()
    for offset in sorted(offsets):
        clock.set(1000.0 + offset)
        if offset < timeline.total:
            assert player.phase_index == timeline.phase_at(offset)
            assert player.elapsed == offset
        else:
            assert player.finished and player.elapsed == pytest.approx(timeline.total)


@settings(max_examples=150, deadline=None)
@given(routines)
def test_timelines_tile_without_gaps(routine: Routine) -> None:
    timeline = compile_routine(routine)
    offset = 0.0
    for index, phase in enumerate(timeline.phases):
        assert phase.index == index and phase.length > 0
        assert phase.start == pytest.approx(offset)
        offset = phase.end
    assert timeline.total == pytest.approx(offset)
    first = 0
    for index, span in enumerate(timeline.steps):
        assert span.index == index and span.first_phase == first
        assert span.last_phase >= span.first_phase
        owned = timeline.phases[span.first_phase : span.last_phase + 1]
        assert all(p.step_index == index for p in owned)
        assert span.length == pytest.approx(sum(p.length for p in owned))
        first = span.last_phase + 1
    assert first == len(timeline.phases)
    between = [p for p in timeline.phases if p.rest_reason == "between"]
    expected = len(timeline.steps) - 1 if routine.rest_between > 0 and timeline.steps else 0
    assert len(between) == expected
