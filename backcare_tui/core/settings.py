"""The config file: read with tomllib, written atomically; bad values fall back with a message."""

from __future__ import annotations

import contextlib
import dataclasses
import math
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .limits import DEFAULT_PREPARE_SECONDS
from .paths import config_file
from .spelling import suggest
from .text import clean_line


@dataclass(frozen=True)
class Settings:
    sound: bool = True
    """Cue sounds (the terminal bell when no audio player is found)."""
    volume: int = 80
    """Loudness of the cue sounds, 0-100 percent."""
    cue_phases: bool = True
    """A sound as work, a hold, a rest or a side switch starts."""
    cue_countdown: bool = True
    """Ticks in the last 3 seconds of a work, hold or rest."""
    cue_halfway: bool = True
    """A double pip halfway through a work or hold of 20 s or more."""
    cue_breathing: bool = False
    """A soft sound (and "in"/"out" with voice) on every breath of a breathing block."""
    cue_finished: bool = True
    """A chime when the session is finished."""
    sound_program: str = ""
    """Command that plays a WAV file, with {file} in it; empty: pw-play, paplay, aplay, afplay."""
    voice: bool = False
    """Speak step names, sides, "switch sides", countdowns and rests."""
    voice_program: str = ""
    """Speech program to use; empty picks the first of espeak-ng, espeak, spd-say, say."""
    speak_cues: bool = False
    """With voice on, also speak each step's cues as they appear."""
    theme: str = "textual-dark"
    """A Textual theme name; one the app does not know leaves the default in place."""
    reduced_motion: bool = False
    """Words and numbers instead of the animated breathing shape."""
    ascii: bool = False
    """Only ASCII characters, for terminals without block characters."""
    prepare_seconds: float = DEFAULT_PREPARE_SECONDS
    """Lead-in before the first step, for routines that do not set `prepare`."""
    weekly_goal: int = 3
    """Sessions a week; the article suggests 3 to 4."""
    pain_checkin: bool = False
    """Ask "how is your back, 0-10?" before and after each session (off: one key starts)."""
    auto_pause: bool = False
    """Pause a session when the terminal loses focus."""
    routine_folders: tuple[str, ...] = field(default_factory=tuple)
    """Extra folders of routine files, after the built-in and user folders."""
    notice_seen: bool = False
    """The first-run safety notice has been read."""
    plan: dict[str, str] = field(default_factory=dict)
    """Weekly plan: weekday ("mon" .. "sun") -> routine name or file name, for "Today"."""
    remind_at: tuple[str, ...] = field(default_factory=tuple)
    """Reminder times, like ["12:30", "16:00"] (`backcare remind set --at`)."""
    remind_days: str = "daily"
    """Days reminders fire on: "mon-fri", "mon,wed,fri", "weekdays", "daily"."""
    remind_every: str = ""
    """Remind every so long inside `remind_between`, like "50m"."""
    remind_between: str = ""
    """The hours `remind_every` applies to, like "09:00-17:30"."""
    remind_only_if_due: bool = False
    """Remind only when a session is due: today's plan not done, or the weekly goal at risk."""
    quiet_hours: str = "21:00-08:00"
    """No reminders between these times; empty for none."""
    min_gap: int = 45
    """Minutes that must pass between two reminders."""


KEYS = tuple(f.name for f in fields(Settings))
_DEFAULTS = Settings()
_LIMITS: dict[str, tuple[float, float]] = {
    "prepare_seconds": (0, 600),
    "weekly_goal": (1, 21),
    "min_gap": (0, 24 * 60),
    "volume": (0, 100),
}


SCHEDULE_EXPECTED = {
    "remind_at": 'a list of times like ["12:30", "16:00"]',
    "remind_days": 'days like "mon-fri", "mon,wed,fri" or "daily"',
    "remind_every": 'minutes like "50m" or "1h30m", or ""',
    "remind_between": 'two times like "09:00-17:30", or ""',
    "quiet_hours": 'two times like "21:00-08:00", or "" for none',
}
"""Reminder settings, checked by the schedule's own parser (core/schedule.py)."""


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
    for key, value in data.items():
        if key not in KEYS:
            problems.append(f'{where}: unknown setting "{clean_line(key)}"{suggest(key, KEYS)}')
            continue
        checked, problem = check_value(key, value)
        if problem is not None:
            problems.append(f"{where}: {problem}")
            continue
        values[key] = checked
    return dataclasses.replace(Settings(), **values), problems


def check_value(key: str, value: Any) -> tuple[Any, str | None]:
    """The value to use for `key`, or a message saying what was expected (for the file and
    the settings screen alike)."""
    default = getattr(_DEFAULTS, key)
    checked = _check(key, value, default)
    if checked is None:
        return default, (
            f"{key} must be {_expected(key, default)}, got "
            f"{clean_line(repr(value))[:40]}; using {_show(default)}"
        )
    return checked, None


def _check(key: str, value: Any, default: Any) -> Any:
    if key in SCHEDULE_EXPECTED:
        from .schedule import schedule_value

        return schedule_value(key, value)
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
        if not low <= value <= high:
            return None
        return float(value) if isinstance(default, float) else value
    if isinstance(default, str):
        return clean_line(value) if isinstance(value, str) else None
    if isinstance(default, dict):
        from .weekplan import check_plan

        return check_plan(value)
    if isinstance(default, tuple):
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(clean_line(v).strip() for v in value if v.strip())
        return None
    return None


def _expected(key: str, default: Any) -> str:
    if isinstance(default, bool):
        return "true or false"
    if key in _LIMITS:
        low, high = _LIMITS[key]
        kind = "a whole number" if isinstance(default, int) else "a number"
        return f"{kind} from {low:g} to {high:g}"
    if key in SCHEDULE_EXPECTED:
        return SCHEDULE_EXPECTED[key]
    if isinstance(default, tuple):
        return "a list of folder paths"
    if isinstance(default, dict):
        from .weekplan import PLAN_EXPECTED

        return PLAN_EXPECTED
    return "a string"


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[]"
    if isinstance(value, dict):
        return "no plan"
    return repr(value) if isinstance(value, str) else f"{value:g}"


def settings_to_data(settings: Settings) -> dict[str, Any]:
    data = dataclasses.asdict(settings)
    data["routine_folders"] = list(settings.routine_folders)
    data["plan"] = dict(settings.plan)
    data["remind_at"] = list(settings.remind_at)
    return data


HEADER = (
    "# backcare settings. The app rewrites this file when you change a setting\n"
    "# there; keys it does not know are kept.\n"
)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically, keeping keys this version does not know (a newer one may).

    A file that does not parse is copied to `<name>.bak` first, so hand edits
    that went wrong are not lost when the app writes a good file over them.
    """
    # Only writing needs these; `backcare status` reads settings in a status bar every few s.
    import shutil

    import tomli_w

    from .atomic import atomic_write

    path = path or config_file()
    data: dict[str, Any] = {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        pass
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        with contextlib.suppress(OSError):
            shutil.copyfile(path, path.with_name(path.name + ".bak"))
    data = {key: value for key, value in data.items() if key not in KEYS}
    data = {**settings_to_data(settings), **data}
    atomic_write(path, (HEADER + tomli_w.dumps(data)).encode("utf-8"))
