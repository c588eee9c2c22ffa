"""The pain trend counts the chart's oldest week, and its weeks are the person's own."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo

import pytest
from sessions import a_session

from backcare_tui.core.session_summary import SessionSummary
from backcare_tui.core.stats import compute_stats

AUCKLAND = ZoneInfo("Pacific/Auckland")


def rated(at: datetime, pain_before: int) -> SessionSummary:
    return a_session(at.astimezone(UTC), name="Desk break", pain_before=pain_before)


SESSIONS = [
    # Monday 00:30 in Auckland, the first day of the chart there; Sunday in UTC.
    rated(datetime(2024, 1, 1, 0, 30, tzinfo=AUCKLAND), 8),
    # Half an hour earlier: the week before the chart in Auckland.
    rated(datetime(2023, 12, 31, 23, 30, tzinfo=AUCKLAND), 9),
    # Monday morning in Auckland, still Sunday evening in UTC.
    rated(datetime(2024, 3, 18, 9, 0, tzinfo=AUCKLAND), 2),
]
NOW = datetime(2024, 3, 20, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("tz", "weekly", "ratings"),
    [
        (AUCKLAND, {date(2024, 1, 1): 8.0, date(2024, 3, 18): 2.0}, 2),
        (UTC, {date(2024, 3, 11): 2.0}, 1),
    ],
)
def test_pain_ratings_fall_in_the_local_week(
    tz: tzinfo, weekly: dict[date, float], ratings: int
) -> None:
    stats = compute_stats(SESSIONS, now=NOW, tz=tz, goal=3)
    assert stats.weeks[0].monday == date(2024, 1, 1)
    assert stats.pain is not None
    shown = {
        week.monday: level
        for week, level in zip(stats.weeks, stats.pain.weekly, strict=True)
        if level is not None
    }
    assert shown == weekly
    assert stats.pain.ratings == ratings


def test_first_and_last_are_the_first_and_last_three_ratings() -> None:
    days = [datetime(2024, 3, day, 9, tzinfo=UTC) for day in (11, 12, 13, 14, 15, 18, 19)]
    levels = [9, 8, 7, 5, 3, 2, 1]
    sessions = [rated(at, level) for at, level in zip(days, levels, strict=True)]
    pain = compute_stats(sessions, now=NOW, tz=UTC, goal=3).pain
    assert pain is not None
    assert (pain.first, pain.last, pain.ratings) == (8.0, 2.0, 7)
    assert pain.change_during is None
