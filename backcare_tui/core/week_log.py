"""The last four weeks of sessions, read with one indexed query and nothing else.

`backcare status` runs every few seconds in status bars and `backcare remind
now` runs from a timer, so this opens the log read-only, never migrates or
creates it, and reads one range of the `started_at` index: far enough back for
this week's count and for "Today"'s favourites (core/today.py). What counts is
a *completed* session (core/completion.py); logs from before the `completion`
column have it worked out from `finished` and the time played, by the same rule.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .due import Week
from .paths import history_file
from .session_summary import SessionSummary

RECENT_DAYS = 28
"""How far back "Today" looks for favourites."""
_COMPLETION_SCHEMA = 3
_COMPLETED_NEW = "completion = 'completed'"
_COMPLETED_OLD = "finished = 1 AND actual_seconds >= 0.5 * planned_seconds"


@dataclass(frozen=True)
class Row:
    routine_name: str
    started_at: datetime
    completed: bool
    finished: bool
    actual_seconds: float
    planned_seconds: float

    def summary(self) -> SessionSummary:
        """Enough of a session for the rules that read it (today.py, stats.counts)."""
        return SessionSummary(
            routine_name=self.routine_name,
            routine_path=None,
            routine_hash="",
            started_at=self.started_at,
            ended_at=self.started_at + timedelta(seconds=self.actual_seconds),
            planned_seconds=self.planned_seconds,
            actual_seconds=self.actual_seconds,
            steps_done=0,
            steps_skipped=0,
            steps_total=0,
            finished=self.completed,
        )


def recent_query(schema_version: int) -> str:
    """Sessions since a moment: a range scan of the `started_at` index."""
    completed = _COMPLETED_NEW if schema_version >= _COMPLETION_SCHEMA else _COMPLETED_OLD
    return (
        f"SELECT routine_name, started_at, {completed}, finished, actual_seconds, "
        "planned_seconds FROM sessions WHERE started_at >= ?"
    )


def week_start(now: datetime) -> datetime:
    """Monday 00:00 of `now`'s ISO week, in `now`'s time zone."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight - timedelta(days=now.weekday())


def read_recent(now: datetime, path: Path | None = None) -> list[Row] | None:
    """Sessions from the last four weeks and this whole week; None when the log cannot be
    read. A missing log is no sessions, not a problem."""
    path = path or history_file()
    if not path.exists():
        return []
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    since = min(week_start(now), midnight - timedelta(days=RECENT_DAYS))
    try:
        with contextlib.closing(
            sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
        ) as connection:
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            found = connection.execute(recent_query(version), (_stamp(since),)).fetchall()
        return [
            Row(
                str(name),
                _parse(str(started)),
                bool(completed),
                bool(finished),
                float(actual),
                float(planned),
            )
            for name, started, completed, finished, actual, planned in found
        ]
    except (sqlite3.Error, OSError, ValueError, TypeError):
        return None


def week_of(rows: list[Row], now: datetime, goal: int, *, planned_today: bool = False) -> Week:
    monday = week_start(now)
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    done = [row for row in rows if row.completed and row.started_at >= monday]
    return Week(
        done_today=any(row.started_at >= midnight for row in done),
        completed=len(done),
        goal=goal,
        days_left=7 - now.weekday(),
        planned_today=planned_today,
    )


def read_week(
    now: datetime, goal: int, *, planned_today: bool = False, path: Path | None = None
) -> Week | None:
    """The week as of `now` (timezone-aware, local); None when the log cannot be read."""
    rows = read_recent(now, path)
    return None if rows is None else week_of(rows, now, goal, planned_today=planned_today)


def _stamp(moment: datetime) -> str:
    """The history's own format: ISO 8601 in UTC, seconds, so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _parse(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
