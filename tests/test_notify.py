"""Desktop notifications sent in-process (`core/notify.py`): over a real private D-Bus
session bus to tests/notification_server.py, and through a fake `osascript` on PATH for
macOS. What the person sees is the notification's title and body, or the reason given."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from session_bus import Bus, private_bus

from backcare_tui.core import notify
from backcare_tui.core.notify import NotifyError

needs_dbus = pytest.mark.skipif(
    shutil.which("dbus-run-session") is None, reason="dbus-run-session is not installed"
)


@pytest.fixture
def no_bus(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No session bus in the environment and an empty runtime folder."""
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return runtime


@pytest.fixture
def bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bus]:
    with private_bus(tmp_path) as found:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", found.address)
        yield found


@needs_dbus
def test_a_notification_arrives_with_its_title_and_body(bus: Bus) -> None:
    notify.send("Time for your back", "Desk break, 5 min: backcare run desk-break\n2 more")
    assert bus.sent() == [
        {
            "app": "backcare",
            "interface": "org.freedesktop.Notifications",
            "replaces": 0,
            "icon": "",
            "summary": "Time for your back",
            "body": "Desk break, 5 min: backcare run desk-break\n2 more",
            "actions": [],
            "hints": {"urgency": 1, "category": "presence"},
            "timeout": -1,
        }
    ]


@needs_dbus
@pytest.mark.parametrize(
    ("version", "described"),
    [
        ("1.0", "test-notifier 1.0 (backcare tests) over D-Bus"),
        ("", "test-notifier (backcare tests) over D-Bus"),
    ],
)
def test_the_service_found_is_described_by_name_version_and_vendor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, version: str, described: str
) -> None:
    monkeypatch.setenv("FAKE_SERVER_VERSION", version)
    with private_bus(tmp_path) as found:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", found.address)
        assert notify.find_service().description == described


@needs_dbus
def test_a_bus_without_a_notification_service_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with private_bus(tmp_path, server="none") as found:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", found.address)
        with pytest.raises(NotifyError) as refused:
            notify.send("Time for your back", "Desk break")
    assert str(refused.value) == (
        "no notification service on the session bus (The name org.freedesktop.Notifications"
        " was not provided by any .service files)"
    )


@needs_dbus
def test_a_service_that_never_answers_gives_up_after_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notify, "TIMEOUT", 0.25)
    with private_bus(tmp_path, server="silent") as found:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", found.address)
        with pytest.raises(NotifyError) as refused:
            notify.find_service()
    assert str(refused.value) == "the notification service did not answer in 0.25 s"


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("unix:path=/nonexistent/bus", "[Errno 2] No such file or directory"),
        ("nonsense", "not enough values to unpack (expected 2, got 1)"),
        (
            "tcp:host=localhost,port=1",
            "DBus transports ({'tcp'}) not supported. Supported: ('unix',)",
        ),
    ],
)
def test_a_bus_that_cannot_be_reached_is_named(
    monkeypatch: pytest.MonkeyPatch, address: str, reason: str
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    with pytest.raises(NotifyError) as refused:
        notify.send("Time for your back", "Desk break")
    assert str(refused.value) == f"cannot reach the D-Bus session bus at {address}: {reason}"


def test_no_session_bus_anywhere_is_no_desktop_session(no_bus: Path) -> None:
    assert notify.session_bus_address() is None
    with pytest.raises(NotifyError) as refused:
        notify.find_service()
    assert str(refused.value) == "there is no D-Bus session bus (no desktop session here)"


def test_the_bus_is_the_environments_else_the_runtime_folders(
    no_bus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (no_bus / "bus").touch()
    assert notify.session_bus_address() == f"unix:path={no_bus / 'bus'}"
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "   ")
    assert notify.session_bus_address() == f"unix:path={no_bus / 'bus'}"
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", " unix:path=/somewhere/bus \n")
    assert notify.session_bus_address() == "unix:path=/somewhere/bus"


def test_without_a_runtime_folder_the_bus_is_looked_for_under_run_user(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = Path(f"/run/user/{os.getuid()}")
    if folder.exists() or not os.access(folder.parent, os.W_OK):
        pytest.skip("needs to make /run/user/UID for the test")
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    assert notify.session_bus_address() is None
    folder.mkdir()
    try:
        (folder / "bus").touch()
        assert notify.session_bus_address() == f"unix:path={folder}/bus"
    finally:
        shutil.rmtree(folder)


OSASCRIPT = """#!/bin/sh
for arg in "$@"; do printf '%s\\n' "$arg" >> "{log}"; done
{tail}
"""


@pytest.fixture
def macos(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """sys.platform says darwin, and PATH holds only a folder for a fake osascript."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("PATH", str(folder))
    return folder


def fake_osascript(folder: Path, tail: str = "exit 0") -> Path:
    log = folder.parent / "osascript.log"
    program = folder / "osascript"
    program.write_text(OSASCRIPT.format(log=log, tail=tail))
    program.chmod(0o755)
    return log


def test_on_macos_the_notification_is_an_osascript_line_with_quotes_escaped(macos: Path) -> None:
    log = fake_osascript(macos)
    assert notify.find_service().description == "macOS notifications through osascript"
    notify.send('Time for "your" back', "Desk break\\plank")
    assert log.read_text() == (
        '-e\ndisplay notification "Desk break\\\\plank" with title "Time for \\"your\\" back"\n'
    )


def test_on_macos_without_osascript_nothing_can_be_shown(macos: Path) -> None:
    with pytest.raises(NotifyError) as missing:
        notify.find_service()
    assert str(missing.value) == "osascript is not on PATH"
    with pytest.raises(NotifyError) as failed:
        notify.send("Time for your back", "Desk break")
    assert str(failed.value) == (
        "osascript failed: [Errno 2] No such file or directory: 'osascript'"
    )


def test_on_macos_a_failing_osascript_gives_its_own_words(macos: Path) -> None:
    fake_osascript(macos, "echo '  execution error: Not authorised (-1743)  ' >&2; exit 1")
    with pytest.raises(NotifyError) as failed:
        notify.send("Time for your back", "Desk break")
    assert str(failed.value) == "osascript failed: execution error: Not authorised (-1743)"


def test_on_macos_an_osascript_that_hangs_is_given_up_on(
    macos: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_osascript(macos, "exec /bin/sleep 30")
    monkeypatch.setattr(notify, "TIMEOUT", 0.25)
    with pytest.raises(NotifyError) as failed:
        notify.send("Time for your back", "Desk break")
    assert str(failed.value).startswith("osascript failed: Command '['osascript', '-e', ")
    assert str(failed.value).endswith("' timed out after 0.25 seconds")
