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
    **changes: Any,
) -> SessionSummary:
    """A session of `name` started at `start`: played through (`played` seconds of its
    `planned`, all of it unless told), every step done when it finished, none when not."""
    played = planned if played is None else played
    return SessionSummary(
        routine_name=name,
        routine_path=None,
        routine_hash="0",
        started_at=start,
        ended_at=start + timedelta(seconds=played),
        planned_seconds=planned,
        actual_seconds=played,
        steps_done=steps if finished else 0,
        steps_skipped=0,
        steps_total=steps,
        finished=finished,
        **changes,
    )
