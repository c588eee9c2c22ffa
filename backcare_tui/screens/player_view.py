"""The player's widgets and how each is drawn from the engine's answers.

The screen (screens/player.py) owns the session: when to look, what the keys
do, how it ends. This view owns the picture: it composes the widgets and, on
each look, redraws the words when the phase changes and, every frame, only
the clock, the pacer and the progress bar (each of which redraws only when a
cell of it changes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static

from ..core.breathing_session import INSTRUCTIONS, STILL_INSTRUCTIONS
from ..core.cues import Guide
from ..core.durations import format_clock
from ..core.lookahead import getting_ready_for, just_done, side_after, window_title
from ..core.player import Player
from ..core.redraw import shown_countdown
from ..core.text import clean_line, clean_text
from ..core.timeline import Phase
from ..terminal_title import TerminalTitle
from ..widgets.big_clock import BigClock
from ..widgets.keys_footer import KeysFooter
from ..widgets.pacer import Pacer
from ..widgets.phase_band import PhaseBand
from ..widgets.session_progress import SessionProgress
from ..widgets.session_steps import SessionSteps
from ..widgets.side_band import SideBand
from .player_words import BREATH_KINDS, KIND_CLASS, band_text, counters_text, headline, next_text

if TYPE_CHECKING:
    from ..core.settings import Settings
    from .player import PlayerScreen


class PlayerView:
    """Composes the player's widgets and redraws them; asks nothing of the engine itself."""

    def __init__(self, screen: PlayerScreen) -> None:
        self.screen = screen
        self._shown: dict[str, str] = {}
        self.look: tuple[int, bool] | None = None
        """The phase and pause state the words on screen were drawn for."""
        self._phase_word: PhaseBand
        self._side: SideBand
        self._clock: BigClock
        self.pacer: Pacer
        self._steps: SessionSteps
        self._progress: SessionProgress

    @property
    def settings(self) -> Settings:
        return self.screen.backcare.settings

    def compose(self, routine_name: str) -> ComposeResult:
        """The player's widgets, in screen order."""
        ascii_only = self.settings.ascii
        with Horizontal(id="player-top"):
            yield Label(Text(clean_line(routine_name)), id="player-routine")
            yield Label("", id="player-step-count")
        self._phase_word = PhaseBand(id="player-phase")
        self._side = SideBand(ascii_only=ascii_only, id="player-side-band")
        self._clock = BigClock(ascii_only=ascii_only, id="player-clock")
        self.pacer = Pacer(id="player-pacer")
        self._steps = SessionSteps(ascii_only=ascii_only, id="player-steps")
        self._progress = SessionProgress(ascii_only=ascii_only, id="player-progress")
        with Horizontal(id="player-body"):
            with Vertical(id="player-now"):
                yield self._phase_word
                yield self._side
                yield self._clock
                yield self.pacer
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

    def redraw(self, player: Player, guide: Guide | None, title: TerminalTitle | None) -> None:
        """Words change with the phase; per frame only the clock, pacer and bar are asked."""
        phase, paused = player.phase, player.paused
        look = (phase.index, paused)
        if look != self.look:
            self.look = look
            self._redraw_words(player, phase, paused)
        if phase.kind in BREATH_KINDS:
            # Reduced motion: the breath's own count, big, where the shape would be.
            self._clock.update(str(shown_countdown(player.phase_remaining)))
        else:
            self._clock.update(format_clock(player.phase_remaining))
        self._show_cue(player, guide)
        self._phase_word.show(band_text(player, phase, paused))
        if title is not None:
            name = headline(player.timeline, phase) or player.step.name
            title.show(window_title(phase, player.phase_remaining, name, paused=paused))
        if phase.kind in BREATH_KINDS:
            # Time left is on the progress bar below; the pacer need not repeat it.
            self.pacer.show(phase, player.phase_elapsed, player.phase_length, paused)
        position, remaining = player.position, player.remaining
        whole = position + remaining
        fraction = 1.0 if player.finished else (position / whole if whole > 0 else 0.0)
        self._progress.show(fraction, position, remaining)

    def _redraw_words(self, player: Player, phase: Phase, paused: bool) -> None:
        step, timeline = player.step, player.timeline
        self.screen.set_class(paused, "-paused")
        self.screen.set_class(phase.kind in BREATH_KINDS, "-breathing")
        self._clock.set_class(paused, "-paused")
        kind = KIND_CLASS[phase.kind]
        for name in set(KIND_CLASS.values()):
            self._phase_word.set_class(name == kind, f"-{name}")
        self._show("#player-step-count", f"Step {step.index + 1} of {len(timeline.steps)}")
        ready = getting_ready_for(timeline, phase)
        self._show("#player-step", clean_line(ready.name if ready else step.name))
        done = just_done(timeline, phase) if ready else None
        self._show("#player-done", f"Done: {clean_line(done.name)}" if done else "")
        self.screen.query_one("#player-done").display = done is not None
        self._side.show(phase, side_after(timeline, phase))
        self._show("#player-counters", counters_text(phase))
        shown_step = ready.step if ready else step.step
        how_to = shown_step.instructions
        if self._still and how_to == INSTRUCTIONS:
            how_to = STILL_INSTRUCTIONS
        self._show("#player-instructions", clean_text(how_to))
        self.screen.set_class(self._still, "-still")
        # Getting ready, the next step is the headline already: say how it starts.
        following = player.next_phase
        current = following if ready is not None and following is not None else phase
        self._show("#player-next", next_text(following, player.next_step, current))
        self._steps.show(timeline.steps, step.index, player.skipped_steps)

    @property
    def _still(self) -> bool:
        """No moving shape: reduced motion, or animations off."""
        return self.settings.reduced_motion or self.screen.app.animation_level == "none"

    def _show_cue(self, player: Player, guide: Guide | None) -> None:
        """Cues change inside a phase too (spread over a timed step, or at their `at`)."""
        if guide is None:
            return
        cue = clean_line(guide.current_text(player))
        self._show("#player-cue", f"“{cue}”" if cue and not self.settings.ascii else cue)

    def _show(self, selector: str, text: str, *, layout: bool = True) -> None:
        """Update a line only when its words change; untrusted text goes in as Text."""
        if self._shown.get(selector) != text:
            self._shown[selector] = text
            self.screen.query_one(selector, Static).update(Text(text), layout=layout)
