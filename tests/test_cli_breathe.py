"""`backcare breathe`: options, plain output, errors, and the full screen through make_app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from backcare_tui.app import Outcome
from backcare_tui.cli import main as cli
from backcare_tui.core.breathing import BreathPattern
from backcare_tui.core.breathing_session import LengthError, breathing_routine, parse_length
from backcare_tui.core.model import Breathing, Routine


class Played:
    """Stands in for run_plain and the app: records what would have played."""

    def __init__(self) -> None:
        self.routine: Routine | None = None
        self.plain = False

    @property
    def breathing(self) -> Breathing:
        assert self.routine is not None
        action = self.routine.steps[0].action
        assert isinstance(action, Breathing)
        return action


@pytest.fixture
def played(monkeypatch: pytest.MonkeyPatch) -> Played:
    record = Played()

    def fake_plain(timeline: Any, title: str, out: Any, *args: Any, **kwargs: Any) -> int:
        record.routine = timeline.routine
        record.plain = True
        return 0

    class FakeApp:
        outcome = Outcome()

        def run(self) -> None:
            return None

    def fake_make_app(**kwargs: Any) -> FakeApp:
        record.routine = kwargs["start"]
        return FakeApp()

    monkeypatch.setattr("backcare_tui.cli.plain.run_plain", fake_plain)
    monkeypatch.setattr("backcare_tui.app.make_app", fake_make_app)
    return record


def test_defaults_are_diaphragmatic_for_five_minutes(played: Played) -> None:
    assert cli.main(["breathe"]) == 0
    assert not played.plain
    assert played.breathing.preset == "diaphragmatic"
    assert played.breathing.pattern == BreathPattern(4, 0, 6, 0)
    assert played.breathing.minutes == 5
    assert played.breathing.total_cycles == 30


def test_typed_pattern_and_cycles(played: Played) -> None:
    assert cli.main(["breathe", "--pattern", "4-7-8", "--cycles", "4", "--plain"]) == 0
    assert played.plain
    assert played.breathing.preset == "4-7-8"
    assert played.breathing.cycles == 4
    assert cli.main(["breathe", "--pattern", "5-2-7", "--minutes", "2.5"]) == 0
    assert played.breathing.preset is None
    assert played.breathing.pattern == BreathPattern(5, 2, 7, 0)
    assert played.breathing.minutes == 2.5
    assert played.routine is not None and played.routine.name == "Breathing 5-2-7"


def test_warnings_are_noted_but_do_not_stop(
    played: Played, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["breathe", "--pattern", "4-15-8", "--cycles", "2"]) == 0
    assert "Note: Long hold (15 s)" in capsys.readouterr().err
    assert played.breathing.cycles == 2


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--pattern", "calm"], "expected a preset (diaphragmatic, box, 4-7-8, coherent"),
        (["--pattern", "4-x"], 'expected numbers of seconds separated by "-"'),
        (["--minutes", "0"], "minutes must be more than 0, got 0"),
        (["--minutes", "lots"], 'expected minutes, got "lots"'),
        (["--cycles", "2.5"], 'expected a whole number of cycles, got "2.5"'),
        (["--cycles", "0"], "cycles must be from 1 to 500, got 0"),
        (["--minutes", "3", "--cycles", "4"], "not allowed with argument"),
    ],
)
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["breathe", *argv])
    assert caught.value.code == 2
    assert message in capsys.readouterr().err


def test_plain_session_prints_one_line_per_phase(isolated_home: Path) -> None:
    """Really played on the real clock: two breaths of 0.4 s, the lead-in set to none."""
    (isolated_home / "config" / "backcare").mkdir(parents=True)
    (isolated_home / "config" / "backcare" / "config.toml").write_text(
        "prepare_seconds = 0\nnotice_seen = true\n"  # the first-run notice is tested elsewhere
    )
    code = (
        "import sys\n"
        "from backcare_tui.cli.main import main\n"
        "sys.exit(main(['breathe', '--pattern', '0.2-0.2', '--cycles', '2', '--plain']))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, env=os.environ
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("Breathing 0.2-0.2:")
    assert len(lines) == 1 + 4 + 1 + 1  # with the step's instructions, once, after its first line
    assert "breathe in" in lines[1] and "cycle 1 of 2" in lines[1]
    assert lines[2].startswith("  How: Sit or lie comfortably")
    assert "breathe out" in lines[5] and "cycle 2 of 2" in lines[5]
    assert lines[-1].startswith("Finished in")


def test_plain_never_imports_textual(monkeypatch: pytest.MonkeyPatch) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from backcare_tui.cli import plain\n"
        "plain.run_plain = lambda *a, **k: 0\n"
        "from backcare_tui.cli.main import main\n"
        "main(['breathe', '--plain'])\n"
        "print(any(m.split('.')[0] == 'textual' for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "False"  # after the first-run notice


@pytest.mark.parametrize(
    ("text", "minutes", "cycles"),
    [
        ("5", 5.0, None),
        ("2.5 min", 2.5, None),
        ("1m30s", 1.5, None),
        ("90s", 1.5, None),
        ("20 cycles", None, 20),
        ("12c", None, 12),
        ("8 breaths", None, 8),
    ],
)
def test_lengths_people_type(text: str, minutes: float | None, cycles: int | None) -> None:
    assert parse_length(text) == (minutes, cycles)


@pytest.mark.parametrize("text", ["", "soon", "0", "-3", "500", "0 cycles", "5000c"])
def test_lengths_that_are_refused(text: str) -> None:
    with pytest.raises(LengthError):
        parse_length(text)


def test_session_routine_is_one_breathing_step() -> None:
    routine = breathing_routine(BreathPattern(4, 4, 4, 4), preset="box", cycles=3)
    assert routine.name == "Box breathing"
    assert len(routine.steps) == 1
    assert routine.steps[0].shape == "breathing"
    assert routine.description.startswith("Four equal parts")


def test_help_names_the_presets(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["breathe", "--help"])
    assert caught.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "usage: backcare breathe" in out
    assert "coherent (5.5-5.5)" in out
