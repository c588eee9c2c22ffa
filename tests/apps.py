"""The one way tests build the app: `make_app` with the test's settings on a fake clock.

Tests take the `app_with` fixture (tests/conftest.py) rather than calling this
directly, so the app is only ever built after the isolated home is in place.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from textual.pilot import Pilot

from backcare_tui.app import BackcareApp, make_app
from backcare_tui.core.clock import Clock, FakeClock
from backcare_tui.core.library import Entry
from backcare_tui.core.model import Routine
from backcare_tui.core.settings import Settings
from backcare_tui.screens.player import PlayerScreen

TEST_SETTINGS: dict[str, Any] = {"notice_seen": True, "sound": False}
"""What every test app starts from: the safety notice read, and silent."""


class AppFactory(Protocol):
    def __call__(
        self,
        *,
        clock: Clock | None = None,
        start: Routine | None = None,
        edit: Entry | None = None,
        extra_folders: Sequence[Path] = (),
        stall_seconds: float | None = None,
        **settings: Any,
    ) -> BackcareApp: ...


def build_test_app(
    *,
    clock: Clock | None = None,
    start: Routine | None = None,
    edit: Entry | None = None,
    extra_folders: Sequence[Path] = (),
    stall_seconds: float | None = None,
    **settings: Any,
) -> BackcareApp:
    """The app with `Settings(**TEST_SETTINGS, **settings)` on `clock` (a new FakeClock
    unless given); the other arguments go to `make_app` as they are."""
    return make_app(
        settings=Settings(**{**TEST_SETTINGS, **settings}),
        clock=clock if clock is not None else FakeClock(),
        start=start,
        edit=edit,
        extra_folders=extra_folders,
        stall_seconds=stall_seconds,
    )


async def play_at(
    app: BackcareApp, pilot: Pilot[Any], seconds: float, routine: Routine | None = None
) -> PlayerScreen:
    """Start `routine` (the built-in desk break unless given) and put the app's fake
    clock `seconds` into it, with the player showing that moment."""
    if routine is None:
        entry = app.library.find("desk-break")
        assert entry is not None and entry.routine is not None
        app.start_session(entry.routine, entry.path)
    else:
        app.start_session(routine)
    await pilot.pause()
    clock = app.clock
    assert isinstance(clock, FakeClock)
    clock.set(seconds)
    screen = app.screen
    assert isinstance(screen, PlayerScreen)
    screen.sync()
    await pilot.pause()
    return screen


def played_to(
    app: BackcareApp, seconds: float, routine: Routine | None = None
) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """`play_at` as a snapshot's `run_before`."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await play_at(app, pilot, seconds, routine)

    return run_before
