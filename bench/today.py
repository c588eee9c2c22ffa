"""`backcare today` beside `python -c pass` and `backcare --version` (the command line's
own start-up): the cost of answering, start-up included.

Each command runs `runs` times, interleaved so both see the same load, with
XDG folders pointed at a temporary home holding a history of `sessions`
sessions over the last 8 weeks; the median and the best are printed.

    .venv/bin/python -m bench today [--runs N] [--sessions N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path


def _history(home: Path, sessions: int) -> None:
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    from backcare_tui.core.history import record_session
    from backcare_tui.core.session_summary import SessionSummary

    names = ["Desk break", "Core support", "Posture reset", "Morning mobility"]
    now = datetime.now(UTC)
    for n in range(sessions):
        start = now - timedelta(days=1 + n * 56 / max(1, sessions))
        record_session(
            SessionSummary(
                names[n % len(names)],
                None,
                "0",
                start,
                start + timedelta(minutes=5),
                300,
                300,
                5,
                0,
                5,
                True,
            )
        )


def _time(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and the child's CPU time (user + system), in ms."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench today")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--sessions", type=int, default=200)
    args, _ = parser.parse_known_args(argv)
    script = str(Path(sys.executable).with_name("backcare"))
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "backcare --version": [script, "--version"],
        "backcare today": [script, "today"],
        "backcare today --json": [script, "today", "--json"],
    }
    with tempfile.TemporaryDirectory() as folder:
        _history(Path(folder), args.sessions)
        env = dict(os.environ)
        for command in commands.values():  # warm the byte-code caches
            subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
        walls: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                wall, cpu = _time(command, env)
                walls[name].append(wall)
                cpus[name].append(cpu)
    print(f"{args.runs} runs each, interleaved; history of {args.sessions} sessions")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    for name in commands:
        wall_ms, cpu_ms = walls[name], cpus[name]
        print(
            f"{name:<24} wall median {statistics.median(wall_ms):6.1f} ms, "
            f"best {min(wall_ms):6.1f} ms;  CPU median {statistics.median(cpu_ms):5.1f} ms"
        )


if __name__ == "__main__":
    main()
