"""A routine flattened into phases, so its length is known before it starts.

The player only ever walks this list; every rule about sets, sides, reps,
rounds and rests lives here, once.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache

from .breath_cues import breath_cue_lines
from .model import DEFAULT_PREPARE_SECONDS, Breathing, Held, Rest, Routine, Step, Timed
from .phase_lengths import routine_total as routine_total
from .phase_lengths import step_length as step_length


class PhaseKind(StrEnum):
    PREPARE = "prepare"
    WORK = "work"
    HOLD = "hold"
    REST = "rest"
    SWITCH = "switch"
    INHALE = "inhale"
    HOLD_IN = "hold-in"
    EXHALE = "exhale"
    HOLD_OUT = "hold-out"


MOVING_KINDS = frozenset({PhaseKind.INHALE, PhaseKind.EXHALE})
"""Phases in which the breathing shape grows or shrinks; in holds it stands still."""


class RestReason(StrEnum):
    """Why a rest phase is there; NONE for every phase that is not a rest."""

    NONE = ""
    BETWEEN = "between"
    """The routine's rest between two steps."""
    STEP = "step"
    """A rest step of its own."""
    REPS = "reps"
    """Between two holds of a set."""
    SETS = "sets"
    """Between two sets."""


LABELS: dict[PhaseKind, str] = {
    PhaseKind.PREPARE: "Get ready",
    PhaseKind.WORK: "Work",
    PhaseKind.HOLD: "Hold",
    PhaseKind.REST: "Rest",
    PhaseKind.SWITCH: "Switch sides",
    PhaseKind.INHALE: "Breathe in",
    PhaseKind.HOLD_IN: "Hold",
    PhaseKind.EXHALE: "Breathe out",
    PhaseKind.HOLD_OUT: "Hold",
}


@dataclass(frozen=True)
class Phase:
    """One stretch of time with one instruction; numbers are 0 where they do not apply.

    Rests and switches carry the set, rep and side of the work just before
    them, because they belong to it; what comes next is the next phase.
    """

    index: int
    kind: PhaseKind
    step_index: int
    step_name: str
    start: float
    length: float
    set_no: int = 0
    sets: int = 0
    rep_no: int = 0
    reps: int = 0
    side: str | None = None
    cycle_no: int = 0
    cycles: int = 0
    round_no: int = 1
    rounds: int = 1
    cue: str = ""
    rest_reason: RestReason = RestReason.NONE

    @property
    def end(self) -> float:
        return self.start + self.length

    @property
    def label(self) -> str:
        return LABELS[self.kind]

    def parts(self, of: str = "/") -> list[str]:
        """The counters worth saying; "1/1" says nothing, so single counts are left out.

        `of` lets a screen-reader line say "set 1 of 2" where a screen says "1/2".
        """
        parts: list[str] = []
        if self.sets > 1 and self.set_no:
            parts.append(f"set {self.set_no}{of}{self.sets}")
        if self.reps > 1 and self.rep_no:
            parts.append(f"rep {self.rep_no}{of}{self.reps}")
        if self.side:
            parts.append(self.side)
        if self.cycles > 1 and self.cycle_no:
            parts.append(f"cycle {self.cycle_no}{of}{self.cycles}")
        if self.rounds > 1:
            parts.append(f"round {self.round_no}{of}{self.rounds}")
        return parts

    def details(self, sep: str = " · ") -> str:
        return sep.join(self.parts())


@dataclass(frozen=True)
class StepSpan:
    """One played step: a routine step in one round, with the phases it owns.

    The lead-in belongs to the first span and a rest between steps to the
    span before it, so spans tile the timeline with no gaps.
    """

    index: int
    source_index: int
    name: str
    step: Step
    round_no: int
    start: float
    length: float
    first_phase: int
    last_phase: int

    @property
    def end(self) -> float:
        return self.start + self.length


@dataclass(frozen=True)
class Timeline:
    """Immutable, so the preview, the player and the history all see the same plan."""

    routine: Routine
    phases: tuple[Phase, ...]
    steps: tuple[StepSpan, ...]
    total: float

    def phase_at(self, offset: float) -> int:
        """The phase playing `offset` seconds in, clamped to the first and last."""
        if not self.phases:
            raise ValueError("an empty timeline has no phases")
        # bisect_right is at most len(phases), so only the start needs clamping.
        return max(bisect_right(self.phases, offset, key=lambda p: p.start) - 1, 0)


@lru_cache(maxsize=256)
def compile_routine(routine: Routine, default_prepare: float = DEFAULT_PREPARE_SECONDS) -> Timeline:
    """Flatten a routine; steps that last no time at all are left out entirely.

    Cached: routines are frozen and timelines immutable, and home asks for every
    routine's length on each keystroke in its filter (about 1 ms a routine).
    """
    prepare = routine.prepare if routine.prepare is not None else default_prepare
    played: list[tuple[int, Step, int, list[Phase]]] = []
    for round_no in range(1, routine.rounds + 1):
        for source_index, step in enumerate(routine.steps):
            drafts = list(_step_phases(step))
            if drafts:
                played.append((source_index, step, round_no, drafts))

    phases: list[Phase] = []
    spans: list[StepSpan] = []
    offset = 0.0
    for index, (source_index, step, round_no, drafts) in enumerate(played):
        if index == 0 and prepare > 0:
            drafts = [_draft(step, PhaseKind.PREPARE, prepare, cue=lead_in_cue(step)), *drafts]
        if index < len(played) - 1 and routine.rest_between > 0:
            between = _draft(
                step, PhaseKind.REST, routine.rest_between, rest_reason=RestReason.BETWEEN
            )
            drafts = [*drafts, between]
        span_start, first, length = offset, len(phases), 0.0
        for draft in drafts:
            phases.append(
                replace(
                    draft,
                    index=len(phases),
                    step_index=index,
                    start=offset,
                    round_no=round_no,
                    rounds=routine.rounds,
                )
            )
            offset += draft.length
            length += draft.length
        spans.append(
            StepSpan(
                index=index,
                source_index=source_index,
                name=step.name,
                step=step,
                round_no=round_no,
                start=span_start,
                length=length,
                first_phase=first,
                last_phase=len(phases) - 1,
            )
        )
    return Timeline(routine=routine, phases=tuple(phases), steps=tuple(spans), total=offset)


def _step_phases(step: Step) -> Iterator[Phase]:
    return (phase for phase in _action_phases(step) if phase.length > 0)


def _action_phases(step: Step) -> Iterator[Phase]:
    action = step.action
    cue = lead_in_cue(step)
    if isinstance(action, Timed):
        yield _draft(step, PhaseKind.WORK, action.duration, cue=cue)
    elif isinstance(action, Rest):
        yield _draft(step, PhaseKind.REST, action.rest, cue=cue, rest_reason=RestReason.STEP)
    elif isinstance(action, Held):
        yield from _held_phases(step, action, cue)
    elif isinstance(action, Breathing):
        yield from _breathing_phases(step, action)


def _held_phases(step: Step, held: Held, cue: str) -> Iterator[Phase]:
    sets, reps = held.sets, held.reps
    for set_no in range(1, sets + 1):
        for side_no, side in enumerate(held.side_order()):
            if side_no > 0:
                yield _draft(
                    step, PhaseKind.SWITCH, held.switch, cue, side, set_no=set_no, sets=sets
                )
            for rep_no in range(1, reps + 1):
                hold = _draft(
                    step,
                    PhaseKind.HOLD,
                    held.hold,
                    cue,
                    side,
                    set_no=set_no,
                    sets=sets,
                    rep_no=rep_no,
                    reps=reps,
                )
                yield hold
                if rep_no < reps:
                    yield replace(
                        hold,
                        kind=PhaseKind.REST,
                        length=float(held.rest),
                        rest_reason=RestReason.REPS,
                    )
        if set_no < sets:
            yield _draft(
                step,
                PhaseKind.REST,
                held.set_rest,
                cue,
                None,
                RestReason.SETS,
                set_no=set_no,
                sets=sets,
            )


def _breathing_phases(step: Step, breathing: Breathing) -> Iterator[Phase]:
    """Each breath's phases; a phase's cue is its own (in, out) or the step's for that breath."""
    pattern, cycles = breathing.pattern, breathing.total_cycles
    parts = (
        (PhaseKind.INHALE, pattern.inhale, breathing.inhale_cue),
        (PhaseKind.HOLD_IN, pattern.hold, ""),
        (PhaseKind.EXHALE, pattern.exhale, breathing.exhale_cue),
        (PhaseKind.HOLD_OUT, pattern.hold_out, ""),
    )
    played = [
        (cycle_no, kind, length, own)
        for cycle_no in range(1, cycles + 1)
        for kind, length, own in parts
        if length > 0
    ]
    step_cues = breath_cue_lines(step, [(cycle_no, length) for cycle_no, _, length, _ in played])
    for (cycle_no, kind, length, own), step_cue in zip(played, step_cues, strict=True):
        yield _draft(step, kind, length, own or step_cue, cycle_no=cycle_no, cycles=cycles)


def _draft(
    step: Step,
    kind: PhaseKind,
    length: float,
    cue: str = "",
    side: str | None = None,
    rest_reason: RestReason = RestReason.NONE,
    *,
    set_no: int = 0,
    sets: int = 0,
    rep_no: int = 0,
    reps: int = 0,
    cycle_no: int = 0,
    cycles: int = 0,
) -> Phase:
    """A phase before it has a place; compile_routine fills in index, step and start."""
    return Phase(
        index=0,
        kind=kind,
        step_index=0,
        step_name=step.name,
        start=0.0,
        length=float(length),
        set_no=set_no,
        sets=sets,
        rep_no=rep_no,
        reps=reps,
        side=side,
        cycle_no=cycle_no,
        cycles=cycles,
        cue=cue,
        rest_reason=rest_reason,
    )


def lead_in_cue(step: Step) -> str:
    """The cue a step opens with and the lead-in to it shows: its first plain cue, "" when it
    has none. A cue with `at` belongs to its point of the work, never to the lead-in."""
    return next(
        (text for text, at in zip(step.cues, step.cue_times(), strict=False) if at is None), ""
    )
