"""The side of a sided exercise, and SWITCH SIDES, as a band readable from the mat.

Three rows of bold, high-contrast words with an arrow that points the way,
so the side is clear at two metres and without colour. Hidden for steps
that have no side.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ..core.timeline import Phase, PhaseKind


def side_words(phase: Phase, next_side: str | None, *, ascii_only: bool = False) -> str:
    """ "◀  LEFT SIDE", "RIGHT SIDE  ▶", "TURN TO THE RIGHT SIDE  ▶"; "" for no side."""
    left, right = ("<", ">") if ascii_only else ("◀", "▶")
    if phase.kind is PhaseKind.SWITCH:
        if next_side == "left":
            return f"{left}  TURN TO THE LEFT SIDE"
        return f"TURN TO THE {(next_side or 'other').upper()} SIDE  {right}"
    if phase.side is None or phase.kind not in (PhaseKind.HOLD, PhaseKind.REST):
        return ""
    if phase.side == "left":
        return f"{left}  LEFT SIDE"
    return f"RIGHT SIDE  {right}"


class SideBand(Static):
    """Shows `side_words`; the `-left`, `-right` and `-switch` classes colour it."""

    DEFAULT_CSS = """
    SideBand {
        height: 3;
        content-align: center middle;
        text-style: bold;
        background: $foreground;
        color: $background;
    }
    SideBand.-switch {
        background: $accent;
        color: $background;
    }
    """

    def __init__(self, *, ascii_only: bool = False, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.ascii_only = ascii_only
        self._words = ""

    def show(self, phase: Phase, next_side: str | None) -> None:
        words = side_words(phase, next_side, ascii_only=self.ascii_only)
        if words == self._words:
            return
        self._words = words
        self.display = bool(words)
        kind = "switch" if phase.kind is PhaseKind.SWITCH else (phase.side or "")
        for name in ("left", "right", "switch"):
            self.set_class(name == kind and bool(words), f"-{name}")
        self.update(Text(words))
