"""Run the real `backcare` console script in a pseudo-terminal and read its screen.

Pilot tests drive the app inside the test's own process and event loop, so
they cannot see what only happens to a real process: how it exits, what it
leaves on disk, what signals do to it. These tests start the installed
console script in a pty (pexpect), feed everything it writes into a terminal
emulator (pyte), and read the screen as text, the way a person would.

Waiting here is for another process to draw or exit, with a deadline; no test
waits for a timer of its own.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import pexpect
import pyte

SCRIPT = Path(sys.executable).with_name("backcare")
"""The console script installed beside this interpreter by `make test`."""

ENTER = "\r"
ESCAPE = "\x1b"
CTRL_C = "\x03"
CTRL_Q = "\x11"
CTRL_Z = "\x1a"


class Terminal:
    """One `backcare` process in a terminal of a given size."""

    def __init__(
        self,
        args: Sequence[str],
        *,
        env: Mapping[str, str] | None = None,
        columns: int = 100,
        rows: int = 30,
        cwd: Path | None = None,
    ) -> None:
        environment = dict(os.environ if env is None else env)
        environment.setdefault("TERM", "xterm-256color")
        self.screen = pyte.Screen(columns, rows)
        self._stream = pyte.ByteStream(self.screen)
        self.output = bytearray()
        """Everything the process wrote, for tests that count bytes or look for escapes."""
        self.child = pexpect.spawn(
            str(SCRIPT),
            list(args),
            env=environment,
            dimensions=(rows, columns),
            cwd=str(cwd) if cwd else None,
        )

    @property
    def pid(self) -> int:
        return int(self.child.pid)

    def text(self) -> str:
        """The screen as it is now, one line per row, trailing blanks removed."""
        self.pump()
        return "\n".join(line.rstrip() for line in self.screen.display)

    def pump(self, wait: float = 0.0) -> bool:
        """Feed what the process wrote into the emulator; False once it has closed."""
        deadline = time.monotonic() + wait
        while not self.child.closed:
            left = deadline - time.monotonic()
            try:
                chunk = self.child.read_nonblocking(65536, timeout=max(0.0, min(0.05, left)))
            except pexpect.TIMEOUT:
                chunk = b""
            except pexpect.EOF:
                return False
            if chunk:
                self.output.extend(chunk)
                self._stream.feed(chunk)
            elif left <= 0:
                return True
        return False

    def wait_for(self, *texts: str, timeout: float = 15.0) -> str:
        """Read until every text is on screen at once; the screen is returned."""
        deadline = time.monotonic() + timeout
        while True:
            alive = self.pump(wait=0.05)
            screen = self.text()
            if all(text in screen for text in texts):
                return screen
            if not alive or time.monotonic() >= deadline:
                why = "the process ended" if not alive else f"{timeout} s passed"
                raise AssertionError(f"{why} before {texts!r} showed; the screen:\n{screen}")

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def kill(self, number: int = signal.SIGTERM) -> None:
        os.kill(self.pid, number)

    def wait_exit(self, timeout: float = 15.0) -> int:
        """The exit code (128 + N for signal N) once the process has ended."""
        deadline = time.monotonic() + timeout
        while self.pump(wait=0.05):
            if time.monotonic() >= deadline:
                raise AssertionError(f"still running after {timeout} s; the screen:\n{self.text()}")
        self.child.close()
        if self.child.signalstatus is not None:
            return 128 + int(self.child.signalstatus)
        return int(self.child.exitstatus or 0)

    def is_alive(self) -> bool:
        return bool(self.child.isalive())

    def close(self) -> None:
        if self.child.isalive():
            self.child.kill(signal.SIGKILL)
        self.child.close(force=True)


@contextmanager
def terminal(
    *args: str,
    env: Mapping[str, str] | None = None,
    columns: int = 100,
    rows: int = 30,
    notice_seen: bool = True,
) -> Iterator[Terminal]:
    """`backcare ARGS` in a pty, killed on the way out whatever the test did.

    The first-run safety notice is marked read unless the test asks for it,
    by writing the setting only when no config file exists yet.
    """
    if notice_seen:
        mark_notice_seen()
    session = Terminal(args, env=env, columns=columns, rows=rows)
    try:
        yield session
    finally:
        session.close()


def config_file() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "backcare" / "config.toml"


def history_file() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "backcare" / "history.db"


def mark_notice_seen() -> None:
    path = config_file()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("notice_seen = true\n", encoding="utf-8")


def have(program: str) -> bool:
    return shutil.which(program) is not None
