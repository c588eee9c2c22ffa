"""Home's Today line: the suggestion, why, its length at the person's level; Enter starts it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from apps import AppFactory
from textual.pilot import Pilot

from backcare_tui.app import BackcareApp
from backcare_tui.core.history import record_session
from backcare_tui.core.model import Held
from backcare_tui.core.session_summary import SessionSummary
from backcare_tui.screens.home import HomeScreen
from backcare_tui.screens.player import PlayerScreen
from backcare_tui.widgets.today_line import TodayLine

WEDNESDAY = date(2026, 11, 25)
SnapCompare = Callable[..., bool]

PRACTICE = """\
format = 1
name = "Plank practice"
tags = ["core"]
prepare = 0

[[steps]]
name = "Plank"
hold = 20
reps = 3
rest = 20
progress = { hold = "+5s", hold_max = "45s", every = 3 }

[[steps]]
name = "Bird-dog"
hold = 5
reps = 5
rest = 2
sides = "both"
progress = { reps = 1, reps_max = 8, every = 2 }
"""


def played(name: str, day: date, hour: int = 9) -> None:
    start = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    record_session(
        SessionSummary(
            name, None, "0", start, start + timedelta(minutes=3), 180, 180, 2, 0, 2, True
        )
    )


def app_on(app_with: AppFactory, day: date, **settings: Any) -> BackcareApp:
    app = app_with(**settings)
    app.today_date = lambda: day
    return app


def line(app: BackcareApp) -> str:
    return str(app.screen.query_one(TodayLine).content)


async def test_the_plan_day_shows_with_its_length_at_the_level(
    user_routines: Path, app_with: AppFactory
) -> None:
    (user_routines / "plank-practice.toml").write_text(PRACTICE)
    for n in range(3, 9):
        played("Plank practice", WEDNESDAY - timedelta(days=n))
    app = app_on(app_with, WEDNESDAY, plan={"wed": "plank-practice"}, weekly_goal=3)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        # Level 2 plank (3 x 30 s, 2 x 20 s rest) and level 3 bird-dog (8 reps a side): 4m 03s.
        assert line(app) == (
            "Today  Plank practice · 4m 03s  Wednesday in your plan · 3 more this week to reach 3"
        )
        await pilot.press("tab")
        assert app.screen.query_one(TodayLine).has_focus
        await pilot.press("enter")
        await pilot.pause()
        player = app.screen
        assert isinstance(player, PlayerScreen)
        assert player.routine.name == "Plank practice"
        plank = player.routine.steps[0].action
        assert isinstance(plank, Held) and plank.hold == 30


async def test_t_starts_the_suggestion_from_the_list(app_with: AppFactory) -> None:
    app = app_on(app_with, WEDNESDAY)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert line(app).startswith("Today  Desk break · 4m 50s  A short start")
        await pilot.press("t")
        await pilot.pause()
        player = app.screen
        assert isinstance(player, PlayerScreen) and player.routine.name == "Desk break"


async def test_when_today_is_done_it_says_so_and_starts_nothing(app_with: AppFactory) -> None:
    played("Core support", WEDNESDAY, hour=7)
    app = app_on(app_with, WEDNESDAY, weekly_goal=2)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert (
            line(app)
            == "Today  done  Done today: Core support at 07:00 · 1 more this week to reach 2"
        )
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def test_home_with_today_and_a_progressed_preview(
    snap_compare: SnapCompare, user_routines: Path, app_with: AppFactory
) -> None:
    (user_routines / "plank-practice.toml").write_text(PRACTICE)
    for n in range(3, 9):
        played("Plank practice", WEDNESDAY - timedelta(days=n))
    app = app_on(app_with, WEDNESDAY, plan={"wed": "plank-practice"})

    async def highlight(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=highlight)
