"""`backcare list`'s table written without Rich, looking as Rich drew it.

Importing `rich.console` and `rich.table` cost about 36 ms of `backcare
list` (docs/performance.md, 2026-11-28); this writes the same boxes (heavy
head, or ASCII), the same padding, the same cut with an ellipsis, and on a
terminal the same styles (bold head, italic title, bold red for broken
files; no colour with NO_COLOR; no styles at all on a dumb terminal).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import TextIO

HEAVY_HEAD = ("┏━┳┓", "┃┃┃", "┡━╇┩", "│││", "└─┴┘")
ASCII = ("+--+", "|||", "|-+|", "|||", "+--+")
RESET = "\x1b[0m"


def cell_len(text: str) -> int:
    """Columns `text` takes, as Rich counts them; printable ASCII is one a character,
    so Rich's width tables are loaded only for other text."""
    if text.isascii() and text.isprintable():
        return len(text)
    from rich.cells import cell_len as rich_cell_len

    return rich_cell_len(text)


def set_cell_size(text: str, total: int) -> str:
    """`text` cut or padded to `total` columns, by Rich's rules."""
    from rich.cells import set_cell_size as rich_set_cell_size

    return rich_set_cell_size(text, total)


class Out:
    """Where the lines go, how wide it is, and which styles it takes."""

    def __init__(self, stream: TextIO, pipe_width: int) -> None:
        self.stream = stream
        self.terminal = stream.isatty()
        term = os.environ.get("TERM", "").lower()
        dumb = self.terminal and term in ("dumb", "unknown")
        self.styled = self.terminal and not dumb
        self.colour = self.styled and "NO_COLOR" not in os.environ
        self.width = (80 if dumb else _terminal_width()) if self.terminal else pipe_width

    def style(
        self,
        text: str,
        *,
        bold: bool = False,
        dim: bool = False,
        italic: bool = False,
        red: bool = False,
    ) -> str:
        flags = (("1", bold), ("2", dim), ("3", italic), ("31", red and self.colour))
        codes = [c for c, on in flags if on]
        if not self.styled or not codes:
            return text
        return f"\x1b[{';'.join(codes)}m{text}{RESET}"

    def line(self, text: str = "") -> None:
        self.stream.write(text + "\n")

    def wrapped(self, text: str, *, bold: bool = False, dim: bool = False) -> None:
        """Text wrapped at spaces to the width, line by line, as Rich wrapped it
        (a pipe's width is `pipe_width`)."""
        for paragraph in strip_control(text).split("\n"):
            for part in wrap(paragraph, self.width):
                self.line(self.style(part, bold=bold, dim=dim))


CONTROL = {7: None, 8: None, 11: None, 12: None, 13: None}
"""What Rich's Text drops from any text it is given (bell, backspace, VT, FF, CR)."""


def strip_control(text: str) -> str:
    return text.translate(CONTROL)


def wrap(text: str, width: int) -> list[str]:
    """Rich's word wrap: a word keeps the spaces around it, a line keeps its
    trailing spaces up to `width`, a word longer than a line is cut into lines."""
    lines: list[str] = []
    line = ""
    for word in re.findall(r"\s*\S+\s*", text) or [text]:
        if line and cell_len(line + word.rstrip()) > width:
            lines.append(line)
            line = ""
        while cell_len(word.rstrip()) > width:
            lines.append(set_cell_size(word, width))
            word = word[len(set_cell_size(word, width)) :]
        line += word
    lines.append(line)
    return [part if cell_len(part) <= width else set_cell_size(part, width) for part in lines]


def _terminal_width() -> int:
    """As Rich finds it: COLUMNS, else the first of stdin, stdout, stderr that is a terminal."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return int(columns) or 80
    for fd in (0, 1, 2):
        try:
            return os.get_terminal_size(fd).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def plain_enough() -> bool:
    """False when the environment asks Rich for something this module does not copy
    (a forced terminal or colour); the caller then lets Rich draw."""
    return not any(os.environ.get(name) is not None for name in ("FORCE_COLOR", "TTY_COMPATIBLE"))


def fit_cell(text: str, width: int, *, ellipsis: bool, right: bool = False) -> str:
    """`text` in exactly `width` cells: cut at the end (with "…" unless `ellipsis` is off)."""
    if cell_len(text) > width:
        text = set_cell_size(text, width - 1) + "…" if ellipsis else set_cell_size(text, width)
    pad = " " * (width - cell_len(text))
    return pad + text if right else text + pad


def write_table(
    out: Out,
    titles: Sequence[str],
    widths: Sequence[int],
    rows: Sequence[Sequence[str]],
    *,
    ascii_only: bool,
    right: frozenset[str] = frozenset(),
    edge: bool = True,
) -> None:
    """A head row and one line a row, never wrapped; with `edge` a box around them."""
    top, head, rule, body, bottom = ASCII if ascii_only else HEAVY_HEAD

    def border(chars: str) -> str:
        inner = chars[2].join(chars[1] * (w + 2) for w in widths)
        return chars[0] + inner + chars[3] if edge else inner

    def row_line(chars: str, cells: list[str]) -> str:
        inner = chars[1].join(cells)
        return chars[0] + inner + chars[2] if edge else inner

    if edge:
        out.line(border(top))
    cells = [
        out.style(" ", bold=True)
        + out.style(
            fit_cell(strip_control(t), w, ellipsis=not ascii_only, right=t in right), bold=True
        )
        + out.style(" ", bold=True)
        for t, w in zip(titles, widths, strict=True)
    ]
    out.line(row_line(head, cells))
    out.line(border(rule))
    for row in rows:
        cells = [
            " " + fit_cell(strip_control(text), w, ellipsis=not ascii_only, right=t in right) + " "
            for text, t, w in zip(row, titles, widths, strict=True)
        ]
        out.line(row_line(body, cells))
    if edge:
        out.line(border(bottom))


def natural_widths(titles: Sequence[str], rows: Sequence[Sequence[str]]) -> list[int]:
    return [
        max([cell_len(title), *(cell_len(strip_control(row[i])) for row in rows)])
        for i, title in enumerate(titles)
    ]


def stdout(pipe_width: int) -> Out:
    return Out(sys.stdout, pipe_width)
