"""What home's edit, new, duplicate and delete keys do, and the watch for changed files.

The app calls these (`app.edit_routine(entry)` and friends), so home only
says which routine is highlighted; the dialogs and file moves live here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App

from ..core.library import USER, Entry, load_entry
from ..core.paths import display_path
from ..core.routine_files import duplicate_routine as copy_routine_file
from ..core.routine_files import move_to_trash, template_routine
from ..core.text import clean_line

if TYPE_CHECKING:
    pass

# The editor and its forms load on first use, not with home (TextArea and
# friends are not needed to pick a routine).

AfterEdit = Callable[[Path | None], None]


def open_editor(app: App[Any], entry: Entry | None, done: AfterEdit | None = None) -> None:
    if entry is None:
        app.notify("Pick a routine first.", timeout=3)
        return
    from .editor import EditorScreen

    app.push_screen(EditorScreen(entry), callback=done)


def new_routine(app: App[Any], done: AfterEdit | None = None) -> None:
    from .editor import EditorScreen

    app.push_screen(EditorScreen(template_routine("My routine")), callback=done)


def duplicate(app: App[Any], entry: Entry | None, done: AfterEdit | None = None) -> None:
    """Copy the file into the user folder (comments kept) and open the copy in the editor."""
    from .editor import EditorScreen

    if entry is None or entry.routine is None:
        app.notify("Only a routine that loads can be copied.", severity="warning", timeout=4)
        return
    try:
        path = copy_routine_file(entry.path, entry.routine)
    except OSError as error:
        app.notify(
            f"Cannot copy {entry.path.name}: {error.strerror or error}",
            severity="error",
            markup=False,
        )
        return
    app.notify(f"Copied to {display_path(path)}", title="Duplicated", timeout=5, markup=False)
    app.push_screen(EditorScreen(load_entry(path, USER)), callback=done)


def delete(app: App[Any], entry: Entry | None, done: Callable[[], None] | None = None) -> None:
    """Ask, then move the file to the trash folder and say where it went."""
    from .editor import ask

    if entry is None:
        app.notify("Pick a routine first.", timeout=3)
        return
    if entry.read_only:
        app.notify(
            "Built-in routines cannot be deleted. Copy one (d) to make your own version.",
            severity="warning",
            timeout=5,
        )
        return
    name = clean_line(entry.routine.name) if entry.routine else entry.path.name
    question = f'Delete "{name}"? The file {display_path(entry.path)} moves to the trash folder.'
    if entry.shadows is not None:
        question += " The built-in routine of the same name is used again."

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        try:
            where = move_to_trash(entry.path)
        except OSError as error:
            app.notify(
                f"{display_path(entry.path)}: {error.strerror or error}",
                title="Not deleted",
                severity="error",
                markup=False,
            )
            return
        app.notify(
            f"Moved {entry.path.name} to {display_path(where)}",
            title="Deleted",
            timeout=8,
            markup=False,
        )
        if done is not None:
            done()

    app.push_screen(ask(question, "Delete", "Keep"), callback=answered)
