"""Settings: "Changes apply at once" holds for typed values too (issue 16).

A valid value is applied and saved once typing pauses for TYPING_PAUSE on the
app's clock; a bad one says why on the line under its field, right there,
and is never saved."""

from __future__ import annotations

import time
import tomllib
from typing import Any

import pytest
from apps import AppFactory
from terminal import terminal
from textual.pilot import Pilot
from textual.widgets import Input, Label

from backcare_tui.app import BackcareApp
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.paths import config_file
from backcare_tui.core.settings import Settings
from backcare_tui.screens.settings_screen import TYPING_PAUSE, SettingsScreen


async def open_settings(app: BackcareApp, pilot: Pilot[Any]) -> SettingsScreen:
    await pilot.pause()
    app.push_screen(SettingsScreen())
    await pilot.pause()
    assert isinstance(app.screen, SettingsScreen)
    return app.screen


async def saved(app: BackcareApp, pilot: Pilot[Any]) -> dict[str, Any]:
    await app.workers.wait_for_complete()
    await pilot.pause()
    return tomllib.loads(config_file().read_text())


async def test_a_valid_value_is_saved_once_typing_pauses_without_leaving_the_field(
    app_with: AppFactory,
) -> None:
    clock = FakeClock()
    app = app_with(clock=clock)
    async with app.run_test() as pilot:
        screen = await open_settings(app, pilot)
        volume = screen.query_one("#set-volume", Input)
        volume.focus()
        volume.value = ""
        await pilot.press("4")
        clock.advance(TYPING_PAUSE / 2)
        await pilot.press("0")
        clock.advance(TYPING_PAUSE / 2)
        screen.apply_typed()  # what the timer runs: the last key was only half a pause ago
        assert app.settings.volume != 40
        assert not config_file().exists()
        clock.advance(TYPING_PAUSE / 2)
        screen.apply_typed()
        assert app.settings.volume == 40
        assert (await saved(app, pilot))["volume"] == 40
        assert screen.focused is volume  # still typing there: nothing needed Tab or Enter


async def test_a_bad_value_says_why_beside_its_field_and_is_not_saved(app_with: AppFactory) -> None:
    clock = FakeClock()
    app = app_with(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        volume = screen.query_one("#set-volume", Input)
        volume.focus()
        volume.value = ""
        await pilot.press("1", "5", "0")
        why = screen.query_one("#hint-volume", Label)
        assert str(why.content) == "Not saved: must be a whole number from 0 to 100, got 150"
        assert why.has_class("-bad") and volume.has_class("-bad")
        assert why.region.y == volume.region.bottom  # right under the field, on screen
        assert screen.region.contains_region(why.region)
        clock.advance(TYPING_PAUSE * 4)
        screen.apply_typed()
        await pilot.press("tab")
        assert app.settings.volume == Settings().volume
        await app.workers.wait_for_complete()
        assert not config_file().exists()


@pytest.mark.script
def test_in_a_real_terminal_typing_saves_and_a_bad_value_says_why() -> None:
    """The console script in a pty: a volume typed is in the config file while
    the cursor is still in the field; a bad one is named under it, never saved."""
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("notice_seen = true\nsound = false\n", encoding="utf-8")
    with terminal() as term:
        term.wait_for("pick a routine")
        term.send("s")
        term.wait_for("Changes apply at once")
        term.send("\t")
        term.wait_for("Volume           80")
        term.send("\t")  # the volume field follows the first box
        term.send("\x7f" * 2)
        term.wait_for("got ''")
        term.send("4")
        term.send("0")
        term.wait_for("Volume           40")
        deadline = time.monotonic() + 10
        while "volume = 40" not in path.read_text() and time.monotonic() < deadline:
            term.pump(0.1)
        assert "volume = 40" in path.read_text(), term.text()
        term.send("0")
        term.wait_for("Not saved: must be a whole number from 0 to 100, got 400")
        term.send("\x7f")
        term.wait_for("loudness of the cue sounds, 0-100")
        term.send("\x11")  # Ctrl+Q
        term.wait_exit()
    assert "volume = 40" in path.read_text()
