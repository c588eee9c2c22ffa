"""Editor keys from issue 16: Tab from the step list lands somewhere you can see,
Ctrl+Z takes back a structural change, and a file that does not load lists no
key that cannot work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from apps import AppFactory
from on_screen import row_texts
from textual.pilot import Pilot
from textual.widgets import Input

from backcare_tui.app import BackcareApp
from backcare_tui.core.library import USER, load_entry
from backcare_tui.core.model import Held, Routine, Step, Timed
from backcare_tui.core.writer import dumps_routine
from backcare_tui.screens.editor import EditorScreen
from backcare_tui.screens.editor_actions import edit_routine
from backcare_tui.widgets.editor_step_outline import EditorStepOutline
from backcare_tui.widgets.keys_footer import KeysFooter

ROUTINE = Routine(
    "Shoulders",
    (
        Step("Circles", Timed(30), "Arms out, small circles."),
        Step("Squeeze", Held(5, reps=3, rest=2), "Shoulder blades back and down."),
        Step("Breathe", Timed(20), "Slow breaths."),
    ),
)


async def open_file(pilot: Pilot[Any], app: BackcareApp, path: Path) -> EditorScreen:
    edit_routine(app, load_entry(path, USER))
    await pilot.pause()
    assert isinstance(app.screen, EditorScreen)
    return app.screen


def names(screen: EditorScreen) -> list[str]:
    return [step.name for step in screen.draft.steps]


async def test_the_first_tab_from_the_step_list_lands_on_a_field_in_view(
    user_routines: Path,
    app_with: AppFactory,
) -> None:
    path = user_routines / "shoulders.toml"
    path.write_text(dumps_routine(ROUTINE), encoding="utf-8")
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(pilot, app, path)
        assert isinstance(screen.focused, EditorStepOutline)
        for item in (0, 2):
            screen.query_one(EditorStepOutline).focus()
            await pilot.press("home", *["down"] * item, "tab")
            focused = screen.focused
            assert isinstance(focused, Input), focused
            assert focused.display and focused.region.area > 0
            assert screen.region.contains_region(focused.region)


async def test_ctrl_z_undoes_remove_add_and_move_in_turn(
    user_routines: Path, app_with: AppFactory
) -> None:
    path = user_routines / "shoulders.toml"
    path.write_text(dumps_routine(ROUTINE), encoding="utf-8")
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(pilot, app, path)
        assert screen.check_action("undo", ()) is None  # nothing to undo yet
        outline = screen.query_one(EditorStepOutline)
        outline.focus()
        await pilot.press("home", "down", "down", "delete")  # remove Squeeze
        assert names(screen) == ["Circles", "Breathe"]
        await pilot.press("shift+down")  # nothing below: no change
        await pilot.press("home", "down", "shift+down")  # Circles below Breathe
        assert names(screen) == ["Breathe", "Circles"]
        await pilot.press("a")
        assert len(screen.draft.steps) == 3
        await pilot.press("ctrl+z")
        assert names(screen) == ["Breathe", "Circles"]
        await pilot.press("ctrl+z")
        assert names(screen) == ["Circles", "Breathe"]
        await pilot.press("ctrl+z")
        assert names(screen) == ["Circles", "Squeeze", "Breathe"]
        assert screen.selected == 2  # the step brought back is the one shown
        assert not screen.session.dirty
        assert screen.check_action("undo", ()) is None


async def test_ctrl_z_works_while_typing_in_a_field(
    user_routines: Path, app_with: AppFactory
) -> None:
    path = user_routines / "shoulders.toml"
    path.write_text(dumps_routine(ROUTINE), encoding="utf-8")
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(pilot, app, path)
        await pilot.press("home", "down", "delete", "tab")
        assert isinstance(screen.focused, Input)
        await pilot.press("ctrl+z")
        assert names(screen) == ["Circles", "Squeeze", "Breathe"]
        assert app.screen is screen


async def test_a_file_that_does_not_load_lists_only_keys_that_work(
    user_routines: Path, app_with: AppFactory
) -> None:
    path = user_routines / "broken.toml"
    path.write_text('name = "x"\n[[steps]\n', encoding="utf-8")
    app = app_with()
    async with app.run_test(size=(200, 30)) as pilot:
        screen = await open_file(pilot, app, path)
        assert screen.session.broken
        await pilot.pause()
        region = screen.query_one(KeysFooter).region
        texts = row_texts(app.screen)
        footer = " ".join(texts[y] for y in range(region.y, region.bottom))
        for key in ("Save", "Try it", "Add", "Undo"):
            assert key not in footer, footer
        for key in ("$EDITOR", "Reopen at problem", "Back"):
            assert key in footer, footer
