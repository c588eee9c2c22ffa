"""Help: the keys of the screen it was opened from, grouped, and where files live."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..core.paths import config_file, history_file, user_routines_dir


def key_groups(screen: Screen[object]) -> dict[str, list[tuple[str, str]]]:
    """Keys by where they work: this screen, a focused part of it, or everywhere."""
    app = screen.app
    groups: dict[str, list[tuple[str, str]]] = {}
    seen: set[tuple[str, str]] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or binding.system:
            continue
        if active.node is app:
            group = "Everywhere"
        elif active.node is screen:
            group = "This screen"
        else:
            group = f"In the {type(active.node).__name__.lower()}"
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
        groups.setdefault(group, []).append((shown, binding.description))
    return groups


class HelpScreen(ModalScreen[None]):
    """Opened with ? from any screen."""

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

    def _keys_table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(justify="right", style="bold")
        table.add_column()
        for group, rows in key_groups(self.under).items():
            table.add_row("", Text(group, style="underline"))
            for keys, description in rows:
                table.add_row(Text(keys), Text(description))
            table.add_row("", "")
        return table

    def _files_text(self) -> Text:
        return Text.assemble(
            ("Routines ", "bold"),
            "are TOML files; see docs/routine-format.md or run `backcare new NAME` "
            "for a commented starter.\n",
            ("Your routines: ", "bold"),
            f"{user_routines_dir()}\n",
            ("Settings: ", "bold"),
            f"{config_file()}\n",
            ("History: ", "bold"),
            f"{history_file()}\n\n",
            "backcare is an exercise aid, not medical advice. Stop if you feel sharp "
            "pain; see a professional for pain that lasts.",
        )
