"""Home: pick a routine, see what it holds, press Enter.

Broken files are listed too, in their own section with their error, because
a routine that silently vanishes is worse than one that says what is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.table import Table
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from ..core.durations import format_length
from ..core.library import Entry, Library
from ..core.model import Routine
from ..core.phase_lengths import routine_total
from ..core.text import clean_line
from ..core.today import Today, today_words
from ..core.watch import changed, snapshot
from ..widgets.keys_footer import KeysFooter
from ..widgets.routine_preview import RoutinePreview
from ..widgets.today_line import TodayLine

if TYPE_CHECKING:
    from ..app import BackcareApp


def haystack(entry: Entry) -> str:
    """What the filter looks in: name, tags, equipment, and the file name."""
    routine = entry.routine
    words = [entry.key, entry.path.name]
    if routine is not None:
        words += [routine.name, *routine.tags, *routine.equipment]
    return " ".join(words).lower()


def matches(entry: Entry, query: str) -> bool:
    """Every word typed must appear somewhere, so "desk seated" narrows, never widens."""
    text = haystack(entry)
    return all(word in text for word in query.lower().split())


def routine_prompt(entry: Entry, prepare: float, played: Routine | None = None) -> Table:
    """Two lines: name with the total time at the right, then the tags, dimmed.

    `played` is the routine at the person's level, whose time is the one shown.
    """
    routine = entry.routine
    assert routine is not None
    routine = played or routine
    grid = Table.grid(expand=True)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(justify="right", no_wrap=True)
    total = format_length(routine_total(routine, prepare))
    grid.add_row(Text(clean_line(routine.name), style="bold"), Text(f" {total}"))
    tags = ", ".join(clean_line(t) for t in routine.tags) or "no tags"
    grid.add_row(Text(tags, style="dim"), "")
    return grid


def broken_prompt(entry: Entry) -> Table:
    grid = Table.grid(expand=True)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_row(Text(f"! {clean_line(entry.path.name)}", style="bold"))
    first = ""
    if entry.error is not None and entry.error.problems:
        problem = entry.error.problems[0]
        first = clean_line(problem.message)
        if problem.line is not None:
            first = f"line {problem.line}: {first}"
        elif problem.step is not None:
            first = f"step {problem.step}: {first}"
    grid.add_row(Text(first, style="dim"))
    return grid


class HomeScreen(Screen[None]):
    STYLE_SECTIONS: ClassVar[tuple[str, ...]] = ("home",)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "start",
            "Start",
            key_display="⏎",
            id="home.start",
            priority=True,
            tooltip="Play the highlighted routine",
        ),
        Binding(
            "slash",
            "filter",
            "Filter",
            key_display="/",
            id="home.filter",
            tooltip="Filter routines by name, tag or equipment",
        ),
        Binding(
            "b", "app.breathe", "Breathe", id="home.breathe", tooltip="A paced breathing session"
        ),
        Binding("e", "edit", "Edit", id="home.edit", tooltip="Edit this routine"),
        Binding("n", "new", "New", id="home.new", tooltip="Write a new routine"),
        Binding("d", "duplicate", "Copy", id="home.duplicate", tooltip="Duplicate this routine"),
        Binding(
            "delete",
            "delete",
            "Delete",
            key_display="del",
            id="home.delete",
            tooltip="Move this routine file to the trash folder",
        ),
        Binding(
            "h",
            "app.stats",
            "History",
            id="home.history",
            tooltip="Past sessions, streaks and the weekly goal",
        ),
        Binding(
            "s,comma",
            "app.settings",
            "Settings",
            id="home.settings",
            tooltip="Sound, theme, motion and more",
        ),
        Binding(
            "question_mark",
            "app.help",
            "Help",
            key_display="?",
            id="home.help",
            tooltip="Keys and where files live",
        ),
        Binding(
            "ctrl+r",
            "reload",
            "Reload",
            id="home.reload",
            tooltip="Read the routine folders again",
        ),
        Binding("t", "today", "Today", id="home.today", tooltip="Start today's suggestion"),
        Binding("q", "app.quit", "Quit", id="home.quit", tooltip="Leave backcare"),
        Binding("escape", "leave_filter", "Clear filter", show=False, id="home.clear_filter"),
    ]
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (declared so in Screen)
        (0, "-narrow"),
        (60, "-medium"),
        (100, "-wide"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Entry] = []
        self._library: Library | None = None
        self.select_path: Path | None = None
        """A file just saved in the editor: highlighted once the list shows it."""
        self._filled_on_mount = False
        """The list was just filled: the resume that follows the first mount has nothing new."""
        self._preview_waits = True
        """The preview is filled once the first frame (title, list, keys) is on the screen."""

    @property
    def backcare(self) -> BackcareApp:
        return cast("BackcareApp", self.app)

    def compose(self) -> ComposeResult:
        yield Label(Text("backcare · pick a routine and press Enter"), id="home-title")
        # Under 60 columns the long title would be cut; this one fits 40.
        yield Label(Text("backcare · Enter plays"), id="home-title-short")
        yield TodayLine(id="home-today")
        with Horizontal(id="home-body"):
            with Vertical(id="home-list-pane"):
                yield Input(placeholder="/ filter", compact=True, id="home-filter")
                yield OptionList(id="home-routines")
            yield RoutinePreview(id="home-preview")
        yield KeysFooter(compact=True, early=True)

    def on_mount(self) -> None:
        self.populate()
        self._filled_on_mount = True
        self.call_after_refresh(self._first_preview)
        self.query_one("#home-routines", OptionList).focus()
        self._disk = snapshot(f.path for f in self.backcare.routine_folders())
        self._disk_timer = self.set_interval(1.0, self.check_disk)

    def on_screen_resume(self) -> None:
        # Back from a session (or anywhere): levels may have moved.
        if self._filled_on_mount:
            self._filled_on_mount = False
        else:
            self.backcare.refresh_practice()
            self.populate()
        self._disk_timer.resume()
        self.check_disk()

    def on_screen_suspend(self) -> None:
        self._filled_on_mount = False
        self._disk_timer.pause()

    def check_disk(self) -> None:
        """Files changed by anyone (another terminal, git pull): a stat per file, no parsing.

        A timer calls it every second while home is shown, and on coming back to home.
        """
        now = snapshot(f.path for f in self.backcare.routine_folders())
        if changed(self._disk, now):
            self._disk = now
            self.reload_quietly()

    def reload_quietly(self) -> None:
        self._reload(quiet=True)

    # the list

    def populate(self) -> None:
        """Fill the list from the app's library, keeping the highlighted routine if it stays."""
        library = self._library = self.backcare.library
        query = self.query_one("#home-filter", Input).value
        options = self.query_one("#home-routines", OptionList)
        kept = self.highlighted_entry
        prepare = self.backcare.settings.prepare_seconds
        practice = self.backcare.practice
        good = [e for e in library.entries if matches(e, query)]
        broken = [e for e in library.broken if matches(e, query)]
        self._rows = []
        items: list[Option | None] = []
        for entry in good:
            played = practice.at_level(entry.routine) if entry.routine else None
            prompt = routine_prompt(entry, prepare, played)
            items.append(Option(prompt, id=f"row-{len(self._rows)}"))
            self._rows.append(entry)
        if broken:
            items.append(None)
            heading = Text(f"Broken files ({len(broken)})", style="bold")
            items.append(Option(heading, id="broken-heading", disabled=True))
            for entry in broken:
                items.append(Option(broken_prompt(entry), id=f"row-{len(self._rows)}"))
                self._rows.append(entry)
        if not self._rows:
            shown = clean_line(query)
            message = f"Nothing matches “{shown}”" if query.strip() else "No routines found"
            items.append(Option(Text(message, style="dim"), id="empty", disabled=True))
        options.set_options(items)
        if self._rows:
            index = self._row_for(kept)
            options.highlighted = options.get_option_index(f"row-{index}")
        self.show_preview()
        self.show_today()

    # today

    def today_entry(self) -> tuple[Today, Entry | None]:
        """Today's suggestion and the routine it names (None when done or not found)."""
        library = self.backcare.library
        today = self.backcare.practice.today(
            self.backcare.settings,
            self.backcare.today_date(),
            exists=lambda name: library.find(name) is not None,
        )
        entry = library.find(today.routine) if today.routine is not None else None
        return today, entry if entry is not None and entry.routine is not None else None

    def show_today(self) -> None:
        today, entry = self.today_entry()
        name = length = None
        if entry is not None and entry.routine is not None:
            played = self.backcare.practice.at_level(entry.routine)
            name = played.name
            prepare = self.backcare.settings.prepare_seconds
            length = format_length(routine_total(played, prepare))
        what, why = today_words(today, name, length)
        self.query_one(TodayLine).show(what, why, done=today.done)

    @on(TodayLine.Start)
    def action_today(self) -> None:
        today, entry = self.today_entry()
        if today.done:
            self.notify("Today's session is done. Pick any routine for more.", timeout=4)
            return
        if entry is None or entry.routine is None:
            self.notify(f"{today.routine} was not found among your routines.", timeout=4)
            return
        self.backcare.start_session(self.backcare.practice.at_level(entry.routine), entry.path)

    def _row_for(self, kept: Entry | None) -> int:
        """The row to highlight: a file just saved, else the same file as before (its
        routine may have changed in the editor), else the same id, else the first."""
        if self.select_path is not None:
            for index, entry in enumerate(self._rows):
                if entry.path == self.select_path:
                    self.select_path = None
                    return index
        if kept is None:
            return 0
        for index, entry in enumerate(self._rows):
            if entry.path == kept.path:
                return index
        for index, entry in enumerate(self._rows):
            if entry.key == kept.key:
                return index
        return 0

    @property
    def entries(self) -> Sequence[Entry]:
        """The rows shown now, routines first and then broken files."""
        return tuple(self._rows)

    @property
    def highlighted_entry(self) -> Entry | None:
        option = self.query_one("#home-routines", OptionList).highlighted_option
        if option is None or option.id is None or not option.id.startswith("row-"):
            return None
        index = int(option.id.removeprefix("row-"))
        return self._rows[index] if index < len(self._rows) else None

    def _first_preview(self) -> None:
        self._preview_waits = False
        self.show_preview()

    def show_preview(self) -> None:
        if self._preview_waits:
            return
        preview = self.query_one(RoutinePreview)
        entry = self.highlighted_entry
        progressed = (
            self.backcare.practice.progressed(entry.routine)
            if entry is not None and entry.routine is not None
            else None
        )
        preview.show_entry(entry, self.backcare.settings.prepare_seconds, progressed)

    @on(OptionList.OptionHighlighted, "#home-routines")
    def _highlighted(self) -> None:
        self.show_preview()

    @on(OptionList.OptionSelected, "#home-routines")
    def _selected(self) -> None:
        self.action_start()

    @on(Input.Changed, "#home-filter")
    def _filter_changed(self) -> None:
        self.populate()

    @on(Input.Submitted, "#home-filter")
    def _filter_submitted(self) -> None:
        self.query_one("#home-routines", OptionList).focus()
        self.action_start()

    def on_key(self, event: events.Key) -> None:
        """Down from the filter goes to the list, as it would in a search box."""
        if event.key == "down" and self.query_one("#home-filter", Input).has_focus:
            self.query_one("#home-routines", OptionList).focus()
            event.stop()

    # actions

    def action_start(self) -> None:
        if self.query_one(TodayLine).has_focus:
            self.action_today()
            return
        entry = self.highlighted_entry
        if entry is None:
            self.notify("Pick a routine first.", timeout=3)
            return
        if entry.routine is None:
            self.notify(
                "This file has problems (see the right). Fix it, then press ctrl+r.",
                title="Cannot start",
                severity="warning",
            )
            return
        self.backcare.start_session(self.backcare.practice.at_level(entry.routine), entry.path)

    # Edit, new, duplicate and delete live in editor_actions.py, loaded on first use.

    def action_edit(self) -> None:
        from .editor_actions import edit_routine

        edit_routine(self.backcare, self.highlighted_entry)

    def action_new(self) -> None:
        from .editor_actions import new_routine

        new_routine(self.backcare)

    def action_duplicate(self) -> None:
        from .editor_actions import duplicate_routine

        duplicate_routine(self.backcare, self.highlighted_entry)

    def action_delete(self) -> None:
        from .editor_actions import delete_routine

        delete_routine(self.backcare, self.highlighted_entry)

    def action_filter(self) -> None:
        self.query_one("#home-filter", Input).focus()

    def action_leave_filter(self) -> None:
        filter_input = self.query_one("#home-filter", Input)
        if filter_input.value:
            filter_input.value = ""
        self.query_one("#home-routines", OptionList).focus()

    def action_reload(self) -> None:
        self._reload()

    @work(thread=True, exclusive=True, group="home-reload")
    def _reload(self, quiet: bool = False) -> None:
        """Scanning reads every file, so it runs off the UI thread and hands back a Library."""
        library = self.backcare.scan_library()
        self.app.call_from_thread(self._reloaded, library, quiet)

    def _reloaded(self, library: Library, quiet: bool = False) -> None:
        self.backcare.library = library
        self.populate()
        if quiet:
            return
        count, broken = len(library.entries), len(library.broken)
        note = f", {broken} broken" if broken else ""
        self.notify(f"{count} routines{note}", title="Reloaded", timeout=3)
