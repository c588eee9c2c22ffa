"""`ascii` means ASCII on every screen, and NO_COLOR means no colour (issue 16).

Every screen is opened the way a person reaches it (the openers of
tests/test_sizes.py), then what the terminal would be sent is read back:
under ascii, no character outside printable ASCII except letters, which can
only come from a routine a person wrote; under NO_COLOR, no colour at all.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from apps import AppFactory
from on_screen import rows
from rich.segment import Segment
from test_sizes import SCREENS
from textual.pilot import Pilot

from backcare_tui.app import BackcareApp
from backcare_tui.looks import ascii_text
from backcare_tui.screens.editor_actions import edit_routine

EXTRA_SCREENS = {
    "palette": "CommandPalette",
    "toast": "HomeScreen",
}


def segments(app: BackcareApp) -> list[Segment]:
    return [segment for strip in rows(app.screen) for segment in strip]


def not_ascii(text: str) -> set[str]:
    """Characters outside printable ASCII, letters and digits aside (a routine's own text)."""
    return {
        c
        for c in text
        if not (c.isascii() and (c.isprintable() or c == "\n"))
        and unicodedata.category(c)[0] not in "LN"
    }


async def open_screen(app: BackcareApp, pilot: Pilot[Any], name: str) -> None:
    await pilot.pause()
    if name == "palette":
        await pilot.press("ctrl+p")
    elif name == "toast":
        app.notify("Saved “Desk break” · 2 steps…", title="Editor")
    else:
        opener, _ = SCREENS[name]
        await opener(app, pilot)
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("name", [*SCREENS, *EXTRA_SCREENS])
async def test_ascii_everywhere(name: str, user_routines: Path, app_with: AppFactory) -> None:
    (user_routines / "ubung.toml").write_text(
        'name = "Übung für Rücken"\n[[steps]]\nname = "Dehnen"\nduration = 30\n'
    )
    app = app_with(ascii=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(app, pilot, name)
        expected = SCREENS[name][1] if name in SCREENS else EXTRA_SCREENS[name]
        assert type(app.screen).__name__ == expected
        text = "".join(segment.text for segment in segments(app))
        assert not_ascii(text) == set(), name
        if name == "home":
            assert "Übung für Rücken" in text  # a person's own words stay as written


async def test_footer_keys_are_words_in_ascii(app_with: AppFactory) -> None:
    app = app_with(ascii=True)
    async with app.run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        edit_routine(app, app.library.find("desk-break"))
        await pilot.pause()
        footer = "".join(s.text for s in segments(app)).splitlines()[-1]
        assert footer.isascii()
        assert "⇧" not in footer and "→" not in footer


def test_drawing_characters_become_ascii_of_the_same_width() -> None:
    drawn = "╭─ Stop? ─╮│▏…·●○→⇧⏎▅“x”🔎"
    shown = ascii_text(drawn)
    assert shown.isascii()
    assert len(shown) == len(drawn) + 1  # the magnifier is two cells wide, so two characters
    assert ascii_text("Übung für Rücken") == "Übung für Rücken"


@pytest.mark.parametrize("name", ["home", "player, hold", "stop?", "settings", "editor"])
async def test_no_color_means_no_colour(
    name: str, monkeypatch: pytest.MonkeyPatch, app_with: AppFactory
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(app, pilot, name)
        coloured = {
            (segment.style.color, segment.style.bgcolor)
            for segment in segments(app)
            if segment.style is not None
            and any(
                c is not None and not c.is_default
                for c in (segment.style.color, segment.style.bgcolor)
            )
        }
        assert coloured == set()


async def test_no_color_shows_the_highlighted_routine_in_reverse(
    monkeypatch: pytest.MonkeyPatch,
    app_with: AppFactory,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        reversed_text = {
            segment.text.strip()
            for segment in segments(app)
            if segment.style is not None and segment.style.reverse
        }
        assert "Core support" in reversed_text
        await pilot.press("down")
        await pilot.pause()
        reversed_text = {
            segment.text.strip()
            for segment in segments(app)
            if segment.style is not None and segment.style.reverse
        }
        assert "Desk break" in reversed_text and "Core support" not in reversed_text
