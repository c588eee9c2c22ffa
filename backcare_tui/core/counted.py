"""Which recorded sessions count for levels and for "Today".

Completion is defined once (core/completion.py) and carried by every
summary; feedback is what the person said on the summary screen.
"""

from __future__ import annotations

from .session_summary import SessionSummary


def is_completed(summary: SessionSummary) -> bool:
    return summary.completed


def feedback_of(summary: SessionSummary) -> str | None:
    """ "easy", "hard" or None (nothing said)."""
    return None if summary.feedback is None else str(summary.feedback)
