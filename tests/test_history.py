"""The session log: schema migrations, concurrent writers, damaged files, clear failures."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sessions import a_session

from backcare_tui.core import history_db
from backcare_tui.core.errors import BackcareError
from backcare_tui.core.history import load_history, record_session
from backcare_tui.core.history_db import MIGRATIONS, SCHEMA_VERSION, schema_version
from backcare_tui.core.history_import import add_sessions_once
from backcare_tui.core.paths import history_file
from backcare_tui.core.session_summary import SessionSummary

START = datetime(2024, 3, 4, 8, 30, tzinfo=UTC)


def summary(n: int = 0, **changes: Any) -> SessionSummary:
    """Desk break `n` days after START, 5 minutes and 6 steps played through, with a
    routine file and a hash for the history to keep, unless told."""
    kept = {"routine_path": "/routines/desk-break.toml", "routine_hash": "0123456789abcdef"}
    start = START + timedelta(days=n)
    return a_session(start, name="Desk break", planned=300, steps=6, **(kept | changes))


def make_v1(path: Path, rows: int) -> None:
    """A database as the first release wrote it: no pain or note columns."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        for statement in MIGRATIONS[1]:
            connection.execute(statement)
        for n in range(rows):
            connection.execute(
                "INSERT INTO sessions (routine_name, routine_path, routine_hash, started_at, "
                "ended_at, planned_seconds, actual_seconds, steps_done, steps_skipped, "
                "steps_total, finished) VALUES (?, NULL, 'h', ?, ?, 120, 90.5, 2, 1, 4, 0)",
                (f"Old {n}", f"2023-12-3{n}T23:00:00+00:00", f"2023-12-3{n}T23:02:00+00:00"),
            )
        connection.execute("PRAGMA user_version = 1")
    connection.close()


def test_nothing_is_created_until_a_session_is_recorded() -> None:
    assert load_history().sessions == []
    assert not history_file().exists()
    record_session(summary())
    assert history_file().exists()


def test_a_new_log_gets_the_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    record_session(summary(), path)
    assert schema_version(path) == SCHEMA_VERSION
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_a_log_another_program_is_reading_is_read_and_switched_to_wal_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Switching to WAL needs the file to ourselves: while another program reads
    it, the sessions are read in the default mode and the switch waits."""
    monkeypatch.setattr(history_db, "BUSY_TIMEOUT_SECONDS", 0.05)
    path = tmp_path / "h.db"
    record_session(summary(), path)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM sessions").fetchone()
    names = [s.summary.routine_name for s in load_history(path).sessions]
    assert names == ["Desk break"]
    assert reader.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    reader.close()
    assert len(load_history(path).sessions) == 1
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    stopped = summary(
        routine_path=None,
        ended_at=START + timedelta(seconds=95),
        actual_seconds=83.25,
        steps_done=2,
        steps_skipped=1,
        finished=False,
        pain_before=6,
        pain_after=4,
        note="left shoulder tight",
    )
    row_id, notices = record_session(stopped, path)
    assert notices == []
    [stored] = load_history(path).sessions
    assert stored.id == row_id
    assert stored.summary == stopped


def test_times_are_stored_in_utc(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    local = datetime(2024, 1, 1, 0, 30, tzinfo=__import__("zoneinfo").ZoneInfo("Europe/Berlin"))
    record_session(summary(started_at=local, ended_at=local + timedelta(minutes=5)), path)
    with sqlite3.connect(path) as connection:
        started = connection.execute("SELECT started_at FROM sessions").fetchone()[0]
    connection.close()
    assert started == "2023-12-31T23:30:00+00:00"
    assert load_history(path).sessions[0].summary.started_at == local


def test_newest_first_and_limit(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    for n in (2, 0, 1):
        record_session(summary(n, routine_name=f"R{n}"), path)
    names = [s.summary.routine_name for s in load_history(path).sessions]
    assert names == ["R2", "R1", "R0"]
    assert [s.summary.routine_name for s in load_history(path, limit=2).sessions] == ["R2", "R1"]


def test_migrates_a_version_1_log_keeping_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    make_v1(path, rows=2)
    assert schema_version(path) == 1
    old = load_history(path).sessions
    assert schema_version(path) == SCHEMA_VERSION
    assert [s.summary.routine_name for s in old] == ["Old 1", "Old 0"]
    assert old[0].summary.actual_seconds == 90.5
    assert old[0].summary.finished is False
    assert (old[0].summary.pain_before, old[0].summary.pain_after, old[0].summary.note) == (
        None,
        None,
        "",
    )
    record_session(summary(pain_before=3, pain_after=2), path)
    assert len(load_history(path).sessions) == 3


def test_migrates_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    path.touch()
    record_session(summary(), path)
    assert schema_version(path) == SCHEMA_VERSION
    assert len(load_history(path).sessions) == 1


def test_a_newer_schema_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    record_session(summary(), path)
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(BackcareError, match="newer backcare"):
        load_history(path)
    with pytest.raises(BackcareError, match="was not added"):
        record_session(summary(), path)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("h.db")] == ["h.db"]
    assert schema_version(path) == SCHEMA_VERSION + 1


def test_a_migration_that_fails_half_way_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    """The second of migration 2's three columns goes in, the third is already there:
    the error says so and the file keeps its version 1 schema, nothing half added."""
    path = tmp_path / "h.db"
    make_v1(path, rows=1)
    with sqlite3.connect(path) as connection:
        connection.execute("ALTER TABLE sessions ADD COLUMN note TEXT")
    connection.close()
    with pytest.raises(BackcareError) as raised:
        record_session(summary(), path)
    assert raised.value.message == (
        "Desk break (2024-03-04 08:30) was not added to the history: "
        f"{path}: duplicate column name: note."
    )
    assert schema_version(path) == 1
    with sqlite3.connect(path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(sessions)")]
    connection.close()
    assert "pain_before" not in columns and columns[-1] == "note"


def test_a_garbage_file_is_set_aside_and_a_new_log_started(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    garbage = b"this is not a database\n" * 200
    path.write_bytes(garbage)
    row_id, notices = record_session(summary(), path)
    [aside] = [p for p in tmp_path.iterdir() if p.name.startswith("history.db.corrupt-")]
    assert aside.read_bytes() == garbage
    assert len(notices) == 1 and str(aside) in notices[0]
    assert [s.id for s in load_history(path).sessions] == [row_id]


def test_a_damaged_page_found_while_reading_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    for n in range(3):
        record_session(summary(n), path)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page : 2 * page] = b"\xff" * page  # the sessions table's root page
    path.write_bytes(bytes(data))
    found = load_history(path)
    assert found.sessions == []
    assert "moved to" in found.notices[0]
    assert (tmp_path / found.notices[0].split("moved to ")[1].split(" and")[0]).exists()
    assert path.exists() and schema_version(path) == SCHEMA_VERSION


def test_setting_aside_never_overwrites_an_earlier_copy(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    for n in range(3):
        path.write_bytes(b"garbage %d" % n * 100)
        record_session(summary(), path)
        path.write_bytes(b"garbage again %d" % n * 100)
        load_history(path)
    asides = sorted(p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name)
    assert len(asides) == 6


def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)


def test_a_read_only_log_can_be_read_and_refuses_writes_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.db"
    record_session(summary(), path)
    monkeypatch.setattr(history_db, "connect", _open_read_only)
    assert len(load_history(path).sessions) == 1
    with pytest.raises(BackcareError) as caught:
        record_session(summary(1), path)
    assert caught.value.title == "Session not saved"
    assert "read-only" in caught.value.message
    assert "Desk break" in caught.value.message
    assert path.exists() and not any(".corrupt-" in p.name for p in tmp_path.iterdir())


def test_a_locked_log_gives_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "history.db"
    record_session(summary(), path)
    monkeypatch.setattr(history_db, "BUSY_TIMEOUT_SECONDS", 0.01)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(BackcareError, match="locked by another program"):
            record_session(summary(1), path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    record_session(summary(2), path)
    assert len(load_history(path).sessions) == 2


def test_a_full_disk_gives_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "history.db"
    record_session(summary(), path)
    connect = history_db.connect

    def full(path: Path) -> sqlite3.Connection:
        connection = connect(path)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")
        return connection

    monkeypatch.setattr(history_db, "connect", full)
    big = summary(1, note="x" * 20_000)
    with pytest.raises(BackcareError, match="full"):
        record_session(big, path)
    monkeypatch.undo()
    assert len(load_history(path).sessions) == 1


@pytest.mark.parametrize(
    ("store", "title", "lead"),
    [
        (
            lambda path: record_session(summary(), path),
            "Session not saved",
            "Desk break (2024-03-04 08:30) was not added to the history: ",
        ),
        (lambda path: add_sessions_once([summary()], path), "History unavailable", ""),
    ],
    ids=["a session", "an import"],
)
def test_a_folder_that_cannot_be_made_gives_a_message(
    tmp_path: Path, store: Callable[[Path], object], title: str, lead: str
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(BackcareError) as raised:
        store(blocker / "backcare" / "history.db")
    assert raised.value.title == title
    assert raised.value.message.startswith(
        f"{lead}cannot create the folder {blocker / 'backcare'}: "
    )


def test_bad_values_are_refused_before_touching_the_file(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    with pytest.raises(ValueError, match="0 to 10"):
        record_session(summary(pain_after=11), path)
    with pytest.raises(ValueError, match="timezone"):
        record_session(summary(started_at=datetime(2024, 1, 1)), path)
    assert not path.exists()


WRITER = textwrap.dedent(
    """
    import sys
    from dataclasses import replace
    from datetime import UTC, datetime, timedelta
    from pathlib import Path
    from backcare_tui.core.history import record_session
    from backcare_tui.core.session_summary import SessionSummary

    who, count, path = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    start = datetime(2024, 1, 1, tzinfo=UTC)
    base = SessionSummary(who, None, "h", start, start, 60, 60, 1, 0, 1, True)
    sys.stdin.readline()  # both writers start together
    for n in range(count):
        at = start + timedelta(minutes=n)
        record_session(replace(base, started_at=at, ended_at=at), path)
    print("done")
    """
)


def test_two_processes_writing_at_once_both_keep_their_sessions(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    count = 40
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, who, str(count), str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("A", "B")
    ]
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err
        assert out.strip() == "done"
    sessions = load_history(path).sessions
    assert len(sessions) == 2 * count
    names = [s.summary.routine_name for s in sessions]
    assert names.count("A") == names.count("B") == count
    assert not any(".corrupt-" in p.name for p in tmp_path.iterdir())
