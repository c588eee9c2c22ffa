"""Level rules on synthetic histories: pure, fast, and checked on many histories at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sessions import a_session

from backcare_tui.core.level_words import next_note
from backcare_tui.core.loader import parse_routine_text
from backcare_tui.core.model import Held, Routine, Timed
from backcare_tui.core.progression import (
    StepLevel,
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
    return a_session(
        START + timedelta(days=n),
        name=name,
        planned=300,
        played=None if completed else 30,
        steps=3,
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
    # Levels missing at the end are level 0: the steps are played as written.
    assert at_levels(ROUTINE, ()) == ROUTINE
    assert at_levels(ROUTINE, (2,)).steps[1:] == ROUTINE.steps[1:]


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


def test_rising_pain_holds_the_level() -> None:
    history = [session(0), session(1), session(2, pain=(3, 5))]
    result = standing(ROUTINE, history)
    assert result.levels == (0, 1, 0)
    assert result.changes[-1].kind == "pain"
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


# What `backcare progress` and Today print as the next step up ("next: hold 25s after 3 more
# sessions"), after histories that end in each rule. Plank grows every 3 sessions.
@pytest.mark.parametrize(
    ("kinds", "level", "next_words"),
    [
        ([], 0, "next: hold 25s after 3 more sessions"),
        (["easy"], 0, "next: hold 25s after 1 more session"),
        (["normal"] * 3, 1, "next: hold 30s after 3 more sessions"),
        # Too hard takes the credit away with the level.
        (["normal"] * 5 + ["hard"], 0, "next: hold 25s after 3 more sessions"),
        # Too hard at level 0: the next step up takes twice as long.
        (["hard"], 0, "next: hold 25s after 6 more sessions"),
        (["hard"] + ["normal"] * 5, 0, "next: hold 25s after 1 more session"),
        (["hard"] + ["normal"] * 6, 1, "next: hold 30s after 3 more sessions"),
        # Easy after it lifts the hold-back but earns nothing itself.
        (["hard", "easy"], 0, "next: hold 25s after 3 more sessions"),
        # Easy back up to a level held before starts that level with no credit.
        (["normal"] * 3 + ["hard", "easy"], 1, "next: hold 30s after 3 more sessions"),
        # Backed off below level 0 from level 1: the first easy lifts the hold-back, the
        # second climbs back to the level held before.
        (["normal"] * 3 + ["hard", "hard", "easy"], 0, "next: hold 25s after 3 more sessions"),
        (
            ["normal"] * 3 + ["hard", "hard", "easy"] + ["easy"],
            1,
            "next: hold 30s after 3 more sessions",
        ),
        # Two levels down from level 2: each easy climbs one, back to the best held.
        (
            ["normal"] * 6 + ["hard", "hard", "easy", "easy"],
            2,
            "next: hold 35s after 3 more sessions",
        ),
        (["normal"] * 15, 5, "at its top (hold 45s)"),
    ],
)
def test_the_next_step_up_after_each_rule(kinds: list[str], level: int, next_words: str) -> None:
    state = standing(ROUTINE, history_of(kinds)).steps[0]
    assert state.level == level
    assert next_note(ROUTINE.steps[0], state) == next_words


AT_ITS_MAX = parse_routine_text(
    """
name = "Steady"
[[steps]]
name = "Wall sit"
hold = 45
reps = 2
progress = { hold = "+5s", hold_max = "45s", reps = 1, reps_max = 4 }
[[steps]]
name = "Plank"
hold = 45
progress = { hold = "+5s", hold_max = "45s" }
""",
    "steady.toml",
)


def test_a_value_that_starts_at_its_max_stays_while_the_others_grow() -> None:
    wall_sit, plank = AT_ITS_MAX.steps
    assert step_at_level(wall_sit, 1).action == Held(hold=45, reps=3)
    assert next_note(wall_sit, StepLevel(0)) == "next: hold 45s, 3 reps after 3 more sessions"
    # Nothing left to grow: at its top from the start, and it earns no credit there, so
    # `progress --reset` finds it already at level 0.
    assert step_top(plank) == 0
    assert next_note(plank, StepLevel(0)) == "at its top (hold 45s)"
    played = [session(n, name="Steady") for n in range(2)]
    assert standing(AT_ITS_MAX, played).steps == (StepLevel(0, credit=2), StepLevel(0))


@pytest.mark.parametrize("level", [1, 3])
def test_a_step_that_does_not_grow_is_played_as_written_at_any_level(level: int) -> None:
    breathe = ROUTINE.steps[2]
    assert step_top(breathe) == 0
    assert step_at_level(breathe, level) == breathe
    assert at_levels(ROUTINE, (0, 0, level)).steps[2] == breathe


def test_sessions_and_resets_at_the_same_moment() -> None:
    """Imported histories can hold two sessions started in the same minute; both count.
    A reset stamped at a session's start counts before it."""
    twins = [session(0), session(0, pain=(1, 1)), session(1)]
    assert standing(ROUTINE, twins).levels[0] == 1
    reset = START + timedelta(days=1)
    result = standing(ROUTINE, twins, resets=[reset])
    assert [c.kind for c in result.changes] == ["session", "session", "reset", "session"]
    assert result.changes[2].levels == (0, 0, 0)
    assert result.levels == (0, 0, 0)


@pytest.mark.parametrize(
    ("step_text", "grown", "next_words"),
    [
        ('hold = 20\nprogress = { hold = "+2.5s", hold_max = "30s" }', Held(22.5), "hold 22.5s"),
        (
            'duration = "1m"\nprogress = { duration = "+7.5s", duration_max = "2m" }',
            Timed(67.5),
            "duration 1m 08s",
        ),
    ],
)
def test_lengths_grow_by_fractions_of_a_second(
    step_text: str, grown: Held | Timed, next_words: str
) -> None:
    text = f'name = "X"\n[[steps]]\nname = "S"\n{step_text}\n'
    step = parse_routine_text(text, "x.toml").steps[0]
    assert step_at_level(step, 1).action == grown
    assert next_note(step, StepLevel(0)) == f"next: {next_words} after 3 more sessions"
