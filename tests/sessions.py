"""A recorded session for tests: `a_session(start, ...)`, every other field by keyword."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from backcare_tui.core.session_summary import SessionSummary


def a_session(
    start: datetime,
    *,
    name: str = "Plank practice",
    planned: float = 180.0,
    played: float | None = None,
    steps: int = 2,
    finished: bool = True,
    **fields: Any,
) -> SessionSummary:
    """A session of `name` started at `start`: played through (`played` seconds of its
    `planned`, all of it unless told), every step done when it finished, none when not.

    Any other field of `SessionSummary` goes by its own name (`pain_before=3`,
    `note="..."`), and so does a field worked out here when a test needs it
    otherwise (`steps_done=1`, `routine_hash="h"`, `ended_at=start`)."""
    played = planned if played is None else played
    values: dict[str, Any] = {
        "routine_name": name,
        "routine_path": None,
        "routine_hash": "0",
        "started_at": start,
        "ended_at": start + timedelta(seconds=played),
        "planned_seconds": planned,
        "actual_seconds": played,
        "steps_done": steps if finished else 0,
        "steps_skipped": 0,
        "steps_total": steps,
        "finished": finished,
    }
    return SessionSummary(**(values | fields))
