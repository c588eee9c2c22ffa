"""One wake-up at a time for the player: the next frame, booked on the event loop itself.

The player sleeps until the engine says the picture changes next, which
while a breath moves is some 16 times a second. A Textual `set_timer` per
frame builds a Timer, starts an asyncio task for it, and dispatches its
callback through `invoke` (which inspects the callback's signature): a
measurable share of a frame that otherwise changes a few cells. Here each
booking is one `loop.call_later` handle; booking again replaces the one
before, and an error in the callback goes to the app like any other.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from textual.app import App


class FrameTimer:
    """Calls back once after a delay; a new booking cancels the one pending."""

    def __init__(self, app: App[Any], callback: Callable[[], None]) -> None:
        self._app = app
        self._callback = callback
        self._handle: asyncio.TimerHandle | None = None

    @property
    def booked(self) -> bool:
        """A wake-up is pending."""
        return self._handle is not None

    def book(self, delay: float) -> None:
        """Call back in `delay` seconds, instead of whenever was booked before."""
        self.cancel()
        self._handle = asyncio.get_running_loop().call_later(delay, self._fire)

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def _fire(self) -> None:
        self._handle = None
        if self._app._exit:
            return
        try:
            self._callback()
        except Exception as error:
            self._app._handle_exception(error)
