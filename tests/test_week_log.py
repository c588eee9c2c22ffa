"""This week's completed sessions, read straight from a real history file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sessions import a_session

from backcare_tui.core.due import Week
from backcare_tui.core.history import record_session
from backcare_tui.core.session_summary import SessionSummary
from backcare_tui.core.week_log import (
    read_recent,
    read_week,
    recent_query,
    week_of,
    week_start,
)

WEDNESDAY = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)


def session(start: datetime, *, finished: bool = True, played: float = 300.0) -> SessionSummary:
    return a_session(
        start, name="Desk break", planned=300.0, played=played, steps=5, finished=finished
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


def test_a_log_from_before_the_completion_column_counts_by_the_same_rule(
    tmp_path: Path,
) -> None:
    """Schema 2 (no `completion`): finished and at least half the planned time played.
    The log is only read: it stays at schema 2 (status bars never migrate it)."""
    from test_completion import make_v2

    path = tmp_path / "history.db"
    make_v2(path)  # 1 to 4 January 2024: played, skipped through, stopped, exactly half
    thursday = datetime(2024, 1, 4, 20, 0, tzinfo=UTC)
    rows = read_recent(thursday, path)
    assert rows is not None
    assert [(r.routine_name, r.completed, r.finished) for r in rows] == [
        ("Played", True, True),
        ("Skipped through", False, True),
        ("Stopped", False, False),
        ("Exactly half", True, True),
    ]
    week = read_week(thursday, 3, path=path)
    assert week is not None and (week.completed, week.done_today) == (2, True)
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (2,)
    connection.close()


def test_a_row_becomes_a_summary_of_what_was_played(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    record_session(session(WEDNESDAY, played=200.0), path)
    (row,) = read_recent(WEDNESDAY, path) or []
    assert row.summary() == SessionSummary(
        routine_name="Desk break",
        routine_path=None,
        routine_hash="",
        started_at=WEDNESDAY,
        ended_at=WEDNESDAY + timedelta(seconds=200),
        planned_seconds=300.0,
        actual_seconds=200.0,
        steps_done=0,
        steps_skipped=0,
        steps_total=0,
        finished=True,
    )


@pytest.mark.parametrize(
    ("now", "days_left"),
    [
        (datetime(2026, 11, 30, 0, 0, tzinfo=UTC), 7),
        (datetime(2026, 12, 2, 15, 0, tzinfo=UTC), 5),
        (datetime(2026, 12, 6, 23, 59, tzinfo=UTC), 1),
    ],
    ids=["Monday", "Wednesday", "Sunday"],
)
def test_the_week_counts_the_days_left_and_passes_the_goal_and_plan_on(
    tmp_path: Path, now: datetime, days_left: int
) -> None:
    for planned in (False, True):
        week = read_week(now, 4, planned_today=planned, path=tmp_path / "none.db")
        assert week == Week(False, 0, 4, days_left, planned)
    # Unless told (`remind now` does not say), no plan names a routine today.
    assert read_week(now, 4, path=tmp_path / "none.db") == Week(False, 0, 4, days_left, False)
    assert week_of([], now, 4) == Week(False, 0, 4, days_left, False)


INDIA = timezone(timedelta(hours=5, minutes=30))


def test_the_week_and_today_are_the_persons_not_utcs(tmp_path: Path) -> None:
    """Monday 00:30 in India is Sunday 19:00 UTC: Sunday's sessions there are last week."""
    path = tmp_path / "history.db"
    monday_early = datetime(2026, 11, 30, 0, 30, tzinfo=INDIA)
    record_session(session(datetime(2026, 11, 29, 23, 50, tzinfo=INDIA)), path)  # Sunday
    week = read_week(monday_early, 3, path=path)
    assert week is not None and (week.completed, week.done_today) == (0, False)
    record_session(session(datetime(2026, 11, 30, 0, 10, tzinfo=INDIA)), path)  # Monday
    week = read_week(monday_early, 3, path=path)
    assert week is not None and (week.completed, week.done_today) == (1, True)
    assert week_start(monday_early) == datetime(2026, 11, 30, tzinfo=INDIA)


@pytest.fixture
def in_berlin(machine_zone: Callable[[str], None]) -> None:
    """The machine's own zone is not UTC: the log's UTC stamps must not follow it."""
    machine_zone("Europe/Berlin")


LATE_WEDNESDAY = datetime(2026, 12, 2, 15, 42, 17, 250_000, tzinfo=UTC)


def test_four_weeks_back_starts_at_midnight(tmp_path: Path, in_berlin: None) -> None:
    """From midnight 28 days ago, to the second; earlier sessions are not read."""
    path = tmp_path / "history.db"
    first = datetime(2026, 11, 4, 0, 0, tzinfo=UTC)
    record_session(session(first), path)
    record_session(session(first - timedelta(seconds=1)), path)
    rows = read_recent(LATE_WEDNESDAY, path)
    assert rows is not None and [r.started_at for r in rows] == [first]


def test_the_week_starts_at_monday_midnight_and_today_at_midnight(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    record_session(session(datetime(2026, 11, 30, tzinfo=UTC)), path)  # Monday 00:00:00
    record_session(session(datetime(2026, 11, 29, 23, 59, 59, tzinfo=UTC)), path)  # Sunday
    week = read_week(LATE_WEDNESDAY, 3, path=path)
    assert week == Week(False, 1, 3, 5, False)
    record_session(session(datetime(2026, 12, 2, tzinfo=UTC)), path)  # Wednesday 00:00:00
    week = read_week(LATE_WEDNESDAY, 3, path=path)
    assert week == Week(True, 2, 3, 5, False)


def test_a_time_written_without_a_zone_is_read_as_utc(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    record_session(session(WEDNESDAY - timedelta(hours=1)), path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE sessions SET started_at = '2026-12-02T14:00:00'")
    connection.close()
    rows = read_recent(WEDNESDAY, path)
    assert rows is not None and [r.started_at for r in rows] == [WEDNESDAY - timedelta(hours=1)]


def test_a_database_without_the_sessions_table_reads_as_unknown(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE other (x)")
    connection.close()
    assert read_week(WEDNESDAY, 3, path=path) is None
