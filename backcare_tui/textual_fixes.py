"""Workarounds for bugs in the pinned Textual, each shown by tests/test_textual_fixes.py.

Textual is pinned exactly, so a workaround cannot outlive the bug silently:
the test also checks that the bug is still there, and fails (saying to
remove the workaround) the day an upgrade fixes it.
"""

from __future__ import annotations

from textual.widgets import OptionList

_textual_move_page = OptionList._move_page


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


def apply() -> None:
    OptionList._move_page = _move_page_once_laid_out  # type: ignore[method-assign,assignment]
