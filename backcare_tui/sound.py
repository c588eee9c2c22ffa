"""The bell and the optional voice, so a session can be followed without looking.

Speech runs as a separate program started in its own session and never
waited for: the screen must not freeze while a sentence is spoken, and a
missing or broken speech program is simply silence, never an error.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from typing import Any

from .core.settings import Settings
from .core.text import clean_line

VOICE_PROGRAMS = ("espeak-ng", "espeak", "spd-say", "say")
"""Tried in this order; `say` is macOS's own."""

Which = Callable[[str], str | None]
Spawn = Callable[..., Any]


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


class Sound:
    """Rings and speaks according to the settings, unless muted for this session."""

    def __init__(
        self,
        settings: Settings,
        bell: Callable[[], None],
        *,
        which: Which = shutil.which,
        spawn: Spawn = subprocess.Popen,
    ) -> None:
        self._bell = bell
        self._which = which
        self._spawn = spawn
        self.bell_on = settings.sound
        self.voice_on = settings.voice
        self._voice_program = settings.voice_program
        self._program: str | None = None
        self._looked = False
        self._speaking: list[Any] = []
        self.muted = False

    def toggle_mute(self) -> bool:
        self.muted = not self.muted
        if self.muted:
            self._hush()
        return self.muted

    def ring(self) -> None:
        if self.bell_on and not self.muted:
            self._bell()

    def say(self, text: str) -> None:
        """Speak `text`, cutting off anything still being said: the newest news matters."""
        words = speakable(text)
        if not (self.voice_on and not self.muted and words):
            return
        program = self.program
        if program is None:
            return
        self._hush()
        try:
            process = self._spawn(
                [program, words],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        except (OSError, ValueError):
            self.voice_on = False
            return
        self._speaking.append(process)

    @property
    def program(self) -> str | None:
        if not self._looked:
            self._looked = True
            self._program = find_voice(self._voice_program, self._which)
        return self._program

    def close(self) -> None:
        self._hush()

    def _hush(self) -> None:
        """Stop speech still going and reap what has ended, so no zombie processes pile up."""
        still: list[Any] = []
        for process in self._speaking:
            try:
                if process.poll() is None:
                    process.terminate()
                    still.append(process)
            except OSError:
                continue
        self._speaking = still
