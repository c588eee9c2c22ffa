"""The routine editor: a form per step, checked as you type by the same loader as `check`.

Saving goes through `core.editing`: atomic, the replaced file kept in the
backups, a warning first when the file has comments or a layout the
writer would change. Built-in routines save as a user copy. Ctrl+O opens
the file in `$VISUAL`/`$EDITOR` with the app suspended and checks it again
on return.
"""

from __future__ import annotations

import textwrap
import tomllib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static

from ..core.draft import RoutineDraft, StepDraft
from ..core.durations import format_length
from ..core.editing import (
    RewriteNotice,
    changed_on_disk,
    rewrite_notice,
    save_with_backup,
    user_copy_path,
    write_new_file,
)
from ..core.errors import BackcareError, Problem, RoutineError
from ..core.external_editor import editor_command, problem_line, run_editor
from ..core.library import Entry, slug
from ..core.loader import parse_routine_bytes
from ..core.model import Routine
from ..core.paths import user_routines_dir
from ..core.text import clean_line
from ..core.timeline import Timeline, compile_routine, step_length
from ..core.writer import dumps_routine
from ..widgets.routine_form import Form, RoutineForm, StepForm
from ..widgets.step_outline import StepOutline
from .confirm import ConfirmScreen

if TYPE_CHECKING:
    from ..app import BackcareApp

PLAN_ROWS = 14
QUESTION_WIDTH = 52


def short_path(path: Path) -> str:
    """~/... for paths in the home folder: shorter, and what people type.

    File names come from shared folders too: no terminal escapes in them.
    """
    try:
        return clean_line("~/" + str(path.relative_to(Path.home())))
    except ValueError:
        return clean_line(str(path))


OUTLINE_KEYS = {
    binding.action.removeprefix("screen."): binding.description
    for binding in StepOutline.BINDINGS
    if isinstance(binding, Binding)
}


def ask(question: str, yes: str, no: str) -> ConfirmScreen:
    """A yes/no question, wrapped by hand: the dialog sizes itself to its longest line."""
    return ConfirmScreen(textwrap.fill(question, QUESTION_WIDTH), yes, no)


class EditorCommands(Provider):
    """The step list's keys in the command palette, only those that apply right now.

    The screen's own keys (save, try it, $EDITOR...) reach the palette through
    the app, which offers every key the screen shows in its footer.
    """

    COMMANDS = (
        ("Add step", "Add a step after the selected one", "add_step"),
        ("Duplicate step", "Copy the selected step", "duplicate_step"),
        ("Remove step", "Remove the selected step", "remove_step"),
        ("Move step up", "Move the selected step earlier", "move_step(-1)"),
        ("Move step down", "Move the selected step later", "move_step(1)"),
    )

    def _available(self) -> list[tuple[str, str, Callable[[], Any]]]:
        screen = self.screen
        found: list[tuple[str, str, Callable[[], Any]]] = []
        offered = {command.title for command in self.app.get_system_commands(screen)}
        for name, help, action in self.COMMANDS:
            if OUTLINE_KEYS.get(action) in offered:
                continue  # the app already offers the step list's own key for it
            bare, _, arg = action.partition("(")
            params: tuple[object, ...] = (int(arg.rstrip(")")),) if arg else ()
            if screen.check_action(bare, params):
                found.append((name, help, partial(screen.run_action, action)))
        return found

    async def discover(self) -> Hits:
        for name, help, callback in self._available():
            yield DiscoveryHit(name, callback, help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help, callback in self._available():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help)


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
                yield StepOutline(id="editor-outline")
                yield Static("", id="editor-total")
            with VerticalScroll(id="editor-main"):
                yield RoutineForm(self.draft, self._prepare_default(), id="editor-routine")
                yield StepForm(id="editor-step")
                yield Static("", id="editor-plan")
        yield Static("", id="editor-broken")
        yield Static("", id="editor-problems")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(StepOutline).focus()
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
                if draft.to_data() == {"format": 1, **data}:
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
            self.query_one(StepOutline).show(self.draft, self.checked, self.selected)
        form: Form = self.query_one(StepForm) if self.selected else self.query_one(RoutineForm)
        form.show(self.checked, self.selected or None)
        self._show_plan()
        self._show_status()
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        """Redraw the footer only when what the keys can do has changed."""
        actions = ("reopen", "save", "duplicate_step", "remove_step", "add_step")
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
            info.append(short_path(self.path), style="bold")
            if self.notice.comments and not self.broken:
                info.append(" · has comments: saving here drops them", style="dim")
            elif self.notice.reformatted and not self.broken:
                info.append(" · saving here changes the layout", style="dim")
        self._set("#editor-info", info)

        total = Text(no_wrap=True, overflow="ellipsis")
        routine, timeline = self.checked.routine, self.timeline
        if routine is not None and timeline is not None:
            total.append(f"Total {format_length(timeline.total)}", style="bold")
            count = len(routine.steps)
            total.append(f" · {count} step{'s' if count != 1 else ''}")
        else:
            total.append("Total: fix the problems first", style="dim")
        self._set("#editor-total", total)
        self._set("#editor-problems", self._problems_text())
        self._set("#editor-broken", self._broken_text())

    def _problems_text(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        if self.broken:
            count = len(self.broken)
            text.append(f"{count} problem{'s' if count != 1 else ''} in the file", style="bold")
            text.append(" · Ctrl+R reopens $EDITOR at the first one")
            return text
        problems = self.checked.problems
        if not problems:
            text.append("No problems", style="dim")
            if self.dirty:
                text.append(" · Ctrl+S to save", style="dim")
            return text
        count = len(problems)
        text.append(f"{count} problem{'s' if count != 1 else ''}", style="bold")
        text.append(" (saving is blocked): ")
        text.append(self._without_path(problems[0]))
        return text

    def _without_path(self, problem: Problem) -> str:
        return str(problem).removeprefix(f"{problem.path}: ").removeprefix(f"{problem.path}:")

    def _broken_text(self) -> Text:
        if not self.broken:
            return Text()
        text = Text("This file does not load, so it cannot be shown as a form.\n", style="bold")
        text.append(
            "Fix it in your editor: Ctrl+R opens it at the first problem, Ctrl+O at the top.\n\n"
        )
        for problem in self.broken:
            line = problem_line(self.broken_text, problem)
            text.append(str(problem))
            if problem.line is None and line is not None:
                text.append(f"  (near line {line})", style="dim")
            text.append("\n")
        return text

    def _show_plan(self) -> None:
        self._set("#editor-plan", self._plan_text())

    def _plan_text(self) -> Text:
        routine, timeline = self.checked.routine, self.timeline
        if routine is None or timeline is None:
            return Text("The plan appears once the problems are fixed.", style="dim")
        rows: list[tuple[float, str]] = []
        if self.selected == 0:
            title = f"Plan ({format_length(timeline.total)} with lead-in and rests)"
            for span in timeline.steps:
                name = clean_line(span.name)
                if routine.rounds > 1:
                    name += f" (round {span.round_no})"
                rows.append((span.length, name))
        else:
            index = self.selected - 1
            spans = [s for s in timeline.steps if s.source_index == index and s.round_no == 1]
            if not spans:
                return Text("This step takes no time, so it is left out.", style="dim")
            span = spans[0]
            title = f"This step plays as ({format_length(step_length(span.step))})"
            for phase in timeline.phases[span.first_phase : span.last_phase + 1]:
                details = "between steps" if phase.rest_reason == "between" else phase.details()
                rows.append((phase.length, phase.label + (f"  {details}" if details else "")))
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(title, style="bold")
        for length, label in rows[:PLAN_ROWS]:
            text.append(f"\n{format_length(length):>8}  ", style="dim")
            text.append(label)
        if len(rows) > PLAN_ROWS:
            text.append(f"\n{'':>8}  ... and {len(rows) - PLAN_ROWS} more", style="dim")
        return text

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

    def _after_structure_change(self, select: int) -> None:
        self.selected = select
        self._refresh_all()
        self._show_item(select)

    def action_add_step(self) -> None:
        step = StepDraft(name="New step", shape="timed", values={"timed": {"duration": "30"}})
        self.draft.steps.insert(self.selected, step)
        self._after_structure_change(self.selected + 1)

    def action_duplicate_step(self) -> None:
        if self.selected == 0:
            return
        self.draft.steps.insert(self.selected, self.draft.steps[self.selected - 1].copy())
        self._after_structure_change(self.selected + 1)

    def action_remove_step(self) -> None:
        if self.selected == 0:
            return
        removed = self.draft.steps.pop(self.selected - 1)
        self.notify(f'Removed step "{clean_line(removed.name)}"', timeout=3, markup=False)
        self._after_structure_change(min(self.selected, len(self.draft.steps)))

    def action_move_step(self, delta: int) -> None:
        index, target = self.selected - 1, self.selected - 1 + delta
        steps = self.draft.steps
        if self.selected == 0 or not 0 <= target < len(steps):
            return
        steps[index], steps[target] = steps[target], steps[index]
        self._after_structure_change(target + 1)

    # -- saving -----------------------------------------------------------------

    def action_save(self) -> None:
        self._save_flow()

    @work(exclusive=True, group="editor-save")
    async def _save_flow(self) -> None:
        await self.save()

    async def save(self) -> bool:
        """Check, warn when something would be lost, then save; True when saved."""
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
            return False
        if self.path is None:
            data = dumps_routine(routine).encode("utf-8")
            self.path = write_new_file(user_routines_dir(), slug(routine.name), data)
            self._saved(self.path, None)
            return True
        if changed_on_disk(self.path, self.disk_bytes):
            question = (
                f"{short_path(self.path)} changed on disk since you opened it. "
                "Save over it? The version on disk goes to the backups."
            )
            if not await self.app.push_screen_wait(ask(question, "Save", "Cancel")):
                return False
            self._read_disk()
        if self.notice.loses_anything:
            question = (
                f"{short_path(self.path)}: {self.notice.summary()} "
                "Save anyway? The file as it is now is kept, byte for byte, in the backups."
            )
            if not await self.app.push_screen_wait(ask(question, "Save", "Cancel")):
                return False
        try:
            saved = save_with_backup(routine, self.path)
        except OSError as error:
            self.notify(
                f"{short_path(self.path)}: {error.strerror or error}. "
                "The file on disk is unchanged.",
                title="Not saved",
                severity="error",
                markup=False,
            )
            return False
        self._saved(saved.path, saved.backup)
        return True

    def _saved(self, path: Path, backup: Path | None) -> None:
        self.saved = path
        self.read_only = False
        self.source_path = path
        self._read_disk()
        self.baseline = self.draft.to_data()
        message = short_path(path)
        if backup is not None:
            message += f"\nThe previous version is in {short_path(backup)}"
        self.notify(message, title="Saved", timeout=6, markup=False)
        self._refresh_all()

    # -- trying and leaving ----------------------------------------------------------

    def action_try_it(self) -> None:
        routine = self.draft.check(self.shown_path).routine
        if routine is None:
            self.notify("Fix the problems first, then try it.", severity="warning")
            return
        start = getattr(self.app, "start_session", None)
        if start is None:
            self.notify("The player is not available.", severity="warning")
            return
        start(routine)

    def action_close(self) -> None:
        self._close_flow()

    @work(exclusive=True, group="editor-close")
    async def _close_flow(self) -> None:
        if self.dirty:
            question = f"Leave without saving? Your changes to {self._title()} will be lost."
            leave = ask(question, "Leave", "Keep editing")
            if not await self.app.push_screen_wait(leave):
                return
        self.dismiss(self.saved)

    def _title(self) -> str:
        return f'"{clean_line(self.draft.name)}"' if self.draft.name.strip() else "this routine"

    # -- your own editor --------------------------------------------------------------

    def action_open_external(self) -> None:
        self._external_flow(None)

    def action_reopen(self) -> None:
        line = None
        if self.broken:
            line = problem_line(self.broken_text, self.broken[0])
        self._external_flow(line)

    @work(exclusive=True, group="editor-external")
    async def _external_flow(self, line: int | None) -> None:
        path = await self._file_for_external()
        if path is None:
            return
        try:
            argv = editor_command(path, line)
            self.run_external(argv)
        except BackcareError as error:
            self.notify(
                error.message, title=error.title, severity="error", timeout=10, markup=False
            )
            return
        self.reload_from_disk(path)

    async def _file_for_external(self) -> Path | None:
        """The file to hand to the editor, saving first when the form holds more than it."""
        if self.broken and self.path is not None:
            return self.path
        if self.path is not None and self.read_only and not self.dirty:
            if not self.path.exists() and self.source_path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.path.write_bytes(self.source_path.read_bytes())
                self.notify(f"Made your copy: {short_path(self.path)}", timeout=5, markup=False)
            self.read_only = False
            self.source_path = self.path
            self._read_disk()
            return self.path
        if self.path is None or self.dirty:
            question = "Save your changes first, then open the file in your editor?"
            if not await self.app.push_screen_wait(ask(question, "Save", "Cancel")):
                return None
            if not await self.save():
                return None
        return self.path

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
        self.notify(f"{short_path(path)} checked: no problems.", timeout=4, markup=False)
