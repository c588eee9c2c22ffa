"""cli/parser.py: argparse's help as argparse lays it out, the width found without shutil."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator

import pytest

from backcare_tui.cli.main import build_parser
from backcare_tui.cli.parser import terminal_columns


@pytest.mark.parametrize("columns", [None, "", "abc", "0", "-5", "1", "37", "120"])
@pytest.mark.parametrize("lines", [None, "0", "30"])
@pytest.mark.parametrize("terminal", [None, (0, 0), (0, 24), (91, 0), (132, 43)])
def test_the_width_is_shutils(
    monkeypatch: pytest.MonkeyPatch,
    columns: str | None,
    lines: str | None,
    terminal: tuple[int, int] | None,
) -> None:
    for name, value in (("COLUMNS", columns), ("LINES", lines)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)

    def size(fd: int = 1) -> os.terminal_size:
        if terminal is None:
            raise OSError("not a terminal")
        return os.terminal_size(terminal)

    monkeypatch.setattr(os, "get_terminal_size", size)
    assert terminal_columns() == shutil.get_terminal_size().columns


@pytest.mark.script
def test_no_stdout_is_shutils_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(sys, "__stdout__", None)
    assert terminal_columns() == shutil.get_terminal_size().columns == 80


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from _parsers(sub)


@pytest.mark.parametrize("columns", ["40", "80", "200"])
def test_every_help_and_usage_is_argparses_own(
    monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    parsers = list(_parsers(build_parser()))
    assert len(parsers) > 15
    for parser in parsers:
        ours = (parser.format_help(), parser.format_usage())
        parser.formatter_class = argparse.HelpFormatter
        assert (parser.format_help(), parser.format_usage()) == ours


@pytest.mark.script
def test_a_plain_command_does_not_import_shutil() -> None:
    code = (
        "import sys\n"
        "from backcare_tui.cli.main import build_parser\n"
        "build_parser('list').parse_args(['list'])\n"
        "print('shutil' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
