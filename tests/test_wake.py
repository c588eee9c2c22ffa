"""Time at the machine since boot, wake or login, from what the system says."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

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
