"""Command-palette entries beyond the keys: a routine to start, a preset to breathe.

Found by typing (discover=False), so an empty palette still lists the keys
of the current screen first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from .core.breathing import PRESETS

if TYPE_CHECKING:
    from .app import BackcareApp


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
