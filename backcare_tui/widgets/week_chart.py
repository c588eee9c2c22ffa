"""A bar chart of weeks: one column per week, eighth-block tops, plain `#` in ASCII mode."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import ClassVar, Literal

from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.widget import Widget

from ..core.stats import WeekTotal

Measure = Literal["minutes", "sessions"]
EIGHTHS = " ▁▂▃▄▅▆▇█"
BAR_ROWS = 4
AXIS_WIDTH = 5


class WeekChart(Widget):
    """Bars for the weeks given, oldest on the left; weeks that met the goal stand out."""

    DEFAULT_CSS = """
    WeekChart > .week-chart--bar {
        color: $primary;
    }
    WeekChart > .week-chart--met {
        color: $success;
    }
    WeekChart > .week-chart--axis {
        color: $text-muted;
    }
    WeekChart > .week-chart--now {
        color: $text;
        text-style: bold;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "week-chart--bar",
        "week-chart--met",
        "week-chart--axis",
        "week-chart--now",
    }
    """
    | Class | Description |
    | :- | :- |
    | `week-chart--bar` | A week's bar that did not meet the goal. |
    | `week-chart--met` | A week's bar that met the goal. |
    | `week-chart--axis` | The scale and the week labels. |
    | `week-chart--now` | The label of the current week. |
    """

    def __init__(
        self, *, ascii_only: bool = False, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.ascii_only = ascii_only
        self.weeks: tuple[WeekTotal, ...] = ()
        self.goal = 1
        self.measure: Measure = "minutes"

    def show(self, weeks: Sequence[WeekTotal], goal: int, measure: Measure) -> None:
        self.weeks, self.goal, self.measure = tuple(weeks), goal, measure
        self.refresh()

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return BAR_ROWS + 2

    def render(self) -> RenderResult:
        return chart_text(
            self.weeks,
            self.goal,
            self.measure,
            width=self.content_size.width,
            ascii_only=self.ascii_only,
            styles={
                name: self.get_component_rich_style(f"week-chart--{name}")
                for name in ("bar", "met", "axis", "now")
            },
        )


def column_width(width: int, weeks: int) -> int:
    """Columns as wide as fit, 2 to 6 cells, one of them the gap."""
    if weeks == 0:
        return 2
    return max(2, min(6, (width - AXIS_WIDTH) // weeks))


def chart_text(
    weeks: Sequence[WeekTotal],
    goal: int,
    measure: Measure,
    *,
    width: int,
    ascii_only: bool = False,
    styles: Mapping[str, Style] | None = None,
) -> Text:
    """The chart as text, so it can be drawn and tested without a screen."""
    styles = styles or {}
    values = [w.minutes if measure == "minutes" else float(w.sessions) for w in weeks]
    top = max(values, default=0.0)
    scale = _nice_top(top, measure)
    col = column_width(width, len(weeks))
    bar = col - 1
    text = Text(no_wrap=True, overflow="crop")
    for row in range(BAR_ROWS - 1, -1, -1):
        label = _axis_label(scale, row)
        text.append(f"{label:>{AXIS_WIDTH - 1}} ", style=_style(styles, "axis"))
        for week, value in zip(weeks, values, strict=True):
            eighths = round(value / scale * BAR_ROWS * 8) if scale else 0
            cell = _cell(eighths - row * 8, ascii_only)
            style = "met" if week.sessions >= goal else "bar"
            text.append(cell * bar, style=_style(styles, style))
            text.append(" ")
        text.append("\n")
    rule = "-" if ascii_only else "─"
    text.append(f"{'0':>{AXIS_WIDTH - 1}} ", style=_style(styles, "axis"))
    text.append(rule * (col * len(weeks) - 1), style=_style(styles, "axis"))
    text.append("\n" + " " * AXIS_WIDTH)
    text.append_text(_week_labels(weeks, col, styles))
    return text


def _week_labels(weeks: Sequence[WeekTotal], col: int, styles: Mapping[str, Style]) -> Text:
    """ISO week numbers under the bars; when columns are narrow, only as many as fit."""
    line = Text(no_wrap=True, overflow="crop")
    free_from = 0
    for n, week in enumerate(weeks):
        number = week.monday.isocalendar()[1]
        label = f"W{number:02d}" if col >= 4 else f"{number:02d}"
        at = n * col
        if at < free_from:
            continue
        line.append(" " * (at - line.cell_len))
        is_now = n == len(weeks) - 1
        line.append(label, style=_style(styles, "now" if is_now else "axis"))
        free_from = at + len(label) + 1
    return line


def _cell(eighths: int, ascii_only: bool) -> str:
    """One row of one bar: full, empty, or (in Unicode) the top eighth it reaches."""
    if eighths >= 8:
        return "#" if ascii_only else EIGHTHS[8]
    if eighths <= 0:
        return " "
    if ascii_only:
        return "#" if eighths >= 4 else " "
    return EIGHTHS[eighths]


def _nice_top(top: float, measure: Measure) -> float:
    """The value of a full bar: a round number at or above the tallest week."""
    if top <= 0:
        return 0.0
    if measure == "sessions":
        return float(max(BAR_ROWS, math.ceil(top)))
    for step in (5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 600):
        if top <= step:
            return float(step)
    return float(math.ceil(top / 600) * 600)


def _axis_label(scale: float, row: int) -> str:
    """The top of the scale on the top row, nothing on the others."""
    if row == BAR_ROWS - 1 and scale:
        return f"{scale:g}"
    return ""


def _style(styles: Mapping[str, Style], name: str) -> Style | str:
    return styles.get(name, "")
