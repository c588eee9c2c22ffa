"""The Textual app and the one factory that builds it for the CLI, tests and screenshots."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from .compositor_crop import apply as apply_partial_update_speedups
from .core.clock import STALL_SECONDS, Clock, MonotonicClock
from .core.library import Entry, Folder, Library, routine_folders, scan
from .core.model import Routine
from .core.pain import ASK_AFTER, ASK_BEFORE, advice, pain_line
from .core.paths import cache_dir
from .core.settings import Settings, load_settings
from .looks import AsciiOnly, ascii_key_display, without_colour
from .parsed_styles import apply as keep_parsed_styles_possible
from .parsed_styles import keep_in as keep_parsed_styles_in
from .readable import readable_variables
from .session_keeper import SessionKeeper
from .settings_keeper import SettingsKeeper
from .style_sections import StyleSections
from .styled_once import apply as style_screens_once
from .textual_fixes import apply as apply_textual_fixes

if TYPE_CHECKING:
    from .core.practice import Practice
    from .core.session_summary import SessionSummary
    from .screens.player import PlayerScreen

apply_textual_fixes()
apply_partial_update_speedups()
style_screens_once()
keep_parsed_styles_possible()


@dataclass
class Outcome:
    """What the CLI prints and returns after the terminal is restored."""

    exit_code: int = 0
    lines: list[str] = field(default_factory=list)


class BackcareApp(App[Outcome]):
    """Holds what every screen shares: settings, the clock, the routine library."""

    TITLE = "backcare"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="app.help", show=False),
        Binding(
            "ctrl+z",
            "suspend_process",
            "Suspend to the shell (fg returns; a session pauses)",
            id="app.suspend",
            show=False,
            tooltip="Back to the shell; a session pauses (fg brings it back)",
        ),
    ]

    def get_css_variables(self) -> dict[str, str]:
        variables = super().get_css_variables()
        variables.update(readable_variables(variables))
        self.theme_variables = variables
        return variables

    def __init__(
        self,
        *,
        settings: Settings,
        settings_problems: Sequence[str] = (),
        clock: Clock,
        extra_folders: Sequence[Path] = (),
        start: Routine | None = None,
        start_path: Path | None = None,
        edit: Entry | None = None,
        overrides: Mapping[str, Any] | None = None,
        show_notice: bool = False,
        stall_seconds: float | None = None,
    ) -> None:
        super().__init__()
        self.style_sections = StyleSections(Path(__file__).with_name("backcare.tcss"))
        """The app's one stylesheet, parsed a section at a time as screens first show."""
        self.style_sections.add(self.stylesheet, ())
        self.file_settings = settings
        """As read from the config file, before command-line flags."""
        self.overrides = dict(overrides or {})
        """Flags such as --ascii: in force for this run, never written to the config file."""
        self.settings = replace(settings, **self.overrides)
        self.show_notice = show_notice
        self.settings_problems = list(settings_problems)
        self.clock = clock
        self.extra_folders = list(extra_folders)
        self._library: Library | None = None
        self.outcome = Outcome()
        self.start = start
        """Set by `backcare run`: play this at once and leave the app when it ends."""
        self.start_path = start_path
        self.start_edit = edit
        """Set by `backcare edit`: open this routine in the editor and leave when it closes."""
        self.stall_seconds = stall_seconds
        """A gap between two frames of a session that means the process was stopped
        (core/player.py); None with a clock a test steps, which jumps on purpose."""
        self.session_keeper = SessionKeeper(self)
        """Stores each ended session at once; opens the database only when one ends."""
        self._for_real = False
        self._collector_held = False
        self.settings_keeper = SettingsKeeper(self)
        self._practice: Practice | None = None
        self.ascii_filter = AsciiOnly(enabled=self.settings.ascii)
        """Every line drawn goes through it while the ascii setting is on."""
        self._filters.append(self.ascii_filter)
        if self.no_color:
            without_colour(self._filters)
        self.today_date: Callable[[], date] = date.today
        """The day "Today" is about; tests and screenshots pin it."""

    @property
    def practice(self) -> Practice:
        """The history as levels and Today see it, read on first use (one SQLite query)."""
        if self._practice is None:
            from .core.practice import load_practice

            self._practice = load_practice()
            for notice in self._practice.notices:
                self.notify(notice, title="History", severity="warning", timeout=8)
        return self._practice

    @property
    def library(self) -> Library:
        """The routine folders as last read: read on first use, by home at once, and by
        `backcare run` and `backcare edit` only if something asks for another routine."""
        if self._library is None:
            self._library = self.scan_library()
        return self._library

    @library.setter
    def library(self, library: Library) -> None:
        self._library = library

    def refresh_practice(self) -> None:
        """Read the history again on next use: a session was stored, a level reset."""
        self._practice = None

    def get_key_display(self, binding: Binding) -> str:
        shown = super().get_key_display(binding)
        if self.settings.ascii and not shown.isascii():
            return ascii_key_display(binding.key.split(",")[0].strip())
        return shown

    def show_ascii(self, on: bool) -> None:
        """The ascii setting changed: draw every screen again, footers included."""
        self.ascii_filter.enabled = on
        for screen in self.screen_stack:
            for widget in screen.walk_children(with_self=True):
                widget.refresh(layout=True, recompose=False)

    def routine_folders(self) -> list[Folder]:
        """Built-ins, the user folder, then the settings' and the command line's folders."""
        extra = [Path(p) for p in self.settings.routine_folders] + self.extra_folders
        return routine_folders(extra)

    def scan_library(self) -> Library:
        return scan(self.routine_folders())

    def on_mount(self) -> None:
        if self._collector_held:
            self.call_after_refresh(gc.enable)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(
                f'Unknown theme "{self.settings.theme}" in the settings; using the default. '
                "Pick one with the settings screen or Ctrl+P > Change theme.",
                title="Settings",
                severity="warning",
                timeout=8,
            )
        self.settings_keeper.watch_theme()
        if self._for_real:
            # Not under Pilot: an interrupted pytest must not be left ignoring signals.
            self.session_keeper.install_signal_handlers()
            self._note_stops()
        for problem in self.settings_problems:
            self.notify(problem, title="Settings", severity="warning", timeout=8)
        self.call_later(self._open_first_screen)

    def _open_first_screen(self) -> None:
        """The notice, or what `run`/`edit` asked for, once the app's mount is over.

        Pushed during it, a screen is laid out and drawn while Textual holds the
        display back; that frame is thrown away and the screen is drawn whole again
        only at its update timer's next tick, up to 17 ms later (App.run to the first
        player frame: 72.7 ms so, 55.0 ms now; docs/performance.md, fifth pass).
        """
        if self.show_notice:
            from .screens.notice import NoticeScreen

            self.push_screen(NoticeScreen(), self._notice_read)
        else:
            self._open_what_was_asked()

    def _notice_read(self, _: None) -> None:
        self.update_settings(replace(self.settings, notice_seen=True))
        self._open_what_was_asked()

    def _open_what_was_asked(self) -> None:
        """`backcare run` and `backcare edit` open their screen once the notice is read."""
        if self.start is not None:
            self.start_session(self.start, self.start_path)
        if self.start_edit is not None:
            from .screens.editor_actions import edit_routine

            edit_routine(self, self.start_edit, leave_after=True)

    # --- session: home, player, summary ---

    def get_default_screen(self) -> Screen[Any]:
        """Home is the bottom of the stack, so whatever opens on start-up sits on top of it.

        `backcare run` and `backcare edit` leave the app when their screen closes and
        never show home: an empty screen stands in, and home is neither loaded nor built.
        """
        if self.start is not None or self.start_edit is not None:
            return Screen()
        from .screens.home import HomeScreen

        self.style_sections.add(self.stylesheet, HomeScreen.STYLE_SECTIONS)
        return HomeScreen()

    def _load_screen_css(self, screen: Screen[Any]) -> None:
        """Textual's hook before a screen is shown: add the sections of backcare.tcss it uses.

        The screen itself was registered, and styled, just before; its children
        are composed after, so the screen alone is styled again."""
        self._size_classes(screen)
        if self.style_sections.add(self.stylesheet, getattr(screen, "STYLE_SECTIONS", ())):
            self.stylesheet.update_nodes(screen.walk_children(with_self=True))
        super()._load_screen_css(screen)

    def _size_classes(self, screen: Screen[Any]) -> None:
        """Give a pushed screen its breakpoint classes (`-narrow`, `-wide`...) for the
        terminal's size before its widgets are styled. Textual sets them at the screen's
        first Resize, once its widgets are mounted, and styles the whole screen a second
        time for it (the player: 119 stylesheet passes before its first frame, 86 so);
        given now, that Resize finds them in place and changes nothing."""
        horizontal = screen.HORIZONTAL_BREAKPOINTS
        vertical = screen.VERTICAL_BREAKPOINTS
        horizontal = (self.HORIZONTAL_BREAKPOINTS if horizontal is None else horizontal) or []
        vertical = (self.VERTICAL_BREAKPOINTS if vertical is None else vertical) or []
        if not (horizontal or vertical):
            return
        width, height = self.size
        classes = {name: False for _, name in [*horizontal, *vertical]}
        shown = screen._get_breakpoint_classes(width, horizontal)
        shown |= screen._get_breakpoint_classes(height, vertical)
        classes.update(dict.fromkeys(shown, True))
        screen.update_classes(classes, animate=False)

    def run(self, **options: Any) -> Outcome | None:
        """Run for real (the CLI): only then are SIGTERM and SIGHUP handled, the
        garbage collector waits for the first frame (`hold_collector`), and parsed
        styles are kept between runs (`parsed_styles.py`)."""
        self._for_real = True
        self.hold_collector()
        keep_parsed_styles_in(cache_dir() / "styles")
        return super().run(**options)

    def hold_collector(self) -> None:
        """No garbage collection until the first frame is out, and none ever of what is
        in memory now.

        What is loaded by now (the modules, settings, the app) lives as long as the
        process, so it is frozen out of the collector's reach. Without that, the objects
        the first frame makes set off a full collection that walks all of it before the
        frame is out: 14 ms of a 200 ms start, which a bare Textual app, with less to
        walk, never reaches (seen with `gc.callbacks` in a pty). The forty-odd young
        collections of the start wait too (about 4 ms); collection resumes once the
        first screen has been drawn (`on_mount`).
        """
        gc.freeze()
        gc.disable()
        self._collector_held = True

    def start_session(self, routine: Routine, path: Path | None = None) -> None:
        """Play `routine`, after the pain question when the check-in is on."""
        if not self.settings.pain_checkin:
            self._play(routine, path, None)
            return
        from .screens.pain import DONT_START, PainAnswer, PainCheckScreen

        def answered(answer: PainAnswer) -> None:
            if answer == DONT_START:
                if self.start is not None:
                    self.outcome = Outcome(1, [f"{routine.name}: not started."])
                    self.exit(self.outcome)
                return
            self._play(routine, path, answer if isinstance(answer, int) else None)

        question = PainCheckScreen(ASK_BEFORE, routine.name, can_back_out=True)
        self._push_from_app(question, answered)

    def try_routine(self, routine: Routine) -> None:
        """Play a routine being edited: no pain question, not recorded, back to the editor."""
        from .screens.player import PlayerScreen

        self._push_from_app(PlayerScreen(routine, trial=True, stall_after=self.stall_seconds))

    def _play(self, routine: Routine, path: Path | None, pain_before: int | None) -> None:
        from .screens.player import PlayerScreen

        screen = PlayerScreen(
            routine, path, pain_before=pain_before, stall_after=self.stall_seconds
        )
        self._push_from_app(screen, partial(self._session_over, routine, path))

    def _push_from_app(self, screen: Screen[Any], callback: Any = None) -> None:
        """Push with the app as the one that gets the result.

        Textual hands a screen's result to whoever pushed it; a palette
        command or the summary's "again" would push from a screen that is
        about to close, and the result would never arrive.
        """
        with self._context():
            self.push_screen(screen, callback)

    def _session_over(self, routine: Routine, path: Path | None, summary: SessionSummary) -> None:
        """The player's result: keep the session, then the summary, or back to the shell."""
        leaving = self.start is not None
        row_id = self.session_keeper.keep(summary, leaving=leaving)
        if leaving:
            self._leave_after_run(summary, row_id)
            return
        from .screens.summary import SummaryScreen

        ask_after = self.settings.pain_checkin
        self.push_screen(SummaryScreen(summary, routine, path, row_id=row_id, ask_after=ask_after))

    def _leave_after_run(self, summary: SessionSummary, row_id: int | None) -> None:
        """`backcare run`: the after-score (when asked for), then the recap on the shell."""
        from .screens.pain import PainAnswer, PainCheckScreen

        def leave(answer: PainAnswer = None) -> None:
            from .core.session_summary import recap_lines

            done = summary
            if isinstance(answer, int) and self.session_keeper.update(row_id, pain_after=answer):
                done = replace(summary, pain_after=answer)
            lines = recap_lines(done)
            if (pain := pain_line(done)) is not None:
                lines.append(pain)
            if (words := advice(done.pain_before, done.pain_after)) is not None:
                lines.append(words)
            self.outcome = Outcome(0 if summary.finished else 1, lines)
            self.exit(self.outcome)

        if self.settings.pain_checkin and row_id is not None:
            self._push_from_app(PainCheckScreen(ASK_AFTER, summary.routine_name), leave)
        else:
            leave()

    def _note_stops(self) -> None:
        """Before Textual's own SIGTSTP handler stops the process, mark running sessions,
        so they come back paused at the last frame shown (`kill -TSTP`, Ctrl+Z)."""
        import signal

        previous = signal.getsignal(signal.SIGTSTP) if hasattr(signal, "SIGTSTP") else None
        if not callable(previous):
            return

        def stopping(number: int, frame: Any) -> None:
            for screen in self.player_screens():
                if screen.player is not None:
                    screen.player.note_stop()
            previous(number, frame)

        signal.signal(signal.SIGTSTP, stopping)

    def player_screens(self) -> list[PlayerScreen]:
        """The players in the screen stack, bottom first.

        None can be there before the player's module is loaded, so home's start-up
        and a quit from home do not load it just to look.
        """
        player = sys.modules.get(f"{__package__}.screens.player")
        if player is None:
            return []
        return [screen for screen in self.screen_stack if isinstance(screen, player.PlayerScreen)]

    def conclude_sessions(self) -> None:
        """The app is stopping under a session: end it where it is and keep it."""
        for screen in self.player_screens():
            self._recap_run(screen.conclude(leaving=True))

    def quit_after(self, summary: SessionSummary | None) -> None:
        """Leave the app after a session stopped on the way out (Ctrl+Q, then yes)."""
        self._recap_run(summary)
        self.exit(self.outcome)

    def _recap_run(self, summary: SessionSummary | None) -> None:
        """Under `backcare run`, what to print and return for a session cut short."""
        if summary is not None and self.start is not None:
            from .core.session_summary import recap_lines

            self.outcome = Outcome(0 if summary.finished else 1, recap_lines(summary))

    async def action_quit(self) -> None:
        """Ctrl+Q: once a session has started, ask first, as `q` does in the player."""
        player = next(iter(self.player_screens()), None)
        if player is not None and player.in_progress:
            player.ask_to_stop(then_quit=True)
            return
        self.exit(self.outcome)

    def update_settings(self, settings: Settings) -> None:
        """Use `settings` from now on (the theme at once) and save them to the config file."""
        self.settings_keeper.update(settings)

    def on_unmount(self) -> None:
        """Nothing lost on the way out: a session still playing, unsaved settings."""
        self.conclude_sessions()
        self.session_keeper.remove_signal_handlers()
        self.settings_keeper.flush()
        self.outcome.lines.extend(self.session_keeper.failures)

    def go_home(self) -> None:
        from .screens.home import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def on_app_blur(self, event: events.AppBlur) -> None:
        players = self.player_screens()
        if players and players[-1] is self.screen:
            players[-1].app_blurred()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every key of the current screen is also a palette command, and only those."""
        from .commands import key_commands, routine_commands

        yield from super().get_system_commands(screen)
        yield from key_commands(self, screen)
        yield from routine_commands(self, screen, self.start_routine_named, self.breathe_preset)

    def start_routine_named(self, key: str) -> None:
        entry = self.library.find(key)
        if entry is not None and entry.routine is not None:
            self.start_session(self.practice.at_level(entry.routine), entry.path)

    def breathe_preset(self, name: str) -> None:
        from .screens.breathing import BreathingScreen

        self.push_screen(BreathingScreen(preset=name))

    def action_breathe(self) -> None:
        from .screens.breathing import BreathingScreen

        self.push_screen(BreathingScreen())

    def action_stats(self) -> None:
        from .screens.stats import StatsScreen

        self.push_screen(StatsScreen())

    def action_settings(self) -> None:
        from .screens.settings_screen import SettingsScreen

        self.push_screen(SettingsScreen())

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def reload_library(self) -> None:
        """Read the folders again, in home's worker when home is there to show the result."""
        from .screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.reload_quietly()
                return
        self.library = self.scan_library()


def make_app(
    *,
    settings: Settings | None = None,
    clock: Clock | None = None,
    extra_folders: Sequence[Path] = (),
    start: Routine | None = None,
    start_path: Path | None = None,
    edit: Entry | None = None,
    overrides: Mapping[str, Any] | None = None,
    stall_seconds: float | None = None,
) -> BackcareApp:
    """Build the app; tests and screenshots pass a fake clock and their own settings.

    `start` plays a routine at once and leaves the app when it ends (`backcare run`);
    `edit` opens a routine in the editor and leaves when it closes (`backcare edit`).
    With the real clock a session pauses itself after an unseen stop of the
    process; a test that steps a fake clock turns that on with `stall_seconds`.
    The first-run safety notice shows when the settings come from the user's
    config file and say it has not been read; settings passed in never show it.
    """
    problems: list[str] = []
    show_notice = False
    if settings is None:
        settings, problems = load_settings()
        show_notice = not settings.notice_seen
    return BackcareApp(
        settings=settings,
        settings_problems=problems,
        clock=clock or MonotonicClock(),
        extra_folders=extra_folders,
        start=start,
        start_path=start_path,
        edit=edit,
        overrides=overrides,
        show_notice=show_notice,
        stall_seconds=STALL_SECONDS if clock is None else stall_seconds,
    )
