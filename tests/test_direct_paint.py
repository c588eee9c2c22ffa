"""backcare_tui/direct_paint.py: the pacer's frames go straight to the terminal and show the same.

The app runs as if on a real terminal (the headless driver says it is not
headless and keeps every write). A breathing session is stepped by hand
(the disc moves, and the phase band counts the seconds);
everything sent, Textual's own updates and the painter's, is played into a
small terminal emulator, and after every step the emulator's screen must
equal a full render of the screen by Textual, character and colour alike.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from apps import AppFactory
from screen_replay import Terminal
from textual.app import App, ComposeResult
from textual.drivers.headless_driver import HeadlessDriver
from textual.geometry import Region
from textual.widgets import Static

from backcare_tui.core.breathing import parse_pattern
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.model import Breathing, Routine, Step
from backcare_tui.direct_paint import DirectPainter
from backcare_tui.screens.player import PlayerScreen
from backcare_tui.widgets.pacer import Pacer

ROUTINE = Routine(
    name="Breathe",
    steps=(
        Step(
            "Belly breathing",
            Breathing(
                parse_pattern("4-2-6"),
                cycles=2,
                inhale_cue="息を吸って Belly rises",
                exhale_cue="Belly falls",
            ),
        ),
    ),
    prepare=0,
)


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Everything the app writes to its terminal, as if it had one."""
    written: list[str] = []
    monkeypatch.setattr(HeadlessDriver, "is_headless", property(lambda self: False))
    monkeypatch.setattr(HeadlessDriver, "write", lambda self, data: written.append(data))
    return written


def full_screen(app: App[Any]) -> list[list[tuple[str, str]]]:
    width, height = app.size
    screen = Terminal(width, height)
    screen.feed(app.screen._compositor.render_full_update().render_segments(app.console))
    return screen.cells


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_painted_frames_show_what_textual_would_draw(
    sent: list[str], theme: str, app_with: AppFactory
) -> None:
    clock = FakeClock()
    app = app_with(clock=clock, prepare_seconds=0, theme=theme)
    painted: list[tuple[str, bool]] = []
    original = DirectPainter.paint

    def counting(self: DirectPainter, *args: Any) -> bool:
        done = original(self, *args)
        painted.append((type(self.widget).__name__, done))
        return done

    DirectPainter.paint = counting  # type: ignore[method-assign,assignment]
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            app.start_session(ROUTINE)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, PlayerScreen)
            terminal = Terminal(100, 30)
            step = 0.0
            while step < 12.5:
                step += 0.061
                clock.set(step)
                screen.next_frame()
                await pilot.pause()
                for data in sent:
                    terminal.feed(data)
                sent.clear()
                assert terminal.cells == full_screen(app), f"the screen differs at {step:.3f} s"
    finally:
        DirectPainter.paint = original  # type: ignore[method-assign]
    assert painted.count(("Pacer", True)) > 100, "most of the disc's frames were painted directly"
    assert painted.count(("PhaseBand", True)) >= 8, "so was the band's count, once a second"
    assert any("息" in "".join(c for c, _ in row) for row in terminal.cells)


class Covered(App[None]):
    CSS = """
    Screen { layers: base above; }
    #under { width: 20; height: 5; }
    #over { layer: above; width: 6; height: 2; offset: 4 1; }
    """
    BINDINGS: ClassVar[list[Any]] = []

    def compose(self) -> ComposeResult:
        yield Static("x" * 100, id="under")
        yield Static("over", id="over")


async def test_nothing_is_painted_under_a_widget_drawn_over_it(sent: list[str]) -> None:
    app = Covered()
    async with app.run_test(size=(40, 10)) as pilot:
        under = app.query_one("#under")
        painter = DirectPainter(under)
        row = Region(0, 0, 3, 1)
        assert not painter.paint([row], ["a"]), "#over covers part of #under"
        app.query_one("#over").display = False
        await pilot.pause()
        sent.clear()
        assert painter.paint([row], ["a"])
        assert len(sent) == 1 and "xxx" in sent[0]


async def test_nothing_is_painted_while_headless(app_with: AppFactory) -> None:
    app = app_with(prepare_seconds=0)
    async with app.run_test(size=(100, 30)) as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        pacer = app.screen.query_one(Pacer)
        assert not DirectPainter(pacer).paint([Region(0, 0, 1, 1)], [()])
