"""breathe-cli's log into the history: each session once, completion by backcare's rule."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from import_samples import BREATHE_LOG, write
from terminal import history_file, terminal

from backcare_tui.cli.main import main
from backcare_tui.core.completion import Completion
from backcare_tui.core.history import load_history, record_session
from backcare_tui.core.history_import import Added, add_sessions_once
from backcare_tui.core.importers.breathe_log import read_breathe_log, session_summary
from backcare_tui.core.paths import display_path
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


@pytest.fixture
def in_utc(machine_zone: Callable[[str], None]) -> None:
    """breathe-cli writes local time: read it as the pty test does, with TZ=UTC."""
    machine_zone("UTC")


def test_history_import_says_what_it_added_and_left_out_word_for_word(
    tmp_path: Path, in_utc: None, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(tmp_path, "breathe_log.csv", BREATHE_LOG)
    shown = display_path(log)
    assert main(["history", "--import", str(log)]) == 0
    assert capsys.readouterr().out == (
        f"Added 3 breathing sessions from {shown}: 1 completed, 1 partial, 1 stopped.\n"
        "1 session under 10 s left out: backcare does not record those.\n"
    )
    log.write_text(BREATHE_LOG + "2026-06-01,06:45:00,calm,4-6,900,900,90,100,completed\n")
    assert main(["history", "--import", str(log)]) == 0
    assert capsys.readouterr().out == (
        f"Added 1 breathing session from {shown}: 1 completed.\n"
        "3 sessions were already in the history (same start time) and left out.\n"
        "1 session under 10 s left out: backcare does not record those.\n"
    )
    assert len(rows(history_file())) == 4


def played(seconds: float, at: datetime, **changes: object) -> SessionSummary:
    return replace(
        summaries()[0],
        started_at=at,
        ended_at=at + timedelta(seconds=seconds),
        actual_seconds=seconds,
        **changes,  # type: ignore[arg-type]
    )


AT = datetime(2026, 5, 1, 7, 0, 0, tzinfo=UTC)


def test_the_shortest_session_recorded_is_10_seconds(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    added = add_sessions_once(
        [
            played(10.0, AT),
            played(9.99, AT + timedelta(hours=1)),
            played(0, AT + timedelta(hours=2)),
        ],
        path,
    )
    assert [s.actual_seconds for s in added.added] == [10.0]
    assert (added.already_there, added.too_short) == (0, 2)
    assert [r[0] for r in rows(path)] == ["2026-05-01T07:00:00+00:00"]


def test_a_start_time_is_known_to_the_second_in_the_log_and_in_the_import(
    tmp_path: Path,
) -> None:
    """Backcare's own session at 07:00:00, and the import's at 07:00:00.4 and twice at 08:00."""
    path = tmp_path / "history.db"
    record_session(played(300, AT, routine_name="Desk break"), path)
    added = add_sessions_once(
        [
            played(60, AT + timedelta(microseconds=400_000)),
            played(60, AT + timedelta(hours=1)),
            played(90, AT + timedelta(hours=1, microseconds=1)),
        ],
        path,
    )
    assert [(s.started_at, s.actual_seconds) for s in added.added] == [
        (AT + timedelta(hours=1), 60)
    ]
    assert (added.already_there, added.too_short, added.notices) == (2, 0, [])
    assert [(r[0], r[3]) for r in rows(path)] == [
        ("2026-05-01T07:00:00+00:00", 300.0),
        ("2026-05-01T08:00:00+00:00", 60.0),
    ]


def test_count_tells_each_kind_of_session_apart(tmp_path: Path) -> None:
    added = add_sessions_once(summaries(), tmp_path / "history.db")
    assert [added.count(kind) for kind in Completion] == [1, 1, 1]
    assert added.count(Completion.COMPLETED) == 1
    assert Added().count(Completion.COMPLETED) == 0


def test_a_damaged_log_is_set_aside_and_the_import_goes_into_a_new_one(
    isolated_home: Path,
) -> None:
    path = history_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a database " * 200)
    added = add_sessions_once(summaries())  # the usual log when no path is given
    assert len(added.added) == 3
    (notice,) = added.notices
    assert notice.startswith(f"The history file was damaged; it was moved to {path}.corrupt-")
    assert len(rows(path)) == 3


def test_a_log_found_damaged_half_way_through_an_import_counts_only_the_new_log(
    tmp_path: Path,
) -> None:
    """The log's index reads fine but its table is damaged: the first try sees one session
    as already there, then fails on writing. The log is set aside and the import runs again
    on a new one, where nothing is already there: it must not say otherwise."""
    path = tmp_path / "history.db"
    record_session(played(300, AT), path)
    with sqlite3.connect(path) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        (table_page,) = connection.execute(
            "SELECT pageno FROM dbstat WHERE name = 'sessions'"
        ).fetchone()
    connection.close()
    with path.open("r+b") as handle:  # the table's only page: no longer a b-tree page
        handle.seek((table_page - 1) * page_size)
        handle.write(b"\x00")
    added = add_sessions_once([played(60, AT), played(60, AT + timedelta(hours=1))], path)
    assert (len(added.added), added.already_there, added.too_short) == (2, 0, 0)
    (notice,) = added.notices
    assert notice.startswith(f"The history file was damaged; it was moved to {path}.corrupt-")
    assert [(r[0], r[3]) for r in rows(path)] == [
        ("2026-05-01T07:00:00+00:00", 60.0),
        ("2026-05-01T08:00:00+00:00", 60.0),
    ]
