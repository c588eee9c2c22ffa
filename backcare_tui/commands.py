"""Command-palette entries: every key of the current screen, plus routines and presets.

Built from the screen's active bindings, so the palette offers exactly what
the keys offer there, and nothing that makes no sense on that screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import Screen

from .core.breathing import PRESETS

if TYPE_CHECKING:
    from .app import BackcareApp


def binding_commands(app: BackcareApp, screen: Screen[object]) -> Iterable[SystemCommand]:
    seen: set[str] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or not active.enabled or binding.action in seen:
            continue
        seen.add(binding.action)
        shown = app.get_key_display(binding)
        run = partial(app.run_action, binding.action, active.node)
        yield SystemCommand(binding.description, f"Key: {shown or key}", run)


def routine_commands(
    app: BackcareApp, start: Callable[[str], None], breathe: Callable[[str], None]
) -> Iterable[SystemCommand]:
    for entry in app.library.entries:
        if entry.routine is None:
            continue
        yield SystemCommand(
            f"Start routine: {entry.routine.name}",
            entry.routine.description.split("\n")[0][:80],
            partial(start, entry.key),
            discover=False,
        )
    for name, preset in PRESETS.items():
        yield SystemCommand(
            f"Breathe: {name} ({preset.pattern.label()})",
            preset.description,
            partial(breathe, name),
            discover=False,
        )
