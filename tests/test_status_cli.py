"""`backcare status`: the one-line status through the real console script, and its cost."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sessions import a_session

from backcare_tui.cli import status as status_cli
from backcare_tui.core.history import record_session

SCRIPT = Path(sys.executable).with_name("backcare")
MONDAY_10 = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


def status(*args: str, when: datetime = MONDAY_10) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BACKCARE_NOW": when.isoformat(), "TZ": "UTC"}
    return subprocess.run(
        [str(SCRIPT), "status", *args], env=env, capture_output=True, text=True, timeout=60
    )


def played(start: datetime, name: str = "Desk break", *, finished: bool = True) -> None:
    seconds = None if finished else 100  # a stopped one played a third of its 5 minutes
    record_session(a_session(start, name=name, planned=300, played=seconds, finished=finished))


def config(home: Path, text: str) -> None:
    path = home / "config" / "backcare" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.script
def test_fresh_home_a_desk_break_is_due(isolated_home: Path) -> None:
    done = status()
    assert (done.returncode, done.stdout, done.stderr) == (0, "back 0/3 · desk break due\n", "")
    assert not (isolated_home / "data" / "backcare" / "history.db").exists()


@pytest.mark.script
def test_formats(isolated_home: Path) -> None:
    as_json = json.loads(status("--format", "json").stdout)
    assert as_json["text"] == "back 0/3 · desk break due"
    assert as_json["class"] == "due"
    assert "backcare run desk-break" in as_json["tooltip"]
    assert status("--format", "tmux").stdout == "#[fg=yellow]back 0/3 · desk break due#[default]\n"
    assert status("--format=tmux").stdout.startswith("#[fg=yellow]")


@pytest.mark.script
def test_done_today_then_goal_met(isolated_home: Path) -> None:
    played(MONDAY_10 - timedelta(hours=1))
    played(MONDAY_10 - timedelta(hours=2), finished=False)
    assert status().stdout == "back 1/3 · done today\n"
    tmux = status("--format", "tmux").stdout
    assert tmux == "#[fg=green]back 1/3 · done today#[default]\n"
    assert json.loads(status("--format", "json").stdout)["class"] == "done"
    played(MONDAY_10 + timedelta(days=1))
    played(MONDAY_10 + timedelta(days=2))
    thursday = status(when=MONDAY_10 + timedelta(days=3))
    assert thursday.stdout == "back 3/3\n"
    shown = json.loads(status("--format", "json", when=MONDAY_10 + timedelta(days=3)).stdout)
    assert (shown["class"], shown["tooltip"]) == ("ok", "3 of 3 this week: goal met")


@pytest.mark.script
def test_the_plan_names_the_routine(isolated_home: Path) -> None:
    config(isolated_home, 'plan = { mon = "posture-reset" }\nascii = true\n')
    assert status().stdout == "back 0/3 - posture reset due\n"


@pytest.mark.script
def test_corrupt_history_and_config_still_give_a_line(isolated_home: Path) -> None:
    history = isolated_home / "data" / "backcare" / "history.db"
    history.parent.mkdir(parents=True)
    history.write_bytes(b"not a database at all" * 200)
    config(isolated_home, "weekly_goal = [oops\n")
    done = status()
    assert (done.returncode, done.stdout) == (0, "back ?/3\n")
    assert history.read_bytes() == b"not a database at all" * 200
    shown = json.loads(status("--format", "json").stdout)
    assert shown == {
        "text": "back ?/3",
        "tooltip": "The session history cannot be read.",
        "class": "ok",
        "alt": "ok",
    }


@pytest.mark.script
def test_an_unknown_format_still_prints_text(isolated_home: Path) -> None:
    done = status("--format", "xml")
    assert (done.returncode, done.stdout) == (0, "back 0/3 · desk break due\n")


def test_status_imports_no_ui_and_no_routine_files() -> None:
    code = (
        "import sys\n"
        "from backcare_tui.cli.entry import main\n"
        "sys.argv = ['backcare', 'status']\n"
        "main()\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')\n"
        "             or m in ('backcare_tui.core.library', 'backcare_tui.core.timeline'))\n"
        "print(','.join(bad) or 'clean')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "clean"


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    seen: list[str] = []
    real_connect = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection: sqlite3.Connection = real_connect(*args, **kwargs)
        connection.set_trace_callback(seen.append)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)
    yield seen


def test_one_indexed_query(isolated_home: Path, statements: list[str]) -> None:
    played(MONDAY_10 - timedelta(days=3))
    statements.clear()
    line = status_cli.status_line(MONDAY_10)
    assert line.text == "back 0/3 · desk break due"
    reads = [s for s in statements if "sessions" in s]
    assert len(reads) == 1
    assert [s for s in statements if s not in reads] == ["PRAGMA user_version"]
