"""Imported routines land under a free name: "name.toml", else "name-2.toml", and so on."""

from __future__ import annotations

from pathlib import Path

from ..atomic import atomic_create
from ..library import slug

MAX_NUMBER = 999


def free_path(folder: Path, name: str) -> Path:
    """The name write_new would take now (for --dry-run)."""
    stem = slug(name)
    for n in range(1, MAX_NUMBER + 1):
        path = folder / (f"{stem}.toml" if n == 1 else f"{stem}-{n}.toml")
        if not path.exists():
            return path
    return folder / f"{stem}.toml"


def write_new(folder: Path, name: str, text: str) -> Path:
    """Write `text` to the first free `slug(name)[-N].toml` in `folder`; never replaces a file."""
    stem = slug(name)
    for n in range(1, MAX_NUMBER + 1):
        path = folder / (f"{stem}.toml" if n == 1 else f"{stem}-{n}.toml")
        if path.exists():
            continue
        try:
            atomic_create(path, text.encode("utf-8"))
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"{folder / stem}.toml and {MAX_NUMBER - 1} numbered names are taken")
