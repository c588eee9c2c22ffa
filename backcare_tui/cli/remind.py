"""`backcare remind set|off|status|now`: reminders the system's own scheduler keeps.

No daemon of our own: a systemd user timer, a crontab line or a LaunchAgent
runs `backcare remind now` at the chosen times, and that decides (core/due.py)
and shows a desktop notification (core/notify.py). Plain command: no Textual.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..core.errors import BackcareError
from ..core.paths import config_file

if TYPE_CHECKING:
    from ..core.schedule import Schedule
    from ..core.settings import Settings

SCHEDULE_KEYS = ("remind_at", "remind_days", "remind_every", "remind_between")


def add_remind_command(
    commands: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    remind = commands.add_parser(
        "remind",
        parents=[common],
        help="reminders kept by the system's scheduler, shown as desktop notifications",
        description="Reminders without a daemon of backcare's own: a systemd user timer, "
        "a crontab line or a macOS LaunchAgent runs `backcare remind now` at the chosen times.",
    )
    actions = remind.add_subparsers(dest="remind_action", metavar="ACTION", required=True)
    put = actions.add_parser(
        "set",
        help="store a schedule and install it",
        description="Store the schedule in the config and install it with systemd (a user "
        "timer), cron or launchd. Example: backcare remind set --at 12:30,16:00 --days mon-fri",
    )
    put.add_argument("--at", metavar="HH:MM,...", action="append", default=[], help="times of day")
    put.add_argument(
        "--days", metavar="DAYS", default="daily", help="mon-fri, mon,wed,fri, weekdays, daily"
    )
    put.add_argument("--every", metavar="50m", default="", help="remind every so long ...")
    put.add_argument("--between", metavar="09:00-17:30", default="", help="... within these hours")
    put.add_argument(
        "--only-if-due",
        action="store_true",
        help="only when a session is due: today's plan not done, or the weekly goal at risk",
    )
    put.add_argument(
        "--cron",
        action="store_true",
        help="install a crontab line (without a systemd user instance, lines are only printed "
        "unless this is given)",
    )
    put.add_argument(
        "--print",
        dest="print_only",
        action="store_true",
        help="show exactly what would be written and where, and change nothing",
    )
    actions.add_parser("off", help="remove what `remind set` installed (and only that)")
    actions.add_parser(
        "status", help="the schedule, when it fires next, and whether notifications can show"
    )
    now = actions.add_parser(
        "now",
        help="remind now if the rules allow (what the timer runs)",
        description="Notify now unless it is quiet hours, a reminder went out less than "
        "min_gap ago, or the computer woke or you logged in under 10 minutes ago. With "
        "--only-if-due (or remind_only_if_due in the config), only when a session is due.",
    )
    now.add_argument("--only-if-due", action="store_true", help="only when a session is due")


def run_remind_command(args: argparse.Namespace) -> int:
    from ..core.settings import load_settings

    settings, problems = load_settings()
    for problem in problems:
        print(f"backcare: {problem}", file=sys.stderr)
    action = args.remind_action
    if action == "set":
        return remind_set(args, settings)
    if action == "off":
        return remind_off(settings)
    if action == "status":
        return remind_status(settings)
    from .remind_now import remind_now

    return remind_now(settings, only_if_due=args.only_if_due)


def schedule_of(settings: Settings) -> Schedule:
    from ..core.schedule import ScheduleError, build_schedule

    try:
        return build_schedule(
            at=settings.remind_at,
            days=settings.remind_days,
            every=settings.remind_every,
            between=settings.remind_between,
            only_if_due=settings.remind_only_if_due,
        )
    except ScheduleError as error:
        raise BackcareError(error.title, f"{config_file()}: {error.message}") from None


def remind_set(args: argparse.Namespace, settings: Settings) -> int:
    from ..core.schedule import ScheduleError, build_schedule, clock_text, days_text
    from ..core.settings import save_settings
    from .remind_install import CRON, carry_out, describe_plan, make_plan

    schedule = build_schedule(
        at=args.at,
        days=args.days,
        every=args.every,
        between=args.between,
        only_if_due=args.only_if_due,
    )
    if schedule.empty:
        raise ScheduleError("say when: --at 12:30,16:00, or --every 50m --between 09:00-17:30")
    stored = dataclasses.replace(
        settings,
        remind_at=tuple(clock_text(t) for t in schedule.times),
        remind_days=days_text(schedule.days),
        remind_every=args.every.strip() if schedule.every is not None else "",
        remind_between=str(schedule.between) if schedule.between is not None else "",
        remind_only_if_due=schedule.only_if_due,
    )
    plan = make_plan(schedule, cron=args.cron)
    print(f"Schedule: {schedule.describe()}")
    if args.print_only:
        print(f"Would save it in {config_file()}")
        for line in describe_plan(plan):
            print(line)
        print("Nothing was changed (--print).")
        return 0
    if not plan.install:
        save_settings(stored)
        print(f"Saved in {config_file()}.")
        print("There is no systemd user instance here, so add these lines to your crontab")
        print("(crontab -e), or run this again with --cron to have backcare add them:")
        print()
        for line in plan.cron_lines:
            print(line)
        return 0
    installed = carry_out(plan)
    save_settings(stored)
    print(f"Saved in {config_file()}.")
    if installed.method == CRON:
        print(f"Added {len(installed.cron_lines)} line(s) to your crontab.")
    else:
        for name in installed.files:
            print(f"Wrote {name}")
        if installed.units:
            print(f"Enabled {', '.join(installed.units)} (systemctl --user)")
    print("`backcare remind off` removes them; `backcare remind status` shows the next time.")
    return 0


def remind_off(settings: Settings) -> int:
    from ..core.settings import Settings, save_settings
    from .remind_install import remove_installed

    installed = remove_installed()
    if any(getattr(settings, key) != getattr(Settings(), key) for key in SCHEDULE_KEYS):
        cleared = {key: getattr(Settings(), key) for key in SCHEDULE_KEYS}
        save_settings(dataclasses.replace(settings, **cleared))
    if installed is None:
        print("No reminders were installed by backcare; nothing to remove.")
        return 0
    for name in installed.files:
        print(f"Removed {name}")
    if installed.units:
        print(f"Disabled {', '.join(installed.units)}")
    if installed.cron_lines:
        print(f"Removed {len(installed.cron_lines)} line(s) from your crontab")
    return 0


def remind_status(settings: Settings) -> int:
    from ..core import notify
    from ..core.remind_state import load_installed, load_memory
    from .remind_install import SYSTEMD, next_from_systemd

    schedule = schedule_of(settings)
    installed = load_installed()
    rows: list[tuple[str, str]] = [("Schedule", schedule.describe())]
    if installed is None:
        where = "not installed" + (
            "" if schedule.empty else " (`backcare remind set` installs it; --cron for crontab)"
        )
    elif installed.method == SYSTEMD:
        where = f"systemd user timer {', '.join(installed.units)}"
    elif installed.method == "cron":
        where = f"crontab, {len(installed.cron_lines)} line(s)"
    else:
        where = f"launchd, {', '.join(installed.files)}"
    rows.append(("Installed", where))
    if installed is not None or not schedule.empty:
        next_time = next_from_systemd() if installed and installed.method == SYSTEMD else None
        if next_time is not None:
            rows.append(("Next", f"{next_time} (systemctl --user list-timers)"))
        else:
            upcoming = schedule.next_firing(datetime.now().astimezone())
            rows.append(("Next", f"{upcoming:%a %Y-%m-%d %H:%M}" if upcoming else "never"))
    quiet = settings.quiet_hours or "none"
    rows.append(("Rules", f"quiet hours {quiet}; at least {settings.min_gap} min apart"))
    try:
        service = notify.find_service()
        rows.append(("Notifications", f"can be shown here: {service.description}"))
    except notify.NotifyError as error:
        rows.append(
            (
                "Notifications",
                f"cannot be shown here: {error}; `backcare status` in a status bar "
                "shows when a session is due",
            )
        )
    last = load_memory().last_reminder
    rows.append(("Last reminder", f"{last.astimezone():%a %Y-%m-%d %H:%M}" if last else "none"))
    width = max(len(label) for label, _ in rows) + 1
    for label, value in rows:
        print(f"{label + ':':<{width}} {value}")
    return 0
