"""What reminders remember between runs: the last reminder, the last look at the clocks,
and what `remind set` installed (so `remind off` removes that and nothing else).

Small JSON files in the state folder, written atomically; a missing or damaged
file reads as "nothing remembered", which at worst allows one reminder more.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .atomic import atomic_write
from .paths import state_dir
from .wake import LastCheck


def last_file() -> Path:
    return state_dir() / "remind-last.json"


def installed_file() -> Path:
    return state_dir() / "remind-installed.json"


@dataclass(frozen=True)
class Memory:
    last_reminder: datetime | None = None
    last_check: LastCheck | None = None


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_memory(path: Path | None = None) -> Memory:
    data = _read(path or last_file())
    last: datetime | None = None
    check: LastCheck | None = None
    try:
        if isinstance(data.get("last_reminder"), str):
            last = datetime.fromisoformat(data["last_reminder"])
            if last.tzinfo is None:
                last = None
        mono, slept = data.get("check_monotonic"), data.get("check_slept")
        if isinstance(mono, int | float) and isinstance(slept, int | float):
            check = LastCheck(float(mono), float(slept))
    except ValueError:
        pass
    return Memory(last, check)


def save_memory(memory: Memory, path: Path | None = None) -> None:
    data: dict[str, Any] = {}
    if memory.last_reminder is not None:
        data["last_reminder"] = memory.last_reminder.isoformat(timespec="seconds")
    if memory.last_check is not None:
        data["check_monotonic"] = memory.last_check.monotonic
        data["check_slept"] = memory.last_check.slept
    atomic_write(path or last_file(), (json.dumps(data, indent=2) + "\n").encode("utf-8"))


@dataclass(frozen=True)
class Installed:
    """What `remind set` put in place."""

    method: str
    """"systemd", "cron" or "launchd"."""
    files: tuple[str, ...] = ()
    """Files it wrote (unit files, the plist)."""
    cron_lines: tuple[str, ...] = ()
    """Lines it added to the crontab."""
    units: tuple[str, ...] = field(default_factory=tuple)
    """systemd units it enabled."""


def load_installed(path: Path | None = None) -> Installed | None:
    data = _read(path or installed_file())
    method = data.get("method")
    if method not in ("systemd", "cron", "launchd"):
        return None

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()

    return Installed(method, strings("files"), strings("cron_lines"), strings("units"))


def save_installed(installed: Installed, path: Path | None = None) -> None:
    data = {
        "method": installed.method,
        "files": list(installed.files),
        "cron_lines": list(installed.cron_lines),
        "units": list(installed.units),
    }
    atomic_write(path or installed_file(), (json.dumps(data, indent=2) + "\n").encode("utf-8"))


def forget_installed(path: Path | None = None) -> None:
    (path or installed_file()).unlink(missing_ok=True)
