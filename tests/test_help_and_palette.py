"""Help lists the keys of the screen it came from; the palette offers routines and presets."""

from __future__ import annotations

from apps import AppFactory

from backcare_tui.app import BackcareApp
from backcare_tui.core.clock import FakeClock
from backcare_tui.screens.breathing import BreathingScreen
from backcare_tui.screens.help import HelpScreen, key_groups
from backcare_tui.screens.home import HomeScreen
from backcare_tui.screens.player import PlayerScreen


def titles(app: BackcareApp) -> list[str]:
    return [command.title for command in app.get_system_commands(app.screen)]


async def test_palette_offers_routines_and_presets_on_home_only(app_with: AppFactory) -> None:
    backcare = app_with()
    async with backcare.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(backcare.screen, HomeScreen)
        found = titles(backcare)
        assert "Start routine: Desk break" in found
        assert "Breathe: box (4-4-4-4)" in found
        backcare.start_routine_named("desk-break")
        await pilot.pause()
        assert isinstance(backcare.screen, PlayerScreen)
        assert not any(t.startswith("Start routine") for t in titles(backcare))
        assert "Pause" in titles(backcare)


async def test_breathe_preset_opens_the_breathing_screen_with_it(app_with: AppFactory) -> None:
    backcare = app_with()
    async with backcare.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        backcare.breathe_preset("box")
        await pilot.pause()
        assert isinstance(backcare.screen, BreathingScreen)
        assert backcare.screen.initial == "box"


async def test_help_shows_the_keys_of_the_screen_below(app_with: AppFactory) -> None:
    backcare = app_with()
    async with backcare.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = backcare.screen
        groups = key_groups(home)
        descriptions = {d for rows in groups.values() for _, d in rows}
        assert {"Start", "Filter", "Quit"} <= descriptions
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(backcare.screen, HelpScreen)
        assert backcare.screen.under is home
        await pilot.press("escape")
        await pilot.pause()
        assert backcare.screen is home


async def test_help_opens_from_the_player_too(app_with: AppFactory) -> None:
    backcare = app_with()
    async with backcare.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        backcare.start_routine_named("desk-break")
        await pilot.pause()
        player = backcare.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(backcare.screen, HelpScreen)
        descriptions = {d for rows in key_groups(player).values() for _, d in rows}
        # Help pauses the session under it, so space now resumes.
        assert "Resume" in descriptions and "+10s" in " ".join(descriptions)


async def test_help_and_the_palette_hold_the_session_still(app_with: AppFactory) -> None:
    clock = FakeClock()
    backcare = app_with(clock=clock)
    async with backcare.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        backcare.start_routine_named("desk-break")
        await pilot.pause()
        screen = backcare.screen
        assert isinstance(screen, PlayerScreen) and screen.player is not None
        engine = screen.player
        clock.advance(3)
        await pilot.press("question_mark")
        assert engine.paused
        clock.advance(100)
        await pilot.press("escape")
        await pilot.pause()
        assert backcare.screen_stack[-1] is screen and not engine.paused
        assert engine.elapsed == 3
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert engine.paused
        clock.advance(50)
        await pilot.press("escape")
        await pilot.pause()
        assert not engine.paused and engine.elapsed == 3
        await pilot.press("space", "question_mark", "escape")
        await pilot.pause()
        assert engine.paused, "paused before help stays paused after it"
