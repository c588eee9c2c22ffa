"""Compiling routines into phases: order, numbering, rests and the total."""

from __future__ import annotations

import pytest

from backcare_tui.core.breathing import BreathPattern
from backcare_tui.core.model import Breathing, Held, Rest, Routine, Step, Timed
from backcare_tui.core.timeline import (
    Phase,
    PhaseKind,
    RestReason,
    Timeline,
    compile_routine,
    routine_total,
    step_length,
)

K = PhaseKind


def make(
    *steps: Step, prepare: float | None = 0.0, rest_between: float = 0.0, rounds: int = 1
) -> Timeline:
    routine = Routine("Test", steps, prepare=prepare, rest_between=rest_between, rounds=rounds)
    return compile_routine(routine)


def shape(timeline: Timeline) -> list[tuple[str, float]]:
    return [(str(p.kind), p.length) for p in timeline.phases]


def test_timed_step_gets_the_default_lead_in() -> None:
    timeline = make(Step("March", Timed(30)), prepare=None)
    assert shape(timeline) == [("prepare", 5.0), ("work", 30.0)]
    assert timeline.total == 35.0
    assert timeline.phases[0].step_index == 0
    assert timeline.phases[0].label == "Get ready"


def test_routine_prepare_wins_over_the_default_and_zero_drops_it() -> None:
    routine = Routine("T", (Step("March", Timed(30)),), prepare=None)
    assert shape(compile_routine(routine, default_prepare=8))[0] == ("prepare", 8.0)
    assert shape(make(Step("March", Timed(30)), prepare=3))[0] == ("prepare", 3.0)
    assert shape(make(Step("March", Timed(30)), prepare=0)) == [("work", 30.0)]


def test_held_both_sides_with_sets_and_reps() -> None:
    held = Held(hold=20, reps=2, rest=5, sets=2, set_rest=15, sides="both", switch=3)
    timeline = make(Step("Stretch", held, cues=("Shoulders down", "Breathe")))
    rows = [(p.kind, p.set_no, p.rep_no, p.side, p.rest_reason) for p in timeline.phases]

    def one_set(s: int) -> list[tuple[PhaseKind, int, int, str | None, str]]:
        return [
            (K.HOLD, s, 1, "left", ""),
            (K.REST, s, 1, "left", "reps"),
            (K.HOLD, s, 2, "left", ""),
            (K.SWITCH, s, 0, "right", ""),
            (K.HOLD, s, 1, "right", ""),
            (K.REST, s, 1, "right", "reps"),
            (K.HOLD, s, 2, "right", ""),
        ]

    assert rows == [*one_set(1), (K.REST, 1, 0, None, "sets"), *one_set(2)]
    assert timeline.total == 2 * (4 * 20 + 2 * 5 + 3) + 15
    assert all(p.cue == "Shoulders down" for p in timeline.phases)
    assert {(p.sets, p.reps) for p in timeline.phases if p.kind == K.HOLD} == {(2, 2)}


def test_one_side_and_no_side() -> None:
    right = make(Step("Twist", Held(hold=10, sides="right")))
    assert [(p.kind, p.side) for p in right.phases] == [(K.HOLD, "right")]
    plain = make(Step("Bridge", Held(hold=10, reps=3, rest=2)))
    assert [p.side for p in plain.phases] == [None] * 5


def test_zero_length_rests_and_switches_are_dropped() -> None:
    held = Held(hold=10, reps=2, rest=0, sets=2, set_rest=0, sides="both", switch=0)
    timeline = make(Step("Stretch", held))
    assert [p.kind for p in timeline.phases] == [K.HOLD] * 8
    assert [p.index for p in timeline.phases] == list(range(8))


def test_breathing_cycles_with_cues_and_no_empty_holds() -> None:
    breathing = Breathing(
        BreathPattern(4, 0, 6, 2), cycles=2, inhale_cue="Belly out", exhale_cue="Let go"
    )
    timeline = make(Step("Breathe", breathing, cues=("Relax",)))
    assert [(p.kind, p.cycle_no, p.cue) for p in timeline.phases] == [
        (K.INHALE, 1, "Belly out"),
        (K.EXHALE, 1, "Let go"),
        (K.HOLD_OUT, 1, "Relax"),
        (K.INHALE, 2, "Belly out"),
        (K.EXHALE, 2, "Let go"),
        (K.HOLD_OUT, 2, "Relax"),
    ]
    assert timeline.total == 24.0
    assert [p.label for p in timeline.phases[:3]] == ["Breathe in", "Breathe out", "Hold"]


def test_breathing_by_minutes_plays_whole_cycles() -> None:
    breathing = Breathing(BreathPattern(4, 4, 4, 4), minutes=1.0)
    timeline = make(Step("Box", breathing))
    assert len(timeline.phases) == 4 * breathing.total_cycles
    assert timeline.total == 64.0  # 60 s asked, rounded to 4 whole 16 s cycles


def test_rest_between_steps_belongs_to_the_step_before_and_not_after_the_last() -> None:
    timeline = make(Step("A", Timed(10)), Step("B", Timed(20)), prepare=5, rest_between=7)
    assert [(p.kind, p.step_index, p.rest_reason) for p in timeline.phases] == [
        (K.PREPARE, 0, ""),
        (K.WORK, 0, ""),
        (K.REST, 0, "between"),
        (K.WORK, 1, ""),
    ]
    assert timeline.phases[2].cue == ""
    a, b = timeline.steps
    assert (a.start, a.length, a.first_phase, a.last_phase) == (0.0, 22.0, 0, 2)
    assert (b.start, b.length, b.first_phase, b.last_phase) == (22.0, 20.0, 3, 3)
    assert timeline.total == 42.0


def test_rounds_repeat_the_steps_with_a_rest_between_every_played_step() -> None:
    timeline = make(Step("A", Timed(10)), Step("B", Rest(5)), rest_between=2, rounds=2)
    spans = [(s.name, s.source_index, s.round_no) for s in timeline.steps]
    assert spans == [("A", 0, 1), ("B", 1, 1), ("A", 0, 2), ("B", 1, 2)]
    assert [p.rest_reason for p in timeline.phases] == [
        "",
        "between",
        "step",
        "between",
        "",
        "between",
        "step",
    ]
    assert timeline.total == 2 * 15 + 3 * 2
    assert {p.rounds for p in timeline.phases} == {2}
    assert timeline.phases[-1].details() == "round 2/2"


def test_a_step_of_no_time_is_left_out_and_the_spans_stay_consistent() -> None:
    timeline = make(
        Step("Nothing", Rest(0)),
        Step("A", Timed(10)),
        Step("Nothing either", Rest(0)),
        Step("B", Timed(10)),
        prepare=5,
        rest_between=3,
    )
    assert [s.name for s in timeline.steps] == ["A", "B"]
    assert [s.source_index for s in timeline.steps] == [1, 3]
    assert [(p.kind, p.step_name) for p in timeline.phases] == [
        (K.PREPARE, "A"),
        (K.WORK, "A"),
        (K.REST, "A"),
        (K.WORK, "B"),
    ]
    assert timeline.total == 28.0


def test_a_routine_of_nothing_compiles_to_an_empty_timeline() -> None:
    timeline = make(Step("Nothing", Rest(0)), prepare=5)
    assert timeline.phases == () and timeline.steps == () and timeline.total == 0.0
    with pytest.raises(ValueError):
        timeline.phase_at(0)


def test_phases_and_spans_tile_the_timeline() -> None:
    held = Held(hold=7.5, reps=3, rest=2.5, sets=2, set_rest=10, sides="both", switch=4)
    timeline = make(
        Step("A", held),
        Step("B", Breathing(BreathPattern(4, 7, 8, 0), cycles=3)),
        Step("C", Rest(12)),
        prepare=5,
        rest_between=6,
        rounds=2,
    )
    offset = 0.0
    for index, phase in enumerate(timeline.phases):
        assert phase.index == index and phase.start == offset
        offset = phase.end
    assert timeline.total == offset
    for span in timeline.steps:
        owned = timeline.phases[span.first_phase : span.last_phase + 1]
        assert {p.step_index for p in owned} == {span.index}
        assert span.start == owned[0].start and span.end == owned[-1].end
    assert timeline.steps[-1].last_phase == len(timeline.phases) - 1


@pytest.mark.parametrize(
    ("prepare", "rest_between", "rounds"),
    [(None, 0.0, 1), (0.0, 0.1, 3), (0.7, 6.3, 2), (5, 3, 1)],
)
def test_routine_total_is_the_compiled_total_to_the_last_bit(
    prepare: float | None, rest_between: float, rounds: int
) -> None:
    """`list` shows routine_total; it must be the very float compile_routine adds up."""
    routine = Routine(
        "Test",
        (
            Step("Nothing", Rest(0)),
            Step("A", Held(hold=7.1, reps=3, rest=0.3, sets=2, set_rest=1.7, sides="both")),
            Step("B", Breathing(BreathPattern(4.1, 0.2, 5.3, 0.1), cycles=7)),
            Step("C", Timed(0.1)),
            Step("Nothing either", Rest(0)),
        ),
        prepare=prepare,
        rest_between=rest_between,
        rounds=rounds,
    )
    for default in (5.0, 0.0, 2.9):
        assert routine_total(routine, default) == compile_routine(routine, default).total
    empty = Routine("Empty", (Step("Nothing", Rest(0)),), prepare=prepare, rounds=rounds)
    assert routine_total(empty) == compile_routine(empty).total == 0.0


def test_routine_total_of_every_built_in_routine() -> None:
    from backcare_tui.core.library import BUILTIN, routine_folders, scan

    entries = [e for e in scan(routine_folders()).entries if e.kind is BUILTIN]
    assert len(entries) >= 7
    for entry in entries:
        assert entry.routine is not None
        assert routine_total(entry.routine) == compile_routine(entry.routine).total


def test_phase_at_finds_the_phase_playing_at_an_offset() -> None:
    timeline = make(Step("A", Timed(10)), Step("B", Timed(20)), prepare=5)
    assert timeline.phase_at(-1) == 0
    assert timeline.phase_at(0) == 0
    assert timeline.phase_at(4.999) == 0
    assert timeline.phase_at(5) == 1
    assert timeline.phase_at(15) == 2
    assert timeline.phase_at(35) == 2
    assert timeline.phase_at(1e9) == 2


def test_step_length_is_one_step_on_its_own() -> None:
    held = Held(hold=30, reps=2, rest=10, sets=3, set_rest=60, sides="both", switch=5)
    assert step_length(Step("Plank", held)) == 3 * (4 * 30 + 2 * 10 + 5) + 2 * 60
    assert step_length(Step("Breathe", Breathing(BreathPattern(4, 7, 8), cycles=4))) == 76
    assert step_length(Step("Rest", Rest(0))) == 0


@pytest.mark.parametrize(
    ("phase", "details"),
    [
        (
            Phase(0, K.HOLD, 0, "A", 0, 1, set_no=1, sets=2, rep_no=3, reps=5, side="left"),
            "set 1/2 · rep 3/5 · left",
        ),
        (Phase(0, K.HOLD, 0, "A", 0, 1, set_no=1, sets=1, rep_no=1, reps=1), ""),
        (Phase(0, K.REST, 0, "A", 0, 1, set_no=1, sets=2, rest_reason=RestReason.SETS), "set 1/2"),
        (Phase(0, K.INHALE, 0, "A", 0, 1, cycle_no=2, cycles=6), "cycle 2/6"),
        (Phase(0, K.WORK, 0, "A", 0, 1, round_no=2, rounds=3), "round 2/3"),
    ],
)
def test_details_leave_out_what_says_nothing(phase: Phase, details: str) -> None:
    assert phase.details() == details


def test_parts_can_be_spelt_for_a_screen_reader() -> None:
    phase = Phase(0, K.HOLD, 0, "A", 0, 1, set_no=1, sets=2, rep_no=3, reps=5, side="left")
    assert ", ".join(phase.parts(of=" of ")) == "set 1 of 2, rep 3 of 5, left"
