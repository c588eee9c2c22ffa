"""A routine file that does not load because of a key the form has no field for
(`rset = 3`) or a value of the wrong type (`name = 5`) opens in the form, with the
file's problem beside its step or field; saving says first what it drops or writes
instead, and Ctrl+R still opens the file as text to fix it by hand."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from apps import AppFactory
from practice_files import UNKNOWN_KEY_AND_NUMBER_NAME
from test_external_editor import FAKE_EDITOR, executable
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Static

from backcare_tui.app import BackcareApp
from backcare_tui.core.library import USER, load_entry
from backcare_tui.core.loader import load_routine
from backcare_tui.screens.confirm import ConfirmScreen
from backcare_tui.screens.editor import EditorScreen
from backcare_tui.screens.editor_actions import edit_routine
from backcare_tui.widgets.editor_step_outline import EditorStepOutline
from backcare_tui.widgets.routine_form import StepForm


async def open_file(app: BackcareApp, pilot: Pilot[Any], path: Path) -> EditorScreen:
    edit_routine(app, load_entry(path, USER))
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, EditorScreen)
    return screen


def text_of(screen: EditorScreen, selector: str) -> str:
    return " ".join(str(screen.query_one(selector, Static).render()).split())


async def test_unknown_key_and_number_name_open_in_the_form_and_saving_warns_first(
    user_routines: Path,
    app_with: AppFactory,
) -> None:
    path = user_routines / "cat.toml"
    path.write_text(UNKNOWN_KEY_AND_NUMBER_NAME, encoding="utf-8")
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(app, pilot, path)
        assert not screen.session.broken and not screen.has_class("-broken")
        assert screen.query_one("#editor-body").display
        # The name's problem is beside the name field.
        field = screen.query_one("#routine-name").parent
        assert field is not None and field.parent is not None
        name_note = " ".join(str(field.parent.query_one(".field-error", Static).render()).split())
        assert name_note == (
            "In the file: name must be a string, got 5 "
            'Saving from the form writes name = "5" for name = 5.'
        )
        # Both items are marked in the step list, and the bottom line says what saving does.
        outline = screen.query_one(EditorStepOutline)
        lines = outline.render_lines(Region(0, 0, outline.size.width, 3))
        assert [line.text.startswith("!") for line in lines] == [True, False, True]
        problems = text_of(screen, "#editor-problems")
        assert (
            problems
            == "Saving from the form changes 2 keys (marked !) · Ctrl+R fixes the file by hand"
        )
        assert screen.check_action("reopen", ()) is True  # the file as text stays reachable
        # Step 2's unknown key is shown above its form.
        screen.query_one(EditorStepOutline).focus()
        await pilot.press("home", "down", "down")
        notes = screen.query_one(StepForm).query_one(".form-notes", Static)
        assert notes.display
        assert " ".join(str(notes.render()).split()) == (
            'In the file: unknown key "rset" in a step; did you mean "rest"? '
            "Saving from the form drops rset = 3."
        )
        # Saving asks first, naming both changes; Cancel writes nothing.
        await pilot.press("ctrl+s")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        said = " ".join(question.question.split())
        assert 'drops rset = 3 (step 2 "Cat cow")' in said
        assert 'writes name = "5" for name = 5 (the routine)' in said
        await pilot.press("escape")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == UNKNOWN_KEY_AND_NUMBER_NAME
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and not screen.session.changes
        assert not notes.display and text_of(screen, "#editor-problems") == "No problems"
        assert screen.check_action("reopen", ()) is False
    routine = load_routine(path)
    assert routine.name == "5" and [s.name for s in routine.steps] == ["Arch", "Cat cow"]
    assert "rset" not in path.read_text(encoding="utf-8")


async def test_ctrl_r_opens_the_file_at_the_unknown_key_to_fix_it_by_hand(
    user_routines: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_with: AppFactory
) -> None:
    editor = executable(tmp_path / "bin", "vim", FAKE_EDITOR.format(python=sys.executable))
    log = tmp_path / "editor.log"
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setenv("FAKE_LOG", str(log))
    monkeypatch.setenv("FAKE_FROM", "rset = 3")
    monkeypatch.setenv("FAKE_TO", "rest = 3")
    path = user_routines / "cat.toml"
    path.write_text(
        UNKNOWN_KEY_AND_NUMBER_NAME.replace("name = 5", 'name = "Cat"'), encoding="utf-8"
    )
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(app, pilot, path)
        assert screen.session.changes and screen.check_action("reopen", ()) is True
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert log.read_text().split() == ["+10", str(path)]  # the line of `rset = 3`
        assert not screen.session.changes and not screen.session.notes
        assert screen.draft.steps[1].get("rest") == "3"
        assert text_of(screen, "#editor-problems") == "No problems"
    assert load_routine(path).steps[1].name == "Cat cow"
