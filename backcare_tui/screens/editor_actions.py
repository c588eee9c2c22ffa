"""What home's edit, new, duplicate and delete keys do, and what happens when the
editor closes: the one home of these actions. Home calls them with the routine it
has highlighted; `backcare edit` calls `edit_routine` with `leave_after`. The
dialogs and file moves live here, the editor itself in `editor.py`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..core.library import USER, Entry, load_entry
from ..core.paths import display_path
from ..core.routine_files import duplicate_routine as copy_routine_file
from ..core.routine_files import move_to_trash, template_routine
from ..core.text import clean_line

if TYPE_CHECKING:
    from ..app import BackcareApp

# The editor and its forms load on first use, not with home (TextArea and
# friends are not needed to pick a routine).


def edit_routine(app: BackcareApp, entry: Entry | None, *, leave_after: bool = False) -> None:
    """Open the editor on `entry`; under `backcare edit`, leave the app when it closes."""
    if entry is None:
        app.notify("Pick a routine first.", timeout=3)
        return
    from .editor import EditorScreen

    if leave_after:
        app.push_screen(EditorScreen(entry), callback=lambda saved: _leave(app, saved))
    else:
        app.push_screen(EditorScreen(entry), callback=lambda saved: _edited(app, saved))


def new_routine(app: BackcareApp) -> None:
    from .editor import EditorScreen

    app.push_screen(
        EditorScreen(template_routine("My routine")), callback=lambda saved: _edited(app, saved)
    )


def duplicate_routine(app: BackcareApp, entry: Entry | None) -> None:
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
    app.push_screen(
        EditorScreen(load_entry(path, USER)), callback=lambda saved: _edited(app, saved)
    )


def delete_routine(app: BackcareApp, entry: Entry | None) -> None:
    """Ask, then move the file to the trash folder and say where it went."""
    from .editor_file import ask

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
        app.reload_library()

    app.push_screen(ask(question, "Delete", "Keep"), callback=answered)


def _edited(app: BackcareApp, saved: Path | None) -> None:
    """After the editor closes: show what was saved, selected on home."""
    if saved is not None:
        from .home import HomeScreen

        for screen in app.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.select_path = saved
        app.reload_library()


def _leave(app: BackcareApp, saved: Path | None) -> None:
    """`backcare edit` ends with the editor; the command line says what was saved."""
    from ..app import Outcome

    lines = [f"saved {saved}"] if saved is not None else []
    app.exit(Outcome(0, lines))
