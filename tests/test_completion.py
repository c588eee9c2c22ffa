"""What counts as done: the rule, the history's migration 3 from a real v2 file, the queries."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sessions import a_session

from backcare_tui.core.completion import (
    MIN_RECORDED_SECONDS,
    Completion,
    completion_of,
    worth_recording,
)
from backcare_tui.core.history import (
    completed_sessions,
    delete_session,
    load_history,
    record_session,
    update_session,
)
from backcare_tui.core.history_db import schema_version
from backcare_tui.core.session_summary import SessionSummary

START = datetime(2024, 3, 4, 8, 30, tzinfo=UTC)

V2_SCHEMA = (
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        routine_name TEXT NOT NULL,
        routine_path TEXT,
        routine_hash TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL,
        planned_seconds REAL NOT NULL,
        actual_seconds REAL NOT NULL,
        steps_done INTEGER NOT NULL,
        steps_skipped INTEGER NOT NULL,
        steps_total INTEGER NOT NULL,
        finished INTEGER NOT NULL CHECK (finished IN (0, 1)),
        pain_before INTEGER CHECK (pain_before IS NULL OR pain_before BETWEEN 0 AND 10),
        pain_after INTEGER CHECK (pain_after IS NULL OR pain_after BETWEEN 0 AND 10),
        note TEXT NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX sessions_started_at ON sessions (started_at)",
)
"""The schema as the release before completion wrote it, spelled out, not taken from the code."""


def summary(n: int = 0, **changes: Any) -> SessionSummary:
    """Desk break `n` days after START: 5 minutes played through, unless told."""
    return a_session(START + timedelta(days=n), name="Desk break", planned=300, **changes)


def make_v2(path: Path) -> None:
    """A v2 log with one finished, one skipped-through and one stopped session."""
    rows = [
        # name, planned, actual, finished
        ("Played", 300.0, 290.0, 1),
        ("Skipped through", 300.0, 40.0, 1),
        ("Stopped", 300.0, 200.0, 0),
        ("Exactly half", 300.0, 150.0, 1),
    ]
    with sqlite3.connect(path) as connection:
        for statement in V2_SCHEMA:
            connection.execute(statement)
        for n, (name, planned, actual, finished) in enumerate(rows):
            connection.execute(
                "INSERT INTO sessions (routine_name, routine_path, routine_hash, started_at, "
                "ended_at, planned_seconds, actual_seconds, steps_done, steps_skipped, "
                "steps_total, finished, pain_before, pain_after, note) "
                "VALUES (?, NULL, 'h', ?, ?, ?, ?, 2, 1, 4, ?, 3, 2, 'old note')",
                (
                    name,
                    f"2024-01-0{n + 1}T08:00:00+00:00",
                    f"2024-01-0{n + 1}T08:05:00+00:00",
                    planned,
                    actual,
                    finished,
                ),
            )
        connection.execute("PRAGMA user_version = 2")
    connection.close()


def test_the_rule() -> None:
    assert completion_of(reached_end=True, active_seconds=150, planned_seconds=300) == "completed"
    assert completion_of(reached_end=True, active_seconds=149, planned_seconds=300) == "partial"
    assert completion_of(reached_end=False, active_seconds=900, planned_seconds=300) == "stopped"
    assert not worth_recording(MIN_RECORDED_SECONDS - 0.01)
    assert worth_recording(MIN_RECORDED_SECONDS)


def test_summary_completion_follows_its_times() -> None:
    assert summary().completion is Completion.COMPLETED and summary().completed
    skipped = summary(actual_seconds=20.0)
    assert skipped.completion is Completion.PARTIAL and not skipped.completed
    assert summary(finished=False).completion is Completion.STOPPED


def test_migration_3_fills_completion_for_every_old_row(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    make_v2(path)
    assert schema_version(path) == 2
    stored = {s.summary.routine_name: s.summary for s in load_history(path).sessions}
    assert schema_version(path) == 3
    with sqlite3.connect(path) as connection:
        columns = {row[1]: row for row in connection.execute("PRAGMA table_info(sessions)")}
        on_disk = dict(connection.execute("SELECT routine_name, completion FROM sessions"))
    connection.close()
    assert columns["completion"][3] == 1  # NOT NULL
    assert columns["feedback"][3] == 0
    assert on_disk == {
        "Played": "completed",
        "Skipped through": "partial",
        "Stopped": "stopped",
        "Exactly half": "completed",
    }
    assert {name: s.completion.value for name, s in stored.items()} == on_disk
    assert all(s.feedback is None and s.note == "old note" for s in stored.values())
    assert stored["Played"].pain_before == 3


def test_new_rows_store_completion_and_feedback(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    record_session(summary(actual_seconds=20.0, feedback="easy"), path)
    [stored] = load_history(path).sessions
    assert stored.summary.feedback == "easy"
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT completion, feedback FROM sessions").fetchone() == (
            "partial",
            "easy",
        )
    connection.close()
    with pytest.raises(sqlite3.IntegrityError), sqlite3.connect(path) as connection:
        connection.execute("UPDATE sessions SET feedback = 'meh'")
    connection.close()


def test_completed_sessions_by_routine_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    assert completed_sessions(path) == []
    record_session(summary(0), path)
    record_session(summary(1, routine_name="Other"), path)
    record_session(summary(2, finished=False), path)
    record_session(summary(3, actual_seconds=30.0), path)
    record_session(summary(4), path)
    days = [s.summary.started_at.day - START.day for s in completed_sessions(path)]
    assert days == [4, 1, 0]
    mine = completed_sessions(path, routine_name="Desk break")
    assert [s.summary.started_at for s in mine] == [START + timedelta(days=4), START]
    window = completed_sessions(
        path, since=START + timedelta(days=1), until=START + timedelta(days=4)
    )
    assert [s.summary.routine_name for s in window] == ["Other"]


def test_delete_and_update_one_session(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    keep, _ = record_session(summary(0), path)
    drop, _ = record_session(summary(1), path)
    assert update_session(keep, path, note="felt stiff", feedback="hard")
    assert update_session(keep, path, pain_after=4)
    assert delete_session(drop, path)
    assert not delete_session(drop, path)
    assert not update_session(drop, path, note="gone")
    [left] = load_history(path).sessions
    assert (left.id, left.summary.note, left.summary.feedback) == (keep, "felt stiff", "hard")
    assert left.summary.pain_after == 4
