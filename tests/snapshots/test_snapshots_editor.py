"""How the editor looks at 80x24 and 120x40: a held step with a wrong value in it.

Regenerate with `pytest tests/snapshots/test_snapshots_editor.py --snapshot-update` and
look at the pictures before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from apps import AppFactory
from textual.pilot import Pilot
from textual.widgets import Input

from backcare_tui.screens.editor_actions import edit_routine

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.mark.parametrize("size", SIZES)
def test_editor_with_a_problem(
    snap_compare: Callable[..., bool], size: tuple[int, int], app_with: AppFactory
) -> None:
    app = app_with()

    async def run_before(pilot: Pilot[Any]) -> None:
        edit_routine(app, app.library.find("desk-break"))
        await pilot.pause()
        await pilot.press("down", "down")
        hold = app.screen.query_one("#held-hold", Input)
        hold.cursor_blink = False
        hold.focus()
        await pilot.press("end", "ctrl+u", "minus", "5")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)
