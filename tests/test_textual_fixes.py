"""The workarounds in backcare_tui/textual_fixes.py: each one works, and is still needed."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.command import CommandList, CommandPalette
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import OptionList

import backcare_tui.app  # noqa: F401  (applies the workarounds, as the app does)
from backcare_tui import textual_fixes


class EarlyPage(OptionList):
    """A key that arrives before the list's first layout, as a typed-ahead PageDown does."""

    def on_mount(self) -> None:
        self.highlighted = 0
        self.action_page_down()  # type: ignore[no-untyped-call]
        self.action_page_up()  # type: ignore[no-untyped-call]


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield EarlyPage(*[f"option {n}" for n in range(30)])


async def test_paging_before_layout_does_nothing_instead_of_crashing() -> None:
    app = ListApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        options = app.query_one(EarlyPage)
        assert options.highlighted == 0
        await pilot.press("pagedown")
        assert options.highlighted is not None and options.highlighted > 0, "paging still works"


async def test_textual_still_has_the_paging_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    """When this fails, the pinned Textual fixed the bug: remove the workaround."""
    monkeypatch.setattr(OptionList, "_move_page", textual_fixes._textual_move_page)
    app = ListApp()
    with pytest.raises(KeyError):
        async with app.run_test() as pilot:
            await pilot.pause()


class PaletteApp(App[None]):
    def compose(self) -> ComposeResult:
        yield OptionList("x")


async def _search_ends_after_the_palette_closed() -> None:
    app = PaletteApp()
    async with app.run_test() as pilot:
        app.action_command_palette()
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await palette.query_one(CommandList).remove()  # what closing does first
        palette._list_visible = not palette._list_visible  # what a late search does
        await pilot.pause()


async def test_a_search_that_ends_after_the_palette_closed_is_dropped() -> None:
    await _search_ends_after_the_palette_closed()


async def test_textual_still_has_the_palette_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    """When this fails, the pinned Textual fixed the bug: remove the workaround."""
    monkeypatch.setattr(
        CommandPalette, "_watch__list_visible", textual_fixes._textual_watch_list_visible
    )
    with pytest.raises(NoMatches):
        await _search_ends_after_the_palette_closed()


async def _late_choice() -> list[str]:
    """The palette gets a choice while another screen has opened over it (a key typed
    earlier that opened the editor late, in the monkey's run); returns the stack."""
    app = PaletteApp()
    async with app.run_test() as pilot:
        app.action_command_palette()
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press("down")
        await pilot.pause()
        await app.push_screen(Screen(name="over"))
        palette._action_command_list("select")  # the choice arrives now
        await pilot.pause()
        return [type(screen).__name__ for screen in app.screen_stack]


async def test_a_choice_that_arrives_when_the_palette_is_not_on_top_is_dropped() -> None:
    assert await _late_choice() == ["Screen", "CommandPalette", "Screen"]


async def test_textual_still_has_the_late_choice_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    """When this fails, the pinned Textual fixed the bug: remove the workaround."""
    monkeypatch.setattr(
        CommandPalette, "_select_or_command", textual_fixes._textual_select_or_command
    )
    # Textual dismisses "the palette" by popping whatever is on top: the wrong screen.
    assert await _late_choice() == ["Screen", "CommandPalette"]
