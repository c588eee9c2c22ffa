"""Putting a reminder schedule in the system's hands, and taking it back out.

A plan is the files to write and the commands to run, so `--print` can show
exactly that and change nothing, and `remind set` can carry it out. What was
put in place is recorded in the state folder (core/remind_state.py); `remind
off` undoes that record and touches nothing else: other timers, other crontab
lines and other LaunchAgents stay as they are.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..core.atomic import atomic_write
from ..core.errors import BackcareError
from ..core.remind_state import Installed, forget_installed, load_installed, save_installed
from ..core.schedule import Schedule
from ..core.timers import LAUNCHD_LABEL, UNIT_NAME, crontab_lines, launchd_plist, systemd_units

SYSTEMD, CRON, LAUNCHD = "systemd", "cron", "launchd"
TIMER = f"{UNIT_NAME}.timer"
_CARRIED = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "BACKCARE_CONFIG")
"""Passed on to the job, so it reads the same config and history as the person who set it."""
_TIMEOUT = 30.0


@dataclass
class Plan:
    method: str
    writes: dict[Path, str] = field(default_factory=dict)
    commands: list[list[str]] = field(default_factory=list)
    cron_lines: list[str] = field(default_factory=list)
    install: bool = True
    """False for cron without --cron: the lines are shown, not added."""


def backcare_command() -> list[str]:
    """How a job starts this same backcare: the console script that is running, if any."""
    script = Path(sys.argv[0])
    if script.name == "backcare" and script.is_file():
        return [str(script.absolute())]
    found = shutil.which("backcare")
    if found:
        return [found]
    return [sys.executable, "-m", "backcare_tui"]


def carried_env() -> dict[str, str]:
    return {key: os.environ[key] for key in _CARRIED if os.environ.get(key)}


def systemd_unit_dir() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "systemd" / "user"


def launch_agents_dir() -> Path:
    return Path.home() / "Library" / "LaunchAgents"


def choose_method(cron: bool) -> str:
    if sys.platform == "darwin":
        return LAUNCHD
    if not cron and has_systemd_user():
        return SYSTEMD
    return CRON


def has_systemd_user() -> bool:
    """A systemd user instance answers `systemctl --user show-environment`."""
    if shutil.which("systemctl") is None:
        return False
    try:
        done = _run(["systemctl", "--user", "show-environment"], check=False)
    except BackcareError:
        return False
    return done.returncode == 0


def make_plan(schedule: Schedule, *, cron: bool) -> Plan:
    command = [*backcare_command(), "remind", "now"]
    env = carried_env()
    method = choose_method(cron)
    if method == SYSTEMD:
        folder = systemd_unit_dir()
        units = systemd_units(schedule, command, env)
        return Plan(
            SYSTEMD,
            writes={folder / name: text for name, text in units.items()},
            commands=[
                ["systemctl", "--user", "daemon-reload"],
                ["systemctl", "--user", "enable", "--now", TIMER],
            ],
        )
    if method == LAUNCHD:
        path = launch_agents_dir() / f"{LAUNCHD_LABEL}.plist"
        return Plan(
            LAUNCHD,
            writes={path: launchd_plist(schedule, command, env)},
            commands=[["launchctl", "load", "-w", str(path)]],
        )
    runtime = os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    cron_env = {
        "XDG_RUNTIME_DIR": runtime,
        "DBUS_SESSION_BUS_ADDRESS": f"unix:path={runtime}/bus",
        **env,
    }
    return Plan(CRON, cron_lines=crontab_lines(schedule, command, cron_env), install=cron)


def describe_plan(plan: Plan) -> list[str]:
    """What `--print` shows: every file with its full text, every command, every line."""
    lines: list[str] = []
    for path, text in plan.writes.items():
        lines += [f"Would write {path}:", "", *text.rstrip("\n").splitlines(), ""]
    for argv in plan.commands:
        lines.append(f"Would run: {' '.join(argv)}")
    if plan.cron_lines and not plan.install:
        lines.append("Would print these lines for your crontab (--cron adds them):")
        lines += ["", *plan.cron_lines, ""]
    elif plan.cron_lines:
        lines.append("Would add to your crontab (crontab -l, then crontab -):")
        lines += ["", *plan.cron_lines, ""]
    return lines


def carry_out(plan: Plan) -> Installed:
    """Install `plan`, after removing what an earlier `remind set` installed."""
    remove_installed()
    if plan.method == CRON:
        current = read_crontab()
        write_crontab([*current, *plan.cron_lines])
        installed = Installed(CRON, cron_lines=tuple(plan.cron_lines))
        save_installed(installed)
        return installed
    written: list[Path] = []
    try:
        for path, text in plan.writes.items():
            atomic_write(path, text.encode("utf-8"))
            written.append(path)
        units = (TIMER,) if plan.method == SYSTEMD else ()
        installed = Installed(plan.method, tuple(str(p) for p in written), units=units)
        save_installed(installed)
        for argv in plan.commands:
            _run(argv)
    except BaseException:
        remove_installed()
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return installed


def remove_installed() -> Installed | None:
    """Undo what the record says was installed; None when nothing was."""
    installed = load_installed()
    if installed is None:
        return None
    if installed.method == SYSTEMD:
        for unit in installed.units:
            _run(["systemctl", "--user", "disable", "--now", unit], check=False)
    if installed.method == LAUNCHD:
        for name in installed.files:
            _run(["launchctl", "unload", "-w", name], check=False)
    for name in installed.files:
        Path(name).unlink(missing_ok=True)
    if installed.method == SYSTEMD:
        _run(["systemctl", "--user", "daemon-reload"], check=False)
    if installed.method == CRON and installed.cron_lines:
        mine = set(installed.cron_lines)
        current = read_crontab()
        kept = [line for line in current if line not in mine]
        if kept != current:
            write_crontab(kept)
    forget_installed()
    return installed


def read_crontab() -> list[str]:
    if shutil.which("crontab") is None:
        raise BackcareError(
            "No scheduler", "crontab is not installed; install cron, or use a systemd user session"
        )
    done = _run(["crontab", "-l"], check=False)
    if done.returncode != 0:
        if "no crontab" in done.stderr.lower():
            return []
        raise BackcareError("Cannot read your crontab", done.stderr.strip() or "crontab -l failed")
    return done.stdout.splitlines()


def write_crontab(lines: Sequence[str]) -> None:
    text = "".join(line + "\n" for line in lines)
    _run(["crontab", "-"], stdin=text)


def next_from_systemd() -> str | None:
    """The next firing as `systemctl --user list-timers` says it, or None."""
    done = _run(
        ["systemctl", "--user", "list-timers", TIMER, "--all", "--no-legend", "--no-pager"],
        check=False,
    )
    if done.returncode != 0:
        return None
    for line in done.stdout.splitlines():
        words = line.split()
        if len(words) >= 4 and words[0] not in ("-", "n/a") and TIMER in line:
            return " ".join(words[:4])
    return None


def _run(
    argv: list[str], *, check: bool = True, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    try:
        done = subprocess.run(
            argv,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=_TIMEOUT,
            stdin=None if stdin is not None else subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise BackcareError("Command failed", f"{' '.join(argv)}: {error}") from None
    if check and done.returncode != 0:
        detail = (done.stderr or done.stdout).strip() or f"exit status {done.returncode}"
        raise BackcareError("Command failed", f"{' '.join(argv)}: {detail}")
    return done
