"""Help: the keys of the screen it was opened from, grouped, and where files live."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..core.paths import config_file, display_path, history_file, user_routines_dir
from ..core.reference import format_reference


def _generic_actions() -> set[str]:
    """Textual's own focus and copy keys: the same in every app, so not listed."""
    actions: set[str] = set()
    for owner in (App, Screen):
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding):
                actions.add(binding.action)
    return actions


MOVING = [
    ("↑ ↓", "Move in lists (PgUp, PgDn, Home and End too)"),
    ("tab", "Next part of the screen (shift+tab: back)"),
]


def key_groups(screen: Screen[object]) -> dict[str, list[tuple[str, str]]]:
    """Keys by where they work: this screen first, then everywhere.

    Keys of Textual's own widgets (lists, inputs) are summed up in one line
    instead of listed one by one.
    """
    app = screen.app
    generic = _generic_actions()
    groups: dict[str, list[tuple[str, str]]] = {"This screen": [], "Everywhere": []}
    seen: set[tuple[str, str]] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.action == "command_palette":
            continue  # said once below, in words
        if not binding.description or binding.system or binding.action in generic:
            continue
        if type(active.node).__module__.startswith("textual."):
            continue
        group = "Everywhere" if active.node is app else "This screen"
        if binding.group is not None:
            group = binding.group.description or group
        shown = app.get_key_display(binding) or key
        if (group, binding.description) in seen:
            row = groups[group]
            for i, (keys, description) in enumerate(row):
                if description == binding.description and shown not in keys.split(" / "):
                    row[i] = (f"{keys} / {shown}", description)
            continue
        seen.add((group, binding.description))
        groups[group].append((shown, binding.description))
    groups["Everywhere"].extend([("^p", "Command palette: every action by name"), *MOVING])
    return {name: rows for name, rows in groups.items() if rows}


class HelpScreen(ModalScreen[None]):
    """Opened with ? from any screen."""

    STYLE_SECTIONS: ClassVar[tuple[str, ...]] = ("help and first-run notice",)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-panel"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            yield Static(self._keys_table(), id="help-keys")
            yield Static(self._files_text(), id="help-files")
            yield Static(Text("Routine file format", style="bold"), id="help-format-title")
            yield Static(Text(format_reference()), id="help-format", markup=False)

    def _keys_table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(justify="right", style="bold", min_width=6, max_width=12)
        table.add_column(ratio=1)
        for group, rows in key_groups(self.under).items():
            table.add_row("", Text(group, style="bold underline"))
            for keys, description in rows:
                table.add_row(Text(keys), Text(description))
            table.add_row("", "")
        return table

    def _files_text(self) -> Text:
        return Text.assemble(
            ("Routines ", "bold"),
            "are TOML files: the format reference is below, `backcare help format` "
            "prints it, and `backcare new NAME` writes a commented starter.\n",
            ("Your routines: ", "bold"),
            f"{display_path(user_routines_dir())}\n",
            ("Settings: ", "bold"),
            f"{display_path(config_file())}\n",
            ("History: ", "bold"),
            f"{display_path(history_file())}\n\n",
            "backcare is an exercise aid, not medical advice. Stop if you feel sharp "
            "pain; see a professional for pain that lasts.",
        )
