"""CPU, output and memory: the app in each state it sits in for minutes, against a bare bar.

Each subject runs in a real 100x30 pty (bench/pty_run.py), one after the
other: the home screen left alone; the player in a long hold (reached from
home by keys: "/" to filter, the routine's name, Enter); the same hold paused
(space); the breathing pacer; and the bare Textual app that redraws a
full-width bar at 30 fps (bench/bare_bar.py), the yardstick PRODUCT.md
quotes. After `--warmup` s to settle, CPU (utime + stime of the child, all
threads, as a share of one core), bytes written to the terminal and frames
(synchronized updates) are counted for `--seconds` s; peak RSS is the
child's VmHWM at the end.

    python -m bench cpu [--seconds=20] [--warmup=3]
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.pty_run import ROOT, PtyApp, terminal_env

PYTHON = sys.executable
BACKCARE = [PYTHON, "-m", "backcare_tui"]
BARE_BAR = [PYTHON, str(ROOT / "bench" / "bare_bar.py")]
HOLD_ROUTINE = """\
format = 1
name = "Bench hold"
prepare = 0

[[steps]]
name = "Long hold"
hold = 1800
instructions = "Stay still: the benchmark measures the player during one long hold."
cues = ["Breathe easy"]
"""


@dataclass(frozen=True)
class Measured:
    name: str
    seconds: float
    cpu: float
    """Share of one core, 0..1."""
    written: int
    frames: int
    peak_rss: int

    @property
    def bytes_per_second(self) -> float:
        return self.written / self.seconds

    @property
    def fps(self) -> float:
        return self.frames / self.seconds


Setup = Callable[[PtyApp], None]


def _to_hold(app: PtyApp) -> None:
    """From home: filter to the bench routine and start it; the hold starts at once."""
    app.pump(0.5)
    app.send("/")
    app.pump(0.3)
    app.send("bench hold")
    app.pump(0.5)
    app.send("\r")
    app.pump(0.5)


def _to_paused(app: PtyApp) -> None:
    _to_hold(app)
    app.send(" ")
    app.pump(0.3)


def _nothing(app: PtyApp) -> None:
    return None


def measure(
    name: str,
    argv: list[str],
    env: dict[str, str],
    seconds: float,
    warmup: float,
    setup: Setup = _nothing,
) -> Measured:
    with PtyApp(argv, env) as app:
        if not app.pump(30, until_frame=True) or app.first_frame_at is None:
            raise RuntimeError(f"{name}: no first frame: {bytes(app.output[-300:])!r}")
        setup(app)
        app.pump(warmup)
        if app.child.poll() is not None:
            raise RuntimeError(f"{name}: the app ended: {bytes(app.output[-300:])!r}")
        cpu_before, bytes_before, frames_before = app.cpu_seconds(), app.bytes_read, app.frames
        began = time.monotonic()
        app.pump(seconds)
        took = time.monotonic() - began
        cpu = (app.cpu_seconds() - cpu_before) / took
        measured = Measured(
            name=name,
            seconds=took,
            cpu=cpu,
            written=app.bytes_read - bytes_before,
            frames=app.frames - frames_before,
            peak_rss=app.peak_rss(),
        )
        screen = bytes(app.output)
    _check_state(name, screen)
    return measured


def _check_state(name: str, screen: bytes) -> None:
    """Make sure the keys got where they were meant to (a wrong state measures nothing)."""
    wanted = {"player, paused": b"PAUSED", "player, running a hold": b"Step 1 of 1"}.get(name)
    if wanted is not None and wanted not in screen:
        raise RuntimeError(f"{name}: {wanted!r} never appeared on the screen")


def _flag(argv: list[str], name: str, default: str) -> str:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return arg.split("=", 1)[1]
    return default


def run_all(seconds: float, warmup: float) -> list[Measured]:
    with tempfile.TemporaryDirectory(prefix="backcare-cpu-") as name:
        home = Path(name)
        env = terminal_env(home)
        routines = home / "config" / "backcare" / "routines"
        routines.mkdir(parents=True, exist_ok=True)
        (routines / "bench-hold.toml").write_text(HOLD_ROUTINE, encoding="utf-8")
        breathe = [*BACKCARE, "breathe", "--pattern", "diaphragmatic", "--minutes", "30"]
        subjects: list[tuple[str, list[str], Setup]] = [
            ("home screen, idle", BACKCARE, _nothing),
            ("player, running a hold", BACKCARE, _to_hold),
            ("player, paused", BACKCARE, _to_paused),
            ("breathing pacer", breathe, _nothing),
            ("bare Textual bar, 30 fps", BARE_BAR, _nothing),
        ]
        return [measure(n, argv, env, seconds, warmup, setup) for n, argv, setup in subjects]


def main(argv: list[str]) -> None:
    """Prints markdown, ready for docs/performance.md."""
    seconds = float(_flag(argv, "seconds", "20"))
    warmup = float(_flag(argv, "warmup", "3"))
    runs = run_all(seconds, warmup)
    bare = runs[-1]
    print(
        f"100x30 pty, {seconds:g} s each after {warmup:g} s to settle, one after the other; "
        "ratios against the bare bar:\n"
    )
    print("| state | CPU (one core) | vs bare | output | vs bare | frames/s | peak RSS |")
    print("|---|---|---|---|---|---|---|")
    for run in runs:
        print(
            f"| {run.name} | {run.cpu * 100:.2f} % | {_ratio(run.cpu, bare.cpu)} "
            f"| {_kbs(run.bytes_per_second)} | {_ratio(run.written, bare.written)} "
            f"| {run.fps:.1f} | {run.peak_rss / 2**20:.1f} MiB |"
        )
    print()
    print("| goal | figure |")
    print("|---|---|")
    print(f"| home idle ~0 % | {runs[0].cpu * 100:.2f} % |")
    print(f"| paused ~0 % | {runs[2].cpu * 100:.2f} % |")
    print(f"| pacer <= 0.8x the bare bar | {_ratio(runs[3].cpu, bare.cpu)} |")
    rss = max(r.peak_rss for r in runs[:-1])
    print(f"| peak RSS vs bare (largest state) | {_ratio(rss, bare.peak_rss)} |")


def _kbs(rate: float) -> str:
    return f"{rate / 1000:.2f} KB/s" if rate >= 10 else f"{rate:.1f} B/s"


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "-"


if __name__ == "__main__":
    main(sys.argv[1:])
