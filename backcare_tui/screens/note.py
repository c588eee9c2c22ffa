"""A short note on a session: one line, Enter keeps it, Escape leaves it as it was."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class NoteScreen(ModalScreen[str | None]):
    """Dismisses with the note (stripped; empty clears it), or None when cancelled."""

    STYLE_SECTIONS: ClassVar[tuple[str, ...]] = ("a note on a session",)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    def __init__(self, note: str = "", limit: int = 500) -> None:
        super().__init__()
        self.note = note
        self.limit = limit

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Label("A note on this session (Enter saves, Escape cancels)", id="note-title")
            yield Input(
                self.note,
                placeholder="How it went, what to change next time",
                max_length=self.limit,
                id="note-input",
            )

    @on(Input.Submitted, "#note-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(" ".join(event.value.split()))

    def action_cancel(self) -> None:
        self.dismiss(None)
