"""What the log stores and gives back, and the values and files it refuses, in words."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sessions import a_session

from backcare_tui.core import history, history_db
from backcare_tui.core.errors import BackcareError

START = datetime(2024, 3, 4, 8, 30, tzinfo=UTC)


@pytest.fixture
def berlin(machine_zone: Callable[[str], None]) -> None:
    machine_zone("Europe/Berlin")


def test_times_are_stored_as_utc_text_whatever_the_local_zone(tmp_path: Path, berlin: None) -> None:
    path = tmp_path / "history.db"
    history.record_session(
        a_session(START, planned=300, routine_path="/routines/desk-break.toml"), path
    )
    with sqlite3.connect(path) as connection:
        row = connection.execute(
            "SELECT started_at, ended_at, routine_path FROM sessions"
        ).fetchone()
    connection.close()
    assert row == (
        "2024-03-04T08:30:00+00:00",
        "2024-03-04T08:35:00+00:00",
        "/routines/desk-break.toml",
    )
    [stored] = history.load_history(path).sessions
    assert stored.summary.started_at == START and stored.summary.started_at.tzinfo is not None
    assert stored.summary.routine_path == "/routines/desk-break.toml"


def test_a_time_stored_without_a_zone_is_read_as_utc(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    history.record_session(a_session(START), path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE sessions SET started_at = '2024-03-04T08:30:00'")
    connection.close()
    [stored] = history.load_history(path).sessions
    assert stored.summary.started_at == START
    assert stored.summary.started_at.utcoffset() == timedelta(0)


@pytest.mark.parametrize("pain", [0, 10])
def test_pain_from_0_to_10_is_kept(tmp_path: Path, pain: int) -> None:
    path = tmp_path / "history.db"
    history.record_session(a_session(START, pain_before=pain, pain_after=pain), path)
    [stored] = history.load_history(path).sessions
    assert (stored.summary.pain_before, stored.summary.pain_after) == (pain, pain)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"pain_before": -1}, "pain is rated 0 to 10, got -1"),
        ({"pain_after": 11}, "pain is rated 0 to 10, got 11"),
        ({"started_at": datetime(2024, 3, 4, 8, 30)}, "session times must be timezone-aware"),
    ],
)
def test_bad_values_are_refused_in_words(
    tmp_path: Path, changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError) as raised:
        history.record_session(a_session(START, **changes), tmp_path / "history.db")
    assert str(raised.value) == message


def test_unknown_feedback_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    row_id, _ = history.record_session(a_session(START), path)
    with pytest.raises(ValueError) as raised:
        history.update_session(row_id, path, feedback="meh")  # type: ignore[arg-type]
    assert str(raised.value) == "feedback is one of easy, hard, got 'meh'"


def test_a_log_from_a_newer_backcare_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    history.record_session(a_session(START), path)
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {history_db.SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(BackcareError) as raised:
        history.load_history(path)
    assert (raised.value.title, raised.value.message) == (
        "History from a newer backcare",
        f"{path} has schema version {history_db.SCHEMA_VERSION + 1}; this backcare knows up to "
        f"{history_db.SCHEMA_VERSION}. Update backcare to use it; the file was left as it is.",
    )


def test_the_first_session_makes_every_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "data" / "backcare" / "history.db"
    row_id, notices = history.record_session(a_session(START), path)
    assert (notices, [s.id for s in history.load_history(path).sessions]) == ([], [row_id])


def test_a_failed_change_says_why_and_keeps_the_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.db"
    row_id, _ = history.record_session(a_session(START), path)
    connect = history_db.connect

    def full(where: Path) -> sqlite3.Connection:
        connection = connect(where)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")
        return connection

    monkeypatch.setattr(history_db, "connect", full)
    with pytest.raises(BackcareError) as raised:
        history.update_session(row_id, path, note="x" * 50_000)
    assert (raised.value.title, raised.value.message) == (
        "History unavailable",
        f"the disk holding {path} is full; free some space.",
    )
    monkeypatch.undo()
    [stored] = history.load_history(path).sessions
    assert stored.summary.note == ""


def test_a_log_that_stays_damaged_is_set_aside_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.db"
    path.write_bytes(b"damaged")
    tries: list[Path] = []

    def always_damaged(where: Path) -> sqlite3.Connection:
        tries.append(where)
        where.write_bytes(b"damaged again")
        failure = sqlite3.DatabaseError("database disk image is malformed")
        failure.sqlite_errorname = "SQLITE_CORRUPT"
        raise failure

    monkeypatch.setattr(history_db, "connect", always_damaged)
    with pytest.raises(BackcareError) as raised:
        history.record_session(a_session(START), path)
    assert raised.value.message.endswith(f"{path}: database disk image is malformed.")
    assert (len(tries), len(list(tmp_path.glob("history.db.corrupt-*")))) == (2, 1)
