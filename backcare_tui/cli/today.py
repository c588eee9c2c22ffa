"""`backcare today`: the same suggestion as home's Today line, for people and scripts.

Plain text or JSON, no Rich and no Textual: it reads the settings, the
routine folders and the history, and answers. `--date` looks ahead (or back).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..core.library import Library


HELP = "what to do today and why (--json for scripts, --date to look ahead)"
DESCRIPTION = (
    "Today's suggestion: the routine planned for the weekday, else the favourite done "
    "least recently, else the desk break; says so when today's session is done."
)


def add_today_command(
    commands: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    _arguments(commands.add_parser("today", parents=[common], help=HELP, description=DESCRIPTION))


def _arguments(today: argparse.ArgumentParser) -> None:
    today.add_argument("--json", action="store_true", help="print the answer as JSON")
    today.add_argument("--date", metavar="YYYY-MM-DD", type=_date_arg, help="ask about another day")


def main(argv: list[str]) -> int:
    """`backcare today` straight from the console script (cli/entry.py).

    Reminders and scripts call it often; building the full parser would import
    every other command's module first.
    """
    from ..core.errors import BackcareError, RoutineError
    from ..core.library import routine_folders, scan

    parser = argparse.ArgumentParser(prog="backcare today", description=DESCRIPTION)
    parser.add_argument(
        "--routines",
        metavar="DIR",
        action="append",
        default=[],
        help="also load routines from DIR (repeatable; later folders win)",
    )
    parser.add_argument("--ascii", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--reduced-motion", action="store_true", help=argparse.SUPPRESS)
    _arguments(parser)
    args = parser.parse_args(argv)
    try:
        return run_today(args, scan(routine_folders(args.routines)))
    except RoutineError as error:
        print(str(error), file=sys.stderr)
        return 1
    except BackcareError as error:
        print(f"backcare: {error.title}: {error.message}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


def _date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'expected a date like 2026-03-04 (YYYY-MM-DD), got "{text}"'
        ) from None


def run_today(args: argparse.Namespace, library: Library) -> int:
    from ..core.durations import format_length
    from ..core.practice import load_practice
    from ..core.settings import load_settings
    from ..core.timeline import compile_routine
    from ..core.today import today_words
    from ..core.weekplan import day_name, weekday_key

    settings, problems = load_settings()
    practice = load_practice()
    for problem in [*problems, *practice.notices]:
        print(f"backcare: {problem}", file=sys.stderr)
    day = args.date or date.today()
    today = practice.today(settings, day, exists=lambda name: library.find(name) is not None)
    entry = library.find(today.routine) if today.routine is not None else None
    routine: dict[str, Any] | None = None
    if entry is not None and entry.routine is not None:
        progressed = practice.progressed(entry.routine)
        seconds = compile_routine(progressed.routine, settings.prepare_seconds).total
        routine = {
            "name": progressed.routine.name,
            "file": entry.key,
            "level": progressed.level,
            "seconds": round(seconds, 1),
            "length": format_length(seconds),
        }
    if args.json:
        answer = {
            "date": day.isoformat(),
            "weekday": weekday_key(day),
            "done": today.done,
            "source": today.source,
            "routine": routine,
            "reason": today.reason,
            "week": {
                "sessions": today.week_sessions,
                "goal": today.weekly_goal,
                "to_go": max(0, today.weekly_goal - today.week_sessions),
            },
            "done_at": today.done_at.isoformat() if today.done_at else None,
        }
        print(json.dumps(answer, indent=2, ensure_ascii=False))
        return 0
    name = routine["name"] if routine else None
    length = routine["length"] if routine else None
    what, why = today_words(today, name, length)
    when = "Today" if day == date.today() else f"{day_name(day)} {day.isoformat()}"
    print(f"{when}: {what}")
    print(why)
    if routine is not None and not today.done:
        print(f"Start it with: backcare run {routine['file']}")
    return 0
