"""The exercise player: what to do now, for how long, and what comes next.

A `Screen[SessionSummary]`: however a session ends (played to the end,
stopped after asking, the app quitting under it) the screen concludes it
once into a summary and hands that to the session keeper, which stores it at
once; the app's callback then chooses what follows.

The screen keeps no time of its own. `sync()` asks the engine what happened
since the last look, rings and speaks for those events, redraws from the
engine's answers and sleeps until the engine says the picture changes next
(`core.redraw.next_redraw`); while paused it does not wake at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Label, Static

from ..core.breathing_session import INSTRUCTIONS, STILL_INSTRUCTIONS
from ..core.cues import CueSwitches, Guide, cue_text
from ..core.durations import format_clock, format_length
from ..core.lookahead import getting_ready_for, just_done, past_halfway, side_after, window_title
from ..core.model import Routine
from ..core.player import Finished, Paused, Player, Stopped
from ..core.redraw import next_redraw, shown_countdown
from ..core.session_summary import SessionSummary, summarize
from ..core.text import clean_line, clean_text
from ..core.timeline import (
    Phase,
    PhaseKind,
    RestReason,
    StepSpan,
    Timeline,
    compile_routine,
)
from ..sound import Sound
from ..terminal_title import TerminalTitle
from ..widgets.big_clock import BigClock
from ..widgets.keys_footer import KeysFooter
from ..widgets.pacer import Pacer
from ..widgets.session_progress import SessionProgress
from ..widgets.session_steps import SessionSteps
from ..widgets.side_band import SideBand
from .confirm import ConfirmScreen
from .frame_timer import FrameTimer

if TYPE_CHECKING:
    from ..app import BackcareApp

FPS = 30.0
EXTEND_SECONDS = 10.0

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


class PlayerScreen(Screen[SessionSummary]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "pause", "Pause", id="player.pause", tooltip="Pause the session"),
        Binding("space", "resume", "Resume", id="player.resume", tooltip="Carry on"),
        Binding(
            "n,right",
            "next_phase",
            "Next",
            key_display="n/→",
            id="player.next",
            tooltip="Skip to the next phase",
        ),
        Binding(
            "N,shift+right",
            "next_step",
            "Skip step",
            key_display="N/⇧→",
            id="player.skip_step",
            tooltip="Skip the rest of this step",
        ),
        Binding(
            "p,left",
            "back",
            "Back",
            key_display="p/←",
            id="player.back",
            tooltip="Back to the start of this step, or the step before",
        ),
        Binding("r", "restart_step", "Restart", id="player.restart", tooltip="Restart this step"),
        Binding(
            "plus",
            "extend",
            "+10s",
            key_display="+",
            id="player.extend",
            tooltip="Add 10 seconds to this phase",
        ),
        Binding(
            "m",
            "mute",
            "Mute",
            id="player.mute",
            tooltip="Silence sounds and voice for this session",
        ),
        Binding("m", "unmute", "Unmute", id="player.unmute", tooltip="Sounds and voice back on"),
        Binding("q", "stop", "Stop", id="player.stop", tooltip="Stop the session (asks first)"),
        Binding(
            "ctrl+c",
            "stop",
            "Stop",
            show=False,
            id="player.stop_ctrl_c",
            tooltip="Stop the session (asks first), like q",
        ),
    ]
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (declared so in Screen)
        (0, "-narrow"),
        (70, "-medium"),
        (100, "-wide"),
    ]

    def __init__(
        self,
        routine: Routine,
        path: Path | None = None,
        *,
        pain_before: int | None = None,
        trial: bool = False,
        stall_after: float | None = None,
    ) -> None:
        super().__init__()
        self.routine = routine
        self.path = path
        self.pain_before = pain_before
        self.trial = trial
        """Try it from the editor: played like any session, never recorded."""
        self.stall_after = stall_after
        self.player: Player | None = None
        self.sound: Sound | None = None
        self.guide: Guide | None = None
        self._title: TerminalTitle | None = None
        self.summary: SessionSummary | None = None
        """Set once, when the session is concluded."""
        self._overlay_paused = False
        """Paused because help or the palette covered the screen; resume when it closes."""
        self.frames: FrameTimer | None = None
        """The one pending wake-up (the next frame), from mount on."""
        self._started_at = datetime.now(UTC)
        self._started_clock = 0.0
        self._shown: dict[str, str] = {}
        self._look: tuple[int, bool] | None = None
        """The phase and pause state the words on screen were drawn for."""
        self._phase_word: Label
        self._clock: BigClock
        self._pacer: Pacer
        self._steps: SessionSteps
        self._progress: SessionProgress

    @property
    def backcare(self) -> BackcareApp:
        return cast("BackcareApp", self.app)

    def compose(self) -> ComposeResult:
        ascii_only = self.backcare.settings.ascii
        with Horizontal(id="player-top"):
            yield Label(Text(clean_line(self.routine.name)), id="player-routine")
            yield Label("", id="player-step-count")
        self._phase_word = Label("", id="player-phase")
        self._side = SideBand(ascii_only=ascii_only, id="player-side-band")
        self._clock = BigClock(ascii_only=ascii_only, id="player-clock")
        self._pacer = Pacer(id="player-pacer")
        self._steps = SessionSteps(ascii_only=ascii_only, id="player-steps")
        self._progress = SessionProgress(ascii_only=ascii_only, id="player-progress")
        with Horizontal(id="player-body"):
            with Vertical(id="player-now"):
                yield self._phase_word
                yield self._side
                yield self._clock
                yield self._pacer
                yield Label("", id="player-step")
                yield Label("", id="player-counters")
                yield Label("", id="player-cue")
                yield Label("", id="player-next")
                yield Label("", id="player-done")
            with Vertical(id="player-side"):
                yield self._steps
                yield Label("How to", id="player-how-title")
                yield Static("", id="player-instructions")
        yield self._progress
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        app = self.backcare
        timeline = compile_routine(self.routine, app.settings.prepare_seconds)
        self.player = Player(timeline, app.clock, stall_after=self.stall_after)
        self.guide = Guide(timeline, CueSwitches.from_settings(app.settings, self.routine))
        self.sound = Sound(app.settings, app.bell, on_problem=self._sound_problem)
        self.sound.prepare()
        self._started_at = datetime.now(UTC)
        self._started_clock = app.clock.now()
        self.player.start()
        self._title = TerminalTitle(self._write_to_terminal)
        self.frames = FrameTimer(app, self.sync)
        app.app_suspend_signal.subscribe(self, self._process_suspending)
        app.app_resume_signal.subscribe(self, self._process_resumed)
        self.sync()

    def on_unmount(self) -> None:
        self._cancel_timer()
        # Leaving without an end (the app quit under it): still a session that happened.
        self.conclude(leaving=True)
        if self._title is not None:
            self._title.restore()
        if self.sound is not None:
            self.sound.close(hush=self.player is not None and self.player.stopped)

    @property
    def in_progress(self) -> bool:
        """Started and not yet concluded: quitting now would cut a session short."""
        player = self.player
        return player is not None and player.started and self.summary is None

    def conclude(self, *, leaving: bool = False) -> SessionSummary | None:
        """End the session where it is, once, and have it kept; later calls do nothing.

        The summary reaches the session keeper here, synchronously, before anything
        can close the app; `leaving` says the app is on its way out, so a
        failure is printed after it rather than shown.
        """
        player = self.player
        if player is None or self.summary is not None:
            return None
        player.stop()
        self._cancel_timer()
        summary = summarize(player, self.routine, self.path, self._started_at, self._started_clock)
        summary = replace(summary, pain_before=self.pain_before)
        self.summary = summary
        if not self.trial:
            self.backcare.session_keeper.keep(summary, leaving=leaving)
        return summary

    # the heartbeat

    def sync(self) -> None:
        """Catch up with the engine, react to what happened, redraw, and book the next look."""
        self._cancel_timer()
        player, sound = self.player, self.sound
        if player is None or sound is None or self.summary is not None:
            return
        assert self.guide is not None
        events = player.update()
        ended = any(isinstance(event, Finished | Stopped) for event in events)
        unseen = any(isinstance(event, Paused) and event.unseen for event in events)
        sound.play(self.guide.react(events, player))
        if ended:
            self._end()
            return
        if unseen:
            self.refresh_bindings()
            self.notify(
                "Paused where you left off: backcare was stopped for a while. Space carries on.",
                title="Paused",
                timeout=8,
            )
        self.redraw()
        animate = not self.backcare.settings.reduced_motion and (self.app.animation_level != "none")
        shape = self._pacer.until_next_change() if self._pacer.display else None
        delay = next_redraw(player, FPS, animate=animate, shape_change=shape)
        cue_due = self.guide.until_next(player)
        if cue_due is not None:
            delay = cue_due if delay is None else min(delay, cue_due)
        if delay is not None and self.frames is not None:
            self.frames.book(delay)

    def _sound_problem(self, message: str) -> None:
        self.notify(message[:1].upper() + message[1:], title="Sound", severity="warning")

    def _cancel_timer(self) -> None:
        if self.frames is not None:
            self.frames.cancel()

    def redraw(self) -> None:
        """Words change with the phase; per frame only the clock, pacer and bar are asked."""
        player = self.player
        if player is None:
            return
        phase, paused = player.phase, player.paused
        look = (phase.index, paused)
        if look != self._look:
            self._look = look
            self._redraw_words(player, phase, paused)
        if phase.kind in BREATH_KINDS:
            # Reduced motion: the breath's own count, big, where the shape would be.
            self._clock.update(str(shown_countdown(player.phase_remaining)))
        else:
            self._clock.update(format_clock(player.phase_remaining))
        self._show_cue(player)
        # The band's size is fixed by the stylesheet: its words change without a new layout.
        self._show("#player-phase", self._band_text(player, phase, paused), layout=False)
        if self._title is not None:
            name = self._headline(player.timeline, phase) or player.step.name
            self._title.show(window_title(phase, player.phase_remaining, name, paused=paused))
        if phase.kind in BREATH_KINDS:
            # Time left is on the progress bar below; the pacer need not repeat it.
            self._pacer.show(phase, player.phase_elapsed, player.phase_length, paused)
        position, remaining = player.position, player.remaining
        whole = position + remaining
        fraction = 1.0 if player.finished else (position / whole if whole > 0 else 0.0)
        self._progress.show(fraction, position, remaining)

    def _redraw_words(self, player: Player, phase: Phase, paused: bool) -> None:
        step, timeline = player.step, player.timeline
        self.set_class(paused, "-paused")
        self.set_class(phase.kind in BREATH_KINDS, "-breathing")
        self._clock.set_class(paused, "-paused")
        kind = KIND_CLASS[phase.kind]
        for name in set(KIND_CLASS.values()):
            self._phase_word.set_class(name == kind, f"-{name}")
        self._show("#player-step-count", f"Step {step.index + 1} of {len(timeline.steps)}")
        ready = getting_ready_for(timeline, phase)
        self._show("#player-step", clean_line(ready.name if ready else step.name))
        done = just_done(timeline, phase) if ready else None
        self._show("#player-done", f"Done: {clean_line(done.name)}" if done else "")
        self.query_one("#player-done").display = done is not None
        self._side.show(phase, side_after(timeline, phase))
        self._show("#player-counters", counters_text(phase))
        shown_step = ready.step if ready else step.step
        how_to = shown_step.instructions
        if self._still and how_to == INSTRUCTIONS:
            how_to = STILL_INSTRUCTIONS
        self._show("#player-instructions", clean_text(how_to))
        self.set_class(self._still, "-still")
        # Getting ready, the next step is the headline already: say how it starts.
        following = player.next_phase
        current = following if ready is not None and following is not None else phase
        self._show("#player-next", next_text(following, player.next_step, current))
        self._steps.show(timeline.steps, step.index, player.skipped_steps)

    @property
    def _still(self) -> bool:
        """No moving shape: reduced motion, or animations off."""
        return self.backcare.settings.reduced_motion or self.app.animation_level == "none"

    def _headline(self, timeline: Timeline, phase: Phase) -> str:
        ready = getting_ready_for(timeline, phase)
        return ready.name if ready else ""

    def _band_text(self, player: Player, phase: Phase, paused: bool) -> str:
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

    def _write_to_terminal(self, text: str) -> None:
        driver = self.app._driver
        if driver is not None:
            driver.write(text)

    def _show_cue(self, player: Player) -> None:
        """Cues change inside a phase too (spread over a timed step, or at their `at`)."""
        if self.guide is None:
            return
        ready = getting_ready_for(player.timeline, player.phase)
        if ready is not None:
            cue = clean_line(ready.step.cues[0]) if ready.step.cues else ""
        else:
            cue = clean_line(self.guide.current_text(player))
        self._show("#player-cue", f"“{cue}”" if cue and not self.backcare.settings.ascii else cue)

    def _show(self, selector: str, text: str, *, layout: bool = True) -> None:
        """Update a line only when its words change; untrusted text goes in as Text."""
        if self._shown.get(selector) != text:
            self._shown[selector] = text
            self.query_one(selector, Static).update(Text(text), layout=layout)

    # the end

    def _end(self) -> None:
        summary = self.conclude()
        if summary is not None:
            self.dismiss(summary)

    # stops the screen could not see coming

    def on_screen_suspend(self) -> None:
        """Help, the palette or a question covers the clock: hold the session still."""
        player = self.player
        if self.in_progress and player is not None and not player.paused:
            player.pause()
            self._overlay_paused = True
            self.sync()

    def on_screen_resume(self) -> None:
        player = self.player
        if self._overlay_paused and player is not None and self.summary is None:
            self._overlay_paused = False
            player.resume()
            self.sync()
            self.refresh_bindings()

    def _process_suspending(self, _app: object) -> None:
        """Ctrl+Z: pause before the process stops, so it comes back paused."""
        player = self.player
        if self.in_progress and player is not None and not player.paused:
            self._overlay_paused = False
            player.pause()
            self.sync()
            self.refresh_bindings()

    def _process_resumed(self, _app: object) -> None:
        """Back from a stop (SIGTSTP and fg): paused as of the last frame shown."""
        player = self.player
        if self.in_progress and player is not None:
            player.pause_since_last_look()
            self._overlay_paused = False
            self.sync()
            self.refresh_bindings()

    # keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        player, sound = self.player, self.sound
        if player is None or sound is None:
            return True
        if action == "pause":
            return not player.paused
        if action == "resume":
            return player.paused
        if action == "mute":
            return not sound.muted
        if action == "unmute":
            return sound.muted
        return True

    def _act(self, operation: Callable[[Player], None]) -> None:
        """Tell the engine, then look at once: the screen shows the result in the same frame."""
        if self.player is None or self.summary is not None:
            return
        operation(self.player)
        self.sync()
        self.refresh_bindings()

    def action_pause(self) -> None:
        self._act(Player.pause)

    def action_resume(self) -> None:
        self._act(Player.resume)

    def action_next_phase(self) -> None:
        self._act(Player.skip_phase)

    def action_next_step(self) -> None:
        self._act(Player.skip_step)

    def action_back(self) -> None:
        self._act(Player.back)

    def action_restart_step(self) -> None:
        self._act(Player.restart_step)

    def action_extend(self) -> None:
        self._act(lambda player: player.extend(EXTEND_SECONDS))

    def action_mute(self) -> None:
        self._toggle_mute()

    def action_unmute(self) -> None:
        self._toggle_mute()

    def _toggle_mute(self) -> None:
        if self.sound is None:
            return
        muted = self.sound.toggle_mute()
        self.notify("Muted for this session" if muted else "Sound on", timeout=2)
        self.refresh_bindings()

    def action_stop(self) -> None:
        """`q` and Ctrl+C: ask first; the session holds still while the question is open."""
        self.ask_to_stop()

    def ask_to_stop(self, *, then_quit: bool = False) -> None:
        """Ask whether to stop (and, for Ctrl+Q, quit); the session holds still meanwhile."""
        player = self.player
        if player is None or self.summary is not None:
            return
        if any(isinstance(screen, ConfirmScreen) for screen in self.app.screen_stack):
            return
        was_paused = player.paused or self._overlay_paused
        player.pause()
        self._overlay_paused = False
        self.sync()

        def answered(stop: bool | None) -> None:
            if stop and then_quit:
                self.backcare.quit_after(self.conclude(leaving=True))
                return
            if stop:
                player.stop()
            elif not was_paused:
                player.resume()
            self.sync()
            self.refresh_bindings()

        question = "Stop this session and quit?" if then_quit else "Stop this session?"
        yes = "Stop and quit" if then_quit else "Stop"
        self.app.push_screen(ConfirmScreen(question, yes=yes, no="Keep going"), answered)

    def app_blurred(self) -> None:
        """Auto-pause when the terminal goes to the background, if the person asked for it."""
        player = self.player
        if (
            player is not None
            and self.backcare.settings.auto_pause
            and not player.paused
            and self.summary is None
        ):
            player.pause()
            self.sync()
            self.refresh_bindings()
            self.notify("Paused while the terminal was in the background", timeout=4)
