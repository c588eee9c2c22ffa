"""`backcare`: the app with no subcommand, plain commands for scripts and screen readers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..core.errors import BackcareError, RoutineError
from ..core.levels import is_progressing
from ..core.library import Library, UnknownRoutine, find_routine, routine_folders, scan
from ..core.loader import load_routine
from ..core.model import Routine
from ..core.text import plural
from .commands import SAFETY, add_commands, command_in
from .full_screen import full_screen
from .parser import Parser

if TYPE_CHECKING:
    from ..core.practice import Practice


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with `only` the one subcommand named (none for ""):
    each subcommand's module is imported only when its parser is built."""
    common = Parser(add_help=False)
    common.add_argument(
        "--routines",
        metavar="DIR",
        action="append",
        default=argparse.SUPPRESS,
        help="also load routines from DIR (repeatable; later folders win)",
    )
    common.add_argument(
        "--ascii",
        action="store_true",
        default=argparse.SUPPRESS,
        help="only ASCII characters, for terminals without block characters",
    )
    common.add_argument(
        "--reduced-motion",
        action="store_true",
        default=argparse.SUPPRESS,
        help="words and numbers instead of the animated breathing shape",
    )
    parser = Parser(
        prog="backcare",
        description="Guided back-care sessions and paced breathing in the terminal. "
        "With no command, opens the app.",
        epilog=SAFETY,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"backcare {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_commands(commands, common, only)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(command_in(argv))
    args = parser.parse_args(argv)
    extra = [Path(p) for p in getattr(args, "routines", [])]
    for folder in extra:
        if not folder.expanduser().is_dir():
            print(f"backcare: --routines {folder}: no such folder", file=sys.stderr)
    try:
        if args.command == "list":
            from .listing import print_list, wants_ascii

            library = _library(extra)
            at_level = _practice().at_level
            return print_list(library, ascii_only=wants_ascii(args), at_level=at_level)
        if args.command == "check":
            return check(args.paths)
        if args.command == "show":
            from .listing import print_plan, wants_ascii

            entry = find_routine(args.routine, routine_folders(extra))
            if entry.error is not None:
                raise entry.error
            assert entry.routine is not None
            practice = _practice()
            if args.json:
                from .exporting import print_plan_json

                return print_plan_json(practice.at_level(entry.routine), entry.path)
            # A routine that does not progress has no levels to show: its plan is the file's.
            progressed = (
                practice.progressed(entry.routine) if is_progressing(entry.routine) else None
            )
            return print_plan(entry.routine, entry.path, progressed, ascii_only=wants_ascii(args))
        if args.command == "new":
            from .new_routine import new_routine

            return new_routine(args)
        if args.command == "help":
            from .help_cmd import print_help_topic

            return print_help_topic(args, parser)
        if args.command == "run":
            return run(args, extra)
        if args.command == "edit":
            return edit(args, extra)
        if args.command == "breathe":
            return breathe(args, extra)
        if args.command == "today":
            from .today import run_today

            return run_today(args, _library(extra))
        if args.command == "progress":
            from .progress import run_progress

            return run_progress(args, _library(extra))
        if args.command == "doctor":
            from .doctor import run_doctor

            return run_doctor(args)
        if args.command == "status":
            from .status import main as status

            return status(["--format", args.format])
        if args.command == "remind":
            from .remind import run_remind_command

            return run_remind_command(args)
        if args.command == "export":
            from .exporting import run_export

            return run_export(find_routine(args.routine, routine_folders(extra)), args.format)
        if args.command == "import":
            from .importing import run_import

            return run_import(args)
        if args.command in ("history", "stats"):
            from .history_cli import run_history_command

            return run_history_command(args)
        return full_screen(args, extra)
    except UnknownRoutine as error:
        print(f"backcare: {error}", file=sys.stderr)
        return 2
    except RoutineError as error:
        print(str(error), file=sys.stderr)
        return 1
    except BackcareError as error:
        print(f"backcare: {error.title}: {error.message}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


def _practice() -> Practice:
    """The history as levels see it; problems reading it are said once, on stderr."""
    from ..core.practice import load_practice

    practice = load_practice()
    for notice in practice.notices:
        print(f"backcare: {notice}", file=sys.stderr)
    return practice


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
    print(f"{good} of {plural(len(files), 'file')} OK", file=sys.stderr)
    return 1 if bad else 0


def run(args: argparse.Namespace, extra: Sequence[Path]) -> int:
    entry = find_routine(args.routine, routine_folders(extra))
    if entry.error is not None:
        raise entry.error
    assert entry.routine is not None
    routine = _practice().at_level(entry.routine)
    if args.plain:
        return play_plain(routine, entry.path)
    return full_screen(args, extra, start=routine, start_path=entry.path)


def play_plain(routine: Routine, path: Path | None = None) -> int:
    from .plain_session import play_plain as play  # plain_session.py: notice, pain, history

    return play(routine, path)


def edit(args: argparse.Namespace, extra: Sequence[Path]) -> int:
    """`backcare edit`: the in-app editor, full screen; leaving it leaves the app."""
    from dataclasses import replace

    from ..core.library import BUILTIN
    from ..core.paths import builtin_routines_dir

    entry = find_routine(args.routine, routine_folders(extra))
    if entry.path.resolve().parent == builtin_routines_dir().resolve():
        entry = replace(entry, kind=BUILTIN)
    return full_screen(args, extra, edit=entry)


def _add_breathe(
    commands: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    from ..core.breathing import PRESETS

    breathe = commands.add_parser(
        "breathe",
        parents=[common],
        help="start a paced breathing session straight away",
        description="Breathe with the pacer: a preset or your own pattern in seconds "
        '(in-out, in-hold-out or in-hold-out-hold, like "4-7-8"), for some minutes or cycles. '
        "Presets: " + ", ".join(f"{name} ({p.pattern.label()})" for name, p in PRESETS.items()),
        epilog=SAFETY,
    )
    breathe.add_argument(
        "--pattern",
        metavar="NAME|4-7-8",
        default="diaphragmatic",
        type=_pattern_arg,
        help="a preset name or seconds like 4-7-8, 4-4-4-4, 5.5-5.5 (default: diaphragmatic)",
    )
    length = breathe.add_mutually_exclusive_group()
    length.add_argument(
        "--minutes", metavar="M", type=_minutes_arg, help="how long, in minutes (default: 5)"
    )
    length.add_argument("--cycles", metavar="N", type=_cycles_arg, help="how many breaths")
    breathe.add_argument(
        "--plain",
        action="store_true",
        help="print one line per phase instead of the full screen (screen readers, pipes, logs)",
    )


def _pattern_arg(text: str) -> str:
    from ..core.breathing import PatternError, parse_pattern

    try:
        parse_pattern(text)
    except PatternError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def _minutes_arg(text: str) -> float:
    from ..core.breathing_session import LengthError, check_minutes

    try:
        return check_minutes(float(text))
    except ValueError as error:
        message = (
            str(error) if isinstance(error, LengthError) else f'expected minutes, got "{text}"'
        )
        raise argparse.ArgumentTypeError(message) from None


def _cycles_arg(text: str) -> int:
    from ..core.limits import MAX_CYCLES

    try:
        cycles = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'expected a whole number of cycles, got "{text}"'
        ) from None
    if not 1 <= cycles <= MAX_CYCLES:
        raise argparse.ArgumentTypeError(f"cycles must be from 1 to {MAX_CYCLES}, got {cycles}")
    return cycles


def breathe(args: argparse.Namespace, extra: Sequence[Path]) -> int:
    """A breathing session as a routine of one step, played like any routine."""
    from ..core.breathing import PRESETS, parse_pattern, pattern_warnings
    from ..core.breathing_session import breathing_routine

    key = args.pattern.strip().lower()
    pattern = parse_pattern(key)
    for note in pattern_warnings(pattern):
        print(f"Note: {note}", file=sys.stderr)
    routine = breathing_routine(
        pattern,
        preset=key if key in PRESETS else None,
        minutes=args.minutes,
        cycles=args.cycles,
    )
    if args.plain:
        return play_plain(routine)
    return full_screen(args, extra, start=routine)
