"""Whether to remind now: the rules, as plain arithmetic on what the caller found out.

A reminder goes out only when all of these hold, checked in this order so
the reason given is the one a person would care about first:

1. not inside `quiet_hours` (default 21:00-08:00);
2. not within `min_gap` of the last reminder (default 45 min);
3. not in the first `SETTLE_SECONDS` after the machine booted or woke, or the
   person logged in (a laptop that wakes at 09:02 should not greet its owner
   with a nag, and a timer missed during sleep fires right then);
4. no session was completed today (once it is done, the day is left alone);
5. with `only_if_due`, a session is due: today's plan names a routine, or the
   weekly goal is not met yet and can still be met at one session a day
   (`days_left` counts today).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from .schedule import Span

SETTLE_SECONDS = 10 * 60.0
"""Quiet time after boot, wake or login."""


@dataclass(frozen=True)
class Week:
    """What the history says about the person's week, as seen today."""

    done_today: bool
    """A completed session today."""
    completed: int
    """Completed sessions this ISO week, today included."""
    goal: int
    days_left: int
    """Days left in the week, today included (Monday 7, Sunday 1)."""
    planned_today: bool = False
    """Today's plan names a routine."""

    @property
    def to_go(self) -> int:
        return max(0, self.goal - self.completed)


def goal_line(week: Week) -> str:
    """ "2 more this week to reach 3", or "3 of 3 this week: goal met" (completed sessions)."""
    if week.to_go == 0:
        return f"{week.completed} of {week.goal} this week: goal met"
    return f"{week.to_go} more this week to reach {week.goal}"


def session_due(week: Week) -> bool:
    if week.done_today:
        return False
    if week.planned_today:
        return True
    return 0 < week.to_go <= week.days_left


@dataclass(frozen=True)
class Rules:
    quiet: Span | None
    min_gap: timedelta
    only_if_due: bool


@dataclass(frozen=True)
class Decision:
    notify: bool
    reason: str = ""
    """Why no reminder goes out, for "No reminder: ..." (empty when it does)."""


def decide(
    now: datetime,
    rules: Rules,
    *,
    last_reminder: datetime | None,
    settled_for: float | None,
    week: Week | None,
) -> Decision:
    """`now` and `last_reminder` in the person's time zone; `settled_for` is seconds since
    the latest boot, wake or login (None: not known, so not held against the reminder);
    `week` is None when the history could not be read."""
    if rules.quiet is not None and rules.quiet.contains(now.time()):
        return Decision(False, f"quiet hours ({rules.quiet})")
    if last_reminder is not None and now - last_reminder < rules.min_gap:
        minutes = rules.min_gap.total_seconds() / 60
        return Decision(False, f"reminded at {last_reminder:%H:%M}, less than {minutes:g} min ago")
    if settled_for is not None and settled_for < SETTLE_SECONDS:
        return Decision(
            False,
            f"the computer woke or you logged in {settled_for / 60:.0f} min ago "
            f"(quiet for the first {SETTLE_SECONDS / 60:g} min)",
        )
    if week is not None and week.done_today:
        return Decision(False, "today's session is done")
    if rules.only_if_due:
        if week is None:
            return Decision(False, "the history cannot be read, so nothing is known to be due")
        if not session_due(week):
            if week.to_go == 0:
                return Decision(False, f"this week's goal of {week.goal} is met")
            return Decision(False, "nothing is due today")
    return Decision(True)
