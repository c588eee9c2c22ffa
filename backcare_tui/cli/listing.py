"""Tables for `list` and `show`. Routine text goes in as rich Text, never as markup.

`list` and `show` write their tables themselves (cli/plain_table.py) and
import Rich's console only when Rich must draw them (a terminal too narrow
for the table, a forced terminal, `show`'s levels): `rich.console` and
`rich.table` cost about 36 ms.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.durations import format_length
from ..core.library import EntryKind, Library
from ..core.model import Routine
from ..core.paths import display_path
from ..core.phase_lengths import routine_total, step_length
from ..core.text import clean_line
from .plain_table import cell_len

if TYPE_CHECKING:
    from rich.console import Console

    from ..core.practice import Progressed

PIPE_WIDTH = 1000
"""Lines are never cut when the output goes to a file or another program."""


def wants_ascii(args: argparse.Namespace) -> bool:
    """`--ascii`, or `ascii = true` in the settings file."""
    if getattr(args, "ascii", False):
        return True
    from ..core.setting_flag import ASCII_DEFAULT, read_flag

    return read_flag("ascii", ASCII_DEFAULT)


def _console() -> Console:
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=False)
    if not console.is_terminal:
        console.width = PIPE_WIDTH
    return console


LIST_COLUMNS = ("Id", "Name", "Time", "Steps", "Source", "Tags")
SHRINK_ORDER = (("Tags", 8), ("Source", 10), ("Name", 12), ("Tags", 0), ("Source", 0))
"""What gives way when a row does not fit, and how far (0 leaves the column out):
tags first; ids and times never, since ids are what `run`, `show` and `edit` take."""


def print_list(
    library: Library,
    *,
    ascii_only: bool = False,
    at_level: Callable[[Routine], Routine] | None = None,
) -> int:
    """One row a routine, never wrapped: what does not fit is cut short at the end.

    `at_level` gives each routine at the person's level, whose time is shown."""
    from .plain_table import plain_enough, stdout, write_table

    out = stdout(PIPE_WIDTH)
    rows: list[tuple[str, ...]] = []
    for entry in library.entries:
        routine = entry.routine
        assert routine is not None
        source = entry.kind.value
        if entry.kind is not EntryKind.BUILTIN:
            source += f": {display_path(entry.path)}"  # file names are untrusted too
        if entry.shadows is not None:
            source += f" (overrides {display_path(entry.shadows)})"
        rows.append(
            (
                clean_line(entry.key),
                routine.name,
                format_length(routine_total(at_level(routine) if at_level else routine)),
                str(len(routine.steps) * routine.rounds),
                source,
                ", ".join(routine.tags),
            )
        )
    widths = _fit(rows, out.width)
    if sum(w + 3 for w in widths if w > 0) + 1 > out.width or not plain_enough():
        # Rich shrinks every column of a table that cannot fit (a very narrow
        # terminal), and knows forced terminals: it draws those cases.
        _print_list_rich(library, rows, ascii_only=ascii_only)
        return 0
    shown = [i for i, width in enumerate(widths) if width > 0]
    out.line(out.style("Routines", italic=True))
    write_table(
        out,
        [LIST_COLUMNS[i] for i in shown],
        [widths[i] for i in shown],
        [[row[i] for i in shown] for row in rows],
        ascii_only=ascii_only,
        right=frozenset({"Time", "Steps"}),
    )
    if library.broken:
        out.line()
        out.line(out.style(f"Broken routine files ({len(library.broken)}):", bold=True, red=True))
        for entry in library.broken:
            assert entry.error is not None
            for problem in entry.error.problems:
                out.wrapped(f"  {problem}")
    return 0


def _print_list_rich(library: Library, rows: list[tuple[str, ...]], *, ascii_only: bool) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console = _console()
    widths = _fit(rows, console.width)
    table = Table(expand=False, box=box.ASCII if ascii_only else box.HEAVY_HEAD)
    shown = [i for i, width in enumerate(widths) if width > 0]
    for title, width in ((LIST_COLUMNS[i], widths[i]) for i in shown):
        table.add_column(
            title,
            width=width,
            no_wrap=True,
            overflow="crop" if ascii_only else "ellipsis",
            justify="right" if title in ("Time", "Steps") else "left",
        )
    for row in rows:
        table.add_row(*(Text(row[i]) for i in shown))
    console.print(Text("Routines", style="italic"))
    console.print(table)
    if library.broken:
        console.print()
        console.print(Text(f"Broken routine files ({len(library.broken)}):", style="bold red"))
        for entry in library.broken:
            assert entry.error is not None
            for problem in entry.error.problems:
                console.print(Text(f"  {problem}"))


def _fit(rows: list[tuple[str, ...]], available: int) -> list[int]:
    """Column widths that fit `available` cells, borders and padding included."""
    natural = [
        max([len(title), *(cell_len(row[i]) for row in rows)])
        for i, title in enumerate(LIST_COLUMNS)
    ]
    widths = list(natural)
    for title, least in SHRINK_ORDER:
        excess = sum(w + 3 for w in widths if w > 0) + 1 - available
        if excess <= 0:
            break
        i = LIST_COLUMNS.index(title)
        widths[i] = 0 if least == 0 else max(widths[i] - excess, min(least, widths[i]))
    for title in ("Name", "Source"):  # room freed by a column left out goes back
        i = LIST_COLUMNS.index(title)
        spare = available - (sum(w + 3 for w in widths if w > 0) + 1)
        if widths[i] > 0 and spare > 0:
            widths[i] = min(natural[i], widths[i] + spare)
    return widths


def print_plan(
    routine: Routine, path: Path, progressed: Progressed | None = None, *, ascii_only: bool = False
) -> int:
    """The plan as it will play: at the person's level when the routine progresses."""
    from ..core.timeline import compile_routine
    from .plain_table import natural_widths, plain_enough, stdout, write_table

    if progressed is not None:
        routine = progressed.routine
    timeline = compile_routine(routine)
    rows: list[tuple[str, ...]] = []
    for span in timeline.steps:
        phases = timeline.phases[span.first_phase : span.last_phase + 1]
        rows.append(
            (
                str(span.index + 1),
                span.name,
                _phase_summary([p.label for p in phases], [p.length for p in phases]),
                format_length(span.start),
                format_length(step_length(span.step)),
            )
        )
    total = (
        f"Total: {format_length(timeline.total)} in {len(timeline.phases)} phases, "
        "with the lead-in and the rests between steps (a step's time is its own)"
    )
    out = stdout(PIPE_WIDTH)
    widths = natural_widths(PLAN_COLUMNS, rows)
    fits = sum(w + 3 for w in widths) - 1 <= out.width
    if not fits or not plain_enough() or (progressed is not None and progressed.progressing):
        # Rich folds long steps and phases to fit a narrow terminal, and draws
        # the levels: it prints those cases.
        _print_plan_rich(routine, path, rows, total, progressed, ascii_only=ascii_only)
        return 0
    out.wrapped(routine.name, bold=True)
    if routine.description:
        out.wrapped(routine.description)
    out.wrapped(display_path(path), dim=True)  # file names are untrusted too
    write_table(
        out,
        PLAN_COLUMNS,
        widths,
        rows,
        ascii_only=ascii_only,
        right=frozenset({"#", "Starts", "Step time"}),
        edge=False,
    )
    out.wrapped(total)
    sys.stdout.flush()
    return 0


PLAN_COLUMNS = ("#", "Step", "Phases", "Starts", "Step time")


def _print_plan_rich(
    routine: Routine,
    path: Path,
    rows: list[tuple[str, ...]],
    total: str,
    progressed: Progressed | None,
    *,
    ascii_only: bool,
) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console = _console()
    console.print(Text(routine.name, style="bold"))
    if routine.description:
        console.print(Text(routine.description))
    console.print(Text(display_path(path), style="dim"))  # file names are untrusted too
    table = Table(expand=False, show_edge=False, box=box.ASCII if ascii_only else box.HEAVY_HEAD)
    table.add_column("#", justify="right")
    table.add_column("Step", overflow="fold")
    table.add_column("Phases", overflow="fold")
    table.add_column("Starts", justify="right")
    table.add_column("Step time", justify="right")
    for number, name, phases, starts, length in rows:
        table.add_row(number, Text(name), Text(phases), starts, length)
    console.print(table)
    console.print(Text(total))
    if progressed is not None and progressed.progressing:
        _print_levels(console, progressed)
    sys.stdout.flush()


def _phase_summary(labels: list[str], lengths: list[float]) -> str:
    """Like phases counted together, in order of first appearance: "Hold 30s x6, Rest 10s x5"."""
    counts: dict[str, int] = {}
    for label, length in zip(labels, lengths, strict=True):
        key = f"{label} {format_length(length)}"
        counts[key] = counts.get(key, 0) + 1
    return ", ".join(f"{key} x{count}" if count > 1 else key for key, count in counts.items())


def _print_levels(console: Console, progressed: Progressed) -> None:
    """Each growing step: its level, its values now and before, and the next step up."""
    from rich.text import Text

    from ..core.level_words import next_note, values_text
    from ..core.progression import step_top

    console.print()
    console.print(Text(f"Level {progressed.level} (from your history; level 0 is the file)"))
    states = progressed.standing.steps
    for original, now, state in zip(
        progressed.original.steps, progressed.routine.steps, states, strict=True
    ):
        if original.progress is None:
            continue
        parts = [f"level {state.level} of {step_top(original)}", values_text(now)]
        if state.level:
            parts.append(f"was {values_text(original)}")
        parts.append(next_note(original, state))
        line = Text(f"  {clean_line(original.name)}: " + " · ".join(parts))
        console.print(line, soft_wrap=True)
