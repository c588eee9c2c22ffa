"""`make screenshots`: SVGs of every screen from the real app, the same on every run.

Each picture is taken headless at a fixed size on a frozen FakeClock, with
the config and data folders pointed at a scratch folder seeded with a fixed
history, so nothing of the person running it shows and nothing changes
between runs. Usage: `python -m tools.screenshots [FOLDER]`
(from the repository root; a developer script, not part of the installed package).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from backcare_tui.app import BackcareApp, make_app
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.history import record_session
from backcare_tui.core.session_summary import SessionSummary
from backcare_tui.core.settings import Settings
from backcare_tui.core.timeline import Phase, PhaseKind, RestReason
from backcare_tui.screens.editor_actions import edit_routine

NOW = datetime(2026, 11, 19, 18, 0, tzinfo=UTC)
"""The stats screen's "today", so weeks and streaks never move."""

Setup = Callable[[BackcareApp, Pilot[Any]], Awaitable[None]]


@dataclass(frozen=True)
class Shot:
    name: str
    setup: Setup
    size: tuple[int, int] = (100, 32)


async def _settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _play_to(
    app: BackcareApp, pilot: Pilot[Any], key: str, where: Callable[[Phase], bool], at: float
) -> None:
    """Start routine `key` and freeze at fraction `at` of the first phase `where` matches."""
    entry = app.library.find(key)
    assert entry is not None and entry.routine is not None
    app.start_session(entry.routine, entry.path)
    await pilot.pause()
    await _freeze(app, pilot, where, at)


async def _freeze(
    app: BackcareApp, pilot: Pilot[Any], where: Callable[[Phase], bool], at: float
) -> None:
    from backcare_tui.screens.player import PlayerScreen

    screen = app.screen
    assert isinstance(screen, PlayerScreen) and screen.player is not None
    phase = next(p for p in screen.player.timeline.phases if where(p))
    clock = app.clock
    assert isinstance(clock, FakeClock)
    clock.set(clock.now() + phase.start + phase.length * at)
    screen.sync()
    await _settle(pilot)


async def home(app: BackcareApp, pilot: Pilot[Any]) -> None:
    await _settle(pilot)
    await pilot.press("down")
    await _settle(pilot)


async def player_hold(app: BackcareApp, pilot: Pilot[Any]) -> None:
    await _play_to(
        app, pilot, "core-support", lambda p: p.kind == PhaseKind.HOLD and p.side == "right", 0.4
    )


async def player_rest(app: BackcareApp, pilot: Pilot[Any]) -> None:
    await _play_to(app, pilot, "posture-reset", lambda p: p.rest_reason is RestReason.BETWEEN, 0.3)


async def breathing(app: BackcareApp, pilot: Pilot[Any]) -> None:
    from backcare_tui.screens.breathing import BreathingScreen

    app.push_screen(BreathingScreen())
    await _settle(pilot)
    await pilot.press("enter")
    await _settle(pilot)
    await _freeze(app, pilot, lambda p: p.kind == PhaseKind.INHALE and p.cycle_no == 2, 0.5)


async def breathing_setup(app: BackcareApp, pilot: Pilot[Any]) -> None:
    from backcare_tui.screens.breathing import BreathingScreen

    app.push_screen(BreathingScreen())
    await _settle(pilot)


async def summary(app: BackcareApp, pilot: Pilot[Any]) -> None:
    await _play_to(app, pilot, "desk-break", lambda p: True, 0.0)
    clock = app.clock
    assert isinstance(clock, FakeClock)
    clock.advance(120)
    await pilot.press("N", "N")
    clock.advance(10_000)
    screen = app.screen
    sync = getattr(screen, "sync", None)
    if sync is not None:
        sync()
    await _settle(pilot)


async def editor(app: BackcareApp, pilot: Pilot[Any]) -> None:
    edit_routine(app, app.library.find("posture-reset"))
    await _settle(pilot)


async def stats(app: BackcareApp, pilot: Pilot[Any]) -> None:
    from backcare_tui.screens.stats import StatsScreen

    app.push_screen(StatsScreen(now=lambda: NOW, tz=UTC))
    await _settle(pilot)


async def settings(app: BackcareApp, pilot: Pilot[Any]) -> None:
    from backcare_tui.screens.settings_screen import SettingsScreen

    app.push_screen(SettingsScreen())
    await _settle(pilot)


async def help_screen(app: BackcareApp, pilot: Pilot[Any]) -> None:
    await _settle(pilot)
    await pilot.press("question_mark")
    await _settle(pilot)


SHOTS = (
    Shot("home", home),
    Shot("home-80x24", home, (80, 24)),
    Shot("player-hold", player_hold),
    Shot("player-rest", player_rest),
    Shot("player-80x24", player_hold, (80, 24)),
    Shot("breathing-setup", breathing_setup),
    Shot("breathing-pacer", breathing),
    Shot("summary", summary),
    Shot("editor", editor),
    Shot("stats", stats),
    Shot("settings", settings),
    Shot("help", help_screen, (100, 34)),
)


def seed_history() -> None:
    """Ten weeks of three to four sessions, a few stopped early, pain rated lately."""
    names = ("Desk break", "Posture reset", "Morning mobility", "Core support")
    for day in range(70, 0, -1):
        if day % 7 in (1, 3, 6) or day in (40, 41, 43):
            continue
        start = NOW - timedelta(days=day, hours=day % 4)
        minutes = (5, 8, 7, 10)[day % 4]
        done = day % 9 != 0
        record_session(
            SessionSummary(
                routine_name=names[day % 4],
                routine_path=None,
                routine_hash="screenshot",
                started_at=start,
                ended_at=start + timedelta(minutes=minutes),
                planned_seconds=minutes * 60,
                actual_seconds=minutes * 60 if done else minutes * 25,
                steps_done=6 if done else 2,
                steps_skipped=0 if done else 4,
                steps_total=6,
                finished=done,
                pain_before=4 + day % 3 if day < 28 else None,
                pain_after=2 + day % 2 if day < 28 else None,
            )
        )


async def take(shot: Shot, folder: Path) -> Path:
    app = make_app(settings=Settings(notice_seen=True, sound=False), clock=FakeClock(1000.0))
    app.today_date = lambda: NOW.date()  # home's Today line, like the stats screen's weeks
    async with app.run_test(size=shot.size) as pilot:
        await shot.setup(app, pilot)
        svg = app.export_screenshot(title=f"backcare: {shot.name}")
    path = folder / f"{shot.name}.svg"
    path.write_text(svg, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("BACKCARE_CONFIG", "BACKCARE_ROUTINES", "NO_COLOR"):
        os.environ.pop(name, None)
    for shot in SHOTS:
        # A fresh home per shot: a session played for one picture would
        # otherwise land in the history the stats picture shows.
        with tempfile.TemporaryDirectory() as scratch:
            os.environ["HOME"] = scratch  # paths on screen read ~/.config/backcare/...
            os.environ["XDG_CONFIG_HOME"] = str(Path(scratch) / ".config")
            os.environ["XDG_DATA_HOME"] = str(Path(scratch) / ".local" / "share")
            seed_history()
            print(asyncio.run(take(shot, folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
