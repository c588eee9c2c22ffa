"""`backcare remind now` on a real private session bus, with a notification server of our own.

The wall clock and the time since wake are set through BACKCARE_NOW and
BACKCARE_AWAKE_SECONDS; the bus, the server and the console script are real.
"""

from __future__ import annotations

import json
import math
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fake_programs import fake_env
from practice_files import PLANK_PRACTICE
from session_bus import Bus, private_bus
from sessions import a_session

from backcare_tui.core.history import record_session

SCRIPT = Path(sys.executable).with_name("backcare")
SERVER = Path(__file__).with_name("notification_server.py")
MONDAY_10 = "2026-11-30T10:00:00+00:00"

pytestmark = [
    pytest.mark.skipif(
        shutil.which("dbus-run-session") is None, reason="dbus-run-session is not installed"
    ),
    pytest.mark.script,
]


@pytest.fixture
def bus(tmp_path: Path) -> Iterator[Bus]:
    with private_bus(tmp_path) as found:
        yield found


def remind_now(
    bus: Bus | None, when: str, *, awake: float = 3600, extra: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BACKCARE_NOW": when, "BACKCARE_AWAKE_SECONDS": str(awake), "TZ": "UTC"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env["XDG_RUNTIME_DIR"] = str(Path(os.environ["HOME"]) / "no-runtime")
    if bus is not None:
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.address
    return subprocess.run(
        [str(SCRIPT), "remind", "now", *extra], env=env, capture_output=True, text=True, timeout=60
    )


def test_one_notification_when_due_then_none_within_min_gap(bus: Bus) -> None:
    first = remind_now(bus, MONDAY_10, extra=("--only-if-due",))
    assert first.returncode == 0, first.stderr
    assert first.stdout == "Reminded: Desk break, 5 min: backcare run desk-break\n"
    [sent] = bus.sent()
    assert sent["app"] == "backcare"
    assert sent["summary"] == "Time for your back"
    body = str(sent["body"])
    assert body.startswith("Desk break, 5 min: backcare run desk-break\n")
    assert "3 more this week to reach 3" in body

    again = remind_now(bus, "2026-11-30T10:44:00+00:00", extra=("--only-if-due",))
    assert again.stdout == "No reminder: reminded at 10:00, less than 45 min ago.\n"
    assert len(bus.sent()) == 1
    later = remind_now(bus, "2026-11-30T10:45:00+00:00", extra=("--only-if-due",))
    assert later.stdout.startswith("Reminded: ")
    assert len(bus.sent()) == 2


def test_none_in_quiet_hours_or_just_after_wake(bus: Bus) -> None:
    late = remind_now(bus, "2026-11-30T21:30:00+00:00")
    assert late.stdout == "No reminder: quiet hours (21:00-08:00).\n"
    woke = remind_now(bus, MONDAY_10, awake=240)
    assert woke.stdout.startswith("No reminder: the computer woke or you logged in 4 min ago")
    assert bus.sent() == []


def test_none_once_the_day_is_done(bus: Bus, isolated_home: Path) -> None:
    start = datetime(2026, 11, 30, 8, 30, tzinfo=UTC)
    record_session(a_session(start, name="Desk break"))
    done = remind_now(bus, MONDAY_10)
    assert done.stdout == "No reminder: today's session is done.\n"
    assert bus.sent() == []


def test_no_service_means_no_notification_and_a_plain_reason(isolated_home: Path) -> None:
    done = remind_now(None, MONDAY_10)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "notifications cannot be shown here: there is no D-Bus session bus" in done.stderr


def test_status_says_whether_notifications_can_be_shown(bus: Bus) -> None:
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus.address}
    here = subprocess.run(
        [str(SCRIPT), "remind", "status"], env=env, capture_output=True, text=True, timeout=60
    )
    assert "Notifications: can be shown here: test-notifier 1.0 (backcare tests) over D-Bus" in (
        here.stdout
    )
    env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/bus"
    nowhere = subprocess.run(
        [str(SCRIPT), "remind", "status"], env=env, capture_output=True, text=True, timeout=60
    )
    assert "Notifications: cannot be shown here: cannot reach the D-Bus session bus" in (
        nowhere.stdout
    )


BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def _unit_values(text: str, key: str) -> list[str]:
    return [line.split("=", 1)[1] for line in text.splitlines() if line.startswith(f"{key}=")]


def test_what_the_timer_and_cron_run_reaches_the_bus(tmp_path: Path, isolated_home: Path) -> None:
    """Install with `remind set`, then run exactly what the systemd service and the crontab
    line would run, with only the environment they give, against a bus at the usual
    $XDG_RUNTIME_DIR/bus: each delivers its notification."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    config = tmp_path / "bus.conf"
    config.write_text(BUS_CONFIG.format(socket=runtime / "bus"))
    setting = {**fake_env(tmp_path / "fakes", systemd_user=True), "XDG_RUNTIME_DIR": str(runtime)}
    installed = subprocess.run(
        [str(SCRIPT), "remind", "set", "--at", "10:00"], env=setting, capture_output=True, text=True
    )
    assert installed.returncode == 0, installed.stderr
    service = isolated_home / "config" / "systemd" / "user" / "backcare-remind.service"
    text = service.read_text().replace("%t", str(runtime))
    assignments = [shlex.split(a)[0] for a in _unit_values(text, "Environment")]
    unit_env = dict(a.split("=", 1) for a in assignments)
    [exec_start] = _unit_values(text, "ExecStart")
    # What a systemd user manager starts it with: its own few variables and the unit's.
    base = {"HOME": str(isolated_home), "PATH": "/usr/bin:/bin", "TZ": "UTC"}
    trying = {"BACKCARE_AWAKE_SECONDS": "3600"}
    with private_bus(tmp_path, config) as found:
        assert found.address.startswith(f"unix:path={runtime / 'bus'},")
        timer_run = subprocess.run(
            shlex.split(exec_start),
            env={**base, **unit_env, **trying, "BACKCARE_NOW": MONDAY_10},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert timer_run.returncode == 0, timer_run.stderr
        assert len(found.sent()) == 1

        cron = subprocess.run(
            [str(SCRIPT), "remind", "set", "--at", "11:00", "--cron"],
            env={**setting, "FAKE_SYSTEMD_USER": "0"},
            capture_output=True,
            text=True,
        )
        assert cron.returncode == 0, cron.stderr
        [line] = (tmp_path / "fakes" / "crontab").read_text().splitlines()
        command = line.split(" ", 5)[5]  # after minute, hour, day, month, weekday
        cron_run = subprocess.run(
            ["/bin/sh", "-c", command],
            env={**base, **trying, "BACKCARE_NOW": "2026-11-30T11:00:00+00:00"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert cron_run.returncode == 0, cron_run.stderr
        assert len(found.sent()) == 2


def test_a_state_folder_that_cannot_be_written_still_reminds(bus: Bus, isolated_home: Path) -> None:
    blocked = isolated_home / ".local" / "state" / "backcare"
    blocked.parent.mkdir(parents=True)
    blocked.write_text("a file where the folder should be")
    done = remind_now(bus, MONDAY_10)
    assert done.returncode == 0
    assert done.stdout.startswith("Reminded: ")
    assert f"backcare remind: cannot write {blocked / 'remind-last.json'}" in done.stderr
    assert len(bus.sent()) == 1


def test_the_notification_names_the_routine_at_the_persons_level(
    bus: Bus, isolated_home: Path, user_routines: Path
) -> None:
    """The same routine and length as `backcare today`, grown with the completed sessions."""
    (user_routines / "plank-practice.toml").write_text(PLANK_PRACTICE)
    config = isolated_home / "config" / "backcare" / "config.toml"
    config.write_text('plan = { mon = "plank-practice" }\n')
    for days in range(1, 7):
        start = datetime(2026, 11, 30, 9, tzinfo=UTC) - timedelta(days=days)
        record_session(a_session(start, name="Plank practice"))
    today = subprocess.run(
        [str(SCRIPT), "today", "--json", "--date", "2026-11-30"],
        env={**os.environ, "TZ": "UTC"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    routine = json.loads(today.stdout)["routine"]
    assert routine["level"] > 0
    minutes = max(1, math.ceil(routine["seconds"] / 60 - 0.25))
    assert minutes > 3, "grown past the file's 2m 56s"
    done = remind_now(bus, MONDAY_10)
    assert done.stdout == f"Reminded: Plank practice, {minutes} min: backcare run plank-practice\n"
    [sent] = bus.sent()
    assert "Monday in your plan" in str(sent["body"])
