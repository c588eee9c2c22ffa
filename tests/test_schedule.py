"""Reminder schedules: parsing with clear errors, firing minutes and next firing."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, time, timedelta

import pytest

from backcare_tui.core.schedule import (
    ScheduleError,
    Span,
    build_schedule,
    days_text,
    parse_clock,
    parse_days,
    parse_every,
    parse_span,
    schedule_value,
)

HOUR = timedelta(hours=1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("9:05", time(9, 5)), ("09:05", time(9, 5)), ("17", time(17)), (" 23:59 ", time(23, 59))],
)
def test_clock(text: str, expected: time) -> None:
    assert parse_clock(text) == expected


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: parse_clock("24:00"),
            'time must be HH:MM on a 24-hour clock, like 12:30; got "24:00"',
        ),
        (
            lambda: parse_clock("12:60"),
            'time must be HH:MM on a 24-hour clock, like 12:30; got "12:60"',
        ),
        (
            lambda: parse_clock("noon"),
            'time must be HH:MM on a 24-hour clock, like 12:30; got "noon"',
        ),
        (lambda: parse_span("09:00"), 'between must be two times like 09:00-17:30; got "09:00"'),
        (
            lambda: parse_span("09:00-25:00"),
            'between must be HH:MM on a 24-hour clock, like 12:30; got "25:00"',
        ),
        (
            lambda: parse_span("09:00-09:00"),
            'between must start and end at different times; got "09:00-09:00"',
        ),
        (lambda: parse_every("2m"), "every must be from 5 minutes to 24 hours; got 2 min"),
        (
            lambda: parse_every("soon"),
            'every must be minutes or hours like 50m, 90m or 1h30m; got "soon"',
        ),
        (lambda: parse_every("4m"), "every must be from 5 minutes to 24 hours; got 4 min"),
        (lambda: parse_every("24h1m"), "every must be from 5 minutes to 24 hours; got 1441 min"),
        *[
            (
                lambda text=text: parse_days(text),
                "days must be day names like mon-fri or mon,wed,fri (or weekdays, daily); "
                f'got "{text}"',
            )
            for text in ("mon-fry", "mo-fri", "fry", "monkey", "mon-wed-fri", ",mon,,fry")
        ],
        (lambda: parse_days(","), 'days must name at least one day, like mon-fri; got ","'),
        *[
            (
                call,
                "every and between go together: --every 50m --between 09:00-17:30",
            )
            for call in (
                lambda: build_schedule(every="50m"),
                lambda: build_schedule(between="09:00-17:00"),
            )
        ],
    ],
)
def test_errors_say_what_was_expected(call: object, message: str) -> None:
    with pytest.raises(ScheduleError) as raised:
        call()  # type: ignore[operator]
    assert raised.value.title == "Bad reminder schedule"
    assert raised.value.message == message


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("50m", 50), ("50", 50), ("1h", 60), ("1h30m", 90), ("90min", 90), ("5m", 5), ("24h", 1440)],
)
def test_every(text: str, minutes: int) -> None:
    assert parse_every(text) == minutes


@pytest.mark.parametrize(
    ("text", "days", "written"),
    [
        ("mon-fri", (0, 1, 2, 3, 4), "mon-fri"),
        ("Mon,Wed,Fri", (0, 2, 4), "mon,wed,fri"),
        ("weekdays", (0, 1, 2, 3, 4), "mon-fri"),
        ("daily", (0, 1, 2, 3, 4, 5, 6), "daily"),
        ("fri-mon", (0, 4, 5, 6), "mon,fri-sun"),
        ("monday..wednesday", (0, 1, 2), "mon-wed"),
        ("Thurs, fridays", (3, 4), "thu-fri"),
        ("mon,,wed,", (0, 2), "mon,wed"),
        ("sat-sat", (5,), "sat"),
        ("sat-mon", (0, 5, 6), "mon,sat-sun"),
    ],
)
def test_days_and_back(text: str, days: tuple[int, ...], written: str) -> None:
    assert parse_days(text) == days
    assert days_text(days) == written


def test_every_between_includes_both_ends_that_fall_on_the_step() -> None:
    schedule = build_schedule(every="30m", between="09:00-11:00", at=["12:15"])
    assert [f"{m // 60:02d}:{m % 60:02d}" for m in schedule.minutes_of_day()] == [
        "09:00",
        "09:30",
        "10:00",
        "10:30",
        "11:00",
        "12:15",
    ]


def test_between_past_midnight() -> None:
    schedule = build_schedule(every="1h", between="23:00-01:00")
    assert schedule.minutes_of_day() == (0, 60, 23 * 60)
    assert Span(time(23), time(1)).contains(time(0, 30))
    assert not Span(time(23), time(1)).contains(time(1, 0))


def test_next_firing_skips_days_off() -> None:
    schedule = build_schedule(at=["12:30", "16:00"], days="mon-fri")
    friday_evening = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)
    assert schedule.next_firing(friday_evening) == datetime(2026, 11, 30, 12, 30, tzinfo=UTC)
    monday_noon = datetime(2026, 11, 30, 12, 30, tzinfo=UTC)
    assert schedule.next_firing(monday_noon) == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)


def test_empty_schedule_never_fires() -> None:
    schedule = build_schedule()
    assert schedule.empty
    assert schedule.next_firing(datetime(2026, 11, 27, tzinfo=UTC)) is None
    assert schedule.describe() == "no reminders"


def test_describe() -> None:
    schedule = build_schedule(
        at=["16:00,12:30"], days="mon-fri", every="50m", between="09:00-17:30", only_if_due=True
    )
    assert schedule.describe() == (
        "mon-fri at 12:30, 16:00; every 50 min 09:00-17:30; only when a session is due"
    )


# Quiet hours and `between` windows include their first minute and end before their last.
@pytest.mark.parametrize(
    ("span", "moment", "inside"),
    [
        ("09:00-17:00", "09:00", True),
        ("09:00-17:00", "16:59", True),
        ("09:00-17:00", "17:00", False),
        ("09:00-17:00", "08:59", False),
        ("21:00-08:00", "21:00", True),
        ("21:00-08:00", "07:59", True),
        ("21:00-08:00", "08:00", False),
        ("21:00-08:00", "20:59", False),
        ("21:00\u201308:00", "22:00", True),
    ],
)
def test_span_contains(span: str, moment: str, inside: bool) -> None:
    assert parse_span(span).contains(parse_clock(moment)) is inside


@pytest.mark.parametrize(
    ("every", "between", "first", "last"),
    [
        ("30m", "09:15-10:45", "09:15", "10:45"),
        ("5m", "09:00-10:04", "09:00", "10:00"),
        ("5m", "23:00-01:00", "23:00", "01:00"),
        ("30m", "22:30-00:30", "22:30", "00:30"),
    ],
)
def test_every_between_starts_and_stops_inside_the_window(
    every: str, between: str, first: str, last: str
) -> None:
    """The first and last reminder of the day's window, as `remind status` lists them."""
    schedule = build_schedule(every=every, between=between)
    after = datetime(2026, 11, 30, tzinfo=UTC) + (parse_clock(between[:5]).hour - 1) * HOUR
    moments = list(itertools.islice(schedule.firings(after), len(schedule.minutes_of_day())))
    assert (f"{moments[0]:%H:%M}", f"{moments[-1]:%H:%M}") == (first, last)


def test_next_firing_is_on_the_minute() -> None:
    """The timer wakes a little after a firing; the next one is still on its minute."""
    schedule = build_schedule(at=["12:30"])
    late = datetime(2026, 11, 30, 10, 0, 30, 123456, tzinfo=UTC)
    assert schedule.next_firing(late) == datetime(2026, 11, 30, 12, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("kwargs", "described"),
    [
        ({"at": ["12:30"]}, "daily at 12:30"),
        (
            {"every": "1h", "between": "09:00-17:00", "days": "weekends"},
            "sat-sun every 60 min 09:00-17:00",
        ),
    ],
)
def test_describe_without_only_when_due(kwargs: dict[str, str], described: str) -> None:
    assert build_schedule(**kwargs).describe() == described  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["12:30", 930, ["12:30", 5]])
def test_remind_at_that_is_not_a_list_of_times_is_not_used(value: object) -> None:
    assert schedule_value("remind_at", value) is None
