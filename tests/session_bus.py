"""A real private D-Bus session bus (`dbus-run-session`) with tests/notification_server.py
on it: the tests send real notifications and read back what the server was sent."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

SERVER = Path(__file__).with_name("notification_server.py")


class Bus:
    def __init__(self, address: str, log: Path) -> None:
        self.address = address
        self.log = log

    def sent(self) -> list[dict[str, object]]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text().splitlines()]


@contextmanager
def private_bus(
    tmp_path: Path, config: Path | None = None, *, server: str = "answering"
) -> Iterator[Bus]:
    """A real session bus from dbus-run-session with our notification server on it.

    `server="silent"` owns the service's name and never answers; `server="none"` leaves
    the name unowned, as on a machine without a notification daemon.
    """
    log, ready = tmp_path / "notifications.jsonl", tmp_path / "bus-address"
    options = [f"--config-file={config}"] if config is not None else []
    command = [sys.executable, str(SERVER), str(log), str(ready), server]
    process = subprocess.Popen(
        ["dbus-run-session", *options, "--", *command],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 20
        while not ready.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                assert process.stderr is not None
                pytest.fail(f"notification server did not start: {process.stderr.read()!r}")
            time.sleep(0.02)  # waiting for another process to come up, not for a timer
        yield Bus(ready.read_text(), log)
    finally:
        # dbus-run-session leaves its bus and our server running when it is stopped
        # alone: end the whole process group it leads.
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
