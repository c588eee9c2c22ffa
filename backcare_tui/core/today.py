"""What to do today, and why: the plan's day, else a favourite due for another go.

Pure rules on a list of recorded sessions and a date, so the home screen,
`backcare today` and the reminders all give the same answer. The rules:

- A completed session on the day means today is done: say which, suggest nothing.
- A plan entry for the weekday wins ("Wednesday in your plan").
- Otherwise the favourite done least recently: favourites are the routines
  with the most sessions in the four weeks before the day (ties by name).
- With no sessions in those four weeks, the desk break.

Each suggestion carries the week's progress towards the goal as a second reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from .counted import is_completed
from .settings import Settings
from .text import clean_line
from .week_days import counts, local_date, week_start
from .weekplan import day_name, weekday_key

if TYPE_CHECKING:
    from .session_summary import SessionSummary

FAVOURITE_DAYS = 28
FAVOURITES = 3
"""How many of the most played routines are favourites."""
DEFAULT_ROUTINE = "desk-break"

PLAN = "plan"
FAVOURITE = "favourite"
DEFAULT = "default"
DONE = "done"


@dataclass(frozen=True)
class Today:
    day: date
    routine: str | None
    """A routine name or file name (`Library.find` takes either); None when today is done."""
    source: str
    """ "plan", "favourite", "default" or "done"."""
    reason: str
    """Why this routine, or what was done: "Wednesday in your plan"."""
    week_sessions: int
    """Sessions counting towards the weekly goal, from Monday up to and including the day."""
    weekly_goal: int
    done_at: datetime | None = None
    """When today's completed session started (local time), when there is one."""

    @property
    def done(self) -> bool:
        return self.source == DONE

    @property
    def goal_line(self) -> str:
        """ "2 more this week to reach 3", or "3 of 3 this week: goal met"."""
        to_go = self.weekly_goal - self.week_sessions
        if to_go <= 0:
            return f"{self.week_sessions} of {self.weekly_goal} this week: goal met"
        return f"{to_go} more this week to reach {self.weekly_goal}"

    @property
    def text(self) -> str:
        """One line for people: the reason and the week, joined."""
        return f"{self.reason} · {self.goal_line}"


def suggest_today(
    settings: Settings,
    sessions: Iterable[SessionSummary],
    day: date,
    *,
    tz: tzinfo | None = None,
    exists: Callable[[str], bool] | None = None,
) -> Today:
    """Today's suggestion for `day` from the sessions recorded (any order).

    `exists` says whether a routine name or file name can be played; plan
    entries and favourites that cannot are passed over (and the reason says
    so for the plan). `tz` is the person's zone (None: the system's).
    """
    dated = [(local_date(s.started_at, tz), s) for s in sessions]
    monday = week_start(day)
    week = sum(1 for d, s in dated if monday <= d <= day and counts(s))
    goal = settings.weekly_goal

    done_today = [s for d, s in dated if d == day and is_completed(s)]
    if done_today:
        last = max(done_today, key=lambda s: s.started_at)
        when = last.started_at.astimezone(tz)
        return Today(
            day,
            None,
            DONE,
            f"Done today: {clean_line(last.routine_name)} at {when:%H:%M}",
            week,
            goal,
            when,
        )

    usable = exists or (lambda _name: True)
    missing = ""
    planned = settings.plan.get(weekday_key(day))
    if planned:
        if usable(planned):
            return Today(day, planned, PLAN, f"{day_name(day)} in your plan", week, goal)
        missing = f'; {day_name(day)}\'s plan names "{planned}", which was not found'

    favourite = least_recent_favourite(dated, day, usable)
    if favourite is not None:
        name, last_day = favourite
        ago = (day - last_day).days
        reason = "A favourite, last done " + ("yesterday" if ago == 1 else f"{ago} days ago")
        return Today(day, name, FAVOURITE, reason + missing, week, goal)
    return Today(
        day,
        DEFAULT_ROUTINE,
        DEFAULT,
        "A short start: nothing in the last four weeks" + missing,
        week,
        goal,
    )


def least_recent_favourite(
    dated: list[tuple[date, SessionSummary]], day: date, exists: Callable[[str], bool]
) -> tuple[str, date] | None:
    """The favourite with the oldest last session before `day`, and that session's date."""
    start = day - timedelta(days=FAVOURITE_DAYS)
    played: dict[str, int] = {}
    last: dict[str, date] = {}
    for d, session in dated:
        if not start <= d < day or not counts(session):
            continue
        name = session.routine_name
        played[name] = played.get(name, 0) + 1
        last[name] = max(last.get(name, d), d)
    ranked = sorted((n for n in played if exists(n)), key=lambda n: (-played[n], n.lower()))
    favourites = ranked[:FAVOURITES]
    if not favourites:
        return None
    chosen = min(favourites, key=lambda n: (last[n], -played[n], n.lower()))
    return chosen, last[chosen]


def today_words(today: Today, name: str | None, length: str | None) -> tuple[str, str]:
    """What to show: ("Core support · 10m 03s", "Wednesday in your plan · 2 more ..."),
    or ("done", "Done today: ... · goal line") once today's session is in."""
    if today.done or today.routine is None:
        return "done", today.text
    what = clean_line(name or today.routine)
    if length:
        what += f" · {length}"
    return what, today.text
