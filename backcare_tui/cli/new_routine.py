"""`backcare new NAME`: a commented starter routine in the user's routines folder."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..core.atomic import atomic_write
from ..core.library import BUILTIN, Folder, scan, slug
from ..core.limits import MAX_NAME_LENGTH
from ..core.paths import builtin_routines_dir, user_routines_dir
from ..core.text import clean_line

USAGE_ERROR = 2


def add_new_command(
    commands: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    new = commands.add_parser(
        "new",
        parents=[common],
        help="write a commented starter routine into your routines folder",
        description="Write a commented starter routine named NAME into your routines folder "
        "and print its path. `backcare help format` is the full reference.",
    )
    new.add_argument("name", metavar="NAME", help="the routine's name")
    new.add_argument(
        "--force",
        action="store_true",
        help="write it even when it would take the place of a built-in routine",
    )


def new_routine(args: argparse.Namespace) -> int:
    from ..core.routine_files import starter_text

    name = args.name.strip()
    if not any(c.isalnum() for c in name):
        return _usage(
            f'"{clean_line(args.name)}" has no letters or digits; give the routine a name'
        )
    if len(name) > MAX_NAME_LENGTH:
        return _usage(f"a name is at most {MAX_NAME_LENGTH} characters, got {len(name)}")
    stem = slug(name)
    path = user_routines_dir() / f"{stem}.toml"
    if path.exists():
        print(f"backcare new: {path} already exists; choose another name", file=sys.stderr)
        return 1
    builtin = _builtin_named(stem, name)
    if builtin is not None and not args.force and not _confirm(builtin):
        print(
            f'backcare new: "{builtin}" is a built-in routine and your file would take its '
            "place; choose another name, or use --force to do it",
            file=sys.stderr,
        )
        return 1
    try:
        atomic_write(path, starter_text(name).encode("utf-8"))
    except OSError as error:
        print(f"backcare new: cannot write {path}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(path)
    return 0


def _usage(message: str) -> int:
    print(f"backcare new: {message}", file=sys.stderr)
    return USAGE_ERROR


def _builtin_named(stem: str, name: str) -> str | None:
    """The built-in a routine of this name would hide: same file name, or same name."""
    for entry in scan([Folder(BUILTIN, builtin_routines_dir())]).entries:
        assert entry.routine is not None
        if entry.key == stem or entry.routine.name.casefold() == name.casefold():
            return entry.routine.name
    return None


def _confirm(builtin: str) -> bool:
    """Ask on a terminal; anywhere else (scripts, pipes) the answer is no."""
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        return False
    print(
        f'"{builtin}" is a built-in routine; your new file would take its place in the list.\n'
        "Write it anyway? [y/N] ",
        end="",
        file=sys.stderr,
        flush=True,
    )
    try:
        answer = sys.stdin.readline()
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return False
    return answer.strip().lower() in ("y", "yes")
