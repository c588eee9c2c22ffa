"""Cue sounds and the voice together, so a session can be followed without looking.

Given a `Cue` (from core.cues) this plays its sound through the audio player
(or rings the bell when there is none) and speaks its words, without ever
waiting. What goes wrong (no player, a failing player, no voice program, a
failing one) is reported through `on_problem`, once per kind per session.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .audio import AudioPlayer, FoundPlayer, find_player
from .core.cues import Cue
from .core.paths import cache_dir
from .core.settings import Settings
from .core.synth import CueSound, cue_files
from .voice import VOICE_PROGRAMS, Voice, find_voice, speakable

__all__ = ["VOICE_PROGRAMS", "Sound", "find_voice", "speakable"]

Which = Callable[[str], str | None]
Spawn = Callable[..., Any]


def cue_folder() -> Path:
    return cache_dir() / "cues"


class Sound:
    """Plays cues according to the settings, unless muted for this session."""

    def __init__(
        self,
        settings: Settings,
        bell: Callable[[], None],
        *,
        which: Which = shutil.which,
        spawn: Spawn = subprocess.Popen,
        on_problem: Callable[[str], None] | None = None,
        folder: Path | None = None,
    ) -> None:
        self._bell = bell
        self._spawn = spawn
        self._on_problem = on_problem
        self._reported: set[str] = set()
        self.problems: list[str] = []
        self.bell_on = settings.sound
        self.voice_on = settings.voice
        self.volume = settings.volume
        self.muted = False
        self._folder = folder or cue_folder()
        self._files: dict[CueSound, Path] | None = None
        self._audio: AudioPlayer | None = None
        search = find_player(settings.sound_program, which) if settings.sound else None
        if search is not None:
            if search.problem:
                self._report(
                    "player",
                    search.problem
                    + "; using "
                    + (search.found.name if search.found else "the terminal bell"),
                )
            if search.found is not None:
                self._audio = AudioPlayer(search.found, spawn)
            else:
                # Said in the settings screen and by `backcare doctor`, not at every session:
                # the bell is a working fallback, not a fault.
                self._report(
                    "player",
                    "no audio player found (pw-play, paplay, aplay, afplay); "
                    "cues use the terminal bell",
                    tell=False,
                )
        self._voice: Voice | None = None
        if settings.voice:
            program = find_voice(settings.voice_program, which)
            if program is None:
                self._report(
                    "voice",
                    f"voice is on but no speech program was found ({', '.join(VOICE_PROGRAMS)})",
                )
            else:
                self._voice = Voice(program, spawn)

    @property
    def player(self) -> FoundPlayer | None:
        return self._audio.found if self._audio is not None else None

    @property
    def voice_program(self) -> str | None:
        return self._voice.program if self._voice is not None else None

    def prepare(self) -> None:
        """Write the cue files now (a few ms, once per volume), not at the first cue."""
        if self._audio is None or self._files is not None:
            return
        try:
            self._files = cue_files(self.volume, self._folder)
        except OSError as error:
            self._report("player", f"cannot write the cue sounds ({error}); using the bell")
            self._audio = None

    def toggle_mute(self) -> bool:
        self.muted = not self.muted
        if self.muted and self._voice is not None:
            self._voice.hush()
        return self.muted

    def play(self, cue: Cue) -> None:
        if self.muted or not cue:
            return
        if cue.sound is not None:
            self.sound(cue.sound)
        if cue.words:
            self.say(cue.words)

    def sound(self, sound: CueSound) -> None:
        if not self.bell_on or self.muted:
            return
        audio = self._audio
        if audio is not None:
            self.prepare()
            if self._files is not None and audio.play(self._files[sound]):
                return
            if audio.failure:
                self._report("player", audio.failure + "; cues use the terminal bell from now on")
                self._audio = None
        self._bell()

    def ring(self) -> None:
        """The bell alone (kept for callers that only want attention)."""
        if self.bell_on and not self.muted:
            self._bell()

    def say(self, text: str) -> None:
        """Speak `text`, cutting off anything still being said: the newest news matters."""
        voice = self._voice
        if not (self.voice_on and not self.muted and voice is not None and speakable(text)):
            return
        if voice.say(text):
            if voice.failure:
                self._report("voice", voice.failure)
            return
        self._report("voice", voice.failure + "; voice is off for this session")
        self._voice = None
        self.voice_on = False

    def close(self, *, hush: bool = False) -> None:
        """Reap what has ended; the last words ("Well done") are left to finish unless
        `hush` (a session stopped part-way) asks to cut them off."""
        if self._voice is not None:
            if hush:
                self._voice.hush()
            else:
                self._voice.reap()
        if self._audio is not None:
            self._audio.close()

    def _report(self, kind: str, message: str, *, tell: bool = True) -> None:
        if kind in self._reported:
            return
        self._reported.add(kind)
        self.problems.append(message)
        if tell and self._on_problem is not None:
            self._on_problem(message)


def audio_status(settings: Settings, which: Which = shutil.which) -> str:
    """What this machine plays and speaks with, for the settings screen: only for what is on
    (`backcare doctor` tells all)."""
    lines: list[str] = []
    if not settings.sound:
        lines.append("Cue sounds are off.")
    else:
        search = find_player(settings.sound_program, which)
        if search.problem:
            lines.append(search.problem + ".")
        if search.found is not None:
            lines.append(f"Audio player: {search.found.name}.")
        else:
            lines.append(
                "No audio player found (pw-play, paplay, aplay, afplay): "
                "cues ring the terminal bell instead."
            )
    if settings.voice:
        program = find_voice(settings.voice_program, which)
        if program is not None:
            lines.append(f"Voice program: {Path(program).name}.")
        else:
            lines.append(
                f"No voice program found ({', '.join(VOICE_PROGRAMS)}): voice stays silent."
            )
    return " ".join(lines)
