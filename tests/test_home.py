"""Home: the list, the filter, the preview, broken files and every key."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from apps import AppFactory
from rich.console import Console
from textual.widgets import Input, OptionList, Static

from backcare_tui.app import BackcareApp
from backcare_tui.core.library import Entry, EntryKind
from backcare_tui.core.model import Held, Routine, Step
from backcare_tui.screens.home import HomeScreen, matches
from backcare_tui.screens.player import PlayerScreen

GOOD = """\
format = 1
name = "Wall angels"
description = "Slide your arms up and down a wall."
tags = ["posture", "standing"]
equipment = ["wall"]
prepare = 0

[[steps]]
name = "Angels"
hold = 5
reps = 3
rest = 2
"""

BROKEN = """\
format = 1
name = "Oops"

[[steps]]
name = "Plank"
hold = "forever"
"""


def home_of(app: BackcareApp) -> HomeScreen:
    screen = app.screen
    assert isinstance(screen, HomeScreen)
    return screen


def names(home: HomeScreen) -> list[str]:
    return [entry.routine.name if entry.routine else entry.key for entry in home.entries]


def preview_text(home: HomeScreen) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(home.query_one("#preview-body", Static).content)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


def test_filter_matches_every_word_in_name_tags_equipment() -> None:
    routine = Routine("Desk break", (Step("x", Held(5)),), tags=("seated",), equipment=("chair",))
    entry = Entry("desk-break", Path("desk-break.toml"), EntryKind.USER, routine=routine)
    assert matches(entry, "")
    assert matches(entry, "DESK")
    assert matches(entry, "seated chair")
    assert not matches(entry, "seated ball")


async def test_lists_routines_with_time_and_tags_and_previews_them(
    user_routines: Path, app_with: AppFactory
) -> None:
    (user_routines / "wall-angels.toml").write_text(GOOD, encoding="utf-8")
    the_app = app_with()
    async with the_app.run_test(size=(120, 40)) as pilot:
        home = home_of(the_app)
        assert "Desk break" in names(home)
        assert "Wall angels" in names(home)
        options = home.query_one("#home-routines", OptionList)
        assert options.has_focus
        while home.highlighted_entry is None or home.highlighted_entry.key != "wall-angels":
            await pilot.press("down")
        text = preview_text(home)
        assert "Wall angels" in text
        assert "Slide your arms up and down a wall." in text
        assert "Equipment wall" in text
        assert "1. Angels" in text and "hold 5s, 3 reps, rest 2s between" in text
        assert "Total 19s" in text


async def test_a_broken_file_is_shown_with_its_error(
    user_routines: Path, app_with: AppFactory
) -> None:
    (user_routines / "oops.toml").write_text(BROKEN, encoding="utf-8")
    the_app = app_with()
    async with the_app.run_test(size=(120, 40)) as pilot:
        home = home_of(the_app)
        options = home.query_one("#home-routines", OptionList)
        assert options.get_option("broken-heading").disabled
        broken = [e for e in home.entries if e.routine is None]
        assert [e.key for e in broken] == ["oops"]
        options.highlighted = options.get_option_index(f"row-{home.entries.index(broken[0])}")
        await pilot.pause()
        text = preview_text(home)
        assert "oops.toml cannot be used" in text
        assert 'step 1 "Plank"' in text
        await pilot.press("enter")
        assert the_app.screen is home, "a broken file never starts"


async def test_filter_narrows_the_list_and_escape_clears_it(app_with: AppFactory) -> None:
    the_app = app_with()
    async with the_app.run_test(size=(100, 30)) as pilot:
        home = home_of(the_app)
        everything = len(home.entries)
        await pilot.press("slash")
        assert home.query_one("#home-filter", Input).has_focus
        await pilot.press(*"foam")
        assert "Foam roller release" in names(home)
        assert "Desk break" not in names(home)
        assert len(home.entries) < everything
        home.query_one("#home-filter", Input).value = "stability ball"
        await pilot.pause()
        assert "Core support" in names(home)
        assert "Desk break" not in names(home)
        home.query_one("#home-filter", Input).value = "no such thing"
        await pilot.pause()
        assert names(home) == []
        assert home.query_one("#home-routines", OptionList).get_option("empty")
        await pilot.press("escape")
        assert len(home.entries) == everything
        assert home.query_one("#home-routines", OptionList).has_focus


async def test_enter_starts_the_highlighted_routine_also_from_the_filter(
    app_with: AppFactory,
) -> None:
    the_app = app_with()
    async with the_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"desk", "enter")
        screen = the_app.screen
        assert isinstance(screen, PlayerScreen)
        assert screen.routine.name == "Desk break"
        assert screen.path is not None and screen.path.name == "desk-break.toml"


async def test_keys_for_other_screens_are_never_dead(app_with: AppFactory) -> None:
    the_app = app_with()
    async with the_app.run_test(size=(100, 30)) as pilot:
        home = home_of(the_app)
        for key in ("b", "h", "question_mark"):
            await pilot.press(key)
            assert the_app.screen is not home, key
            while the_app.screen is not home:
                the_app.pop_screen()
                await pilot.pause()
        await pilot.press("q")
        assert not the_app.is_running


async def test_every_home_key_is_in_the_palette(app_with: AppFactory) -> None:
    the_app = app_with()
    async with the_app.run_test(size=(100, 30)):
        home = home_of(the_app)
        titles = {c.title for c in the_app.get_system_commands(home)}
        for title in ("Start", "Filter", "Breathe", "Edit", "New", "Copy", "History", "Help"):
            assert title in titles
        assert "Pause" not in titles


async def test_routine_text_is_not_markup(user_routines: Path, app_with: AppFactory) -> None:
    (user_routines / "odd.toml").write_text(
        GOOD.replace('"Wall angels"', '"[red]Odd[/red]"'), encoding="utf-8"
    )
    the_app = app_with()
    async with the_app.run_test(size=(120, 40)) as pilot:
        home = home_of(the_app)
        home.query_one("#home-filter", Input).value = "odd"
        await pilot.pause()
        assert names(home) == ["[red]Odd[/red]"]
        assert "[red]Odd[/red]" in preview_text(home)


@pytest.mark.parametrize("size", [(20, 6), (50, 15), (80, 24), (300, 100)])
async def test_home_survives_any_size(
    size: tuple[int, int], user_routines: Path, app_with: AppFactory
) -> None:
    (user_routines / "oops.toml").write_text(BROKEN, encoding="utf-8")
    the_app = app_with()
    async with the_app.run_test(size=size) as pilot:
        await pilot.press("down", "down", "up")
        await pilot.resize_terminal(size[0] // 2 or 1, size[1] // 2 or 1)
        await pilot.pause()
        assert isinstance(the_app.screen, HomeScreen)
