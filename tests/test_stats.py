"""Week, goal and streak arithmetic on fixed dates, across year ends and time zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sessions import a_session

from backcare_tui.core.completion import Completion
from backcare_tui.core.pain import advice, change_text, much_worse
from backcare_tui.core.session_summary import SessionSummary
from backcare_tui.core.stats import (
    compute_stats,
    counts,
    streak,
    week_start,
    weekly_totals,
)

AUCKLAND = ZoneInfo("Pacific/Auckland")
NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")


def session(
    at: datetime, *, minutes: float = 5, name: str = "Desk break", **changes: Any
) -> SessionSummary:
    """`minutes` of `name` played through from `at`, unless told."""
    return a_session(at, name=name, planned=minutes * 60, **changes)


def local(tz: tzinfo, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=tz)


def in_week(monday: date, tz: tzinfo, count: int) -> list[SessionSummary]:
    """`count` sessions on the days of the week starting `monday`, at noon local time."""
    return [
        session(
            datetime.combine(monday + timedelta(days=n % 7), datetime.min.time(), tz)
            + timedelta(hours=12)
        )
        for n in range(count)
    ]


@pytest.mark.parametrize(
    ("day", "monday", "label"),
    [
        (date(2024, 12, 30), date(2024, 12, 30), "2025-W01"),
        (date(2025, 1, 5), date(2024, 12, 30), "2025-W01"),
        (date(2021, 1, 1), date(2020, 12, 28), "2020-W53"),
        (date(2021, 1, 3), date(2020, 12, 28), "2020-W53"),
        (date(2021, 1, 4), date(2021, 1, 4), "2021-W01"),
        (date(2024, 2, 29), date(2024, 2, 26), "2024-W09"),
    ],
)
def test_weeks_are_iso_weeks_across_year_ends(day: date, monday: date, label: str) -> None:
    assert week_start(day) == monday
    stats = compute_stats([], now=datetime.combine(day, datetime.min.time(), UTC), tz=UTC, goal=3)
    assert stats.this_week.monday == monday
    assert stats.this_week.label == label


def test_a_late_sunday_session_belongs_to_the_local_week() -> None:
    # 10:30 UTC on Sunday 7 Jan is 23:30 the same Sunday in Auckland...
    sunday_night_auckland = datetime(2024, 1, 7, 10, 30, tzinfo=UTC)
    # ...while 23:30 UTC on Sunday is already Monday lunchtime there.
    sunday_night_utc = datetime(2024, 1, 7, 23, 30, tzinfo=UTC)
    sessions = [session(sunday_night_auckland), session(sunday_night_utc)]
    assert sorted(weekly_totals(sessions, AUCKLAND)) == [date(2024, 1, 1), date(2024, 1, 8)]
    assert sorted(weekly_totals(sessions, UTC)) == [date(2024, 1, 1)]
    # Monday 03:00 UTC is still Sunday evening in New York.
    monday_early_utc = datetime(2024, 1, 8, 3, 0, tzinfo=UTC)
    assert sorted(weekly_totals([session(monday_early_utc)], NEW_YORK)) == [date(2024, 1, 1)]
    assert sorted(weekly_totals([session(monday_early_utc)], UTC)) == [date(2024, 1, 8)]


def test_now_is_read_in_the_same_zone() -> None:
    now = datetime(2024, 12, 29, 12, 0, tzinfo=UTC)  # Sunday in UTC, Monday 01:00 in Auckland
    assert compute_stats([], now=now, tz=UTC, goal=3).this_week.label == "2024-W52"
    assert compute_stats([], now=now, tz=AUCKLAND, goal=3).this_week.label == "2025-W01"


def test_each_moment_gets_the_offset_of_its_own_date() -> None:
    # Berlin moved clocks forward on Sunday 31 March 2024. 00:30 on Monday 1 April
    # there is 22:30 UTC on Sunday: with winter's +1 offset it would land on Sunday.
    after_change = local(BERLIN, 2024, 4, 1, 0, 30).astimezone(UTC)
    assert (after_change.day, after_change.hour) == (31, 22)
    winter_now = datetime(2024, 1, 15, tzinfo=BERLIN)
    stats = compute_stats([session(after_change)], now=winter_now, tz=BERLIN, goal=1)
    assert sorted(weekly_totals([session(after_change)], BERLIN)) == [date(2024, 4, 1)]
    assert stats.weeks_met == 1


def test_no_zone_means_the_system_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    sunday_night_utc = datetime(2024, 1, 7, 23, 30, tzinfo=UTC)
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    try:
        assert sorted(weekly_totals([session(sunday_night_utc)], None)) == [date(2024, 1, 8)]
    finally:
        monkeypatch.undo()
        time.tzset()


def test_this_week_against_the_goal() -> None:
    monday = date(2024, 5, 6)
    now = datetime(2024, 5, 9, 18, 0, tzinfo=UTC)
    stats = compute_stats(in_week(monday, UTC, 2), now=now, tz=UTC, goal=3)
    assert (stats.this_week.sessions, stats.goal, stats.goal_met, stats.sessions_to_go) == (
        2,
        3,
        False,
        1,
    )
    stats = compute_stats(in_week(monday, UTC, 4), now=now, tz=UTC, goal=3)
    assert stats.goal_met and stats.sessions_to_go == 0


def test_only_completed_sessions_count_toward_the_goal() -> None:
    at = datetime(2024, 5, 6, 12, tzinfo=UTC)
    stopped = session(at, minutes=5, finished=False)
    completed = session(at, minutes=0.5, finished=True)
    skipped_through = session(at, minutes=4, played=60.0)
    assert skipped_through.completion is Completion.PARTIAL
    assert [counts(s) for s in (stopped, completed, skipped_through)] == [False, True, False]
    stats = compute_stats([stopped, completed, skipped_through], now=at, tz=UTC, goal=3)
    assert stats.this_week.sessions == 1
    assert stats.total_sessions == 3
    assert stats.this_week.minutes == pytest.approx(6.5)


def test_accidental_starts_kept_from_old_logs_are_not_most_used() -> None:
    at = datetime(2024, 5, 6, 12, tzinfo=UTC)
    blips = [session(at, minutes=2 / 60, name="Blip", finished=False) for _ in range(4)]
    stats = compute_stats([*blips, session(at)], now=at, tz=UTC, goal=3)
    assert [use.name for use in stats.top_routines] == ["Desk break"]


def test_streak_runs_across_a_year_end() -> None:
    # 2020 had 53 ISO weeks: W52 (21 Dec), W53 (28 Dec), then 2021-W01 (4 Jan).
    mondays = [date(2020, 12, 14), date(2020, 12, 21), date(2020, 12, 28), date(2021, 1, 4)]
    sessions = [s for m in mondays[1:] for s in in_week(m, UTC, 3)]
    sessions += in_week(mondays[0], UTC, 2)  # one short of the goal: the streak starts after
    now = datetime(2021, 1, 6, 9, tzinfo=UTC)
    stats = compute_stats(sessions, now=now, tz=UTC, goal=3)
    assert stats.streak == 3
    assert stats.best_streak == 3
    assert stats.weeks_met == 3


def test_streak_stays_alive_until_a_whole_week_misses() -> None:
    last_week, this_week = date(2024, 5, 6), date(2024, 5, 13)
    earlier = [date(2024, 4, 22), date(2024, 4, 29)]
    sessions = [s for m in [*earlier, last_week] for s in in_week(m, UTC, 3)]
    tuesday = datetime(2024, 5, 14, 9, tzinfo=UTC)
    assert compute_stats(sessions, now=tuesday, tz=UTC, goal=3).streak == 3
    met_now = sessions + in_week(this_week, UTC, 3)
    assert compute_stats(met_now, now=tuesday, tz=UTC, goal=3).streak == 4
    week_after = datetime(2024, 5, 21, 9, tzinfo=UTC)
    assert compute_stats(sessions, now=week_after, tz=UTC, goal=3).streak == 0
    assert compute_stats(sessions, now=week_after, tz=UTC, goal=3).best_streak == 3


def test_streak_depends_on_the_goal() -> None:
    mondays = [date(2024, 1, 1), date(2024, 1, 8), date(2024, 1, 15)]
    sessions = [s for m in mondays for s in in_week(m, UTC, 2)]
    now = datetime(2024, 1, 17, tzinfo=UTC)
    assert compute_stats(sessions, now=now, tz=UTC, goal=2).streak == 3
    assert compute_stats(sessions, now=now, tz=UTC, goal=3).streak == 0


def test_streak_of_weeks_as_a_set() -> None:
    this = date(2024, 1, 15)
    assert streak(set(), this) == 0
    assert streak({this}, this) == 1
    assert streak({date(2024, 1, 8), date(2024, 1, 1)}, this) == 2
    assert streak({date(2024, 1, 1)}, this) == 0


@pytest.mark.parametrize(
    ("tz", "this_monday", "this_week", "streak"),
    [
        (UTC, date(2024, 1, 1), 6, 1),
        # Late Sunday UTC is Monday morning in Auckland: a second week that met the goal.
        (AUCKLAND, date(2024, 1, 8), 3, 2),
        (NEW_YORK, date(2024, 1, 1), 6, 1),
    ],
)
def test_streak_in_a_zone_where_the_week_turned_earlier(
    tz: tzinfo, this_monday: date, this_week: int, streak: int
) -> None:
    wednesday = [datetime(2024, 1, 3, 12, n, tzinfo=UTC) for n in range(3)]
    late_sunday = [datetime(2024, 1, 7, 20, n, tzinfo=UTC) for n in range(3)]
    sessions = [session(at) for at in wednesday + late_sunday]
    stats = compute_stats(sessions, now=datetime(2024, 1, 7, 22, tzinfo=UTC), tz=tz, goal=3)
    assert stats.this_week.monday == this_monday
    assert stats.this_week.sessions == this_week
    assert (stats.streak, stats.best_streak, stats.weeks_met) == (streak, streak, streak)


def test_chart_weeks_are_the_last_twelve_oldest_first() -> None:
    now = datetime(2024, 3, 20, tzinfo=UTC)
    sessions = [
        session(datetime(2024, 3, 18, 9, tzinfo=UTC), minutes=10),
        session(datetime(2024, 3, 19, 9, tzinfo=UTC), minutes=5),
        session(datetime(2024, 1, 1, 9, tzinfo=UTC), minutes=7),  # 12 weeks back: first bar
        session(datetime(2023, 12, 31, 9, tzinfo=UTC), minutes=100),  # 13 weeks back: left out
    ]
    stats = compute_stats(sessions, now=now, tz=UTC, goal=3)
    assert len(stats.weeks) == 12
    assert stats.weeks[0].monday == date(2024, 1, 1)
    assert stats.weeks[-1].monday == date(2024, 3, 18)
    assert [w.monday - stats.weeks[0].monday for w in stats.weeks] == [
        timedelta(weeks=n) for n in range(12)
    ]
    assert stats.weeks[-1].sessions == 2
    assert stats.weeks[-1].minutes == pytest.approx(15)
    assert stats.weeks[0].minutes == pytest.approx(7)
    assert sum(w.sessions for w in stats.weeks[1:-1]) == 0
    assert stats.total_minutes == pytest.approx(122)


def test_most_used_routines() -> None:
    at = datetime(2024, 1, 1, tzinfo=UTC)
    sessions = [
        session(at, name="B", minutes=5),
        session(at, name="A", minutes=5),
        session(at, name="C", minutes=10),
        session(at, name="C", minutes=10),
        session(at, name="A", minutes=1),
        session(at, name="B", minutes=1),
        session(at, name="D", minutes=20),
    ]
    top = compute_stats(sessions, now=at, tz=UTC, goal=3, top=3).top_routines
    assert [(r.name, r.sessions) for r in top] == [("C", 2), ("A", 2), ("B", 2)]
    assert top[0].minutes == pytest.approx(20)


def test_no_pain_trend_without_ratings() -> None:
    at = datetime(2024, 1, 1, tzinfo=UTC)
    assert compute_stats([session(at)], now=at, tz=UTC, goal=3).pain is None


def test_pain_trend_per_week_and_during_sessions() -> None:
    now = datetime(2024, 1, 17, tzinfo=UTC)

    def rated(day: int, before: int | None, after: int | None) -> SessionSummary:
        return session(datetime(2024, 1, day, 9, tzinfo=UTC), pain_before=before, pain_after=after)

    sessions = [
        rated(1, 6, 5),
        rated(3, 6, 4),
        rated(9, 4, None),
        rated(10, None, 3),  # only an after-score: it stands for that session
        rated(15, 2, 2),
        session(datetime(2024, 1, 16, tzinfo=UTC)),  # not rated
    ]
    pain = compute_stats(sessions, now=now, tz=UTC, goal=3).pain
    assert pain is not None
    assert pain.weekly[-3:] == (6.0, 3.5, 2.0)
    assert pain.weekly[:-3] == (None,) * 9
    assert pain.first == pytest.approx((6 + 6 + 4) / 3)
    assert pain.last == pytest.approx((4 + 3 + 2) / 3)
    assert pain.change_during == pytest.approx((-1 - 2 + 0) / 3)
    assert pain.ratings == 5


def test_pain_outside_the_chart_weeks_is_left_out() -> None:
    old = session(datetime(2023, 1, 2, tzinfo=UTC), pain_before=8)
    now = datetime(2024, 1, 17, tzinfo=UTC)
    assert compute_stats([old], now=now, tz=UTC, goal=3).pain is None


@pytest.mark.parametrize(
    ("before", "after", "worse"),
    [(3, 5, True), (3, 4, False), (0, 10, True), (5, 2, False), (None, 9, False), (4, None, False)],
)
def test_much_worse(before: int | None, after: int | None, worse: bool) -> None:
    assert much_worse(before, after) is worse


def test_advice_only_when_much_worse() -> None:
    assert advice(3, 5) is not None and "physiotherapist" in (advice(3, 5) or "")
    assert advice(3, 4) is None
    assert advice(None, None) is None


@pytest.mark.parametrize(
    ("before", "after", "ascii_only", "text"),
    [
        (6, 4, False, "6 → 4"),
        (6, 4, True, "6 -> 4"),
        (6, None, False, "6"),
        (None, 3, True, "-> 3"),
        (None, None, False, ""),
    ],
)
def test_change_text(before: int | None, after: int | None, ascii_only: bool, text: str) -> None:
    assert change_text(before, after, ascii_only=ascii_only) == text


@pytest.mark.parametrize(
    ("before", "after", "words"),
    [
        (3, 10, "Stop exercising"),  # 10 is 8 or more
        (None, 8, "Stop exercising"),
        (2, 6, "Stop exercising"),  # rose by 4
        (3, 5, "Your back feels worse"),
        (3, 4, None),
        (7, 7, None),
    ],
)
def test_a_big_jump_or_a_high_score_says_stop_and_seek_help(
    before: int | None, after: int | None, words: str | None
) -> None:
    said = advice(before, after)
    assert (said is None) if words is None else (said is not None and said.startswith(words))


def test_what_the_stats_screen_lists_beyond_the_streak() -> None:
    """The best streak after a missed week, five routines at most in the top list, and empty
    weeks of the chart at 0 minutes."""
    monday = date(2026, 10, 5)
    weeks = [0, 1, 3, 4, 5]  # met, met, missed, met, met, met
    sessions = [s for w in weeks for s in in_week(monday + timedelta(weeks=w), UTC, 3)]
    sessions += [
        session(datetime(2026, 11, 2, 9, tzinfo=UTC), name=f"Routine {n}") for n in range(6)
    ]
    now = datetime(2026, 11, 12, 12, tzinfo=UTC)
    stats = compute_stats(sessions, now=now, tz=UTC, goal=3)
    assert stats.best_streak == 3
    assert len(stats.top_routines) == 5
    missed = [w for w in stats.weeks if w.monday == monday + timedelta(weeks=2)]
    assert [(w.sessions, w.minutes) for w in missed] == [(0, 0.0)]
