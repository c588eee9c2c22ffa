"""Finding routines: built-ins, the user folder, then extra folders; later ones win."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem, RoutineError
from .loader import load_routine
from .model import Routine
from .paths import builtin_routines_dir, user_routines_dir

BUILTIN = "built-in"
USER = "user"
EXTRA = "folder"


@dataclass(frozen=True)
class Folder:
    kind: str
    path: Path


@dataclass(frozen=True)
class Entry:
    """One routine file: its routine, or the error that keeps it from loading."""

    key: str
    path: Path
    kind: str
    routine: Routine | None = None
    error: RoutineError | None = None
    shadows: Path | None = None

    @property
    def ok(self) -> bool:
        return self.routine is not None

    @property
    def read_only(self) -> bool:
        return self.kind == BUILTIN


def routine_folders(extra: Sequence[Path | str] = ()) -> list[Folder]:
    folders = [Folder(BUILTIN, builtin_routines_dir()), Folder(USER, user_routines_dir())]
    env = os.environ.get("BACKCARE_ROUTINES", "")
    for item in [p for p in env.split(os.pathsep) if p] + [str(p) for p in extra]:
        folders.append(Folder(EXTRA, Path(item).expanduser()))
    return folders


def slug(name: str) -> str:
    """A file name for a routine name: "Desk Break!" -> "desk-break"."""
    text = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return text[:60] or "routine"


@dataclass(frozen=True)
class Library:
    entries: tuple[Entry, ...]
    """Usable routines, one per key, in folder order then name order."""
    broken: tuple[Entry, ...]
    """Files that did not load, each with its error."""

    def find(self, wanted: str) -> Entry | None:
        """By file name (without .toml), then by routine name, case-insensitively."""
        lowered = wanted.lower().removesuffix(".toml")
        for entry in self.entries + self.broken:
            if entry.key.lower() == lowered:
                return entry
        for entry in self.entries:
            assert entry.routine is not None
            if entry.routine.name.lower() == lowered or slug(entry.routine.name) == slug(wanted):
                return entry
        return None


def scan(folders: Iterable[Folder]) -> Library:
    """Load every *.toml in each folder; a broken file never hides the good ones."""
    chosen: dict[str, Entry] = {}
    broken: list[Entry] = []
    for folder in folders:
        for path in _toml_files(folder.path):
            entry = load_entry(path, folder.kind)
            if not entry.ok:
                broken.append(entry)
                continue
            previous = chosen.get(entry.key)
            if previous is not None:
                entry = Entry(entry.key, entry.path, entry.kind, entry.routine, None, previous.path)
                del chosen[entry.key]
            chosen[entry.key] = entry
    ordered = sorted(chosen.values(), key=lambda e: (e.kind != BUILTIN, _name(e).lower()))
    return Library(tuple(ordered), tuple(broken))


def _name(entry: Entry) -> str:
    return entry.routine.name if entry.routine else entry.key


def load_entry(path: Path, kind: str) -> Entry:
    try:
        return Entry(path.stem, path, kind, routine=load_routine(path))
    except RoutineError as error:
        return Entry(path.stem, path, kind, error=error)


def _toml_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".toml" and p.is_file())
    except FileNotFoundError:
        return []
    except OSError:
        return []


def load_path_or_name(wanted: str, library: Library) -> Entry:
    """A path to a file, or a name in the library; raises RoutineError when neither."""
    path = Path(wanted).expanduser()
    if path.suffix == ".toml" or os.sep in wanted or path.is_file():
        if not path.exists():
            raise RoutineError(wanted, [Problem(wanted, "no such file")])
        return load_entry(path, EXTRA)
    entry = library.find(wanted)
    if entry is None:
        names = ", ".join(e.key for e in library.entries) or "none"
        raise RoutineError(
            wanted, [Problem(wanted, f"no routine by that name (routines: {names})")]
        )
    return entry
