"""Which recorded sessions count for levels and for "Today".

Completion is defined once (core/completion.py) and carried by every summary.
"""

from __future__ import annotations

from .session_summary import SessionSummary


def is_completed(summary: SessionSummary) -> bool:
    return summary.completed
