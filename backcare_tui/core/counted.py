"""Which recorded sessions count as done, for levels and for "Today".

The session-accounting work defines *completed* (reached the end with at
least half the planned active time played) and stores it with each session
as `completion`; a log from before that column reads as finished or not.
"""

from __future__ import annotations

from .summary import SessionSummary

COMPLETED = "completed"


def is_completed(summary: SessionSummary) -> bool:
    completion = getattr(summary, "completion", None)
    if completion is None:
        return summary.finished
    return str(completion) == COMPLETED


def feedback_of(summary: SessionSummary) -> str | None:
    """ "easy", "hard" or None (no feedback given, or a log without the column)."""
    feedback = getattr(summary, "feedback", None)
    return None if feedback is None else str(feedback)
