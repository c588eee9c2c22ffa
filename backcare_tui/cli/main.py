"""`backcare`: the app with no subcommand, plain commands for scripts and screen readers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..core.errors import BackcareError, RoutineError
from ..core.library import Library, load_path_or_name, routine_folders, scan, slug
from ..core.loader import load_routine
from ..core.paths import user_routines_dir

SAFETY = (
    "backcare is an exercise aid, not medical advice. Stop if you feel sharp pain, "
    "and see a professional for pain that lasts."
)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--routines",
        metavar="DIR",
        action="append",
        default=argparse.SUPPRESS,
        help="also load routines from DIR (repeatable; later folders win)",
    )
    parser = argparse.ArgumentParser(
        prog="backcare",
        description="Guided back-care sessions and paced breathing in the terminal. "
        "With no command, opens the app.",
        epilog=SAFETY,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"backcare {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser(
        "list", parents=[common], help="list routines and broken routine files", epilog=SAFETY
    )

    check = commands.add_parser(
        "check",
        parents=[common],
        help="check routine files (exit 0 all good, 1 any bad, 2 usage error)",
        description="Check routine files and print every problem as PATH:LINE:COL or "
        'PATH: step N "NAME": message. Exit 0 when all are good, 1 when any is bad.',
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="routine files or folders")

    show = commands.add_parser(
        "show", parents=[common], help="print the plan of a routine without playing it"
    )
    show.add_argument("routine", metavar="NAME|PATH")

    new = commands.add_parser(
        "new", parents=[common], help="write a commented starter routine into your routines folder"
    )
    new.add_argument("name", metavar="NAME", help="the routine's name")

    run = commands.add_parser("run", parents=[common], help="play a routine", epilog=SAFETY)
    run.add_argument("routine", metavar="NAME|PATH")
    run.add_argument(
        "--plain",
        action="store_true",
        help="print one line per phase instead of the full screen (screen readers, pipes, logs)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    extra = [Path(p) for p in getattr(args, "routines", [])]
    try:
        if args.command == "list":
            from .listing import print_list

            return print_list(_library(extra))
        if args.command == "check":
            return check(args.paths)
        if args.command == "show":
            from .listing import print_plan

            entry = load_path_or_name(args.routine, _library(extra))
            if entry.error is not None:
                raise entry.error
            assert entry.routine is not None
            return print_plan(entry.routine, entry.path)
        if args.command == "new":
            return new(args.name)
        if args.command == "run":
            return run(args.routine, extra, plain=args.plain)
        parser.print_help()
        return 0
    except RoutineError as error:
        print(str(error), file=sys.stderr)
        return 1
    except BackcareError as error:
        print(f"backcare: {error.title}: {error.message}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


def _library(extra: Sequence[Path]) -> Library:
    return scan(routine_folders(extra))


def check(paths: Sequence[str]) -> int:
    files: list[Path] = []
    missing: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(path.glob("*.toml")))
        elif path.exists():
            files.append(path)
        else:
            missing.append(name)
    for name in missing:
        print(f"backcare check: {name}: no such file or folder", file=sys.stderr)
    if missing:
        return 2
    bad = 0
    for path in files:
        try:
            load_routine(path)
        except RoutineError as error:
            bad += 1
            print(str(error))
    good = len(files) - bad
    print(f"{good} of {len(files)} file{'s' if len(files) != 1 else ''} OK", file=sys.stderr)
    return 1 if bad else 0


def new(name: str) -> int:
    from .starter import starter_text

    folder = user_routines_dir()
    path = folder / f"{slug(name)}.toml"
    if path.exists():
        print(f"backcare new: {path} already exists; choose another name", file=sys.stderr)
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(starter_text(name))
    except FileExistsError:
        print(f"backcare new: {path} already exists; choose another name", file=sys.stderr)
        return 1
    print(path)
    return 0


def run(wanted: str, extra: Sequence[Path], *, plain: bool) -> int:
    from ..core.timeline import compile_routine

    entry = load_path_or_name(wanted, _library(extra))
    if entry.error is not None:
        raise entry.error
    assert entry.routine is not None
    timeline = compile_routine(entry.routine)
    if plain:
        from .plain import run_plain

        return run_plain(timeline, entry.routine.name, sys.stdout)
    print("backcare run: the full-screen player is not built yet; use --plain", file=sys.stderr)
    return 2
