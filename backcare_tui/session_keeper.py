"""The app's side of the history: every session that ends is on disk before anything else.

A session ends one way only: its player screen concludes it into a
`SessionSummary`, once. The summary then reaches `keep`, which writes it
synchronously, from whichever comes first: the app's callback for the
player's result (finished, or stopped after asking), the player screen
leaving the app (quit, an error), or a SIGTERM/SIGHUP handler. No thread or
later callback stands between a session and the disk, so none can be cut
off on the way out (sessions were once lost that way), and storing twice is
impossible because `keep` remembers what it stored. The pain after-score and
a note go into the stored row afterwards, so waiting for them loses nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
import time
from typing import TYPE_CHECKING

from .core.completion import worth_recording
from .core.errors import BackcareError
from .core.session_summary import Feedback, SessionSummary

if TYPE_CHECKING:
    from .app import BackcareApp

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
EXIT_GRACE_SECONDS = 1.5
"""After SIGTERM or SIGHUP the process is gone within this, however the shutdown goes."""


class SessionKeeper:
    def __init__(self, app: BackcareApp) -> None:
        self.app = app
        self.failures: list[str] = []
        """Problems found as the app stopped, too late to show: the CLI prints them."""
        self.signalled: int | None = None
        self._kept: dict[SessionSummary, int | None] = {}
        self._signals: list[int] = []

    def keep(self, summary: SessionSummary, *, leaving: bool = False) -> int | None:
        """Store a session now, once; its row id, or None when it was not stored.

        Sessions under MIN_RECORDED_SECONDS are not stored. A store that fails
        is told to the person and the app carries on; with `leaving` (the app
        is on its way out) the CLI prints it after the terminal is restored.
        """
        if summary in self._kept:
            return self._kept[summary]
        row_id = None
        if worth_recording(summary.actual_seconds):
            row_id = self._store(summary, leaving=leaving or self.signalled is not None)
        self._kept[summary] = row_id
        return row_id

    def update(
        self,
        row_id: int | None,
        *,
        pain_after: int | None = None,
        note: str | None = None,
        feedback: Feedback | None = None,
    ) -> bool:
        """Add the after-score or a note to a stored session; False (and told) on failure."""
        if row_id is None:
            return False
        from .core.history import update_session

        try:
            return update_session(row_id, pain_after=pain_after, note=note, feedback=feedback)
        except (BackcareError, ValueError) as error:
            title = getattr(error, "title", "History")
            self._tell(title, getattr(error, "message", str(error)), True)
            return False

    def _store(self, summary: SessionSummary, *, leaving: bool) -> int | None:
        from .core.history import record_session  # sqlite3 costs start-up; load it when needed

        try:
            row_id, notices = record_session(summary)
        except BackcareError as error:
            self._tell(error.title, error.message, True, leaving=leaving)
            return None
        except Exception as error:  # a session end must never take the app down
            self._tell(
                "Session not saved", f"{summary.routine_name}: {error}", True, leaving=leaving
            )
            return None
        for notice in notices:
            self._tell("History", notice, False, leaving=leaving)
        return row_id

    def _tell(self, title: str, message: str, failed: bool, *, leaving: bool = False) -> None:
        if self.app.is_running and not leaving:
            self.app.notify(
                message, title=title, severity="error" if failed else "warning", timeout=12
            )
        else:
            self.failures.append(f"backcare: {title}: {message}")

    # SIGTERM and SIGHUP

    def install_signal_handlers(self) -> None:
        """Leave cleanly on SIGTERM or SIGHUP (terminal closed), keeping the session.

        The handler itself only starts the exit clock and wakes the event
        loop, so it works even while the loop is busy; the session is
        concluded and stored on the loop. After SIGHUP the process then leaves
        at once; after SIGTERM it restores the terminal first, and if that
        hangs (a stuck thread) it still leaves within EXIT_GRACE_SECONDS.
        """
        if threading.current_thread() is not threading.main_thread():
            return
        loop = asyncio.get_running_loop()
        for number in SIGNALS:
            try:
                signal.signal(number, lambda n, _frame: self._on_signal(n, loop))
            except (OSError, RuntimeError, ValueError):
                continue
            self._signals.append(number)

    def remove_signal_handlers(self) -> None:
        for number in self._signals:
            with contextlib.suppress(OSError, RuntimeError, ValueError):
                signal.signal(number, signal.SIG_DFL)
        self._signals.clear()

    def _on_signal(self, number: int, loop: asyncio.AbstractEventLoop) -> None:
        if self.signalled is not None:
            return
        self.signalled = number
        exit_within(EXIT_GRACE_SECONDS, 128 + number)
        with contextlib.suppress(RuntimeError):  # the loop has already closed
            loop.call_soon_threadsafe(self._leave, number)

    def _leave(self, number: int) -> None:
        self.app.conclude_sessions()
        if number == getattr(signal, "SIGHUP", None):
            # The terminal is gone: nothing to restore, and Textual's shutdown would
            # block writing to it (its writer thread dies on the dead tty and the
            # main thread waits on its full queue). The session and settings are
            # on disk; leave now.
            self.app.settings_keeper.flush()
            os._exit(128 + number)
        self.app.outcome.exit_code = 128 + number
        self.app.exit(self.app.outcome, return_code=128 + number)


def exit_within(seconds: float, code: int) -> None:
    """End the process after `seconds` unless it has ended by itself (a daemon thread)."""

    def deadline() -> None:
        time.sleep(seconds)
        os._exit(code)

    threading.Thread(target=deadline, name="exit deadline", daemon=True).start()
