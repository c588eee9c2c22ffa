"""What `list`, `check` and `show` leave out when they do not need it (docs/performance.md,
Start-up): the history modules without a log, the replay of levels without a session."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sessions import a_session

from backcare_tui.core.history import record_session
from backcare_tui.core.levels import is_progressing
from backcare_tui.core.library import routine_folders, scan
from backcare_tui.core.loader import parse_routine_text
from backcare_tui.core.practice import Practice, load_practice
from backcare_tui.core.session_summary import SessionSummary

ROOT = Path(__file__).parent.parent
PROGRESSING = """name = "X"
[[steps]]
name = "Plank"
hold = 20
progress = { hold = "+5s", hold_max = "40s" }
"""
HEAVY = ("sqlite3", "backcare_tui.core.history", "backcare_tui.core.progression")


def _loaded_after(argv: list[str], home: Path) -> set[str]:
    code = (
        "import sys, io, contextlib\n"
        "from backcare_tui.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({argv!r})\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    env = {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    )
    return set(filter(None, out.stdout.strip().split(",")))


def _a_session(name: str, days_ago: int) -> SessionSummary:
    start = datetime(2026, 11, 20, 9, tzinfo=UTC) - timedelta(days=days_ago)
    return a_session(start, name=name, planned=600, steps=5)


@pytest.mark.parametrize(
    "argv", [["list"], ["check", "routines"], ["show", "desk-break"], ["show", "--json", "x.toml"]]
)
def test_without_a_log_nothing_of_the_history_is_imported(tmp_path: Path, argv: list[str]) -> None:
    (tmp_path / "x.toml").write_text(PROGRESSING, encoding="utf-8")
    assert is_progressing(parse_routine_text(PROGRESSING, "x.toml"))
    argv = [str(tmp_path / a) if a.endswith(".toml") else a for a in argv]
    assert _loaded_after(argv, tmp_path) == set()


def test_show_replays_levels_but_reads_no_missing_log(tmp_path: Path) -> None:
    assert _loaded_after(["show", "core-support"], tmp_path) == {"backcare_tui.core.progression"}


def test_with_a_log_list_reads_it(tmp_path: Path) -> None:
    log = tmp_path / "data" / "backcare" / "history.db"
    log.parent.mkdir(parents=True)
    record_session(_a_session("Core support", 1), log)
    assert _loaded_after(["list"], tmp_path) == set(HEAVY)


def test_with_no_session_every_routine_is_at_the_files_level(isolated_home: Path) -> None:
    practice = load_practice()
    assert not practice.sessions
    practice.resets = {"core support": [datetime(2026, 1, 1, tzinfo=UTC)]}
    routines = [e.routine for e in scan(routine_folders()).entries if e.routine is not None]
    assert any(step.progress for routine in routines for step in routine.steps)
    for routine in routines:
        assert practice.at_level(routine) == practice.progressed(routine).routine == routine


def test_with_sessions_a_routine_is_at_its_level(isolated_home: Path) -> None:
    routines = {e.key: e.routine for e in scan(routine_folders()).entries}
    core = routines["core-support"]
    assert core is not None
    practice = Practice(sessions=[_a_session("Core support", n) for n in range(3)])
    grown = practice.at_level(core)
    assert grown != core
    assert grown == practice.progressed(core).routine
    assert practice.progressed(core).level == 1
