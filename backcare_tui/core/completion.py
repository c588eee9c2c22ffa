"""What counts as done: one definition for the summary, the history, stats, streaks and exports.

A session is *completed* when it reached the end and at least half of its
planned time was actually played; reaching the end by skipping most of it
is *partial*; not reaching the end is *stopped*. Only completed sessions
count toward the weekly goal and streaks. A session with under
`MIN_RECORDED_SECONDS` of active time is not recorded at all: an accidental
start is not something a person did.
"""

from __future__ import annotations

from enum import StrEnum

MIN_RECORDED_SECONDS = 10.0
"""Sessions with less active time than this are not recorded."""
COMPLETED_SHARE = 0.5
"""The share of the planned time that must be played for a finished session to count."""


class Completion(StrEnum):
    COMPLETED = "completed"
    PARTIAL = "partial"
    STOPPED = "stopped"

    @property
    def label(self) -> str:
        """The word the history table and the stats screen show."""
        return {"completed": "done", "partial": "partial", "stopped": "stopped"}[self.value]


def completion_of(
    *, reached_end: bool, active_seconds: float, planned_seconds: float
) -> Completion:
    """How a session ended, from whether it reached the end and how much of it was played."""
    if not reached_end:
        return Completion.STOPPED
    if active_seconds >= COMPLETED_SHARE * planned_seconds:
        return Completion.COMPLETED
    return Completion.PARTIAL


def worth_recording(active_seconds: float) -> bool:
    """Whether a session is long enough to go into the history."""
    return active_seconds >= MIN_RECORDED_SECONDS
