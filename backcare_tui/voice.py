"""Spoken guidance through a speech program, started and never waited for.

A newer phrase cuts off one still being spoken: the newest news matters
and two voices at once help nobody. A missing or failing program is
reported (once, by the caller), never silently ignored.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Callable
from typing import Any

from .core.text import clean_line
from .detached import Spawn, reap, start_detached

VOICE_PROGRAMS = ("espeak-ng", "espeak", "spd-say", "say")
"""Tried in this order; `say` is macOS's own."""

Which = Callable[[str], str | None]


def find_voice(preferred: str = "", which: Which = shutil.which) -> str | None:
    """The speech program to run: the one asked for if it exists, else the first found."""
    for name in ([preferred] if preferred else []) + list(VOICE_PROGRAMS):
        found = which(name)
        if found:
            return found
    return None


def speakable(text: str) -> str:
    """One line that no speech program can take for an option (a name may start with "-")."""
    return clean_line(text).strip().lstrip("-").strip()


class Voice:
    def __init__(self, program: str, spawn: Spawn = subprocess.Popen) -> None:
        self.program = program
        self._spawn = spawn
        self._speaking: list[Any] = []
        self._cut: set[int] = set()
        self.failure = ""

    def say(self, text: str) -> bool:
        """Speak `text`, cutting off anything still being said; False when it cannot start."""
        words = speakable(text)
        if not words:
            return True
        self.hush()
        process, error = start_detached(self._spawn, [self.program, words])
        if process is None:
            self.failure = f"{self.program} could not start ({error})"
            return False
        self._speaking.append(process)
        return True

    def reap(self) -> None:
        """Forget processes that have ended, noting a failure, and leave the rest speaking."""
        self._speaking, failed = reap(self._speaking, self._cut)
        if failed is not None and not self.failure:
            self.failure = f"{self.program} failed (exit status {failed})"
        self._cut &= {id(process) for process in self._speaking}

    def hush(self) -> None:
        """Stop speech still going and reap what has ended, so no zombie processes pile up.

        A program that ended on its own with an error is remembered in `failure`.
        """
        self.reap()
        for process in self._speaking:
            with contextlib.suppress(OSError):
                process.terminate()
                self._cut.add(id(process))
