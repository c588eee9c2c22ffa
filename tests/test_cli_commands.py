"""Subcommands are registered without importing the other commands' modules."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from backcare_tui.cli.commands import NAMES, command_in
from backcare_tui.cli.main import build_parser


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ""),
        (["--ascii"], ""),
        (["list"], "list"),
        (["--ascii", "--reduced-motion", "show", "x"], "show"),
        (["--routines", "list", "run", "x"], "run"),
        (["--routines=/tmp", "stats"], "stats"),
        (["help"], None),
        (["--help"], None),
        (["-h", "list"], None),
        (["--version"], None),
        (["lst"], None),
        (["--rout", "/tmp", "list"], None),
        (["--routines"], None),
    ],
)
def test_command_in(argv: list[str], expected: str | None) -> None:
    assert command_in(argv) == expected


def test_whole_parser_has_every_command_in_order() -> None:
    parser = build_parser()
    help_text = parser.format_help()
    assert all(f"    {name}" in help_text for name in NAMES)
    one = build_parser("stats").format_help()
    assert "    stats" in one and "    history" in one and "    list" not in one


def test_list_imports_no_other_command() -> None:
    probe = (
        "import sys\n"
        "from backcare_tui.cli.main import main\n"
        "main(['list'])\n"
        "names = ('doctor', 'exporting', 'importing', 'history_cli', 'progress', 'remind',"
        " 'today', 'new_routine', 'help_cmd')\n"
        "loaded = sorted(n for n in names if 'backcare_tui.cli.' + n in sys.modules)\n"
        "print(loaded, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=dict(os.environ)
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "[]"
    assert "desk-break" in done.stdout
