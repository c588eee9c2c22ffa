"""The step a phase gets the person ready for: the lead-in's own step, or the step after
a rest. The player screen says "get ready" for it, and its lead-in cue shows (core/cues.py)."""

from __future__ import annotations

from .timeline import Phase, PhaseKind, StepSpan, Timeline


def getting_ready_for(timeline: Timeline, phase: Phase) -> StepSpan | None:
    """The step a rest (or the lead-in) leads into, when it is another step; else None.

    A rest between steps belongs to the step before it, and a rest step is a
    step of its own: either way the person is getting ready for what follows.
    """
    if phase.kind is PhaseKind.PREPARE:
        return timeline.steps[phase.step_index]
    if phase.kind is not PhaseKind.REST:
        return None
    following = phase.index + 1
    if following >= len(timeline.phases):
        return None
    after = timeline.phases[following]
    if after.step_index == phase.step_index:
        return None
    return timeline.steps[after.step_index]
