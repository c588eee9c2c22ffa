"""One true-or-false setting read straight from the config file, for the plain commands.

`list` and `show` need only `ascii`. `load_settings` checks every setting
and builds the whole `Settings` (about 1.5 ms to import and build, a tenth
of what `list` adds to a plain script's imports); this reads the one key by
the same rules: a missing, unreadable or broken file, a missing key or a
value that is not true or false all give the default (tests/test_setting_flag.py
holds it equal to `load_settings`). It says nothing about problems:
commands that report them use `load_settings`.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from .paths import config_file

ASCII_DEFAULT = False
"""`Settings.ascii`'s default (the tests hold the two equal)."""


def read_flag(key: str, default: bool, path: Path | None = None) -> bool:
    """The config file's `key` when it is true or false, else `default`."""
    path = path or config_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return default
    value = data.get(key)
    return value if isinstance(value, bool) else default
