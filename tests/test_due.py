"""When a reminder may go out: examples, then properties over a fake clock."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backcare_tui.core.due import (
    SETTLE_SECONDS,
    Decision,
    Rules,
    Week,
    decide,
    goal_line,
    session_due,
)
from backcare_tui.core.schedule import Span, parse_span

RULES = Rules(quiet=parse_span("21:00-08:00"), min_gap=timedelta(minutes=45), only_if_due=True)
MONDAY = datetime(2026, 11, 30, tzinfo=UTC)
DUE = Week(done_today=False, completed=0, goal=3, days_left=7)


def at(hour: int, minute: int = 0, day: datetime = MONDAY) -> datetime:
    return day.replace(hour=hour, minute=minute)


def test_due_at_ten_on_monday() -> None:
    decision = decide(at(10), RULES, last_reminder=None, settled_for=3600, week=DUE)
    assert decision.notify


def test_quiet_hours_first() -> None:
    decision = decide(at(21, 30), RULES, last_reminder=None, settled_for=3600, week=DUE)
    assert (decision.notify, decision.reason) == (False, "quiet hours (21:00-08:00)")
    assert not decide(at(7, 59), RULES, last_reminder=None, settled_for=3600, week=DUE).notify
    assert decide(at(8), RULES, last_reminder=None, settled_for=3600, week=DUE).notify


def test_min_gap() -> None:
    decision = decide(at(10, 44), RULES, last_reminder=at(10), settled_for=3600, week=DUE)
    assert (decision.notify, decision.reason) == (
        False,
        "reminded at 10:00, less than 45 min ago",
    )
    assert decide(at(10, 45), RULES, last_reminder=at(10), settled_for=3600, week=DUE).notify


def test_not_right_after_wake_or_login() -> None:
    decision = decide(at(10), RULES, last_reminder=None, settled_for=120, week=DUE)
    assert not decision.notify
    assert "woke or you logged in 2 min ago" in decision.reason
    assert decide(at(10), RULES, last_reminder=None, settled_for=SETTLE_SECONDS, week=DUE).notify
    assert decide(at(10), RULES, last_reminder=None, settled_for=None, week=DUE).notify


def test_only_if_due() -> None:
    done = Week(done_today=True, completed=1, goal=3, days_left=7)
    met = Week(done_today=False, completed=3, goal=3, days_left=3)
    lost = Week(done_today=False, completed=0, goal=3, days_left=2)
    planned = Week(done_today=False, completed=3, goal=3, days_left=3, planned_today=True)
    reason = {
        w: decide(at(10), RULES, last_reminder=None, settled_for=None, week=w).reason
        for w in (done, met, lost)
    }
    assert reason[done] == "today's session is done"
    assert reason[met] == "this week's goal of 3 is met"
    assert reason[lost] == "nothing is due today"
    assert decide(at(10), RULES, last_reminder=None, settled_for=None, week=planned).notify
    unreadable = decide(at(10), RULES, last_reminder=None, settled_for=None, week=None)
    assert not unreadable.notify
    anyway = Rules(RULES.quiet, RULES.min_gap, only_if_due=False)
    assert decide(at(10), anyway, last_reminder=None, settled_for=None, week=met).notify
    assert not decide(at(10), anyway, last_reminder=None, settled_for=None, week=done).notify


MET = Week(done_today=False, completed=3, goal=3, days_left=3)


# What `backcare remind --now` prints after "No reminder: ", rule by rule, in the order
# they are checked (an earlier rule's reason wins).
@pytest.mark.parametrize(
    ("hour", "last", "settled", "week", "reason"),
    [
        (21, None, 60.0, None, "quiet hours (21:00-08:00)"),
        (10, at(9, 30), 60.0, None, "reminded at 09:30, less than 45 min ago"),
        (
            10,
            None,
            272.0,
            None,
            "the computer woke or you logged in 5 min ago (quiet for the first 10 min)",
        ),
        (10, None, None, Week(True, 0, 3, 7), "today's session is done"),
        (10, None, None, None, "the history cannot be read, so nothing is known to be due"),
        (10, None, None, MET, "this week's goal of 3 is met"),
        (10, None, None, Week(False, 0, 3, 2), "nothing is due today"),
    ],
)
def test_each_rule_says_why_no_reminder_went_out(
    hour: int, last: datetime | None, settled: float | None, week: Week | None, reason: str
) -> None:
    decision = decide(at(hour), RULES, last_reminder=last, settled_for=settled, week=week)
    assert decision == Decision(False, reason)


@pytest.mark.parametrize(
    ("week", "line"),
    [
        (Week(False, 0, 3, 7), "3 more this week to reach 3"),
        (Week(False, 2, 3, 7), "1 more this week to reach 3"),
        (MET, "3 of 3 this week: goal met"),
        (Week(False, 4, 3, 7), "4 of 3 this week: goal met"),
    ],
)
def test_goal_line(week: Week, line: str) -> None:
    assert goal_line(week) == line


def test_session_due() -> None:
    assert session_due(Week(False, 2, 3, 1))
    assert not session_due(Week(False, 1, 3, 1))  # two to go on Sunday: the week is lost
    assert not session_due(Week(True, 0, 3, 7))


# Properties: a person's week as the timer sees it. The fake clock starts on a Monday
# morning and moves by random steps; sessions get done at random moments.
steps = st.lists(
    st.tuples(st.integers(min_value=1, max_value=240), st.booleans()), min_size=1, max_size=120
)


@settings(max_examples=200, deadline=None)
@given(
    steps=steps,
    gap=st.integers(min_value=0, max_value=180),
    quiet_start=st.integers(min_value=0, max_value=23),
    quiet_hours=st.integers(min_value=1, max_value=12),
    only_if_due=st.booleans(),
    settled=st.one_of(st.none(), st.floats(min_value=0, max_value=7200)),
)
def test_properties_over_a_fake_clock(
    steps: list[tuple[int, bool]],
    gap: int,
    quiet_start: int,
    quiet_hours: int,
    only_if_due: bool,
    settled: float | None,
) -> None:
    quiet = Span(time(quiet_start), time((quiet_start + quiet_hours) % 24))
    rules = Rules(quiet=quiet, min_gap=timedelta(minutes=gap), only_if_due=only_if_due)
    now = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)
    last: datetime | None = None
    sent: list[datetime] = []
    done_days: set[date] = set()
    for minutes, session_done in steps:
        now += timedelta(minutes=minutes)
        week = Week(
            done_today=now.date() in done_days,
            completed=sum(1 for d in done_days if d.isocalendar()[:2] == now.isocalendar()[:2]),
            goal=3,
            days_left=7 - now.weekday(),
        )
        decision = decide(now, rules, last_reminder=last, settled_for=settled, week=week)
        if decision.notify:
            sent.append(now)
            last = now
            assert not quiet.contains(now.time()), "a reminder in quiet hours"
            assert settled is None or settled >= SETTLE_SECONDS
            assert now.date() not in done_days, "a reminder after the day's session"
        if session_done and now.date() not in done_days:
            done_days.add(now.date())
    for earlier, later in itertools.pairwise(sent):
        assert later - earlier >= timedelta(minutes=gap), "two reminders within min_gap"
