"""Levels in words: "level 2 · was 20s", "next: hold 35s after 2 more sessions"."""

from __future__ import annotations

from .durations import format_length
from .model import Step
from .progression import (
    StepLevel,
    pain_note,
    pain_rose,
    sessions_to_next,
    step_at_level,
    step_top,
)
from .session_summary import SessionSummary
from .text import plural


def value_text(key: str, value: float) -> str:
    if key in ("hold", "duration"):
        return f"{key} {format_length(value)}"
    noun = {"reps": "rep", "sets": "set", "cycles": "breath"}[key]
    return plural(int(value), noun)


def values_text(step: Step) -> str:
    """The progressing values of a step: "hold 25s, 3 reps"."""
    if step.progress is None:
        return ""
    return ", ".join(
        value_text(i.key, float(getattr(step.action, i.key))) for i in step.progress.increases
    )


def level_note(step: Step, state: StepLevel) -> str:
    """ "level 2 · was hold 20s" for a grown step, "level 0" otherwise; "" if it never grows."""
    if step.progress is None:
        return ""
    if state.level == 0:
        return "level 0"
    return f"level {state.level} · was {values_text(step)}"


def next_note(step: Step, state: StepLevel) -> str:
    """ "next: hold 30s after 2 more sessions", or "at its top (hold 45s)"."""
    if step.progress is None:
        return ""
    remaining = sessions_to_next(step, state)
    if remaining is None:
        return f"at its top ({values_text(step_at_level(step, step_top(step)))})"
    following = values_text(step_at_level(step, state.level + 1))
    return f"next: {following} after {plural(remaining, 'more session')}"


def feedback_words(feedback: str | None, *, progressing: bool) -> str:
    """What the summary says once `e` or `t` was pressed."""
    if feedback == "easy":
        if progressing:
            return "Felt easy: this session counts as two towards the next step up."
        return "Marked as felt easy."
    if feedback == "hard":
        if progressing:
            return "Too hard: the routine goes one level back next time."
        return "Marked as too hard."
    return ""


def held_words(summary: SessionSummary, *, progressing: bool) -> str:
    """Why the level did not move, when pain rose during a completed session."""
    if not progressing or not summary.completed or not pain_rose(summary):
        return ""
    return pain_note(summary)
