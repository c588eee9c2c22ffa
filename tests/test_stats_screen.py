"""The stats screen reads the history in a worker and shows what is there."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from apps import AppFactory
from on_screen import toasts
from rich.console import Console
from sessions import a_session
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from backcare_tui.app import BackcareApp
from backcare_tui.core.history import record_session
from backcare_tui.core.paths import history_file
from backcare_tui.core.session_summary import SessionSummary
from backcare_tui.screens.home import HomeScreen
from backcare_tui.screens.stats import StatsScreen
from backcare_tui.widgets.week_chart import WeekChart

NOW = datetime(2024, 6, 13, 18, 0, tzinfo=UTC)  # a Thursday


def session(days_ago: float, name: str = "Desk break", **changes: Any) -> SessionSummary:
    """5 minutes and 4 steps of `name` played through `days_ago`, unless told."""
    return a_session(NOW - timedelta(days=days_ago), name=name, planned=300, steps=4, **changes)


def plain(widget: Static) -> str:
    console = Console(width=200, record=True, color_system=None)
    console.print(widget.content)
    return console.export_text()


async def open_stats(app: BackcareApp, pilot: Pilot[Any]) -> StatsScreen:
    screen = StatsScreen(now=lambda: NOW, tz=UTC)
    app.push_screen(screen)
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_shows_the_rows_in_the_history(app_with: AppFactory) -> None:
    record_session(session(0, "Desk break", pain_before=5, pain_after=3))
    record_session(session(1, "Posture reset", finished=False, steps_done=2))
    record_session(session(9, "Desk break"))
    app = app_with()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stats(app, pilot)
        table = screen.query_one("#stats-recent", DataTable)
        assert table.row_count == 3
        first = [str(cell) for cell in table.get_row_at(0)]
        assert first == ["Thu 13 Jun 18:00", "Desk break", "5m", "4/4", "done", "5 → 3"]
        assert [str(c) for c in table.get_row_at(1)][1:5] == [
            "Posture reset",
            "5m",
            "2/4",
            "stopped",
        ]
        week = plain(screen.query_one("#stats-week", Static))
        # The stopped session is listed but does not count toward the goal.
        assert "1 of 3 sessions" in week and "2 more to reach your goal" in week
        assert "15m over 3 sessions" in week
        routines = plain(screen.query_one("#stats-routines", Static))
        assert routines.index("Desk break") < routines.index("Posture reset")
        pain = plain(screen.query_one("#stats-pain", Static))
        assert "5.0 → 5.0" in pain and "2.0 lower than before it" in pain
        chart = screen.query_one(WeekChart)
        assert chart.weeks[-1].sessions == 1 and chart.weeks[-2].sessions == 1


async def test_streak_and_goal_follow_the_setting(app_with: AppFactory) -> None:
    for days in (0, 1, 7, 8):
        record_session(session(days))
    app = app_with(weekly_goal=2)
    async with app.run_test() as pilot:
        screen = await open_stats(app, pilot)
        week = plain(screen.query_one("#stats-week", Static))
        assert "2 sessions, goal 2 met" in week
        assert "2 weeks in a row" in week


async def test_an_empty_history_says_how_to_fill_it(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test() as pilot:
        screen = await open_stats(app, pilot)
        assert "No sessions yet" in plain(screen.query_one("#stats-week", Static))
        assert not screen.query_one("#stats-recent", DataTable).display
    assert not history_file().exists(), "looking does not create the database"


async def test_a_damaged_history_is_set_aside_and_the_user_told(app_with: AppFactory) -> None:
    history_file().parent.mkdir(parents=True)
    history_file().write_bytes(b"not a database at all" * 100)
    app = app_with()
    async with app.run_test(notifications=True) as pilot:
        await open_stats(app, pilot)
        await pilot.pause()
        messages = toasts(app)
        assert any("moved to" in m and ".corrupt-" in m for m in messages), messages
    assert list(history_file().parent.glob("history.db.corrupt-*"))


async def test_m_switches_the_chart_between_minutes_and_sessions(app_with: AppFactory) -> None:
    record_session(session(0))
    app = app_with()
    async with app.run_test() as pilot:
        screen = await open_stats(app, pilot)
        chart = screen.query_one(WeekChart)
        before = chart.measure
        await pilot.press("m")
        assert (before, chart.measure) == ("minutes", "sessions")
        assert "Sessions per week" in str(screen.query_one("#stats-chart-title").render())


async def test_ascii_mode_draws_only_ascii(app_with: AppFactory) -> None:
    for days in range(0, 60, 3):
        record_session(session(days, pain_before=4, pain_after=3))
    app = app_with(ascii=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stats(app, pilot)
        chart = screen.query_one(WeekChart)
        drawn = "".join(strip.text for strip in chart.render_lines(chart.region.reset_offset))
        assert "#" in drawn
        assert drawn.isascii()
        for selector in ("#stats-week", "#stats-routines", "#stats-pain"):
            assert plain(screen.query_one(selector, Static)).isascii(), selector


async def test_h_on_home_opens_the_stats(app_with: AppFactory) -> None:
    app = app_with()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        await app.workers.wait_for_complete()
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_new_goal_from_settings_shows_on_return(app_with: AppFactory) -> None:
    for days in (0, 1):
        record_session(session(days))
    app = app_with()
    async with app.run_test() as pilot:
        screen = await open_stats(app, pilot)
        assert "2 of 3" in plain(screen.query_one("#stats-week", Static))
        await pilot.press("s")
        await pilot.pause()
        goal = app.screen.query_one("#set-weekly_goal")
        assert isinstance(goal, Input)
        goal.value = "2"
        await pilot.press("escape")
        assert app.screen is screen
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "goal 2 met" in plain(screen.query_one("#stats-week", Static))


def test_ten_sessions_against_a_goal_of_three_reads_as_goal_met() -> None:
    from datetime import date

    from rich.console import Console

    from backcare_tui.core.stats import Stats, WeekTotal
    from backcare_tui.screens.stats import week_table

    week = WeekTotal(date(2024, 6, 10), 10, 50.0)
    stats = Stats(
        goal=3,
        this_week=week,
        streak=1,
        best_streak=1,
        weeks_met=1,
        total_sessions=10,
        total_minutes=50.0,
        weeks=(week,),
        top_routines=(),
        pain=None,
    )
    console = Console(width=200, record=True, color_system=None)
    console.print(week_table(stats))
    shown = console.export_text()
    assert "10 sessions, goal 3 met" in shown and "10 of 3" not in shown


def test_pain_lines_say_before_and_after_apart_and_when_to_stop() -> None:
    from backcare_tui.core.stats import PainTrend
    from backcare_tui.screens.stats import pain_text

    shown = pain_text(PainTrend((3.0,), 3.0, 3.0, 7.0, 4)).plain
    assert "Before sessions:" in shown and "After a session: 7.0 higher than before it" in shown
    assert "see a doctor or physiotherapist" in shown
    assert "see a doctor" not in pain_text(PainTrend((3.0,), 3.0, 3.0, 1.0, 4)).plain


async def test_delete_a_selected_session_after_asking(app_with: AppFactory) -> None:
    from backcare_tui.core.history import load_history
    from backcare_tui.screens.confirm import ConfirmScreen

    record_session(session(0, "Desk break"))
    mistaken, _ = record_session(session(1, "Posture reset"))
    app = app_with()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stats(app, pilot)
        table = screen.query_one("#stats-recent", DataTable)
        await pilot.press("down")  # the second row: Posture reset, a day ago
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Posture reset" in str(app.screen.question)
        await pilot.press("escape")
        assert len(load_history().sessions) == 2, "kept when the answer is no"
        await pilot.press("delete", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [s.summary.routine_name for s in load_history().sessions] == ["Desk break"]
        assert mistaken not in [s.id for s in load_history().sessions]
        assert table.row_count == 1


async def test_deleting_the_last_session_empties_the_screen(app_with: AppFactory) -> None:
    from backcare_tui.core.history import load_history

    record_session(session(0, "Desk break"))
    app = app_with()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stats(app, pilot)
        await pilot.press("delete", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert load_history().sessions == []
        assert not screen.query_one("#stats-recent", DataTable).display
        assert "No sessions yet" in str(screen.query_one("#stats-week", Static).render())
        assert screen.check_action("delete_session", ()) is False
