"""One routine file open in the editor: which file it is, what is on disk, what the
form holds, and what saving would do. The editor screen shows this state and asks
the questions; everything it decides is here, so it is tested without a screen.

Which file: `source_path` is where the routine was read from, `path` where saving
writes (a built-in saves as your own copy, a new routine has no path until its first
save). What is on disk: `disk_bytes` as last read, to notice a change by someone
else, and `notice`, what rewriting the file would lose (comments, layout). A file
that does not load is read into the form when it can be (`draft_from_file`), else it
is `broken`: shown as text, fixed in your own editor.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from .atomic import atomic_write
from .draft import Checked, RoutineDraft, StepDraft
from .draft_from_file import FormChange, notes_beside, read_for_form
from .errors import Problem, RoutineError
from .external_editor import problem_line
from .library import Entry, slug
from .loader import load_routine, parse_routine_bytes
from .model import Routine
from .paths import user_routines_dir
from .routine_files import (
    RewriteNotice,
    Saved,
    changed_on_disk,
    rewrite_notice,
    save_with_backup,
    user_copy_path,
    write_new_file,
)
from .text import clean_line
from .writer import dumps_routine

UNDO_DEPTH = 50
"""Structural changes Ctrl+Z can take back, newest first."""


class EditSession:
    """The file, the draft of it in the form, and the decisions around saving it."""

    def __init__(self, source: Entry | Routine | None = None, path: Path | None = None) -> None:
        self.source_path: Path | None = path
        self.read_only = False
        self.key: str | None = None
        routine: Routine | None
        error: RoutineError | None = None
        if isinstance(source, Entry):
            self.source_path = source.path
            self.read_only = source.read_only
            self.key = source.key
            routine, error = source.routine, source.error
        else:
            routine = source
        self.path: Path | None = self.source_path
        if self.read_only and self.key:
            self.path = user_copy_path(self.key)
        self.saved: Path | None = None
        """The path last saved in this session, None while nothing was."""
        self.broken: tuple[Problem, ...] = ()
        """The problems of a file that does not load and that the form cannot hold."""
        self.broken_text = ""
        self.notes: tuple[Problem, ...] = ()
        """The file's problems that the form's reading of it hides (see `changes`)."""
        self.changes: tuple[FormChange, ...] = ()
        """What saving from the form changes in a file that does not load."""
        self.notice = RewriteNotice()
        self.disk_bytes: bytes | None = None
        self.undo_stack: list[tuple[list[StepDraft], int]] = []
        """The step list and selection before each structural change, last one last."""
        self.draft = RoutineDraft.from_routine(routine) if routine else RoutineDraft()
        if routine is None and error is not None:
            self._load_broken(error)
        self.baseline = self.draft.to_data()
        self.read_disk()

    @property
    def shown_path(self) -> str:
        path = self.path or self.source_path
        return str(path) if path else "new routine"

    @property
    def dirty(self) -> bool:
        """The form holds something the file does not (never for a file shown as text)."""
        return not self.broken and self.draft.to_data() != self.baseline

    def title(self) -> str:
        return f'"{clean_line(self.draft.name)}"' if self.draft.name.strip() else "this routine"

    def check(self) -> Checked:
        return self.draft.check(self.shown_path)

    def notes_beside(self, step: int | None) -> list[tuple[str, str]]:
        """The file's own problems and what saving changes, for the form of item `step`
        (None: the routine's own fields), as (field, line); field "" is the item's."""
        return notes_beside(self.notes, self.changes, step)

    def noted_items(self) -> set[int | None]:
        """The steps (None: the routine) that have a note, to mark in the step list."""
        return {p.step for p in self.notes} | {c.step for c in self.changes}

    def first_problem_line(self) -> int | None:
        """Where your own editor opens to fix the file by hand; None: at the top."""
        if self.broken:
            return problem_line(self.broken_text, self.broken[0])
        if self.notes:
            text = (self.disk_bytes or b"").decode("utf-8", "replace")
            return problem_line(text, self.notes[0])
        return None

    # -- the file on disk -----------------------------------------------------------

    def read_disk(self) -> None:
        """What the save target holds now: to notice changes by others, and comments."""
        self.disk_bytes = None
        self.notice = RewriteNotice()
        if self.path is None:
            return
        try:
            self.disk_bytes = self.path.read_bytes()
        except OSError:
            return
        self.notice = rewrite_notice(self.disk_bytes.decode("utf-8", "replace"))

    def _load_broken(self, error: RoutineError) -> None:
        """A file that does not load: into the form when its TOML reads and the form can
        hold it, else shown as text for your own editor."""
        text = ""
        if self.source_path is not None:
            try:
                text = self.source_path.read_text(encoding="utf-8")
                self._read_text_into_form(text, error.problems)
                return
            except (OSError, UnicodeDecodeError, ValueError):
                pass
        self.broken = error.problems
        self.broken_text = text

    def _read_text_into_form(self, text: str, problems: tuple[Problem, ...]) -> None:
        """Raises ValueError (TOML's error is one) when the form cannot hold `text`."""
        reading = read_for_form(tomllib.loads(text), problems)
        if reading is None:
            raise ValueError("the form cannot hold this file")
        self.draft = reading.draft
        self.notes = reading.notes
        self.changes = reading.changes

    def reload(self, path: Path) -> RoutineError | None:
        """Read `path` again after an outside edit: into the form, or its problems.
        A file that cannot be read leaves the form as it is."""
        self.path = path
        self.read_disk()
        if self.disk_bytes is None:
            # Gone or unreadable (the editor saved elsewhere): the form keeps what it
            # holds, so saving writes it back, and the loader says why it cannot read.
            try:
                load_routine(path)
            except RoutineError as error:
                return error
            self.read_disk()  # back already
        data = self.disk_bytes or b""
        self.notes, self.changes = (), ()
        try:
            routine = parse_routine_bytes(data, str(path))
        except RoutineError as error:
            try:
                self._read_text_into_form(data.decode("utf-8"), error.problems)
            except ValueError:  # UnicodeDecodeError and TOML's error are ValueErrors
                self.broken = error.problems
                self.broken_text = data.decode("utf-8", "replace")
                return error
            self.broken, self.broken_text = (), ""
            self.baseline = self.draft.to_data()
            return error
        self.broken, self.broken_text = (), ""
        self.draft = RoutineDraft.from_routine(routine)
        self.baseline = self.draft.to_data()
        return None

    def make_own_copy(self) -> bool:
        """Before a built-in goes to your editor: save to your copy of it (writing the
        copy when there is none yet). True when a copy was written. Raises OSError."""
        assert self.path is not None
        written = False
        if not self.path.exists() and self.source_path is not None:
            atomic_write(self.path, self.source_path.read_bytes())
            written = True
        self.read_only = False
        self.source_path = self.path
        self.read_disk()
        return written

    # -- the step list --------------------------------------------------------------

    def _remember(self, selected: int) -> None:
        """Keep the step list as it is, for Ctrl+Z, before a structural change."""
        self.undo_stack.append((list(self.draft.steps), selected))
        del self.undo_stack[:-UNDO_DEPTH]

    def undo(self) -> int | None:
        """Take back the last structural change; the item to select, None if none."""
        if not self.undo_stack:
            return None
        steps, selected = self.undo_stack.pop()
        self.draft.steps[:] = steps
        return min(selected, len(steps))

    def add_step(self, selected: int) -> int:
        """A new step after item `selected` (0: the routine); returns the item to select."""
        step = StepDraft(name="New step", shape="timed", values={"timed": {"duration": "30"}})
        self._remember(selected)
        self.draft.steps.insert(selected, step)
        return selected + 1

    def duplicate_step(self, selected: int) -> int:
        self._remember(selected)
        self.draft.steps.insert(selected, self.draft.steps[selected - 1].copy())
        return selected + 1

    def remove_step(self, selected: int) -> StepDraft:
        self._remember(selected)
        return self.draft.steps.pop(selected - 1)

    def move_step(self, selected: int, delta: int) -> int | None:
        """Move step `selected` by `delta`; the item to select, None when it cannot move."""
        index, target = selected - 1, selected - 1 + delta
        steps = self.draft.steps
        if selected == 0 or not 0 <= target < len(steps):
            return None
        self._remember(selected)
        steps[index], steps[target] = steps[target], steps[index]
        return target + 1

    # -- saving -----------------------------------------------------------------------

    def changed_on_disk(self) -> bool:
        """Someone else wrote the save target since it was read."""
        return self.path is not None and changed_on_disk(self.path, self.disk_bytes)

    def loses_anything(self) -> bool:
        """Saving over the file loses something the person should hear about first."""
        return self.notice.loses_anything or bool(self.changes)

    def write_new(self, routine: Routine) -> Path:
        """A new routine's first save, under a free name in your folder. Raises OSError."""
        data = dumps_routine(routine).encode("utf-8")
        self.path = write_new_file(user_routines_dir(), slug(routine.name), data)
        self.mark_saved(self.path)
        return self.path

    def write(self, routine: Routine) -> Saved:
        """Save over `path`, the old file kept in the backups. Raises OSError."""
        assert self.path is not None
        saved = save_with_backup(routine, self.path)
        self.mark_saved(saved.path)
        return saved

    def mark_saved(self, path: Path) -> None:
        self.saved = path
        self.read_only = False
        self.source_path = path
        self.read_disk()
        self.baseline = self.draft.to_data()
        self.notes, self.changes = (), ()
