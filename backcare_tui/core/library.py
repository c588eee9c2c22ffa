"""Finding routines: built-ins, the user folder, then extra folders; later ones win."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .errors import Problem, RoutineError
from .loader import load_routine
from .model import Routine
from .paths import builtin_routines_dir, user_routines_dir
from .spelling import closest


class EntryKind(StrEnum):
    """Where a routine file was found; the value is the word the lists show."""

    BUILTIN = "built-in"
    USER = "user"
    EXTRA = "folder"


BUILTIN = EntryKind.BUILTIN
USER = EntryKind.USER
EXTRA = EntryKind.EXTRA


@dataclass(frozen=True)
class Folder:
    """A folder routines are read from, and where it counts in the list."""

    kind: EntryKind
    path: Path


@dataclass(frozen=True)
class Entry:
    """One routine file: its routine, or the error that keeps it from loading."""

    key: str
    path: Path
    kind: EntryKind
    routine: Routine | None = None
    error: RoutineError | None = None
    shadows: Path | None = None

    @property
    def ok(self) -> bool:
        return self.routine is not None

    @property
    def read_only(self) -> bool:
        return self.kind is BUILTIN


def routine_folders(extra: Sequence[Path | str] = ()) -> list[Folder]:
    folders = [Folder(BUILTIN, builtin_routines_dir()), Folder(USER, user_routines_dir())]
    env = os.environ.get("BACKCARE_ROUTINES", "")
    for item in [p for p in env.split(os.pathsep) if p] + [str(p) for p in extra]:
        folders.append(Folder(EXTRA, Path(item).expanduser()))
    return folders


def slug(name: str) -> str:
    """A file name for a routine name: "Desk Break!" -> "desk-break",
    "Übung für Rücken" -> "ubung-fur-rucken" (accents dropped, not the letters)."""
    return slug_or_empty(name) or "routine"


_NO_DECOMPOSITION = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "þ": "th",
        "Þ": "Th",
    }
)
"""Latin letters that NFKD leaves whole, spelt the way people write them in ASCII."""


def slug_or_empty(name: str) -> str:
    """Like `slug`, but "" for a name with no letters or digits to make a file name of."""
    plain = unicodedata.normalize("NFKD", name.translate(_NO_DECOMPOSITION))
    ascii_only = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:60].strip("-")


@dataclass(frozen=True)
class Library:
    """Every routine found, and every file that did not load."""

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


def scan(folders: Iterable[Folder], *, named: str | None = None) -> Library:
    """Load every *.toml in each folder; a broken file never hides the good ones.

    With `named`, only the files of that name (without .toml, in any case): what
    `Library.find` looks for first, found without reading the other files.
    """
    chosen: dict[str, Entry] = {}
    broken: list[Entry] = []
    for folder in folders:
        for path in _toml_files(folder.path, named):
            entry = load_entry(path, folder.kind)
            if not entry.ok:
                broken.append(entry)
                continue
            previous = chosen.get(entry.key)
            if previous is not None:
                entry = Entry(entry.key, entry.path, entry.kind, entry.routine, None, previous.path)
                del chosen[entry.key]
            chosen[entry.key] = entry
    ordered = sorted(chosen.values(), key=lambda e: (e.kind is not BUILTIN, _name(e).lower()))
    return Library(tuple(ordered), tuple(broken))


def _name(entry: Entry) -> str:
    return entry.routine.name if entry.routine else entry.key


def load_entry(path: Path, kind: EntryKind) -> Entry:
    try:
        return Entry(path.stem, path, kind, routine=load_routine(path))
    except RoutineError as error:
        return Entry(path.stem, path, kind, error=error)


def _toml_files(folder: Path, named: str | None = None) -> list[Path]:
    try:
        return sorted(
            p
            for p in folder.iterdir()
            if p.suffix == ".toml" and (named is None or p.stem.lower() == named) and p.is_file()
        )
    except FileNotFoundError:
        return []
    except OSError:
        return []


class UnknownRoutine(RoutineError):
    """A name or path that matches no routine: a usage error, not a broken file."""


def find_routine(wanted: str, folders: Sequence[Folder]) -> Entry:
    """`load_path_or_name` over these folders, reading no more than it needs.

    A path is read alone. A file name (`desk-break`) is looked for among the files
    of that name first, which is what `Library.find` tries first too; the whole
    library is read only when no file has that name: to match a routine's own name,
    or to say which name was meant.
    """
    if not _names_a_file(wanted):
        found = scan(folders, named=wanted.lower().removesuffix(".toml")).find(wanted)
        if found is not None:
            return found
        return load_path_or_name(wanted, scan(folders))
    return load_path_or_name(wanted, Library((), ()))


def _names_a_file(wanted: str) -> bool:
    path = Path(wanted).expanduser()
    return path.suffix == ".toml" or os.sep in wanted or path.is_file()


def load_path_or_name(wanted: str, library: Library) -> Entry:
    """A path to a file, or a name in the library; raises UnknownRoutine when neither."""
    if _names_a_file(wanted):
        path = Path(wanted).expanduser()
        if not path.exists():
            raise UnknownRoutine([Problem(wanted, "no such file")])
        return load_entry(path, EXTRA)
    entry = library.find(wanted)
    if entry is None:
        raise UnknownRoutine([Problem(wanted, _not_found(wanted, library))])
    return entry


def _not_found(wanted: str, library: Library) -> str:
    """ "did you mean desk-break?" for a typo; the list of names when nothing is close."""
    keys = [e.key for e in library.entries]
    names = {slug(e.routine.name): e.key for e in library.entries if e.routine is not None}
    close = closest(wanted.lower().removesuffix(".toml"), keys) or names.get(
        closest(slug(wanted), list(names)) or ""
    )
    if close is not None:
        return f"no routine by that name; did you mean {close}?"
    return f"no routine by that name (routines: {', '.join(keys) or 'none'})"
