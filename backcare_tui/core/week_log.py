"""This week's completed sessions, read with one indexed query and nothing else.

`backcare status` runs every few seconds in status bars and `backcare remind now`
runs from a timer, so this opens the log read-only, never migrates or creates
it, and reads only this week's rows through the `started_at` index. What counts
is a *completed* session (core/completion.py): logs from before the
`completion` column have it worked out from `finished` and the time played,
by the same rule.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .due import Week
from .paths import history_file

_COMPLETION_SCHEMA = 3
_COMPLETED_NEW = "completion = 'completed'"
_COMPLETED_OLD = "finished = 1 AND actual_seconds >= 0.5 * planned_seconds"


def week_query(schema_version: int) -> str:
    """Completed sessions since a moment: a range scan of the `started_at` index."""
    completed = _COMPLETED_NEW if schema_version >= _COMPLETION_SCHEMA else _COMPLETED_OLD
    return f"SELECT started_at FROM sessions WHERE started_at >= ? AND {completed}"


def week_start(now: datetime) -> datetime:
    """Monday 00:00 of `now`'s ISO week, in `now`'s time zone."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight - timedelta(days=now.weekday())


def read_week(
    now: datetime, goal: int, *, planned_today: bool = False, path: Path | None = None
) -> Week | None:
    """The week as of `now` (timezone-aware, local); None when the log cannot be read.

    A missing log is an empty week, not a problem.
    """
    path = path or history_file()
    days_left = 7 - now.weekday()
    if not path.exists():
        return Week(False, 0, goal, days_left, planned_today)
    monday = week_start(now)
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    try:
        with contextlib.closing(
            sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
        ) as connection:
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            rows = connection.execute(week_query(version), (_stamp(monday),)).fetchall()
    except (sqlite3.Error, OSError, ValueError):
        return None
    today_stamp = _stamp(today)
    done_today = any(str(row[0]) >= today_stamp for row in rows)
    return Week(done_today, len(rows), goal, days_left, planned_today)


def _stamp(moment: datetime) -> str:
    """The history's own format: ISO 8601 in UTC, seconds, so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")
