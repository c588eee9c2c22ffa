"""Frames the breathing player asks for, counted on a fake clock over one 4-4-4-4 cycle.

The player books its next wake-up on its frame timer; here that is recorded
instead of run, the fake clock is moved to it, and the screen's frame runs as
the timer would run it (`next_frame`: the disc alone between whole seconds).
Every wake-up the pacer asks for must change a cell on the screen (no frame
that draws the same picture), and no change of the disc may wait longer than
one frame (1/30 s) to be drawn.
"""

from __future__ import annotations

from itertools import pairwise

from apps import AppFactory
from on_screen import row_texts

from backcare_tui.core.breathing import parse_pattern
from backcare_tui.core.breathing_session import breathing_routine
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.pacer_disc import breath_level, disc_lines
from backcare_tui.core.timeline import Phase
from backcare_tui.screens.player import PlayerScreen
from backcare_tui.widgets.pacer import Pacer

FRAME = 1 / 30
CYCLE = 16.0


def disc_at(phases: tuple[Phase, ...], when: float, rows: int) -> tuple[str, ...]:
    """The disc as it should look at `when`, from the timeline alone."""
    phase = next(p for p in phases if p.start <= when < p.start + p.length)
    return disc_lines(breath_level(phase.kind, (when - phase.start) / phase.length), rows)


async def test_box_breathing_asks_for_no_frame_that_changes_no_cell(app_with: AppFactory) -> None:
    clock = FakeClock()
    app = app_with(clock=clock, prepare_seconds=0)
    async with app.run_test(size=(100, 30)) as pilot:
        app.start_session(breathing_routine(parse_pattern("4-4-4-4"), cycles=3))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayerScreen)
        pacer = screen.query_one(Pacer)
        booked: list[float] = []
        assert screen.frames is not None
        screen.frames.book = booked.append  # type: ignore[method-assign,assignment]
        screen.sync()
        assert screen.player is not None
        phases = screen.player.timeline.phases
        rows = len(pacer.shape_lines)
        assert rows >= 10, "a disc big enough to move smoothly at 100x30"

        def picture() -> list[str]:
            return row_texts(screen)

        now, frames, unchanged = 0.0, 0, []
        wakes = [0.0]
        shown = picture()
        while now + booked[-1] < CYCLE:
            now += booked[-1]
            clock.set(now)
            screen.next_frame()
            frames += 1
            wakes.append(now)
            seen = picture()
            if seen == shown:
                unchanged.append(round(now, 4))
            shown = seen
            assert pacer.shape_lines == disc_at(phases, now, rows)

        changes = frames - len(unchanged)
        assert frames <= changes, f"frames that changed no cell at {unchanged}"
        # Smooth: between two wake-ups the disc never sat changed-but-undrawn for a frame.
        for before, after in pairwise(wakes):
            drawn = disc_at(phases, before, rows)
            probe = before + 0.001
            while probe < after - FRAME - 0.002:
                assert disc_at(phases, probe, rows) == drawn, (
                    f"the disc changed at {probe:.3f} s but was drawn only at {after:.3f} s"
                )
                probe += 0.001
        # And the frames follow the disc: about one per change of it, never 30 a second.
        assert 60 < frames < 16 * 30 / 2
