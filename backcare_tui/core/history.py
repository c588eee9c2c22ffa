"""The session log: one SQLite row per session, finished or stopped early, and the
questions the app and the commands ask of it (record, read, the completed ones,
delete, update after the session).

Every operation opens its own short connection, so nothing touches the
database at import or start-up, and two running apps never hold each other
up for longer than one write. Writes take the write lock up front
(`BEGIN IMMEDIATE`) and wait out a busy database instead of failing, which is
what lets two processes that end sessions at the same moment both keep them.
The file itself (migrations, a damaged file set aside, errors that name the
file) is `history_db.py`; a session as a row is `history_rows.py`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .completion import Completion
from .errors import BackcareError
from .history_db import insert, run, write
from .history_rows import (
    COLUMNS,
    StoredSession,
    checked_feedback,
    checked_pain,
    from_row,
    stamp,
    to_row,
)
from .paths import history_file
from .session_summary import Feedback, SessionSummary


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
    values = to_row(summary)
    notices: list[str] = []
    try:
        row_id = run(path, notices, lambda connection: insert(connection, values))
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
        return [from_row(row) for row in connection.execute(query, parameters)]

    history.sessions = run(path, history.notices, read)
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
        parameters.append(stamp(since))
    if until is not None:
        clauses.append("started_at < ?")
        parameters.append(stamp(until))
    query = (
        f"SELECT id, {', '.join(COLUMNS)} FROM sessions WHERE {' AND '.join(clauses)} "
        "ORDER BY started_at DESC, id DESC"
    )

    def read(connection: sqlite3.Connection) -> list[StoredSession]:
        return [from_row(row) for row in connection.execute(query, parameters)]

    return run(path, [], read)


def delete_session(session_id: int, path: Path | None = None) -> bool:
    """Remove one session from the log; False when there was no such session."""
    path = path or history_file()
    if not path.exists():
        return False

    def delete(connection: sqlite3.Connection) -> bool:
        return write(connection, "DELETE FROM sessions WHERE id = ?", (session_id,)) > 0

    return run(path, [], delete)


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
        values.append(checked_feedback(feedback))
    if pain_after is not None:
        assignments.append("pain_after = ?")
        values.append(checked_pain(pain_after))
    if not assignments:
        return True
    statement = f"UPDATE sessions SET {', '.join(assignments)} WHERE id = ?"

    def update(connection: sqlite3.Connection) -> bool:
        return write(connection, statement, (*values, session_id)) > 0

    return run(path, [], update)


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
