"""Peer: backcare's pacer against a lean breathing tool and a bare Textual app, side by side.

The peer is breathe-cli (PyPI, one file of plain ANSI, no dependencies; the
`bench` extra installs it: `pip install -e '.[bench]'`). It draws a bar that
fills on the in-breath and empties on the out-breath at 20 frames a second.
backcare's pacer plays the same pattern (`4-6`: 4 s in, 6 s out) at the same
terminal size; box breathing (4-4-4-4) and the bare Textual bar (30 fps,
bench/bare_bar.py) are kept for the yardsticks of issues 4 and 9.

The machine is shared, so absolute CPU figures move with its load; ratios are
taken within one run, from rounds that interleave the subjects (each round
runs every subject once, `--rounds` rounds, default 3), and the table gives
each subject's median over the rounds. Each run: a real 100x30 pty
(bench/pty_run.py), `--warmup` s to settle (breathe-cli counts down 3 s
first), then `--seconds` s measured: CPU of the child (utime + stime, all
threads), bytes it wrote, frames (synchronized updates; breathe-cli does not
use them), peak RSS (VmHWM).

    python -m bench peer [--seconds=20] [--warmup=4] [--rounds=3]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.pty_run import ROOT, PtyApp, terminal_env

PYTHON = sys.executable
PEER = Path(PYTHON).parent / "breathe"
"""breathe-cli's console script, next to this interpreter (the `bench` extra)."""
PEER_VERSION = "1.14"
PATTERN = "4-6"


@dataclass(frozen=True)
class Sample:
    cpu: float
    """Share of one core, 0..1."""
    written: int
    frames: int
    peak_rss: int
    seconds: float


@dataclass(frozen=True)
class Subject:
    name: str
    argv: list[str]
    samples: list[Sample]

    def median(self, field: str) -> float:
        return statistics.median(_value(s, field) for s in self.samples)

    @property
    def cpu_spread(self) -> str:
        values = sorted(s.cpu * 100 for s in self.samples)
        return f"{values[0]:.2f}-{values[-1]:.2f}"


def _value(sample: Sample, field: str) -> float:
    """A sample's figure: CPU and peak RSS as measured, bytes and frames per second."""
    value = float(getattr(sample, field))
    return value / sample.seconds if field in ("written", "frames") else value


def sample(argv: list[str], env: dict[str, str], seconds: float, warmup: float) -> Sample:
    with PtyApp(argv, env) as app:
        app.pump(warmup)
        if app.child.poll() is not None:
            raise RuntimeError(f"{argv}: ended early: {bytes(app.output[-300:])!r}")
        cpu, written, frames = app.cpu_seconds(), app.bytes_read, app.frames
        began = time.monotonic()
        app.pump(seconds)
        took = time.monotonic() - began
        return Sample(
            cpu=(app.cpu_seconds() - cpu) / took,
            written=app.bytes_read - written,
            frames=app.frames - frames,
            peak_rss=app.peak_rss(),
            seconds=took,
        )


def subjects() -> list[tuple[str, list[str]]]:
    backcare = [PYTHON, "-m", "backcare_tui", "breathe", "--minutes", "30", "--pattern"]
    found = [
        (f"backcare pacer, `breathe --pattern {PATTERN}`", [*backcare, PATTERN]),
    ]
    if PEER.exists():
        found.append(
            (
                f"breathe-cli {PEER_VERSION}, `breathe -r {PATTERN} -d 30 --no-sound --no-log`",
                [str(PEER), "-r", PATTERN, "-d", "30", "--no-sound", "--no-log", "-q"],
            )
        )
    found += [
        ("backcare pacer, `breathe --pattern box` (4-4-4-4)", [*backcare, "box"]),
        (
            "bare Textual bar, 30 fps (`bench/bare_bar.py`)",
            [PYTHON, str(ROOT / "bench" / "bare_bar.py")],
        ),
    ]
    return found


def run_all(seconds: float, warmup: float, rounds: int) -> list[Subject]:
    chosen = subjects()
    samples: list[list[Sample]] = [[] for _ in chosen]
    with tempfile.TemporaryDirectory(prefix="backcare-peer-") as name:
        env = terminal_env(Path(name))
        for _ in range(rounds):
            for index, (_, argv) in enumerate(chosen):
                samples[index].append(sample(argv, env, seconds, warmup))
    return [Subject(n, argv, s) for (n, argv), s in zip(chosen, samples, strict=True)]


def _flag(argv: list[str], name: str, default: str) -> str:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return arg.split("=", 1)[1]
    return default


def main(argv: list[str]) -> None:
    """Prints markdown, ready for docs/performance.md."""
    seconds = float(_flag(argv, "seconds", "20"))
    warmup = float(_flag(argv, "warmup", "4"))
    rounds = int(_flag(argv, "rounds", "3"))
    if not PEER.exists():
        print(
            f"breathe-cli is not installed ({PEER} is missing): "
            "`.venv/bin/pip install -e '.[bench]'` adds it; measuring without the peer.\n"
        )
    runs = run_all(seconds, warmup, rounds)
    print(
        f"100x30 pty, {seconds:g} s measured after {warmup:g} s, {rounds} interleaved rounds, "
        "median of the rounds:\n"
    )
    print("| app | CPU (one core) | CPU over the rounds | output | frames/s | peak RSS |")
    print("|---|---|---|---|---|---|")
    for run in runs:
        fps = run.median("frames")
        print(
            f"| {run.name} | {run.median('cpu') * 100:.2f} % | {run.cpu_spread} % "
            f"| {run.median('written') / 1000:.1f} KB/s | {fps:.1f} "
            f"| {run.median('peak_rss') / 2**20:.1f} MiB |"
        )
    ours = runs[0]
    peer = next((run for run in runs if run.argv[0] == str(PEER)), None)
    bare = runs[-1]
    print()
    print("| ratio | figure | goal |")
    print("|---|---|---|")
    if peer is not None:
        print(f"| pacer CPU / breathe-cli's | {_ratio(ours, peer, 'cpu')} | <= 3x |")
        print(f"| pacer bytes / breathe-cli's | {_ratio(ours, peer, 'written')} | <= 1x |")
        print(f"| breathe-cli CPU / bare bar's | {_ratio(peer, bare, 'cpu')} | - |")
    print(f"| pacer CPU / bare bar's | {_ratio(ours, bare, 'cpu')} | <= 0.8x |")
    print(f"| pacer peak RSS / bare bar's | {_ratio(ours, bare, 'peak_rss')} | <= 1.2x |")


def _ratio(a: Subject, b: Subject, field: str) -> str:
    """Median over rounds of the ratio within each round: both sides saw the same load."""
    pairs = [
        (_value(x, field), _value(y, field)) for x, y in zip(a.samples, b.samples, strict=True)
    ]
    ratios = [x / y for x, y in pairs if y]
    if not ratios:
        return "-"
    low, high = min(ratios), max(ratios)
    return f"{statistics.median(ratios):.2f}x ({low:.2f}-{high:.2f})"


if __name__ == "__main__":
    main(sys.argv[1:])
