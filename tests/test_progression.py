"""Level rules on synthetic histories: pure, fast, and checked on many histories at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from backcare_tui.core.loader import parse_routine_text
from backcare_tui.core.model import Held, Routine, Timed
from backcare_tui.core.progression import (
    at_levels,
    sessions_to_next,
    standing,
    step_at_level,
    step_top,
)
from backcare_tui.core.session_summary import Feedback, SessionSummary
from backcare_tui.core.timeline import compile_routine

ROUTINE = parse_routine_text(
    """
name = "Core"
[[steps]]
name = "Plank"
hold = 20
reps = 2
rest = 10
progress = { hold = "+5s", hold_max = "45s", every = 3 }
[[steps]]
name = "Bridge"
hold = 5
reps = 8
progress = { reps = 1, reps_max = 10, every = 2 }
[[steps]]
name = "Breathe"
breathing = "diaphragmatic"
cycles = 6
""",
    "core.toml",
)
START = datetime(2026, 11, 1, 9, tzinfo=UTC)


def session(
    n: int,
    *,
    feedback: Feedback | None = None,
    completed: bool = True,
    pain: tuple[int, int] | None = None,
    name: str = "Core",
) -> SessionSummary:
    start = START + timedelta(days=n)
    return SessionSummary(
        routine_name=name,
        routine_path=None,
        routine_hash="0",
        started_at=start,
        ended_at=start + timedelta(minutes=5),
        planned_seconds=300,
        actual_seconds=300 if completed else 30,
        steps_done=3 if completed else 1,
        steps_skipped=0,
        steps_total=3,
        finished=completed,
        pain_before=pain[0] if pain else None,
        pain_after=pain[1] if pain else None,
        feedback=feedback,
    )


def hold(routine: Routine, index: int = 0) -> float:
    action = routine.steps[index].action
    assert isinstance(action, Held)
    return action.hold


def test_level_zero_is_the_file() -> None:
    assert standing(ROUTINE, []).levels == (0, 0, 0)
    assert at_levels(ROUTINE, (0, 0, 0)) == ROUTINE


def test_every_completed_sessions_step_up_once() -> None:
    history = [session(n) for n in range(6)]
    result = standing(ROUTINE, history)
    assert result.levels == (2, 2, 0)
    progressed = at_levels(ROUTINE, result.levels)
    assert hold(progressed) == 30
    assert progressed.steps[1].action == Held(hold=5, reps=10)
    # A longer routine to play: the plan grows by the step.
    grown = compile_routine(progressed).total - compile_routine(ROUTINE).total
    assert grown == 2 * 2 * 5 + 2 * 5  # two plank reps 10 s longer, two more bridge reps


def test_values_are_capped_at_their_max() -> None:
    plank = ROUTINE.steps[0]
    assert step_top(plank) == 5
    assert hold(at_levels(ROUTINE, (99, 0, 0))) == 45
    odd = parse_routine_text(
        'name = "X"\n[[steps]]\nname = "Walk"\nduration = 60\n'
        'progress = { duration = "+25s", duration_max = "100s" }\n',
        "x.toml",
    )
    assert step_top(odd.steps[0]) == 2
    assert step_at_level(odd.steps[0], 2).action == Timed(100)


def test_easy_counts_twice_and_hard_steps_back() -> None:
    history = [session(0, feedback="easy"), session(1)]
    assert standing(ROUTINE, history).levels == (1, 1, 0)
    history.append(session(2, feedback="hard"))
    assert standing(ROUTINE, history).levels == (0, 0, 0)


def test_stopped_sessions_do_not_count_but_too_hard_still_backs_off() -> None:
    history = [session(n) for n in range(3)] + [session(3, completed=False)]
    assert standing(ROUTINE, history).levels == (1, 1, 0)
    history.append(session(4, completed=False, feedback="hard"))
    assert standing(ROUTINE, history).levels == (0, 0, 0)


def test_rising_pain_holds_the_level_and_says_why() -> None:
    history = [session(0), session(1), session(2, pain=(3, 5))]
    result = standing(ROUTINE, history)
    assert result.levels == (0, 1, 0)
    assert result.changes[-1].kind == "pain"
    assert result.changes[-1].note == (
        "Pain went from 3 to 5, so the routine stays at its level this time."
    )
    # A rise of one is normal variation and counts.
    assert standing(ROUTINE, [session(0), session(1), session(2, pain=(3, 4))]).levels[0] == 1


def test_other_routines_and_resets() -> None:
    history = [session(n) for n in range(3)] + [session(9, name="Other")]
    assert standing(ROUTINE, history).levels == (1, 1, 0)
    reset = START + timedelta(days=2, hours=12)
    result = standing(ROUTINE, [*history, session(4)], resets=[reset])
    assert result.levels == (0, 0, 0)
    assert [c.kind for c in result.changes] == ["session"] * 3 + ["reset", "session"]


def test_sessions_to_next_counts_what_is_left() -> None:
    result = standing(ROUTINE, [session(0)])
    assert sessions_to_next(ROUTINE.steps[0], result.steps[0]) == 2
    assert sessions_to_next(ROUTINE.steps[1], result.steps[1]) == 1
    assert sessions_to_next(ROUTINE.steps[2], result.steps[2]) is None
    top = standing(ROUTINE, [session(n) for n in range(20)])
    assert top.levels == (5, 2, 0)
    assert sessions_to_next(ROUTINE.steps[0], top.steps[0]) is None


KINDS = st.sampled_from(["normal", "easy", "hard", "stopped", "pain", "other"])


def history_of(kinds: list[str]) -> list[SessionSummary]:
    made = {
        "normal": lambda n: session(n),
        "easy": lambda n: session(n, feedback="easy"),
        "hard": lambda n: session(n, feedback="hard"),
        "stopped": lambda n: session(n, completed=False),
        "pain": lambda n: session(n, pain=(2, 6)),
        "other": lambda n: session(n, name="Other"),
    }
    return [made[kind](n) for n, kind in enumerate(kinds)]


@settings(max_examples=300, deadline=None)
@given(st.lists(KINDS, max_size=60))
def test_levels_stay_between_zero_and_the_top(kinds: list[str]) -> None:
    result = standing(ROUTINE, history_of(kinds))
    for step, state in zip(ROUTINE.steps, result.steps, strict=True):
        assert 0 <= state.level <= step_top(step)
    progressed = at_levels(ROUTINE, result.levels)
    assert 20 <= hold(progressed) <= 45


@settings(max_examples=300, deadline=None)
@given(st.lists(KINDS, max_size=60))
def test_too_hard_then_easy_returns_to_the_same_level(kinds: list[str]) -> None:
    history = history_of(kinds)
    before = standing(ROUTINE, history).levels
    n = len(history)
    after = standing(
        ROUTINE, [*history, session(n, feedback="hard"), session(n + 1, feedback="easy")]
    )
    assert after.levels == before


@settings(max_examples=200, deadline=None)
@given(st.lists(KINDS, min_size=1, max_size=40), st.data())
def test_deleting_a_session_recomputes_the_level(kinds: list[str], data: st.DataObject) -> None:
    """The level is a function of the sessions that remain: nothing is remembered."""
    history = history_of(kinds)
    gone = data.draw(st.integers(0, len(history) - 1))
    kept = history[:gone] + history[gone + 1 :]
    never = history_of([kind for i, kind in enumerate(kinds) if i != gone])
    assert standing(ROUTINE, kept).levels == standing(ROUTINE, never).levels


def test_deleting_a_session_can_undo_a_step_up() -> None:
    history = [session(n) for n in range(3)]
    assert standing(ROUTINE, history).levels[0] == 1
    assert standing(ROUTINE, history[:1] + history[2:]).levels[0] == 0


@settings(max_examples=200, deadline=None)
@given(st.lists(KINDS, max_size=40))
def test_order_given_does_not_matter(kinds: list[str]) -> None:
    history = history_of(kinds)
    assert standing(ROUTINE, list(reversed(history))).levels == standing(ROUTINE, history).levels


def test_summary_words_for_feedback_and_rising_pain() -> None:
    from backcare_tui.core.level_words import feedback_words, held_words

    assert feedback_words("easy", progressing=True) == (
        "Felt easy: this session counts as two towards the next step up."
    )
    assert feedback_words("hard", progressing=True) == (
        "Too hard: the routine goes one level back next time."
    )
    assert feedback_words("hard", progressing=False) == "Marked as too hard."
    assert feedback_words(None, progressing=True) == ""
    risen = session(0, pain=(2, 4))
    assert held_words(risen, progressing=True) == (
        "Pain went from 2 to 4, so the routine stays at its level this time."
    )
    assert held_words(risen, progressing=False) == ""
    assert held_words(session(0, pain=(2, 3)), progressing=True) == ""
    assert held_words(session(0, pain=(2, 6), completed=False), progressing=True) == ""
