"""`backcare remind now`: what the timer runs. Decide, then notify at most once.

It prints one line saying what it did or why not, for the journal (systemd)
or a person trying it; it never writes into anyone else's terminal. Two
environment variables let tests and curious people try the rules at another
moment: `BACKCARE_NOW` (an ISO date and time, the wall clock) and
`BACKCARE_AWAKE_SECONDS` (time since boot, wake or login).
"""

from __future__ import annotations

import dataclasses
import math
import os
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..core.due import Rules, Week, decide, goal_line
from ..core.errors import BackcareError
from ..core.remind_state import Memory, last_file, load_memory, save_memory
from ..core.schedule import ScheduleError, parse_span
from ..core.settings import Settings
from ..core.wake import LastCheck, probe_system, settled_for
from ..core.wall_clock import wall_clock
from ..core.week_log import read_recent, week_of


@dataclass(frozen=True)
class Suggestion:
    name: str
    key: str
    minutes: int
    reason: str
    planned: bool


def awake_seconds(memory: Memory) -> tuple[float | None, LastCheck | None]:
    """Seconds since boot, wake or login, and what to remember of this look."""
    given = os.environ.get("BACKCARE_AWAKE_SECONDS", "").strip()
    if given:
        try:
            return float(given), memory.last_check
        except ValueError:
            raise BackcareError(
                "Bad BACKCARE_AWAKE_SECONDS", f'expected seconds, got "{given}"'
            ) from None
    probe = probe_system()
    check = LastCheck(probe.monotonic, probe.slept) if probe.slept is not None else None
    return settled_for(probe, memory.last_check), check


def suggestion(settings: Settings, now: datetime, goal: str) -> Suggestion | None:
    """Today's routine at the person's level, as home and `backcare today` give it
    (core/practice.py, core/today.py)."""
    from ..core.library import routine_folders, scan
    from ..core.practice import load_practice
    from ..core.timeline import compile_routine
    from ..core.today import PLAN

    library = scan(routine_folders())
    practice = load_practice()
    for notice in practice.notices:
        print(f"backcare: {notice}", file=sys.stderr)
    today = practice.today(
        settings, now.date(), tz=now.tzinfo, exists=lambda name: library.find(name) is not None
    )
    if today.routine is None:
        return None
    entry = library.find(today.routine)
    if entry is None or entry.routine is None:
        return None
    routine = practice.at_level(entry.routine)
    seconds = compile_routine(routine, settings.prepare_seconds).total
    minutes = max(1, math.ceil(seconds / 60 - 0.25))
    reason = f"{today.reason} · {goal}" if goal else today.reason
    return Suggestion(routine.name, entry.key, minutes, reason, today.source == PLAN)


def message(found: Suggestion | None) -> tuple[str, str]:
    """Title and body: "Desk break, 5 min: backcare run desk-break" and why."""
    if found is None:
        return "Time for your back", "A short session is due: backcare"
    return (
        "Time for your back",
        f"{found.name}, {found.minutes} min: backcare run {found.key}\n{found.reason}",
    )


def _remember(memory: Memory) -> None:
    """Keep the last reminder; a state folder that cannot be written costs the gap, not the run."""
    try:
        save_memory(memory)
    except OSError as error:
        print(f"backcare remind: cannot write {last_file()}: {error}", file=sys.stderr)


def remind_now(settings: Settings, *, only_if_due: bool) -> int:
    from ..core import notify

    now = wall_clock()
    try:
        quiet = parse_span(settings.quiet_hours) if settings.quiet_hours.strip() else None
    except ScheduleError:
        quiet = None
    rules = Rules(
        quiet=quiet,
        min_gap=timedelta(minutes=settings.min_gap),
        only_if_due=only_if_due or settings.remind_only_if_due,
    )
    memory = load_memory()
    settled, check = awake_seconds(memory)
    rows = read_recent(now)
    week: Week | None = None
    goal = ""
    if rows is not None:
        week = week_of(rows, now, settings.weekly_goal)
        goal = goal_line(week)
    found = suggestion(settings, now, goal)
    if week is not None and found is not None and found.planned:
        week = dataclasses.replace(week, planned_today=True)
    decision = decide(
        now, rules, last_reminder=memory.last_reminder, settled_for=settled, week=week
    )
    if not decision.notify:
        _remember(Memory(memory.last_reminder, check))
        print(f"No reminder: {decision.reason}.")
        return 0
    title, body = message(found)
    try:
        notify.send(title, body)
    except notify.NotifyError as error:
        _remember(Memory(memory.last_reminder, check))
        print(f"backcare remind: notifications cannot be shown here: {error}", file=sys.stderr)
        return 1
    _remember(Memory(now, check))
    print(f"Reminded: {body.splitlines()[0]}")
    return 0
