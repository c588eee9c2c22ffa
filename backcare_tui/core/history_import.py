"""Sessions logged by other tools, added to the history once each.

A session is known by its start time (to the second, in UTC): a row whose
start is already in the history is left out, so importing the same log
twice, or a log that grew since, adds only what is new. The whole import is
one transaction: all of it lands, or none of it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .completion import MIN_RECORDED_SECONDS, Completion
from .history_db import run
from .history_rows import COLUMNS, stamp, to_row
from .paths import history_file
from .session_summary import SessionSummary


@dataclass
class Added:
    """What an import did to the history."""

    added: list[SessionSummary] = field(default_factory=list)
    already_there: int = 0
    too_short: int = 0
    notices: list[str] = field(default_factory=list)

    def count(self, completion: Completion) -> int:
        return sum(1 for s in self.added if s.completion is completion)


def add_sessions_once(sessions: Sequence[SessionSummary], path: Path | None = None) -> Added:
    """Store the sessions whose start time the history does not have yet.

    Sessions under MIN_RECORDED_SECONDS of active time are not recorded, as
    backcare does for its own. Raises BackcareError when the history cannot
    be written; nothing is added then.
    """
    path = path or history_file()
    result = Added()
    wanted: list[SessionSummary] = []
    for session in sessions:
        if session.actual_seconds < MIN_RECORDED_SECONDS:
            result.too_short += 1
        else:
            wanted.append(session)

    def store(connection: sqlite3.Connection) -> None:
        connection.execute("BEGIN IMMEDIATE")
        try:
            seen = {row[0] for row in connection.execute("SELECT started_at FROM sessions")}
            placeholders = ", ".join("?" for _ in COLUMNS)
            insert = f"INSERT INTO sessions ({', '.join(COLUMNS)}) VALUES ({placeholders})"
            for session in wanted:
                started = stamp(session.started_at)
                if started in seen:
                    result.already_there += 1
                    continue
                seen.add(started)
                connection.execute(insert, to_row(session))
                result.added.append(session)
            connection.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
            result.added.clear()
            result.already_there = 0
            raise

    run(path, result.notices, store)
    return result
