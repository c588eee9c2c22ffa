"""`backcare status`: what a status bar pays every few seconds, beside `python -c pass`.

Both run as ordinary subprocesses with output to a pipe, alternately, `--runs`
times each (default 30), through the installed console script as a status bar
would call it, on a history of two years of sessions (about 500 rows) in a
throw-away home. The first run of each warms the page cache and writes the
bytecode cache, as an installed package has it (PYTHONDONTWRITEBYTECODE is
dropped for this), and is not counted.

    python -m bench status [--runs=30]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.pty_run import terminal_env

PYTHON = sys.executable
SCRIPT = str(Path(PYTHON).with_name("backcare"))
GOAL_MS = 100


def _history(env: dict[str, str]) -> int:
    """Two years of sessions, five a week, written through the real history store."""
    code = (
        "from datetime import UTC, datetime, timedelta\n"
        "from backcare_tui.core.history import record_session\n"
        "from backcare_tui.core.session_summary import SessionSummary\n"
        f"start = datetime({datetime.now(UTC).year - 2}, 1, 5, 9, tzinfo=UTC)\n"
        "n = 0\n"
        "for week in range(104):\n"
        "    for day in range(5):\n"
        "        at = start + timedelta(weeks=week, days=day)\n"
        "        record_session(SessionSummary('Desk break', None, 'x', at,\n"
        "            at + timedelta(minutes=5), 300.0, 290.0, 5, 0, 5, True))\n"
        "        n += 1\n"
        "print(n)\n"
    )
    done = subprocess.run([PYTHON, "-c", code], env=env, capture_output=True, text=True, check=True)
    return int(done.stdout.strip())


def _time(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time, and the CPU time (user + system) the child used: the second barely
    moves when other work shares the machine, the first does."""
    before = os.times()
    began = time.perf_counter()
    subprocess.run(argv, env=env, capture_output=True, check=True)
    took = time.perf_counter() - began
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return took, cpu


def main(argv: list[str]) -> None:
    runs = next((int(a.split("=", 1)[1]) for a in argv if a.startswith("--runs=")), 30)
    with tempfile.TemporaryDirectory(prefix="backcare-status-") as name:
        env = terminal_env(Path(name))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        rows = _history(env)
        subjects = {
            "`python -c pass`": [PYTHON, "-c", "pass"],
            "`backcare status`": [SCRIPT, "status"],
            "`backcare status --format json`": [SCRIPT, "status", "--format", "json"],
        }
        times: dict[str, list[float]] = {label: [] for label in subjects}
        cpu: dict[str, list[float]] = {label: [] for label in subjects}
        for command in subjects.values():
            _time(command, env)
        for _ in range(runs):
            for label, command in subjects.items():
                took, used = _time(command, env)
                times[label].append(took)
                cpu[label].append(used)
        line = subprocess.run(
            subjects["`backcare status`"], env=env, capture_output=True, text=True, check=True
        ).stdout.strip()
    print(f"Wall time with output to a pipe, {rows} sessions in the history, median of {runs}:\n")
    print("| command | median wall | fastest-slowest (ms) | median CPU (user+sys) |")
    print("|---|---|---|---|")
    for label, found in times.items():
        spread = f"{min(found) * 1000:.0f}-{max(found) * 1000:.0f}"
        used = statistics.median(cpu[label]) * 1000
        print(f"| {label} | {statistics.median(found) * 1000:.0f} ms | {spread} | {used:.0f} ms |")
    print(f"\nLoad average during the run: {os.getloadavg()[0]:.1f} (2 cores)")
    ours = statistics.median(times["`backcare status`"]) * 1000
    base = statistics.median(times["`python -c pass`"]) * 1000
    print(
        f"\n`backcare status` printed `{line}`; {ours:.0f} ms, {ours - base:.0f} ms above "
        f"`python -c pass` (goal < {GOAL_MS} ms)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
