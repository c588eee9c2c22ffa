"""Start-up: time to the first full frame of `backcare` against a bare Textual app.

Both run in a real pty (bench/pty_run.py), alternately, `--runs` times each
(default 15), with the same throw-away home and a config that skips the
first-run notice. The clock runs from spawning the process to the end of the
first synchronized frame (ESC[?2026l) after which the screen shows what it is
timed for; then the child is killed. For the bare app that is its first
frame. For home it is the first frame by whose end both the routine list
(its last built-in routine, "Posture reset") and the footer's keys ("Quit")
have been drawn: Textual's footer fills in a frame or more after the
first, and a home without its keys is not yet usable. A cold page cache is
not simulated: the first run of each warms it and is not counted.

`backcare run desk-break` is timed to the end of the first frame that shows
the player ("Step 1 of"), the three apps taking turns.

backcare's bytecode is compiled before the first run (`compileall`), as pip
does when it installs the app: without it a source tree run with
PYTHONDONTWRITEBYTECODE set (as some shells here are) compiles some eighty
modules on every start, which the bare app, whose Textual is installed,
never pays.

The plain commands (`list`, `check`, `show`, `run --plain`) are timed as
ordinary subprocesses with output to a pipe, against `python -c pass` and
`python -c "import textual.app"`, and each is asked whether Textual was
imported.

    python -m bench startup [--runs=15]
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.pty_run import FRAME_END, ROOT, PtyApp, terminal_env

PYTHON = sys.executable
BACKCARE = [PYTHON, "-m", "backcare_tui"]
BARE = [PYTHON, str(ROOT / "bench" / "bare_static.py")]
# `main()` then one line on stderr saying whether Textual came in with it.
_PROBE = (
    "import sys\n"
    "from backcare_tui.cli.main import main\n"
    "sys.argv[0] = 'backcare'\n"
    "try:\n"
    "    code = main(sys.argv[1:])\n"
    "finally:\n"
    "    print('TEXTUAL' if 'textual' in sys.modules else 'NO-TEXTUAL', file=sys.stderr)\n"
    "sys.exit(code)\n"
)
QUICK_ROUTINE = (
    'format = 1\nname = "Quick"\nprepare = 0\n\n[[steps]]\nname = "Blink"\nduration = 0.2\n'
)


@dataclass(frozen=True)
class Timed:
    name: str
    times: list[float]
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def spread(self) -> str:
        return f"{min(self.times) * 1000:.0f}-{max(self.times) * 1000:.0f}"


def first_frame(argv: list[str], env: dict[str, str]) -> float:
    with PtyApp(argv, env) as app:
        app.pump(20, until_frame=True)
        app.close(kill=True)
        if app.first_frame_at is None:
            raise RuntimeError(f"no frame from {argv}: {bytes(app.output[-400:])!r}")
        return app.first_frame_at


def first_frame_showing(argv: list[str], env: dict[str, str], *texts: bytes) -> float:
    """Spawn to the end of the first frame by which every one of `texts` has been drawn
    (frames after the first redraw only what changed, so all the output so far counts)."""
    with PtyApp(argv, env) as app:
        seen = 0
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and app.pump(0.005):
            end = app.output.find(FRAME_END, seen)
            while end >= 0:
                if all(text in app.output[:end] for text in texts):
                    took = time.monotonic() - app.started
                    app.close(kill=True)
                    return took
                seen = end + len(FRAME_END)
                end = app.output.find(FRAME_END, seen)
        app.close(kill=True)
        raise RuntimeError(f"{texts!r} never shown by {argv}: {bytes(app.output[-400:])!r}")


def wall(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    began = time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    took = time.perf_counter() - began
    return took, done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""


RUN = [*BACKCARE, "run", "desk-break"]
PLAYER_SHOWN = b"Step 1 of"
HOME_SHOWN = (b"Posture reset", b"Quit")
"""The last routine of the list and the footer's quit key: home is there and usable."""


def apps(env: dict[str, str], runs: int) -> tuple[Timed, Timed, Timed]:
    """Home, `run ROUTINE` and the bare app, interleaved so they share the machine's load."""
    compileall.compile_dir(ROOT / "backcare_tui", quiet=1)
    first_frame_showing(BACKCARE, env, *HOME_SHOWN)
    first_frame_showing(RUN, env, PLAYER_SHOWN)
    first_frame(BARE, env)
    ours: list[float] = []
    player: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        ours.append(first_frame_showing(BACKCARE, env, *HOME_SHOWN))
        player.append(first_frame_showing(RUN, env, PLAYER_SHOWN))
        bare.append(first_frame(BARE, env))
    return (
        Timed("`backcare` (home screen: routine list and footer keys)", ours),
        Timed("`backcare run desk-break` (first player frame)", player),
        Timed("bare Textual app, one Static", bare),
    )


def commands(env: dict[str, str], runs: int, folder: Path) -> list[Timed]:
    routine = folder / "quick.toml"
    routine.write_text(QUICK_ROUTINE, encoding="utf-8")
    subjects = {
        "`python -c pass`": [PYTHON, "-c", "pass"],
        '`python -c "import textual.app"`': [PYTHON, "-c", "import textual.app"],
        "a plain script's imports (argparse, dataclasses, pathlib, re, tomllib)": [
            PYTHON,
            "-c",
            "import argparse, dataclasses, pathlib, re, tomllib",
        ],
        "`backcare list`": [PYTHON, "-c", _PROBE, "list"],
        "`backcare check routines/`": [PYTHON, "-c", _PROBE, "check", str(ROOT / "routines")],
        "`backcare show desk-break`": [PYTHON, "-c", _PROBE, "show", "desk-break"],
        "`backcare run --plain` (0.2 s routine)": [
            PYTHON,
            "-c",
            _PROBE,
            "run",
            "--plain",
            str(routine),
        ],
    }
    results: dict[str, list[float]] = {name: [] for name in subjects}
    notes: dict[str, str] = {}
    for argv in subjects.values():
        wall(argv, env)
    for _ in range(runs):
        for name, argv in subjects.items():
            took, last = wall(argv, env)
            results[name].append(took)
            if last in ("TEXTUAL", "NO-TEXTUAL"):
                notes[name] = "imports Textual!" if last == "TEXTUAL" else "no Textual"
    return [Timed(name, times, notes.get(name, "")) for name, times in results.items()]


def _flag(argv: list[str], name: str, default: str) -> str:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return arg.split("=", 1)[1]
    return default


def main(argv: list[str]) -> None:
    """Prints markdown, ready for docs/performance.md."""
    runs = int(_flag(argv, "runs", "15"))
    with tempfile.TemporaryDirectory(prefix="backcare-startup-") as name:
        folder = Path(name)
        env = terminal_env(folder)
        ours, player, bare = apps(env, runs)
        plain = commands(env, runs, folder)
    print(
        f"Spawn to the end of the first frame showing each app, 100x30 pty, "
        f"median of {runs} interleaved runs:\n"
    )
    print("| app | median | fastest-slowest (ms) | vs bare |")
    print("|---|---|---|---|")
    for run in (ours, player, bare):
        print(
            f"| {run.name} | {run.median * 1000:.0f} ms | {run.spread} "
            f"| {run.median / bare.median:.2f}x |"
        )
    print()
    print(
        f"Goals: home <= 1.3x bare ({ours.median / bare.median:.2f}x), "
        f"first player frame <= 1.4x ({player.median / bare.median:.2f}x)\n"
    )
    baseline = next(run for run in plain if run.name.startswith("a plain script"))
    print(f"Plain commands, wall time with output to a pipe, median of {runs} interleaved runs:\n")
    print("| command | median | fastest-slowest (ms) | vs plain script | Textual imported? |")
    print("|---|---|---|---|---|")
    for run in plain:
        print(
            f"| {run.name} | {run.median * 1000:.0f} ms | {run.spread} "
            f"| {run.median / baseline.median:.2f}x | {run.note or '-'} |"
        )
    print("\nGoal: `list`, `check`, `show` <= 2x the plain script's imports.")


if __name__ == "__main__":
    main(sys.argv[1:])
