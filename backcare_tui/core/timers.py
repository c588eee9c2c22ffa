"""The schedule written in the words of the system's own schedulers.

systemd `OnCalendar=` lines, crontab lines and a launchd `StartCalendarInterval`
all say "on these weekdays, at these hours, at these minutes". Hours that share
the same minutes share a line, so "every 30 min 09:00-17:00" is two lines, not
seventeen. Everything here is text: installing it is cli/remind.py's job.
"""

from __future__ import annotations

import plistlib
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .schedule import ALL_DAYS, Schedule

UNIT_NAME = "backcare-remind"
CRON_MARKER = "# backcare remind"
"""Ends every crontab line backcare writes, so `remind off` removes those and no other."""
LAUNCHD_LABEL = "org.backcare.remind"

_SYSTEMD_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Slot:
    """Some hours of the day that fire at the same minutes."""

    hours: tuple[int, ...]
    minutes: tuple[int, ...]


def slots(schedule: Schedule) -> tuple[Slot, ...]:
    by_hour: dict[int, list[int]] = {}
    for minute in schedule.minutes_of_day():
        by_hour.setdefault(minute // 60, []).append(minute % 60)
    by_minutes: dict[tuple[int, ...], list[int]] = {}
    for hour, minutes in sorted(by_hour.items()):
        by_minutes.setdefault(tuple(minutes), []).append(hour)
    grouped = (Slot(tuple(hours), minutes) for minutes, hours in by_minutes.items())
    return tuple(sorted(grouped, key=lambda slot: (slot.hours[0], slot.minutes[0])))


def _runs(values: Sequence[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for value in values:
        if runs and runs[-1][1] == value - 1:
            runs[-1] = (runs[-1][0], value)
        else:
            runs.append((value, value))
    return runs


def on_calendar_lines(schedule: Schedule) -> list[str]:
    """ "Mon..Fri *-*-* 09,10:00,30:00" and so on, one per slot."""
    days = ""
    if tuple(schedule.days) != ALL_DAYS:
        days = (
            ",".join(
                _SYSTEMD_DAYS[a] if a == b else f"{_SYSTEMD_DAYS[a]}..{_SYSTEMD_DAYS[b]}"
                for a, b in _runs(schedule.days)
            )
            + " "
        )
    return [
        f"{days}*-*-* {','.join(f'{h:02d}' for h in slot.hours)}:"
        f"{','.join(f'{m:02d}' for m in slot.minutes)}:00"
        for slot in slots(schedule)
    ]


def _env_assignments(env: Mapping[str, str]) -> list[str]:
    return [f"{key}={value}" for key, value in env.items()]


def systemd_quote(word: str) -> str:
    """Quote for an ExecStart= or Environment= word: systemd's rules are close to the shell's
    double quotes, and a `%` is a specifier unless doubled."""
    text = word.replace("%", "%%")
    if text and all(c.isalnum() or c in "-_./:=@+," for c in text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


SYSTEMD_BUS = "unix:path=%t/bus"
"""The user's session bus as a systemd user unit names it (%t is $XDG_RUNTIME_DIR)."""


def systemd_units(
    schedule: Schedule,
    command: Sequence[str],
    env: Mapping[str, str],
    bus_address: str = SYSTEMD_BUS,
) -> dict[str, str]:
    """File name -> text of the `.service` and `.timer` pair.

    The service is a oneshot that runs `command` (`backcare remind now ...`);
    `env` carries what it needs to reach the desktop and the same config
    (XDG folders); `bus_address` is written as it is, so it may use systemd's
    specifiers. `Persistent=true`: a time missed
    while the machine slept fires once on wake, not once per missed time.
    """
    environment = f"Environment=DBUS_SESSION_BUS_ADDRESS={bus_address}\n" + "".join(
        f"Environment={systemd_quote(assignment)}\n" for assignment in _env_assignments(env)
    )
    service = (
        "[Unit]\n"
        "Description=backcare: remind me to look after my back\n"
        "Documentation=man:systemd.timer(5)\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"{environment}"
        f"ExecStart={' '.join(systemd_quote(word) for word in command)}\n"
    )
    calendar = "".join(f"OnCalendar={line}\n" for line in on_calendar_lines(schedule))
    timer = (
        "[Unit]\n"
        f"Description=backcare reminders ({schedule.describe()})\n"
        "\n"
        "[Timer]\n"
        f"{calendar}"
        "Persistent=true\n"
        "AccuracySec=30s\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    return {f"{UNIT_NAME}.service": service, f"{UNIT_NAME}.timer": timer}


def _cron_field(values: Sequence[int]) -> str:
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in _runs(values))


def crontab_lines(schedule: Schedule, command: Sequence[str], env: Mapping[str, str]) -> list[str]:
    """One crontab line per slot; cron's weekdays count from Sunday 0."""
    days = "*"
    if tuple(schedule.days) != ALL_DAYS:
        days = _cron_field(sorted((day + 1) % 7 for day in schedule.days))
    prefix = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    run = " ".join(shlex.quote(word) for word in command)
    # cron treats % as a newline in the command: escape it.
    line_command = f"{prefix} {run}" if prefix else run
    line_command = line_command.replace("%", "\\%")
    return [
        f"{_cron_field(slot.minutes)} {_cron_field(slot.hours)} * * {days} "
        f"{line_command} >/dev/null 2>&1 {CRON_MARKER}"
        for slot in slots(schedule)
    ]


def launchd_plist(schedule: Schedule, command: Sequence[str], env: Mapping[str, str]) -> str:
    """A LaunchAgent: launchd's weekdays count from Sunday 0; one entry per weekday and time."""
    intervals: list[dict[str, int]] = []
    for minute in schedule.minutes_of_day():
        if tuple(schedule.days) == ALL_DAYS:
            intervals.append({"Hour": minute // 60, "Minute": minute % 60})
            continue
        for day in schedule.days:
            intervals.append(
                {"Weekday": (day + 1) % 7, "Hour": minute // 60, "Minute": minute % 60}
            )
    agent: dict[str, object] = {
        "Label": LAUNCHD_LABEL,
        "ProgramArguments": list(command),
        "StartCalendarInterval": intervals,
        "ProcessType": "Background",
    }
    if env:
        agent["EnvironmentVariables"] = dict(env)
    return plistlib.dumps(agent, sort_keys=False).decode("utf-8")
