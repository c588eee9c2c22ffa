"""Today's suggestion: plan day, least recent favourite, desk break, done today."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sessions import a_session

from backcare_tui.core.session_summary import SessionSummary
from backcare_tui.core.settings import Settings, load_settings, save_settings, settings_from_data
from backcare_tui.core.today import Today, suggest_today, today_words

WEDNESDAY = date(2026, 11, 25)


def session(
    name: str, day: date, *, hour: int = 9, finished: bool = True, seconds: float = 300
) -> SessionSummary:
    start = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    return a_session(start, name=name, planned=300, played=seconds, steps=5, finished=finished)


def test_empty_history_suggests_the_desk_break() -> None:
    today = suggest_today(Settings(), [], WEDNESDAY, tz=UTC)
    assert today.routine == "desk-break"
    assert today.source == "default"
    assert not today.done
    assert today.text == (
        "A short start: nothing in the last four weeks · 3 more this week to reach 3"
    )


def test_plan_day_wins_over_favourites() -> None:
    settings = Settings(plan={"wed": "core-support", "fri": "full-session"})
    history = [session("Desk break", WEDNESDAY - timedelta(days=d)) for d in range(1, 6)]
    today = suggest_today(settings, history, WEDNESDAY, tz=UTC)
    assert (today.routine, today.source) == ("core-support", "plan")
    assert today.reason == "Wednesday in your plan"
    # Monday and Tuesday of this week count; last week's sessions do not.
    assert today.week_sessions == 2
    assert today.goal_line == "1 more this week to reach 3"


def test_a_day_without_a_plan_entry_falls_back_to_favourites() -> None:
    settings = Settings(plan={"mon": "core-support"})
    history = [session("Desk break", WEDNESDAY - timedelta(days=2))]
    today = suggest_today(settings, history, WEDNESDAY, tz=UTC)
    assert (today.routine, today.source) == ("Desk break", "favourite")
    assert today.reason == "A favourite, last done 2 days ago"


def test_least_recently_done_among_the_most_played() -> None:
    history = [
        *(session("Desk break", WEDNESDAY - timedelta(days=d)) for d in (1, 2, 3, 4)),
        *(session("Core support", WEDNESDAY - timedelta(days=d)) for d in (5, 8, 12)),
        *(session("Posture reset", WEDNESDAY - timedelta(days=d)) for d in (9, 10)),
        # Played once, longest ago: not a favourite, so never suggested over the others.
        session("Morning mobility", WEDNESDAY - timedelta(days=20)),
        # Outside the four weeks: counts for nothing.
        *(session("Full session", WEDNESDAY - timedelta(days=d)) for d in range(30, 40)),
    ]
    today = suggest_today(Settings(), history, WEDNESDAY, tz=UTC)
    assert today.routine == "Posture reset"
    assert today.reason == "A favourite, last done 9 days ago"


def test_favourites_that_no_longer_exist_are_passed_over() -> None:
    history = [
        session("Gone", WEDNESDAY - timedelta(days=9)),
        session("Desk break", WEDNESDAY - timedelta(days=1)),
    ]
    today = suggest_today(Settings(), history, WEDNESDAY, tz=UTC, exists=lambda n: n != "Gone")
    assert today.routine == "Desk break"
    assert today.reason == "A favourite, last done yesterday"


def test_a_plan_naming_a_missing_routine_says_so_and_falls_back() -> None:
    settings = Settings(plan={"wed": "nope"})
    today = suggest_today(settings, [], WEDNESDAY, tz=UTC, exists=lambda n: n != "nope")
    assert today.routine == "desk-break"
    assert 'Wednesday\'s plan names "nope", which was not found' in today.reason


def test_a_completed_session_today_means_done_and_nothing_more() -> None:
    settings = Settings(plan={"wed": "core-support"}, weekly_goal=2)
    history = [
        session("Desk break", WEDNESDAY, hour=8),
        session("Posture reset", WEDNESDAY, hour=17),
        session("Core support", WEDNESDAY - timedelta(days=1)),
    ]
    today = suggest_today(settings, history, WEDNESDAY, tz=UTC)
    assert today.done and today.routine is None
    assert today.reason == "Done today: Posture reset at 17:00"
    assert today.goal_line == "3 of 2 this week: goal met"


def test_a_stopped_session_today_does_not_make_today_done() -> None:
    history = [session("Desk break", WEDNESDAY, finished=False, seconds=20)]
    today = suggest_today(Settings(plan={"wed": "core-support"}), history, WEDNESDAY, tz=UTC)
    assert not today.done
    assert today.routine == "core-support"
    assert today.week_sessions == 0


def test_looking_ahead_uses_that_days_plan_and_that_weeks_count() -> None:
    settings = Settings(plan={"fri": "full-session"})
    history = [session("Desk break", WEDNESDAY)]
    friday = suggest_today(settings, history, WEDNESDAY + timedelta(days=2), tz=UTC)
    assert (friday.routine, friday.reason) == ("full-session", "Friday in your plan")
    assert friday.week_sessions == 1
    next_monday = suggest_today(settings, history, WEDNESDAY + timedelta(days=5), tz=UTC)
    assert next_monday.week_sessions == 0


def test_the_day_follows_the_persons_time_zone() -> None:
    late = session("Desk break", WEDNESDAY, hour=23)  # 23:00 UTC is Thursday in Berlin
    zone = ZoneInfo("Europe/Berlin")
    assert not suggest_today(Settings(), [late], WEDNESDAY, tz=zone).done
    assert suggest_today(Settings(), [late], WEDNESDAY + timedelta(days=1), tz=zone).done


def test_plan_setting_reads_weekdays_and_rejects_other_keys() -> None:
    settings, problems = settings_from_data(
        {"plan": {"Wednesday": "core-support", "mon": "posture-reset", "fri": ""}}, "config"
    )
    assert problems == []
    assert settings.plan == {"mon": "posture-reset", "wed": "core-support"}
    settings, problems = settings_from_data({"plan": {"someday": "desk-break"}}, "config")
    assert settings.plan == {}
    assert len(problems) == 1 and "plan must be a table of weekdays" in problems[0]
    settings, problems = settings_from_data({"plan": "desk-break"}, "config")
    assert settings.plan == {} and "using no plan" in problems[0]


def test_plan_survives_a_save(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_settings(Settings(plan={"tue": "desk-break", "sat": "Full session"}), path)
    settings, problems = load_settings(path)
    assert problems == []
    assert settings.plan == {"tue": "desk-break", "sat": "Full session"}


def test_done_today_is_told_in_the_persons_time() -> None:
    late = session("Desk break", WEDNESDAY, hour=23)  # Thursday 00:00 in Berlin
    zone = ZoneInfo("Europe/Berlin")
    thursday = WEDNESDAY + timedelta(days=1)
    today = suggest_today(Settings(), [late], thursday, tz=zone)
    assert (today.day, today.reason) == (thursday, "Done today: Desk break at 00:00")
    assert today.done_at == datetime(2026, 11, 26, 0, 0, tzinfo=zone)


@pytest.mark.parametrize(
    ("plan", "history", "source"),
    [
        ({"wed": "core-support"}, [], "plan"),
        ({}, [session("Desk break", WEDNESDAY - timedelta(days=3))], "favourite"),
        ({}, [], "default"),
    ],
)
def test_every_suggestion_is_for_the_day_asked_about_with_the_weeks_goal(
    plan: dict[str, str], history: list[SessionSummary], source: str
) -> None:
    today = suggest_today(Settings(plan=plan, weekly_goal=3), history, WEDNESDAY, tz=UTC)
    assert (today.day, today.source, today.done_at) == (WEDNESDAY, source, None)
    assert today.text.endswith(" · 3 more this week to reach 3")


def test_favourites_are_found_whatever_the_order_of_the_history() -> None:
    history = [
        session("Core support", WEDNESDAY - timedelta(days=40)),  # before the four weeks
        session("Desk break", WEDNESDAY - timedelta(days=3)),
    ]
    today = suggest_today(Settings(), history, WEDNESDAY, tz=UTC)
    assert (today.routine, today.reason) == ("Desk break", "A favourite, last done 3 days ago")


def test_of_favourites_last_done_the_same_day_the_most_played_comes_first() -> None:
    history = [
        session("Posture reset", WEDNESDAY - timedelta(days=2)),
        session("Posture reset", WEDNESDAY - timedelta(days=9)),
        session("Core support", WEDNESDAY - timedelta(days=2), hour=10),
        session("Core support", WEDNESDAY - timedelta(days=5)),
        session("Core support", WEDNESDAY - timedelta(days=6)),
    ]
    assert suggest_today(Settings(), history, WEDNESDAY, tz=UTC).routine == "Core support"


@pytest.mark.parametrize(
    ("routine", "source", "name", "length", "words"),
    [
        ("core-support", "plan", "Core support", "10m 03s", "Core support · 10m 03s"),
        ("core-support", "plan", "Core support", None, "Core support"),
        ("core-support", "plan", None, None, "core-support"),
        ("Neck\nroll", "favourite", None, "2m", "Neck roll · 2m"),
        (None, "done", None, None, "done"),
    ],
)
def test_today_in_words(
    routine: str | None, source: str, name: str | None, length: str | None, words: str
) -> None:
    today = Today(WEDNESDAY, routine, source, "Wednesday in your plan", 1, 3)
    assert today_words(today, name, length) == (
        words,
        "Wednesday in your plan · 2 more this week to reach 3",
    )


@pytest.mark.parametrize(
    ("days_ago", "routine"), [(28, "Desk break"), (29, "desk-break")], ids=["28 days", "29 days"]
)
def test_a_favourite_is_played_in_the_four_weeks_before_the_day(
    days_ago: int, routine: str
) -> None:
    history = [session("Desk break", WEDNESDAY - timedelta(days=days_ago))]
    assert suggest_today(Settings(), history, WEDNESDAY, tz=UTC).routine == routine
