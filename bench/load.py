"""Loading 1,000 routine files: `scan()` against raw `tomllib` parsing of the same files.

The files are the built-in routines, copied round-robin under new names with
their steps shuffled, plus one broken file in fifty (a syntax error or a
wrong value), so the scan also pays for its error messages. Both sides read
every file from disk; each is timed `--repeat` times (default 7) in this
process, after one untimed pass to warm the page cache, and the median is
reported.

    python -m bench load [--files=1000] [--repeat=7]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from backcare_tui.core.library import EXTRA, Folder, scan
from backcare_tui.core.paths import builtin_routines_dir

BROKEN_EVERY = 50
BREAKAGES = (
    ("format = 1", "format = 1\nrounds = 0"),  # a value out of range
    ("name = ", "name = = "),  # a syntax error, with line and column
    ("[[steps]]", "[[steps]]\nsides = 3"),  # an unknown type for a known key
)


def write_files(folder: Path, count: int, *, short: bool = False, seed: int = 7) -> int:
    """Write `count` routine files into `folder`; return how many are broken on purpose.

    `short` drops descriptions and instructions, for files the size of a quick
    hand-written routine (about 1 KB instead of 4 KB).
    """
    rng = random.Random(seed)
    sources = sorted(builtin_routines_dir().glob("*.toml"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    if short:
        texts = ["\n".join(line for line in t.split("\n") if not _long(line)) for t in texts]
    broken = 0
    for number in range(count):
        text = texts[number % len(texts)]
        head, *steps = text.split("[[steps]]")
        rng.shuffle(steps)
        text = head.replace('name = "', f'name = "#{number} ', 1) + "[[steps]]".join(["", *steps])
        if number % BROKEN_EVERY == BROKEN_EVERY - 1:
            old, new = BREAKAGES[broken % len(BREAKAGES)]
            text = text.replace(old, new, 1)
            broken += 1
        (folder / f"routine-{number:04d}.toml").write_text(text, encoding="utf-8")
    return broken


def _long(line: str) -> bool:
    return line.startswith(("description = ", "instructions = "))


def raw_parse(folder: Path) -> int:
    """The floor: list the folder, read and parse each file, keep what parses."""
    parsed = 0
    for path in sorted(p for p in folder.iterdir() if p.suffix == ".toml" and p.is_file()):
        try:
            tomllib.loads(path.read_bytes().decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        parsed += 1
    return parsed


def median_time(action: Callable[[], object], repeat: int) -> tuple[float, list[float]]:
    action()  # warm the page cache and the interpreter
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times), times


def _flag(argv: list[str], name: str, default: str) -> str:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return arg.split("=", 1)[1]
    return default


@dataclass(frozen=True)
class Result:
    label: str
    files: int
    megabytes: float
    broken: int
    raw: float
    raw_times: list[float]
    ours: float
    our_times: list[float]


def measure(label: str, count: int, repeat: int, *, short: bool) -> Result:
    with tempfile.TemporaryDirectory(prefix="backcare-load-") as name:
        folder = Path(name)
        broken = write_files(folder, count, short=short)
        size = sum(p.stat().st_size for p in folder.iterdir())
        library = scan([Folder(EXTRA, folder)])
        assert len(library.entries) + len(library.broken) == count
        assert len(library.broken) == broken, [str(e.error) for e in library.broken]
        raw, raw_times = median_time(lambda: raw_parse(folder), repeat)
        ours, our_times = median_time(lambda: scan([Folder(EXTRA, folder)]), repeat)
    return Result(label, count, size / 1e6, broken, raw, raw_times, ours, our_times)


def main(argv: list[str]) -> None:
    """Prints markdown, ready for docs/performance.md."""
    count = int(_flag(argv, "files", "1000"))
    repeat = int(_flag(argv, "repeat", "7"))
    results = [
        measure("built-in sized", count, repeat, short=False),
        measure("short", count, repeat, short=True),
    ]
    print(
        f"{count} files in one folder, {count // BROKEN_EVERY} broken on purpose; "
        f"median of {repeat} runs after a warm-up (fastest - slowest in brackets):\n"
    )
    print("| files | total size | raw `tomllib` | `scan()` | scan / raw (goal <= 2x) |")
    print("|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r.label} | {r.megabytes:.2f} MB | {r.raw * 1000:.0f} ms ({_spread(r.raw_times)}) "
            f"| {r.ours * 1000:.0f} ms ({_spread(r.our_times)}) | {r.ours / r.raw:.2f}x |"
        )
    print()
    print("Goal for the scan: under 0.5 s.")


def _spread(times: list[float]) -> str:
    return f"{min(times) * 1000:.0f}-{max(times) * 1000:.0f}"


if __name__ == "__main__":
    main(sys.argv[1:])
