"""Pacer: CPU, frames and bytes of a breathing session against a bare Textual app.

Both apps run in a real pseudo-terminal (100x30, TERM=xterm-256color) for the
same time, one after the other, in the same run. This process plays the
terminal: it reads and counts every byte the app writes, and answers Textual's
query for synchronized output, so each frame arrives between the markers
ESC[?2026h and ESC[?2026l and can be counted and timed. CPU is the child's
utime + stime from /proc (all its threads) over the measured window, as a
share of one core.

    python -m bench pacer [--seconds=20] [--warmup=3] [--pattern=diaphragmatic]
                          [--line-bar] [--paused]
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"
FRAME_START = b"\x1b[?2026h"
COLUMNS, LINES = 100, 30


@dataclass(frozen=True)
class Run:
    name: str
    seconds: float
    cpu: float
    """Share of one core over the window, 0..1."""
    frames: int
    bytes: int
    per_second: list[int]
    """Frames drawn in each whole second of the window."""
    gaps: list[float]
    """Seconds between consecutive frames."""

    @property
    def fps(self) -> float:
        return self.frames / self.seconds

    @property
    def bytes_per_second(self) -> float:
        return self.bytes / self.seconds

    def gap_percentile(self, share: float) -> float:
        return _percentile(self.gaps, share)


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # After the command name: state is field 3, utime 14 and stime 15 (1-based).
    utime, stime = int(fields[11]), int(fields[12])
    return (utime + stime) / os.sysconf("SC_CLK_TCK")


def measure(
    name: str,
    argv: list[str],
    env: dict[str, str],
    seconds: float,
    warmup: float,
    keys: bytes = b"",
) -> Run:
    """Run `argv` in a pty, let it settle for `warmup` s, then count for `seconds` s.

    `keys` are typed half way through the warm-up (a space pauses the player).
    """
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    child = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(slave)
    tail = b""
    frames: list[float] = []
    written = 0
    began = time.monotonic()
    window_start = began + warmup
    window_end = window_start + seconds
    cpu_start: float | None = None
    cpu_end = 0.0
    typed = not keys
    try:
        while True:
            now = time.monotonic()
            if not typed and now >= began + warmup / 2:
                os.write(master, keys)
                typed = True
            if cpu_start is None and now >= window_start:
                cpu_start = _cpu_seconds(child.pid)
            if now >= window_end:
                cpu_end = _cpu_seconds(child.pid)
                break
            ready, _, _ = select.select([master], [], [], min(0.05, window_end - now))
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            stamp = time.monotonic()
            data = tail + chunk
            if SYNC_QUERY in data:
                os.write(master, SYNC_REPLY)
            if stamp >= window_start:
                written += len(chunk)
                frames.extend([stamp] * data.count(FRAME_START))
            tail = data[-(len(FRAME_START) - 1) :]
    finally:
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        os.close(master)
    if cpu_start is None:
        raise RuntimeError(f"{name} ended before the measurement began")
    per_second = [0] * int(seconds)
    for stamp in frames:
        slot = int(stamp - window_start)
        if 0 <= slot < len(per_second):
            per_second[slot] += 1
    gaps = [b - a for a, b in pairwise(frames)]
    return Run(
        name=name,
        seconds=seconds,
        cpu=(cpu_end - cpu_start) / seconds,
        frames=len(frames),
        bytes=written,
        per_second=per_second,
        gaps=gaps,
    )


def environment(home: Path) -> dict[str, str]:
    """A clean terminal and a throw-away home: no history written, no first-run notice."""
    config = home / "config" / "backcare"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(
        "notice_seen = true\nsound = false\nprepare_seconds = 0\n", encoding="utf-8"
    )
    env = {
        key: value
        for key, value in os.environ.items()
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


def _row(run: Run) -> str:
    spread = f"{min(run.per_second)}-{max(run.per_second)}" if run.per_second else "-"
    return (
        f"| {run.name} | {run.cpu * 100:.1f} % | {run.fps:.1f} | {spread} | "
        f"{run.gap_percentile(0.5) * 1000:.0f} / {run.gap_percentile(0.95) * 1000:.0f} ms | "
        f"{run.bytes_per_second / 1000:.1f} KB/s | {run.bytes / max(run.frames, 1):.0f} B |"
    )


def _flag(argv: list[str], name: str, default: str) -> str:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return arg.split("=", 1)[1]
    return default


def main(argv: list[str]) -> None:
    """Prints markdown, ready for docs/performance.md."""
    seconds = float(_flag(argv, "seconds", "20"))
    warmup = float(_flag(argv, "warmup", "3"))
    pattern = _flag(argv, "pattern", "diaphragmatic")
    python = sys.executable
    bar = str(ROOT / "bench" / "bare_bar.py")
    subjects = [
        (
            f"pacer: `breathe --pattern {pattern}`",
            [python, "-m", "backcare_tui", "breathe", "--pattern", pattern, "--minutes", "30"],
        ),
        ("bare Textual bar", [python, bar]),
    ]
    if "--line-bar" in argv:
        subjects.append(("bare bar, one-row widget", [python, bar, "--line"]))
    if "--paused" in argv:
        subjects.append(("pacer, paused (space)", subjects[0][1]))
    with tempfile.TemporaryDirectory(prefix="backcare-bench-") as folder:
        env = environment(Path(folder))
        runs = [
            measure(name, command, env, seconds, warmup, b" " if "paused" in name else b"")
            for name, command in subjects
        ]
    pacer, bare = runs[0], runs[1]
    print(
        f"{COLUMNS}x{LINES} pty, {seconds:g} s each after {warmup:g} s to settle, "
        "one after the other:\n"
    )
    print(
        "| app | CPU (one core) | frames/s | frames in each second | gap p50 / p95 "
        "| output | per frame |"
    )
    print("|---|---|---|---|---|---|---|")
    for run in runs:
        print(_row(run))
    print()
    print("| pacer / bare | ratio | goal |")
    print("|---|---|---|")
    print(f"| CPU | {_ratio(pacer.cpu, bare.cpu)} | <= 0.8x |")
    print(f"| bytes written | {_ratio(pacer.bytes, bare.bytes, 3)} | <= 0.1x |")
    print(f"| frames drawn | {_ratio(pacer.frames, bare.frames)} | only when a cell changes |")
    print()
    print(
        "Pacer frames in each second (the breath repeats, so should they): "
        + " ".join(str(n) for n in pacer.per_second)
    )


def _ratio(a: float, b: float, digits: int = 2) -> str:
    return f"{a / b:.{digits}f}x" if b else "-"


if __name__ == "__main__":
    main(sys.argv[1:])
