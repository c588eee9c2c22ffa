"""What the player says: the phase band, the counters, what comes next.

Plain functions of the timeline and the engine's answers, so the screen only
places them and tests can read them without a running app.
"""

from __future__ import annotations

from ..core.cues import cue_text
from ..core.durations import format_length
from ..core.lookahead import getting_ready_for, past_halfway
from ..core.player import Player
from ..core.redraw import shown_countdown
from ..core.text import clean_line
from ..core.timeline import Phase, PhaseKind, RestReason, StepSpan, Timeline

BREATH_KINDS = frozenset(
    {PhaseKind.INHALE, PhaseKind.HOLD_IN, PhaseKind.EXHALE, PhaseKind.HOLD_OUT}
)
KIND_CLASS: dict[PhaseKind, str] = {
    PhaseKind.PREPARE: "prepare",
    PhaseKind.WORK: "work",
    PhaseKind.HOLD: "hold",
    PhaseKind.REST: "rest",
    PhaseKind.SWITCH: "switch",
    **{kind: "breathing" for kind in BREATH_KINDS},
}
"""One CSS class per kind of phase; the colours live in backcare.tcss."""


def counters_text(phase: Phase) -> str:
    """ "Set 1/2 · Rep 2/5 · Left": the counters worth saying, capitalised for the screen.

    A rest carries the counters of the hold before it, so it says "After rep 1/5".
    """
    parts = phase.parts()
    shown = [part[:1].upper() + part[1:] for part in parts]
    if (
        parts
        and phase.kind is PhaseKind.REST
        and phase.rest_reason in (RestReason.REPS, RestReason.SETS)
    ):
        return " · ".join([f"After {parts[0]}", *shown[1:]])
    return " · ".join(shown)


def current_cue(timeline: Timeline, phase: Phase) -> str:
    """The cue a phase opens with; later ones follow as the phase goes on (core.cues)."""
    return cue_text(timeline, phase, 0.0)


def next_text(phase: Phase | None, following_step: StepSpan | None, current: Phase) -> str:
    """What comes after this phase, said the way a coach would say it."""
    if phase is None:
        return "Next: the end. Nearly there."
    if phase.step_index != current.step_index and following_step is not None:
        return f"Next: {clean_line(following_step.name)}"
    details = "" if phase.kind is PhaseKind.REST else counters_text(phase)
    text = f"Next: {phase.label} {format_length(phase.length)}"
    return f"{text} · {details}" if details else text


def headline(timeline: Timeline, phase: Phase) -> str:
    """The step being got ready for, when this phase is its lead-in; else empty."""
    ready = getting_ready_for(timeline, phase)
    return ready.name if ready else ""


def band_text(player: Player, phase: Phase, paused: bool) -> str:
    """The phase band: "HOLD", "Get ready: Dead bug", "WORK · SECOND HALF", "PAUSED · ..."."""
    ready = getting_ready_for(player.timeline, phase)
    if ready is not None:
        word = f"Get ready: {clean_line(ready.name)}"
    else:
        word = phase.label.upper()
        if past_halfway(phase, player.phase_elapsed):
            word += " · SECOND HALF"
        elif phase.kind in BREATH_KINDS:
            word += f" · {shown_countdown(player.phase_remaining)}"
    return f"PAUSED · {word} · space to resume" if paused else word
