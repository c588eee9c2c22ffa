"""A session as one row of the history's table, and back: the columns in order, times
as fixed-width UTC text (so text order is time order), pain and feedback checked on
the way in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from .session_summary import FEEDBACK_VALUES, Feedback, SessionSummary

COLUMNS = (
    "routine_name",
    "routine_path",
    "routine_hash",
    "started_at",
    "ended_at",
    "planned_seconds",
    "actual_seconds",
    "steps_done",
    "steps_skipped",
    "steps_total",
    "finished",
    "pain_before",
    "pain_after",
    "note",
    "completion",
    "feedback",
)


@dataclass(frozen=True)
class StoredSession:
    """A session as the log holds it: the summary and its row id."""

    id: int
    summary: SessionSummary


def to_row(summary: SessionSummary) -> tuple[object, ...]:
    return (
        summary.routine_name,
        summary.routine_path,
        summary.routine_hash,
        stamp(summary.started_at),
        stamp(summary.ended_at),
        float(summary.planned_seconds),
        float(summary.actual_seconds),
        summary.steps_done,
        summary.steps_skipped,
        summary.steps_total,
        1 if summary.finished else 0,
        checked_pain(summary.pain_before),
        checked_pain(summary.pain_after),
        summary.note,
        summary.completion.value,
        checked_feedback(summary.feedback),
    )


def from_row(row: Sequence[object]) -> StoredSession:
    (
        id_,
        name,
        path,
        hash_,
        started,
        ended,
        planned,
        actual,
        done,
        skipped,
        total,
        finished,
        before,
        after,
        note,
        _completion,  # derived again from the times, by the same rule
        feedback,
    ) = row
    return StoredSession(
        id=int(str(id_)),
        summary=SessionSummary(
            routine_name=str(name),
            routine_path=None if path is None else str(path),
            routine_hash=str(hash_),
            started_at=_parse(str(started)),
            ended_at=_parse(str(ended)),
            planned_seconds=float(str(planned)),
            actual_seconds=float(str(actual)),
            steps_done=int(str(done)),
            steps_skipped=int(str(skipped)),
            steps_total=int(str(total)),
            finished=bool(finished),
            pain_before=None if before is None else int(str(before)),
            pain_after=None if after is None else int(str(after)),
            note=str(note or ""),
            feedback=checked_feedback(None if feedback is None else str(feedback)),
        ),
    )


def stamp(moment: datetime) -> str:
    """ISO 8601 in UTC, one fixed width, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("session times must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _parse(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def checked_pain(value: int | None) -> int | None:
    if value is None:
        return None
    if not 0 <= value <= 10:
        raise ValueError(f"pain is rated 0 to 10, got {value}")
    return int(value)


def checked_feedback(value: str | None) -> Feedback | None:
    if value is None:
        return None
    for known in FEEDBACK_VALUES:
        if value == known:
            return known
    raise ValueError(f"feedback is one of {', '.join(FEEDBACK_VALUES)}, got {value!r}")
