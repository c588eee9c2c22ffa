"""The workarounds in backcare_tui/textual_fixes.py: each one works, and is still needed."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
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
