"""What the player screen says comes next (`core/lookahead.py`): the step a rest gets the
person ready for, the step just done, the side after a switch, the halfway mark and the
terminal title."""

from __future__ import annotations

import pytest

from backcare_tui.core.lookahead import (
    getting_ready_for,
    just_done,
    past_halfway,
    side_after,
    window_title,
)
from backcare_tui.core.model import Held, Rest, Routine, Step, Timed
from backcare_tui.core.timeline import Timeline, compile_routine


def routine(*steps: Step, prepare: float = 5, rest_between: float = 4) -> Timeline:
    return compile_routine(Routine("T", steps, prepare=prepare, rest_between=rest_between))


# Phases: 0 get ready, 1 Cat-cow, 2 rest between, 3 the Breather rest step, 4 rest between,
# 5 hold left, 6 switch, 7 hold right, 8 rest between, 9 hold, 10 rest, 11 hold (two reps).
SESSION = routine(
    Step("Cat-cow", Timed(duration=30)),
    Step("Breather", Rest(rest=10)),
    Step("Side plank", Held(hold=20, sides="both", switch=5)),
    Step("Bird-dog", Held(hold=8, reps=2, rest=3)),
)


def name(span: object) -> str | None:
    return None if span is None else span.step.name  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("index", "ready_for", "done"),
    [
        (0, "Cat-cow", None),
        (1, None, None),
        (2, "Breather", "Cat-cow"),
        (3, None, "Cat-cow"),
        (4, "Side plank", "Breather"),
        (5, None, None),
        (6, None, None),
        (8, "Bird-dog", "Side plank"),
        (9, None, None),
        (10, None, "Bird-dog"),
    ],
)
def test_a_rest_looks_back_at_the_step_done_and_on_to_the_next(
    index: int, ready_for: str | None, done: str | None
) -> None:
    phase = SESSION.phases[index]
    assert name(getting_ready_for(SESSION, phase)) == ready_for
    assert name(just_done(SESSION, phase)) == done


def test_a_rest_step_first_or_last_has_nothing_before_or_after() -> None:
    timeline = routine(
        Step("Settle", Rest(rest=10)),
        Step("Plank", Held(hold=10)),
        Step("Lie down", Rest(rest=30)),
        prepare=0,
        rest_between=0,
    )
    first, last = timeline.phases[0], timeline.phases[-1]
    assert name(getting_ready_for(timeline, first)) == "Plank"
    assert name(just_done(timeline, first)) is None
    assert name(getting_ready_for(timeline, last)) is None
    assert name(just_done(timeline, last)) == "Plank"


@pytest.mark.parametrize(("index", "side"), [(4, "left"), (5, "right"), (6, "right"), (7, None)])
def test_the_side_after_a_phase(index: int, side: str | None) -> None:
    assert side_after(SESSION, SESSION.phases[index]) == side


def test_the_last_phase_has_no_side_after() -> None:
    assert side_after(SESSION, SESSION.phases[-1]) is None


@pytest.mark.parametrize(
    ("step", "elapsed", "past"),
    [
        (Step("Plank", Held(hold=20)), 9.99, False),
        (Step("Plank", Held(hold=20)), 10.0, True),
        (Step("Plank", Held(hold=19.5)), 19.0, False),
        (Step("Cat-cow", Timed(duration=40)), 20.0, True),
        (Step("Cat-cow", Timed(duration=40)), 19.9, False),
        (Step("Breather", Rest(rest=40)), 30.0, False),
    ],
)
def test_halfway_only_in_a_work_or_hold_of_20_s_or_more(
    step: Step, elapsed: float, past: bool
) -> None:
    timeline = routine(step, prepare=0, rest_between=0)
    assert past_halfway(timeline.phases[0], elapsed) is past


@pytest.mark.parametrize(
    ("paused", "title"),
    [
        (False, "backcare · HOLD 0:12 · Side plank"),
        (True, "backcare · PAUSED · HOLD 0:12 · Side plank"),
    ],
)
def test_the_window_title(paused: bool, title: str) -> None:
    phase = SESSION.phases[5]
    assert window_title(phase, 12.0, "Side plank", paused=paused) == title


def test_the_window_title_keeps_a_step_name_to_one_clean_line() -> None:
    phase = SESSION.phases[6]
    assert window_title(phase, 65.0, "Side\nplank\x1b[2J", paused=False) == (
        "backcare · SWITCH SIDES 1:05 · Side plank[2J"
    )
