"""The sounds and voice for `run --plain`: the app's cues, with the bell on the terminal."""

from __future__ import annotations

import sys

from ..core.cues import CueSwitches, Guide
from ..core.model import Routine
from ..core.settings import Settings
from ..core.timeline import Timeline
from ..sound import Sound


def terminal_bell() -> None:
    """The bell goes to the terminal, never into a pipe someone is reading."""
    for stream in (sys.stderr, sys.stdout):
        if stream.isatty():
            stream.write("\a")
            stream.flush()
            return


def report(message: str) -> None:
    print(f"backcare: {message}", file=sys.stderr, flush=True)


def plain_cues(timeline: Timeline, routine: Routine, settings: Settings) -> tuple[Guide, Sound]:
    sound = Sound(settings, terminal_bell, on_problem=report)
    sound.prepare()
    return Guide(timeline, CueSwitches.from_settings(settings, routine)), sound
