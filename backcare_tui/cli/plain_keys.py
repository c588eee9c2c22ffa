"""Keys for `run --plain`: on a terminal, one key at a time with no echo; elsewhere, none.

The terminal is put in cbreak mode (keys arrive at once, nothing is echoed
into the log, Ctrl+C still interrupts) and its settings are put back on every
way out: a normal end, an exception, SIGTERM and SIGHUP (turned into
`Interrupted`, so the session is stopped and recorded), and Ctrl+Z (the
terminal is restored while the process is stopped and cbreak comes back on
`fg`).
"""

from __future__ import annotations

import os
import select
import signal
import termios
import time
import tty
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

KeySource = Callable[[float | None], str | None]
"""Wait up to `timeout` seconds (None: until a key comes) and return what was
typed, or None when the time ran out first."""

KEYS_LINE = "Keys: space pause or resume, n next, N skip step, p back, q stop."

_SEQUENCES = {"\x1b[C": "n", "\x1b[1;2C": "N", "\x1b[D": "p"}
"""Arrow keys do what they do in the player: right is next, shift+right skips
the step, left is back."""


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived: stop the session as Ctrl+C would."""

    def __init__(self, number: int) -> None:
        super().__init__(f"signal {number}")
        self.number = number


def keys_of(typed: str) -> list[str]:
    """The keys in one read: an arrow key's escape sequence is one key, other
    text one key per character."""
    if typed in _SEQUENCES:
        return [_SEQUENCES[typed]]
    return [key for key in typed if key != "\x1b"]


def sleeping_keys(sleep: Callable[[float], None] = time.sleep) -> KeySource:
    """No keyboard (stdin is a pipe or a file): wait out the time, never read stdin."""

    def wait(timeout: float | None) -> str | None:
        if timeout is not None:
            sleep(timeout)
        return None

    return wait


@contextmanager
def terminal_keys(fd: int) -> Iterator[KeySource]:
    """Cbreak mode on the terminal at `fd` for the length of the `with`."""
    saved = termios.tcgetattr(fd)
    closed = False

    def restore() -> None:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)

    def wait(timeout: float | None) -> str | None:
        nonlocal closed
        if closed:
            if timeout is not None:
                time.sleep(timeout)
            return None
        try:
            ready, _, _ = select.select([fd], [], [], timeout)
        except InterruptedError:  # a signal whose handler returned (SIGCONT)
            return None
        if not ready:
            return None
        data = os.read(fd, 32)
        if not data:  # the terminal hung up: carry on without keys
            closed = True
            return None
        return data.decode("utf-8", errors="replace")

    def interrupted(number: int, frame: FrameType | None) -> None:
        raise Interrupted(number)

    def suspended(number: int, frame: FrameType | None) -> None:
        restore()
        signal.signal(signal.SIGTSTP, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTSTP)  # stops here until SIGCONT
        signal.signal(signal.SIGTSTP, suspended)
        tty.setcbreak(fd, termios.TCSADRAIN)

    handlers: dict[int, Any] = {
        signal.SIGTERM: interrupted,
        signal.SIGHUP: interrupted,
        signal.SIGTSTP: suspended,
    }
    previous = {number: signal.getsignal(number) for number in handlers}
    try:
        for number, handler in handlers.items():
            signal.signal(number, handler)
        tty.setcbreak(fd, termios.TCSADRAIN)
        yield wait
    finally:
        restore()
        for number, handler in previous.items():
            signal.signal(number, handler)
