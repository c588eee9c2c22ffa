"""The bell and the voice: on when asked, silent when muted, never an error."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest

from backcare_tui.core.settings import Settings
from backcare_tui.sound import Sound, find_voice, speakable


class FakeProcess:
    def __init__(self, args: list[str], **options: Any) -> None:
        self.args = args
        self.options = options
        self.running = True
        self.terminated = False

    def poll(self) -> int | None:
        return None if self.running else 0

    def terminate(self) -> None:
        self.terminated = True
        self.running = False


def which_only(*installed: str) -> Any:
    return lambda name: f"/usr/bin/{name}" if name in installed else None


def test_find_voice_prefers_the_setting_then_the_usual_order() -> None:
    assert find_voice("", which_only("say", "espeak")) == "/usr/bin/espeak"
    assert find_voice("say", which_only("say", "espeak")) == "/usr/bin/say"
    assert find_voice("festival", which_only("spd-say")) == "/usr/bin/spd-say"
    assert find_voice("", which_only()) is None


def test_speakable_text_cannot_pose_as_an_option() -> None:
    assert speakable("--output=/tmp/x Plank") == "output=/tmp/x Plank"
    assert speakable("Cat\x1b[31m-Cow\n") == "Cat[31m-Cow"


def test_voice_runs_detached_and_never_waits() -> None:
    started: list[FakeProcess] = []

    def spawn(args: list[str], **options: Any) -> FakeProcess:
        started.append(FakeProcess(args, **options))
        return started[-1]

    sound = Sound(
        Settings(voice=True), bell=lambda: None, which=which_only("espeak-ng"), spawn=spawn
    )
    sound.say("Chin tucks")
    (process,) = started
    assert process.args == ["/usr/bin/espeak-ng", "Chin tucks"]
    assert process.options["stdout"] is subprocess.DEVNULL
    assert process.options["stderr"] is subprocess.DEVNULL
    assert process.options["stdin"] is subprocess.DEVNULL
    assert process.options["start_new_session"] is True
    sound.say("Switch sides")
    assert process.terminated, "old news is cut off"
    assert len(started) == 2


def test_no_voice_program_or_a_broken_one_is_silence() -> None:
    def spawn(args: list[str], **options: Any) -> FakeProcess:
        raise FileNotFoundError(args[0])

    Sound(Settings(voice=True), bell=lambda: None, which=which_only()).say("Plank")
    broken = Sound(Settings(voice=True), bell=lambda: None, which=which_only("say"), spawn=spawn)
    broken.say("Plank")
    assert not broken.voice_on


@pytest.mark.parametrize(
    ("sound_on", "voice_on", "muted", "rings", "says"),
    [
        (True, True, False, 1, 1),
        (True, True, True, 0, 0),
        (False, False, False, 0, 0),
        (True, False, False, 1, 0),
    ],
)
def test_settings_and_mute(
    sound_on: bool, voice_on: bool, muted: bool, rings: int, says: int
) -> None:
    bells: list[int] = []
    started: list[list[str]] = []

    def spawn(args: list[str], **options: Any) -> FakeProcess:
        started.append(args)
        return FakeProcess(args)

    sound = Sound(
        Settings(sound=sound_on, voice=voice_on),
        bell=lambda: bells.append(1),
        which=which_only("say"),
        spawn=spawn,
    )
    if muted:
        assert sound.toggle_mute()
    sound.ring()
    sound.say("Plank")
    assert (len(bells), len(started)) == (rings, says)
