"""What the player shows for each phase: its label and the counters worth saying."""

from __future__ import annotations

import pytest

from backcare_tui.core.breathing import BreathPattern
from backcare_tui.core.model import Breathing, Held, Rest, Routine, Step, Timed
from backcare_tui.core.timeline import Timeline, compile_routine


def make(
    *steps: Step, prepare: float = 0.0, rest_between: float = 0.0, rounds: int = 1
) -> Timeline:
    routine = Routine("T", steps, prepare=prepare, rest_between=rest_between, rounds=rounds)
    return compile_routine(routine)


def shown(timeline: Timeline) -> list[tuple[str, str]]:
    return [(p.label, p.details()) for p in timeline.phases]


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        (Step("Hold", Held(hold=5)), [("Hold", "")]),
        (
            Step("Two reps", Held(hold=5, reps=2, rest=3)),
            [("Hold", "rep 1/2"), ("Rest", "rep 1/2"), ("Hold", "rep 2/2")],
        ),
        (
            Step("Two sets", Held(hold=5, sets=2, set_rest=3)),
            [("Hold", "set 1/2"), ("Rest", "set 1/2"), ("Hold", "set 2/2")],
        ),
        (
            Step("Sides", Held(hold=5, sides="both", switch=2)),
            [("Hold", "left"), ("Switch sides", "right"), ("Hold", "right")],
        ),
        (
            Step("One breath", Breathing(BreathPattern(4, 2, 6, 1), cycles=1)),
            [("Breathe in", ""), ("Hold", ""), ("Breathe out", ""), ("Hold", "")],
        ),
        (
            Step("Two breaths", Breathing(BreathPattern(4, 0, 6, 0), cycles=2)),
            [
                ("Breathe in", "cycle 1/2"),
                ("Breathe out", "cycle 1/2"),
                ("Breathe in", "cycle 2/2"),
                ("Breathe out", "cycle 2/2"),
            ],
        ),
        (
            Step("Sides twice", Held(hold=5, sets=2, set_rest=3, sides="both", switch=2)),
            [
                ("Hold", "set 1/2 · left"),
                ("Switch sides", "set 1/2 · right"),
                ("Hold", "set 1/2 · right"),
                ("Rest", "set 1/2"),
                ("Hold", "set 2/2 · left"),
                ("Switch sides", "set 2/2 · right"),
                ("Hold", "set 2/2 · right"),
            ],
        ),
        (Step("Walk", Timed(5)), [("Work", "")]),
        (Step("Pause", Rest(5)), [("Rest", "")]),
    ],
    ids=lambda value: value.name if isinstance(value, Step) else "",
)
def test_labels_and_counters_of_each_shape(step: Step, expected: list[tuple[str, str]]) -> None:
    assert shown(make(step)) == expected


def test_every_rest_is_a_rest_and_says_why() -> None:
    held = Held(hold=5, reps=2, rest=1, sets=2, set_rest=4)
    timeline = make(Step("A", held), Step("B", Rest(6)), prepare=3, rest_between=2)
    rests = [(p.label, p.rest_reason, p.length) for p in timeline.phases if p.label == "Rest"]
    assert rests == [
        ("Rest", "reps", 1.0),
        ("Rest", "sets", 4.0),
        ("Rest", "reps", 1.0),
        ("Rest", "between", 2.0),
        ("Rest", "step", 6.0),
    ]
    assert [p.label for p in timeline.phases if not p.rest_reason] == ["Get ready"] + ["Hold"] * 4


def test_rounds_are_counted_on_every_phase_when_there_are_several() -> None:
    timeline = make(Step("Walk", Timed(5)), rounds=2)
    assert shown(timeline) == [("Work", "round 1/2"), ("Work", "round 2/2")]
    assert [p.parts(" of ") for p in timeline.phases] == [["round 1 of 2"], ["round 2 of 2"]]


def test_an_empty_timeline_says_it_has_no_phases() -> None:
    timeline = make(Step("Nothing", Rest(0)))
    with pytest.raises(ValueError) as raised:
        timeline.phase_at(0)
    assert str(raised.value) == "an empty timeline has no phases"


def test_counters_are_zero_where_they_do_not_apply() -> None:
    timeline = make(
        Step("Walk", Timed(5)),
        Step("Breathe", Breathing(BreathPattern(4, 0, 6, 0), cycles=1)),
        prepare=3,
        rest_between=2,
    )
    counters = [
        (p.label, p.set_no, p.sets, p.rep_no, p.reps, p.cycle_no, p.cycles) for p in timeline.phases
    ]
    assert counters == [
        ("Get ready", 0, 0, 0, 0, 0, 0),
        ("Work", 0, 0, 0, 0, 0, 0),
        ("Rest", 0, 0, 0, 0, 0, 0),
        ("Breathe in", 0, 0, 0, 0, 1, 1),
        ("Breathe out", 0, 0, 0, 0, 1, 1),
    ]


@pytest.mark.parametrize("action", [Rest(5), Timed(5), Held(hold=5, reps=2, rest=1)])
def test_every_phase_of_a_step_carries_its_first_cue(action: Rest | Timed | Held) -> None:
    timeline = make(Step("Cued", action, cues=("Shake out", "Breathe")))
    assert [p.cue for p in timeline.phases] == ["Shake out"] * len(timeline.phases)
