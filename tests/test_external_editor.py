"""`$VISUAL`/`$EDITOR`: which editor, which argv, and the round trip through the app."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from apps import AppFactory

from backcare_tui.app import BackcareApp
from backcare_tui.core.errors import BackcareError, Problem
from backcare_tui.core.external_editor import (
    EditorNotFound,
    editor_argv,
    editor_command,
    problem_line,
    run_editor,
)
from backcare_tui.core.library import USER, load_entry
from backcare_tui.core.loader import load_routine
from backcare_tui.core.model import Held, Routine, Step, Timed
from backcare_tui.core.writer import dumps_routine
from backcare_tui.screens.editor import EditorScreen

FAKE_EDITOR = """\
#!{python}
# Stands in for a person in an editor: logs its arguments, swaps one text for another.
import os, pathlib, sys
with open(os.environ["FAKE_LOG"], "a") as log:
    log.write(" ".join(sys.argv[1:]) + "\\n")
path = pathlib.Path(sys.argv[-1].split(":")[0])
text = path.read_text()
path.write_text(text.replace(os.environ["FAKE_FROM"], os.environ["FAKE_TO"], 1))
"""


def executable(folder: Path, name: str, body: str = "#!/bin/sh\n") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(body)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_visual_wins_over_editor() -> None:
    assert editor_argv({"VISUAL": "vim", "EDITOR": "nano"}) == ["vim"]
    assert editor_argv({"EDITOR": "nano"}) == ["nano"]


def test_editor_with_arguments_is_split_like_a_shell() -> None:
    env = {"EDITOR": 'code --wait --user-data-dir "/tmp/my dir"'}
    assert editor_argv(env) == ["code", "--wait", "--user-data-dir", "/tmp/my dir"]
    assert editor_command(Path("/r/x.toml"), 7, env) == [
        "code",
        "--wait",
        "--user-data-dir",
        "/tmp/my dir",
        "--goto",
        "/r/x.toml:7",
    ]


def test_fallback_is_nano_then_vi(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    vi = executable(bin_dir, "vi")
    assert editor_argv({"PATH": str(bin_dir)}) == [str(vi)]
    nano = executable(bin_dir, "nano")
    assert editor_argv({"PATH": str(bin_dir), "EDITOR": "  "}) == [str(nano)]


def test_no_editor_at_all_says_what_to_set(tmp_path: Path) -> None:
    with pytest.raises(EditorNotFound) as raised:
        editor_argv({"PATH": str(tmp_path)})
    assert "EDITOR" in raised.value.message


@pytest.mark.parametrize(
    ("editor", "expected"),
    [
        ("vim", ["vim", "+12", "/r/x.toml"]),
        ("/usr/bin/nvim", ["/usr/bin/nvim", "+12", "/r/x.toml"]),
        ("nano", ["nano", "+12", "/r/x.toml"]),
        ("emacs -nw", ["emacs", "-nw", "+12", "/r/x.toml"]),
        ("micro", ["micro", "+12", "/r/x.toml"]),
        ("kak", ["kak", "+12", "/r/x.toml"]),
        ("hx", ["hx", "/r/x.toml:12"]),
        ("gedit", ["gedit", "/r/x.toml"]),
    ],
)
def test_line_argument_only_for_editors_that_take_it(editor: str, expected: list[str]) -> None:
    assert editor_command(Path("/r/x.toml"), 12, {"EDITOR": editor}) == expected
    assert editor_command(Path("/r/x.toml"), None, {"EDITOR": editor})[-1] == "/r/x.toml"


LONG = "Hold the position, breathe, and let the shoulders drop a little more each time."


def test_problem_line_finds_the_key_inside_the_step() -> None:
    steps = (Step("One", Timed(30), LONG), Step("Two", Held(5, reps=3, rest=2), LONG))
    text = dumps_routine(Routine("R", steps))
    lines = text.split("\n")
    problem = Problem("r.toml", "reps must be a whole number from 1 to 100, got 0", step=2)
    number = problem_line(text, problem)
    assert number is not None and lines[number - 1].startswith("reps")
    assert problem_line(text, Problem("r.toml", "x", line=4, column=2)) == 4
    unknown = Problem("r.toml", 'unknown key "sets" in a step', step=1)
    assert lines[(problem_line(text, unknown) or 0) - 1] == "[[steps]]"


def test_problem_line_in_short_inline_steps() -> None:
    text = dumps_routine(Routine("R", (Step("One", Timed(30)), Step("Two", Held(5, reps=3)))))
    assert "[[steps]]" not in text
    number = problem_line(text, Problem("r.toml", "reps must be ...", step=2))
    assert number is not None and '"Two"' in text.split("\n")[number - 1]


# -- the round trip through the app ----------------------------------------------


@pytest.fixture
def fake_vim(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A script called vim (so it is given +LINE), set as $EDITOR; returns its log."""
    editor = executable(tmp_path / "bin", "vim", FAKE_EDITOR.format(python=sys.executable))
    log = tmp_path / "editor.log"
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setenv("FAKE_LOG", str(log))
    return log


def routine_file(folder: Path) -> Path:
    path = folder / "squeeze.toml"
    steps = (Step("Warm up", Timed(30), LONG), Step("Squeeze", Held(5, reps=3), LONG))
    routine = Routine("Squeeze", steps)
    path.write_text(dumps_routine(routine))
    return path


async def open_editor(app: BackcareApp, path: Path) -> EditorScreen:
    screen = EditorScreen(load_entry(path, USER))
    await app.push_screen(screen)
    return screen


async def test_round_trip_through_editor_reloads_the_form(
    user_routines: Path, fake_vim: Path, monkeypatch: pytest.MonkeyPatch, app_with: AppFactory
) -> None:
    path = routine_file(user_routines)
    monkeypatch.setenv("FAKE_FROM", "hold = 5")
    monkeypatch.setenv("FAKE_TO", "hold = 12")
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_editor(app, path)
        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert fake_vim.read_text().strip() == str(path)
        action = load_routine(path).steps[1].action
        assert isinstance(action, Held) and action.hold == 12
        assert screen.draft.steps[1].get("hold") == "12"
        assert not screen.session.broken and not screen.session.dirty


async def test_bad_edit_shows_line_and_column_and_reopens_there(
    user_routines: Path, fake_vim: Path, monkeypatch: pytest.MonkeyPatch, app_with: AppFactory
) -> None:
    path = routine_file(user_routines)
    monkeypatch.setenv("FAKE_FROM", "hold = 5")
    monkeypatch.setenv("FAKE_TO", "hold 5")
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_editor(app, path)
        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.session.broken
        problem = screen.session.broken[0]
        bad_line = path.read_text().split("\n").index("hold 5") + 1
        assert (problem.line, problem.column) == (bad_line, 6)
        shown = str(screen.query_one("#editor-broken").render())
        assert f"{path}:{bad_line}:6:" in shown
        assert screen.has_class("-broken")

        # The key reopens the editor at the problem line; this time the fix goes in.
        monkeypatch.setenv("FAKE_FROM", "hold 5")
        monkeypatch.setenv("FAKE_TO", "hold = 6")
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert fake_vim.read_text().split("\n")[1] == f"+{bad_line} {path}"
        assert not screen.session.broken and not screen.has_class("-broken")
        assert screen.draft.steps[1].get("hold") == "6"


async def test_unsaved_form_changes_are_saved_before_the_editor_opens(
    user_routines: Path, fake_vim: Path, monkeypatch: pytest.MonkeyPatch, app_with: AppFactory
) -> None:
    path = routine_file(user_routines)
    monkeypatch.setenv("FAKE_FROM", "Warm up")
    monkeypatch.setenv("FAKE_TO", "Warm up well")
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_editor(app, path)
        screen.draft.name = "Squeeze more"
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("y")  # save first?
        await app.workers.wait_for_complete()
        await pilot.pause()
        loaded = load_routine(path)
        assert (loaded.name, loaded.steps[0].name) == ("Squeeze more", "Warm up well")
        assert screen.draft.name == "Squeeze more"


@pytest.mark.parametrize(
    ("editor", "line", "expected"),
    [
        *[
            (name, 3, [name, "+3", "/r/x.toml"])
            for name in ("vi", "view", "gvim", "pico", "emacsclient")
        ],
        ("helix", 3, ["helix", "/r/x.toml:3"]),
        *[
            (name, 3, [name, "--goto", "/r/x.toml:3"])
            for name in ("code", "codium", "code-insiders")
        ],
        ("C:/Apps/Code.EXE", 3, ["C:/Apps/Code.EXE", "--goto", "/r/x.toml:3"]),
        ("VIM", 1, ["VIM", "+1", "/r/x.toml"]),
        ("vim", 0, ["vim", "/r/x.toml"]),
        ("code", -2, ["code", "/r/x.toml"]),
        ('vim "-u NONE', 3, ["vim", '"-u', "NONE", "+3", "/r/x.toml"]),
    ],
)
def test_the_editor_command_for_each_editor(editor: str, line: int, expected: list[str]) -> None:
    assert editor_command(Path("/r/x.toml"), line, {"EDITOR": editor}) == expected


def test_the_editor_comes_from_the_environment_when_none_is_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VISUAL", "  ")
    monkeypatch.setenv("EDITOR", "hx")
    assert editor_command(Path("/r/x.toml"), 5) == ["hx", "/r/x.toml:5"]


def test_no_editor_at_all_says_what_to_set_word_for_word(tmp_path: Path) -> None:
    executable(tmp_path, "emacs")
    with pytest.raises(EditorNotFound) as raised:
        editor_argv({"PATH": str(tmp_path), "VISUAL": "", "EDITOR": " "})
    assert raised.value.title == "No editor"
    assert raised.value.message == (
        "set $VISUAL or $EDITOR to your editor (for example EDITOR=nano); "
        "neither nano nor vi was found"
    )


def test_the_editor_runs_and_its_exit_status_comes_back(tmp_path: Path) -> None:
    log = tmp_path / "editor.log"
    editor = executable(tmp_path / "bin", "vim", f'#!/bin/sh\necho "$@" > "{log}"\nexit 3\n')
    assert run_editor([str(editor), "+4", "/r/x.toml"]) == 3
    assert log.read_text() == "+4 /r/x.toml\n"


def test_an_editor_that_cannot_run_is_named(tmp_path: Path) -> None:
    with pytest.raises(BackcareError) as missing:
        run_editor([str(tmp_path / "nope"), "/r/x.toml"])
    assert missing.value.title == "Editor not found"
    assert missing.value.message == (
        f"cannot run {str(tmp_path / 'nope')!r}; check $VISUAL and $EDITOR"
    )
    not_a_program = tmp_path / "notes.txt"
    not_a_program.write_text("vim\n")
    with pytest.raises(BackcareError) as failed:
        run_editor([str(not_a_program), "/r/x.toml"])
    assert failed.value.title == "Editor failed"
    assert failed.value.message == f"cannot run {str(not_a_program)!r}: Permission denied"


ROUTINE = """\
format = 1
name = "R"
prepare = 5

[[steps]]
name = "One"
duration = 30

[[ steps ]]
"name" = "Two"
hold = 5
  "reps" = 0

[[steps]]
name = "Three"
hold = 5
"""


@pytest.mark.parametrize(
    ("message", "step", "line"),
    [
        ("prepare must be a number from 0 to 600, got -1", None, 3),
        ('unknown key "prepare"', None, 3),
        ("volume must be ...", None, None),
        ("duration must be a length", None, None),
        ("reps must be a whole number from 1 to 100, got 0", 2, 12),
        ('unknown key "reps" in a step', 2, 12),
        ("name must be a short text", 2, 10),
        ("duration must be a length", 1, 7),
        ("duration must be a length", 2, 9),
        ("hold must be a length", 3, 16),
        ("! something", 3, 14),
        ("hold must be a length", 4, None),
    ],
)
def test_the_line_of_a_problem_in_a_routine(
    message: str, step: int | None, line: int | None
) -> None:
    assert problem_line(ROUTINE, Problem("r.toml", message, step=step)) == line


def test_the_line_of_a_problem_without_steps_or_tables() -> None:
    text = 'format = 1\nname = "R"\n'
    assert problem_line(text, Problem("r.toml", "name must be a short text")) == 2
    assert problem_line(text, Problem("r.toml", "reps must be a number", step=1)) is None
    inline = 'name = "R"\nsteps = [\n  { name = "One", duration = 30 },\n  { name = "Two" },\n]\n'
    assert problem_line(inline, Problem("r.toml", "hold is missing", step=1)) == 3
    assert problem_line(inline, Problem("r.toml", "hold is missing", step=2)) == 4
    assert problem_line(inline, Problem("r.toml", "hold is missing", step=3)) is None


STEPS_ONLY_TABLES = """\
format = 1
name = "R"

[[steps]]
[steps.breathing]
inhale = 4

[[steps]]
name = "Two"
hold = 5

[[steps]]
name = "Three"
reps = 3
"""


@pytest.mark.parametrize(
    ("message", "step", "line"),
    [
        ("format must be 1, got 2", None, 1),
        ("hold must be a length", None, None),
        ('unknown key "inhale"', 1, 4),
        ("reps must be a whole number", 2, 8),
        ("reps must be a whole number", 3, 14),
    ],
    ids=[
        "a key on the first line",
        "a step's key is not the file's",
        "a breathing table ends the step's own keys",
        "a later step's key is not this step's",
        "its own key",
    ],
)
def test_the_line_stays_inside_the_part_of_the_file_it_belongs_to(
    message: str, step: int | None, line: int | None
) -> None:
    assert problem_line(STEPS_ONLY_TABLES, Problem("r.toml", message, step=step)) == line


def test_inline_steps_are_counted_from_the_steps_array() -> None:
    text = 'name = "R"\nwarmup = [\n  { name = "x" }]\nsteps = [\n  { name = "One" },\n]\n'
    assert problem_line(text, Problem("r.toml", "hold is missing", step=1)) == 5
