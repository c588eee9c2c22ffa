"""The app's side of the history: pain check-ins, storing sessions, and never losing one.

A session is stored off the UI thread when it ends, and synchronously when
the app is on its way out (quit, SIGTERM, SIGHUP), because a thread started
then might not get to finish. With the pain check-in on, the after-score is
asked first and the session held until it is answered; anything still held
when the app stops is stored without it.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from .core.completion import worth_recording
from .core.errors import BackcareError
from .core.pain import ASK_AFTER, ASK_BEFORE, SEEK_HELP, advice
from .core.summary import SessionSummary

if TYPE_CHECKING:
    from .app import BackcareApp

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Recorder:
    def __init__(self, app: BackcareApp) -> None:
        self.app = app
        self.pain_before: int | None = None
        """The rating given before the session now playing."""
        self.held: SessionSummary | None = None
        """An ended session waiting for its after-score."""
        self.failures: list[str] = []
        """Problems found as the app stopped, too late to show: the CLI prints them."""
        self.signalled: int | None = None
        self._signals: list[int] = []

    # before and after a session

    def before_session(self, start: Callable[[], None]) -> None:
        """Start at once, or after the pain question when the check-in is on."""
        self.pain_before = None
        if not self.app.settings.pain_checkin:
            start()
            return
        from .screens.pain import PainCheckScreen

        def answered(rating: int | None) -> None:
            self.pain_before = rating
            start()

        self.app.push_screen(PainCheckScreen(ASK_BEFORE), answered)

    def session_ended(self, summary: SessionSummary, *, ask: bool = True) -> SessionSummary:
        """Store the session, asking the after-score first when there is time to."""
        summary = replace(summary, pain_before=self.pain_before)
        self.pain_before = None
        if not worth_recording(summary.actual_seconds):
            return summary
        if not self.app.is_running or self.signalled is not None:
            self.store_now(summary)
        elif ask and self.app.settings.pain_checkin:
            self.held = summary
            # After the player has handed over to the summary screen, on top of it.
            self.app.call_after_refresh(self._ask_after)
        else:
            self.store_later(summary)
        return summary

    def _ask_after(self) -> None:
        from .screens.pain import PainCheckScreen

        if self.held is None:
            return
        self.app.push_screen(PainCheckScreen(ASK_AFTER), self._after_answered)

    def _after_answered(self, rating: int | None) -> None:
        summary, self.held = self.held, None
        if summary is None:
            return
        summary = replace(summary, pain_after=rating)
        self.store_later(summary)
        self._show_pain(summary)

    def _show_pain(self, summary: SessionSummary) -> None:
        """Put the ratings, and advice when the back feels much worse, on the summary."""
        if summary.pain_before is None and summary.pain_after is None:
            return
        from rich.text import Text
        from textual.css.query import NoMatches
        from textual.widgets import Label

        words = advice(summary.pain_before, summary.pain_after)
        line = "Your back (0-10): " + _ratings(summary.pain_before, summary.pain_after)
        try:
            box = self.app.screen.query_one("#summary-box")
        except NoMatches:
            if words:
                title = "Stop and seek help" if words == SEEK_HELP else "Ease off"
                self.app.notify(words, title=title, severity="warning", timeout=15)
            return
        widgets = [Label(Text(line), id="summary-pain")]
        if words:
            widgets.append(Label(Text(words), id="summary-pain-advice"))
        keys = box.query("#summary-keys")
        box.mount_all(widgets, before=keys.first() if keys else None)

    # storing

    def store_later(self, summary: SessionSummary) -> None:
        self.app.run_worker(
            lambda: self._store(summary, self._tell_from_thread),
            name="store session",
            group="history",
            thread=True,
            exit_on_error=False,
        )

    def store_now(self, summary: SessionSummary) -> None:
        self._store(summary, self._tell_now)

    def flush(self) -> None:
        """Store a session still waiting for its after-score; the app is stopping."""
        summary, self.held = self.held, None
        if summary is not None:
            self.store_now(summary)

    def _store(self, summary: SessionSummary, tell: Callable[[str, str, bool], None]) -> None:
        from .core.history import record_session  # sqlite3 costs start-up; load it when needed

        try:
            _, notices = record_session(summary)
        except BackcareError as error:
            tell(error.title, error.message, True)
            return
        except Exception as error:  # a session end must never take the app down
            tell("Session not saved", f"{summary.routine_name}: {error}", True)
            return
        for notice in notices:
            tell("History", notice, False)

    def _tell_now(self, title: str, message: str, failed: bool) -> None:
        if self.app.is_running:
            self.app.notify(message, title=title, severity="error" if failed else "warning")
        else:
            self.failures.append(f"backcare: {title}: {message}")

    def _tell_from_thread(self, title: str, message: str, failed: bool) -> None:
        try:
            self.app.call_from_thread(
                self.app.notify,
                message,
                title=title,
                severity="error" if failed else "warning",
                timeout=12,
            )
        except RuntimeError:  # the app closed meanwhile: say it on the way out
            self.failures.append(f"backcare: {title}: {message}")

    # SIGTERM and SIGHUP

    def install_signal_handlers(self) -> None:
        """Leave cleanly on SIGTERM or SIGHUP (terminal closed), so the session is stored."""
        if threading.current_thread() is not threading.main_thread():
            return
        loop = asyncio.get_running_loop()
        for number in SIGNALS:
            try:
                loop.add_signal_handler(number, self._on_signal, number)
            except (NotImplementedError, RuntimeError, ValueError):
                continue
            self._signals.append(number)

    def remove_signal_handlers(self) -> None:
        with contextlib.suppress(RuntimeError):
            loop = asyncio.get_running_loop()
            for number in self._signals:
                loop.remove_signal_handler(number)
        self._signals.clear()

    def _on_signal(self, number: int) -> None:
        """Stop here; the player records as it unmounts, and we store synchronously."""
        if self.signalled is not None:
            return
        self.signalled = number
        self.flush()
        self.app.exit(return_code=128 + number)


def _ratings(before: int | None, after: int | None) -> str:
    parts = []
    if before is not None:
        parts.append(f"{before} before")
    if after is not None:
        parts.append(f"{after} after")
    return ", ".join(parts)
