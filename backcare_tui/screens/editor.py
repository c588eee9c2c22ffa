"""The routine editor: a form per step, checked as you type by the same loader as `check`.

Saving goes through `core.routine_files`: atomic, the replaced file kept in the
backups, a warning first when the file has comments or a layout the
writer would change. Built-in routines save as a user copy. Ctrl+O opens
the file in `$VISUAL`/`$EDITOR` with the app suspended and checks it again
on return.
"""

from __future__ import annotations

import textwrap
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static

from ..core.atomic import atomic_write
from ..core.draft import RoutineDraft, StepDraft
from ..core.errors import BackcareError, Problem, RoutineError
from ..core.external_editor import editor_command, problem_line, run_editor
from ..core.library import Entry, slug
from ..core.loader import parse_routine_bytes
from ..core.model import Routine
from ..core.paths import display_path, user_routines_dir
from ..core.routine_files import (
    RewriteNotice,
    changed_on_disk,
    rewrite_notice,
    save_with_backup,
    user_copy_path,
    write_new_file,
)
from ..core.text import clean_line
from ..core.timeline import Timeline, compile_routine
from ..core.writer import dumps_routine
from ..widgets.editor_step_outline import EditorStepOutline
from ..widgets.keys_footer import KeysFooter
from ..widgets.routine_form import Form, RoutineForm, StepForm
from .confirm import ConfirmScreen
from .editor_commands import EditorCommands
from .editor_texts import broken_text, plan_text, problems_text, total_text

if TYPE_CHECKING:
    from ..app import BackcareApp

QUESTION_WIDTH = 52
UNDO_DEPTH = 50
"""Structural changes Ctrl+Z can take back, newest first."""
BROKEN_PAGE_DEAD = frozenset(
    {"save", "try_it", "add_step", "duplicate_step", "remove_step", "move_step", "undo"}
)
"""Keys with nothing to act on while a file that does not load is shown as text."""


def ask(question: str, yes: str, no: str) -> ConfirmScreen:
    """A yes/no question, wrapped by hand: the dialog sizes itself to its longest line."""
    return ConfirmScreen(textwrap.fill(question, QUESTION_WIDTH), yes, no)


class EditorScreen(Screen[Path | None]):
    """Dismisses with the path last saved, or None when nothing was saved."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="editor.save",
            tooltip="Write the file; the previous version goes to the backups",
        ),
        Binding(
            "ctrl+t",
            "try_it",
            "Try it",
            id="editor.try",
            tooltip="Play the routine as it is now, without saving",
        ),
        Binding(
            "ctrl+o",
            "open_external",
            "$EDITOR",
            id="editor.external",
            tooltip="Edit the file in your own editor, then check it again",
        ),
        Binding(
            "ctrl+r",
            "reopen",
            "Reopen at problem",
            id="editor.reopen",
            tooltip="Open your editor at the line of the first problem",
        ),
        Binding(
            "ctrl+z",
            "undo",
            "Undo",
            id="editor.undo",
            tooltip="Undo the last step added, copied, removed or moved",
        ),
        Binding(
            "escape",
            "close",
            "Back",
            id="editor.close",
            tooltip="Leave the editor (asks first about unsaved changes)",
        ),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]  # noqa: RUF012
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {EditorCommands}

    def __init__(self, source: Entry | Routine | None = None, path: Path | None = None) -> None:
        super().__init__()
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
        self.broken: tuple[Problem, ...] = ()
        self.broken_text = ""
        self.notice = RewriteNotice()
        self.disk_bytes: bytes | None = None
        self.selected = 0
        self.undo_stack: list[tuple[list[StepDraft], int]] = []
        """The step list and selection before each structural change, last one last."""
        self.draft = RoutineDraft.from_routine(routine) if routine else RoutineDraft()
        if routine is None and error is not None:
            self._load_broken(error)
        self.baseline = self.draft.to_data()
        self._read_disk()
        self.checked = self.draft.check(self.shown_path)
        self.timeline: Timeline | None = None
        self._shown: dict[str, Text] = {}
        self._keys_state: tuple[bool | None, ...] = ()

    @property
    def backcare(self) -> BackcareApp:
        return cast("BackcareApp", self.app)

    @property
    def shown_path(self) -> str:
        path = self.path or self.source_path
        return str(path) if path else "new routine"

    @property
    def dirty(self) -> bool:
        return not self.broken and self.draft.to_data() != self.baseline

    def _prepare_default(self) -> float:
        settings = getattr(self.app, "settings", None)
        return float(getattr(settings, "prepare_seconds", 5.0))

    # -- building ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("", id="editor-info")
        with Horizontal(id="editor-body"):
            with Vertical(id="editor-side"):
                yield EditorStepOutline(id="editor-outline")
                yield Static("", id="editor-total")
            with VerticalScroll(id="editor-main", can_focus=False):
                yield RoutineForm(self.draft, self._prepare_default(), id="editor-routine")
                yield StepForm(id="editor-step")
                yield Static("", id="editor-plan")
        yield Static("", id="editor-broken")
        yield Static("", id="editor-problems")
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one(EditorStepOutline).focus()
        self._refresh_all()
        self._show_item(0)

    def _read_disk(self) -> None:
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
        """A file that does not load: into the form when its TOML reads and fits, else $EDITOR."""
        path = self.source_path
        text = ""
        if path is not None:
            try:
                text = path.read_text(encoding="utf-8")
                data = tomllib.loads(text)
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                data = None
            if data is not None:
                draft = RoutineDraft.from_data(data)
                # No steps at all reads as an empty list: the form shows that problem,
                # and saving stays blocked until a step is added, so nothing is lost.
                if draft.to_data() == {"format": 1, "steps": [], **data}:
                    self.draft = draft
                    return
        self.broken = error.problems
        self.broken_text = text

    # -- showing ------------------------------------------------------------------

    def _show_item(self, index: int) -> None:
        """0 is the routine's own fields; n is step n."""
        self.selected = min(max(index, 0), len(self.draft.steps))
        routine_form = self.query_one(RoutineForm)
        step_form = self.query_one(StepForm)
        routine_form.display = self.selected == 0
        step_form.display = self.selected > 0
        if self.selected > 0:
            step = self.draft.steps[self.selected - 1]
            step_form.load(step, self.selected, len(self.draft.steps))
            step_form.show(self.checked, self.selected)
        else:
            routine_form.show(self.checked, None)
        self._show_plan()
        self._refresh_keys()

    def _refresh_all(self, structure: bool = True) -> None:
        self.checked = self.draft.check(self.shown_path)
        routine = self.checked.routine
        self.timeline = compile_routine(routine, self._prepare_default()) if routine else None
        if structure:
            self.query_one(EditorStepOutline).show(self.draft, self.checked, self.selected)
        form: Form = self.query_one(StepForm) if self.selected else self.query_one(RoutineForm)
        form.show(self.checked, self.selected or None)
        self._show_plan()
        self._show_status()
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        """Redraw the footer only when what the keys can do has changed."""
        actions = ("reopen", "save", "duplicate_step", "remove_step", "add_step", "undo")
        state = (
            *(self.check_action(a, ()) for a in actions),
            self.check_action("move_step", (-1,)),
            self.check_action("move_step", (1,)),
        )
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    def _show_status(self) -> None:
        self.set_class(bool(self.broken), "-broken")
        info = Text(no_wrap=True, overflow="ellipsis")
        if self.dirty:
            info.append("● ", style="bold")
        if self.path is None:
            info.append("New routine", style="bold")
            info.append(" · Ctrl+S saves it in your routines folder", style="dim")
        elif self.read_only and self.saved is None:
            info.append(f"Built-in {self.path.stem}", style="bold")
            info.append(" · saving makes your own copy", style="dim")
        else:
            info.append(display_path(self.path), style="bold")
            if self.notice.comments and not self.broken:
                info.append(" · has comments: saving here drops them", style="dim")
            elif self.notice.reformatted and not self.broken:
                info.append(" · saving here changes the layout", style="dim")
        self._set("#editor-info", info)

        self._set("#editor-total", total_text(self.checked.routine, self.timeline))
        problems = problems_text(self.broken, self.checked.problems, self.dirty)
        self._set("#editor-problems", problems)
        self._set("#editor-broken", broken_text(self.broken, self.broken_text))

    def _show_plan(self) -> None:
        self._set("#editor-plan", plan_text(self.checked.routine, self.timeline, self.selected))

    def _set(self, selector: str, text: Text) -> None:
        """Update a Static only when its text changed, and lay out again only when its
        height may have: a layout costs more than everything else a keystroke does."""
        old = self._shown.get(selector)
        if old == text:
            return
        self._shown[selector] = text
        layout = selector == "#editor-plan" and (
            old is None or old.plain.count("\n") != text.plain.count("\n")
        )
        self.query_one(selector, Static).update(text, layout=layout)

    # -- reacting -----------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#editor-outline")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.selected:
            self._show_item(event.option_index)

    @on(OptionList.OptionSelected, "#editor-outline")
    def _selected(self) -> None:
        form = self.query_one(StepForm) if self.selected else self.query_one(RoutineForm)
        form.query(Input).first().focus()

    @on(Form.Edited)
    def _edited(self, event: Form.Edited) -> None:
        self._refresh_all(structure=event.structure)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        steps = len(self.draft.steps)
        if action == "reopen":
            return bool(self.broken)
        if self.broken and action in BROKEN_PAGE_DEAD:
            return False  # nothing in the form to act on: not listed in the footer
        if action == "undo":
            return bool(self.undo_stack) or None
        if action in ("save", "try_it"):
            return not self.broken or None
        if action in ("duplicate_step", "remove_step"):
            return (not self.broken and self.selected > 0) or None
        if action == "move_step":
            delta = int(cast(int, parameters[0])) if parameters else 0
            target = self.selected + delta
            return (not self.broken and self.selected > 0 and 1 <= target <= steps) or None
        if action == "add_step":
            return not self.broken or None
        return True

    # -- step list ------------------------------------------------------------------

    def _remember(self) -> None:
        """Keep the step list as it is, for Ctrl+Z, before a structural change."""
        self.undo_stack.append((list(self.draft.steps), self.selected))
        del self.undo_stack[:-UNDO_DEPTH]

    def action_undo(self) -> None:
        if not self.undo_stack:
            return
        steps, selected = self.undo_stack.pop()
        self.draft.steps[:] = steps
        self.notify("Undone", timeout=2)
        self._after_structure_change(min(selected, len(steps)))

    def _after_structure_change(self, select: int) -> None:
        self.selected = select
        self._refresh_all()
        self._show_item(select)

    def action_add_step(self) -> None:
        step = StepDraft(name="New step", shape="timed", values={"timed": {"duration": "30"}})
        self._remember()
        self.draft.steps.insert(self.selected, step)
        self._after_structure_change(self.selected + 1)

    def action_duplicate_step(self) -> None:
        if self.selected == 0:
            return
        self._remember()
        self.draft.steps.insert(self.selected, self.draft.steps[self.selected - 1].copy())
        self._after_structure_change(self.selected + 1)

    def action_remove_step(self) -> None:
        if self.selected == 0:
            return
        self._remember()
        removed = self.draft.steps.pop(self.selected - 1)
        self.notify(
            f'Removed step "{clean_line(removed.name)}" · Ctrl+Z brings it back',
            timeout=3,
            markup=False,
        )
        self._after_structure_change(min(self.selected, len(self.draft.steps)))

    def action_move_step(self, delta: int) -> None:
        index, target = self.selected - 1, self.selected - 1 + delta
        steps = self.draft.steps
        if self.selected == 0 or not 0 <= target < len(steps):
            return
        self._remember()
        steps[index], steps[target] = steps[target], steps[index]
        self._after_structure_change(target + 1)

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
        self.checked = self.draft.check(self.shown_path)
        routine = self.checked.routine
        if routine is None:
            self._refresh_all()
            count = len(self.checked.problems)
            self.notify(
                f"Not saved: fix the {count} problem{'s' if count != 1 else ''} first.",
                title="Cannot save",
                severity="error",
            )
            return
        if self.path is None:
            data = dumps_routine(routine).encode("utf-8")
            try:
                self.path = write_new_file(user_routines_dir(), slug(routine.name), data)
            except OSError as error:
                self._not_saved(user_routines_dir(), error)
                return
            self._saved(self.path, None, then)
            return
        path = self.path
        if changed_on_disk(path, self.disk_bytes):
            question = (
                f"{display_path(path)} changed on disk since you opened it. "
                "Save over it? The version on disk goes to the backups."
            )

            def over_it() -> None:
                self._read_disk()
                self._save_keeping_layout(routine, path, then)

            self._confirm(question, "Save", "Cancel", over_it)
            return
        self._save_keeping_layout(routine, path, then)

    def _save_keeping_layout(
        self, routine: Routine, path: Path, then: Callable[[], object] | None
    ) -> None:
        if self.notice.loses_anything:
            question = (
                f"{display_path(path)}: {self.notice.summary()} "
                "Save anyway? The file as it is now is kept, byte for byte, in the backups."
            )
            self._confirm(question, "Save", "Cancel", lambda: self._write(routine, path, then))
            return
        self._write(routine, path, then)

    def _write(self, routine: Routine, path: Path, then: Callable[[], object] | None) -> None:
        try:
            saved = save_with_backup(routine, path)
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
        self.saved = path
        self.read_only = False
        self.source_path = path
        self._read_disk()
        self.baseline = self.draft.to_data()
        message = display_path(path)
        if backup is not None:
            message += f"\nThe previous version is in {display_path(backup)}"
        self.notify(message, title="Saved", timeout=6, markup=False)
        self._refresh_all()
        if then is not None:
            then()

    # -- trying and leaving ----------------------------------------------------------

    def action_try_it(self) -> None:
        routine = self.draft.check(self.shown_path).routine
        if routine is None:
            self.notify("Fix the problems first, then try it.", severity="warning")
            return
        try_routine = getattr(self.app, "try_routine", None)
        if try_routine is None:
            self.notify("The player is not available.", severity="warning")
            return
        try_routine(routine)

    def action_close(self) -> None:
        if not self.dirty:
            self.dismiss(self.saved)
            return
        question = f"Leave without saving? Your changes to {self._title()} will be lost."
        self._confirm(question, "Leave", "Keep editing", lambda: self.dismiss(self.saved))

    def _title(self) -> str:
        return f'"{clean_line(self.draft.name)}"' if self.draft.name.strip() else "this routine"

    # -- your own editor --------------------------------------------------------------

    def action_open_external(self) -> None:
        self._open_external(None)

    def action_reopen(self) -> None:
        line = None
        if self.broken:
            line = problem_line(self.broken_text, self.broken[0])
        self._open_external(line)

    def _open_external(self, line: int | None) -> None:
        """Hand the file to the editor, saving first when the form holds more than the file."""
        if self.broken and self.path is not None:
            self._edit_externally(self.path, line)
            return
        if self.path is not None and self.read_only and not self.dirty:
            if not self.path.exists() and self.source_path is not None:
                try:
                    atomic_write(self.path, self.source_path.read_bytes())
                except OSError as error:
                    self._not_saved(self.path, error)
                    return
                self.notify(f"Made your copy: {display_path(self.path)}", timeout=5, markup=False)
            self.read_only = False
            self.source_path = self.path
            self._read_disk()
            self._edit_externally(self.path, line)
            return
        if self.path is None or self.dirty:
            question = "Save your changes first, then open the file in your editor?"

            def save_then_edit() -> None:
                self.save(then=lambda: self._edit_externally(self.path, line))

            self._confirm(question, "Save", "Cancel", save_then_edit)
            return
        self._edit_externally(self.path, line)

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
        self.path = path
        self._read_disk()
        data = self.disk_bytes or b""
        try:
            routine = parse_routine_bytes(data, str(path))
        except RoutineError as error:
            self.broken = error.problems
            self.broken_text = data.decode("utf-8", "replace")
            self._refresh_all()
            first = error.problems[0]
            where = problem_line(self.broken_text, first)
            self.notify(
                str(first) + (f" (line {where})" if first.line is None and where else ""),
                title="The file has problems",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self.broken = ()
        self.broken_text = ""
        self.draft = RoutineDraft.from_routine(routine)
        self.baseline = self.draft.to_data()
        self.query_one(RoutineForm).load(self.draft)
        self._refresh_all()
        self._show_item(min(self.selected, len(self.draft.steps)))
        self.notify(f"{display_path(path)} checked: no problems.", timeout=4, markup=False)
