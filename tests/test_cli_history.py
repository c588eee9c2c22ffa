"""`backcare history` and `backcare stats`: tables for people, CSV and JSON for scripts."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from backcare_tui.cli.history_cli import FIELDS, stats_lines
from backcare_tui.cli.main import main
from backcare_tui.core.history import record_session
from backcare_tui.core.paths import history_file
from backcare_tui.core.session_summary import SessionSummary
from backcare_tui.core.stats import compute_stats

START = datetime(2024, 1, 1, 7, 0, tzinfo=UTC)


def session(n: int, **changes: Any) -> SessionSummary:
    values: dict[str, Any] = dict(
        routine_name=f"Routine {n}",
        routine_path=f"/routines/r{n}.toml",
        routine_hash=f"{n:016x}",
        started_at=START + timedelta(days=n),
        ended_at=START + timedelta(days=n, seconds=250),
        planned_seconds=300.0,
        actual_seconds=250.5,
        steps_done=3,
        steps_skipped=1,
        steps_total=5,
        finished=False,
    )
    values.update(changes)
    return SessionSummary(**values)


@pytest.fixture
def three_sessions() -> None:
    record_session(session(0, pain_before=6, pain_after=4, note='said "ok", then, left'))
    record_session(session(1, routine_path=None, finished=True, steps_skipped=0))
    record_session(session(2, routine_name="Ünïcode — routine"))


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.usefixtures("three_sessions")
def test_csv_has_a_header_and_every_session_oldest_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(["history", "--csv"], capsys)
    assert code == 0 and err == ""
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(FIELDS)
    assert [r["routine_name"] for r in rows] == ["Routine 0", "Routine 1", "Ünïcode — routine"]
    first = rows[0]
    assert first["started_at"] == "2024-01-01T07:00:00Z"
    assert first["ended_at"] == "2024-01-01T07:04:10Z"
    assert (first["planned_seconds"], first["actual_seconds"]) == ("300.0", "250.5")
    assert (first["steps_done"], first["steps_skipped"], first["steps_total"]) == ("3", "1", "5")
    assert first["finished"] == "false" and rows[1]["finished"] == "true"
    assert (first["pain_before"], first["pain_after"]) == ("6", "4")
    assert first["note"] == 'said "ok", then, left'
    assert rows[1]["routine_path"] == "" and rows[1]["pain_before"] == ""
    assert out.count("\n") == 4


@pytest.mark.usefixtures("three_sessions")
def test_json_is_an_array_of_typed_records(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["history", "--json"], capsys)
    assert code == 0
    records = json.loads(out)
    assert [r["id"] for r in records] == [1, 2, 3]
    assert all(list(r) == list(FIELDS) for r in records)
    first = records[0]
    assert first["finished"] is False
    assert [r["completion"] for r in records] == ["stopped", "completed", "stopped"]
    assert first["feedback"] is None
    assert first["actual_seconds"] == 250.5
    assert first["pain_before"] == 6
    assert records[1]["routine_path"] is None
    assert records[1]["pain_after"] is None
    assert records[2]["routine_name"] == "Ünïcode — routine"
    parsed = datetime.fromisoformat(first["started_at"].replace("Z", "+00:00"))
    assert parsed == START


@pytest.mark.usefixtures("three_sessions")
def test_delete_one_session_by_its_id(capsys: pytest.CaptureFixture[str]) -> None:
    from backcare_tui.core.history import load_history

    code, out, err = run(["history", "--delete", "2"], capsys)
    assert (code, err) == (0, "")
    assert out.startswith("Deleted session 2: Routine 1, ")
    assert [s.id for s in load_history().sessions] == [3, 1]
    code, out, err = run(["history", "--delete", "2"], capsys)
    assert code == 1 and out == "" and "no session with id 2" in err


def test_export_fields_are_the_row_id_and_the_database_columns() -> None:
    from backcare_tui.core.history_rows import COLUMNS

    assert ("id", *COLUMNS) == FIELDS


def test_exports_of_an_empty_history(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["history", "--json"], capsys)[1] == "[]\n"
    assert run(["history", "--csv"], capsys)[1] == ",".join(FIELDS) + "\n"
    assert "No sessions yet" in run(["history"], capsys)[1]
    assert not history_file().exists()


@pytest.mark.usefixtures("three_sessions")
def test_the_table_shows_recent_sessions_newest_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(["history"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Id", "When", "Routine", "Time", "Steps", "Pain"]
    assert "Ünïcode — routine" in lines[1] and lines[1].split()[0] == "3"
    assert "Routine 0" in lines[3] and "stopped" in lines[3] and "6 -> 4" in lines[3]
    assert lines[3].split()[0] == "1"
    assert "Routine 1" in lines[2] and " done " in lines[2]
    assert "4m 10s" in lines[3] and "3/5" in lines[3]
    _, out, _ = run(["history", "-n", "1"], capsys)
    assert len(out.splitlines()) == 2


def test_a_routine_name_cannot_reach_the_terminal_as_markup_or_escapes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    record_session(session(0, routine_name="[bold red]x[/] \x1b[31mred"))
    _, out, _ = run(["history"], capsys)
    assert "[bold red]x[/]" in out
    assert "\x1b" not in out


def test_a_damaged_history_is_reported_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    history_file().parent.mkdir(parents=True)
    history_file().write_bytes(b"garbage" * 500)
    code, out, err = run(["history", "--json"], capsys)
    assert code == 0 and out == "[]\n"
    assert "moved to" in err and ".corrupt-" in err


def test_a_newer_history_fails_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    record_session(session(0))
    with sqlite3.connect(history_file()) as connection:
        connection.execute("PRAGMA user_version = 99")
    connection.close()
    code, out, err = run(["stats"], capsys)
    assert code == 1
    assert "newer backcare" in err and out == ""


def test_stats_prints_the_week_the_streak_and_the_goal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    now = datetime.now(UTC)
    record_session(session(0, started_at=now, ended_at=now, finished=True))
    code, out, _ = run(["stats"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("This week (") and "1 of 3 sessions, 2 more to reach" in lines[0]
    assert lines[1] == "Streak: 0 weeks in a row meeting the goal."
    assert lines[2] == "In all: 4m 10s over 1 session."


def test_stats_lines_for_a_met_goal_and_a_broken_streak() -> None:
    now = datetime(2024, 1, 17, tzinfo=UTC)
    days = (0, 1, 2, 21, 22, 23, 28, 29, 30)
    sessions = [session(0, started_at=now - timedelta(days=d), finished=True) for d in days]
    lines = stats_lines(compute_stats(sessions, now=now, tz=UTC, goal=3))
    assert lines[0] == "This week (2024-W03): 3 sessions, goal 3 met."
    assert lines[1] == "Streak: 1 week in a row meeting the goal (best 2)."


@pytest.mark.parametrize("argv", [["history"], ["history", "--csv"], ["stats"]])
def test_history_commands_never_import_textual(argv: list[str]) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from backcare_tui.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({argv!r})\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
