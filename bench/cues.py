"""Cue sounds: how long making them takes, and how soon a cue's player starts after
its phase change, in real time.

A routine of `phases` short timed steps plays through `run --plain`'s loop on
the real clock, with a stand-in `pw-play` on PATH (a shell script that logs
the wall-clock time it started, then exits). The delay is the logged start
minus the planned phase change; the issue's goal is under 100 ms.

    .venv/bin/python -m bench cues [--phases N]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import tempfile
import time
from pathlib import Path

SCRIPT = '#!/bin/sh\nprintf "%s %s\\n" "$(date +%s.%N)" "$1" >> "{log}"\n'


def _render_times(folder: Path) -> tuple[float, float]:
    from backcare_tui.core.synth import cue_files

    start = time.perf_counter()
    cue_files(80, folder)
    first = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    cue_files(80, folder)
    again = (time.perf_counter() - start) * 1000
    return first, again


def _delays(home: Path, phases: int) -> list[float]:
    from backcare_tui.cli.plain import run_plain
    from backcare_tui.core.clock import MonotonicClock
    from backcare_tui.core.cues import CueSwitches, Guide
    from backcare_tui.core.model import Routine, Step, Timed
    from backcare_tui.core.settings import Settings
    from backcare_tui.core.timeline import compile_routine
    from backcare_tui.sound import Sound

    log = home / "played.log"
    bin_dir = home / "bin"
    bin_dir.mkdir()
    player = bin_dir / "pw-play"
    player.write_text(SCRIPT.replace("{log}", str(log)))
    player.chmod(0o755)
    os.environ["PATH"] = f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin"
    steps = tuple(Step(f"Step {n}", Timed(0.5)) for n in range(phases))
    timeline = compile_routine(Routine("Bench", steps, prepare=0))
    settings = Settings(cue_countdown=False, cue_finished=False)
    sound = Sound(settings, lambda: None, folder=home / "cues")
    sound.prepare()
    clock = MonotonicClock()
    first: list[float] = []

    class Recording:
        def now(self) -> float:
            value = clock.now()
            if not first:
                first.append(value)
            return value

    offset = time.time() - time.monotonic()
    guide = Guide(timeline, CueSwitches.from_settings(settings))
    run_plain(timeline, "Bench", io.StringIO(), Recording(), cues=(guide, sound))
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        lines = log.read_text().splitlines() if log.exists() else []
        if len(lines) >= phases:
            break
        time.sleep(0.01)
    stamps = sorted(float(line.split()[0]) for line in lines)
    changes = [offset + first[0] + phase.start for phase in timeline.phases]
    return [(stamp - at) * 1000 for stamp, at in zip(stamps, changes, strict=True)]


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench cues")
    parser.add_argument("--phases", type=int, default=20)
    args, _ = parser.parse_known_args(argv)
    path = os.environ.get("PATH", "")
    try:
        with tempfile.TemporaryDirectory() as folder:
            home = Path(folder)
            first, again = _render_times(home / "made")
            print(f"making the 8 cue files: {first:.1f} ms the first time, {again:.2f} ms after")
            delays = _delays(home, args.phases)
    finally:
        os.environ["PATH"] = path
    print(
        f"cue start after its phase change, {len(delays)} phases: "
        f"median {statistics.median(delays):.1f} ms, max {max(delays):.1f} ms "
        f"(goal: under 100 ms)"
    )
