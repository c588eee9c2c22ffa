"""core/practice.py: one read of the history and the resets, the routines at the person's
level, Today from the same read, and each problem with either file said once.

Real SQLite logs written by `record_session`; real reset files written by `add_reset`.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path

import pytest
from practice_files import PLANK_PRACTICE
from sessions import a_session

from backcare_tui.core.history import record_session
from backcare_tui.core.loader import parse_routine_text
from backcare_tui.core.model import Held
from backcare_tui.core.paths import history_file
from backcare_tui.core.practice import Practice, load_practice
from backcare_tui.core.resets import add_reset, resets_file
from backcare_tui.core.session_summary import SessionSummary
from backcare_tui.core.settings import Settings

PLANK = parse_routine_text(PLANK_PRACTICE, "plank-practice.toml")
STILL = parse_routine_text(
    'name = "Still"\n[[steps]]\nname = "Stand"\nduration = 30\n', "still.toml"
)
FIRST = datetime(2026, 11, 2, 9, tzinfo=UTC)


def played(day: int, name: str = "Plank practice") -> SessionSummary:
    return a_session(FIRST + timedelta(days=day), name=name)


def holds(practice: Practice) -> list[float]:
    steps = practice.at_level(PLANK).steps
    return [s.action.hold for s in steps if isinstance(s.action, Held)]


def test_nothing_recorded_is_level_0_with_nothing_to_say(isolated_home: Path) -> None:
    practice = load_practice()
    assert (list(practice.sessions), practice.resets, practice.notices) == ([], {}, [])
    assert not history_file().exists()  # reading never creates the log
    progressed = practice.progressed(PLANK)
    assert (progressed.level, progressed.progressing) == (0, True)
    assert progressed.routine == progressed.original == PLANK


def test_three_sessions_grow_the_routine_and_a_reset_takes_it_back(isolated_home: Path) -> None:
    for day in range(3):
        record_session(played(day))
    practice = load_practice()
    assert [s.started_at for s in practice.sessions] == [
        FIRST + timedelta(days=2),
        FIRST + timedelta(days=1),
        FIRST,
    ]
    grown = practice.progressed(PLANK)
    assert grown.level == 1
    assert grown.original == PLANK
    assert holds(practice) == [25.0, 5.0]
    assert practice.at_level(PLANK) is grown.routine  # asked again: the same answer

    add_reset("Plank practice", FIRST + timedelta(days=3))
    again = load_practice()
    assert again.resets == {"plank practice": [FIRST + timedelta(days=3)]}
    assert again.progressed(PLANK).level == 0
    assert holds(again) == [20.0, 5.0]


def test_a_routine_without_progress_is_played_as_written(isolated_home: Path) -> None:
    for day in range(6):
        record_session(played(day, "Still"))
    progressed = load_practice().progressed(STILL)
    assert (progressed.level, progressed.progressing) == (0, False)
    assert progressed.routine is STILL


def test_paths_given_are_read_instead_of_the_usual_ones(tmp_path: Path) -> None:
    log, resets = tmp_path / "log.db", tmp_path / "resets.toml"
    for day in range(3):
        record_session(played(day), log)
    record_session(played(9), history_file())
    add_reset("Plank practice", FIRST - timedelta(days=1), resets)
    add_reset("Plank practice", FIRST + timedelta(days=9))
    practice = load_practice(log, resets)
    assert len(practice.sessions) == 3
    assert practice.resets == {"plank practice": [FIRST - timedelta(days=1)]}
    assert practice.progressed(PLANK).level == 1


def test_a_log_from_a_newer_backcare_is_said_once_and_resets_still_read(
    isolated_home: Path,
) -> None:
    record_session(played(0))
    with sqlite3.connect(history_file()) as connection:
        connection.execute("PRAGMA user_version = 99")
    connection.close()
    add_reset("Plank practice", FIRST)
    practice = load_practice()
    assert list(practice.sessions) == []
    assert practice.resets == {"plank practice": [FIRST]}
    assert practice.notices == [
        f"History from a newer backcare: {history_file()} has schema version 99; this "
        "backcare knows up to 3. Update backcare to use it; the file was left as it is."
    ]


def test_a_damaged_log_is_set_aside_and_said(isolated_home: Path) -> None:
    history_file().parent.mkdir(parents=True, exist_ok=True)
    history_file().write_bytes(b"not a database at all" * 100)
    practice = load_practice()
    assert list(practice.sessions) == []
    (notice,) = practice.notices
    assert notice.startswith(f"The history file was damaged; it was moved to {history_file()}.")


def test_unreadable_resets_are_said_and_the_sessions_still_read(isolated_home: Path) -> None:
    record_session(played(0))
    resets_file().write_text("reset = [", encoding="utf-8")
    practice = load_practice()
    assert len(practice.sessions) == 1
    assert practice.resets == {}
    (notice,) = practice.notices
    assert notice.startswith(f"Level resets unreadable: {resets_file()}: ")


HAWAII = timezone(timedelta(hours=-10))


@pytest.mark.parametrize(
    ("tz", "reason", "this_week"),
    [
        (UTC, "Done today: Plank practice at 09:00", 3),
        # 09:00 UTC was 23:00 the day before: the first of the three was last week's Sunday.
        (HAWAII, "A favourite, last done yesterday", 2),
    ],
    ids=["UTC", "Hawaii"],
)
def test_today_comes_from_the_same_sessions_in_the_persons_zone(
    isolated_home: Path, tz: tzinfo, reason: str, this_week: int
) -> None:
    for day in range(3):
        record_session(played(day))
    practice = load_practice()
    wednesday = date(2026, 11, 4)
    today = practice.today(Settings(weekly_goal=4), wednesday, tz=tz)
    assert (today.reason, today.week_sessions, today.weekly_goal) == (reason, this_week, 4)
    passed_over = practice.today(Settings(), wednesday, tz=HAWAII, exists=lambda name: False)
    assert passed_over.routine != "Plank practice"
