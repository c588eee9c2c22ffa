"""`backcare remind set|off|status` through the real console script, in a temp home.

The schedulers are stand-ins on PATH that log what they were asked (there is no
systemd user instance here); the unit files they are handed are checked by the
real systemd-analyze.
"""

from __future__ import annotations

import hashlib
import os
import plistlib
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import pytest
from fake_programs import fake_env
from terminal import terminal

from backcare_tui.cli.main import main

SCRIPT = Path(sys.executable).with_name("backcare")
SET = ["remind", "set", "--at", "12:30,16:00", "--days", "mon-fri", "--only-if-due"]


def backcare(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=60)


def tree(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def calls(tmp_path: Path) -> list[str]:
    log = tmp_path / "fakes" / "calls.log"
    return log.read_text().splitlines() if log.exists() else []


@pytest.fixture
def systemd_env(tmp_path: Path) -> dict[str, str]:
    return fake_env(tmp_path / "fakes", systemd_user=True)


@pytest.fixture
def cron_env(tmp_path: Path) -> dict[str, str]:
    return fake_env(tmp_path / "fakes", systemd_user=False)


@pytest.mark.script
def test_print_shows_everything_and_changes_nothing(
    isolated_home: Path, systemd_env: dict[str, str], tmp_path: Path
) -> None:
    before = tree(isolated_home)
    done = backcare([*SET, "--print"], systemd_env)
    assert done.returncode == 0, done.stderr
    unit_dir = isolated_home / "config" / "systemd" / "user"
    assert f"Would write {unit_dir}/backcare-remind.service:" in done.stdout
    assert f"Would write {unit_dir}/backcare-remind.timer:" in done.stdout
    assert "OnCalendar=Mon..Fri *-*-* 12:30:00" in done.stdout
    assert f"ExecStart={SCRIPT} remind now" in done.stdout
    assert "Would run: systemctl --user enable --now backcare-remind.timer" in done.stdout
    assert "Nothing was changed (--print)." in done.stdout
    assert tree(isolated_home) == before
    assert calls(tmp_path) == ["systemctl --user show-environment"]


@pytest.mark.skipif(not Path("/usr/bin/systemd-analyze").exists(), reason="no systemd-analyze")
@pytest.mark.script
def test_set_status_off_with_a_systemd_user_instance(
    isolated_home: Path, systemd_env: dict[str, str], tmp_path: Path
) -> None:
    before = tree(isolated_home)
    done = backcare(SET, systemd_env)
    assert done.returncode == 0, done.stderr
    unit_dir = isolated_home / "config" / "systemd" / "user"
    timer, service = unit_dir / "backcare-remind.timer", unit_dir / "backcare-remind.service"
    assert "Enabled backcare-remind.timer (systemctl --user)" in done.stdout
    assert calls(tmp_path)[-2:] == [
        "systemctl --user daemon-reload",
        "systemctl --user enable --now backcare-remind.timer",
    ]
    # A short runtime folder: the user's socket units put socket paths under it,
    # and pytest's numbered temporary folders outgrow a unix socket address.
    with tempfile.TemporaryDirectory(prefix="bc-run-", dir="/tmp") as runtime:
        verify = subprocess.run(
            ["systemd-analyze", "verify", "--user", str(timer), str(service)],
            env={**os.environ, "XDG_RUNTIME_DIR": runtime},
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert verify.returncode == 0 and verify.stderr == "", verify.stderr
    config = tomllib.loads((isolated_home / "config" / "backcare" / "config.toml").read_text())
    assert config["remind_at"] == ["12:30", "16:00"]
    assert (config["remind_days"], config["remind_only_if_due"]) == ("mon-fri", True)
    assert f"XDG_DATA_HOME={isolated_home / 'data'}" in service.read_text()

    status = backcare(["remind", "status"], systemd_env)
    assert status.returncode == 0, status.stderr
    assert "Schedule:      mon-fri at 12:30, 16:00; only when a session is due" in status.stdout
    assert "Installed:     systemd user timer backcare-remind.timer" in status.stdout
    assert (
        "Next:          Mon 2026-11-30 12:30:00 UTC (systemctl --user list-timers)" in status.stdout
    )

    off = backcare(["remind", "off"], systemd_env)
    assert off.returncode == 0, off.stderr
    assert f"Removed {timer}" in off.stdout
    assert "systemctl --user disable --now backcare-remind.timer" in calls(tmp_path)
    assert calls(tmp_path)[-1] == "systemctl --user daemon-reload"
    left = tree(isolated_home)
    config_name = str(Path("config", "backcare", "config.toml"))
    assert set(left) - set(before) == {config_name}
    config = tomllib.loads((isolated_home / config_name).read_text())
    assert (config["remind_at"], config["remind_days"]) == ([], "daily")


@pytest.mark.script
def test_off_leaves_other_units_alone(isolated_home: Path, systemd_env: dict[str, str]) -> None:
    unit_dir = isolated_home / "config" / "systemd" / "user"
    unit_dir.mkdir(parents=True)
    (unit_dir / "backup.timer").write_text("[Timer]\nOnCalendar=daily\n")
    assert backcare(SET, systemd_env).returncode == 0
    assert backcare(["remind", "off"], systemd_env).returncode == 0
    assert sorted(p.name for p in unit_dir.iterdir()) == ["backup.timer"]
    again = backcare(["remind", "off"], systemd_env)
    assert "nothing to remove" in again.stdout


@pytest.mark.script
def test_without_systemd_cron_lines_are_printed_with_how(
    isolated_home: Path, cron_env: dict[str, str], tmp_path: Path
) -> None:
    done = backcare(SET, cron_env)
    assert done.returncode == 0, done.stderr
    assert "add these lines to your crontab" in done.stdout
    assert "30 12 * * 1-5 " in done.stdout
    assert not (tmp_path / "fakes" / "crontab").exists()
    assert "crontab" not in " ".join(calls(tmp_path))


@pytest.mark.script
def test_cron_install_and_off_keep_other_lines(
    isolated_home: Path, cron_env: dict[str, str], tmp_path: Path
) -> None:
    table = tmp_path / "fakes" / "crontab"
    table.write_text("MAILTO=me\n0 3 * * * /usr/bin/backup\n")
    done = backcare([*SET, "--cron"], cron_env)
    assert done.returncode == 0, done.stderr
    assert "Added 2 line(s) to your crontab." in done.stdout
    lines = table.read_text().splitlines()
    assert lines[:2] == ["MAILTO=me", "0 3 * * * /usr/bin/backup"]
    assert lines[2].startswith("30 12 * * 1-5 ")
    assert lines[3].startswith("0 16 * * 1-5 ")
    assert lines[2].endswith(f"{SCRIPT} remind now >/dev/null 2>&1 # backcare remind")
    status = backcare(["remind", "status"], cron_env)
    assert "Installed:     crontab, 2 line(s)" in status.stdout
    # Setting again replaces our lines rather than adding more.
    assert backcare(["remind", "set", "--at", "9:00", "--cron"], cron_env).returncode == 0
    assert len(table.read_text().splitlines()) == 3
    off = backcare(["remind", "off"], cron_env)
    assert off.returncode == 0, off.stderr
    assert table.read_text() == "MAILTO=me\n0 3 * * * /usr/bin/backup\n"


@pytest.mark.script
def test_a_bad_schedule_is_named(isolated_home: Path, systemd_env: dict[str, str]) -> None:
    done = backcare(["remind", "set", "--at", "25:00"], systemd_env)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "backcare: Bad reminder schedule: time must be HH:MM on a 24-hour clock, like 12:30; "
        'got "25:00"'
    )
    nothing = backcare(["remind", "set"], systemd_env)
    assert "say when: --at 12:30,16:00" in nothing.stderr
    assert not (isolated_home / "config" / "backcare").exists()


@pytest.mark.script
def test_in_a_terminal_set_then_status_then_off(
    isolated_home: Path, systemd_env: dict[str, str], tmp_path: Path
) -> None:
    """What a person sees at a real terminal, and what is on disk after each step."""
    unit_dir = isolated_home / "config" / "systemd" / "user"
    with terminal("remind", "set", "--every", "50m", "--between", "9-17:30", env=systemd_env) as t:
        screen = t.wait_for("remind off` removes them")
        assert t.wait_exit() == 0
    assert "Schedule: daily every 50 min 09:00-17:30" in screen
    assert sorted(p.name for p in unit_dir.iterdir()) == [
        "backcare-remind.service",
        "backcare-remind.timer",
    ]
    with terminal("remind", "status", env=systemd_env) as t:
        screen = t.wait_for("Last reminder:")
        assert t.wait_exit() == 0
    assert "Schedule:      daily every 50 min 09:00-17:30" in screen
    with terminal("remind", "off", env=systemd_env) as t:
        screen = t.wait_for("Disabled backcare-remind.timer")
        assert t.wait_exit() == 0
    assert list(unit_dir.iterdir()) == []


def test_launchd_on_macos_set_and_off(
    isolated_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The macOS path, in-process with the platform set to darwin and a stand-in launchctl."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "launchctl.log"
    launchctl = bin_dir / "launchctl"
    launchctl.write_text(f'#!/bin/sh\necho "launchctl $*" >> {log}\n')
    launchctl.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(sys, "platform", "darwin")

    assert main(["remind", "set", "--at", "12:30", "--days", "mon,fri"]) == 0
    agent = isolated_home / "Library" / "LaunchAgents" / "org.backcare.remind.plist"
    data = plistlib.loads(agent.read_bytes())
    assert data["ProgramArguments"][-2:] == ["remind", "now"]
    assert data["StartCalendarInterval"] == [
        {"Weekday": 1, "Hour": 12, "Minute": 30},
        {"Weekday": 5, "Hour": 12, "Minute": 30},
    ]
    assert log.read_text().splitlines() == [f"launchctl load -w {agent}"]
    assert f"Wrote {agent}" in capsys.readouterr().out

    assert main(["remind", "off"]) == 0
    assert not agent.exists()
    assert log.read_text().splitlines()[-1] == f"launchctl unload -w {agent}"


@pytest.mark.script
def test_a_failed_enable_leaves_nothing_installed(
    isolated_home: Path, systemd_env: dict[str, str], tmp_path: Path
) -> None:
    done = backcare(SET, {**systemd_env, "FAKE_FAIL_ENABLE": "1"})
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "backcare: Command failed: systemctl --user enable --now backcare-remind.timer: "
        "Failed to enable unit: Access denied"
    )
    unit_dir = isolated_home / "config" / "systemd" / "user"
    assert list(unit_dir.iterdir()) == []
    assert calls(tmp_path)[-2:] == [
        "systemctl --user disable --now backcare-remind.timer",
        "systemctl --user daemon-reload",
    ]
    assert not (isolated_home / "config" / "backcare" / "config.toml").exists()
