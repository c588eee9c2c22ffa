"""Playing the cue sounds through the system's audio player, never waiting for it.

The player runs as its own process in its own session; the screen only
starts it. Finished players are reaped on the next play, and one that
failed (no sound card, a bad `sound_program`) is reported once, after which
the bell takes over, so a person is never left with silence they did not ask for.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .detached import Spawn, reap, start_detached

PLAYERS = ("pw-play", "paplay", "aplay", "afplay")
"""Tried in this order: PipeWire, PulseAudio, ALSA, macOS."""
PLAYER_OPTIONS: dict[str, tuple[str, ...]] = {"aplay": ("-q",)}
FILE = "{file}"

Which = Callable[[str], str | None]


@dataclass(frozen=True)
class FoundPlayer:
    """A command to play one file, with `{file}` where the file goes."""

    command: tuple[str, ...]
    name: str
    configured: bool = False

    def args(self, path: Path) -> list[str]:
        return [part.replace(FILE, str(path)) for part in self.command]


@dataclass(frozen=True)
class PlayerSearch:
    found: FoundPlayer | None
    problem: str = ""
    """Why the configured program is not used, when it is not."""


def find_player(sound_program: str = "", which: Which = shutil.which) -> PlayerSearch:
    """The `sound_program` setting if it runs, else the first of PLAYERS on PATH."""
    problem = ""
    if sound_program.strip():
        try:
            parts = shlex.split(sound_program)
        except ValueError as error:
            parts, problem = [], f"sound_program cannot be read ({error})"
        if parts:
            program = which(parts[0])
            if program is not None:
                if not any(FILE in part for part in parts):
                    parts.append(FILE)
                command = (program, *parts[1:])
                return PlayerSearch(FoundPlayer(command, parts[0], configured=True))
            problem = f'sound_program "{parts[0]}" was not found'
    for name in PLAYERS:
        path = which(name)
        if path is not None:
            command = (path, *PLAYER_OPTIONS.get(name, ()), FILE)
            return PlayerSearch(FoundPlayer(command, name), problem)
    return PlayerSearch(None, problem)


class AudioPlayer:
    """Starts the player for a file and returns at once; cues may overlap, as sounds do."""

    def __init__(self, found: FoundPlayer, spawn: Spawn = subprocess.Popen) -> None:
        self.found = found
        self._spawn = spawn
        self._playing: list[Any] = []
        self.failure = ""
        """Set when a player ended badly or could not start; the caller falls back to the bell."""

    def play(self, path: Path) -> bool:
        self._reap()
        if self.failure:
            return False
        process, error = start_detached(self._spawn, self.found.args(path))
        if process is None:
            self.failure = f"{self.found.name} could not start ({error})"
            return False
        self._playing.append(process)
        return True

    def close(self) -> None:
        """Leave sounds still playing to finish (they are short), but reap what has ended."""
        self._reap()

    def _reap(self) -> None:
        self._playing, failed = reap(self._playing)
        if failed is not None and not self.failure:
            self.failure = f"{self.found.name} failed (exit status {failed})"
