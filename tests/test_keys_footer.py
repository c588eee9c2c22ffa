"""Footers tell the truth: every key where they fit, `? more keys` where not (issue 16)."""

from __future__ import annotations

import pytest
from apps import AppFactory, play_at
from on_screen import footer_keys, row_texts, rows
from rich.segment import Segment
from textual.command import CommandPalette
from textual.screen import Screen

from backcare_tui.app import BackcareApp
from backcare_tui.screens.editor import EditorScreen
from backcare_tui.screens.help import HelpScreen
from backcare_tui.screens.player import PlayerScreen
from backcare_tui.screens.settings_screen import SettingsScreen
from backcare_tui.widgets.keys_footer import KeysFooter, Placed


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


def placed(backcare: BackcareApp) -> dict[str, Placed]:
    """The footer's keys by their description, where the footer drew them."""
    footer = backcare.screen.query_one(KeysFooter)
    return {place.item.description: place for place in footer.placed()}


def key_cells(backcare: BackcareApp, place: Placed) -> list[Segment]:
    footer = backcare.screen.query_one(KeysFooter)
    start = footer.region.x + place.x
    return list(rows(backcare.screen)[footer.region.y].crop(start, start + place.width))


async def test_the_row_of_keys_is_one_widget(app_with: AppFactory) -> None:
    backcare = app_with()
    async with backcare.run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        footer = backcare.screen.query_one(KeysFooter)
        assert not footer.children
        assert footer_keys(backcare.screen)[-1] == "^p palette"
        assert "s Settings" in footer_keys(backcare.screen)


@pytest.mark.parametrize(
    ("size", "key", "lands_on"),
    [
        ((200, 30), "Settings", SettingsScreen),
        ((200, 30), "Help", HelpScreen),
        ((200, 30), "palette", CommandPalette),
        ((80, 24), "more keys", HelpScreen),
    ],
)
async def test_a_click_on_a_key_presses_it(
    size: tuple[int, int], key: str, lands_on: type[Screen[object]], app_with: AppFactory
) -> None:
    backcare = app_with()
    async with backcare.run_test(size=size) as pilot:
        await pilot.pause()
        place = placed(backcare)[key]
        assert await pilot.click(KeysFooter, offset=(place.x + place.width - 1, 0))
        await pilot.pause()
        assert isinstance(backcare.screen, lands_on)


async def test_a_click_between_keys_does_nothing(app_with: AppFactory) -> None:
    backcare = app_with()
    async with backcare.run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        home = backcare.screen
        place = placed(backcare)["Settings"]
        await pilot.click(KeysFooter, offset=(place.x + place.width, 0))  # the gap after it
        await pilot.click(KeysFooter, offset=(150, 0))  # the empty middle of the row
        await pilot.pause()
        assert backcare.screen is home


async def test_the_key_under_the_pointer_is_highlighted_with_its_tooltip(
    app_with: AppFactory,
) -> None:
    """The tooltip is the footer's own while the pointer is on the key: Textual shows
    a widget's tooltip once the pointer rests on it."""
    backcare = app_with()
    async with backcare.run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        settings, quit_ = placed(backcare)["Settings"], placed(backcare)["Quit"]
        before = key_cells(backcare, settings), key_cells(backcare, quit_)
        assert settings.item.tooltip

        await pilot.hover(KeysFooter, offset=(settings.x + 1, 0))
        await pilot.pause()
        hovered = key_cells(backcare, settings)
        assert [cell.text for cell in hovered] == [cell.text for cell in before[0]]
        assert all(cell.style != old.style for cell, old in zip(hovered, before[0], strict=True))
        assert key_cells(backcare, quit_) == before[1], "only the key under the pointer"
        assert backcare.screen.query_one(KeysFooter).tooltip == settings.item.tooltip

        await pilot.hover(KeysFooter, offset=(quit_.x, 0))
        await pilot.pause()
        assert key_cells(backcare, settings) == before[0]
        assert key_cells(backcare, quit_) != before[1]
        assert backcare.screen.query_one(KeysFooter).tooltip == quit_.item.tooltip

        await pilot.hover(KeysFooter, offset=(150, 0))  # no key there
        await pilot.pause()
        assert (key_cells(backcare, settings), key_cells(backcare, quit_)) == before
        assert backcare.screen.query_one(KeysFooter).tooltip is None


async def test_a_disabled_key_is_dimmed_and_a_click_on_it_only_rings(
    app_with: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    backcare = app_with()
    async with backcare.run_test(size=(200, 30)) as pilot:
        await pilot.press("n")  # a new routine: nothing to undo yet
        await pilot.pause()
        editor = backcare.screen
        assert isinstance(editor, EditorScreen)
        undo = placed(backcare)["Undo"]
        assert not undo.item.enabled
        dimmed, add = key_cells(backcare, undo), key_cells(backcare, placed(backcare)["Add"])
        for part in (0, 1):  # the key, then the description: dimmed (Textual blends dim in)
            theirs, ours = dimmed[part].style, add[part].style
            assert theirs is not None and ours is not None
            assert theirs.color != ours.color and theirs.bgcolor == ours.bgcolor
        rung: list[None] = []
        monkeypatch.setattr(backcare, "bell", lambda: rung.append(None))
        simulated: list[str] = []
        monkeypatch.setattr(backcare, "simulate_key", simulated.append)
        await pilot.click(KeysFooter, offset=(undo.x, 0))
        await pilot.pause()
        assert rung == [None] and simulated == []
        assert backcare.screen is editor


async def test_the_row_is_laid_out_again_when_the_width_changes(app_with: AppFactory) -> None:
    backcare = app_with()
    async with backcare.run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        wide = footer_keys(backcare.screen)
        assert "? Help" in wide and wide[-1] == "^p palette"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        narrow = footer_keys(backcare.screen)
        assert narrow[-1] == "? more keys", "the palette's key is hidden under 100 columns"
        assert "q Quit" in narrow and len(narrow) < len(wide)
        await pilot.resize_terminal(200, 30)
        await pilot.pause()
        assert footer_keys(backcare.screen) == wide


async def test_the_row_follows_the_screens_keys(app_with: AppFactory) -> None:
    backcare = app_with()
    async with backcare.run_test(size=(200, 30)) as pilot:
        await play_at(backcare, pilot, 10)
        assert "space Pause" in footer_keys(backcare.screen)
        await pilot.press("space")
        await pilot.pause()
        assert "space Resume" in footer_keys(backcare.screen)
        assert "space Pause" not in footer_keys(backcare.screen)
