from __future__ import annotations

import os
from pathlib import Path

import pytest

from backcare_tui.core.errors import RoutineError
from backcare_tui.core.library import (
    BUILTIN,
    EXTRA,
    USER,
    Folder,
    Library,
    UnknownRoutine,
    load_path_or_name,
    routine_folders,
    scan,
    slug,
    slug_or_empty,
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


def test_the_list_is_built_ins_then_the_rest_each_by_name(
    tmp_path: Path, user_routines: Path
) -> None:
    write(user_routines, "z-first-key", "alpha stretch")
    write(user_routines, "a-last-key", "Walk")
    write(tmp_path / "extra", "middle", "Beta")
    write(user_routines, "warm-up", "_Warm-up")  # sorted as written in lower case: "_" < "a"
    library = scan(routine_folders([tmp_path / "extra"]))
    assert [(e.kind.value, e.routine.name if e.routine else "") for e in library.entries] == [
        ("built-in", "Core support"),
        ("built-in", "Desk break"),
        ("built-in", "Diaphragmatic breathing"),
        ("built-in", "Foam roller release"),
        ("built-in", "Full session"),
        ("built-in", "Morning mobility"),
        ("built-in", "Posture reset"),
        ("user", "_Warm-up"),
        ("user", "alpha stretch"),
        ("folder", "Beta"),
        ("user", "Walk"),
    ]
    assert [e.read_only for e in library.entries] == [True] * 7 + [False] * 4
    assert all(e.ok for e in library.entries)


def test_a_folder_list_skips_empty_entries_and_expands_home(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = isolated_home / "config" / "backcare" / "routines"
    assert [(f.kind, f.path) for f in routine_folders()] == [
        (BUILTIN, builtin_routines_dir()),
        (USER, user),
    ]
    monkeypatch.setenv("BACKCARE_ROUTINES", os.pathsep.join(["", "~/mine", "", "/shared"]))
    folders = routine_folders(["~/flag"])
    assert [(f.kind, f.path) for f in folders] == [
        (BUILTIN, builtin_routines_dir()),
        (USER, isolated_home / "config" / "backcare" / "routines"),
        (EXTRA, isolated_home / "mine"),
        (EXTRA, Path("/shared")),
        (EXTRA, isolated_home / "flag"),
    ]


def test_only_toml_files_are_read_and_odd_folders_are_passed_over(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    write(folder, "real", "Real")
    (folder / "notes.txt").write_text(ROUTINE.format(name="Text", seconds=5))
    (folder / "folder.toml").mkdir()
    (tmp_path / "a-file").write_text("")
    library = scan(
        [
            Folder(EXTRA, folder),
            Folder(EXTRA, tmp_path / "missing"),
            Folder(EXTRA, tmp_path / "a-file"),
        ]
    )
    assert [(e.key, e.path) for e in library.entries] == [("real", folder / "real.toml")]
    assert library.broken == ()


def test_a_broken_file_does_not_hide_an_earlier_good_one_of_the_same_key(
    tmp_path: Path,
) -> None:
    good = write(tmp_path / "one", "plank", "Plank")
    (tmp_path / "two").mkdir()
    (tmp_path / "two" / "plank.toml").write_text("not toml [")
    library = scan([Folder(USER, tmp_path / "one"), Folder(EXTRA, tmp_path / "two")])
    entry = library.find("plank")
    assert entry is not None and entry.path == good and entry.ok and entry.shadows is None
    assert [(e.key, e.kind, e.ok, e.read_only) for e in library.broken] == [
        ("plank", EXTRA, False, False)
    ]


@pytest.mark.parametrize(
    ("wanted", "key"),
    [
        ("plank-day", "plank-day"),
        ("PLANK-DAY.toml", "plank-day"),
        ("Morning Plank!", "plank-day"),
        ("morning plank!", "plank-day"),
        ("morning---plank", "plank-day"),
        ("broken", "broken"),
        ("Broken.TOML", "broken"),
        ("morning plank!.TOML", "plank-day"),  # the name, with the file suffix
        ("Plank", None),
        ("morning", None),
    ],
)
def test_find_by_file_name_then_by_routine_name(
    tmp_path: Path, wanted: str, key: str | None
) -> None:
    write(tmp_path / "r", "plank-day", "Morning Plank!")
    (tmp_path / "r" / "broken.toml").write_text("[")
    library = scan([Folder(USER, tmp_path / "r")])
    found = library.find(wanted)
    assert (found.key if found else None) == key


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Desk Break!", "desk-break"),
        ("Übung für Rücken", "ubung-fur-rucken"),
        (
            "Straße Æsir Œuvre øst Łódź Đak ıı Þór æ œ Ø þ đ ł",
            "strasse-aesir-oeuvre-ost-lodz-dak-ii-thor-ae-oe-o-th-d-l",
        ),
        ("  --Hello--  ", "hello"),
        ("a" * 59 + " b", "a" * 59),
        ("x" * 70, "x" * 60),
        ("!" + "x" * 70, "x" * 60),  # the cut to 60 comes after the leading dash goes
        ("???", "routine"),
        ("", "routine"),
    ],
)
def test_slug_is_a_file_name_people_can_type(name: str, expected: str) -> None:
    assert slug(name) == expected
    assert slug_or_empty(name) == ("" if expected == "routine" else expected)


@pytest.mark.parametrize(
    ("wanted", "kind"),
    [
        ("{dir}/loose.toml", "path"),
        ("{dir}/no-suffix", "path"),
        ("loose.toml", "missing"),
        ("{dir}/missing.toml", "missing"),
        ("{dir}/missing", "missing"),
    ],
)
def test_a_path_is_read_as_a_file_never_looked_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wanted: str, kind: str
) -> None:
    folder = tmp_path / "loose"
    write(folder, "loose", "Loose")
    (folder / "no-suffix").write_text(ROUTINE.format(name="No suffix", seconds=5))
    library = scan([Folder(USER, folder)])
    text = wanted.format(dir=folder)
    if kind == "missing":
        with pytest.raises(UnknownRoutine) as caught:
            load_path_or_name(text, library)
        assert str(caught.value) == f"{text}: no such file"
        return
    entry = load_path_or_name(text, library)
    assert (entry.kind, entry.path) == (EXTRA, Path(text))
    assert entry.routine is not None


def test_a_path_with_a_tilde_is_read_from_home(isolated_home: Path) -> None:
    write(isolated_home / "mine", "walk", "Walk")
    entry = load_path_or_name("~/mine/walk.toml", scan([]))
    assert entry.path == isolated_home / "mine" / "walk.toml" and entry.ok


def test_a_name_that_is_a_file_in_the_current_folder_is_read_as_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "here", "plank", "Plank from here")
    (tmp_path / "here" / "stretch").write_text(ROUTINE.format(name="Stretch", seconds=5))
    write(tmp_path / "lib", "stretch", "Stretch from the library")
    monkeypatch.chdir(tmp_path / "here")
    library = scan([Folder(USER, tmp_path / "lib")])
    entry = load_path_or_name("stretch", library)
    assert entry.routine is not None and entry.routine.name == "Stretch"


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        ("plank-dya", "no routine by that name; did you mean plank-day?"),
        ("Plank-Dya.TOML", "no routine by that name; did you mean plank-day?"),
        ("Mornin Plank", "no routine by that name; did you mean plank-day?"),
        ("Side-Stretch", "no routine by that name; did you mean side-strech?"),
        ("yoga", "no routine by that name (routines: plank-day, side-strech)"),
    ],
)
def test_a_name_that_matches_nothing_says_what_might_be_meant(
    tmp_path: Path, wanted: str, message: str
) -> None:
    write(tmp_path / "r", "plank-day", "Morning Plank")
    write(tmp_path / "r", "side-strech", "Side")
    library = scan([Folder(USER, tmp_path / "r")])
    with pytest.raises(UnknownRoutine) as caught:
        load_path_or_name(wanted, library)
    assert str(caught.value) == f"{wanted}: {message}"


def test_with_no_routines_at_all_the_message_says_none(tmp_path: Path) -> None:
    with pytest.raises(UnknownRoutine) as caught:
        load_path_or_name("plank", scan([Folder(USER, tmp_path / "empty")]))
    assert str(caught.value) == "plank: no routine by that name (routines: none)"
