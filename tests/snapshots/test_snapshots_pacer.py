"""How the pacer and the breathing screen look, on a frozen clock.

Regenerate with `pytest tests/snapshots/test_snapshots_pacer.py --snapshot-update` and
look at the pictures before committing: the disc must be round.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from apps import AppFactory
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from backcare_tui.core.breathing import PRESETS
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.model import Breathing, Routine, Step
from backcare_tui.core.player import Player
from backcare_tui.core.settings import Settings
from backcare_tui.core.timeline import compile_routine
from backcare_tui.widgets.pacer import Pacer

SnapCompare = Callable[..., bool]

CAT_COW = Routine(
    name="Cat-Cow",
    steps=(
        Step(
            "Cat-Cow breathing",
            Breathing(
                PRESETS["diaphragmatic"].pattern,
                cycles=10,
                inhale_cue="Drop the belly, lift the chest: Cow",
                exhale_cue="Round the back, chin to chest: Cat",
            ),
        ),
    ),
    prepare=0,
)


class PacerApp(App[None]):
    """The pacer alone, half way through the first breath in."""

    def __init__(self, settings: Settings | None = None, at: float = 2.0) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.clock = FakeClock()
        self.player = Player(compile_routine(CAT_COW), self.clock)
        self.at = at

    def compose(self) -> ComposeResult:
        yield Pacer()

    def on_mount(self) -> None:
        self.player.start()
        self.clock.set(self.at)
        self.call_after_refresh(self.sync)

    def sync(self) -> None:
        p = self.player
        self.query_one(Pacer).show(
            p.phase, p.phase_elapsed, p.phase_length, p.paused, session_remaining=p.remaining
        )


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.pause()


def test_pacer_mid_inhale(snap_compare: SnapCompare) -> None:
    assert snap_compare(PacerApp(), terminal_size=(80, 24), run_before=settle)


def test_pacer_mid_inhale_ascii(snap_compare: SnapCompare) -> None:
    app = PacerApp(Settings(ascii=True))
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_breathing_screen(snap_compare: SnapCompare, app_with: AppFactory) -> None:
    app = app_with()

    async def open_breathing(pilot: Pilot[Any]) -> None:
        app.action_breathe()
        await pilot.pause()
        await pilot.press("down", "down")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_breathing)
