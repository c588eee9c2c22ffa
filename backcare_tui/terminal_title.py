"""The terminal's window or tab title, so a session can be followed from another tab.

The title in use is saved on the terminal's own title stack when we first
set one and restored when we are done (xterm's window operations 22 and 23,
which terminals that lack them ignore), so the shell's title comes back.
"""

from __future__ import annotations

from collections.abc import Callable

from .core.text import clean_line

SAVE = "\x1b[22;2t"
RESTORE = "\x1b[23;2t"


def title_sequence(text: str) -> str:
    """OSC 2 with the text made safe: no control character can end it early."""
    return f"\x1b]2;{clean_line(text).replace(chr(0x9C), '')}\x07"


class TerminalTitle:
    """Writes the title only when it changes; `write` goes to the terminal (the driver)."""

    def __init__(self, write: Callable[[str], None]) -> None:
        self._write = write
        self._shown: str | None = None

    @property
    def shown(self) -> str | None:
        """The title last set, as text (None before the first or after `restore`)."""
        return self._shown

    def show(self, text: str) -> None:
        if text == self._shown:
            return
        prefix = SAVE if self._shown is None else ""
        self._shown = text
        self._write(prefix + title_sequence(text))

    def restore(self) -> None:
        if self._shown is not None:
            self._shown = None
            self._write(RESTORE)
