"""`backcare show`, `run` and `progress` at the person's level."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from practice_files import PLANK_PRACTICE
from sessions import a_session
from terminal import mark_notice_seen

from backcare_tui.cli.main import main
from backcare_tui.core.history import load_history, record_session
from backcare_tui.core.resets import load_resets


@pytest.fixture
def practice(user_routines: Path) -> Path:
    path = user_routines / "plank-practice.toml"
    path.write_text(PLANK_PRACTICE)
    return path


def played(n: int, *, name: str = "Plank practice", finished: bool = True) -> None:
    start = datetime(2026, 11, 1, 9, tzinfo=UTC) + timedelta(days=n)
    record_session(a_session(start, name=name, played=None if finished else 20, finished=finished))


def test_show_prints_the_plan_at_the_persons_level(
    practice: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(4):
        played(n)
    played(5, finished=False)
    assert main(["show", "plank-practice"]) == 0
    out = capsys.readouterr().out
    assert "Hold 25s x3" in out
    assert "Total: 3m 39s" in out
    assert "Level 2 (from your history; level 0 is the file)" in out
    assert (
        "Plank: level 1 of 5 · hold 25s · was hold 20s · next: hold 30s after 2 more sessions"
        in out
    )
    assert (
        "Bird-dog: level 2 of 3 · 7 reps · was 5 reps · next: 8 reps after 2 more sessions" in out
    )


def test_show_of_a_routine_without_progress_has_no_levels(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", "desk-break"]) == 0
    assert "Level" not in capsys.readouterr().out


def test_progress_prints_the_history_of_levels(
    practice: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(3):
        played(n)
    played(3, name="Somebody else")
    assert main(["progress", "Plank practice"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Plank practice: level 1"
    assert lines[1].split() == ["When", "Session", "Plank", "Bird-dog"]
    assert [line.split()[2:] for line in lines[2:5]] == [
        ["completed", "0", "0"],
        ["completed", "0", "1"],
        ["completed", "1", "1"],
    ]
    assert lines[-2:] == [
        "Plank: hold 25s · next: hold 30s after 3 more sessions",
        "Bird-dog: 6 reps · next: 7 reps after 1 more session",
    ]


def test_reset_needs_yes_without_a_terminal_and_keeps_the_sessions(
    practice: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(3):
        played(n)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["progress", "plank-practice", "--reset"]) == 2
    assert "add --yes" in capsys.readouterr().err
    assert load_resets() == {}
    assert main(["progress", "plank-practice", "--reset", "--yes"]) == 0
    assert "Plank practice is back at level 0." in capsys.readouterr().out
    assert list(load_resets()) == ["plank practice"]
    assert len(load_history().sessions) == 3
    main(["show", "plank-practice"])
    assert "Hold 20s x3" in capsys.readouterr().out
    main(["progress", "plank-practice"])
    assert "reset to 0" in capsys.readouterr().out


@pytest.mark.script
def test_reset_asks_at_a_terminal(
    practice: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(3):
        played(n)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["progress", "plank-practice", "--reset"]) == 1
    assert "Nothing changed." in capsys.readouterr().out
    assert load_resets() == {}
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    assert main(["progress", "plank-practice", "--reset"]) == 0
    assert list(load_resets()) == ["plank practice"]


def test_progress_of_a_routine_without_progression(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress", "desk-break"]) == 0
    assert "Desk break has no progression" in capsys.readouterr().out


SHORT = """\
name = "Short hold"
prepare = 0

[[steps]]
name = "Wall sit"
hold = 10
progress = { hold = "+2s", hold_max = "20s", every = 2 }
"""


@pytest.mark.slow
@pytest.mark.script
def test_two_completed_runs_lengthen_the_third(tmp_path: Path) -> None:
    """The real console script, three times: the third plan is longer by the step."""
    mark_notice_seen()
    routine = tmp_path / "short.toml"
    routine.write_text(SHORT)
    script = Path(sys.executable).with_name("backcare")
    headers = []
    for _ in range(3):
        done = subprocess.run(
            [str(script), "run", "--plain", str(routine)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        headers.append(done.stdout.splitlines()[:2])
    assert (
        headers[0]
        == headers[1]
        == [
            "Short hold: 10s, 1 step. Press Ctrl+C to stop.",
            "[0:00] Wall sit - hold 10s",
        ]
    )
    assert headers[2] == [
        "Short hold: 12s, 1 step. Press Ctrl+C to stop.",
        "[0:00] Wall sit - hold 12s",
    ]
    sessions = load_history().sessions
    assert [s.summary.planned_seconds for s in reversed(sessions)] == [10, 10, 12]


def test_list_shows_the_time_at_the_persons_level(
    practice: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def time_of_practice() -> str:
        assert main(["list"]) == 0
        row = next(
            line for line in capsys.readouterr().out.splitlines() if "plank-practice" in line
        )
        return row.split("│")[3].strip()

    assert time_of_practice() == "2m 56s"
    for n in range(3):
        played(n)
    assert time_of_practice() == "3m 25s"
