"""Weeks, goals and streaks from the session log: plain arithmetic on dates.

Weeks are ISO weeks (Monday to Sunday) in the person's own time zone, so a
session at 23:30 on Sunday belongs to the week it felt like. The zone is
passed in (None means the system's, with its daylight-saving rules applied
to each moment) so tests can pin it, and so is "now".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from .completion import worth_recording
from .session_summary import SessionSummary
from .week_days import counts as counts
from .week_days import local_date as local_date
from .week_days import week_start as week_start

CHART_WEEKS = 12


@dataclass(frozen=True)
class WeekTotal:
    monday: date
    sessions: int
    """Sessions that count towards the goal (see `counts`)."""
    minutes: float
    """Active minutes of every session that week, counted or not."""

    @property
    def label(self) -> str:
        """ISO week, "2024-W01"."""
        year, week, _ = self.monday.isocalendar()
        return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class RoutineUse:
    name: str
    sessions: int
    minutes: float


@dataclass(frozen=True)
class PainTrend:
    weekly: tuple[float | None, ...]
    """Mean rating before sessions for each chart week, oldest first; None: no rating."""
    first: float
    """Mean of the earliest ratings in the chart weeks (up to three)."""
    last: float
    """Mean of the latest ratings (up to three)."""
    change_during: float | None
    """Mean of after minus before, over sessions rated both times; negative is better."""
    ratings: int


@dataclass(frozen=True)
class Stats:
    goal: int
    this_week: WeekTotal
    streak: int
    """Consecutive weeks that met the goal, ending this week, or last week if this one
    has not met it yet (a streak stays alive until a whole week misses)."""
    best_streak: int
    weeks_met: int
    """Weeks ever that met the goal."""
    total_sessions: int
    """Every recorded session, counted towards a goal or not."""
    total_minutes: float
    weeks: tuple[WeekTotal, ...]
    """The last CHART_WEEKS weeks, oldest first, this week last."""
    top_routines: tuple[RoutineUse, ...]
    pain: PainTrend | None

    @property
    def goal_met(self) -> bool:
        return self.this_week.sessions >= self.goal

    @property
    def sessions_to_go(self) -> int:
        return max(0, self.goal - self.this_week.sessions)


def weekly_totals(
    sessions: Iterable[SessionSummary], tz: tzinfo | None
) -> dict[date, tuple[int, float]]:
    """Monday -> (counted sessions, active minutes), for weeks with any session."""
    totals: dict[date, tuple[int, float]] = {}
    for session in sessions:
        monday = week_start(local_date(session.started_at, tz))
        count, minutes = totals.get(monday, (0, 0.0))
        totals[monday] = (count + counts(session), minutes + session.actual_seconds / 60)
    return totals


def streak(met: set[date], this_monday: date) -> int:
    """Goal-meeting weeks in a row, ending this week or the one before."""
    week = this_monday if this_monday in met else this_monday - timedelta(weeks=1)
    length = 0
    while week in met:
        length += 1
        week -= timedelta(weeks=1)
    return length


def best_streak(met: set[date]) -> int:
    best = 0
    for monday in met:
        if monday - timedelta(weeks=1) in met:
            continue
        length = 0
        while monday + timedelta(weeks=length) in met:
            length += 1
        best = max(best, length)
    return best


def compute_stats(
    sessions: Sequence[SessionSummary],
    *,
    now: datetime,
    tz: tzinfo | None,
    goal: int,
    chart_weeks: int = CHART_WEEKS,
    top: int = 5,
) -> Stats:
    """Everything the stats screen and `backcare stats` show, from the whole log."""
    this_monday = week_start(local_date(now, tz))
    totals = weekly_totals(sessions, tz)
    met = {monday for monday, (count, _) in totals.items() if count >= goal}
    weeks = tuple(
        WeekTotal(monday, *totals.get(monday, (0, 0.0)))
        for monday in (this_monday - timedelta(weeks=n) for n in range(chart_weeks - 1, -1, -1))
    )
    return Stats(
        goal=goal,
        this_week=weeks[-1],
        streak=streak(met, this_monday),
        best_streak=best_streak(met),
        weeks_met=len(met),
        total_sessions=len(sessions),
        total_minutes=sum(s.actual_seconds for s in sessions) / 60,
        weeks=weeks,
        top_routines=top_routines(sessions, top),
        pain=pain_trend(sessions, tz, [w.monday for w in weeks]),
    )


def top_routines(sessions: Iterable[SessionSummary], top: int) -> tuple[RoutineUse, ...]:
    """Most used first; ties go to the routine with more minutes, then by name."""
    uses: Counter[str] = Counter()
    minutes: dict[str, float] = {}
    for session in sessions:
        if not worth_recording(session.actual_seconds):
            continue  # an accidental start kept from before such starts were dropped
        uses[session.routine_name] += 1
        minutes[session.routine_name] = (
            minutes.get(session.routine_name, 0.0) + session.actual_seconds / 60
        )
    ranked = sorted(uses, key=lambda name: (-uses[name], -minutes[name], name))
    return tuple(RoutineUse(name, uses[name], minutes[name]) for name in ranked[:top])


def pain_trend(
    sessions: Iterable[SessionSummary], tz: tzinfo | None, mondays: Sequence[date]
) -> PainTrend | None:
    """How the back felt before sessions over the chart weeks; None with no ratings there."""
    if not mondays:
        return None
    first_monday = mondays[0]
    rated = sorted(
        (s for s in sessions if s.pain_before is not None or s.pain_after is not None),
        key=lambda s: s.started_at,
    )
    in_range = [s for s in rated if week_start(local_date(s.started_at, tz)) >= first_monday]
    levels = [(s, _level(s)) for s in in_range]
    if not levels:
        return None
    by_week: dict[date, list[int]] = {}
    for session, level in levels:
        by_week.setdefault(week_start(local_date(session.started_at, tz)), []).append(level)
    weekly = tuple(_mean(by_week[m]) if m in by_week else None for m in mondays)
    changes = [
        s.pain_after - s.pain_before
        for s in in_range
        if s.pain_before is not None and s.pain_after is not None
    ]
    values = [level for _, level in levels]
    return PainTrend(
        weekly=weekly,
        first=_mean(values[:3]),
        last=_mean(values[-3:]),
        change_during=_mean(changes) if changes else None,
        ratings=len(values),
    )


def _level(session: SessionSummary) -> int:
    """How the back was at the start: the before-score, else the after-score."""
    value = session.pain_before if session.pain_before is not None else session.pain_after
    assert value is not None
    return value


def _mean(values: Sequence[int]) -> float:
    return sum(values) / len(values)
