"""How long the person has been at the machine: since boot, wake from sleep, or login.

All moments are on CLOCK_MONOTONIC, which stops while the machine sleeps, so
"monotonic now minus monotonic then" is time actually spent awake. Sources,
each optional (a missing one is skipped, never an error):

- boot: CLOCK_MONOTONIC itself starts at boot on Linux;
- wake: systemd stops `sleep.target` on resume and records the moment
  (`systemctl show sleep.target -p InactiveEnterTimestampMonotonic`);
- wake, without systemd: the time slept since boot (CLOCK_BOOTTIME minus
  CLOCK_MONOTONIC) is remembered at each check; if it grew, the machine woke
  since the last check, so no more time has passed since the wake than the
  awake time since that check (a safe upper bound);
- login: logind's sessions of this user (`loginctl show-session ... -p
  TimestampMonotonic`), the newest one.

On a system that offers none of these (macOS, a container) only the
remembered-sleep check can apply, and where nothing is known the reminder is
not held back: a missed nag is worse than a possibly early one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass

_TIMEOUT = 2.0


@dataclass(frozen=True)
class Probe:
    """One look at the clocks, and what the system said about wake and login."""

    monotonic: float
    slept: float | None
    """Seconds slept since boot (CLOCK_BOOTTIME - CLOCK_MONOTONIC); None off Linux."""
    woke_at: float | None = None
    """Monotonic seconds of the last resume, from systemd."""
    logged_in_at: float | None = None
    """Monotonic seconds of this user's newest login session, from logind."""
    linux_boot: bool = False
    """CLOCK_MONOTONIC counts from boot (Linux)."""


@dataclass(frozen=True)
class LastCheck:
    """What the previous check saw, kept in the state folder between runs."""

    monotonic: float
    slept: float


def settled_for(probe: Probe, last: LastCheck | None) -> float | None:
    """Seconds since the latest boot, wake or login; None when nothing is known."""
    candidates: list[float] = []
    if probe.linux_boot:
        candidates.append(probe.monotonic)
    for moment in (probe.woke_at, probe.logged_in_at):
        if moment is not None and 0 <= moment <= probe.monotonic:
            candidates.append(probe.monotonic - moment)
    if (
        last is not None
        and probe.slept is not None
        and probe.slept > last.slept + 1.0
        and last.monotonic <= probe.monotonic
    ):
        candidates.append(probe.monotonic - last.monotonic)
    return min(candidates) if candidates else None


def probe_system() -> Probe:
    """Read the clocks and ask systemd and logind, where they are (about 10 ms each)."""
    monotonic = time.monotonic()
    linux = sys.platform.startswith("linux")
    slept = None
    if linux and hasattr(time, "CLOCK_BOOTTIME"):
        slept = max(0.0, time.clock_gettime(time.CLOCK_BOOTTIME) - time.monotonic())
    if not linux:
        return Probe(monotonic, slept)
    return Probe(
        monotonic,
        slept,
        woke_at=_resumed_at(),
        logged_in_at=_logged_in_at(),
        linux_boot=True,
    )


def _ask(argv: list[str]) -> list[str]:
    if shutil.which(argv[0]) is None:
        return []
    try:
        done = subprocess.run(
            argv, capture_output=True, text=True, timeout=_TIMEOUT, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode != 0:
        return []
    return [line.strip() for line in done.stdout.splitlines() if line.strip()]


def _microseconds(lines: list[str]) -> list[float]:
    found = []
    for line in lines:
        value = line.rpartition("=")[2]
        if value.isdigit() and int(value) > 0:
            found.append(int(value) / 1_000_000)
    return found


def _resumed_at() -> float | None:
    lines = _ask(
        ["systemctl", "show", "sleep.target", "-p", "InactiveEnterTimestampMonotonic", "--value"]
    )
    found = _microseconds(lines)
    return max(found) if found else None


def _logged_in_at() -> float | None:
    sessions = _ask(["loginctl", "show-user", str(os.getuid()), "-p", "Sessions", "--value"])
    ids = [word for line in sessions for word in line.split()]
    if not ids:
        return None
    found = _microseconds(
        _ask(["loginctl", "show-session", *ids, "-p", "TimestampMonotonic", "--value"])
    )
    return max(found) if found else None
