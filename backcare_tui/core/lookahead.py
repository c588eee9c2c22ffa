"""What the player screen says about what comes next: the step a rest gets you ready
for, the side after a switch, the second half of a long phase, the terminal title."""

from __future__ import annotations

from .cues import HALFWAY_FROM, WORKING_KINDS
from .durations import format_clock
from .getting_ready import getting_ready_for as getting_ready_for
from .text import clean_line
from .timeline import Phase, PhaseKind, RestReason, StepSpan, Timeline


def just_done(timeline: Timeline, phase: Phase) -> StepSpan | None:
    """The step finished before a get-ready rest: the rest's own step, or for a rest step
    (a step of its own) the one before it."""
    if phase.kind is not PhaseKind.REST:
        return None
    span = timeline.steps[phase.step_index]
    if phase.rest_reason is RestReason.STEP:
        return timeline.steps[span.index - 1] if span.index > 0 else None
    return span


def side_after(timeline: Timeline, phase: Phase) -> str | None:
    """The side a switch turns to."""
    following = phase.index + 1
    if following < len(timeline.phases):
        return timeline.phases[following].side
    return None


def past_halfway(phase: Phase, elapsed: float) -> bool:
    """The second half of a work or hold long enough to have a halfway signal."""
    return (
        phase.kind in WORKING_KINDS and phase.length >= HALFWAY_FROM and elapsed >= phase.length / 2
    )


def window_title(phase: Phase, remaining: float, step_name: str, *, paused: bool) -> str:
    """`backcare · HOLD 0:12 · Bird-dog`, for a terminal tab in the background."""
    state = "PAUSED · " if paused else ""
    return (
        f"backcare · {state}{phase.label.upper()} {format_clock(remaining)} · "
        f"{clean_line(step_name)}"
    )
