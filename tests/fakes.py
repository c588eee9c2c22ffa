"""Fake audio players and speech programs for tests: shell scripts on PATH that log
what they were asked, with the wall-clock time they started, and play nothing."""

from __future__ import annotations

import os
import time
from pathlib import Path

SCRIPT = """#!/bin/sh
line="$(date +%s.%N) {name}"
for arg in "$@"; do line="$line |$arg"; done
printf '%s\\n' "$line" >> "{log}"
exit {status}
"""
"""The line is written with one append, so two fakes started together never interleave."""


def fake_program(folder: Path, name: str, log: Path, status: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(SCRIPT.format(name=name, log=log, status=status))
    path.chmod(0o755)
    return path


def only_on_path(folder: Path) -> str:
    """A PATH with the fakes and the basic tools the scripts need, and no real players."""
    tools = folder / "tools"
    tools.mkdir(parents=True, exist_ok=True)
    for tool in ("date", "printf", "sh", "sleep"):
        for place in ("/usr/bin", "/bin"):
            if os.path.exists(f"{place}/{tool}") and not (tools / tool).exists():
                (tools / tool).symlink_to(f"{place}/{tool}")
    return f"{folder}{os.pathsep}{tools}"


def read_log(log: Path, lines: int, timeout: float = 5.0) -> list[tuple[float, str, list[str]]]:
    """Wait (for the programs, not for a timer) until `lines` entries are logged."""
    deadline = time.monotonic() + timeout
    while True:
        text = log.read_text() if log.exists() else ""
        entries = [line for line in text.splitlines() if line.strip()]
        if len(entries) >= lines or time.monotonic() > deadline:
            break
        time.sleep(0.005)
    parsed = []
    for entry in entries:
        stamp, name, *rest = entry.split(" ", 2)
        args = rest[0].removeprefix("|").split(" |") if rest else []
        parsed.append((float(stamp), name, args))
    return parsed
