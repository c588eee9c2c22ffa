"""The schedule in the schedulers' own words, checked by the real systemd-analyze."""

from __future__ import annotations

import os
import plistlib
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from backcare_tui.core.schedule import Schedule, build_schedule
from backcare_tui.core.timers import (
    CRON_MARKER,
    crontab_lines,
    launchd_plist,
    on_calendar_lines,
    systemd_quote,
    systemd_units,
)

BACKCARE = Path(sys.executable).with_name("backcare")
"""The venv's real console script: `systemd-analyze verify` wants ExecStart to exist."""
needs_systemd = pytest.mark.skipif(
    shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed"
)

SCHEDULES = {
    "fixed times on weekdays": build_schedule(at=["12:30,16:00"], days="mon-fri"),
    "every 50 min in working hours": build_schedule(
        every="50m", between="09:00-17:30", days="weekdays", at=["12:30"], only_if_due=True
    ),
    "every hour daily": build_schedule(every="1h", between="08:00-20:00"),
    "odd days past midnight": build_schedule(every="45m", between="22:00-01:00", days="fri-mon"),
}


def _verify(folder: Path, *names: str) -> subprocess.CompletedProcess[str]:
    # A short runtime folder: systemd-analyze reads the user's socket units, whose
    # socket paths under it must fit a unix socket address (108 bytes); pytest's
    # numbered temporary folders outgrow that on a machine that has run many.
    with tempfile.TemporaryDirectory(prefix="bc-run-", dir="/tmp") as runtime:
        env = {**os.environ, "XDG_RUNTIME_DIR": runtime, "SYSTEMD_LOG_LEVEL": "notice"}
        return subprocess.run(
            ["systemd-analyze", "verify", "--user", *names],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )


@needs_systemd
@pytest.mark.parametrize("name", SCHEDULES)
def test_units_pass_systemd_analyze_verify(name: str, tmp_path: Path) -> None:
    units = systemd_units(
        SCHEDULES[name],
        [str(BACKCARE), "remind", "now", "--only-if-due"],
        {"XDG_CONFIG_HOME": str(tmp_path / "my config")},
    )
    for file_name, text in units.items():
        (tmp_path / file_name).write_text(text, encoding="utf-8")
    done = _verify(tmp_path, *(str(tmp_path / n) for n in units))
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == ""
    service = units["backcare-remind.service"]
    assert "Environment=DBUS_SESSION_BUS_ADDRESS=unix:path=%t/bus\n" in service
    assert f'Environment="XDG_CONFIG_HOME={tmp_path}/my config"\n' in service
    assert f"ExecStart={BACKCARE} remind now --only-if-due\n" in service
    assert "Persistent=true\n" in units["backcare-remind.timer"]


@needs_systemd
def test_verify_catches_what_we_would_get_wrong(tmp_path: Path) -> None:
    """The check above can fail: a missing program and a bad calendar are both reported."""
    units = systemd_units(SCHEDULES["every hour daily"], ["/nonexistent/backcare", "remind"], {})
    units["backcare-remind.timer"] = units["backcare-remind.timer"].replace(
        "OnCalendar=", "OnCalendar=Mon..Fry ", 1
    )
    for file_name, text in units.items():
        (tmp_path / file_name).write_text(text, encoding="utf-8")
    done = _verify(tmp_path, *(str(tmp_path / n) for n in units))
    assert "not executable" in done.stderr
    assert "Failed to parse calendar specification" in done.stderr


def _systemd_next(spec: str, after: datetime) -> datetime:
    done = subprocess.run(
        ["systemd-analyze", "calendar", f"--base-time={after:%Y-%m-%d %H:%M:%S} UTC", spec],
        env={**os.environ, "TZ": "UTC"},
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    match = re.search(r"Next elapse: \w+ (\S+ \S+) UTC", done.stdout)
    assert match is not None, done.stdout
    return datetime.fromisoformat(match[1]).replace(tzinfo=UTC)


@needs_systemd
@pytest.mark.parametrize("name", SCHEDULES)
def test_on_calendar_fires_when_the_schedule_says(name: str) -> None:
    """systemd's own calendar maths agrees with ours, moment by moment, over a week."""
    schedule: Schedule = SCHEDULES[name]
    lines = on_calendar_lines(schedule)
    after = datetime(2026, 11, 27, 16, 59, 30, tzinfo=UTC)  # a Friday afternoon
    ours = schedule.firings(after)
    for _ in range(12):
        expected = next(ours)
        assert min(_systemd_next(line, after) for line in lines) == expected
        after = expected


def test_grouped_calendar_lines() -> None:
    assert on_calendar_lines(build_schedule(every="30m", between="09:00-11:00")) == [
        "*-*-* 09,10:00,30:00",
        "*-*-* 11:00:00",
    ]
    assert on_calendar_lines(build_schedule(at=["7:15"], days="mon,wed-fri")) == [
        "Mon,Wed..Fri *-*-* 07:15:00"
    ]


def test_crontab_lines(tmp_path: Path) -> None:
    fixture = tmp_path / "crontab.expected"
    fixture.write_text(
        "30 12 * * 1-5 XDG_CONFIG_HOME='/home/a b/.config' /opt/bc/backcare remind now"
        f" >/dev/null 2>&1 {CRON_MARKER}\n"
        "0 16 * * 1-5 XDG_CONFIG_HOME='/home/a b/.config' /opt/bc/backcare remind now"
        f" >/dev/null 2>&1 {CRON_MARKER}\n",
        encoding="utf-8",
    )
    lines = crontab_lines(
        SCHEDULES["fixed times on weekdays"],
        ["/opt/bc/backcare", "remind", "now"],
        {"XDG_CONFIG_HOME": "/home/a b/.config"},
    )
    assert "".join(line + "\n" for line in lines) == fixture.read_text(encoding="utf-8")


def test_crontab_weekdays_count_from_sunday_and_percent_is_escaped() -> None:
    [line] = crontab_lines(
        build_schedule(at=["8:05"], days="sat-sun"), ["/x/back%care", "remind", "now"], {}
    )
    assert line.startswith("5 8 * * 0,6 /x/back\\%care remind now")


def test_launchd_plist(tmp_path: Path) -> None:
    fixture = tmp_path / "org.backcare.remind.plist.expected"
    fixture.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>Label</key>
	<string>org.backcare.remind</string>
	<key>ProgramArguments</key>
	<array>
		<string>/opt/bc/backcare</string>
		<string>remind</string>
		<string>now</string>
	</array>
	<key>StartCalendarInterval</key>
	<array>
		<dict>
			<key>Weekday</key>
			<integer>1</integer>
			<key>Hour</key>
			<integer>12</integer>
			<key>Minute</key>
			<integer>30</integer>
		</dict>
		<dict>
			<key>Weekday</key>
			<integer>0</integer>
			<key>Hour</key>
			<integer>12</integer>
			<key>Minute</key>
			<integer>30</integer>
		</dict>
	</array>
	<key>ProcessType</key>
	<string>Background</string>
	<key>EnvironmentVariables</key>
	<dict>
		<key>XDG_DATA_HOME</key>
		<string>/d</string>
	</dict>
</dict>
</plist>
""",
        encoding="utf-8",
    )
    text = launchd_plist(
        build_schedule(at=["12:30"], days="mon,sun"),
        ["/opt/bc/backcare", "remind", "now"],
        {"XDG_DATA_HOME": "/d"},
    )
    assert text == fixture.read_text(encoding="utf-8")
    every_day = plistlib.loads(
        launchd_plist(build_schedule(at=["7:00"]), ["/b"], {}).encode("utf-8")
    )
    assert every_day["StartCalendarInterval"] == [{"Hour": 7, "Minute": 0}]


@pytest.mark.parametrize(
    ("word", "quoted"),
    [
        ("/opt/bc/backcare", "/opt/bc/backcare"),
        ("XDG_CONFIG_HOME=/home/me/.config,a@b+c:d", "XDG_CONFIG_HOME=/home/me/.config,a@b+c:d"),
        ("/home/a b/backcare", '"/home/a b/backcare"'),
        ("50%", '"50%%"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("C:\\bc", '"C:\\\\bc"'),
        ("", '""'),
    ],
)
def test_systemd_words_are_quoted_only_when_they_need_it(word: str, quoted: str) -> None:
    assert systemd_quote(word) == quoted


def test_every_environment_line_of_the_service(tmp_path: Path) -> None:
    units = systemd_units(
        build_schedule(at=["12:30"]),
        ["/opt/bc/backcare", "remind", "now"],
        {"XDG_CONFIG_HOME": "/c", "XDG_DATA_HOME": "/d"},
    )
    assert (
        "Environment=DBUS_SESSION_BUS_ADDRESS=unix:path=%t/bus\n"
        "Environment=XDG_CONFIG_HOME=/c\n"
        "Environment=XDG_DATA_HOME=/d\n"
        "ExecStart=/opt/bc/backcare remind now\n"
    ) in units["backcare-remind.service"]


def test_daily_crontab_lines_run_every_day_with_every_variable() -> None:
    lines = crontab_lines(
        build_schedule(at=["12:30", "16:00"]),
        ["/opt/bc/backcare", "remind", "now"],
        {"XDG_CONFIG_HOME": "/c", "XDG_DATA_HOME": "/d"},
    )
    run = "XDG_CONFIG_HOME=/c XDG_DATA_HOME=/d /opt/bc/backcare remind now >/dev/null 2>&1"
    assert lines == [f"30 12 * * * {run} {CRON_MARKER}", f"0 16 * * * {run} {CRON_MARKER}"]


@pytest.mark.parametrize(
    ("days", "intervals"),
    [
        (
            "daily",
            [{"Hour": 10, "Minute": 30}, {"Hour": 16, "Minute": 0}],
        ),
        (
            "sat",
            [{"Weekday": 6, "Hour": 10, "Minute": 30}, {"Weekday": 6, "Hour": 16, "Minute": 0}],
        ),
    ],
)
def test_launchd_fires_at_each_time_of_each_day(days: str, intervals: list[dict[str, int]]) -> None:
    plist = launchd_plist(build_schedule(at=["10:30", "16:00"], days=days), ["/x/backcare"], {})
    agent = plistlib.loads(plist.encode("utf-8"))
    assert agent["StartCalendarInterval"] == intervals
    assert all(type(value) is int for entry in intervals for value in entry.values())
    assert all(
        type(value) is int for entry in agent["StartCalendarInterval"] for value in entry.values()
    )
    assert "EnvironmentVariables" not in agent
