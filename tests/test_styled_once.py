"""backcare_tui/styled_once.py: a screen's widgets are styled once before it is first shown,
every later showing restyles them as Textual does, and home looks the same either way."""

from __future__ import annotations

from collections import Counter

import pytest
from apps import AppFactory
from textual.app import App, ComposeResult
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Label

from backcare_tui import styled_once


class Page(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Label("one", id="one")
        yield Label("two", id="two")


class PagesApp(App[None]):
    CSS = "Label { color: red; } #two { text-style: bold; }"


def count_styling(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each node with an id was styled."""
    styled: Counter[str] = Counter()
    textual_apply = Stylesheet.apply

    def apply(self: Stylesheet, node: DOMNode, *args: object, **kwargs: object) -> None:
        if node.id in ("one", "two"):
            styled[node.id] += 1
        textual_apply(self, node, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Stylesheet, "apply", apply)
    return styled


async def test_a_screen_shown_for_the_first_time_is_styled_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    styled = count_styling(monkeypatch)
    app = PagesApp()
    async with app.run_test() as pilot:
        await app.push_screen(Page())
        await pilot.pause()
        assert styled == {"one": 1, "two": 1}
        assert app.screen.query_one("#two", Label).styles.text_style.bold, "styled all the same"


async def test_a_screen_shown_again_is_styled_again_as_textual_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An installed screen pushed again: the stylesheet may have changed meanwhile."""
    styled = count_styling(monkeypatch)
    app = PagesApp()
    async with app.run_test() as pilot:
        app.install_screen(Page(), "page")
        await app.push_screen("page")
        await pilot.pause()
        app.pop_screen()
        await pilot.pause()
        assert styled == {"one": 1, "two": 1}
        await app.push_screen("page")
        await pilot.pause()
        assert styled == {"one": 2, "two": 2}


async def test_without_the_second_pass_home_looks_the_same(
    app_with: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    shots = []
    for resume in (styled_once._on_screen_resume, styled_once.TEXTUAL_ON_SCREEN_RESUME):
        monkeypatch.setattr(Screen, "_on_screen_resume", resume)
        app = app_with()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            shots.append(app.export_screenshot(simplify=True))
    assert shots[0] == shots[1]
