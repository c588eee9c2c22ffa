"""Home shows and plays a progressing routine at the person's level."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

from apps import AppFactory
from rich.console import Console
from sessions import a_session
from textual.widgets import Static

from backcare_tui.core.history import record_session
from backcare_tui.core.model import Held
from backcare_tui.screens.home import HomeScreen
from backcare_tui.screens.player import PlayerScreen

PRACTICE = """\
format = 1
name = "Plank practice"
prepare = 0

[[steps]]
name = "Plank"
hold = 20
reps = 3
rest = 20
progress = { hold = "+5s", hold_max = "45s", every = 3 }
"""


def played(n: int) -> None:
    start = datetime(2026, 11, 1, 9, tzinfo=UTC) + timedelta(days=n)
    record_session(a_session(start, name="Plank practice", planned=100, steps=1))


def rendered(widget: Static) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


async def test_preview_list_and_player_use_the_level(
    user_routines: Path, app_with: AppFactory
) -> None:
    (user_routines / "plank-practice.toml").write_text(PRACTICE)
    for n in range(6):
        played(n)
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        await pilot.press("slash", *"plank")
        await pilot.pause()
        assert [e.key for e in home.entries] == ["plank-practice"]
        preview = rendered(home.query_one("#preview-body", Static))
        assert "hold 30s, 3 reps, rest 20s between" in preview
        assert "level 2 · was hold 20s" in preview
        assert "2m 10s · 1 step" in preview
        await pilot.press("enter")
        await pilot.pause()
        player = app.screen
        assert isinstance(player, PlayerScreen)
        action = player.routine.steps[0].action
        assert isinstance(action, Held) and action.hold == 30
