"""Time at the machine since boot, wake or login, from what the system says."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from backcare_tui.core import wake
from backcare_tui.core.wake import LastCheck, Probe, probe_system, settled_for


def test_boot_wake_and_login_the_latest_wins() -> None:
    probe = Probe(monotonic=5000.0, slept=0.0, woke_at=4000.0, logged_in_at=4700.0, linux_boot=True)
    assert settled_for(probe, None) == 300.0


def test_boot_alone() -> None:
    assert settled_for(Probe(monotonic=420.0, slept=0.0, linux_boot=True), None) == 420.0


def test_sleep_seen_since_the_last_check_bounds_the_time_since_wake() -> None:
    """Slept 2 h since the check 3 min of awake time ago: woke at most 3 min ago."""
    probe = Probe(monotonic=90_180.0, slept=7300.0, linux_boot=True)
    assert settled_for(probe, LastCheck(monotonic=90_000.0, slept=100.0)) == 180.0
    assert settled_for(probe, LastCheck(monotonic=90_000.0, slept=7300.0)) == 90_180.0


def test_nothing_known() -> None:
    assert settled_for(Probe(monotonic=10.0, slept=None), None) is None
    future = Probe(monotonic=10.0, slept=None, woke_at=50.0)
    assert settled_for(future, None) is None


def test_probe_on_this_machine_never_raises() -> None:
    probe = probe_system()
    assert probe.monotonic > 0
    found = settled_for(probe, None)
    assert found is None or found >= 0


def test_probe_asks_systemd_and_logind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stand-ins for systemctl and loginctl on PATH answer as the real ones do."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    answers = {
        "systemctl": 'if [ "$2" = sleep.target ]; then echo 4000000000; fi',
        "loginctl": (
            'if [ "$1" = show-user ]; then echo "c2 7"; '
            'else printf "3000000000\\n4700000000\\n"; fi'
        ),
    }
    for name, body in answers.items():
        program = bin_dir / name
        program.write_text(f'#!/bin/sh\necho "{name} $*" >> {log}\n{body}\n')
        program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(sys, "platform", "linux")
    probe = probe_system()
    assert (probe.woke_at, probe.logged_in_at) == (4000.0, 4700.0)
    assert log.read_text().splitlines() == [
        "systemctl show sleep.target -p InactiveEnterTimestampMonotonic --value",
        f"loginctl show-user {os.getuid()} -p Sessions --value",
        "loginctl show-session c2 7 -p TimestampMonotonic --value",
    ]


def test_probe_without_systemd_or_logind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("systemctl", "loginctl"):
        program = bin_dir / name
        program.write_text("#!/bin/sh\necho 'Failed to connect to bus' >&2\nexit 1\n")
        program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    probe = probe_system()
    assert (probe.woke_at, probe.logged_in_at) == (None, None)


@pytest.mark.parametrize(
    ("probe", "last", "settled"),
    [
        (Probe(5000.0, 0.0, woke_at=0.0), None, 5000.0),
        (Probe(5000.0, 0.0, woke_at=5000.0), None, 0.0),
        (Probe(5000.0, 0.0, woke_at=5000.5, logged_in_at=-1.0), None, None),
        (Probe(5000.0, 0.0, logged_in_at=4000.0, linux_boot=True), None, 1000.0),
        (Probe(5000.0, 0.0, woke_at=4990.0, linux_boot=False), None, 10.0),
        (Probe(5000.0, 101.0), LastCheck(4900.0, 100.0), None),
        (Probe(5000.0, 101.5), LastCheck(4900.0, 100.0), 100.0),
        (Probe(5000.0, 7300.0), LastCheck(5000.0, 100.0), 0.0),
        (Probe(5000.0, 7300.0), LastCheck(5000.5, 100.0), None),
        (Probe(5000.0, None), LastCheck(4900.0, 100.0), None),
        (Probe(5000.0, 7300.0, linux_boot=True), LastCheck(4900.0, 100.0), 100.0),
    ],
    ids=[
        "woke at boot",
        "woke just now",
        "moments outside this boot",
        "login after boot",
        "wake without boot",
        "slept one second: clock noise",
        "slept more than a second",
        "checked just now",
        "checked before a reboot",
        "no sleep clock",
        "the check bounds boot",
    ],
)
def test_the_latest_known_start_of_being_at_the_machine(
    probe: Probe, last: LastCheck | None, settled: float | None
) -> None:
    assert settled_for(probe, last) == settled


def fake_tools(folder: Path, answers: dict[str, str]) -> Path:
    """`systemctl`/`loginctl` stand-ins that log their arguments and answer `answers`."""
    folder.mkdir(exist_ok=True)
    log = folder / "calls.log"
    for name, body in answers.items():
        program = folder / name
        program.write_text(f'#!/bin/sh\necho "{name} $*" >> {log}\n{body}\n')
        program.chmod(0o755)
    return log


@pytest.mark.parametrize(
    ("systemctl", "loginctl", "woke_at", "logged_in_at", "asked_sessions"),
    [
        (
            "echo; echo '  Inactive=0  '; echo InactiveEnterTimestampMonotonic=4500000000; echo x",
            'if [ "$1" = show-user ]; then echo "  "; fi',
            4500.0,
            None,
            False,
        ),
        (
            "echo 0",
            'if [ "$1" = show-user ]; then echo c2; else echo 1500000; echo 0; fi',
            None,
            1.5,
            True,
        ),
        (
            "echo 4000000000; exit 1",
            'if [ "$1" = show-user ]; then echo c2; else echo n/a; fi',
            None,
            None,
            True,
        ),
    ],
    ids=["blank and zero lines", "never slept", "a failing systemctl"],
)
def test_what_systemd_and_logind_say_is_read(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    systemctl: str,
    loginctl: str,
    woke_at: float | None,
    logged_in_at: float | None,
    asked_sessions: bool,
) -> None:
    log = fake_tools(tmp_path / "bin", {"systemctl": systemctl, "loginctl": loginctl})
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(sys, "platform", "linux")
    probe = probe_system()
    assert (probe.woke_at, probe.logged_in_at, probe.linux_boot) == (woke_at, logged_in_at, True)
    assert probe.slept is not None and probe.slept >= 0
    assert probe.slept == pytest.approx(
        time.clock_gettime(time.CLOCK_BOOTTIME) - time.monotonic(), abs=0.5
    )
    asked = [line.split(" ", 2)[1] for line in log.read_text().splitlines()]
    assert asked == ["show", "show-user", *(["show-session"] if asked_sessions else [])]


def test_a_tool_that_hangs_or_cannot_start_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "bin"
    fake_tools(folder, {"systemctl": "exec /bin/sleep 30"})
    (folder / "loginctl").write_text("#!/nonexistent/sh\n")
    (folder / "loginctl").chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(wake, "_TIMEOUT", 0.2)
    probe = probe_system()
    assert (probe.woke_at, probe.logged_in_at) == (None, None)


def test_off_linux_only_the_clock_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = fake_tools(tmp_path / "bin", {"systemctl": "echo 1", "loginctl": "echo 1"})
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(sys, "platform", "darwin")
    before = time.monotonic()
    probe = probe_system()
    assert before <= probe.monotonic <= time.monotonic()
    assert probe == Probe(probe.monotonic, None)
    assert not log.exists()
