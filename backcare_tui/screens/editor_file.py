"""The editor's dealings with its file: saving (and the questions asked before
something is lost), leaving, and handing the file to your own editor and reading it
back. What each decides comes from the edit session (`core.edit_session`); this
screen asks the questions and says what happened. `EditorScreen` adds the layout.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

from textual.app import SuspendNotSupported
from textual.screen import Screen

from ..core.draft_from_file import changes_summary
from ..core.edit_session import EditSession
from ..core.errors import BackcareError
from ..core.external_editor import editor_command, problem_line, run_editor
from ..core.model import Routine
from ..core.paths import display_path, user_routines_dir
from ..core.text import plural
from .confirm import ConfirmScreen

QUESTION_WIDTH = 52


def ask(question: str, yes: str, no: str) -> ConfirmScreen:
    """A yes/no question, wrapped by hand: the dialog sizes itself to its longest line."""
    return ConfirmScreen(textwrap.fill(question, QUESTION_WIDTH), yes, no)


class EditorFileScreen(Screen[Path | None]):
    """Dismisses with the path last saved, or None when nothing was saved."""

    session: EditSession
    """The file, the draft the form edits, and what saving would do."""

    def _refresh_all(self, structure: bool = True) -> None:
        """Show the session again after the file or the draft changed (the layout's job)."""
        raise NotImplementedError

    def _show_reloaded(self) -> None:
        """Load the draft read back from the file into the forms (the layout's job)."""
        raise NotImplementedError

    # -- saving -----------------------------------------------------------------
    #
    # Questions are asked with callbacks rather than awaited in workers: a key
    # pressed twice reaches the open question, never a second flow, and
    # nothing is left half-done when the screen closes.

    def _confirm(self, question: str, yes: str, no: str, then: Callable[[], object]) -> None:
        def answered(ok: bool | None) -> None:
            if ok:
                then()

        self.app.push_screen(ask(question, yes, no), answered)

    def action_save(self) -> None:
        self.save()

    def save(self, then: Callable[[], object] | None = None) -> None:
        """Check, ask when something would be lost, save, then call `then`."""
        checked = self.session.check()
        routine = checked.routine
        if routine is None:
            self._refresh_all()
            count = len(checked.problems)
            self.notify(
                f"Not saved: fix the {plural(count, 'problem')} first.",
                title="Cannot save",
                severity="error",
            )
            return
        path = self.session.path
        if path is None:
            try:
                path = self.session.write_new(routine)
            except OSError as error:
                self._not_saved(user_routines_dir(), error)
                return
            self._saved(path, None, then)
            return
        if self.session.changed_on_disk():
            question = (
                f"{display_path(path)} changed on disk since you opened it. "
                "Save over it? The version on disk goes to the backups."
            )

            def over_it() -> None:
                self.session.read_disk()
                self._save_keeping_layout(routine, path, then)

            self._confirm(question, "Save", "Cancel", over_it)
            return
        self._save_keeping_layout(routine, path, then)

    def _save_keeping_layout(
        self, routine: Routine, path: Path, then: Callable[[], object] | None
    ) -> None:
        session = self.session
        if session.loses_anything():
            notice = session.notice.summary() if session.notice.loses_anything else ""
            lost = " ".join(part for part in (changes_summary(session.changes), notice) if part)
            question = (
                f"{display_path(path)}: {lost} "
                "Save anyway? The file as it is now is kept, byte for byte, in the backups."
            )
            self._confirm(question, "Save", "Cancel", lambda: self._write(routine, path, then))
            return
        self._write(routine, path, then)

    def _write(self, routine: Routine, path: Path, then: Callable[[], object] | None) -> None:
        try:
            saved = self.session.write(routine)
        except OSError as error:
            self._not_saved(path, error)
            return
        self._saved(saved.path, saved.backup, then)

    def _not_saved(self, path: Path, error: OSError) -> None:
        self.notify(
            f"{display_path(path)}: {error.strerror or error}. The file on disk is unchanged.",
            title="Not saved",
            severity="error",
            markup=False,
        )

    def _saved(
        self, path: Path, backup: Path | None, then: Callable[[], object] | None = None
    ) -> None:
        message = display_path(path)
        if backup is not None:
            message += f"\nThe previous version is in {display_path(backup)}"
        self.notify(message, title="Saved", timeout=6, markup=False)
        self._refresh_all()
        if then is not None:
            then()

    # -- leaving ---------------------------------------------------------------------

    def action_close(self) -> None:
        if not self.session.dirty:
            self.dismiss(self.session.saved)
            return
        question = f"Leave without saving? Your changes to {self.session.title()} will be lost."
        self._confirm(question, "Leave", "Keep editing", lambda: self.dismiss(self.session.saved))

    # -- your own editor --------------------------------------------------------------

    def action_open_external(self) -> None:
        self._open_external(None)

    def action_reopen(self) -> None:
        self._open_external(self.session.first_problem_line())

    def _open_external(self, line: int | None) -> None:
        """Hand the file to the editor, saving first when the form holds more than the file."""
        session = self.session
        path = session.path
        if session.broken and path is not None:
            self._edit_externally(path, line)
            return
        if path is not None and session.read_only and not session.dirty:
            try:
                copied = session.make_own_copy()
            except OSError as error:
                self._not_saved(path, error)
                return
            if copied:
                self.notify(f"Made your copy: {display_path(path)}", timeout=5, markup=False)
            self._edit_externally(path, line)
            return
        if path is None or session.dirty:
            question = "Save your changes first, then open the file in your editor?"

            def save_then_edit() -> None:
                self.save(then=lambda: self._edit_externally(session.path, line))

            self._confirm(question, "Save", "Cancel", save_then_edit)
            return
        self._edit_externally(path, line)

    def _edit_externally(self, path: Path | None, line: int | None) -> None:
        if path is None:
            return
        try:
            self.run_external(editor_command(path, line))
        except BackcareError as error:
            self.notify(
                error.message, title=error.title, severity="error", timeout=10, markup=False
            )
            return
        self.reload_from_disk(path)

    def run_external(self, argv: list[str]) -> int:
        """Run the editor with the app suspended; headless (tests) it simply runs."""
        try:
            with self.app.suspend():
                return run_editor(argv)
        except SuspendNotSupported:
            return run_editor(argv)

    def reload_from_disk(self, path: Path) -> None:
        """Check the file again after an outside edit and show it, or its problems."""
        error = self.session.reload(path)
        if self.session.broken:
            self._refresh_all()
        else:
            self._show_reloaded()
        if error is None:
            self.notify(f"{display_path(path)} checked: no problems.", timeout=4, markup=False)
            return
        first = error.problems[0]
        where = problem_line((self.session.disk_bytes or b"").decode("utf-8", "replace"), first)
        self.notify(
            str(first) + (f" (line {where})" if first.line is None and where else ""),
            title="The file has problems",
            severity="error",
            timeout=10,
            markup=False,
        )
