"""Footers tell the truth: every key where they fit, `? more keys` where not (issue 16)."""

from __future__ import annotations

import pytest
from apps import AppFactory
from on_screen import row_texts

from backcare_tui.app import BackcareApp
from backcare_tui.screens.player import PlayerScreen


def footer(backcare: BackcareApp) -> str:
    return row_texts(backcare.screen)[-1]


async def show(backcare: BackcareApp, screen: str, size: tuple[int, int]) -> str:
    async with backcare.run_test(size=size) as pilot:
        await pilot.pause()
        if screen == "player":
            backcare.start_routine_named("desk-break")
            await pilot.pause()
            assert isinstance(backcare.screen, PlayerScreen)
        await pilot.pause()
        return footer(backcare)


async def test_home_shows_every_key_when_wide(app_with: AppFactory) -> None:
    shown = await show(app_with(), "home", (200, 30))
    for key in ("s Settings", "del Delete", "^r Reload", "? Help", "q Quit", "⏎ Start"):
        assert key in shown, shown
    assert "more keys" not in shown


async def test_player_footer_has_help(app_with: AppFactory) -> None:
    shown = await show(app_with(), "player", (200, 30))
    assert "? Help" in shown and "q Stop" in shown, shown


@pytest.mark.parametrize(("screen", "leave"), [("home", "q Quit"), ("player", "q Stop")])
@pytest.mark.parametrize("width", [40, 60, 80])
async def test_narrow_footers_keep_the_way_out_and_say_more(
    screen: str, leave: str, width: int, app_with: AppFactory
) -> None:
    shown = await show(app_with(), screen, (width, 24))
    assert leave in shown and shown.rstrip().endswith("? more keys"), shown
    assert "? Help" not in shown
