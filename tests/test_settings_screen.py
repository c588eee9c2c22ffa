"""The settings screen changes the config file, and the app, as the person edits."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from apps import AppFactory
from on_screen import toasts
from textual.pilot import Pilot
from textual.widgets import Input, Label, Select

from backcare_tui.app import BackcareApp, make_app
from backcare_tui.core.paths import config_file
from backcare_tui.core.settings import Settings, load_settings
from backcare_tui.screens.home import HomeScreen
from backcare_tui.screens.settings_screen import SettingsScreen, Tick


async def open_settings(app: BackcareApp, pilot: Pilot[Any]) -> SettingsScreen:
    await pilot.pause()
    app.push_screen(SettingsScreen())
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


async def saved(app: BackcareApp, pilot: Pilot[Any]) -> dict[str, Any]:
    await app.workers.wait_for_complete()
    await pilot.pause()
    return tomllib.loads(config_file().read_text())


async def test_every_setting_has_a_field(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test() as pilot:
        screen = await open_settings(app, pilot)
        ids = {w.id for w in screen.query("Tick, Input, Select")}
        # The reminder times are installed with the system's scheduler: `backcare remind set`.
        schedule = {"remind_at", "remind_days", "remind_every", "remind_between"}
        keys = set(Settings.__dataclass_fields__) - {"plan"} - schedule
        days = {f"set-plan-{day}" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
        assert ids == {f"set-{key}" for key in keys} | days


async def test_ticking_a_box_saves_the_config_file(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test() as pilot:
        screen = await open_settings(app, pilot)
        box = screen.query_one("#set-pain_checkin", Tick)
        assert box.value is False
        box.focus()
        await pilot.press("space")
        assert app.settings.pain_checkin is True
        data = await saved(app, pilot)
        assert data["pain_checkin"] is True
        assert data["weekly_goal"] == 3
    assert load_settings()[0].pain_checkin is True


async def test_the_theme_applies_at_once_and_is_remembered(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test() as pilot:
        screen = await open_settings(app, pilot)
        screen.query_one("#set-theme", Select).value = "nord"
        await pilot.pause()
        assert app.theme == "nord"
        assert (await saved(app, pilot))["theme"] == "nord"
    assert make_app().settings.theme == "nord"


async def test_a_theme_picked_in_the_palette_is_remembered_too(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test() as pilot:
        await pilot.pause()
        app.theme = "gruvbox"
        await pilot.pause()
        assert (await saved(app, pilot))["theme"] == "gruvbox"


async def test_a_bad_number_is_named_and_never_saved(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test() as pilot:
        screen = await open_settings(app, pilot)
        goal = screen.query_one("#set-weekly_goal", Input)
        goal.focus()
        goal.value = ""
        await pilot.press("0", "enter")
        problem = screen.query_one("#hint-weekly_goal", Label)
        assert "Not saved: must be a whole number from 1 to 21" in str(problem.content)
        assert problem.has_class("-bad")
        assert goal.has_class("-bad")
        assert app.settings.weekly_goal == 3
        await app.workers.wait_for_complete()
        assert not config_file().exists()
        await pilot.press("backspace", "4", "enter")
        assert not goal.has_class("-bad")
        assert str(problem.content) == "sessions a week, 1-21; 3 to 4 suits most backs"
        assert app.settings.weekly_goal == 4
        assert (await saved(app, pilot))["weekly_goal"] == 4


async def test_typed_values_are_kept_on_leaving_the_screen(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test() as pilot:
        screen = await open_settings(app, pilot)
        screen.query_one("#set-prepare_seconds", Input).value = "7.5"
        screen.query_one("#set-voice_program", Input).value = "espeak-ng"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        data = await saved(app, pilot)
    assert data["prepare_seconds"] == 7.5
    assert data["voice_program"] == "espeak-ng"


async def test_routine_folders_rescan_the_library(tmp_path: Path, app_with: AppFactory) -> None:
    folder = tmp_path / "more routines"
    folder.mkdir()
    (folder / "wall-angels.toml").write_text(
        'version = 1\nname = "Wall angels"\n\n[[steps]]\nname = "Slide"\nduration = "30s"\n'
    )
    app = app_with()
    async with app.run_test() as pilot:
        assert app.library.find("wall-angels") is None
        screen = await open_settings(app, pilot)
        field = screen.query_one("#set-routine_folders", Input)
        field.value = str(folder)
        field.focus()
        await pilot.press("enter")
        assert app.settings.routine_folders == (str(folder),)
        assert app.library.find("wall-angels") is not None
        assert (await saved(app, pilot))["routine_folders"] == [str(folder)]


async def test_backcare_config_is_the_file_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_with: AppFactory
) -> None:
    other = tmp_path / "elsewhere.toml"
    monkeypatch.setenv("BACKCARE_CONFIG", str(other))
    app = app_with(sound=True)
    async with app.run_test() as pilot:
        screen = await open_settings(app, pilot)
        screen.query_one("#set-sound", Tick).value = False
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert tomllib.loads(other.read_text())["sound"] is False


async def test_a_config_that_cannot_be_written_gives_a_message(app_with: AppFactory) -> None:
    config_file().mkdir(parents=True)  # a folder where the file should be
    app = app_with()
    async with app.run_test(notifications=True) as pilot:
        screen = await open_settings(app, pilot)
        screen.query_one("#set-auto_pause", Tick).value = True
        await pilot.pause()  # the Changed message starts the save worker; let it be handled
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.settings.auto_pause is True, "the change still holds for this run"
        messages = toasts(app)
        assert any("Cannot save settings" in m for m in messages), messages


async def test_s_on_home_opens_the_settings(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)


async def test_the_weekly_plan_is_edited_day_by_day(app_with: AppFactory) -> None:
    app = app_with(plan={"mon": "posture-reset"})
    async with app.run_test() as pilot:
        screen = await open_settings(app, pilot)
        assert screen.query_one("#set-plan-mon", Select).value == "posture-reset"
        screen.query_one("#set-plan-wed", Select).value = "core-support"
        await pilot.pause()
        assert app.settings.plan == {"mon": "posture-reset", "wed": "core-support"}
        screen.query_one("#set-plan-mon", Select).clear()
        await pilot.pause()
        assert (await saved(app, pilot))["plan"] == {"wed": "core-support"}
    assert make_app().settings.plan == {"wed": "core-support"}


async def test_quiet_hours_and_the_gap_between_reminders(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test() as pilot:
        screen = await open_settings(app, pilot)
        quiet = screen.query_one("#set-quiet_hours", Input)
        quiet.value = "9pm"
        quiet.focus()
        await pilot.press("enter")
        problem = screen.query_one("#hint-quiet_hours", Label)
        assert 'Not saved: must be two times like "21:00-08:00"' in str(problem.content)
        assert app.settings.quiet_hours == "21:00-08:00"
        quiet.value = "22:00-07:30"
        await pilot.press("enter")
        screen.query_one("#set-min_gap", Input).value = "60"
        await pilot.press("escape")
        data = await saved(app, pilot)
    assert (data["quiet_hours"], data["min_gap"]) == ("22:00-07:30", 60)
