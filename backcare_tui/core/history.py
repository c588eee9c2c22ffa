"""The session log: one SQLite row per session, finished or stopped early.

Every operation opens its own short connection, so nothing touches the
database at import or start-up, and two running apps never hold each other
up for longer than one write. Writes take the write lock up front
(`BEGIN IMMEDIATE`) and wait out a busy database instead of failing, which is
what lets two processes that end sessions at the same moment both keep them.

The schema carries its version in `PRAGMA user_version` and only ever moves
forward, one migration at a time, inside the same transaction that bumps the
version. A file that SQLite calls corrupt or "not a database" is renamed
aside (never overwritten) and a fresh log is started; anything else that
goes wrong (read-only, locked, disk full) becomes a `BackcareError` that
names the file and says what happened, so a session end can report it and
carry on.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from .completion import COMPLETED_SHARE, Completion
from .errors import BackcareError
from .paths import history_file
from .session_summary import FEEDBACK_VALUES, Feedback, SessionSummary

SCHEMA_VERSION = 3
BUSY_TIMEOUT_SECONDS = 10.0
"""How long a write waits for another backcare to finish its own (each takes milliseconds)."""

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
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
            finished INTEGER NOT NULL CHECK (finished IN (0, 1))
        )
        """,
        "CREATE INDEX sessions_started_at ON sessions (started_at)",
    ),
    2: (
        "ALTER TABLE sessions ADD COLUMN pain_before INTEGER "
        "CHECK (pain_before IS NULL OR pain_before BETWEEN 0 AND 10)",
        "ALTER TABLE sessions ADD COLUMN pain_after INTEGER "
        "CHECK (pain_after IS NULL OR pain_after BETWEEN 0 AND 10)",
        "ALTER TABLE sessions ADD COLUMN note TEXT NOT NULL DEFAULT ''",
    ),
    3: (
        # SQLite needs a default to add a NOT NULL column; every row is then
        # given its real value by the same rule the app uses (core/completion.py).
        "ALTER TABLE sessions ADD COLUMN completion TEXT NOT NULL DEFAULT 'stopped' "
        "CHECK (completion IN ('completed', 'partial', 'stopped'))",
        f"""
        UPDATE sessions SET completion = CASE
            WHEN finished = 0 THEN 'stopped'
            WHEN actual_seconds >= {COMPLETED_SHARE!r} * planned_seconds THEN 'completed'
            ELSE 'partial'
        END
        """,
        "ALTER TABLE sessions ADD COLUMN feedback TEXT "
        "CHECK (feedback IS NULL OR feedback IN ('easy', 'hard'))",
    ),
}
"""Version -> the statements that bring the schema from the version before to it."""

COLUMNS = (
    "routine_name",
    "routine_path",
    "routine_hash",
    "started_at",
    "ended_at",
    "planned_seconds",
    "actual_seconds",
    "steps_done",
    "steps_skipped",
    "steps_total",
    "finished",
    "pain_before",
    "pain_after",
    "note",
    "completion",
    "feedback",
)

T = TypeVar("T")

_SET_ASIDE_ERRORS = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})


@dataclass(frozen=True)
class StoredSession:
    """A session as the log holds it: the summary and its row id."""

    id: int
    summary: SessionSummary


@dataclass
class History:
    """What a read found, and anything the user should be told about the file."""

    sessions: list[StoredSession] = field(default_factory=list)
    """Newest first."""
    notices: list[str] = field(default_factory=list)


def record_session(summary: SessionSummary, path: Path | None = None) -> tuple[int, list[str]]:
    """Store one session; its row id and notices (a damaged log set aside).

    Raises `BackcareError` when the session could not be stored; the message
    says which session was lost and why, so the caller only has to show it.
    """
    path = path or history_file()
    values = _to_row(summary)
    notices: list[str] = []
    try:
        row_id = _run(path, notices, lambda connection: _insert(connection, values))
    except BackcareError as error:
        raise BackcareError(
            "Session not saved",
            f"{summary.routine_name} ({_when(summary.started_at)}) was not added to the "
            f"history: {error.message}",
        ) from error
    return row_id, notices


def load_history(path: Path | None = None, *, limit: int | None = None) -> History:
    """Sessions newest first (all of them, or the latest `limit`).

    A missing file is an empty history and is not created. Raises
    `BackcareError` when the log exists but cannot be read.
    """
    path = path or history_file()
    history = History()
    if not path.exists():
        return history
    query = f"SELECT id, {', '.join(COLUMNS)} FROM sessions ORDER BY started_at DESC, id DESC"
    parameters: tuple[int, ...] = ()
    if limit is not None:
        query += " LIMIT ?"
        parameters = (limit,)

    def read(connection: sqlite3.Connection) -> list[StoredSession]:
        return [_from_row(row) for row in connection.execute(query, parameters)]

    history.sessions = _run(path, history.notices, read)
    return history


def completed_sessions(
    path: Path | None = None,
    *,
    routine_name: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[StoredSession]:
    """Completed sessions, newest first: of one routine, and/or started in [since, until).

    The one question most features ask ("has this been done, and when?"),
    answered with the same rule everywhere. A missing file is no sessions.
    """
    path = path or history_file()
    if not path.exists():
        return []
    clauses, parameters = ["completion = ?"], [Completion.COMPLETED.value]
    if routine_name is not None:
        clauses.append("routine_name = ?")
        parameters.append(routine_name)
    if since is not None:
        clauses.append("started_at >= ?")
        parameters.append(_stamp(since))
    if until is not None:
        clauses.append("started_at < ?")
        parameters.append(_stamp(until))
    query = (
        f"SELECT id, {', '.join(COLUMNS)} FROM sessions WHERE {' AND '.join(clauses)} "
        "ORDER BY started_at DESC, id DESC"
    )

    def read(connection: sqlite3.Connection) -> list[StoredSession]:
        return [_from_row(row) for row in connection.execute(query, parameters)]

    return _run(path, [], read)


def delete_session(session_id: int, path: Path | None = None) -> bool:
    """Remove one session from the log; False when there was no such session."""
    path = path or history_file()
    if not path.exists():
        return False

    def delete(connection: sqlite3.Connection) -> bool:
        return _write(connection, "DELETE FROM sessions WHERE id = ?", (session_id,)) > 0

    return _run(path, [], delete)


def update_session(
    session_id: int,
    path: Path | None = None,
    *,
    note: str | None = None,
    feedback: Feedback | None = None,
    pain_after: int | None = None,
) -> bool:
    """Set what is said after a session (note, feedback, after-score) on its stored row.

    False when there was no such session. Fields left None are left as they are.
    """
    path = path or history_file()
    if not path.exists():
        return False
    assignments: list[str] = []
    values: list[object] = []
    if note is not None:
        assignments.append("note = ?")
        values.append(note)
    if feedback is not None:
        assignments.append("feedback = ?")
        values.append(_feedback(feedback))
    if pain_after is not None:
        assignments.append("pain_after = ?")
        values.append(_pain(pain_after))
    if not assignments:
        return True
    statement = f"UPDATE sessions SET {', '.join(assignments)} WHERE id = ?"

    def update(connection: sqlite3.Connection) -> bool:
        return _write(connection, statement, (*values, session_id)) > 0

    return _run(path, [], update)


def schema_version(path: Path) -> int:
    """The schema version of the log at `path` (0 for a new, empty file)."""
    with contextlib.closing(_connect(path)) as connection:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])


def _run(path: Path, notices: list[str], operation: Callable[[sqlite3.Connection], T]) -> T:
    """Run `operation` on an up-to-date log; a damaged file is set aside, once, and retried."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackcareError(
            "History unavailable", f"cannot create the folder {path.parent}: {error}"
        ) from error
    attempts = 2
    while True:
        attempts -= 1
        try:
            with contextlib.closing(_connect(path)) as connection:
                _migrate(connection, path)
                return operation(connection)
        except sqlite3.Error as error:
            if attempts and _is_damaged(error):
                notices.append(_set_aside(path))
                continue
            raise _explain(error, path) from error


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: we say BEGIN and COMMIT ourselves, so every write
    # is one explicit transaction that takes the write lock before it reads.
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the schema up to SCHEMA_VERSION; cheap (two reads) when it already is."""
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version != SCHEMA_VERSION:
        _check_not_newer(version, path)
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            _check_not_newer(version, path)
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[target]:
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    _use_wal(connection)


def _use_wal(connection: sqlite3.Connection) -> None:
    """WAL lets the stats screen read while another app writes.

    It is a property of the file, set once; switching needs the file to
    ourselves and SQLite does not wait for that, so when another backcare has
    it open we carry on in the default mode (just as safe) and try next time.
    """
    if connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        return
    with contextlib.suppress(sqlite3.OperationalError):
        connection.execute("PRAGMA journal_mode = WAL")


def _check_not_newer(version: int, path: Path) -> None:
    if version > SCHEMA_VERSION:
        raise BackcareError(
            "History from a newer backcare",
            f"{path} has schema version {version}; this backcare knows up to "
            f"{SCHEMA_VERSION}. Update backcare to use it; the file was left as it is.",
        )


def _insert(connection: sqlite3.Connection, values: tuple[object, ...]) -> int:
    placeholders = ", ".join("?" for _ in COLUMNS)
    connection.execute("BEGIN IMMEDIATE")
    try:
        cursor = connection.execute(
            f"INSERT INTO sessions ({', '.join(COLUMNS)}) VALUES ({placeholders})", values
        )
        connection.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _write(connection: sqlite3.Connection, statement: str, values: Sequence[object]) -> int:
    """One statement in its own write transaction; how many rows it changed."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        cursor = connection.execute(statement, tuple(values))
        connection.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise
    return cursor.rowcount


def _to_row(summary: SessionSummary) -> tuple[object, ...]:
    return (
        summary.routine_name,
        summary.routine_path,
        summary.routine_hash,
        _stamp(summary.started_at),
        _stamp(summary.ended_at),
        float(summary.planned_seconds),
        float(summary.actual_seconds),
        summary.steps_done,
        summary.steps_skipped,
        summary.steps_total,
        1 if summary.finished else 0,
        _pain(summary.pain_before),
        _pain(summary.pain_after),
        summary.note,
        summary.completion.value,
        _feedback(summary.feedback),
    )


def _from_row(row: Sequence[object]) -> StoredSession:
    (
        id_,
        name,
        path,
        hash_,
        started,
        ended,
        planned,
        actual,
        done,
        skipped,
        total,
        finished,
        before,
        after,
        note,
        _completion,  # derived again from the times, by the same rule
        feedback,
    ) = row
    return StoredSession(
        id=int(str(id_)),
        summary=SessionSummary(
            routine_name=str(name),
            routine_path=None if path is None else str(path),
            routine_hash=str(hash_),
            started_at=_parse(str(started)),
            ended_at=_parse(str(ended)),
            planned_seconds=float(str(planned)),
            actual_seconds=float(str(actual)),
            steps_done=int(str(done)),
            steps_skipped=int(str(skipped)),
            steps_total=int(str(total)),
            finished=bool(finished),
            pain_before=None if before is None else int(str(before)),
            pain_after=None if after is None else int(str(after)),
            note=str(note or ""),
            feedback=_feedback(None if feedback is None else str(feedback)),
        ),
    )


def _stamp(moment: datetime) -> str:
    """ISO 8601 in UTC, one fixed width, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("session times must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _parse(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _pain(value: int | None) -> int | None:
    if value is None:
        return None
    if not 0 <= value <= 10:
        raise ValueError(f"pain is rated 0 to 10, got {value}")
    return int(value)


def _feedback(value: str | None) -> Feedback | None:
    if value is None:
        return None
    for known in FEEDBACK_VALUES:
        if value == known:
            return known
    raise ValueError(f"feedback is one of {', '.join(FEEDBACK_VALUES)}, got {value!r}")


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _is_damaged(error: sqlite3.Error) -> bool:
    return getattr(error, "sqlite_errorname", "") in _SET_ASIDE_ERRORS


def _set_aside(path: Path) -> str:
    """Rename a damaged log (and its WAL files) aside, never over anything; say where."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    try:
        os.rename(path, target)
    except FileNotFoundError:
        pass  # another process set it aside first
    except OSError as error:
        raise BackcareError(
            "History damaged", f"{path} is damaged and cannot be moved aside: {error}"
        ) from error
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        with contextlib.suppress(OSError):
            os.rename(companion, target.with_name(target.name + suffix))
    return f"The history file was damaged; it was moved to {target} and a new history was started."


def _explain(error: sqlite3.Error, path: Path) -> BackcareError:
    name = getattr(error, "sqlite_errorname", "")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        message = (
            f"{path} is locked by another program and stayed locked for {BUSY_TIMEOUT_SECONDS:g} s."
        )
    elif name.startswith("SQLITE_READONLY"):
        message = f"{path} is read-only; check its permissions and those of its folder."
    elif name.startswith("SQLITE_FULL"):
        message = f"the disk holding {path} is full; free some space."
    elif name.startswith("SQLITE_CANTOPEN") or name.startswith("SQLITE_PERM"):
        message = f"cannot open {path}; check that it and its folder can be read and written."
    else:
        message = f"{path}: {error}."
    return BackcareError("History unavailable", message)
