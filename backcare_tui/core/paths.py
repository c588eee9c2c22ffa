"""Where things live: XDG folders through platformdirs, so tests can point them elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "backcare"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def state_dir() -> Path:
    """What backcare remembers between runs that is neither config nor history (reminders)."""
    return Path(platformdirs.user_state_dir(APP, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def user_routines_dir() -> Path:
    return config_dir() / "routines"


def config_file() -> Path:
    override = os.environ.get("BACKCARE_CONFIG")
    return Path(override).expanduser() if override else config_dir() / "config.toml"


def history_file() -> Path:
    return data_dir() / "history.db"


def trash_dir() -> Path:
    return data_dir() / "trash"


def builtin_routines_dir() -> Path:
    """Inside the installed wheel, or the repository's routines/ in an editable install."""
    package = Path(__file__).resolve().parent.parent
    shipped = package / "builtin_routines"
    if shipped.is_dir():
        return shipped
    return package.parent / "routines"


def display_path(path: Path) -> str:
    """The path as people write it, ~ for the home folder, without control characters
    (file names come from shared folders too)."""
    from .text import clean_line

    home = Path.home()
    shown = f"~{os.sep}{path.relative_to(home)}" if path.is_relative_to(home) else str(path)
    return clean_line(shown)
