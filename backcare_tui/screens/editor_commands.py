"""The editor's step-list commands in the command palette, only those that apply now.

The screen's own keys (save, try it, $EDITOR...) reach the palette through
the app, which offers the keys of the current screen; this adds the step
list's keys, which only work while the list has focus, unless the app
offers them already.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from ..widgets.editor_step_outline import EditorStepOutline

OUTLINE_KEYS = {
    binding.action.removeprefix("screen."): binding.description
    for binding in EditorStepOutline.BINDINGS
    if isinstance(binding, Binding)
}
"""Step action -> what the list's key is called in the footer (and so in the palette)."""


async def _run_if_current(screen: Screen[Any], action: str) -> None:
    """Unless a key typed meanwhile closed the editor (found by tests/test_monkey.py)."""
    if screen.is_current:
        await screen.run_action(action)


class EditorCommands(Provider):
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
                found.append((name, help, partial(_run_if_current, screen, action)))
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
