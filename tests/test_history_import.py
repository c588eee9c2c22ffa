"""breathe-cli's log into the history: each session once, completion by backcare's rule."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from import_samples import BREATHE_LOG, write
from terminal import history_file, terminal

from backcare_tui.core.completion import Completion
from backcare_tui.core.history import load_history
from backcare_tui.core.history_import import add_sessions_once
from backcare_tui.core.importers.breathe_log import read_breathe_log, session_summary
from backcare_tui.core.session_summary import SessionSummary


def rows(path: Path) -> list[tuple[str, str, str, float, int]]:
    with sqlite3.connect(path) as connection:
        return list(
            connection.execute(
                "SELECT started_at, routine_name, completion, actual_seconds, finished "
                "FROM sessions ORDER BY started_at"
            )
        )


@pytest.mark.script
def test_history_import_in_a_terminal_adds_each_session_once(tmp_path: Path) -> None:
    log = write(tmp_path, "breathe_log.csv", BREATHE_LOG)
    env = {**os.environ, "TZ": "UTC"}  # breathe-cli writes local time
    with terminal("history", "--import", str(log), env=env, columns=220) as term:
        assert term.wait_exit() == 0
        screen = term.text()
    assert "Added 3 breathing sessions" in screen and "1 completed, 1 partial, 1 stopped" in screen
    assert "1 session under 10 s left out" in screen
    expected = [
        ("2026-05-30T07:15:02+00:00", "Balanced 5-5 (breathe-cli)", "completed", 600.0, 1),
        ("2026-05-30T19:30:14+00:00", "Calm 4-6 (breathe-cli)", "stopped", 420.0, 0),
        ("2026-05-31T08:00:00+00:00", "Balanced 5-5 (breathe-cli)", "partial", 240.0, 1),
    ]
    assert rows(history_file()) == expected

    with terminal("history", "--import", str(log), env=env, columns=220) as term:
        assert term.wait_exit() == 0
        assert "3 sessions were already in the history (same start time)" in term.text()
    assert rows(history_file()) == expected

    log.write_text(BREATHE_LOG + "2026-06-01,06:45:00,calm,4-6,900,900,90,100,completed\n")
    with terminal("history", "--import", str(log), env=env, columns=220) as term:
        assert term.wait_exit() == 0
        assert "Added 1 breathing session" in term.text()
    assert len(rows(history_file())) == 4


@pytest.mark.script
def test_a_file_that_is_not_the_log_changes_nothing(tmp_path: Path) -> None:
    bad = write(tmp_path, "program.json", '{"ratio": {}}')
    with terminal("history", "--import", str(bad), columns=160) as term:
        assert term.wait_exit() == 1
        assert f"backcare history: {bad}: expected breathe-cli's log" in term.text()
    assert not history_file().exists()


def summaries() -> list[SessionSummary]:
    return [session_summary(s) for s in read_breathe_log(BREATHE_LOG.encode(), "log.csv", tz=UTC)]


def test_add_sessions_once_keys_on_the_start_time(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    first = add_sessions_once(summaries(), path)
    assert [s.completion for s in first.added] == [
        Completion.COMPLETED,
        Completion.STOPPED,
        Completion.PARTIAL,
    ]
    assert (first.already_there, first.too_short) == (0, 1)
    again = add_sessions_once(summaries(), path)
    assert (len(again.added), again.already_there) == (0, 3)
    stored = load_history(path).sessions
    assert [s.summary.started_at for s in stored][-1] == datetime(2026, 5, 30, 7, 15, 2, tzinfo=UTC)
    assert stored[0].summary.note.startswith("Imported from breathe-cli: 24 breaths, 40%")


def test_a_failed_import_adds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    add_sessions_once(summaries()[:1], path)
    broken = summaries()
    broken[2] = replace(broken[2], pain_before=11)  # refused by the store, after two inserts
    with pytest.raises(ValueError, match="pain is rated 0 to 10"):
        add_sessions_once(broken, path)
    assert len(rows(path)) == 1
