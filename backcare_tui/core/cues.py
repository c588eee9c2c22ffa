"""Which cue belongs at which moment: a sound, words to speak, or both.

Everything here is planned from the compiled timeline and the engine's
events, so the screen, `run --plain` and the tests all hear the same thing.
A phase's start brings its cue; inside a phase, marks (a step's cues as
they appear, "halfway") fire when the phase's own elapsed time reaches
them, so pauses and extensions move them along; the last three seconds
come from the engine's countdown. When time jumps past several moments at
once (a stall, a skip) only the newest is played: old news is noise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from .getting_ready import getting_ready_for
from .model import SOUND_SWITCHES, Routine, Step
from .player import (
    COUNTDOWN_FROM,
    COUNTDOWN_KINDS,
    CountdownTick,
    Event,
    Finished,
    PhaseStarted,
    Player,
    StepStarted,
)
from .settings import Settings
from .synth import CueSound
from .timeline import Phase, PhaseKind, RestReason, Timeline, lead_in_cue

BREATH_KINDS = frozenset(
    {PhaseKind.INHALE, PhaseKind.HOLD_IN, PhaseKind.EXHALE, PhaseKind.HOLD_OUT}
)
WORKING_KINDS = frozenset({PhaseKind.WORK, PhaseKind.HOLD})
HALFWAY_FROM = 20.0
"""Works and holds this long or longer get a halfway signal."""
SPOKEN_COUNT_OVER = 10.0
"""Works and holds longer than this get "3, 2, 1" spoken."""
FINISHED_WORDS = "Well done. Session complete."
SLACK = 0.001

PRIORITY = (
    CueSound.FINISHED,
    CueSound.SWITCH,
    CueSound.WORK,
    CueSound.REST,
    CueSound.HALFWAY,
    CueSound.TICK,
    CueSound.INHALE,
    CueSound.EXHALE,
)
"""When two sounds fall on one moment, the first of these is played."""


@dataclass(frozen=True)
class CueSwitches:
    """Which cues sound and whether words are spoken; from the settings and the routine."""

    phases: bool = True
    countdown: bool = True
    halfway: bool = True
    breathing: bool = False
    finished: bool = True
    voice: bool = False
    speak_cues: bool = False

    @classmethod
    def from_settings(cls, settings: Settings, routine: Routine | None = None) -> CueSwitches:
        switches = cls(
            phases=settings.cue_phases,
            countdown=settings.cue_countdown,
            halfway=settings.cue_halfway,
            breathing=settings.cue_breathing,
            finished=settings.cue_finished,
            voice=settings.voice,
            speak_cues=settings.speak_cues,
        )
        if routine is not None and routine.sound is not None:
            own = {
                name: on
                for name in SOUND_SWITCHES
                if (on := getattr(routine.sound, name)) is not None
            }
            switches = replace(switches, **own)
        return switches


@dataclass(frozen=True)
class Cue:
    sound: CueSound | None = None
    words: str = ""

    def __bool__(self) -> bool:
        return self.sound is not None or bool(self.words)


@dataclass(frozen=True)
class Mark:
    """A moment inside a phase, `at` seconds after it starts; `text` is the cue shown from then."""

    at: float
    cue: Cue
    text: str | None = None


def spoken_name(step: Step) -> str:
    return step.say or step.name


def merge(cues: Iterable[Cue]) -> Cue:
    """One cue for one moment: the most important sound, the words in order."""
    listed = [cue for cue in cues if cue]
    sounds = [cue.sound for cue in listed if cue.sound is not None]
    sound = min(sounds, key=PRIORITY.index) if sounds else None
    words = ". ".join(cue.words.rstrip(". ") for cue in listed if cue.words)
    return Cue(sound, words)


def phase_cue(timeline: Timeline, phase: Phase, switches: CueSwitches, *, new_step: bool) -> Cue:
    """What a phase's start sounds like; `new_step` when the step begins with it."""
    span = timeline.steps[phase.step_index]
    first_breath = phase.kind is PhaseKind.INHALE and phase.cycle_no <= 1
    sound: CueSound | None = None
    if phase.kind in BREATH_KINDS:
        if switches.breathing and phase.kind in (PhaseKind.INHALE, PhaseKind.EXHALE):
            sound = CueSound.INHALE if phase.kind is PhaseKind.INHALE else CueSound.EXHALE
        elif first_breath and switches.phases:
            sound = CueSound.WORK
    elif switches.phases:
        sound = {
            PhaseKind.PREPARE: CueSound.REST,
            PhaseKind.WORK: CueSound.WORK,
            PhaseKind.HOLD: CueSound.WORK,
            PhaseKind.REST: CueSound.REST,
            PhaseKind.SWITCH: CueSound.SWITCH,
        }.get(phase.kind)
    if not switches.voice:
        return Cue(sound)
    words: list[str] = []
    name = spoken_name(span.step)
    if phase.kind is PhaseKind.PREPARE:
        words += ["Get ready", name]
    elif new_step and phase.rest_reason is not RestReason.STEP:
        words.append(name)
    if phase.kind is PhaseKind.HOLD and phase.side and phase.rep_no <= 1:
        words.append(f"{phase.side.capitalize()} side")
    elif phase.kind is PhaseKind.SWITCH:
        words.append("Switch sides")
    elif phase.kind is PhaseKind.REST:
        words.append(rest_words(timeline, phase))
    elif switches.breathing and phase.kind in BREATH_KINDS:
        words.append({PhaseKind.INHALE: "In", PhaseKind.EXHALE: "Out"}.get(phase.kind, "Hold"))
    return Cue(sound, ". ".join(words))


def rest_words(timeline: Timeline, phase: Phase) -> str:
    """ "Rest, next: Dead bug" when the rest leads to another step; "Rest" inside one."""
    following = phase.index + 1
    if following < len(timeline.phases):
        after = timeline.phases[following]
        if after.step_index != phase.step_index:
            return f"Rest, next: {spoken_name(timeline.steps[after.step_index].step)}"
    return "Rest"


def countdown_cue(phase: Phase, seconds_left: int, switches: CueSwitches) -> Cue:
    if not switches.countdown or phase.kind not in COUNTDOWN_KINDS:
        return Cue()
    spoken = (
        switches.voice
        and phase.kind in WORKING_KINDS
        and phase.length > SPOKEN_COUNT_OVER
        and 1 <= seconds_left <= COUNTDOWN_FROM
    )
    return Cue(CueSound.TICK, str(seconds_left) if spoken else "")


def finished_cue(switches: CueSwitches) -> Cue:
    return Cue(
        CueSound.FINISHED if switches.finished else None,
        FINISHED_WORDS if switches.voice else "",
    )


def cue_schedule(timeline: Timeline, phase: Phase) -> tuple[tuple[float, str], ...]:
    """The step's cue lines inside this phase, as (seconds in, text), in order.

    A timed step spreads its cues evenly over its length; a held step shows
    one per hold, in turn. A cue with `at` appears at that point of every
    work or hold. A breath phase shows the one cue the timeline gave it, from
    its start: its own inhale or exhale cue, else the step's cue for that
    breath (core/breath_cues.py). The lead-in, and a rest before another
    step, show the lead-in cue of the step they get ready for: its first
    plain cue, never a timed one (timeline.lead_in_cue).
    """
    ready = getting_ready_for(timeline, phase)
    if ready is not None:
        text = lead_in_cue(ready.step)
        return ((0.0, text),) if text else ()
    span = timeline.steps[phase.step_index]
    step = span.step
    if phase.kind in BREATH_KINDS or not step.cues:
        return ((0.0, phase.cue),) if phase.cue else ()
    pairs = list(zip(step.cues, step.cue_times(), strict=False))
    free = [text for text, at in pairs if at is None]
    spread: list[tuple[float, str]] = []
    if phase.kind is PhaseKind.WORK:
        spread = [(phase.length * i / len(free), text) for i, text in enumerate(free)]
    elif free:
        worked = sum(
            1
            for p in timeline.phases[span.first_phase : phase.index + 1]
            if p.kind in WORKING_KINDS
        )
        spread = [(0.0, free[max(worked - 1, 0) % len(free)])]
    timed: list[tuple[float, str]] = []
    if phase.kind in WORKING_KINDS:
        timed = [(at.seconds(phase.length), text) for text, at in pairs if at is not None]
    return tuple(sorted(spread + timed, key=lambda pair: pair[0]))


def cue_text(timeline: Timeline, phase: Phase, elapsed: float) -> str:
    """The cue line to show `elapsed` seconds into `phase`."""
    return cue_since(timeline, phase, elapsed)[1]


def cue_since(timeline: Timeline, phase: Phase, elapsed: float) -> tuple[float, str]:
    """The cue line shown `elapsed` seconds into `phase`, and the seconds in it appeared."""
    shown = (0.0, "")
    for at, text in cue_schedule(timeline, phase):
        if at <= elapsed + SLACK:
            shown = (at, text)
    return shown


def next_cue_in(timeline: Timeline, phase: Phase, elapsed: float) -> float | None:
    """Seconds from `elapsed` until the next cue line of this phase appears; None when no
    other comes. `run --plain` wakes then to print it."""
    later = [at - elapsed for at, _text in cue_schedule(timeline, phase) if at > elapsed + SLACK]
    return min(later) if later else None


def phase_marks(timeline: Timeline, phase: Phase, switches: CueSwitches) -> tuple[Mark, ...]:
    marks: list[Mark] = []
    speak = switches.voice and switches.speak_cues
    for at, text in cue_schedule(timeline, phase):
        marks.append(Mark(at, Cue(words=text if speak else ""), text))
    if phase.kind in WORKING_KINDS and phase.length >= HALFWAY_FROM and switches.halfway:
        words = "Halfway" if switches.voice else ""
        marks.append(Mark(phase.length / 2, Cue(CueSound.HALFWAY, words)))
    return tuple(sorted(marks, key=lambda mark: (mark.at, mark.text is not None)))


class Guide:
    """Turns the engine's events and the phase's own time into cues, each exactly once.

    Call `react(player.update(), player)` whenever the player is looked at and
    wake the caller again after `until_next(player)` seconds at the latest.
    """

    def __init__(self, timeline: Timeline, switches: CueSwitches) -> None:
        self.timeline = timeline
        self.switches = switches
        self._phase = -1
        self._marks: tuple[Mark, ...] = ()
        self._fired = 0
        self._shown = ""
        """The cue line as it stands: a cue is spoken as it appears, not again while it stays."""

    def react(self, events: Iterable[Event], player: Player) -> Cue:
        """The cue for this moment (empty when nothing is due)."""
        new_step = False
        start: Cue | None = None
        tick: Cue | None = None
        for event in events:
            if isinstance(event, StepStarted):
                new_step = True
            elif isinstance(event, PhaseStarted):
                start = phase_cue(self.timeline, event.phase, self.switches, new_step=new_step)
                new_step, tick = False, None
                self._enter(event.phase)
            elif isinstance(event, CountdownTick):
                tick = countdown_cue(player.phase, event.seconds_left, self.switches)
            elif isinstance(event, Finished):
                self._phase, self._marks, self._shown = -1, (), ""
                return finished_cue(self.switches)
        if player.finished or player.stopped or not player.started:
            return Cue()
        return merge([start or Cue(), self._due_mark(player), tick or Cue()])

    def until_next(self, player: Player) -> float | None:
        """Seconds until the next cue inside this phase (a mark or a countdown second)."""
        if not player.started or player.paused or player.finished or player.stopped:
            return None
        waits: list[float] = []
        elapsed = player.phase_elapsed
        if player.phase_index == self._phase and self._fired < len(self._marks):
            waits.append(self._marks[self._fired].at - elapsed)
        left = player.phase_remaining
        if player.phase.kind in COUNTDOWN_KINDS:
            later = [left - n for n in range(COUNTDOWN_FROM, 0, -1) if left - n > 0]
            if later:
                waits.append(later[0])
        waits.append(left)
        return max(min(waits), 0.0) + SLACK

    def current_text(self, player: Player) -> str:
        return cue_text(self.timeline, player.phase, player.phase_elapsed)

    def _enter(self, phase: Phase) -> None:
        self._phase = phase.index
        self._marks = phase_marks(self.timeline, phase, self.switches)
        self._fired = 0
        if not any(mark.text is not None and mark.at <= SLACK for mark in self._marks):
            self._shown = ""  # the phase opens with an empty cue line

    def _due_mark(self, player: Player) -> Cue:
        if player.phase_index != self._phase:
            return Cue()
        elapsed = player.phase_elapsed
        due: list[Mark] = []
        while self._fired < len(self._marks) and self._marks[self._fired].at <= elapsed + SLACK:
            due.append(self._marks[self._fired])
            self._fired += 1
        if not due:
            return Cue()
        heard = [self._heard(mark) for mark in due]
        # Several at once after a stall: the newest moment's words, the most important sound.
        newest = [
            cue for mark, cue in zip(due, heard, strict=True) if mark.at >= due[-1].at - SLACK
        ]
        return Cue(merge(heard).sound, merge(newest).words)

    def _heard(self, mark: Mark) -> Cue:
        """A cue line's words are said when it appears, not again when the same words follow
        (the next breath phase, the rest after a hold, the hold after a get-ready rest)."""
        if mark.text is None:
            return mark.cue
        again = mark.text == self._shown
        self._shown = mark.text
        return replace(mark.cue, words="") if again else mark.cue
