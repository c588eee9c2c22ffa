"""The command line's small print, run as a person would: the real script in a terminal."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from terminal import SCRIPT, terminal


def _routines() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "backcare" / "routines"


def test_new_asks_before_taking_a_builtins_place() -> None:
    with terminal("new", "Desk break") as term:
        term.wait_for("Write it anyway? [y/N]")
        term.send("n\r")
        assert term.wait_exit() == 1
    assert not (_routines() / "desk-break.toml").exists()
    with terminal("new", "Desk break") as term:
        term.wait_for("Write it anyway? [y/N]")
        term.send("y\r")
        assert term.wait_exit() == 0
    assert 'name = "Desk break"' in (_routines() / "desk-break.toml").read_text()


def test_new_with_a_foreign_name_and_an_empty_one() -> None:
    made = subprocess.run([SCRIPT, "new", "Übung für Rücken"], capture_output=True, text=True)
    assert made.returncode == 0
    assert (_routines() / "ubung-fur-rucken.toml").is_file()
    empty = subprocess.run([SCRIPT, "new", ""], capture_output=True, text=True)
    assert empty.returncode == 2
    assert sorted(p.name for p in _routines().iterdir()) == ["ubung-fur-rucken.toml"]
    checked = subprocess.run([SCRIPT, "check", str(_routines())], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout


def test_run_a_misspelt_routine() -> None:
    with terminal("run", "desk-brake") as term:
        assert term.wait_exit() == 2
        assert "did you mean desk-break?" in term.text()
    history = Path(os.environ["XDG_DATA_HOME"]) / "backcare" / "history.db"
    assert not history.exists()


def test_help_format() -> None:
    done = subprocess.run([SCRIPT, "help", "format"], capture_output=True, text=True)
    assert done.returncode == 0
    assert "## Breathing patterns" in done.stdout


def test_list_ascii_fits_the_terminal() -> None:
    with terminal("list", "--ascii", columns=80) as term:
        assert term.wait_exit() == 0
        output = bytes(term.output).decode()
        screen = term.text()
    assert output.replace("\x1b", "").isascii()
    rows = [line for line in screen.splitlines() if line.startswith("| ")]
    assert any(row.startswith("| desk-break ") for row in rows)
    assert len(rows) == 1 + 7  # the heading and one line for each built-in, none wrapped
    assert all(len(row) <= 80 for row in rows)
