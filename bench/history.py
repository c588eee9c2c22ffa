"""History: a year of daily sessions; how fast they are stored, read, summed and shown.

- store: `record_session` per row, each its own connection and transaction
  (what a session end pays);
- read and sum: `load_history` of every row, then `compute_stats`;
- stats screen: from pushing `StatsScreen` in a headless app at 80x24 to the
  first refresh after the loaded figures are on screen;
- CLI: `backcare stats` and `backcare history --csv` as fresh processes,
  against `backcare --version` and `python -c pass` as floors.

`--years=N` makes the log N years long (default 1; at least 365 rows a year).
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROUTINES = ["Desk break", "Posture reset", "Morning mobility", "Foam roller", "Breathing"]
NOW = datetime(2024, 12, 31, 18, 0, tzinfo=UTC)
RUNS = 7


def sessions(years: int) -> list[Any]:
    """One session every day, a second one on about a third of the days."""
    from backcare_tui.core.session_summary import SessionSummary

    rng = random.Random(1)
    made = []
    for day in range(365 * years, 0, -1):
        for extra in range(1 + (rng.random() < 0.35)):
            at = NOW - timedelta(days=day, hours=rng.randint(0, 10) + 4 * extra)
            minutes = rng.choice([3, 5, 8, 10])
            pain = rng.randint(1, 6) if rng.random() < 0.5 else None
            made.append(
                SessionSummary(
                    rng.choice(ROUTINES), None, "0" * 16, at, at + timedelta(minutes=minutes),
                    minutes * 60, minutes * 60.0, 5, 0, 5, True, pain,
                    None if pain is None else max(0, pain - rng.randint(0, 2)),
                )
            )  # fmt: skip
    return made


def timed(action: Callable[[], object], runs: int = RUNS) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


async def open_stats_screen(*, expect_rows: bool = True) -> float:
    """Seconds from push to the first refresh that shows the loaded figures, at 80x24."""
    from backcare_tui.app import make_app
    from backcare_tui.core.settings import Settings
    from backcare_tui.screens.stats import Loaded, StatsScreen

    shown: asyncio.Future[float] = asyncio.get_running_loop().create_future()

    def mark_shown() -> None:
        if not shown.done():
            shown.set_result(time.perf_counter())

    class Timed(StatsScreen):
        def on_loaded(self, message: Loaded) -> None:
            # Runs beside StatsScreen's own handler; the refresh after both is the one timed.
            self.call_after_refresh(mark_shown)

    app = make_app(settings=Settings(notice_seen=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        app.push_screen(Timed(now=lambda: NOW, tz=UTC))
        end = await shown
        await pilot.pause()
        rows = getattr(app.screen.query_one("#stats-recent"), "row_count", 0)
        assert (rows > 0) == expect_rows, f"the stats screen showed {rows} rows"
    return end - start


def cli(args: list[str], env: dict[str, str]) -> list[float]:
    command = [str(Path(sys.executable).with_name("backcare")), *args]
    if not Path(command[0]).exists():
        command = [sys.executable, "-m", "backcare_tui", *args]

    def once() -> None:
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)

    once()  # warm the file cache
    return timed(once)


def show(name: str, times: list[float], unit: str = "ms") -> None:
    scale = 1000 if unit == "ms" else 1e6
    median, best = statistics.median(times) * scale, min(times) * scale
    print(f"| {name} | {median:.1f} {unit} | {best:.1f} {unit} |")


def main(argv: list[str]) -> None:
    years = int(next((a.split("=")[1] for a in argv if a.startswith("--years=")), "1"))
    folder = Path(tempfile.mkdtemp(prefix="backcare-bench-"))
    env = dict(os.environ, XDG_DATA_HOME=str(folder / "data"), XDG_CONFIG_HOME=str(folder / "c"))
    os.environ.update(XDG_DATA_HOME=env["XDG_DATA_HOME"], XDG_CONFIG_HOME=env["XDG_CONFIG_HOME"])
    try:
        _run(years, env)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run(years: int, env: dict[str, str]) -> None:
    from backcare_tui.core.history import load_history, record_session
    from backcare_tui.core.paths import history_file
    from backcare_tui.core.stats import compute_stats

    made = sessions(years)
    stores = []
    for summary in made:
        start = time.perf_counter()
        record_session(summary)
        stores.append(time.perf_counter() - start)
    size = history_file().stat().st_size
    print(f"{len(made)} sessions over {years * 365} days, database {size / 1024:.0f} KiB.\n")
    print("| figure | median | best |")
    print("|---|---|---|")
    show("store one session (`record_session`)", stores)
    history = load_history()
    summaries = [s.summary for s in history.sessions]
    show(f"read all {len(summaries)} rows (`load_history`)", timed(load_history))
    show(
        "compute the stats (`compute_stats`)",
        timed(lambda: compute_stats(summaries, now=NOW, tz=UTC, goal=3)),
    )
    opened = [asyncio.run(open_stats_screen()) for _ in range(RUNS)]
    show("stats screen: push to loaded figures on screen, 80x24", opened)
    show("`backcare stats`", cli(["stats"], env))
    show("`backcare history` (last 20, Rich table)", cli(["history"], env))
    show(f"`backcare history --csv` ({len(summaries)} rows)", cli(["history", "--csv"], env))
    show("`backcare --version` (the CLI's floor)", cli(["--version"], env))
    show(
        "`python -c pass` (Python's floor)",
        timed(lambda: subprocess.run([sys.executable, "-c", "pass"])),
    )
    # The same screen with an empty history, for what the rows cost.
    for suffix in ("", "-wal", "-shm"):
        Path(str(history_file()) + suffix).unlink(missing_ok=True)
    empty = [asyncio.run(open_stats_screen(expect_rows=False)) for _ in range(RUNS)]
    show("stats screen with no history at all", empty)


if __name__ == "__main__":
    main(sys.argv[1:])
