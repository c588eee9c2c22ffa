"""Keys for `run --plain`: on a terminal, one key at a time with no echo; elsewhere, none.

The terminal is put in cbreak mode (keys arrive at once, nothing is echoed
into the log, Ctrl+C still interrupts) and its settings are put back on every
way out: a normal end, an exception, SIGTERM and SIGHUP (turned into
`Interrupted`, so the session is stopped and recorded), and Ctrl+Z (the
terminal is restored while the process is stopped and cbreak comes back on
`fg`). Coming back from any stop (Ctrl+Z, `kill -TSTP`, `kill -STOP`) wakes
the wait with `CONTINUED`, so the session can pause where it was.
"""

from __future__ import annotations

import os
import select
import signal
import termios
import time
import tty
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from enum import Enum
from types import FrameType
from typing import Any, Final


class Wake(Enum):
    CONTINUED = "continued"


CONTINUED: Final = Wake.CONTINUED
"""What a wait returns when the process came back from a stop (SIGCONT)."""

KeySource = Callable[[float | None], str | Wake | None]
"""Wait up to `timeout` seconds (None: until a key comes) and return what was
typed, CONTINUED after a stop, or None when the time ran out first."""

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
    woken, waker = os.pipe()
    os.set_blocking(woken, False)
    os.set_blocking(waker, False)

    def restore() -> None:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)

    def wait(timeout: float | None) -> str | Wake | None:
        nonlocal closed
        watched = [woken] if closed else [fd, woken]
        ready, _, _ = select.select(watched, [], [], timeout)
        # Looked at even when select timed out: a stop that outlived the timeout
        # ends the wait with the time up, and the handler has written by then.
        with suppress(BlockingIOError):
            if os.read(woken, 64):
                return CONTINUED
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
        wake()  # now, not when the SIGCONT handler gets its turn
        signal.signal(signal.SIGTSTP, suspended)
        tty.setcbreak(fd, termios.TCSADRAIN)

    def wake() -> None:
        with suppress(BlockingIOError):  # already woken and not yet read
            os.write(waker, b"c")

    def continued(number: int, frame: FrameType | None) -> None:
        wake()

    handlers: dict[int, Any] = {
        signal.SIGTERM: interrupted,
        signal.SIGHUP: interrupted,
        signal.SIGTSTP: suspended,
        signal.SIGCONT: continued,
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
        os.close(woken)
        os.close(waker)
