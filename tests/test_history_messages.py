"""What a person reads when the history cannot be used: one message per kind of trouble."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sessions import a_session

from backcare_tui.core import history, history_db
from backcare_tui.core.errors import BackcareError

PATH = Path("/data/backcare/history.db")


def error(name: str, text: str = "disk I/O error") -> sqlite3.Error:
    failure = sqlite3.OperationalError(text)
    failure.sqlite_errorname = name
    return failure


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "SQLITE_BUSY",
            f"{PATH} is locked by another program and stayed locked for 10 s.",
        ),
        (
            "SQLITE_LOCKED_SHAREDCACHE",
            f"{PATH} is locked by another program and stayed locked for 10 s.",
        ),
        (
            "SQLITE_READONLY_DBMOVED",
            f"{PATH} is read-only; check its permissions and those of its folder.",
        ),
        ("SQLITE_FULL", f"the disk holding {PATH} is full; free some space."),
        (
            "SQLITE_CANTOPEN",
            f"cannot open {PATH}; check that it and its folder can be read and written.",
        ),
        (
            "SQLITE_PERM",
            f"cannot open {PATH}; check that it and its folder can be read and written.",
        ),
        ("SQLITE_IOERR_READ", f"{PATH}: disk I/O error."),
    ],
)
def test_each_kind_of_trouble_has_its_message(name: str, message: str) -> None:
    explained = history_db.explain(error(name), PATH)
    assert (explained.title, explained.message) == ("History unavailable", message)


@pytest.mark.parametrize(
    ("name", "damaged"),
    [
        ("SQLITE_CORRUPT", True),
        ("SQLITE_NOTADB", True),
        ("SQLITE_BUSY", False),
        ("SQLITE_FULL", False),
        ("", False),
    ],
)
def test_only_a_damaged_file_is_set_aside(name: str, damaged: bool) -> None:
    assert history_db.is_damaged(error(name)) is damaged


def test_an_error_without_a_sqlite_name_is_still_explained() -> None:
    plain = sqlite3.OperationalError("boom")
    assert history_db.explain(plain, PATH).message == f"{PATH}: boom."
    assert history_db.is_damaged(plain) is False


def test_a_lost_session_is_named_with_its_local_start_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        blocker = tmp_path / "file"
        blocker.write_text("")
        path = blocker / "history.db"
        start = datetime(2024, 3, 4, 8, 30, tzinfo=UTC)
        with pytest.raises(BackcareError) as raised:
            history.record_session(a_session(start, name="Desk break"), path)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert raised.value.title == "Session not saved"
    assert raised.value.message.startswith(
        "Desk break (2024-03-04 09:30) was not added to the history: "
        f"cannot create the folder {blocker}: "
    )


def test_changing_a_log_that_is_not_there_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    assert history.delete_session(1, path) is False
    assert history.update_session(1, path, note="x") is False
    assert not path.exists()


def test_stored_sessions_are_changed_by_id(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    start = datetime(2024, 3, 4, 8, 30, tzinfo=UTC)
    first, _ = history.record_session(a_session(start, name="Desk break"), path)
    assert history.update_session(first, path) is True  # nothing asked, nothing to do
    assert history.update_session(first, path, note="stiff", feedback="hard") is True
    assert history.update_session(first + 1, path, note="x") is False
    [stored] = history.load_history(path).sessions
    assert (stored.summary.note, stored.summary.feedback) == ("stiff", "hard")
    assert history.delete_session(first + 1, path) is False
    assert history.delete_session(first, path) is True
    assert history.load_history(path).sessions == []


@pytest.mark.parametrize("change", ["delete", "update", "completed"])
def test_a_damaged_log_is_set_aside_by_any_operation(tmp_path: Path, change: str) -> None:
    path = tmp_path / "history.db"
    path.write_bytes(b"this is not a database\n" * 200)
    if change == "delete":
        assert history.delete_session(1, path) is False
    elif change == "update":
        assert history.update_session(1, path, note="x") is False
    else:
        assert history.completed_sessions(path) == []
    assert len(list(tmp_path.glob("history.db.corrupt-*"))) == 1
    assert history_db.schema_version(path) == history_db.SCHEMA_VERSION
