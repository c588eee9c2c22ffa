"""The routine editor: a form per step, checked as you type by the same loader as `check`.

This module is the layout: the step list, the forms, the plan, the problems and
the keys. Which file is open and what saving decides live in the edit session
(`core.edit_session`); saving, leaving and Ctrl+O (the file in `$VISUAL`/`$EDITOR`,
checked again on return) are asked and said in `editor_file.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, OptionList, Static

from ..core.draft import RoutineDraft
from ..core.edit_session import EditSession
from ..core.library import Entry
from ..core.model import Routine
from ..core.paths import display_path
from ..core.text import clean_line
from ..core.timeline import Timeline, compile_routine
from ..widgets.editor_step_outline import EditorStepOutline
from ..widgets.keys_footer import KeysFooter
from ..widgets.routine_form import Form, RoutineForm, StepForm
from .editor_commands import EditorCommands
from .editor_file import EditorFileScreen
from .editor_texts import broken_text, changes_text, plan_text, problems_text, total_text

BROKEN_PAGE_DEAD = frozenset(
    {"save", "try_it", "add_step", "duplicate_step", "remove_step", "move_step", "undo"}
)
"""Keys with nothing to act on while a file that does not load is shown as text."""


class EditorScreen(EditorFileScreen):
    """The form, the step list, the plan and the problems; dismisses with the path
    last saved, or None when nothing was saved."""

    STYLE_SECTIONS: ClassVar[tuple[str, ...]] = ("editor",)

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
        self.session = EditSession(source, path)
        self.selected = 0
        self.checked = self.session.check()
        self.timeline: Timeline | None = None
        self._shown: dict[str, Text] = {}
        self._keys_state: tuple[bool | None, ...] = ()

    @property
    def draft(self) -> RoutineDraft:
        return self.session.draft

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
        self._show_form()
        self._show_plan()
        self._refresh_keys()

    def _show_form(self) -> None:
        """The shown form's problems, and the file's own beside their fields."""
        step = self.selected or None
        form: Form = self.query_one(StepForm) if step else self.query_one(RoutineForm)
        form.show(self.checked, step, self.session.notes_beside(step))

    def _refresh_all(self, structure: bool = True) -> None:
        self.checked = self.session.check()
        routine = self.checked.routine
        self.timeline = compile_routine(routine, self._prepare_default()) if routine else None
        if structure:
            noted = self.session.noted_items()
            self.query_one(EditorStepOutline).show(self.draft, self.checked, self.selected, noted)
        self._show_form()
        self._show_plan()
        self._show_status()
        self._refresh_keys()

    def _show_reloaded(self) -> None:
        self.query_one(RoutineForm).load(self.draft)
        self._refresh_all()
        self._show_item(min(self.selected, len(self.draft.steps)))

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
        session = self.session
        self.set_class(bool(session.broken), "-broken")
        info = Text(no_wrap=True, overflow="ellipsis")
        if session.dirty:
            info.append("● ", style="bold")
        if session.path is None:
            info.append("New routine", style="bold")
            info.append(" · Ctrl+S saves it in your routines folder", style="dim")
        elif session.read_only and session.saved is None:
            info.append(f"Built-in {session.path.stem}", style="bold")
            info.append(" · saving makes your own copy", style="dim")
        else:
            info.append(display_path(session.path), style="bold")
            if session.notice.comments and not session.broken:
                info.append(" · has comments: saving here drops them", style="dim")
            elif session.notice.reformatted and not session.broken:
                info.append(" · saving here changes the layout", style="dim")
        self._set("#editor-info", info)

        self._set("#editor-total", total_text(self.checked.routine, self.timeline))
        problems = problems_text(session.broken, self.checked.problems, session.dirty)
        if session.changes and not self.checked.problems:
            problems = changes_text(session.changes)
        self._set("#editor-problems", problems)
        self._set("#editor-broken", broken_text(session.broken, session.broken_text))

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
        broken = bool(self.session.broken)
        if action == "reopen":
            return broken or bool(self.session.notes)
        if broken and action in BROKEN_PAGE_DEAD:
            return False  # nothing in the form to act on: not listed in the footer
        if action == "undo":
            return bool(self.session.undo_stack) or None
        if action in ("duplicate_step", "remove_step"):
            return self.selected > 0 or None
        if action == "move_step":
            delta = int(cast(int, parameters[0])) if parameters else 0
            target = self.selected + delta
            return (self.selected > 0 and 1 <= target <= steps) or None
        return True

    # -- step list ------------------------------------------------------------------

    def action_undo(self) -> None:
        select = self.session.undo()
        if select is None:
            return
        self.notify("Undone", timeout=2)
        self._after_structure_change(select)

    def _after_structure_change(self, select: int) -> None:
        self.selected = select
        self._refresh_all()
        self._show_item(select)

    def action_add_step(self) -> None:
        self._after_structure_change(self.session.add_step(self.selected))

    def action_duplicate_step(self) -> None:
        if self.selected == 0:
            return
        self._after_structure_change(self.session.duplicate_step(self.selected))

    def action_remove_step(self) -> None:
        if self.selected == 0:
            return
        removed = self.session.remove_step(self.selected)
        self.notify(
            f'Removed step "{clean_line(removed.name)}" · Ctrl+Z brings it back',
            timeout=3,
            markup=False,
        )
        self._after_structure_change(min(self.selected, len(self.draft.steps)))

    def action_move_step(self, delta: int) -> None:
        select = self.session.move_step(self.selected, delta)
        if select is not None:
            self._after_structure_change(select)

    # -- trying and leaving ----------------------------------------------------------

    def action_try_it(self) -> None:
        routine = self.session.check().routine
        if routine is None:
            self.notify("Fix the problems first, then try it.", severity="warning")
            return
        try_routine = getattr(self.app, "try_routine", None)
        if try_routine is None:
            self.notify("The player is not available.", severity="warning")
            return
        try_routine(routine)
