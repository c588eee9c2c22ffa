"""`backcare progress ROUTINE`: how a routine's levels came to be, and `--reset` to start over.

Plain text, no Rich and no Textual. A reset is a time stamp in the reset
file (see core/resets.py); the sessions stay in the history.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..core.library import Library
    from ..core.practice import Progressed

KIND_WORDS = {
    "session": "completed",
    "easy": "felt easy",
    "hard": "too hard",
    "pain": "pain rose: held",
    "reset": "reset to 0",
}


def add_progress_command(
    commands: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    progress = commands.add_parser(
        "progress",
        parents=[common],
        help="print a routine's level history, or --reset it to level 0",
        description="Print how each progressing step of a routine reached its level, "
        "session by session. --reset starts again at level 0 (asks first); the "
        "sessions stay in the history.",
    )
    progress.add_argument("routine", metavar="NAME|PATH")
    progress.add_argument(
        "--reset", action="store_true", help="go back to level 0 (the sessions are kept)"
    )
    progress.add_argument("--yes", action="store_true", help="reset without asking")


def run_progress(args: argparse.Namespace, library: Library) -> int:
    from ..core.library import load_path_or_name
    from ..core.practice import load_practice

    entry = load_path_or_name(args.routine, library)
    if entry.error is not None:
        raise entry.error
    assert entry.routine is not None
    practice = load_practice()
    for notice in practice.notices:
        print(f"backcare: {notice}", file=sys.stderr)
    progressed = practice.progressed(entry.routine)
    name = entry.routine.name
    if not progressed.progressing:
        print(f"{name} has no progression: no step has a progress table.")
        return 1 if args.reset else 0
    if args.reset:
        return reset(name, progressed, yes=args.yes)
    print_history(progressed)
    return 0


def reset(name: str, progressed: Progressed, *, yes: bool) -> int:
    from ..core.resets import add_reset, resets_file

    if progressed.level == 0 and not any(s.credit for s in progressed.standing.steps):
        print(f"{name} is already at level 0.")
        return 0
    if not yes:
        if not sys.stdin.isatty():
            print(
                "backcare progress: --reset asks before it resets; "
                "add --yes to reset without asking",
                file=sys.stderr,
            )
            return 2
        answer = input(
            f"Reset {name} from level {progressed.level} to level 0? "
            "Its sessions stay in the history. [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing changed.")
            return 1
    add_reset(name, datetime.now(UTC))
    print(f"{name} is back at level 0. (Reset noted in {resets_file()}.)")
    return 0


def print_history(progressed: Progressed) -> None:
    from ..core.level_words import next_note, values_text
    from ..core.text import clean_line

    routine = progressed.original
    growing = [(i, s) for i, s in enumerate(routine.steps) if s.progress is not None]
    names = [clean_line(step.name) for _, step in growing]
    print(f"{clean_line(routine.name)}: level {progressed.level}")
    changes = progressed.standing.changes
    if not changes:
        print("No completed sessions yet: level 0 is what the file says.")
    else:
        widths = [max(len(n), 5) for n in names]
        head = f"{'When':<16}  {'Session':<15}  " + "  ".join(
            n.ljust(w) for n, w in zip(names, widths, strict=True)
        )
        print(head.rstrip())
        for change in changes:
            when = change.at.astimezone().strftime("%Y-%m-%d %H:%M")
            levels = "  ".join(
                str(change.levels[i]).ljust(w) for (i, _), w in zip(growing, widths, strict=True)
            )
            print(f"{when:<16}  {KIND_WORDS[change.kind]:<15}  {levels}".rstrip())
    print()
    for (index, step), state in zip(
        growing, [progressed.standing.steps[i] for i, _ in growing], strict=True
    ):
        now = progressed.routine.steps[index]
        print(f"{clean_line(step.name)}: {values_text(now)} · {next_note(step, state)}")
