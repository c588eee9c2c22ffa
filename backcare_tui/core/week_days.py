"""Which sessions count, on which day, in which week: shared by the stats and Today.

Kept apart from core/stats.py (its summaries and their dataclasses) so that home's
Today line, drawn in the first frame, does not load the stats to get at three lines.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .session_summary import SessionSummary


def counts(session: SessionSummary) -> bool:
    """Only completed sessions count toward the goal and streaks (core/completion.py)."""
    return session.completed


def local_date(moment: datetime, tz: tzinfo | None) -> date:
    return moment.astimezone(tz).date()


def week_start(day: date) -> date:
    """The Monday of the ISO week holding `day`."""
    return day - timedelta(days=day.weekday())
