"""backcare_tui/compositor_crop.py: partial updates send less, and the screen shows the same.

Each update of a real breathing session (the player at 100x30, a cue with
wide characters, the clock stepped by hand) is rendered twice: by Textual's
own code and by the speed-ups. Both outputs are played into a small terminal
emulator from the same first frame; the screens must stay identical, and the
speed-ups must send less. When an upgrade of Textual makes its own output as
small, the second check fails: time to drop the speed-up.
"""

from __future__ import annotations

from typing import Any

from apps import AppFactory
from screen_replay import Terminal
from textual._compositor import ChopsUpdate, Compositor, LayoutUpdate

from backcare_tui import compositor_crop
from backcare_tui.core.breathing import parse_pattern
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.model import Breathing, Routine, Step

ROUTINE = Routine(
    name="Breathe",
    steps=(
        Step(
            "Belly breathing",
            Breathing(
                parse_pattern("4-6"),
                cycles=2,
                inhale_cue="息を吸って Belly rises",
                exhale_cue="息を吐いて Belly falls",
            ),
        ),
    ),
    prepare=0,
)


async def test_partial_updates_send_less_and_show_the_same(
    monkeypatch: Any, app_with: AppFactory
) -> None:
    updates: list[tuple[str, str]] = []
    patched_render_update = Compositor.render_update

    def both(self: Compositor, *args: Any, **kwargs: Any) -> Any:
        dirty = set(self._dirty_regions)
        monkeypatch.setattr(Compositor, "_get_renders", compositor_crop.TEXTUAL_GET_RENDERS)
        theirs = patched_render_update(self, *args, **kwargs)
        monkeypatch.setattr(Compositor, "_get_renders", compositor_crop._get_renders_in_crop)
        self._dirty_regions.update(dirty)
        ours = patched_render_update(self, *args, **kwargs)
        console = app.console
        if isinstance(ours, LayoutUpdate):
            full = ours.render_segments(console)
            updates.append((full, full))
        elif isinstance(ours, ChopsUpdate) and isinstance(theirs, ChopsUpdate):
            updates.append(
                (
                    compositor_crop.TEXTUAL_RENDER_SEGMENTS(theirs, console),
                    compositor_crop._render_spans_only(ours, console),
                )
            )
        return ours

    monkeypatch.setattr(Compositor, "render_update", both)
    clock = FakeClock()
    app = app_with(clock=clock, prepare_seconds=0)
    async with app.run_test(size=(100, 30)) as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        step = 0.0
        while step < 10.0:
            step += 0.07
            clock.set(step)
            app.screen.sync()  # type: ignore[attr-defined]
            await pilot.pause()

    theirs_screen, ours_screen = Terminal(100, 30), Terminal(100, 30)
    partial = 0
    for number, (theirs, ours) in enumerate(updates):
        theirs_screen.feed(theirs)
        ours_screen.feed(ours)
        assert ours_screen.cells == theirs_screen.cells, f"update {number} differs"
        partial += theirs != ours
    assert any("息" in line for line in ours_screen.text()), "the wide cue was on screen"
    assert partial > 50, "most of the breath's frames were partial updates"
    sent_theirs = sum(len(theirs) for theirs, _ in updates)
    sent_ours = sum(len(ours) for _, ours in updates)
    assert sent_ours < 0.8 * sent_theirs, (
        "Textual's own partial updates are as small now: drop compositor_crop's render_segments"
    )


async def test_textual_still_renders_widgets_outside_the_changed_rows(app_with: AppFactory) -> None:
    """Without the speed-up, a change to the pacer's rows renders the footer too."""
    clock = FakeClock()
    app = app_with(clock=clock, prepare_seconds=0)
    async with app.run_test(size=(100, 30)) as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        compositor = app.screen._compositor
        crop = compositor.size.region.intersection(type(compositor.size.region)(0, 10, 100, 2))
        theirs = [clip for _, clip, _ in compositor_crop.TEXTUAL_GET_RENDERS(compositor, crop)]
        ours = [clip for _, clip, _ in compositor_crop._get_renders_in_crop(compositor, crop)]
    assert len(ours) < len(theirs), (
        "Textual renders only the widgets in the changed rows now: drop _get_renders_in_crop"
    )
    assert all(clip.y >= 10 and clip.bottom <= 12 for clip in ours)
