"""Tables for `list` and `show`. Routine text goes in as rich Text, never as markup."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..core.durations import format_length
from ..core.library import Library
from ..core.model import Routine
from ..core.text import clean_line
from ..core.timeline import compile_routine


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def print_list(library: Library) -> int:
    console = _console()
    table = Table(title="Routines", title_justify="left", expand=False)
    table.add_column("Name", overflow="fold")
    table.add_column("Time", justify="right")
    table.add_column("Steps", justify="right")
    table.add_column("Tags", overflow="fold")
    table.add_column("Source", overflow="fold")
    for entry in library.entries:
        routine = entry.routine
        assert routine is not None
        total = compile_routine(routine).total
        source = entry.kind
        if entry.shadows is not None:
            source += f" (overrides {clean_line(str(entry.shadows))})"
        if entry.kind != "built-in":
            source += f": {clean_line(str(entry.path))}"  # file names are untrusted too
        table.add_row(
            Text(routine.name),
            format_length(total),
            str(len(routine.steps) * routine.rounds),
            Text(", ".join(routine.tags)),
            Text(source),
        )
    console.print(table)
    if library.broken:
        console.print()
        console.print(Text(f"Broken routine files ({len(library.broken)}):", style="bold red"))
        for entry in library.broken:
            assert entry.error is not None
            for problem in entry.error.problems:
                console.print(Text(f"  {problem}"))
    return 0


def print_plan(routine: Routine, path: Path) -> int:
    console = _console()
    timeline = compile_routine(routine)
    console.print(Text(routine.name, style="bold"))
    if routine.description:
        console.print(Text(routine.description))
    console.print(Text(clean_line(str(path)), style="dim"))  # file names are untrusted too
    table = Table(expand=False, show_edge=False)
    table.add_column("#", justify="right")
    table.add_column("Step", overflow="fold")
    table.add_column("Phases", overflow="fold")
    table.add_column("Starts", justify="right")
    table.add_column("Time", justify="right")
    for span in timeline.steps:
        phases = timeline.phases[span.first_phase : span.last_phase + 1]
        table.add_row(
            str(span.index + 1),
            Text(span.name),
            Text(_phase_summary([p.label for p in phases], [p.length for p in phases])),
            format_length(span.start),
            format_length(span.length),
        )
    console.print(table)
    console.print(Text(f"Total: {format_length(timeline.total)} in {len(timeline.phases)} phases"))
    sys.stdout.flush()
    return 0


def _phase_summary(labels: list[str], lengths: list[float]) -> str:
    """Like phases counted together, in order of first appearance: "Hold 30s x6, Rest 10s x5"."""
    counts: dict[str, int] = {}
    for label, length in zip(labels, lengths, strict=True):
        key = f"{label} {format_length(length)}"
        counts[key] = counts.get(key, 0) + 1
    return ", ".join(f"{key} x{count}" if count > 1 else key for key, count in counts.items())
