"""A short progressing routine shared by the progression, Today and reminder tests,
and the day and history home's Today tests (and their snapshot) start from."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from apps import AppFactory

from backcare_tui.app import BackcareApp
from backcare_tui.core.history import record_session
from backcare_tui.core.session_summary import SessionSummary

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
TAGGED_PLANK_PRACTICE = """\
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
"""PLANK_PRACTICE with a tag and no lead-in, as home's Today tests list it."""


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
