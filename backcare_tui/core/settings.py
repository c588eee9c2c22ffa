"""The config file: read with tomllib, written atomically; bad values fall back with a message."""

from __future__ import annotations

import dataclasses
import math
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import tomli_w

from .atomic import atomic_write
from .loader import suggest
from .model import DEFAULT_PREPARE_SECONDS
from .paths import config_file
from .text import clean_line


@dataclass(frozen=True)
class Settings:
    sound: bool = True
    """Terminal bell at phase changes and on the last 3 seconds of a hold."""
    voice: bool = False
    """Speak step names and "switch sides" when a speech program is installed."""
    voice_program: str = ""
    """Speech program to use; empty picks the first of espeak-ng, espeak, spd-say, say."""
    theme: str = "textual-dark"
    reduced_motion: bool = False
    """Words and numbers instead of the animated breathing shape."""
    ascii: bool = False
    """Only ASCII characters, for terminals without block characters."""
    prepare_seconds: float = DEFAULT_PREPARE_SECONDS
    """Lead-in before the first step, for routines that do not set `prepare`."""
    weekly_goal: int = 3
    pain_checkin: bool = False
    auto_pause: bool = False
    """Pause a session when the terminal loses focus."""
    routine_folders: tuple[str, ...] = field(default_factory=tuple)
    notice_seen: bool = False
    """The first-run safety notice has been read."""


KEYS = tuple(f.name for f in fields(Settings))
_LIMITS: dict[str, tuple[float, float]] = {"prepare_seconds": (0, 600), "weekly_goal": (1, 21)}


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """Settings and the problems found; a missing or broken file gives the defaults."""
    path = path or config_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), []
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), [f"{path}: cannot read the config file ({error}); using defaults"]
    except tomllib.TOMLDecodeError as error:
        return Settings(), [f"{path}: {error}; using the default settings"]
    return settings_from_data(data, str(path))


def settings_from_data(data: dict[str, Any], where: str) -> tuple[Settings, list[str]]:
    problems: list[str] = []
    values: dict[str, Any] = {}
    defaults = Settings()
    for key, value in data.items():
        if key not in KEYS:
            problems.append(f'{where}: unknown setting "{clean_line(key)}"{suggest(key, KEYS)}')
            continue
        default = getattr(defaults, key)
        checked = _check(key, value, default)
        if checked is None:
            problems.append(
                f"{where}: {key} must be {_expected(key, default)}, got "
                f"{clean_line(repr(value))[:40]}; using {_show(default)}"
            )
            continue
        values[key] = checked
    return dataclasses.replace(defaults, **values), problems


def _check(key: str, value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, int | float) and not isinstance(value, bool):
        if not isinstance(value, int | float) or math.isnan(value):
            return None
        if (
            isinstance(default, int)
            and not isinstance(default, bool)
            and not isinstance(value, int)
        ):
            return None
        low, high = _LIMITS[key]
        return value if low <= value <= high else None
    if isinstance(default, str):
        return clean_line(value) if isinstance(value, str) else None
    if isinstance(default, tuple):
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        return None
    return None


def _expected(key: str, default: Any) -> str:
    if isinstance(default, bool):
        return "true or false"
    if key in _LIMITS:
        low, high = _LIMITS[key]
        kind = "a whole number" if isinstance(default, int) else "a number"
        return f"{kind} from {low:g} to {high:g}"
    if isinstance(default, tuple):
        return "a list of folder paths"
    return "a string"


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[]"
    return repr(value) if isinstance(value, str) else f"{value:g}"


def settings_to_data(settings: Settings) -> dict[str, Any]:
    data = dataclasses.asdict(settings)
    data["routine_folders"] = list(settings.routine_folders)
    return data


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or config_file()
    atomic_write(path, tomli_w.dumps(settings_to_data(settings)).encode("utf-8"))
