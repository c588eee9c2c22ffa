"""Levels: how far each step of a routine has grown, derived from the history.

Nothing about levels is stored. They are replayed from the completed
sessions of the routine (matched by name), oldest first, each step on its own:

- a completed session earns one session of credit; `every` of them step up once;
- "easy" earns two, or, below a level the step has held before, steps straight
  back up (so "too hard" then "easy" lands where it was);
- "too hard" steps back one level, completed or not (backing off is always safe);
- a session whose pain after is 2 or more above the pain before holds every
  step where it is (it earns nothing), and says why;
- a reset (see core/resets.py) starts again at level 0; the sessions stay.

Level 0 is what the file says. Level n adds n steps up to each progressing
value, never past its `_max`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from .levels import at_levels as at_levels
from .levels import at_top as at_top
from .levels import is_progressing as is_progressing
from .levels import step_at_level as step_at_level
from .levels import step_top as step_top
from .model import Routine, Step

if TYPE_CHECKING:
    # Types only: `check` and `list` need the levels' arithmetic, not the session record.
    from .session_summary import SessionSummary

EASY = "easy"
HARD = "hard"
PAIN_RISE = 2
"""Pain after at least this much above pain before holds the level."""

SESSION = "session"
PAIN = "pain"
RESET = "reset"


@dataclass(frozen=True)
class StepLevel:
    level: int
    """Shown level, 0 or more."""
    credit: int = 0
    """Sessions earned towards the next step up."""
    best: int = 0
    """The highest level held since the last reset."""
    below: bool = False
    """Held back once at level 0 by "too hard": the next step up takes longer."""


@dataclass(frozen=True)
class Change:
    """What one session (or reset) did to the levels, for `backcare progress`."""

    at: datetime
    kind: str
    """ "session", "easy", "hard", "pain" or "reset"."""
    levels: tuple[int, ...]
    """Every step's level after it."""


@dataclass(frozen=True)
class Standing:
    """Where a routine stands: each step's level and how it got there."""

    steps: tuple[StepLevel, ...]
    changes: tuple[Change, ...] = ()

    @property
    def levels(self) -> tuple[int, ...]:
        return tuple(s.level for s in self.steps)

    @property
    def level(self) -> int:
        """The routine's level: the highest of its steps (they usually move together)."""
        return max(self.levels, default=0)


def sessions_to_next(step: Step, state: StepLevel) -> int | None:
    """Ordinary completed sessions until the step grows again; None at the top."""
    if step.progress is None or state.level >= step_top(step):
        return None
    needed = step.progress.every - state.credit
    if state.below:
        needed += step.progress.every
    return max(1, needed)


def belongs(summary: SessionSummary, routine: Routine) -> bool:
    return summary.routine_name.strip().casefold() == routine.name.strip().casefold()


def pain_rose(summary: SessionSummary) -> bool:
    before, after = summary.pain_before, summary.pain_after
    return before is not None and after is not None and after - before >= PAIN_RISE


def pain_note(summary: SessionSummary) -> str:
    """Why the level held, in words for the summary screen."""
    return (
        f"Pain went from {summary.pain_before} to {summary.pain_after}, "
        "so the routine stays at its level this time."
    )


def standing(
    routine: Routine, sessions: Iterable[SessionSummary], resets: Iterable[datetime] = ()
) -> Standing:
    """Replay the routine's sessions (any order given) and resets into levels."""
    events: list[tuple[datetime, int, SessionSummary | None]] = [
        (s.started_at, 1, s) for s in sessions if belongs(s, routine)
    ]
    events += [(moment, 0, None) for moment in resets]
    events.sort(key=lambda e: (e[0], e[1]))
    states = [StepLevel(0) for _ in routine.steps]
    changes: list[Change] = []
    for moment, _, summary in events:
        if summary is None:
            states = [StepLevel(0) for _ in routine.steps]
            changes.append(Change(moment, RESET, tuple(0 for _ in states)))
            continue
        kind = _kind(summary)
        if kind is None:
            continue
        states = [
            _advance(step, state, kind) for step, state in zip(routine.steps, states, strict=True)
        ]
        changes.append(Change(moment, kind, tuple(s.level for s in states)))
    return Standing(tuple(states), tuple(changes))


def _kind(summary: SessionSummary) -> str | None:
    from .counted import is_completed

    feedback = summary.feedback
    if feedback == HARD:
        return HARD
    if not is_completed(summary):
        return None
    if pain_rose(summary):
        return PAIN
    return EASY if feedback == EASY else SESSION


def _advance(step: Step, state: StepLevel, kind: str) -> StepLevel:
    if step.progress is None or kind == PAIN:
        return state
    top = step_top(step)
    if kind == HARD:
        if state.level == 0:
            return StepLevel(0, 0, state.best, below=True)
        return StepLevel(state.level - 1, 0, state.best)
    if kind == EASY and state.below:
        return StepLevel(state.level, 0, state.best)
    if kind == EASY and state.level < state.best:
        return StepLevel(state.level + 1, 0, state.best)
    credit = state.credit + (2 if kind == EASY else 1)
    needed = step.progress.every * (2 if state.below else 1)
    if credit >= needed and state.level < top:
        level = state.level + 1
        return StepLevel(level, 0, max(state.best, level))
    if state.level >= top:
        credit = 0
    return StepLevel(state.level, credit, state.best, state.below)
