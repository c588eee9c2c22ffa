"""The steps of a session marked done, skipped, current or upcoming, the current one in view.

Drawn as a window of lines rather than a scrolling list of widgets: a
session of a hundred steps costs the same as one of five, and the current
step is always visible without scrolling by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.console import RenderableType
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from ..core.durations import format_length
from ..core.text import clean_line
from ..core.timeline import StepSpan, step_length

MARKS = {"done": "✓", "skipped": "–", "current": "▶", "upcoming": " "}
ASCII_MARKS = {"done": "x", "skipped": "-", "current": ">", "upcoming": " "}


def status(index: int, current: int, skipped: frozenset[int] = frozenset()) -> str:
    if index < current:
        return "skipped" if index in skipped else "done"
    return "current" if index == current else "upcoming"


def visible_window(count: int, current: int, height: int) -> range:
    """Rows to draw: the current step a third of the way down, so what comes next shows."""
    if height <= 0:
        return range(0)
    if count <= height:
        return range(count)
    first = min(max(current - height // 3, 0), count - height)
    return range(first, first + height)


class SessionSteps(Widget):
    """Attributes down: the player screen calls `show()` when the step changes."""

    DEFAULT_CSS = """
    SessionSteps > .session-steps--done {
        color: $text-muted;
    }
    SessionSteps > .session-steps--skipped {
        color: $text-muted;
        text-style: strike;
    }
    SessionSteps > .session-steps--current {
        background: $bc-current-step-background;
        color: $bc-current-step-text;
        text-style: bold;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "session-steps--done",
        "session-steps--skipped",
        "session-steps--current",
        "session-steps--upcoming",
    }
    """
    | Class | Description |
    | :- | :- |
    | `session-steps--done` | A step played before the current one. |
    | `session-steps--skipped` | A step skipped before the current one. |
    | `session-steps--current` | The step playing now. |
    | `session-steps--upcoming` | A step still to come. |
    """

    def __init__(
        self, *, ascii_only: bool = False, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.ascii_only = ascii_only
        self._steps: tuple[StepSpan, ...] = ()
        self._current = 0
        self._skipped: frozenset[int] = frozenset()

    def show(
        self, steps: Sequence[StepSpan], current: int, skipped: frozenset[int] = frozenset()
    ) -> None:
        """`skipped`: steps left undone before `current`; the others before it were done."""
        steps = tuple(steps)
        if (steps, current, skipped) != (self._steps, self._current, self._skipped):
            grew = len(steps) != len(self._steps)
            self._steps, self._current, self._skipped = steps, current, skipped
            self.refresh(layout=grew)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(len(self._steps), 1)

    def render(self) -> RenderableType:
        width, height = self.content_size
        marks = ASCII_MARKS if self.ascii_only else MARKS
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        rows = visible_window(len(self._steps), self._current, height)
        for row, index in enumerate(rows):
            span = self._steps[index]
            state = status(index, self._current, self._skipped)
            length = format_length(step_length(span.step))
            room = max(width - len(length) - 3, 1)
            name = _fit(clean_line(span.name), room, self.ascii_only)
            line = f"{marks[state]} {set_cell_size(name, room)} {length}"
            style = self.get_component_rich_style(f"session-steps--{state}", partial=True)
            text.append(line, style)
            if row < len(rows) - 1:
                text.append("\n")
        return text


def _fit(name: str, room: int, ascii_only: bool) -> str:
    if cell_len(name) <= room:
        return name
    return set_cell_size(name, max(room - 1, 0)) + ("~" if ascii_only else "…")
