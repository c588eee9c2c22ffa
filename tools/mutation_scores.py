"""Mutation score per core module from mutmut's results in mutants/ (`make mutate`).

Score = killed / (killed + survived + no tests), over the mutants that were checked;
timeouts count as killed (the mutant made a test hang, which a test run notices).
Modules with unchecked mutants (run on other modules only) show how many were checked.
With --markdown, the same rows as the table in docs/mutation.md.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

KILLED = {1, 3, 36, 24, -24, 152, 255, 37}
SURVIVED = {0}
NO_TESTS = {5, 33}


def main(argv: list[str], root: Path = Path("mutants")) -> int:
    rows: list[tuple[str, Counter[str]]] = []
    core = root / "backcare_tui" / "core"
    for meta in sorted(core.rglob("*.py.meta")):
        codes = json.loads(meta.read_text())["exit_code_by_key"].values()
        counts: Counter[str] = Counter()
        for code in codes:
            if code is None:
                counts["unchecked"] += 1
            elif code in KILLED:
                counts["killed"] += 1
            elif code in SURVIVED:
                counts["survived"] += 1
            elif code in NO_TESTS:
                counts["no tests"] += 1
            else:
                counts["other"] += 1
        if sum(counts.values()) - counts["unchecked"]:
            rows.append((meta.relative_to(core).as_posix().removesuffix(".py.meta"), counts))
    if not rows:
        print("no checked mutants in mutants/: run `make mutate` first", file=sys.stderr)
        return 1
    line = _markdown_line if "--markdown" in argv else _line
    if line is _markdown_line:
        print("| module | mutants | killed | survived | no tests | score |")
        print("|---|---:|---:|---:|---:|---:|")
    else:
        print(
            f"{'module':<26}{'killed':>8}{'survived':>10}{'no tests':>10}{'other':>7}{'score':>8}"
        )
    total: Counter[str] = Counter()
    for name, counts in rows:
        total.update(counts)
        print(line(name, counts))
    print(line("all checked", total))
    return 0


def _score(counts: Counter[str]) -> str:
    judged = counts["killed"] + counts["survived"] + counts["no tests"]
    return f"{100 * counts['killed'] / judged:.1f} %" if judged else "-"


def _markdown_line(name: str, counts: Counter[str]) -> str:
    label = f"`core/{name}.py`" if name != "all checked" else "**all**"
    unchecked = f" ({counts['unchecked']} not run)" if counts["unchecked"] else ""
    return (
        f"| {label} | {counts.total()} | {counts['killed']} | {counts['survived']} "
        f"| {counts['no tests']} | {_score(counts)}{unchecked} |"
    )


def _line(name: str, counts: Counter[str]) -> str:
    score = _score(counts).replace(" ", "")
    unchecked = f"  ({counts['unchecked']} not run)" if counts["unchecked"] else ""
    return (
        f"{name:<26}{counts['killed']:>8}{counts['survived']:>10}{counts['no tests']:>10}"
        f"{counts['other']:>7}{score:>8}{unchecked}"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
