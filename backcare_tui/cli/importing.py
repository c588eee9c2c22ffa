"""`backcare import FILE...`: routines from Workrave, nafas and OpenHIIT files.

Plain output for people and scripts: what was made, where, and every guess
taken on the way. Never imports Textual, and never replaces a file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..core.durations import format_length
from ..core.errors import RoutineError
from ..core.library import slug
from ..core.loader import load_routine
from ..core.paths import display_path, user_routines_dir
from ..core.text import clean_line, plural
from ..core.timeline import compile_routine
from ..core.writer import dumps_routine

if TYPE_CHECKING:
    # The importers (XML, statistics) load only when `import` runs: every other
    # command, and the app, parse this module's arguments and no more.
    from ..core.importers import Imported, ImportFailure


def add_import_command(
    commands: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    command = commands.add_parser(
        "import",
        parents=[common],
        help="make backcare routines from Workrave, nafas or OpenHIIT files",
        description="Read each FILE, tell its format from its content (a Workrave "
        "exercises.xml, a nafas program, an OpenHIIT export), and write one backcare "
        "routine per routine found into your routines folder. Existing files are never "
        "replaced: a numbered name is used instead. Exit 0 when every file imported, "
        "1 when any failed. breathe-cli logs go into the history: "
        "`backcare history --import FILE`.",
    )
    command.add_argument("files", nargs="+", metavar="FILE", help="files to import")
    command.add_argument(
        "--into",
        metavar="DIR",
        help="write the routines into DIR instead of your routines folder",
    )
    command.add_argument(
        "--dry-run",
        action="store_true",
        help="print the routines as TOML instead of writing them",
    )


def run_import(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from ..core.importers import ImportFailure, import_file
    from ..core.importers.locale import preferred_languages

    out = out or sys.stdout
    folder = Path(args.into).expanduser() if args.into else user_routines_dir()
    languages = preferred_languages()
    failed = made = 0
    for name in args.files:
        path = Path(name).expanduser()
        try:
            results = import_file(path, languages)
        except ImportFailure as failure:
            _fail(failure)
            failed += 1
            continue
        file_failed = False
        for result in results:
            if isinstance(result, ImportFailure):
                _fail(result)
                file_failed = True
                continue
            text = file_text(result, path)
            if args.dry_run:
                _dry_run(result, text, folder, out)
                made += 1
            elif _write(result, text, folder, path, out):
                made += 1
            else:
                file_failed = True
        failed += file_failed
    verb = "Would make" if args.dry_run else "Made"
    files = len(args.files)
    summary = f"{verb} {plural(made, 'routine')} from {plural(files, 'file')}"
    if failed:
        summary += f"; {plural(failed, 'file')} failed"
    print(summary + ".", file=sys.stderr)
    return 1 if failed else 0


def file_text(imported: Imported, source: Path) -> str:
    """The routine's TOML, headed by comments saying where it came from and what was assumed."""
    lines = [f"# Imported by backcare from {display_path(source)} ({imported.source})."]
    if imported.assumptions:
        lines.append("# Assumptions:")
        lines.extend(f"# - {clean_line(note)}" for note in imported.assumptions)
    return "\n".join(lines) + "\n" + dumps_routine(imported.routine)


def _describe(imported: Imported) -> str:
    routine = imported.routine
    total = compile_routine(routine).total
    steps = len(routine.steps)
    return (
        f'"{clean_line(routine.name)}" ({imported.source}, {plural(steps, "step")}, '
        f"{format_length(total)})"
    )


def _assumptions(imported: Imported, out: TextIO) -> None:
    for note in imported.assumptions:
        out.write(f"  - {clean_line(note)}\n")


def _write(imported: Imported, text: str, folder: Path, source: Path, out: TextIO) -> bool:
    from ..core.importers import ImportFailure
    from ..core.importers.files import write_new

    try:
        path = write_new(folder, imported.routine.name, text)
    except OSError as error:
        _fail(ImportFailure(str(source), f"cannot write into {folder}: {error.strerror or error}"))
        return False
    try:
        load_routine(path)
    except RoutineError as error:  # the text was checked before writing; this is a backstop
        path.unlink(missing_ok=True)
        _fail(ImportFailure(str(source), f"the written routine did not pass check: {error}"))
        return False
    out.write(f"Made {display_path(path)}: {_describe(imported)}\n")
    wanted = f"{slug(imported.routine.name)}.toml"
    if path.name != wanted:
        out.write(f"  - {wanted} already exists in {display_path(folder)}: named it {path.name}.\n")
    _assumptions(imported, out)
    return True


def _dry_run(imported: Imported, text: str, folder: Path, out: TextIO) -> None:
    from ..core.importers.files import free_path

    target = free_path(folder, imported.routine.name)
    print(f"Would make {display_path(target)}: {_describe(imported)}", file=sys.stderr)
    out.write(f"# --- {display_path(target)}\n{text}\n")


def _fail(failure: ImportFailure) -> None:
    print(f"backcare import: {failure.message}", file=sys.stderr)
