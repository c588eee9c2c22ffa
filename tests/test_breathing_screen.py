"""The breathing screen: pick or type a pattern and a length, see the pace, press Enter."""

from __future__ import annotations

from typing import Any

from apps import AppFactory
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Static

from backcare_tui.app import BackcareApp
from backcare_tui.core.breathing import PRESETS, BreathPattern
from backcare_tui.core.model import Breathing
from backcare_tui.screens.breathing import BreathingScreen
from backcare_tui.screens.player import PlayerScreen
from backcare_tui.widgets.pacer import Pacer


async def open_screen(app: BackcareApp, pilot: Pilot[Any]) -> BreathingScreen:
    app.action_breathe()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, BreathingScreen)
    return screen


def text_of(screen: BreathingScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def type_into(pilot: Pilot[Any], screen: BreathingScreen, selector: str, text: str) -> None:
    field = screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    await pilot.press(*text)
    await pilot.pause()


def playing(app: BackcareApp) -> Breathing:
    screen = app.screen
    assert isinstance(screen, PlayerScreen)
    action = screen.routine.steps[0].action
    assert isinstance(action, Breathing)
    return action


async def test_presets_with_their_pace_and_description(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot)
        presets = screen.query_one("#breathing-presets", OptionList)
        assert presets.option_count == len(PRESETS)
        first = str(presets.get_option_at_index(0).prompt)
        assert "diaphragmatic" in first and "4-6 · 6/min" in first
        assert PRESETS["diaphragmatic"].description in first
        assert screen.query_one("#breathing-pattern", Input).value == "diaphragmatic"
        assert text_of(screen, "#breathing-pace") == "in 4 s · out 6 s · 6 breaths a minute"
        plan = text_of(screen, "#breathing-plan")
        assert plan == "5 minutes: 30 breaths, 5:05 with a 5 s lead-in"


async def test_moving_through_the_list_fills_the_pattern(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot)
        await pilot.press("down")
        assert screen.query_one("#breathing-pattern", Input).value == "box"
        assert text_of(screen, "#breathing-pace").startswith("in 4 s · hold 4 s · out 4 s")
        await pilot.press("enter")
        await pilot.pause()
        breathing = playing(app)
        assert [type(s).__name__ for s in app.screen_stack[-2:]] == [
            "BreathingScreen",
            "PlayerScreen",
        ]
        assert breathing.preset == "box"
        assert breathing.pattern == PRESETS["box"].pattern
        assert breathing.minutes == 5


async def test_typed_pattern_and_cycles_start_a_session(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot)
        await type_into(pilot, screen, "#breathing-pattern", "4-7-8")
        assert text_of(screen, "#breathing-pace") == (
            "in 4 s · hold 7 s · out 8 s · 3.2 breaths a minute"
        )
        await type_into(pilot, screen, "#breathing-length", "12 cycles")
        assert text_of(screen, "#breathing-plan") == "12 breaths: 3:53 with a 5 s lead-in"
        await pilot.press("enter")
        await pilot.pause()
        assert sum(isinstance(s, PlayerScreen) for s in app.screen_stack) == 1
        breathing = playing(app)
        assert breathing.pattern == BreathPattern(4, 7, 8, 0)
        assert breathing.cycles == 12
        assert app.screen.query_one(Pacer)


async def test_warnings_show_but_do_not_block(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot)
        warnings = screen.query_one("#breathing-warnings", Static)
        assert not warnings.display
        await type_into(pilot, screen, "#breathing-pattern", "4-15-8")
        assert warnings.display
        assert "Long hold (15 s)" in text_of(screen, "#breathing-warnings")
        await type_into(pilot, screen, "#breathing-pattern", "1-1")
        assert "Fast pace (30 breaths a minute)" in text_of(screen, "#breathing-warnings")
        await pilot.press("enter")
        await pilot.pause()
        assert playing(app).pattern == BreathPattern(1, 0, 1, 0)


async def test_mistakes_are_explained_and_nothing_starts(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot)
        await type_into(pilot, screen, "#breathing-pattern", "4-x")
        pattern = screen.query_one("#breathing-pattern", Input)
        assert pattern.has_class("-invalid")
        assert "like" in text_of(screen, "#breathing-pace")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        await type_into(pilot, screen, "#breathing-pattern", "box")
        assert not pattern.has_class("-invalid")
        # Typing a preset's name picks it in the list too.
        assert screen.query_one("#breathing-presets", OptionList).highlighted == 1
        await type_into(pilot, screen, "#breathing-length", "0")
        assert screen.query_one("#breathing-length", Input).has_class("-invalid")
        assert "more than 0" in text_of(screen, "#breathing-plan")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen


async def test_escape_goes_back(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen
        assert not isinstance(app.screen, BreathingScreen)


async def test_a_preset_can_be_chosen_up_front(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(BreathingScreen("coherent"))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BreathingScreen)
        assert screen.query_one("#breathing-pattern", Input).value == "coherent"
        plan = text_of(screen, "#breathing-plan")
        assert plan == "5 minutes: 27 breaths, 5:02 with a 5 s lead-in"


async def test_fits_at_80x24(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot)
        hint = screen.query_one("#breathing-start", Button)
        assert hint.region.bottom <= 23
        assert hint.region.width > 0


async def test_start_button_for_the_mouse(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(app, pilot)
        await pilot.click("#breathing-start")
        await pilot.pause()
        assert playing(app).preset == "diaphragmatic"


def test_a_preset_named_by_its_pattern_is_not_repeated() -> None:
    from backcare_tui.screens.breathing import preset_prompt

    assert str(preset_prompt("4-7-8")).startswith("4-7-8 · 3.2/min\n")
    assert str(preset_prompt("box")).startswith("box  4-4-4-4 · 3.8/min\n")
