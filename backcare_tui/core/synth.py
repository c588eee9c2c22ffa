"""The cue sounds, made in code: a few enveloped sine notes each, written as WAV once.

Each cue has its own main pitch (about a musical fourth from its neighbours)
and its own rhythm, so it can be told apart with eyes closed. Notes rise
from silence and fall back to silence, so no cue starts or ends with a
click. Files are keyed by what made them (notes, rate, volume), so a change
to any of those writes a new file and an unchanged one is never redone.
"""

from __future__ import annotations

import io
import math
import struct
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .atomic import atomic_write

RATE = 22050
PEAK = 0.89
"""Full volume stays under full scale: some players add their own gain."""
SYNTH_VERSION = 1
"""Bump when the rendering (not the notes) changes, so cached files are made again."""


class CueSound(StrEnum):
    WORK = "work"
    REST = "rest"
    SWITCH = "switch"
    TICK = "tick"
    HALFWAY = "halfway"
    INHALE = "inhale"
    EXHALE = "exhale"
    FINISHED = "finished"


@dataclass(frozen=True)
class Note:
    """A sine note with harmonics; `attack` and `decay` shape it (decay: seconds to 1/e)."""

    freq: float
    start: float
    length: float
    gain: float = 1.0
    attack: float = 0.005
    decay: float = 0.0
    overtone: float = 0.0
    """Gain of the octave above, for a rounder, bell-like sound."""


MAIN_PITCH: dict[CueSound, float] = {
    CueSound.TICK: 2093.0,
    CueSound.HALFWAY: 1568.0,
    CueSound.WORK: 1175.0,
    CueSound.FINISHED: 880.0,
    CueSound.SWITCH: 659.0,
    CueSound.REST: 494.0,
    CueSound.INHALE: 370.0,
    CueSound.EXHALE: 277.0,
}
"""The pitch that carries each cue; each is a fourth or so from the next."""

NOTES: dict[CueSound, tuple[Note, ...]] = {
    # Two rising notes, the second longer: "and go".
    CueSound.WORK: (Note(880.0, 0.0, 0.07, 0.5), Note(1175.0, 0.09, 0.22, 1.0, decay=0.25)),
    # One falling step, soft and long: settle down.
    CueSound.REST: (
        Note(587.0, 0.0, 0.1, 0.45),
        Note(494.0, 0.11, 0.4, 0.8, attack=0.02, decay=0.3),
    ),
    # Back and forth, like turning over.
    CueSound.SWITCH: (
        Note(659.0, 0.0, 0.11, 1.0),
        Note(831.0, 0.13, 0.08, 0.6),
        Note(659.0, 0.23, 0.14, 1.0, decay=0.2),
    ),
    # A short high pip.
    CueSound.TICK: (Note(2093.0, 0.0, 0.05, 0.7, attack=0.003),),
    # Two quick pips in the middle.
    CueSound.HALFWAY: (Note(1568.0, 0.0, 0.07, 0.8), Note(1568.0, 0.12, 0.07, 0.8)),
    # Breathing: soft, slow to rise, low.
    CueSound.INHALE: (Note(370.0, 0.0, 0.45, 0.5, attack=0.12, decay=0.5),),
    CueSound.EXHALE: (Note(277.0, 0.0, 0.45, 0.5, attack=0.12, decay=0.3),),
    # A three-note chime that rings out.
    CueSound.FINISHED: (
        Note(523.0, 0.0, 0.16, 0.6, overtone=0.2),
        Note(659.0, 0.16, 0.16, 0.6, overtone=0.2),
        Note(880.0, 0.32, 0.8, 1.0, decay=0.35, overtone=0.25),
    ),
}

FADE = 0.008
"""Every note fades to zero over its last 8 ms, whatever its decay: no click at the end."""


def render_samples(sound: CueSound, volume: int = 100) -> list[int]:
    """16-bit samples of one cue at `volume` percent (0 to 100)."""
    notes = NOTES[sound]
    end = max(note.start + note.length for note in notes)
    count = round(end * RATE) + 1
    mix = [0.0] * count
    for note in notes:
        _add_note(mix, note)
    loudest = max((abs(v) for v in mix), default=0.0) or 1.0
    scale = PEAK * max(0, min(volume, 100)) / 100 / loudest
    return [round(v * scale * 32767) for v in mix]


def _add_note(mix: list[float], note: Note) -> None:
    first = round(note.start * RATE)
    length = round(note.length * RATE)
    step = 2 * math.pi * note.freq / RATE
    fade = max(1, round(FADE * RATE))
    attack = max(1, round(note.attack * RATE))
    for i in range(length):
        t = i / RATE
        level = note.gain
        if i < attack:
            level *= 0.5 - 0.5 * math.cos(math.pi * i / attack)
        if note.decay:
            level *= math.exp(-t / note.decay)
        left = length - 1 - i
        if left < fade:
            level *= 0.5 - 0.5 * math.cos(math.pi * left / fade)
        value = math.sin(step * i)
        if note.overtone:
            value += note.overtone * math.sin(2 * step * i)
        mix[first + i] += level * value


def render_wav(sound: CueSound, volume: int = 100) -> bytes:
    import wave  # loaded when a cue file is written, not by a player with sound off

    samples = render_samples(sound, volume)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return buffer.getvalue()


def cue_key(sound: CueSound, volume: int) -> str:
    """What the file depends on, hashed: the same inputs always give the same name."""
    import hashlib  # with OpenSSL, over half a MiB of memory a player with sound off never needs

    recipe = repr((SYNTH_VERSION, RATE, PEAK, FADE, NOTES[sound], volume))
    return hashlib.sha256(recipe.encode()).hexdigest()[:12]


def cue_file(sound: CueSound, volume: int, folder: Path) -> Path:
    """The cue's WAV file in `folder`, rendered and written only when not there yet."""
    path = folder / f"{sound.value}-v{volume}-{cue_key(sound, volume)}.wav"
    if not path.is_file():
        atomic_write(path, render_wav(sound, volume))
    return path


def cue_files(volume: int, folder: Path) -> dict[CueSound, Path]:
    return {sound: cue_file(sound, volume, folder) for sound in CueSound}
