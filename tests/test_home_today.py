"""Home's Today line: the suggestion, why, its length at the person's level; Enter starts it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from apps import AppFactory
from practice_files import TAGGED_PLANK_PRACTICE, WEDNESDAY, app_on, played

from backcare_tui.app import BackcareApp
from backcare_tui.core.model import Held
from backcare_tui.screens.home import HomeScreen
from backcare_tui.screens.player import PlayerScreen
from backcare_tui.widgets.today_line import TodayLine


def line(app: BackcareApp) -> str:
    return str(app.screen.query_one(TodayLine).content)


async def test_the_plan_day_shows_with_its_length_at_the_level(
    user_routines: Path, app_with: AppFactory
) -> None:
    (user_routines / "plank-practice.toml").write_text(TAGGED_PLANK_PRACTICE)
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
