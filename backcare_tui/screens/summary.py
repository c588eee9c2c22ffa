"""The end of a session: what was done, how the back feels, a note, and the way on.

The session is already in the history when this screen opens; the after-score
and a note are added to its row from here, and shown here.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Label, Static

from ..core.durations import format_length
from ..core.level_words import feedback_words, held_words
from ..core.model import Routine
from ..core.pain import ASK_AFTER, advice, pain_line
from ..core.progression import is_progressing
from ..core.session_summary import (
    SAFETY_LINE,
    TITLES,
    Feedback,
    SessionSummary,
    encouragement,
    headline,
    record_line,
    steps_line,
)
from ..core.text import clean_line
from ..widgets.keys_footer import KeysFooter
from .pain import PainAnswer, PainCheckScreen

if TYPE_CHECKING:
    from ..app import BackcareApp

NOTE_LIMIT = 500


def details_table(summary: SessionSummary) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    played = format_length(round(summary.actual_seconds))
    planned = format_length(round(summary.planned_seconds))
    table.add_row("Active time", f"{played} (planned {planned}; pauses not counted)")
    table.add_row("Steps", steps_line(summary))
    return table


class SummaryScreen(Screen[None]):
    STYLE_SECTIONS: ClassVar[tuple[str, ...]] = ("summary", "pain check-in")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,h", "home", "Home", key_display="⏎/h", id="summary.home"),
        Binding("r", "repeat", "Repeat", id="summary.repeat", tooltip="Play the routine again"),
        Binding("n", "note", "Note", id="summary.note", tooltip="Add a note to this session"),
        Binding(
            "e",
            "feedback('easy')",
            "Felt easy",
            id="summary.easy",
            tooltip="It felt easy: counts as two sessions towards the next step up",
        ),
        Binding(
            "t",
            "feedback('hard')",
            "Too hard",
            id="summary.hard",
            tooltip="It was too hard: one level back next time",
        ),
    ]

    def __init__(
        self,
        summary: SessionSummary,
        routine: Routine,
        path: Path | None,
        *,
        row_id: int | None = None,
        ask_after: bool = False,
    ) -> None:
        super().__init__()
        self.summary = summary
        self.routine = routine
        self.path = path
        self.row_id = row_id
        """The session's row in the history; None when it was not stored."""
        self.ask_after = ask_after

    @property
    def backcare(self) -> BackcareApp:
        return cast("BackcareApp", self.app)

    def compose(self) -> ComposeResult:
        summary = self.summary
        with Center(id="summary-center"), Vertical(id="summary-box"):
            yield Label(TITLES[summary.completion], id="summary-title")
            yield Label(Text(headline(summary)), id="summary-headline")
            yield Static(details_table(summary), id="summary-details")
            yield Label(encouragement(summary), id="summary-cheer")
            if note := record_line(summary):
                yield Label(note, id="summary-unrecorded")
            yield Label("", id="summary-pain")
            yield Label("", id="summary-pain-advice")
            yield Label("", id="summary-note")
            yield Label("", id="summary-feedback")
            yield Label("", id="summary-level")
            yield Label(SAFETY_LINE, id="summary-safety")
            keys = f"Enter: home    r: {clean_line(self.routine.name)} again"
            if self.row_id is not None:
                keys += "    n: add a note    e: felt easy    t: too hard"
            yield Label(Text(keys), id="summary-keys")
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self._show_extras()
        if self.ask_after and self.row_id is not None:
            question = PainCheckScreen(ASK_AFTER, self.routine.name)
            self.app.push_screen(question, self._after_answered)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("note", "feedback"):
            return self.row_id is not None
        return True

    def _after_answered(self, answer: PainAnswer) -> None:
        if not isinstance(answer, int):
            return
        if self.backcare.session_keeper.update(self.row_id, pain_after=answer):
            self.summary = replace(self.summary, pain_after=answer)
            self._show_extras()

    def _show_extras(self) -> None:
        """Pain scores, advice when the back feels much worse, and the note."""
        summary = self.summary
        pain = self.query_one("#summary-pain", Label)
        words = pain_line(summary)
        pain.update(words or "")
        pain.display = words is not None
        warning = advice(summary.pain_before, summary.pain_after)
        advice_label = self.query_one("#summary-pain-advice", Label)
        advice_label.update(warning or "")
        advice_label.display = warning is not None
        note = self.query_one("#summary-note", Label)
        note.update(Text(f"Note: {summary.note}"))
        note.display = bool(summary.note)
        progressing = is_progressing(self.routine)
        said = feedback_words(summary.feedback, progressing=progressing)
        feedback = self.query_one("#summary-feedback", Label)
        feedback.update(said)
        feedback.display = bool(said)
        held = held_words(summary, progressing=progressing)
        level = self.query_one("#summary-level", Label)
        level.update(held)
        level.display = bool(held)

    def action_home(self) -> None:
        self.backcare.go_home()

    def action_repeat(self) -> None:
        self.app.pop_screen()
        self.backcare.start_session(self._at_level_now(), self.path)

    def _at_level_now(self) -> Routine:
        """The file's routine at the level this session (and its feedback) has led to."""
        entry = next(
            (e for e in self.backcare.library.entries if self.path and e.path == self.path), None
        )
        if entry is None or entry.routine is None or not is_progressing(entry.routine):
            return self.routine
        self.backcare.refresh_practice()
        return self.backcare.practice.at_level(entry.routine)

    def action_note(self) -> None:
        from .note import NoteScreen

        if self.row_id is None:
            return
        self.app.push_screen(NoteScreen(self.summary.note, NOTE_LIMIT), self._note_written)

    def _note_written(self, note: str | None) -> None:
        if note is None or note == self.summary.note:
            return
        if self.backcare.session_keeper.update(self.row_id, note=note):
            self.summary = replace(self.summary, note=note)
            self._show_extras()
            self.notify("Note saved with the session.", timeout=3)

    def action_feedback(self, feedback: Feedback) -> None:
        """Store how the session felt with it; the levels follow at once."""
        if self.row_id is None or self.summary.feedback == feedback:
            return
        if self.backcare.session_keeper.update(self.row_id, feedback=feedback):
            self.summary = replace(self.summary, feedback=feedback)
            self.backcare.refresh_practice()
            self._show_extras()
