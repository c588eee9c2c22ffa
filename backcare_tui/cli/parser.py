"""argparse's parser and help layout, with the terminal's width found without shutil.

argparse makes a help formatter for every argument it adds (to check its
metavar), and the formatter imports shutil for the width: with bz2, lzma and
zlib, about 2 ms of every plain command, which print no help at all. `Parser`
gives itself and every subparser a formatter that finds the same width by
the same rules (`shutil.get_terminal_size`'s; tests/test_cli_parser.py holds
them equal), so help and usage messages are unchanged.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

FALLBACK_COLUMNS = 80


def terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`: $COLUMNS, else stdout's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            stdout = sys.__stdout__
            if stdout is None:
                raise AttributeError("no stdout")
            columns = os.get_terminal_size(stdout.fileno()).columns or FALLBACK_COLUMNS
        except (AttributeError, ValueError, OSError):
            columns = FALLBACK_COLUMNS
    return columns


class Formatter(argparse.HelpFormatter):
    """argparse's own layout; only the width is found differently."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = terminal_columns() - 2  # what HelpFormatter takes off shutil's width
        super().__init__(prog, indent_increment, max_help_position, width)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose subparsers (argparse makes them of the same class) and
    help use `Formatter` unless told otherwise."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)
