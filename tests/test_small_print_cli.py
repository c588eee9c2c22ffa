"""The command line's rough edges (issue 16): names, typos, limits, list, help format."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from apps import AppFactory

from backcare_tui.cli.main import main
from backcare_tui.core.breathing_session import parse_length
from backcare_tui.core.errors import RoutineError
from backcare_tui.core.library import slug
from backcare_tui.core.limits import LIMITS, MAX_MINUTES
from backcare_tui.core.loader import load_routine, parse_routine_bytes
from backcare_tui.core.spelling import closest, edit_distance


def test_a_swapped_pair_is_one_edit() -> None:
    assert edit_distance("rset", "rest") == 1
    assert edit_distance("rset", "sets") == 2
    assert edit_distance("", "abc") == 3
    assert edit_distance("kitten", "sitting") == 3


def test_ties_go_to_the_keys_of_the_steps_shape() -> None:
    assert closest("res", ["reps", "rest"]) == "reps"
    assert closest("res", ["reps", "rest"], preferred=["rest"]) == "rest"
    assert closest("banana", ["rest", "reps"]) is None


def _problems(text: str) -> str:
    with pytest.raises(RoutineError) as caught:
        parse_routine_bytes(text.encode(), "x.toml")
    return str(caught.value)


def test_rset_in_a_held_step_suggests_rest() -> None:
    text = 'name = "x"\n[[steps]]\nname = "Squeeze"\nhold = 5\nreps = 3\nrset = 3\n'
    assert 'unknown key "rset" in a step; did you mean "rest"?' in _problems(text)


def test_slug_transliterates() -> None:
    assert slug("Übung für Rücken") == "ubung-fur-rucken"
    assert slug("Straße & Łódź") == "strasse-lodz"
    assert slug("Desk Break!") == "desk-break"


@pytest.mark.parametrize("name", ["", "   ", "!!!", "—"])
def test_new_refuses_a_name_without_letters(
    name: str, capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    assert main(["new", name]) == 2
    assert "has no letters or digits" in capsys.readouterr().err
    assert not (isolated_home / "config" / "backcare" / "routines").exists()


def test_new_refuses_to_shadow_a_builtin_without_force(
    capsys: pytest.CaptureFixture[str], user_routines: Path
) -> None:
    assert main(["new", "Desk break"]) == 1
    assert "--force" in capsys.readouterr().err
    assert list(user_routines.iterdir()) == []
    assert main(["new", "Desk break", "--force"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == user_routines / "desk-break.toml"
    assert load_routine(path).name == "Desk break"


def test_new_transliterates_the_file_name(
    capsys: pytest.CaptureFixture[str], user_routines: Path
) -> None:
    assert main(["new", "Übung für Rücken"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.name == "ubung-fur-rucken.toml"
    assert load_routine(path).name == "Übung für Rücken"


def test_new_writes_atomically(
    capsys: pytest.CaptureFixture[str], user_routines: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    assert main(["new", "Lunch"]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert list(user_routines.iterdir()) == []


def test_a_misspelt_routine_gets_a_suggestion_and_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", "desk-brake"]) == 2
    err = capsys.readouterr().err
    assert "did you mean desk-break?" in err
    assert "posture-reset" not in err


def test_a_missing_routines_folder_is_warned_about(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["list", "--routines", str(tmp_path / "nowhere")]) == 0
    assert f"--routines {tmp_path / 'nowhere'}: no such folder" in capsys.readouterr().err


@pytest.mark.parametrize("count", ["0", "-1", "x"])
def test_history_n_must_be_positive(count: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["history", "-n", count])
    assert caught.value.code == 2
    assert "argument -n/--limit" in capsys.readouterr().err


def test_breathe_takes_the_same_limits_as_routine_files(
    capsys: pytest.CaptureFixture[str],
) -> None:
    top = LIMITS["cycles"]
    for argv in (["--cycles", str(top + 1)], ["--minutes", str(MAX_MINUTES + 1)]):
        with pytest.raises(SystemExit) as caught:
            main(["breathe", *argv])
        assert caught.value.code == 2
    step = 'name = "b"\n[[steps]]\nname = "b"\nbreathing = "box"\n'
    parse_routine_bytes(f"{step}cycles = {top}\n".encode(), "x")
    parse_routine_bytes(f"{step}minutes = {MAX_MINUTES}\n".encode(), "x")
    assert "cycles must be" in _problems(f"{step}cycles = {top + 1}\n")
    assert "at most" in _problems(f"{step}minutes = {MAX_MINUTES + 1}\n")
    assert parse_length(f"{top} cycles") == (None, top)
    assert parse_length(f"{MAX_MINUTES}") == (MAX_MINUTES, None)


def test_list_shows_ids_and_short_paths(
    capsys: pytest.CaptureFixture[str], user_routines: Path
) -> None:
    (user_routines / "my-stretch.toml").write_text(
        'name = "Lunch stretch"\n[[steps]]\nname = "x"\nduration = 5\n'
    )
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if "Lunch stretch" in line)
    assert "my-stretch" in row
    assert "~/config/backcare/routines/my-stretch.toml" in row
    assert str(user_routines) not in out


def test_list_and_show_in_ascii(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--ascii"]) == 0
    assert main(["show", "desk-break", "--ascii"]) == 0
    out = capsys.readouterr().out
    assert "| desk-break" in out
    assert out.isascii()


def test_ascii_setting_reaches_list(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    config = isolated_home / "config" / "backcare" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("ascii = true\n")
    assert main(["list"]) == 0
    assert capsys.readouterr().out.isascii()


def test_help_format_prints_the_reference(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["help", "format"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Routine file format")
    assert out == (Path(__file__).parent.parent / "docs" / "routine-format.md").read_text()


def test_the_starter_points_to_help_format(
    capsys: pytest.CaptureFixture[str], user_routines: Path
) -> None:
    assert main(["new", "Lunch"]) == 0
    text = Path(capsys.readouterr().out.strip()).read_text()
    assert "backcare help format" in text
    assert "docs/routine-format.md" not in text


def test_the_wheel_carries_the_reference() -> None:
    import tomllib

    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    included = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert included["docs/routine-format.md"] == "backcare_tui/docs/routine-format.md"


async def test_the_help_screen_shows_the_format_reference(app_with: AppFactory) -> None:
    from textual.widgets import Static

    from backcare_tui.screens.help import HelpScreen

    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one("#help-format", Static).render())
        assert "## Breathing patterns" in shown
        files = str(app.screen.query_one("#help-files", Static).render())
        assert "docs/routine-format.md" not in files and "backcare help format" in files
