"""A session played on a fake clock the way the player plays it: the clock jumps to each
moment the cue guide asks to be woken at, and what it gives is collected."""

from __future__ import annotations

from backcare_tui.core.clock import FakeClock
from backcare_tui.core.cues import CueSwitches, Guide
from backcare_tui.core.player import Player
from backcare_tui.core.timeline import Timeline


def spoken_words(timeline: Timeline, switches: CueSwitches) -> list[tuple[float, str]]:
    """(seconds in, words) for every cue that says something, to the end of the session."""
    player = Player(timeline, clock := FakeClock())
    guide = Guide(timeline, switches)
    player.start()
    heard: list[tuple[float, str]] = []
    while True:
        cue = guide.react(player.update(), player)
        if cue.words:
            heard.append((round(clock.now(), 2), cue.words))
        if player.finished:
            return heard
        wait = guide.until_next(player)
        assert wait is not None
        clock.advance(wait)
