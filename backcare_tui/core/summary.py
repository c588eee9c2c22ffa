"""What a session did, for the summary screen, the CLI and the history store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .completion import Completion, completion_of

if TYPE_CHECKING:
    from .model import Routine

Feedback = Literal["easy", "hard"]
FEEDBACK_VALUES: tuple[Feedback, ...] = ("easy", "hard")


@dataclass(frozen=True)
class SessionSummary:
    routine_name: str
    routine_path: str | None
    routine_hash: str
    started_at: datetime
    """UTC, timezone-aware."""
    ended_at: datetime
    planned_seconds: float
    actual_seconds: float
    """Active time: paused time never counts."""
    steps_done: int
    steps_skipped: int
    steps_total: int
    finished: bool
    """Reached the end (by playing or by skipping); `completion` says whether that counts."""
    pain_before: int | None = None
    pain_after: int | None = None
    note: str = ""
    feedback: Feedback | None = None
    """How the session felt, when the person said: "easy" or "hard"."""
    completion: Completion = Completion.STOPPED
    """Completed, partial or stopped. Always worked out from the fields above
    (core/completion.py) as the summary is made, also by `replace`, so it can
    never disagree with them; a value passed in is replaced by that."""

    def __post_init__(self) -> None:
        derived = completion_of(
            reached_end=self.finished,
            active_seconds=self.actual_seconds,
            planned_seconds=self.planned_seconds,
        )
        object.__setattr__(self, "completion", derived)

    @property
    def completed(self) -> bool:
        """Counts toward the weekly goal and streaks."""
        return self.completion is Completion.COMPLETED


def routine_hash(routine: Routine) -> str:
    """Hash of the routine's meaning (not its comments), to tell edited routines apart."""
    from .writer import dumps_routine  # the writer and the model are not needed to read

    return hashlib.sha256(dumps_routine(routine).encode("utf-8")).hexdigest()[:16]


def path_text(path: Path | None) -> str | None:
    return str(path) if path is not None else None
