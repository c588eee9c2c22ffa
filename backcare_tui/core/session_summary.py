"""What a session came to: the record made once when it ends, and the same record in words.

`summarize` turns the engine's state into a `SessionSummary`, which the
history stores and the stats read. The words (`headline`, `recap_lines` ...)
are the same on the summary screen and after `backcare run`, kept on the
ground floor so the CLI prints exactly what the screen showed and the words
are tested without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .completion import MIN_RECORDED_SECONDS, Completion, completion_of, worth_recording
from .durations import format_length
from .text import clean_line, plural

if TYPE_CHECKING:
    # Types only: the history and the stats read summaries without the player engine.
    from .model import Routine
    from .player import Player

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
    import hashlib  # not needed to read (`list`, `show` start faster without it)

    from .writer import dumps_routine  # the writer and the model are not needed to read

    return hashlib.sha256(dumps_routine(routine).encode("utf-8")).hexdigest()[:16]


def path_text(path: Path | None) -> str | None:
    return str(path) if path is not None else None


SAFETY_LINE = "Stop on sharp pain, and see a professional for pain that lasts."


def summarize(
    player: Player,
    routine: Routine,
    path: Path | None,
    started_at: datetime,
    started_clock: float,
) -> SessionSummary:
    """The record of a session that has ended; times come from the engine, not from now().

    `started_at` is the wall-clock start and `started_clock` the engine clock
    at that moment, so the end is placed by the engine's own deadline.
    """
    ended_clock = player.ended_at
    if ended_clock is None:
        ended_clock = player.clock.now()
    return SessionSummary(
        routine_name=routine.name,
        routine_path=path_text(path),
        routine_hash=routine_hash(routine),
        started_at=started_at,
        ended_at=started_at + timedelta(seconds=max(0.0, ended_clock - started_clock)),
        planned_seconds=player.planned,
        actual_seconds=player.elapsed,
        steps_done=player.steps_done,
        steps_skipped=player.steps_skipped,
        steps_total=len(player.timeline.steps),
        finished=player.finished,
    )


TITLES = {
    Completion.COMPLETED: "Session finished",
    Completion.PARTIAL: "Session skipped through",
    Completion.STOPPED: "Session stopped",
}
"""The summary screen's title for each way a session can end."""


def headline(summary: SessionSummary) -> str:
    """`Desk break: finished in 4m 44s.`"""
    played = format_length(round(summary.actual_seconds))
    name = clean_line(summary.routine_name)
    if summary.completion is Completion.COMPLETED:
        return f"{name}: finished in {played}."
    if summary.completion is Completion.PARTIAL:
        return f"{name}: reached the end by skipping, {played} played."
    return f"{name}: stopped after {played}."


def record_line(summary: SessionSummary) -> str | None:
    """Why a session is not in the history, or None when it is."""
    if worth_recording(summary.actual_seconds):
        return None
    return f"Under {MIN_RECORDED_SECONDS:g}s played: not kept in the history."


def steps_line(summary: SessionSummary) -> str:
    """`5 of 7 steps done, 2 skipped.`"""
    line = f"{summary.steps_done} of {plural(summary.steps_total, 'step')} done"
    if summary.steps_skipped:
        line += f", {summary.steps_skipped} skipped"
    return line + "."


def encouragement(summary: SessionSummary) -> str:
    """A kind word that fits what happened; fixed, not random, so it reads the same in tests."""
    if summary.completed and not summary.steps_skipped:
        return "Well done. A few minutes like this on most days is what helps a back."
    if summary.completed:
        return "Done. Leaving out what does not feel right today is the right call."
    if summary.finished:
        return "Most of it was skipped, so it does not count toward your goal this time."
    if summary.steps_done:
        return "A short session still counts. Every bit of movement helps."
    return "No harm in stopping early. Come back when it suits you."


def recap_lines(summary: SessionSummary) -> list[str]:
    """What `backcare run` prints after the terminal is restored."""
    lines = [headline(summary), steps_line(summary), encouragement(summary)]
    note = record_line(summary)
    return [*lines, note] if note else lines
