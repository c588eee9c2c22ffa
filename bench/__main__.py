"""`python -m bench [NAME ...] [--flag ...]`: run benchmarks and print their figures.

Each module in MODULES has `main(argv)`, takes the flags it knows and ignores
the rest. Add a module by adding its name here.
"""

from __future__ import annotations

import importlib
import sys

MODULES = [
    "timing",
    "history",
    "pacer",
    "peer",
    "startup",
    "cpu",
    "load",
    "status",
    "today",
    "cues",
]


def main(argv: list[str]) -> int:
    names = [arg for arg in argv if not arg.startswith("-")] or MODULES
    flags = [arg for arg in argv if arg.startswith("-")]
    unknown = [name for name in names if name not in MODULES]
    if unknown:
        print(f"unknown benchmark {', '.join(unknown)}; expected {', '.join(MODULES)}")
        return 2
    for name in names:
        print(f"## {name.capitalize()}\n", flush=True)
        importlib.import_module(f"bench.{name}").main(flags)
        print(flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
