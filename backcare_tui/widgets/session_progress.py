"""One line for the whole session: where it stands in the plan, a bar, time left.

The left figure is the position in the plan ("at 1:10"), not active time: going
back or adding time never makes it pass the plan. Active time is for the summary.

Textual's ProgressBar keeps a one-second interval running for its ETA even
when nothing moves, which would wake a paused session every second; this
draws only when the player screen hands it new numbers that change a cell.
The filled and empty parts use different characters, so the bar reads
without colour too.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.widget import Widget

from ..core.durations import format_clock
from ..core.redraw import shown_countdown, shown_elapsed


def bar_cells(fraction: float, width: int, ascii_only: bool = False) -> tuple[str, str]:
    """The filled and the empty part of a bar `width` cells wide, to half a cell."""
    fraction = min(max(fraction, 0.0), 1.0)
    halves = round(fraction * width * 2)
    full, half = divmod(halves, 2)
    if ascii_only:
        filled = "#" * full + ("#" if half else "")
        return filled, "-" * (width - len(filled))
    filled = "━" * full + ("╸" if half else "")
    return filled, "─" * (width - len(filled))


class SessionProgress(Widget):
    DEFAULT_CSS = """
    SessionProgress > .session-progress--filled {
        color: $accent;
    }
    SessionProgress > .session-progress--empty {
        color: $text-disabled;
    }
    SessionProgress > .session-progress--label {
        color: $text;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "session-progress--label",
        "session-progress--filled",
        "session-progress--empty",
    }
    """
    | Class | Description |
    | :- | :- |
    | `session-progress--label` | The times beside the bar ("at 1:10", "3:20 left"). |
    | `session-progress--filled` | The part of the bar already played. |
    | `session-progress--empty` | The part of the bar still to play. |
    """

    def __init__(
        self, *, ascii_only: bool = False, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.ascii_only = ascii_only
        self._fraction = 0.0
        self._elapsed = 0.0
        self._remaining = 0.0
        self._drawn: tuple[int, int, int, int] | None = None

    def show(self, fraction: float, elapsed: float, remaining: float) -> None:
        """Redraw only when a shown number or a half cell of the bar would change.

        `elapsed` is the position in the plan (`Player.position`).
        """
        self._fraction, self._elapsed, self._remaining = fraction, elapsed, remaining
        width = self.content_size.width
        look = (
            round(fraction * width * 2),
            shown_elapsed(elapsed),
            shown_countdown(remaining),
            width,
        )
        if look != self._drawn:
            self._drawn = look
            self.refresh()

    def render(self) -> RenderableType:
        width = self.content_size.width
        left = f"at {format_clock(shown_elapsed(self._elapsed))} "
        right = f" {format_clock(self._remaining)} left"
        room = width - len(left) - len(right)
        if room < 4:
            return Text(right.strip(), no_wrap=True, overflow="crop", end="")
        filled, empty = bar_cells(self._fraction, room, self.ascii_only)
        label = self.get_component_rich_style("session-progress--label", partial=True)
        text = Text(no_wrap=True, overflow="crop", end="")
        text.append(left, label)
        text.append(filled, self.get_component_rich_style("session-progress--filled", partial=True))
        text.append(empty, self.get_component_rich_style("session-progress--empty", partial=True))
        text.append(right, label)
        return text
