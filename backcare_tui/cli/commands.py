"""The subcommands' parsers, each registered without importing the others' modules.

`cli/main.py` used to import every `cli/*.py` module to build its parser
(134 ms of `backcare list`'s 395 ms on the loaded machine of 2026-11-28).
`build_parser(only)` now registers one command when argv names it plainly
(`command_in`), so `backcare list` imports only what `list` needs and
`backcare` with no command imports no subcommand module at all. Anything
less plain (`--help`, `help`, a misspelt command, an abbreviated option)
gets the whole parser, so its messages are the same as before.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

SAFETY = (
    "backcare is an exercise aid, not medical advice. Stop if you feel sharp pain, "
    "and see a professional for pain that lasts."
)

if TYPE_CHECKING:
    Commands: TypeAlias = argparse._SubParsersAction[Any]
    Adder: TypeAlias = Callable[[Commands, argparse.ArgumentParser], None]


def _list(commands: Commands, common: argparse.ArgumentParser) -> None:
    commands.add_parser(
        "list", parents=[common], help="list routines and broken routine files", epilog=SAFETY
    )


def _check(commands: Commands, common: argparse.ArgumentParser) -> None:
    check = commands.add_parser(
        "check",
        parents=[common],
        help="check routine files (exit 0 all good, 1 any bad, 2 usage error)",
        description="Check routine files and print every problem as PATH:LINE:COL or "
        'PATH: step N "NAME": message. Exit 0 when all are good, 1 when any is bad.',
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="routine files or folders")


def _show(commands: Commands, common: argparse.ArgumentParser) -> None:
    show = commands.add_parser(
        "show", parents=[common], help="print the plan of a routine without playing it"
    )
    show.add_argument("routine", metavar="NAME|PATH")
    show.add_argument(
        "--json", action="store_true", help="the compiled plan as JSON (docs/export-json.md)"
    )


def _new(commands: Commands, common: argparse.ArgumentParser) -> None:
    from .new_routine import add_new_command

    add_new_command(commands, common)


def _run(commands: Commands, common: argparse.ArgumentParser) -> None:
    run = commands.add_parser("run", parents=[common], help="play a routine", epilog=SAFETY)
    run.add_argument("routine", metavar="NAME|PATH")
    run.add_argument(
        "--plain",
        action="store_true",
        help="print one line per phase instead of the full screen (screen readers, pipes, logs)",
    )


def _edit(commands: Commands, common: argparse.ArgumentParser) -> None:
    edit = commands.add_parser(
        "edit",
        parents=[common],
        help="open a routine in the app's editor (built-ins are saved as your own copy)",
    )
    edit.add_argument("routine", metavar="NAME|PATH")


def _breathe(commands: Commands, common: argparse.ArgumentParser) -> None:
    from .main import _add_breathe

    _add_breathe(commands, common)


def _history(commands: Commands, common: argparse.ArgumentParser) -> None:
    from .history_cli import add_history_commands

    add_history_commands(commands, common)


def _help(commands: Commands, common: argparse.ArgumentParser) -> None:
    from .help_cmd import add_help_command

    add_help_command(commands, common)


def _progress(commands: Commands, common: argparse.ArgumentParser) -> None:
    from .progress import add_progress_command

    add_progress_command(commands, common)


def _remind(commands: Commands, common: argparse.ArgumentParser) -> None:
    from .remind import add_remind_command

    add_remind_command(commands, common)


def _status(commands: Commands, common: argparse.ArgumentParser) -> None:
    status = commands.add_parser(
        "status",
        help="one line for status bars: sessions this week, and whether one is due today",
    )
    status.add_argument("--format", choices=("text", "json", "tmux"), default="text")


def _import(commands: Commands, common: argparse.ArgumentParser) -> None:
    from .importing import add_import_command

    add_import_command(commands, common)


def _export(commands: Commands, common: argparse.ArgumentParser) -> None:
    from .exporting import add_export_command

    add_export_command(commands, common)


def _today(commands: Commands, common: argparse.ArgumentParser) -> None:
    from .today import add_today_command

    add_today_command(commands, common)


def _doctor(commands: Commands, common: argparse.ArgumentParser) -> None:
    from .doctor import add_doctor_command

    add_doctor_command(commands, common)


COMMANDS: tuple[tuple[tuple[str, ...], Adder], ...] = (
    (("list",), _list),
    (("check",), _check),
    (("show",), _show),
    (("new",), _new),
    (("run",), _run),
    (("edit",), _edit),
    (("breathe",), _breathe),
    (("history", "stats"), _history),
    (("help",), _help),
    (("progress",), _progress),
    (("remind",), _remind),
    (("status",), _status),
    (("import",), _import),
    (("export",), _export),
    (("today",), _today),
    (("doctor",), _doctor),
)
"""Every subcommand in the order `backcare --help` lists them, with the names each adds."""

NAMES = frozenset(name for names, _ in COMMANDS for name in names)
# `help` prints the whole parser's help, so it always gets the whole parser.
ALONE = NAMES - {"help"}
FLAGS = frozenset({"--ascii", "--reduced-motion"})


def command_in(argv: Sequence[str]) -> str | None:
    """The one subcommand `argv` plainly names, "" when it names none, or None
    when anything else (help, a typo, an abbreviation) needs the whole parser."""
    tokens = iter(argv)
    for token in tokens:
        if token in FLAGS or token.startswith("--routines="):
            continue
        if token == "--routines":
            if next(tokens, None) is None:
                return None
            continue
        return token if token in ALONE else None
    return ""


def add_commands(
    commands: Commands, common: argparse.ArgumentParser, only: str | None = None
) -> None:
    """Every subcommand (`only` None), the one named `only`, or none (`only` "")."""
    for names, add in COMMANDS:
        if only is None or only in names:
            add(commands, common)
