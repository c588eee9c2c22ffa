"""Command-palette entries: the current screen's keys, a routine to start, a preset to breathe.

Routines and presets are found by typing (discover=False), so an empty
palette still lists the keys of the current screen first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.screen import Screen

from .core.breathing import PRESETS

if TYPE_CHECKING:
    from .app import BackcareApp


def key_commands(app: BackcareApp, screen: Screen[Any]) -> Iterable[SystemCommand]:
    """Each enabled key of `screen` with a description, once per action."""
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if active.node is not screen or not binding.description:
            continue
        if not active.enabled or binding.action in seen:
            continue
        seen.add(binding.action)
        key = binding.key_display or app.get_key_display(binding)
        help_text = f"{binding.tooltip or binding.description} (key: {key})"
        yield SystemCommand(
            binding.description,
            help_text,
            partial(app.call_later, _run_on_screen, screen, binding.action),
        )


async def _run_on_screen(screen: Screen[Any], action: str) -> None:
    """A palette command, unless a key typed meanwhile closed its screen (found by
    tests/test_monkey.py: Enter on "Back" then Escape closed the settings twice)."""
    if screen.is_current:
        await screen.run_action(action)


def routine_commands(
    app: BackcareApp,
    screen: Screen[Any],
    start: Callable[[str], None],
    breathe: Callable[[str], None],
) -> Iterable[SystemCommand]:
    """Routines to start and presets to breathe, offered on home and the breathing screen."""
    from .screens.breathing import BreathingScreen
    from .screens.home import HomeScreen

    if not isinstance(screen, HomeScreen | BreathingScreen):
        return
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
