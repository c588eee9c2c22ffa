"""This week's completed sessions, read straight from a real history file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from backcare_tui.core.history import record_session
from backcare_tui.core.session_summary import SessionSummary
from backcare_tui.core.week_log import read_recent, read_week, recent_query, week_start

WEDNESDAY = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)


def session(start: datetime, *, finished: bool = True, played: float = 300.0) -> SessionSummary:
    return SessionSummary(
        routine_name="Desk break",
        routine_path=None,
        routine_hash="x",
        started_at=start,
        ended_at=start + timedelta(seconds=played),
        planned_seconds=300.0,
        actual_seconds=played,
        steps_done=5,
        steps_skipped=0,
        steps_total=5,
        finished=finished,
    )


def test_missing_history_is_an_empty_week(tmp_path: Path) -> None:
    week = read_week(WEDNESDAY, 3, path=tmp_path / "none.db")
    assert week is not None
    assert (week.done_today, week.completed, week.days_left) == (False, 0, 5)
    assert not (tmp_path / "none.db").exists()


def test_counts_completed_sessions_of_this_week(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    record_session(session(WEDNESDAY - timedelta(days=3)), path)  # last Sunday
    record_session(session(WEDNESDAY - timedelta(days=2)), path)  # Monday
    record_session(session(WEDNESDAY - timedelta(days=1), finished=False), path)
    record_session(session(WEDNESDAY - timedelta(days=1), played=60), path)  # skipped through
    week = read_week(WEDNESDAY, 3, path=path)
    assert week is not None
    assert (week.done_today, week.completed, week.to_go) == (False, 1, 2)
    record_session(session(WEDNESDAY - timedelta(hours=2)), path)
    week = read_week(WEDNESDAY, 3, path=path)
    assert week is not None
    assert (week.done_today, week.completed) == (True, 2)


def test_uses_the_completion_column_when_the_log_has_it(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    record_session(session(WEDNESDAY - timedelta(hours=1)), path)
    with sqlite3.connect(path) as connection:
        # Schema 3 has the column; a value that disagrees with the times shows it is read.
        connection.execute("UPDATE sessions SET completion = 'partial'")
    week = read_week(WEDNESDAY, 3, path=path)
    assert week is not None and week.completed == 0


def test_corrupt_history_reads_as_unknown_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    path.write_bytes(b"this is not a database" * 100)
    assert read_week(WEDNESDAY, 3, path=path) is None
    assert path.read_bytes() == b"this is not a database" * 100


def test_query_uses_the_started_at_index(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    record_session(session(WEDNESDAY), path)
    with sqlite3.connect(path) as connection:
        for version in (2, 3):
            plan = connection.execute(f"EXPLAIN QUERY PLAN {recent_query(version)}", ("x",))
            assert "USING INDEX sessions_started_at" in str(plan.fetchall())


def test_week_start_is_monday_midnight() -> None:
    assert week_start(WEDNESDAY) == datetime(2026, 11, 30, tzinfo=UTC)


def test_recent_reads_four_weeks_for_favourites(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    record_session(session(WEDNESDAY - timedelta(days=27)), path)
    record_session(session(WEDNESDAY - timedelta(days=30)), path)
    rows = read_recent(WEDNESDAY, path)
    assert rows is not None
    assert [row.started_at for row in rows] == [WEDNESDAY - timedelta(days=27)]
    assert rows[0].summary().routine_name == "Desk break"
