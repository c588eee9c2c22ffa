"""Routine files shared by several test modules: a short progressing routine (the
progression, Today and reminder tests, and home's Today tests and their snapshot),
and one the editor opens in its form although it does not load."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from apps import AppFactory
from sessions import a_session

from backcare_tui.app import BackcareApp
from backcare_tui.core.history import record_session

PLANK_PRACTICE = """\
format = 1
name = "Plank practice"

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

WEDNESDAY = date(2026, 11, 25)
TAGGED_PLANK_PRACTICE = PLANK_PRACTICE.replace(
    'name = "Plank practice"\n', 'name = "Plank practice"\ntags = ["core"]\nprepare = 0\n', 1
)
"""PLANK_PRACTICE with a tag and no lead-in, as home's Today tests list it."""


def played(name: str, day: date, hour: int = 9) -> None:
    start = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    record_session(a_session(start, name=name))


def app_on(app_with: AppFactory, day: date, **settings: Any) -> BackcareApp:
    app = app_with(**settings)
    app.today_date = lambda: day
    return app


UNKNOWN_KEY_AND_NUMBER_NAME = """name = 5

[[steps]]
name = "Arch"
duration = 20

[[steps]]
name = "Cat cow"
hold = 5
rset = 3
"""
"""Not a routine (a number for a name, `rset` for `rest`), yet it opens in the editor's
form, which says what saving changes."""
