"""`backcare edit` and `backcare history --delete` through the real console script,
checked on disk: the routine file saved with its backup, the history row gone."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sessions import a_session
from terminal import ENTER, ESCAPE, SCRIPT, history_file, terminal

from backcare_tui.core.history import record_session
from backcare_tui.core.session_summary import SessionSummary

NECK = """\
format = 1
name = "Neck"

[[steps]]
name = "Chin tucks"
hold = 5
reps = 3
rest = 3
"""


def test_edit_saves_the_routine_and_keeps_the_old_file_in_the_backups(
    user_routines: Path,
) -> None:
    path = user_routines / "neck.toml"
    path.write_text(NECK, encoding="utf-8")
    with terminal("edit", "neck") as term:
        term.wait_for("Routine details", "Chin tucks", "No problems")
        term.send("\t")  # from the step list to the routine's name
        deadline = time.monotonic() + 15
        while "a Add" in term.text():  # the step list's keys leave the footer with its focus
            assert term.pump(wait=0.05) and time.monotonic() < deadline, term.text()
        term.send("\x1b[F")  # End: once the name has focus (focusing it selects its text)
        term.send(" and shoulders")
        term.wait_for("Neck and shoulders")
        term.send("\x13")  # Ctrl+S
        term.wait_for("The layout", "Save (Enter)")  # asked once: the layout changes
        term.send(ENTER)
        deadline = time.monotonic() + 15
        while "Neck and shoulders" not in path.read_text(encoding="utf-8"):
            assert term.pump(wait=0.05) and time.monotonic() < deadline, term.text()
        term.send(ESCAPE)
        assert term.wait_exit() == 0
        assert f"saved {path}".encode() in term.output  # printed after the screen is restored
    assert 'name = "Neck and shoulders"' in path.read_text(encoding="utf-8")
    backups = list((Path(os.environ["XDG_DATA_HOME"]) / "backcare" / "backups").rglob("*"))
    assert any(item.is_file() and item.read_text(encoding="utf-8") == NECK for item in backups)


def stored(n: int) -> SessionSummary:
    return a_session(
        datetime(2026, 11, 2, 8, 0, tzinfo=UTC) + timedelta(days=n), name=f"Routine {n}"
    )


def test_history_delete_removes_exactly_that_row_from_the_database() -> None:
    ids = [record_session(stored(n))[0] for n in range(3)]

    def backcare(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(SCRIPT), *args],
            capture_output=True,
            text=True,
            timeout=30,
            env=os.environ,
            stdin=subprocess.DEVNULL,
        )

    listed = json.loads(backcare("history", "--json").stdout)
    assert [row["id"] for row in listed] == ids
    done = backcare("history", "--delete", str(ids[1]))
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(history_file()) as db:
        left = db.execute("SELECT id, routine_name FROM sessions ORDER BY id").fetchall()
    assert left == [(ids[0], "Routine 0"), (ids[2], "Routine 2")]
    again = backcare("history", "--delete", str(ids[1]))
    assert again.returncode != 0 and str(ids[1]) in again.stderr
