"""The end of a session: what was done, a kind word, and the way home or round again."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from ..core.durations import format_length
from ..core.model import Routine
from ..core.recap import SAFETY_LINE, TITLES, encouragement, headline, record_line, steps_line
from ..core.summary import SessionSummary
from ..core.text import clean_line

if TYPE_CHECKING:
    from ..app import BackcareApp


def details_table(summary: SessionSummary) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    played = format_length(round(summary.actual_seconds))
    planned = format_length(round(summary.planned_seconds))
    table.add_row("Time", f"{played} active (planned {planned})")
    table.add_row("Steps", steps_line(summary))
    return table


class SummaryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,h", "home", "Home", key_display="⏎/h", id="summary.home"),
        Binding("r", "repeat", "Repeat", id="summary.repeat", tooltip="Play the routine again"),
    ]

    def __init__(self, summary: SessionSummary, routine: Routine, path: Path | None) -> None:
        super().__init__()
        self.summary = summary
        self.routine = routine
        self.path = path

    @property
    def backcare(self) -> BackcareApp:
        return cast("BackcareApp", self.app)

    def compose(self) -> ComposeResult:
        summary = self.summary
        title = TITLES[summary.completion]
        with Center(id="summary-center"), Vertical(id="summary-box"):
            yield Label(title, id="summary-title")
            yield Label(Text(headline(summary)), id="summary-headline")
            yield Static(details_table(summary), id="summary-details")
            yield Label(encouragement(summary), id="summary-cheer")
            if note := record_line(summary):
                yield Label(note, id="summary-unrecorded")
            yield Label(SAFETY_LINE, id="summary-safety")
            yield Label(
                Text(f"Enter: home    r: {clean_line(self.routine.name)} again"),
                id="summary-keys",
            )
        yield Footer(compact=True)

    def action_home(self) -> None:
        self.backcare.go_home()

    def action_repeat(self) -> None:
        self.backcare.start_session(self.routine, self.path, replace=True)
