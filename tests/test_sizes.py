"""Every screen at every terminal size from 20x6 to 300x100, and resized in a hurry.

Each screen is opened the way a person reaches it, then the terminal is set
to each size and the whole screen is rendered (every widget's render runs,
so a layout that cannot fit raises here rather than in someone's terminal).
Then 40 resizes go in back to back without waiting, and the last size must
render too. Nothing may raise; the screen must still be the same one.
"""

from __future__ import annotations

import asyncio
import random
import weakref
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from apps import AppFactory
from on_screen import rows
from textual.drivers.headless_driver import HeadlessDriver
from textual.events import Resize
from textual.geometry import Size
from textual.pilot import Pilot

from backcare_tui.app import BackcareApp
from backcare_tui.core.breathing import PRESETS
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.model import Breathing, Held, Routine, Step, Timed
from backcare_tui.core.settings import Settings
from backcare_tui.screens.editor_actions import edit_routine, new_routine

QUICK_SIZES = [(20, 6)]
QUICK_SCREENS = ["home", "player, breathing", "stats", "editor"]
"""The quick run's share: the busiest layouts at the smallest size (opening a screen
costs more than sizing it); `make test-slow` runs every screen at every size."""
SIZES = [
    (20, 6),
    (21, 7),
    (24, 8),
    (30, 10),
    (40, 12),
    (60, 20),
    (80, 24),
    (100, 30),
    (132, 43),
    (200, 60),
    (300, 100),
    (20, 100),
    (300, 6),
]

ROUTINE = Routine(
    "A routine whose name is long enough to need cutting down on a narrow terminal",
    (
        Step("March", Timed(20), "Lift each knee in turn, arms swinging.", ("Tall spine",)),
        Step(
            "Side stretch",
            Held(hold=10, reps=2, rest=5, sides="both"),
            "Reach one arm up and over to the other side.",
            ("Breathe out as you reach", "Hips stay level"),
        ),
        Step("Breathe", Breathing(PRESETS["box"].pattern, preset="box", cycles=2)),
    ),
    description="For size tests.",
    tags=("test", "sizes"),
    prepare=3,
)

Opener = Callable[[BackcareApp, Pilot[Any]], Awaitable[None]]


async def _home(app: BackcareApp, pilot: Pilot[Any]) -> None:
    return None


STARTED: weakref.WeakKeyDictionary[BackcareApp, float] = weakref.WeakKeyDictionary()
"""When each app's latest session started, on its fake clock."""


def _start(app: BackcareApp, routine: Routine) -> None:
    STARTED[app] = app.clock.now()
    app.start_session(routine)


async def _player_hold(app: BackcareApp, pilot: Pilot[Any]) -> None:
    _start(app, ROUTINE)
    await pilot.pause()
    await _at(app, pilot, 27)  # in the first hold of "Side stretch"


async def _player_breathing(app: BackcareApp, pilot: Pilot[Any]) -> None:
    _start(app, ROUTINE)
    await pilot.pause()
    await _at(app, pilot, 71)  # inside the box breaths, with the pacer


async def _player_paused(app: BackcareApp, pilot: Pilot[Any]) -> None:
    await _player_hold(app, pilot)
    await pilot.press("space")


async def _confirm_stop(app: BackcareApp, pilot: Pilot[Any]) -> None:
    await _player_hold(app, pilot)
    await pilot.press("q")


async def _summary(app: BackcareApp, pilot: Pilot[Any]) -> None:
    _start(app, ROUTINE)
    await pilot.pause()
    await _at(app, pilot, 500)
    await app.workers.wait_for_complete()


async def _breathing_form(app: BackcareApp, pilot: Pilot[Any]) -> None:
    app.action_breathe()


async def _breathing_session(app: BackcareApp, pilot: Pilot[Any]) -> None:
    app.action_breathe()
    await pilot.pause()
    STARTED[app] = app.clock.now()
    await pilot.press("enter")
    await pilot.pause()
    await _at(app, pilot, 2)


async def _stats(app: BackcareApp, pilot: Pilot[Any]) -> None:
    await _summary(app, pilot)
    app.go_home()
    await pilot.pause()
    app.action_stats()
    await pilot.pause()
    await app.workers.wait_for_complete()


async def _settings(app: BackcareApp, pilot: Pilot[Any]) -> None:
    app.action_settings()


async def _help(app: BackcareApp, pilot: Pilot[Any]) -> None:
    app.action_help()


async def _editor(app: BackcareApp, pilot: Pilot[Any]) -> None:
    entry = app.library.find("desk-break")
    assert entry is not None
    edit_routine(app, entry)


async def _new_routine(app: BackcareApp, pilot: Pilot[Any]) -> None:
    new_routine(app)


async def _notice(app: BackcareApp, pilot: Pilot[Any]) -> None:
    from backcare_tui.screens.notice import NoticeScreen

    app.push_screen(NoticeScreen())


async def _pain(app: BackcareApp, pilot: Pilot[Any]) -> None:
    app.settings = Settings(notice_seen=True, sound=False, pain_checkin=True)
    app.start_session(ROUTINE)
    app.settings = Settings(notice_seen=True, sound=False)


async def _at(app: BackcareApp, pilot: Pilot[Any], seconds: float) -> None:
    """`seconds` into the session that started last (the clock only goes forward)."""
    clock = app.clock
    assert isinstance(clock, FakeClock)
    clock.set(STARTED.get(app, 0.0) + seconds)
    sync = getattr(app.screen, "sync", None)
    if callable(sync):
        sync()
    await pilot.pause()


SCREENS: dict[str, tuple[Opener, str]] = {
    "home": (_home, "HomeScreen"),
    "player, hold": (_player_hold, "PlayerScreen"),
    "player, breathing": (_player_breathing, "PlayerScreen"),
    "player, paused": (_player_paused, "PlayerScreen"),
    "stop?": (_confirm_stop, "ConfirmScreen"),
    "summary": (_summary, "SummaryScreen"),
    "breathing form": (_breathing_form, "BreathingScreen"),
    "breathing session": (_breathing_session, "PlayerScreen"),
    "stats": (_stats, "StatsScreen"),
    "settings": (_settings, "SettingsScreen"),
    "help": (_help, "HelpScreen"),
    "editor": (_editor, "EditorScreen"),
    "new routine": (_new_routine, "EditorScreen"),
    "notice": (_notice, "NoticeScreen"),
    "pain check-in": (_pain, "PainCheckScreen"),
}


async def resize(app: BackcareApp, pilot: Pilot[Any], width: int, height: int) -> None:
    """`pilot.resize_terminal` without its idle wait (40+ ms): a window dragged by hand."""
    size = Size(width, height)
    driver = app._driver
    assert isinstance(driver, HeadlessDriver)
    driver._size = size
    app.post_message(Resize(size, size))
    # The app applies a resize on a 1/120 s timer, to merge bursts: wait until it has.
    for _ in range(400):
        await pilot._wait_for_screen()
        if app.screen._compositor.size == size:
            return
        await asyncio.sleep(0.005)
    raise AssertionError(f"the screen never took the size {size}")


def render(app: BackcareApp, where: str) -> None:
    """Lay out and render every widget of the screen at the current size."""
    size = app.size
    strips = rows(app.screen)
    assert len(strips) == size.height, f"{where}: {len(strips)} rows at {size}"
    assert all(strip.cell_length == size.width for strip in strips), where


async def test_busiest_screens_tiny_and_rapid_resizes(
    user_routines: Path, monkeypatch: pytest.MonkeyPatch, app_with: AppFactory
) -> None:
    """The quick run: the busiest screens at 20x6 and through a burst of resizes.

    Screens share an app where they can (back home between them), since
    starting an app costs more than the sizes themselves.
    """
    monkeypatch.setenv("EDITOR", "true")
    waiting = list(QUICK_SCREENS)
    while waiting:
        app = app_with()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            while waiting:
                name = waiting.pop(0)
                await check_screen(app, pilot, name, QUICK_SIZES)
                app.go_home()
                await pilot.pause()
                if len(app.screen_stack) > 1 or type(app.screen).__name__ != "HomeScreen":
                    break  # this one does not go home quietly: a fresh app for the next


@pytest.mark.slow
@pytest.mark.parametrize("name", SCREENS)
async def test_every_size_and_rapid_resizes(
    name: str, user_routines: Path, monkeypatch: pytest.MonkeyPatch, app_with: AppFactory
) -> None:
    await sizes_and_resizes(app_with, name, SIZES, monkeypatch)


async def sizes_and_resizes(
    app_with: AppFactory, name: str, sizes: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "true")
    app = app_with()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await check_screen(app, pilot, name, sizes)


async def check_screen(
    app: BackcareApp, pilot: Pilot[Any], name: str, sizes: list[tuple[int, int]]
) -> None:
    opener, expected = SCREENS[name]
    await resize(app, pilot, 80, 24)
    await opener(app, pilot)
    await pilot.pause()
    assert type(app.screen).__name__ == expected, name
    for width, height in sizes:
        await resize(app, pilot, width, height)
        render(app, f"{name} at {width}x{height}")
        assert type(app.screen).__name__ == expected, f"{name} at {width}x{height}"
    rng = random.Random(name)
    for _ in range(40):
        size = Size(rng.randint(1, 320), rng.randint(1, 110))
        app.post_message(Resize(size, size))  # no waiting between them
    await resize(app, pilot, 33, 9)
    render(app, f"{name} after rapid resizes")
    assert type(app.screen).__name__ == expected, name
