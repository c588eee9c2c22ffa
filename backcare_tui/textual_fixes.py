"""Workarounds for bugs in the pinned Textual, each shown by tests/test_textual_fixes.py.

Textual is pinned exactly, so a workaround cannot outlive the bug silently:
the test also checks that the bug is still there, and fails (saying to
remove the workaround) the day an upgrade fixes it.
"""

from __future__ import annotations

from typing import Any

from textual.command import CommandList, CommandPalette
from textual.widgets import OptionList

_textual_move_page = OptionList._move_page
_textual_watch_list_visible = CommandPalette._watch__list_visible
_textual_select_or_command = CommandPalette._select_or_command


def _move_page_once_laid_out(self: OptionList, direction: int) -> None:
    """Page keys on an option list that has not been laid out yet do nothing.

    Textual 8.2.8 raises KeyError there: the line index is only built once the
    list has a size, and PageUp/PageDown look it up first. Any list can get a
    key that early: a screen opened and a key typed ahead (found by
    tests/test_monkey.py in the editor's step outline and the command palette).
    """
    if not self.scrollable_content_region:
        return
    _textual_move_page(self, direction)  # type: ignore[arg-type]


def _watch_list_visible_while_open(self: CommandPalette) -> None:
    """A search that ends after the palette was closed shows its results nowhere.

    Textual 8.2.8 raises NoMatches there (its search worker outlives the
    palette's widgets): Ctrl+P then Escape while the first search runs.
    """
    if not self.query(CommandList):
        return
    _textual_watch_list_visible(self)


def _select_or_command_while_open(self: CommandPalette, event: Any = None) -> None:
    """A choice that reaches the palette when it is not on top is dropped.

    Textual 8.2.8 dismisses "the palette" by popping whatever screen is on top:
    the wrong one, or none (ScreenStackError) when the palette already closed.
    Found by tests/test_monkey.py with keys typed ahead: one that opens a
    screen late, then Enter on a command and Escape, as batched keys arrive.
    """
    if self.app.screen_stack[-1:] != [self]:
        if event is not None:
            event.stop()
        return
    _textual_select_or_command(self, event)


def apply() -> None:
    OptionList._move_page = _move_page_once_laid_out  # type: ignore[method-assign]
    CommandPalette._watch__list_visible = _watch_list_visible_while_open  # type: ignore[method-assign]
    CommandPalette._select_or_command = _select_or_command_while_open  # type: ignore[method-assign]
