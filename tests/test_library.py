from __future__ import annotations

import os
from pathlib import Path

import pytest

from backcare_tui.core.errors import RoutineError
from backcare_tui.core.library import (
    BUILTIN,
    EXTRA,
    USER,
    Library,
    load_path_or_name,
    routine_folders,
    scan,
    slug,
)
from backcare_tui.core.paths import builtin_routines_dir

ROUTINE = 'format = 1\nname = "{name}"\n[[steps]]\nname = "Step"\nduration = {seconds}\n'


def write(folder: Path, key: str, name: str, seconds: int = 30) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{key}.toml"
    path.write_text(ROUTINE.format(name=name, seconds=seconds))
    return path


def test_builtins_are_found() -> None:
    library = scan(routine_folders())
    assert {e.kind for e in library.entries} == {BUILTIN}
    assert len(library.entries) >= 6
    assert library.broken == ()


def test_user_file_overrides_builtin_of_same_file_name(user_routines: Path) -> None:
    path = write(user_routines, "desk-break", "My desk break", 60)
    library = scan(routine_folders())
    entry = library.find("desk-break")
    assert entry is not None and entry.kind == USER and entry.path == path
    assert entry.shadows == builtin_routines_dir() / "desk-break.toml"
    assert entry.routine is not None and entry.routine.name == "My desk break"
    assert sum(1 for e in library.entries if e.key == "desk-break") == 1


def test_env_and_flag_folders_are_scanned_in_order(
    tmp_path: Path, user_routines: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built-ins, the user folder, $BACKCARE_ROUTINES in order, then --routines: later wins."""
    env_a, env_b, flag = tmp_path / "a", tmp_path / "b", tmp_path / "flag"
    for folder in (user_routines, env_a, env_b, flag):
        write(folder, "shared", f"From {folder.name}")
    write(env_a, "only-a", "Only in A")
    monkeypatch.setenv("BACKCARE_ROUTINES", os.pathsep.join([str(env_a), str(env_b)]))
    folders = routine_folders([flag])
    assert [f.path for f in folders[1:]] == [user_routines, env_a, env_b, flag]

    def winner(library: Library) -> str:
        shared = library.find("shared")
        assert shared is not None and shared.routine is not None
        return shared.routine.name

    assert winner(scan(folders)) == "From flag"
    assert winner(scan(folders[:-1])) == "From b"
    assert winner(scan(folders[:-2])) == "From a"
    assert winner(scan(folders[:-3])) == "From routines"
    only_a = scan(folders).find("only-a")
    assert only_a is not None and only_a.path == env_a / "only-a.toml" and only_a.kind == EXTRA


def test_broken_file_is_listed_and_hides_nothing(user_routines: Path) -> None:
    write(user_routines, "good", "Good one")
    (user_routines / "bad.toml").write_text('name = "Bad"\n[[steps]]\nname = "x"\nhold = -1\n')
    library = scan(routine_folders())
    assert library.find("good") is not None
    assert [e.key for e in library.broken] == ["bad"]
    assert library.broken[0].error is not None
    assert "hold must be a positive number" in str(library.broken[0].error)


def test_find_by_name_or_path(tmp_path: Path) -> None:
    library = scan(routine_folders())
    assert library.find("Desk Break") is not None or library.find("desk-break") is not None
    path = write(tmp_path / "loose", "loose", "Loose")
    entry = load_path_or_name(str(path), library)
    assert entry.routine is not None and entry.routine.name == "Loose"
    with pytest.raises(RoutineError, match="no routine by that name"):
        load_path_or_name("no-such-routine", library)
    with pytest.raises(RoutineError, match="no such file"):
        load_path_or_name(str(tmp_path / "missing.toml"), library)


def test_slug() -> None:
    assert slug("Desk Break!") == "desk-break"
    assert slug("???") == "routine"
