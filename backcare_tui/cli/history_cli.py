"""`backcare history` and `backcare stats`: the session log for people and for scripts.

Exports (`--csv`, `--json`) hold every session, oldest first, with times in
UTC ISO 8601 and the same field names as the database, so they can be
loaded anywhere without knowing backcare. Rich is imported only for the
table, and Textual never.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ..core.history_rows import StoredSession
    from ..core.stats import Stats

# The parser is built for every command, so this module's own imports stay
# light; the history and stats modules (sqlite3 and friends, ~25 ms) load on use.
FIELDS = (
    "id",
    "routine_name",
    "routine_path",
    "routine_hash",
    "started_at",
    "ended_at",
    "planned_seconds",
    "actual_seconds",
    "steps_done",
    "steps_skipped",
    "steps_total",
    "finished",
    "pain_before",
    "pain_after",
    "note",
    "completion",
    "feedback",
)
"""Export columns: the row id, then the database's own (checked by a test)."""
DEFAULT_ROWS = 20


def add_history_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    history = commands.add_parser(
        "history",
        parents=[common],
        help="print recent sessions, or export them all (--csv, --json)",
        description="Print recent sessions as a table, newest first; --csv and --json "
        "write every session to stdout, oldest first, times in UTC.",
    )
    shape = history.add_mutually_exclusive_group()
    shape.add_argument("--csv", action="store_true", help="every session as CSV")
    shape.add_argument("--json", action="store_true", help="every session as a JSON array")
    shape.add_argument(
        "--delete",
        type=int,
        metavar="ID",
        help="delete one session by its id (the first column of the table and exports)",
    )
    shape.add_argument(
        "--import",
        dest="import_log",
        metavar="FILE",
        help="add breathe-cli's log (~/.breathe_log.csv) as breathing sessions; "
        "sessions already in the history are left out",
    )
    shape.add_argument(
        "-n",
        "--limit",
        type=_how_many,
        default=DEFAULT_ROWS,
        metavar="N",
        help=f"how many recent sessions to print (default {DEFAULT_ROWS})",
    )
    commands.add_parser(
        "stats",
        parents=[common],
        help="print this week against your goal, your streak and totals",
    )


def run_history_command(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from ..core.history import load_history

    out = out or sys.stdout
    if args.command == "stats":
        return print_stats(out)
    if args.delete is not None:
        return delete(args.delete, out)
    if args.import_log is not None:
        from .history_import import import_log

        return import_log(args.import_log, out)
    if args.csv or args.json:
        history = load_history()
        _warn(history.notices)
        sessions = list(reversed(history.sessions))
        if args.csv:
            write_csv(sessions, out)
        else:
            write_json(sessions, out)
        return 0
    return print_table(args.limit, out)


def _how_many(text: str) -> int:
    """-n takes 1 or more: 0 or -1 would print "No sessions yet" over a full history."""
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'expected a whole number, got "{text}"') from None
    if count < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more sessions, got {count}")
    return count


def record(stored: StoredSession) -> dict[str, Any]:
    """One session as export fields: plain numbers, booleans, null, UTC ISO strings."""
    s = stored.summary
    return {
        "id": stored.id,
        "routine_name": s.routine_name,
        "routine_path": s.routine_path,
        "routine_hash": s.routine_hash,
        "started_at": _utc(s.started_at),
        "ended_at": _utc(s.ended_at),
        "planned_seconds": s.planned_seconds,
        "actual_seconds": round(s.actual_seconds, 3),
        "steps_done": s.steps_done,
        "steps_skipped": s.steps_skipped,
        "steps_total": s.steps_total,
        "finished": s.finished,
        "pain_before": s.pain_before,
        "pain_after": s.pain_after,
        "note": s.note,
        "completion": s.completion.value,
        "feedback": s.feedback,
    }


def write_csv(sessions: list[StoredSession], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for stored in sessions:
        row = record(stored)
        row["finished"] = "true" if row["finished"] else "false"
        writer.writerow({k: "" if v is None else v for k, v in row.items()})


def write_json(sessions: list[StoredSession], out: TextIO) -> None:
    json.dump([record(s) for s in sessions], out, indent=2, ensure_ascii=False)
    out.write("\n")


def print_table(limit: int, out: TextIO) -> int:
    from ..core.durations import format_length
    from ..core.history import load_history
    from ..core.pain import change_text
    from ..core.text import clean_line

    history = load_history(limit=limit)
    _warn(history.notices)
    if not history.sessions:
        out.write("No sessions yet. Run `backcare` and pick a routine.\n")
        return 0
    from rich.console import Console  # Rich only for the table: ~30 ms
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold", pad_edge=False)
    for name, justify in (
        ("Id", "right"),
        ("When", "left"),
        ("Routine", "left"),
        ("Time", "right"),
        ("Steps", "right"),
        ("", "left"),
        ("Pain", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for stored in history.sessions:
        s = stored.summary
        table.add_row(
            str(stored.id),
            s.started_at.astimezone().strftime("%a %Y-%m-%d %H:%M"),
            Text(clean_line(s.routine_name)),
            format_length(round(s.actual_seconds)),
            f"{s.steps_done}/{s.steps_total}",
            s.completion.label,
            change_text(s.pain_before, s.pain_after, ascii_only=True),
        )
    Console(file=out, highlight=False).print(table)
    return 0


def delete(session_id: int, out: TextIO) -> int:
    """`--delete ID`: remove one mistaken session; say which, or that there was none."""
    from ..core.history import delete_session, load_history
    from ..core.text import clean_line

    history = load_history()
    _warn(history.notices)
    found = next((s for s in history.sessions if s.id == session_id), None)
    if found is None or not delete_session(session_id):
        print(f"backcare history: no session with id {session_id}", file=sys.stderr)
        return 1
    when = found.summary.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
    out.write(f"Deleted session {session_id}: {clean_line(found.summary.routine_name)}, {when}.\n")
    return 0


def stats_lines(stats: Stats) -> list[str]:
    from ..core.durations import format_length
    from ..core.text import plural

    week = stats.this_week
    done = plural(week.sessions, "session")
    if stats.goal_met:
        said = f"{done}, goal {stats.goal} met"
    else:
        togo = stats.sessions_to_go
        said = f"{week.sessions} of {stats.goal} sessions, {togo} more to reach your goal"
    best = f" (best {stats.best_streak})" if stats.best_streak > stats.streak else ""
    return [
        f"This week ({week.label}): {said}.",
        f"Streak: {plural(stats.streak, 'week')} in a row meeting the goal{best}.",
        f"In all: {format_length(round(stats.total_minutes * 60))} over "
        f"{plural(stats.total_sessions, 'session')}.",
    ]


def print_stats(out: TextIO) -> int:
    from ..core.history import load_history
    from ..core.settings import load_settings
    from ..core.stats import compute_stats

    settings, problems = load_settings()
    _warn(problems)
    history = load_history()
    _warn(history.notices)
    stats = compute_stats(
        [s.summary for s in history.sessions],
        now=datetime.now(UTC),
        tz=None,
        goal=settings.weekly_goal,
    )
    out.write("\n".join(stats_lines(stats)) + "\n")
    return 0


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _warn(messages: list[str]) -> None:
    for message in messages:
        print(f"backcare: {message}", file=sys.stderr)
