"""The editor as people use it: keys in, files out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from apps import AppFactory
from on_screen import toasts
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Select, Static

from backcare_tui.app import BackcareApp, Outcome
from backcare_tui.core.library import USER, load_entry
from backcare_tui.core.loader import load_routine
from backcare_tui.core.model import Breathing, Held, Routine, Step, Timed
from backcare_tui.core.paths import builtin_routines_dir, trash_dir
from backcare_tui.core.routine_files import backups_of
from backcare_tui.core.writer import dumps_routine
from backcare_tui.screens.confirm import ConfirmScreen
from backcare_tui.screens.editor import EditorScreen
from backcare_tui.screens.editor_actions import (
    delete_routine,
    duplicate_routine,
    edit_routine,
    new_routine,
)
from backcare_tui.screens.editor_commands import EditorCommands
from backcare_tui.screens.home import HomeScreen
from backcare_tui.widgets.editor_step_outline import EditorStepOutline

ROUTINE = Routine(
    "Shoulders",
    (
        Step("Circles", Timed(30), "Arms out, small circles that grow slowly over time."),
        Step("Squeeze", Held(5, reps=3, rest=2), "Shoulder blades back and down, then let go."),
        Step("Breathe", Timed(20), "Slow breaths in through the nose, out through the mouth."),
    ),
    rest_between=5,
)


def write(folder: Path, text: str | None = None, name: str = "shoulders.toml") -> Path:
    path = folder / name
    path.write_text(text if text is not None else dumps_routine(ROUTINE), encoding="utf-8")
    return path


async def open_file(app: BackcareApp, pilot: Pilot[Any], path: Path) -> EditorScreen:
    edit_routine(app, load_entry(path, USER))
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, EditorScreen)
    return screen


async def select_item(pilot: Pilot[Any], screen: EditorScreen, index: int) -> None:
    """0 is the routine's own fields, n is step n; moves with the keys, as a person would."""
    screen.query_one(EditorStepOutline).focus()
    await pilot.press("home", *["down"] * index)
    assert screen.selected == index


async def type_into(pilot: Pilot[Any], screen: EditorScreen, id: str, text: str) -> None:
    field = screen.query_one(f"#{id}", Input)
    field.focus()
    await pilot.press("end", "ctrl+u", *text)


async def save(app: BackcareApp, pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def words(text: str) -> str:
    """Text with its line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def shown(widget: Widget) -> str:
    """The text a widget draws on the screen now."""
    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join(line.text for line in lines)


def error_of(screen: EditorScreen, id: str) -> str:
    field = screen.query_one(f"#{id}").parent
    assert field is not None and field.parent is not None
    return str(field.parent.query_one(".field-error", Static).render())


async def test_change_a_hold_time_and_save(user_routines: Path, app_with: AppFactory) -> None:
    path = write(user_routines)
    original = path.read_bytes()
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(app, pilot, path)
        await select_item(pilot, screen, 2)
        await type_into(pilot, screen, "held-hold", "12")
        assert screen.session.dirty
        assert "Total" in str(screen.query_one("#editor-total", Static).render())
        await save(app, pilot)
        assert not screen.session.dirty
    steps = list(ROUTINE.steps)
    steps[1] = Step("Squeeze", Held(12, reps=3, rest=2), steps[1].instructions)
    assert load_routine(path) == Routine("Shoulders", tuple(steps), rest_between=5)
    assert [b.read_bytes() for b in backups_of("shoulders")] == [original]


async def test_total_and_plan_follow_the_typing(user_routines: Path, app_with: AppFactory) -> None:
    path = write(user_routines)
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(app, pilot, path)
        total = screen.query_one("#editor-total", Static)
        before = str(total.render())
        await select_item(pilot, screen, 1)
        await type_into(pilot, screen, "timed-duration", "1m30s")
        after = str(total.render())
        assert before != after and "Total" in after
        assert "1m 30s" in shown(screen.query_one("#editor-plan", Static))


async def test_add_move_and_remove_steps(user_routines: Path, app_with: AppFactory) -> None:
    path = write(user_routines)
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(app, pilot, path)
        await select_item(pilot, screen, 3)
        await pilot.press("a")  # a new step after "Breathe"
        assert [s.name for s in screen.draft.steps][-1] == "New step"
        await type_into(pilot, screen, "step-name", "Neck rolls")
        screen.query_one(EditorStepOutline).focus()
        await pilot.press("shift+up", "shift+up")
        assert [s.name for s in screen.draft.steps] == [
            "Circles",
            "Neck rolls",
            "Squeeze",
            "Breathe",
        ]
        await pilot.press("c")  # duplicate "Neck rolls"
        await pilot.press("down", "delete")  # then remove "Squeeze"
        assert [s.name for s in screen.draft.steps] == [
            "Circles",
            "Neck rolls",
            "Neck rolls",
            "Breathe",
        ]
        await save(app, pilot)
    names = [s.name for s in load_routine(path).steps]
    assert names == ["Circles", "Neck rolls", "Neck rolls", "Breathe"]


async def test_changing_the_shape_changes_the_fields(
    user_routines: Path, app_with: AppFactory
) -> None:
    path = write(user_routines)
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(app, pilot, path)
        await select_item(pilot, screen, 3)
        assert screen.query_one("#shape-timed").display
        screen.query_one("#step-shape", Select).value = "breathing"
        await pilot.pause()
        assert screen.query_one("#shape-breathing").display
        assert not screen.query_one("#shape-timed").display
        await type_into(pilot, screen, "breathing-breathing", "box")
        await type_into(pilot, screen, "breathing-length", "4")
        await save(app, pilot)
    action = load_routine(path).steps[2].action
    assert isinstance(action, Breathing)
    assert (action.preset, action.cycles) == ("box", 4)


async def test_an_invalid_value_blocks_saving_and_says_what_check_says(
    user_routines: Path,
    app_with: AppFactory,
) -> None:
    path = write(user_routines)
    before = path.read_bytes()
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(app, pilot, path)
        await select_item(pilot, screen, 2)
        await type_into(pilot, screen, "held-hold", "-5")
        message = "hold must be a positive number of seconds, got -5"
        assert error_of(screen, "held-hold") == message
        bar = str(screen.query_one("#editor-problems", Static).render())
        assert f'step 2 "Squeeze": {message}' in bar
        await save(app, pilot)
        assert path.read_bytes() == before
        assert screen.session.dirty
        assert isinstance(app.screen, EditorScreen)
    # The same value in a file gives the same words from `backcare check`.
    path.write_text(dumps_routine(ROUTINE).replace("hold = 5", "hold = -5"))
    from backcare_tui.cli.main import main

    assert main(["check", str(path)]) == 1


async def test_leaving_with_unsaved_changes_asks_first(
    user_routines: Path, app_with: AppFactory
) -> None:
    path = write(user_routines)
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(app, pilot, path)
        await select_item(pilot, screen, 0)
        await type_into(pilot, screen, "routine-name", "Shoulders again")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen_stack[-1] is screen and screen.draft.name == "Shoulders again"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # leave
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert load_routine(path) == ROUTINE


async def test_leaving_without_changes_does_not_ask(
    user_routines: Path, app_with: AppFactory
) -> None:
    path = write(user_routines)
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_file(app, pilot, path)
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_editing_a_builtin_writes_a_user_copy(
    user_routines: Path, app_with: AppFactory
) -> None:
    builtin = builtin_routines_dir() / "desk-break.toml"
    before = builtin.read_bytes()
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        entry = app.library.find("desk-break")
        assert entry is not None and entry.read_only
        edit_routine(app, entry)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        assert "Built-in" in str(screen.query_one("#editor-info", Static).render())
        await select_item(pilot, screen, 0)
        await type_into(pilot, screen, "routine-name", "My desk break")
        await save(app, pilot)  # no comment warning: the built-in itself is untouched
        assert isinstance(app.screen, EditorScreen)
        assert app.library.find("desk-break") is not None
    copy = user_routines / "desk-break.toml"
    assert load_routine(copy).name == "My desk break"
    assert builtin.read_bytes() == before
    entry = app_with().library.find("desk-break")
    assert entry is not None and entry.path == copy and entry.shadows == builtin


COMMENTED = """\
# Gentle, for bad days.
format = 1
name = "Gentle"

[[steps]]
name = "Circles"
duration = 30 # slow!
"""


@pytest.mark.parametrize("answer", ["y", "n"])
async def test_comments_are_warned_about_before_saving(
    user_routines: Path, answer: str, app_with: AppFactory
) -> None:
    path = write(user_routines, COMMENTED, "gentle.toml")
    original = path.read_bytes()
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(app, pilot, path)
        assert "has comments" in str(screen.query_one("#editor-info", Static).render())
        await select_item(pilot, screen, 1)
        await type_into(pilot, screen, "timed-duration", "40")
        await pilot.press("ctrl+s")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        assert "2 comments (line 1, 7) will be dropped" in words(question.question)
        assert path.read_bytes() == original
        await pilot.press(answer)
        await app.workers.wait_for_complete()
        await pilot.pause()
    if answer == "n":
        assert path.read_bytes() == original
        assert backups_of("gentle") == []
    else:
        action = load_routine(path).steps[0].action
        assert isinstance(action, Timed) and action.duration == 40
        assert [b.read_bytes() for b in backups_of("gentle")] == [original]


async def test_a_file_changed_elsewhere_is_not_overwritten_silently(
    user_routines: Path, app_with: AppFactory
) -> None:
    path = write(user_routines)
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(app, pilot, path)
        await select_item(pilot, screen, 0)
        await type_into(pilot, screen, "routine-name", "Mine")
        path.write_text(dumps_routine(Routine("Theirs", ROUTINE.steps)))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "changed on disk" in words(app.screen.question)
        await pilot.press("n")
        await app.workers.wait_for_complete()
    assert load_routine(path).name == "Theirs"


async def test_new_routine_saves_under_a_free_name(
    user_routines: Path, app_with: AppFactory
) -> None:
    write(user_routines, dumps_routine(Routine("My routine", ROUTINE.steps)), "my-routine.toml")
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        new_routine(app)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen) and screen.session.path is None
        await save(app, pilot)
        assert screen.session.path == user_routines / "my-routine-2.toml"
    assert load_routine(user_routines / "my-routine-2.toml").name == "My routine"
    assert load_routine(user_routines / "my-routine.toml").steps == ROUTINE.steps


async def test_duplicate_from_home_opens_the_copy(
    user_routines: Path, app_with: AppFactory
) -> None:
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        entry = app.library.find("desk-break")
        duplicate_routine(app, entry)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        assert screen.session.path == user_routines / "desk-break-copy.toml"
        assert screen.draft.name == "Desk break (copy)"


async def test_delete_asks_then_moves_the_file_to_the_trash(
    user_routines: Path, app_with: AppFactory
) -> None:
    path = write(user_routines)
    app = app_with()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        delete_routine(app, load_entry(path, USER))
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "trash" in app.screen.question
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        notes = toasts(app)
    assert not path.exists()
    trashed = trash_dir() / "shoulders.toml"
    assert load_routine(trashed) == ROUTINE
    assert any(str(trash_dir().name) in note and "shoulders.toml" in note for note in notes)


async def test_builtins_cannot_be_deleted(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        delete_routine(app, app.library.find("desk-break"))
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert (builtin_routines_dir() / "desk-break.toml").exists()


async def test_try_it_plays_the_edited_routine_without_saving(
    user_routines: Path, app_with: AppFactory
) -> None:
    path = write(user_routines)
    before = path.read_bytes()
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(app, pilot, path)
        await select_item(pilot, screen, 0)
        await type_into(pilot, screen, "routine-name", "Tried")
        await pilot.press("ctrl+t")
        await pilot.pause()
        from backcare_tui.screens.player import PlayerScreen

        assert isinstance(app.screen, PlayerScreen)
        assert app.screen.routine.name == "Tried"
    assert path.read_bytes() == before


async def test_a_broken_file_opens_with_its_problems_and_the_editor_key(
    user_routines: Path,
    app_with: AppFactory,
) -> None:
    path = write(user_routines, 'name = "x"\n[[steps]\n', "broken.toml")
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(app, pilot, path)
        assert screen.session.broken and screen.has_class("-broken")
        shown = str(screen.query_one("#editor-broken", Static).render())
        assert f"{path}:2:" in shown
        assert screen.check_action("reopen", ()) is True
        assert not screen.check_action("save", ())


async def test_a_wrong_value_in_a_file_opens_in_the_form(
    user_routines: Path, app_with: AppFactory
) -> None:
    text = dumps_routine(ROUTINE).replace("hold = 5", 'hold = -5\nsides = "sideways"')
    path = write(user_routines, text)
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(app, pilot, path)
        assert not screen.session.broken
        await select_item(pilot, screen, 2)
        assert error_of(screen, "held-hold") == "hold must be a positive number of seconds, got -5"
        assert error_of(screen, "held-sides").startswith('sides must be "both", "left" or "right"')
        await type_into(pilot, screen, "held-hold", "5")
        screen.query_one("#held-sides", Select).value = "both"
        await pilot.pause()
        screen.query_one("#held-sides", Select).value = ""
        await save(app, pilot)  # only the two wrong lines change, so no question
    assert load_routine(path) == ROUTINE


async def test_a_file_without_steps_opens_in_the_form_with_its_problem(
    user_routines: Path,
    app_with: AppFactory,
) -> None:
    text = 'name = "Bare"\ndescription = "Kept as it is"\ntags = ["neck"]\n'
    path = write(user_routines, text, "bare.toml")
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(app, pilot, path)
        assert not screen.session.broken and not screen.has_class("-broken")
        assert screen.draft.name == "Bare" and screen.draft.steps == []
        shown = str(screen.query_one("#editor-problems", Static).render())
        assert "1 problem (saving is blocked): no steps" in shown
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == text  # blocked: nothing written
        await select_item(pilot, screen, 0)
        await pilot.press("a")
        assert [s.name for s in screen.draft.steps] == ["New step"]
        await save(app, pilot)
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        assert "layout will change" in words(question.question)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
    routine = load_routine(path)
    assert (routine.name, routine.description, routine.tags) == ("Bare", "Kept as it is", ("neck",))
    assert [s.name for s in routine.steps] == ["New step"]


async def test_every_key_has_a_description_and_a_palette_entry(
    user_routines: Path, app_with: AppFactory
) -> None:
    path = write(user_routines)
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_file(app, pilot, path)
        await select_item(pilot, screen, 2)
        bindings = [*EditorScreen.BINDINGS, *EditorStepOutline.BINDINGS]
        for binding in bindings:
            assert not isinstance(binding, tuple)
            assert binding.description and binding.id
        palette = {command.title for command in app.get_system_commands(screen)}
        assert {"Save", "Try it", "$EDITOR", "Back"} <= palette
        provider = EditorCommands(screen)
        offered = {hit.text async for hit in provider.discover()}
        # Each step action once: as the list's key when the app offers it, else by name.
        for key, name in [("Add", "Add step"), ("Remove", "Remove step"), ("Move", "Move step up")]:
            assert (key in palette) != (name in offered)
        await select_item(pilot, screen, 0)
        screen.query_one("#routine-name").focus()
        offered = {hit.text async for hit in provider.discover()}
        assert "Remove step" not in offered and "Add step" in offered


async def test_backcare_edit_opens_the_editor_and_leaves_with_it(
    user_routines: Path, app_with: AppFactory
) -> None:
    path = write(user_routines)
    app = app_with(edit=load_entry(path, USER))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        await select_item(pilot, screen, 0)
        await type_into(pilot, screen, "routine-name", "Edited")
        await save(app, pilot)
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_value == Outcome(0, [f"saved {path}"])
    assert load_routine(path).name == "Edited"


@pytest.mark.parametrize("wanted", ["desk-break", "BUILTIN/desk-break.toml"])
def test_cli_edit_treats_builtins_as_read_only(
    wanted: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backcare_tui.cli.main import main

    opened: list[Any] = []

    def fake_run(self: BackcareApp) -> Outcome:
        opened.append(self.start_edit)
        return Outcome(0, [])

    monkeypatch.setattr(BackcareApp, "run", fake_run)
    wanted = wanted.replace("BUILTIN", str(builtin_routines_dir()))
    assert main(["edit", wanted]) == 0
    entry = opened[0]
    assert entry.read_only and entry.path == builtin_routines_dir() / "desk-break.toml"


def test_cli_edit_of_a_missing_file_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    from backcare_tui.cli.main import main

    assert (
        main(["edit", "nowhere/missing.toml"]) == 2
    )  # a path that is not there is a usage error, like a misspelt name
    assert "no such file" in capsys.readouterr().err


@pytest.mark.parametrize(("steps", "said"), [((1,), "1 problem"), ((1, 3), "2 problems")])
async def test_saving_with_problems_says_how_many_to_fix(
    user_routines: Path, app_with: AppFactory, steps: tuple[int, ...], said: str
) -> None:
    path = write(user_routines)
    original = path.read_bytes()
    app = app_with()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_file(app, pilot, path)
        for step in steps:
            await select_item(pilot, screen, step)
            await type_into(pilot, screen, "timed-duration", "")
        await save(app, pilot)
        notes = [" ".join(note.split()) for note in toasts(app)]
    assert path.read_bytes() == original
    assert any(f"Not saved: fix the {said} first." in note for note in notes), notes
