"""Where things live: XDG folders as platformdirs names them, so tests can point them elsewhere.

On Linux the four folders are worked out here, the way platformdirs' Unix
rules do (tests/test_paths.py holds the two equal); importing platformdirs
costs about 4 ms (it brings in tempfile, shutil and random), a quarter of
what `backcare list` adds to a plain script. Anything unusual (another
system, Android, a HOME that is not an absolute path) asks platformdirs.
"""

from __future__ import annotations

import os
import posixpath
import sys
from pathlib import Path

APP = "backcare"


def _user_dir(variable: str, default: str, platform_dirs_name: str) -> str:
    """`$variable/backcare` when it is an absolute path, else `default/backcare` under HOME."""
    if sys.platform == "linux" and not _maybe_android():
        base = os.environ.get(variable, "")
        if posixpath.isabs(base):
            return os.path.join(base, APP)
        home = os.environ.get("HOME")
        if home is None or posixpath.isabs(home):
            expanded = os.path.expanduser(default)
            if posixpath.isabs(expanded):
                return os.path.join(expanded, APP)
    import platformdirs

    found: str = getattr(platformdirs, platform_dirs_name)(APP, appauthor=False)
    return found


def _maybe_android() -> bool:
    """What platformdirs looks at before it takes a Linux system for Android."""
    return hasattr(sys, "getandroidapilevel") or (
        os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system"
    )


def config_dir() -> Path:
    return Path(_user_dir("XDG_CONFIG_HOME", "~/.config", "user_config_dir"))


def data_dir() -> Path:
    return Path(_user_dir("XDG_DATA_HOME", "~/.local/share", "user_data_dir"))


def state_dir() -> Path:
    """What backcare remembers between runs that is neither config nor history (reminders)."""
    return Path(_user_dir("XDG_STATE_HOME", "~/.local/state", "user_state_dir"))


def cache_dir() -> Path:
    return Path(_user_dir("XDG_CACHE_HOME", "~/.cache", "user_cache_dir"))


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
