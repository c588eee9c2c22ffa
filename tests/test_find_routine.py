"""`find_routine`: the same entry, or the same refusal, as reading the whole library and
looking the name up in it, while reading only the files that share the name when one does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcare_tui.core import library as library_module
from backcare_tui.core.library import (
    EXTRA,
    USER,
    Entry,
    Folder,
    UnknownRoutine,
    find_routine,
    load_path_or_name,
    scan,
)
from backcare_tui.core.loader import load_routine
from backcare_tui.core.model import Routine

ROUTINE = 'format = 1\nname = "{name}"\n[[steps]]\nname = "Step"\nduration = 5\n'
KEYS = ["plank", "Plank", "PLANK", "desk-break", "side"]
NAMES = ["Plank", "Desk break", "Side", "plank", "Morning"]


def folders_with(tmp_path: Path, files: list[tuple[int, str, str | None]]) -> list[Folder]:
    """Three folders; each file is (folder, key, routine name or None for a broken file)."""
    folders = [Folder(USER, tmp_path / "user"), Folder(EXTRA, tmp_path / "a")]
    folders.append(Folder(EXTRA, tmp_path / "b"))
    for folder in folders:
        folder.path.mkdir(parents=True, exist_ok=True)
    for index, key, name in files:
        text = "not toml [" if name is None else ROUTINE.format(name=name)
        (folders[index].path / f"{key}.toml").write_text(text, encoding="utf-8")
    return folders


def told(entry: Entry) -> tuple[object, ...]:
    """An entry as compared here: its error by what it says (two reads make two errors)."""
    error = None if entry.error is None else str(entry.error)
    return (entry.key, entry.path, entry.kind, entry.routine, error, entry.shadows)


def looked_up(wanted: str, folders: list[Folder]) -> tuple[object, ...] | str:
    try:
        return told(load_path_or_name(wanted, scan(folders)))
    except UnknownRoutine as refusal:
        return str(refusal)


def found(wanted: str, folders: list[Folder]) -> tuple[object, ...] | str:
    try:
        return told(find_routine(wanted, folders))
    except UnknownRoutine as refusal:
        return str(refusal)


def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every routine file the library reads from now on, in order."""
    read: list[Path] = []

    def load(path: Path) -> Routine:
        read.append(path)
        return load_routine(path)

    monkeypatch.setattr(library_module, "load_routine", load)
    return read


files = st.lists(
    st.tuples(st.integers(0, 2), st.sampled_from(KEYS), st.none() | st.sampled_from(NAMES)),
    max_size=6,
    unique_by=lambda f: (f[0], f[1].lower()),
)
wanted = st.sampled_from([*KEYS, "plank.toml", "PLANK.TOML", "Desk break", "morning", "plnk"])


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=files, wanted=wanted)
def test_the_same_as_reading_the_whole_library(
    tmp_path_factory: pytest.TempPathFactory, files: list[tuple[int, str, str | None]], wanted: str
) -> None:
    folders = folders_with(tmp_path_factory.mktemp("lib"), files)
    assert found(wanted, folders) == looked_up(wanted, folders)


def test_a_file_name_reads_only_the_files_of_that_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = folders_with(
        tmp_path, [(0, "plank", "Plank"), (0, "side", "Side"), (1, "Plank", None), (2, "desk", "D")]
    )
    read = reads(monkeypatch)
    entry = find_routine("PLANK", folders)
    assert entry.path == tmp_path / "user" / "plank.toml" and entry.ok
    assert sorted(read) == sorted([tmp_path / "user" / "plank.toml", tmp_path / "a" / "Plank.toml"])


def test_a_routine_name_or_a_typo_reads_the_whole_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = folders_with(tmp_path, [(0, "plank-day", "Morning plank"), (1, "side", "Side")])
    read = reads(monkeypatch)
    assert find_routine("Morning plank", folders).path == tmp_path / "user" / "plank-day.toml"
    assert len(read) == 2
    with pytest.raises(UnknownRoutine, match="did you mean plank-day"):
        find_routine("plank-dya", folders)


def test_a_path_is_read_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = folders_with(tmp_path, [(0, "plank", "Plank")])
    loose = tmp_path / "loose.toml"
    loose.write_text(ROUTINE.format(name="Loose"), encoding="utf-8")
    monkeypatch.setattr(library_module, "scan", None)  # any library read would fail
    entry = find_routine(str(loose), folders)
    assert (entry.path, entry.kind, entry.ok) == (loose, EXTRA, True)
    with pytest.raises(UnknownRoutine, match="no such file"):
        find_routine(str(tmp_path / f"missing{os.sep}x.toml"), folders)
