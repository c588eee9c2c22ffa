"""`run --plain`: a session as one line per phase, for screen readers, pipes and logs.

Plain text only (no Rich, no Textual), so it starts like a script and reads
well aloud. The engine never sleeps; this loop sleeps until the next
deadline and asks the engine what happened, so lateness never adds up.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from ..core.clock import Clock, MonotonicClock
from ..core.cues import cue_since, cue_text, next_cue_in
from ..core.durations import format_length
from ..core.player import Finished, Paused, PhaseStarted, Player, Resumed, StepStarted
from ..core.text import clean_line, plural
from ..core.timeline import Phase, RestReason, Timeline
from .plain_keys import CONTINUED, KEYS_LINE, KeySource, keys_of, sleeping_keys

if TYPE_CHECKING:
    from ..core.cues import Guide
    from ..core.model import Step
    from ..sound import Sound


def run_plain(
    timeline: Timeline,
    title: str,
    out: TextIO,
    clock: Clock | None = None,
    sleep: Callable[[float], None] | None = None,
    on_end: Callable[[Player], None] | None = None,
    cues: tuple[Guide, Sound] | None = None,
    keys: KeySource | None = None,
) -> int:
    """Play in real time; 0 when the session finishes, 1 when stopped (q, Ctrl+C).

    `on_end` sees the player once the session is over, however it ended (the
    history record). `cues` plays the same sounds and words as the app.
    `keys` is the keyboard (plain_keys.py); without it the session only waits,
    with `sleep`.
    """
    player = Player(timeline, clock or MonotonicClock())
    interactive = keys is not None
    source = keys if keys is not None else sleeping_keys(sleep or time.sleep)
    try:
        return _play(player, timeline, title, out, source, cues, interactive=interactive)
    finally:
        if cues is not None:
            cues[1].close(hush=player.stopped)
        if on_end is not None and player.started:
            on_end(player)


def _play(
    player: Player,
    timeline: Timeline,
    title: str,
    out: TextIO,
    keys: KeySource,
    cues: tuple[Guide, Sound] | None,
    *,
    interactive: bool,
) -> int:
    try:
        _say(out, header_line(timeline, title, interactive=interactive))
        player.start()
        shown = (-1, "")  # the phase whose cue was printed last, and that cue
        while True:
            events = player.update()
            if cues is not None:
                cues[1].play(cues[0].react(events, player))
            starting: set[int] = set()
            for event in events:
                if isinstance(event, StepStarted):
                    starting.add(event.step.index)
                elif isinstance(event, PhaseStarted):
                    _say(out, phase_line(event.phase, timeline))
                    shown = (event.phase.index, cue_text(timeline, event.phase, 0.0))
                    span = timeline.steps[event.phase.step_index]
                    if span.index in starting and (words := instructions_line(span.step)):
                        _say(out, words)
                    starting.discard(span.index)
                elif isinstance(event, Paused):
                    _say(out, paused_line(player, unseen=event.unseen))
                elif isinstance(event, Resumed):
                    _say(out, "Resumed.")
                elif isinstance(event, Finished):
                    _say(out, summary_line(player))
                    return 0
            if (line := later_cue_line(player, timeline, shown)) is not None:
                _say(out, line)
                shown = (player.phase_index, cue_text(timeline, player.phase, player.phase_elapsed))
            typed = keys(_timeout(player, cues, interactive=interactive))
            if typed is CONTINUED:
                # Back from a stop: the time away was nobody's session time.
                if not player.paused:
                    player.note_stop()
            elif typed is not None and _press(player, typed):
                _say(out, summary_line(player))
                return 1
    except KeyboardInterrupt:
        player.stop()
        _say(out, summary_line(player))
        return 0 if player.finished else 1
    except BrokenPipeError:
        # The reader went away (`| head`); nobody is left to tell.
        player.stop()
        return 1


SLACK = 0.001
"""A cue is looked for this long after its moment, so sums of floats do not wake the loop early."""

LOOK_EVERY = 1.0
"""With a keyboard, the session is looked at at least this often (seconds), so a
stop of the process (Ctrl+Z, SIGSTOP) comes back paused within this of where it was."""


def _timeout(
    player: Player, cues: tuple[Guide, Sound] | None, *, interactive: bool = False
) -> float | None:
    """How long to wait for a key: to the next deadline or cue, or for ever while paused."""
    if player.paused:
        return None
    wait = player.phase_remaining
    if interactive:
        wait = min(wait, LOOK_EVERY)
    due = cues[0].until_next(player) if cues is not None else None
    wait = wait if due is None else min(wait, due)
    # Without sounds, a cue line that appears inside the phase still wakes the loop.
    cue_due = next_cue_in(player.timeline, player.phase, player.phase_elapsed)
    return wait if cue_due is None else min(wait, cue_due + SLACK)


def _press(player: Player, typed: str) -> bool:
    """Do what the keys say, as the player screen would; True when `q` stopped the session."""
    for key in keys_of(typed):
        if key == " ":
            player.toggle_pause()
        elif key == "n":
            player.skip_phase()
        elif key == "N":
            player.skip_step()
        elif key == "p":
            player.back()
        elif key == "q":
            player.stop()
            return True
    return False


def header_line(timeline: Timeline, title: str, *, interactive: bool = False) -> str:
    stop = KEYS_LINE if interactive else "Press Ctrl+C to stop."
    return (
        f"{clean_line(title)}: {format_length(timeline.total)}, "
        f"{plural(len(timeline.steps), 'step')}. {stop}"
    )


def instructions_line(step: Step) -> str:
    """`  How: Lie on your back...`, said once as the step starts; "" when it has none."""
    words = clean_line(" ".join(step.instructions.split()))
    return f"  How: {words}" if words else ""


def phase_line(phase: Phase, timeline: Timeline) -> str:
    """`[0:05] Plank - hold 30s - set 1 of 2, left - Keep your hips level`.

    "1 of 2" rather than "1/2", which screen readers may read as a half. A rest
    between steps belongs to the step before, so it names the step to come.
    """
    length = format_length(phase.length)
    if phase.rest_reason is RestReason.BETWEEN:
        parts = [f"rest {length}"]
        following = phase.step_index + 1
        if following < len(timeline.steps):
            parts.append(f"next: {timeline.steps[following].name}")
    else:
        parts = [phase.step_name, f"{phase.label.lower()} {length}"]
    details = ", ".join(phase.parts(of=" of "))
    cue = cue_text(timeline, phase, 0.0)
    parts += [text for text in (details, cue) if text]
    return clean_line(f"[{_stamp(phase.start)}] " + " - ".join(parts))


def later_cue_line(player: Player, timeline: Timeline, shown: tuple[int, str]) -> str | None:
    """`[0:35] Hip circles - Reverse direction`: a cue that appeared inside the playing phase
    (spread over a timed step, or at its `at`), stamped where it sits in the plan; None when
    the cue line is still the one printed."""
    if player.finished or player.stopped or not player.started:
        return None
    phase = player.phase
    at, text = cue_since(timeline, phase, player.phase_elapsed)
    if not text or shown == (phase.index, text):
        return None
    return clean_line(f"[{_stamp(phase.start + at)}] {phase.step_name} - {text}")


def paused_line(player: Player, *, unseen: bool = False) -> str:
    """`Paused at 0:12. Press space to resume.`, saying why when the process was stopped."""
    why = ": backcare was stopped" if unseen else ""
    return f"Paused at {_stamp(player.elapsed)}{why}. Press space to resume."


def summary_line(player: Player) -> str:
    """`Stopped after 1m 20s: 3 of 7 steps done.`"""
    verb = "Finished in" if player.finished else "Stopped after"
    played = format_length(round(player.elapsed))
    total = len(player.timeline.steps)
    return f"{verb} {played}: {player.steps_done} of {plural(total, 'step')} done."


def _say(out: TextIO, line: str) -> None:
    out.write(line + "\n")
    out.flush()


def _stamp(seconds: float) -> str:
    """Where the phase sits in the plan, to the nearest second (sums of floats may fall short)."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
