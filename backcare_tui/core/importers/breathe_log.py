"""breathe-cli's session log (~/.breathe_log.csv): past breathing sessions for the history.

breathe-cli appends one row per session:
`date,time,preset,ratio,duration_target_s,duration_actual_s,breaths,completion_pct,status`,
with the local date and start time, the in-out ratio in seconds ("5-5"),
target and breathed seconds (pauses excluded), whole breaths, the
percentage breathed, and a status: "completed", or "ended early (user)"
when the person quit.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from ..breathing import PatternError, parse_pattern
from ..breathing_session import breathing_routine
from ..completion import Completion, completion_of
from ..session_summary import SessionSummary, routine_hash
from .base import ImportFailure, name_text, number

HEADER = "date,time,preset,ratio,duration_target_s,duration_actual_s,breaths,completion_pct,status"
FIELDS = tuple(HEADER.split(","))


def is_breathe_log(data: bytes) -> bool:
    first = data.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].strip().decode("utf-8", "replace")
    return first.replace(" ", "").lower().startswith("date,time,preset,ratio,")


@dataclass(frozen=True)
class LoggedSession:
    """One row, read: when it started (aware), what was breathed, and how it ended."""

    line: int
    started_at: datetime
    preset: str
    ratio: str
    target_seconds: float
    actual_seconds: float
    breaths: int
    percent: float
    status: str

    @property
    def reached_end(self) -> bool:
        """breathe-cli says "completed" (or "complete") when the session ran to its end."""
        return self.status.strip().lower().startswith("complete")

    @property
    def completion(self) -> Completion:
        """backcare's rule (core/completion.py) on breathe-cli's facts: completed when it
        reached the end with at least half the target breathed, partial when it reached
        the end with less, stopped when it ended early ("ended early (user)", or any
        other status)."""
        return completion_of(
            reached_end=self.reached_end,
            active_seconds=self.actual_seconds,
            planned_seconds=self.target_seconds,
        )


def read_breathe_log(data: bytes, path: str, tz: tzinfo | None = None) -> list[LoggedSession]:
    """Every row, oldest first as written; raises ImportFailure naming the first bad line.

    `tz` is the zone the times were written in (breathe-cli writes local
    time); None means this machine's local zone.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailure(path, "not UTF-8 text; expected breathe-cli's CSV log") from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or tuple(c.strip().lower() for c in rows[0]) != FIELDS:
        raise ImportFailure(path, f"expected breathe-cli's log, whose first line is {HEADER}")
    sessions: list[LoggedSession] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        sessions.append(_row(row, line, path, tz))
    return sessions


def _row(row: list[str], line: int, path: str, tz: tzinfo | None) -> LoggedSession:
    where = f"{path}:{line}"
    if len(row) != len(FIELDS):
        raise ImportFailure(where, f"expected {len(FIELDS)} columns ({HEADER}), got {len(row)}")
    values = dict(zip(FIELDS, (cell.strip() for cell in row), strict=True))
    try:
        naive = datetime.strptime(f"{values['date']} {values['time']}", "%Y-%m-%d %H:%M:%S")
    except ValueError:
        raise ImportFailure(
            where,
            f'expected a date and time like 2026-05-30,07:15:02, got "{values["date"]},'
            f'{values["time"]}"',
        ) from None
    started = naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
    numbers: dict[str, float] = {}
    for key in ("duration_target_s", "duration_actual_s", "breaths", "completion_pct"):
        value = number(values[key])
        if value is None:
            raise ImportFailure(where, f'{key} must be a number, got "{values[key]}"')
        numbers[key] = value
    return LoggedSession(
        line=line,
        started_at=started,
        preset=values["preset"],
        ratio=values["ratio"],
        target_seconds=numbers["duration_target_s"],
        actual_seconds=numbers["duration_actual_s"],
        breaths=int(numbers["breaths"]),
        percent=numbers["completion_pct"],
        status=values["status"],
    )


def session_summary(session: LoggedSession) -> SessionSummary:
    """The row as a backcare breathing session of one step, for the history."""
    name = f"{session.preset.capitalize() or 'Custom'} {session.ratio} (breathe-cli)"
    name = name_text(name, "Breathing (breathe-cli)")
    try:
        pattern = parse_pattern(session.ratio)
        hashed = routine_hash(
            breathing_routine(pattern, minutes=max(session.target_seconds, 1) / 60)
        )
    except (PatternError, ValueError):
        hashed = hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]
    return SessionSummary(
        routine_name=name,
        routine_path=None,
        routine_hash=hashed,
        started_at=session.started_at.astimezone(UTC),
        ended_at=(session.started_at + timedelta(seconds=session.actual_seconds)).astimezone(UTC),
        planned_seconds=session.target_seconds,
        actual_seconds=session.actual_seconds,
        steps_done=1 if session.reached_end else 0,
        steps_skipped=0,
        steps_total=1,
        finished=session.reached_end,
        note=name_text(
            f"Imported from breathe-cli: {session.breaths} breaths, "
            f'{session.percent:g}% of the target, status "{session.status}"',
            "Imported from breathe-cli",
        ),
    )
