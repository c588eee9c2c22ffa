"""The generated cue sounds: valid WAV files, the right length, no clipping, no clicks,
each with its own pitch, scaled by the volume, and written once."""

from __future__ import annotations

import hashlib
import io
import math
import re
import struct
import wave
from itertools import combinations, pairwise
from pathlib import Path

import pytest

from backcare_tui.core.synth import (
    MAIN_PITCH,
    NOTES,
    RATE,
    SYNTH_VERSION,
    CueSound,
    cue_file,
    cue_files,
    render_samples,
    render_wav,
)


def read_wav(data: bytes) -> tuple[wave._wave_params, list[int]]:
    with wave.open(io.BytesIO(data), "rb") as source:
        params = source.getparams()
        frames = source.readframes(params.nframes)
    return params, list(struct.unpack(f"<{params.nframes}h", frames))


def loudest_window(samples: list[int], seconds: float = 0.03) -> list[int]:
    size = round(seconds * RATE)
    best, best_energy = samples[:size], -1.0
    for start in range(0, len(samples) - size, size // 2):
        window = samples[start : start + size]
        energy = sum(v * v for v in window)
        if energy > best_energy:
            best, best_energy = window, energy
    return best


def dominant_frequency(samples: list[int]) -> float:
    """Zero crossings in the loudest 30 ms: half a crossing pair per period."""
    window = loudest_window(samples)
    crossings = sum(1 for a, b in pairwise(window) if (a < 0) != (b < 0))
    return crossings / 2 / (len(window) / RATE)


def goertzel_power(samples: list[int], freq: float) -> float:
    """One bin of a DFT, to double-check the crossing count picks the strongest pitch."""
    coeff = 2 * math.cos(2 * math.pi * freq / RATE)
    s1 = s2 = 0.0
    for value in samples:
        s1, s2 = value + coeff * s1 - s2, s1
    return s1 * s1 + s2 * s2 - coeff * s1 * s2


@pytest.mark.parametrize("sound", list(CueSound))
def test_each_cue_is_a_valid_short_wav_without_clipping_or_clicks(sound: CueSound) -> None:
    params, samples = read_wav(render_wav(sound, 100))
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, RATE)
    expected = max(note.start + note.length for note in NOTES[sound])
    assert params.nframes / RATE == pytest.approx(expected, abs=2 / RATE)
    assert 0.04 <= params.nframes / RATE <= 1.2, "a cue is short"
    peak = max(abs(v) for v in samples)
    assert 0.8 * 32767 < peak < 0.9 * 32767, "loud, with headroom, never at full scale"
    assert sum(1 for v in samples if abs(v) >= 32767) == 0
    assert abs(samples[0]) < 200 and abs(samples[-1]) < 200, "starts and ends near silence"
    jumps = max(abs(b - a) for a, b in pairwise(samples))
    highest = max(note.freq * (2 if note.overtone else 1) for note in NOTES[sound])
    assert jumps <= peak * 2 * math.pi * highest / RATE * 1.3, "no sudden step (a click)"


@pytest.mark.parametrize("sound", list(CueSound))
def test_each_cue_sounds_at_its_own_pitch(sound: CueSound) -> None:
    samples = render_samples(sound, 100)
    found = dominant_frequency(samples)
    assert found == pytest.approx(MAIN_PITCH[sound], rel=0.06)
    window = loudest_window(samples)
    powers = {other: goertzel_power(window, pitch) for other, pitch in MAIN_PITCH.items()}
    assert max(powers, key=lambda other: powers[other]) is sound


def test_the_cues_differ_from_each_other() -> None:
    pitches = {sound: dominant_frequency(render_samples(sound, 100)) for sound in CueSound}
    for a, b in combinations(CueSound, 2):
        ratio = max(pitches[a], pitches[b]) / min(pitches[a], pitches[b])
        assert ratio > 1.2, f"{a} and {b} are too close ({pitches[a]:.0f}, {pitches[b]:.0f} Hz)"


def test_volume_scales_the_samples() -> None:
    full = render_samples(CueSound.WORK, 100)
    half = render_samples(CueSound.WORK, 50)
    silent = render_samples(CueSound.WORK, 0)
    assert max(map(abs, half)) == pytest.approx(max(map(abs, full)) / 2, rel=0.01)
    assert set(silent) == {0}


def test_files_are_written_once_and_renamed_when_what_makes_them_changes(tmp_path: Path) -> None:
    files = cue_files(80, tmp_path)
    assert set(files) == set(CueSound)
    assert len({path.name for path in files.values()}) == len(CueSound)
    work = files[CueSound.WORK]
    assert work.read_bytes() == render_wav(CueSound.WORK, 80)
    stamp = work.stat().st_mtime_ns
    work.write_bytes(work.read_bytes())  # same content, new time: proves no second write below
    stamp = work.stat().st_mtime_ns
    assert cue_file(CueSound.WORK, 80, tmp_path) == work
    assert work.stat().st_mtime_ns == stamp, "an existing file is not written again"
    louder = cue_file(CueSound.WORK, 100, tmp_path)
    assert louder != work and louder.read_bytes() == render_wav(CueSound.WORK, 100)
    assert not list(tmp_path.glob(".*.tmp")), "no temporary files left behind"


# The WAV each cue makes at volume 100 and 37 (the first 16 hex digits of its SHA-256),
# for SYNTH_VERSION 1. Cue files are kept and named by their recipe: a change to how
# they sound must raise SYNTH_VERSION, or people keep hearing the old files.
SOUNDS_OF_VERSION_1 = {
    CueSound.WORK: ("ea16e7ea4561c21d", "bc2d2ccc536307c8"),
    CueSound.REST: ("f4613f9432d1b349", "f091c2d7f3189f33"),
    CueSound.SWITCH: ("e6db34182f86f18d", "1ca339784f6ac888"),
    CueSound.TICK: ("c8db5b2917b5acd1", "cefefdee1b66f161"),
    CueSound.HALFWAY: ("d39eb6ed9eae0965", "aabb8e846ee87e53"),
    CueSound.INHALE: ("e2b76f13ab1330c0", "adfd89032b58afa8"),
    CueSound.EXHALE: ("54f1e318cbd44b0c", "881629bc910c710b"),
    CueSound.FINISHED: ("a0045925a93101f3", "17bc7324d5e918c7"),
}


@pytest.mark.parametrize("sound", list(CueSound))
def test_a_cue_sounds_as_its_synth_version_says(sound: CueSound) -> None:
    if SYNTH_VERSION != 1:
        pytest.fail("SYNTH_VERSION changed: record the new sounds above")
    made = tuple(hashlib.sha256(render_wav(sound, v)).hexdigest()[:16] for v in (100, 37))
    assert made == SOUNDS_OF_VERSION_1[sound], "the cue changed: raise SYNTH_VERSION"


def test_each_file_is_named_for_its_cue_volume_and_recipe(tmp_path: Path) -> None:
    names = {
        (sound, volume): cue_file(sound, volume, tmp_path).name
        for sound in (CueSound.WORK, CueSound.REST)
        for volume in (0, 37, 100)
    }
    for (sound, volume), name in names.items():
        assert re.fullmatch(rf"{sound.value}-v{volume}-[0-9a-f]{{12}}\.wav", name), name
    keys = [name.rsplit("-", 1)[1] for name in names.values()]
    assert len(set(keys)) == len(keys), "each cue and volume has its own recipe"


def test_a_volume_outside_0_to_100_is_taken_as_its_nearest_end() -> None:
    assert render_samples(CueSound.TICK, 101) == render_samples(CueSound.TICK, 100)
    assert render_samples(CueSound.TICK, 250) == render_samples(CueSound.TICK)
    assert set(render_samples(CueSound.TICK, -5)) == {0}
