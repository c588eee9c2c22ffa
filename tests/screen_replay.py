"""A small terminal emulator for tests that replay what the app sent: cursor moves, colours,
wide characters. Each cell keeps its character and the SGR parameters it was drawn with."""

from __future__ import annotations

import re

from rich.cells import cell_len

TOKEN = re.compile(
    r"\x1b\[(\d+);(\d+)H|\x1b\[([\d;]*)m|\x1b\[[?\d;$]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|(.)",
    re.DOTALL,
)
"""Cursor moves, colours, other CSI sequences and OSC strings (the window title: ignored)."""


class Terminal:
    """Just enough of a terminal for Textual's updates: cursor moves, colours, wide characters."""

    def __init__(self, columns: int, lines: int) -> None:
        self.cells: list[list[tuple[str, str]]] = [[(" ", "")] * columns for _ in range(lines)]
        self.x = self.y = 0
        self.sgr = ""

    def feed(self, data: str) -> None:
        for match in TOKEN.finditer(data):
            row, column, sgr, char = match.groups()
            if row is not None:
                self.y, self.x = int(row) - 1, int(column) - 1
            elif sgr is not None:
                self.sgr = "" if sgr in ("", "0") else sgr
            elif char == "\n":
                self.y += 1
            elif char == "\r":
                self.x = 0
            elif char is not None:
                self._put(char)

    def _put(self, char: str) -> None:
        line, x = self.cells[self.y], self.x
        if line[x][0] == "":  # the right half of a wide character: the whole character goes
            line[x - 1] = (" ", line[x - 1][1])
        width = cell_len(char)
        for cell in range(x, x + width):
            if cell + 1 < len(line) and line[cell + 1][0] == "" and cell == x + width - 1:
                line[cell + 1] = (" ", line[cell + 1][1])
        line[x] = (char, self.sgr)
        if width == 2:
            line[x + 1] = ("", self.sgr)
        self.x += width

    def text(self) -> list[str]:
        return ["".join(char for char, _ in line) for line in self.cells]
