"""Run an app in a real pseudo-terminal and play the terminal: read, count, answer, type.

This process is the terminal. It reads every byte the child writes, answers
Textual's query for synchronized output (so each frame arrives between
ESC[?2026h and ESC[?2026l and can be found), and types keys into the child.
CPU is the child's utime + stime from /proc (all its threads); peak memory
is VmHWM, the high-water mark of its resident set.

Used by `bench/startup.py` and `bench/cpu.py`; `bench/pacer.py` keeps its own
loop for now (same protocol, fixed window).
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"
FRAME_START = b"\x1b[?2026h"
FRAME_END = b"\x1b[?2026l"
COLUMNS, LINES = 100, 30
_KEEP = max(len(SYNC_QUERY), len(FRAME_START), len(FRAME_END)) - 1


def terminal_env(home: Path, base: dict[str, str] | None = None) -> dict[str, str]:
    """A clean 256-colour terminal and a throw-away home with a quiet config.

    `notice_seen` keeps the first-run notice off the screen; no sound, no
    lead-in, so a routine reaches its first hold at once.
    """
    config = home / "config" / "backcare"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(
        "notice_seen = true\nsound = false\nprepare_seconds = 0\n", encoding="utf-8"
    )
    env = {
        key: value
        for key, value in (base or dict(os.environ)).items()
        if not key.startswith(("TEXTUAL", "BACKCARE", "NO_COLOR"))
    }
    env.update(
        TERM="xterm-256color",
        COLORTERM="truecolor",
        COLUMNS=str(COLUMNS),
        LINES=str(LINES),
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
    )
    return env


class PtyApp:
    """One child process on a pty of COLUMNS x LINES; always `close()` it (or use `with`)."""

    def __init__(
        self,
        argv: list[str],
        env: dict[str, str],
        *,
        columns: int = COLUMNS,
        lines: int = LINES,
    ) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.started = time.monotonic()
        self.child = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
        os.close(slave)
        self.output = bytearray()
        """Everything the child wrote, for checks; counting is by `bytes_read`."""
        self.bytes_read = 0
        self.frames = 0
        self.first_frame_at: float | None = None
        """Seconds from spawn to the end of the first complete frame."""
        self.closed = False
        self._tail = b""

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def pid(self) -> int:
        return self.child.pid

    def pump(self, seconds: float, *, until_frame: bool = False) -> bool:
        """Read for `seconds`, or until the first frame has ended when `until_frame`.

        Returns False when the child has gone (end of output).
        """
        deadline = time.monotonic() + seconds
        while True:
            if until_frame and self.first_frame_at is not None:
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return True
            ready, _, _ = select.select([self.master], [], [], min(0.05, left))
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            self._take(chunk, time.monotonic())

    def _take(self, chunk: bytes, stamp: float) -> None:
        self.output += chunk
        self.bytes_read += len(chunk)
        data = self._tail + chunk
        if SYNC_QUERY in data:
            os.write(self.master, SYNC_REPLY)
        self.frames += data.count(FRAME_START)
        if self.first_frame_at is None and FRAME_END in data:
            self.first_frame_at = stamp - self.started
        self._tail = data[-_KEEP:]

    def send(self, keys: bytes | str) -> None:
        os.write(self.master, keys.encode() if isinstance(keys, str) else keys)

    def cpu_seconds(self) -> float:
        """utime + stime of the child so far, all threads."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        # After the command name: utime is field 14 and stime 15 (1-based) of the whole line.
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_rss(self) -> int:
        """The child's resident-set high-water mark, in bytes."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        return 0

    def close(self, *, kill: bool = False) -> None:
        """Stop the child: SIGTERM (reading on, so it can write its goodbye), or SIGKILL."""
        if self.closed:
            return
        self.closed = True
        if self.child.poll() is None:
            self.child.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            deadline = time.monotonic() + 5
            while self.child.poll() is None and time.monotonic() < deadline:
                ready, _, _ = select.select([self.master], [], [], 0.05)
                if ready:
                    try:
                        os.read(self.master, 65536)
                    except OSError:
                        break
            if self.child.poll() is None:
                self.child.kill()
            self.child.wait()
        os.close(self.master)
