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
import io
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Literal

from .base import ImportFailure, number

HEADER = "date,time,preset,ratio,duration_target_s,duration_actual_s,breaths,completion_pct,status"
FIELDS = tuple(HEADER.split(","))
Ending = Literal["completed", "partial", "stopped"]


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
    ending: Ending
    status: str

    @property
    def reached_end(self) -> bool:
        return self.ending != "stopped"


def ending_of(status: str, percent: float) -> Ending:
    """breathe-cli's status and percentage in backcare's words (docs/routine-format.md).

    "completed" breathed to the end: completed, or partial when under half
    of the target was breathed (backcare's rule for what counts); "partial"
    is partial; anything else ("ended early (user)", "aborted") is stopped.
    """
    word = status.strip().lower()
    if word.startswith("complete"):
        return "completed" if percent >= 50 else "partial"
    if word.startswith("partial"):
        return "partial"
    return "stopped"


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
        ending=ending_of(values["status"], numbers["completion_pct"]),
        status=values["status"],
    )


def ended_at(session: LoggedSession) -> datetime:
    return session.started_at + timedelta(seconds=session.actual_seconds)
