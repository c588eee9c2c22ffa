"""core/phase_lengths.py walks a step the way the timeline's compiler does, to the last bit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from backcare_tui.core.breathing import BreathPattern
from backcare_tui.core.model import Action, Breathing, Held, Rest, Routine, Step, Timed
from backcare_tui.core.phase_lengths import phase_lengths, routine_total, step_length
from backcare_tui.core.timeline import compile_routine

seconds = st.one_of(
    st.sampled_from([0, 0.0, 0.1, 0.3, 1, 2.9, 5, 7.1]),
    st.floats(min_value=0, max_value=90, allow_nan=False, allow_infinity=False),
)
actions: st.SearchStrategy[Action] = st.one_of(
    st.builds(Timed, seconds),
    st.builds(Rest, seconds),
    st.builds(
        Held,
        hold=seconds,
        reps=st.integers(1, 4),
        rest=seconds,
        sets=st.integers(1, 3),
        set_rest=seconds,
        sides=st.sampled_from([None, "both", "left", "right"]),
        switch=seconds,
    ),
    st.builds(
        Breathing,
        st.builds(
            BreathPattern,
            st.floats(0.5, 10),
            seconds.filter(lambda s: s <= 10),
            st.floats(0.5, 10),
            seconds.filter(lambda s: s <= 10),
        ),
        cycles=st.one_of(st.none(), st.integers(1, 5)),
        minutes=st.sampled_from([None, 0.1, 0.5, 1.0]),
    ),
)
steps = st.builds(Step, st.sampled_from(["A", "B"]), actions)


@settings(max_examples=300, deadline=None)
@given(step=steps)
def test_a_steps_lengths_are_its_compiled_phases(step: Step) -> None:
    timeline = compile_routine(Routine("One", (step,), prepare=0))
    assert list(phase_lengths(step)) == [phase.length for phase in timeline.phases]
    assert step_length(step) == (timeline.steps[0].length if timeline.steps else 0.0)


@settings(max_examples=200, deadline=None)
@given(
    chosen=st.lists(steps, min_size=1, max_size=5),
    prepare=st.one_of(st.none(), seconds),
    rest_between=seconds,
    rounds=st.integers(1, 3),
    default=seconds,
)
def test_a_routines_total_is_its_compiled_total(
    chosen: list[Step], prepare: float | None, rest_between: float, rounds: int, default: float
) -> None:
    routine = Routine(
        "Many", tuple(chosen), prepare=prepare, rest_between=rest_between, rounds=rounds
    )
    assert routine_total(routine, default) == compile_routine(routine, default).total
