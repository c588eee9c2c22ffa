"""The history's SQLite file: short connections, write transactions that take the
lock up front, and the schema, which carries its version in `PRAGMA user_version`
and only ever moves forward, one migration at a time, inside the same transaction
that bumps the version.

A file that SQLite calls corrupt or "not a database" is renamed aside (never
overwritten) and a fresh log is started; anything else that goes wrong (read-only,
locked, disk full) becomes a `BackcareError` that names the file and says what
happened, so a session end can report it and carry on. `history.py` and
`history_import.py` ask their questions through `run`.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from .completion import COMPLETED_SHARE
from .errors import BackcareError
from .history_rows import COLUMNS

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

T = TypeVar("T")

_SET_ASIDE_ERRORS = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})


def schema_version(path: Path) -> int:
    """The schema version of the log at `path` (0 for a new, empty file)."""
    with contextlib.closing(connect(path)) as connection:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])


def run(path: Path, notices: list[str], operation: Callable[[sqlite3.Connection], T]) -> T:
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
            with contextlib.closing(connect(path)) as connection:
                _migrate(connection, path)
                return operation(connection)
        except sqlite3.Error as error:
            if attempts and is_damaged(error):
                notices.append(set_aside(path))
                continue
            raise explain(error, path) from error


def connect(path: Path) -> sqlite3.Connection:
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


def insert(connection: sqlite3.Connection, values: tuple[object, ...]) -> int:
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


def write(connection: sqlite3.Connection, statement: str, values: Sequence[object]) -> int:
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


def is_damaged(error: sqlite3.Error) -> bool:
    return getattr(error, "sqlite_errorname", "") in _SET_ASIDE_ERRORS


def set_aside(path: Path) -> str:
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


def explain(error: sqlite3.Error, path: Path) -> BackcareError:
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
