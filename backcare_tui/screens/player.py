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

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen

from ..core.cues import CueSwitches, Guide
from ..core.model import Routine
from ..core.player import Finished, Paused, Player, Stopped
from ..core.redraw import next_redraw
from ..core.session_summary import SessionSummary, summarize
from ..core.timeline import (
    compile_routine,
)
from ..sound import Sound
from ..terminal_title import TerminalTitle
from .confirm import ConfirmScreen
from .frame_timer import FrameTimer
from .player_keys import PLAYER_BINDINGS
from .player_view import PlayerView

if TYPE_CHECKING:
    from ..app import BackcareApp

FPS = 30.0
EXTEND_SECONDS = 10.0


class PlayerScreen(Screen[SessionSummary]):
    STYLE_SECTIONS: ClassVar[tuple[str, ...]] = ("player",)

    BINDINGS: ClassVar[list[BindingType]] = PLAYER_BINDINGS
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
        self.terminal_title: TerminalTitle | None = None
        self.summary: SessionSummary | None = None
        """Set once, when the session is concluded."""
        self._overlay_paused = False
        """Paused because help or the palette covered the screen; resume when it closes."""
        self.frames: FrameTimer | None = None
        """The one pending wake-up (the next frame), from mount on."""
        self._started_at = datetime.now(UTC)
        self._started_clock = 0.0
        self._disc_only_until: float | None = None
        """Clock time before which a wake-up can only be for the disc (see `next_frame`)."""
        self.view = PlayerView(self)
        """The widgets and how they are drawn."""

    @property
    def backcare(self) -> BackcareApp:
        return cast("BackcareApp", self.app)

    def compose(self) -> ComposeResult:
        yield from self.view.compose(self.routine.name)

    def redraw(self) -> None:
        """Draw the engine's present state (the view asks only what it shows)."""
        if self.player is not None:
            self.view.redraw(self.player, self.guide, self.terminal_title)

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
        self.terminal_title = TerminalTitle(self._write_to_terminal)
        self.frames = FrameTimer(app, self.next_frame)
        app.app_suspend_signal.subscribe(self, self._process_suspending)
        app.app_resume_signal.subscribe(self, self._process_resumed)
        self.sync()

    def on_unmount(self) -> None:
        self._cancel_timer()
        # Leaving without an end (the app quit under it): still a session that happened.
        self.conclude(leaving=True)
        if self.terminal_title is not None:
            self.terminal_title.restore()
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

    def next_frame(self) -> None:
        """What the frame timer calls: between two changes of the words, only the disc moves.

        While a breath moves, most wake-ups (some 15 a second) come for the disc
        alone: nothing else on screen, and no event of the engine, is due before
        the next whole second, cue or phase end (`_disc_only_until`). Those frames
        ask the engine for the phase's time (a look that still notices a stopped
        process) and redraw the pacer only; anything else gets the whole `sync`.
        """
        player, until = self.player, self._disc_only_until
        self._disc_only_until = None
        if player is not None and until is not None and self.frames is not None:
            phase = player.phase
            now = self.backcare.clock.now()
            if now < until and not player.paused and self.view.look == (phase.index, False):
                self.view.pacer.show(phase, player.phase_elapsed, player.phase_length, False)
                shape = self.view.pacer.until_next_change()
                if shape is not None:
                    self._disc_only_until = until
                    self.frames.book(min(max(shape, 1 / FPS), until - now))
                    return
        self.sync()

    def sync(self) -> None:
        """Catch up with the engine, react to what happened, redraw, and book the next look."""
        self._cancel_timer()
        self._disc_only_until = None
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
        shape = self.view.pacer.until_next_change() if self.view.pacer.display else None
        delay = next_redraw(player, FPS, animate=animate, shape_change=shape)
        cue_due = self.guide.until_next(player)
        if cue_due is not None:
            delay = cue_due if delay is None else min(delay, cue_due)
        if delay is not None and self.frames is not None:
            self.frames.book(delay)
            if shape is not None:
                words = next_redraw(player, FPS, animate=False)
                if words is not None:
                    words = words if cue_due is None else min(words, cue_due)
                    self._disc_only_until = self.backcare.clock.now() + words

    def _sound_problem(self, message: str) -> None:
        self.notify(message[:1].upper() + message[1:], title="Sound", severity="warning")

    def _cancel_timer(self) -> None:
        if self.frames is not None:
            self.frames.cancel()

    def _write_to_terminal(self, text: str) -> None:
        driver = self.app._driver
        if driver is not None:
            driver.write(text)

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
