"""`backcare export` and `backcare show --json`: routines and plans for other tools and people.

No Textual and no Rich: the output is a file's worth of text on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from ..core.errors import BackcareError
from ..core.exporting import plan_json, routine_json, routine_markdown
from ..core.library import Entry
from ..core.model import Routine
from ..core.timeline import compile_routine

FORMATS = ("toml", "json", "markdown")


def add_export_command(
    commands: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    export = commands.add_parser(
        "export",
        parents=[common],
        help="print a routine as TOML, JSON or a printable Markdown sheet",
        description="Print a routine to share it: the TOML file as written, JSON with every "
        "default filled in (documented in docs/export-json.md), or a Markdown sheet to print "
        "or hand to a physiotherapist. Redirect to save it: backcare export NAME > FILE.",
    )
    export.add_argument("routine", metavar="NAME|PATH")
    export.add_argument(
        "--format",
        choices=FORMATS,
        default="toml",
        help="toml (default), json or markdown",
    )


def run_export(entry: Entry, shape: str, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    if entry.error is not None:
        raise entry.error
    assert entry.routine is not None
    if shape == "toml":
        try:
            text = entry.path.read_text(encoding="utf-8")
        except OSError as error:
            raise BackcareError(
                "Cannot export", f"{entry.path}: cannot read it: {error.strerror or error}"
            ) from None
        out.write(text if text.endswith("\n") else text + "\n")
    elif shape == "json":
        write_json(routine_json(entry.routine), out)
    else:
        out.write(routine_markdown(entry.routine))
    return 0


def print_plan_json(routine: Routine, path: Path, out: TextIO | None = None) -> int:
    """The plan as `show` prints it: at the person's level when the routine progresses."""
    write_json(plan_json(compile_routine(routine), path), out or sys.stdout)
    return 0


def write_json(data: dict[str, Any], out: TextIO) -> None:
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")
