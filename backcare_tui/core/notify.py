"""Desktop notifications: the freedesktop service over D-Bus on Linux, osascript on macOS.

On Linux this speaks to `org.freedesktop.Notifications` on the session bus
with jeepney: pure Python, no dependencies of its own, blocking calls with a
timeout, and imported only by the commands that notify, which suits a
command a timer starts.
(`desktop-notifier` would bring an asyncio stack and a compiled D-Bus
library for the same one call; `notify-send` is often not installed and
cannot say whether a service is there.) Nothing here ever writes into a
terminal: with no service, `send` says why and the caller decides.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
APP_NAME = "backcare"
TIMEOUT = 5.0


class NotifyError(Exception):
    """Notifications cannot be shown here; the message says why."""


@dataclass(frozen=True)
class Service:
    """The notification service found, in words for `remind status`."""

    description: str


def session_bus_address() -> str | None:
    """The session bus: $DBUS_SESSION_BUS_ADDRESS, else the usual $XDG_RUNTIME_DIR/bus."""
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "").strip()
    if address:
        return address
    runtime = os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    socket = Path(runtime) / "bus"
    return f"unix:path={socket}" if socket.exists() else None


def find_service() -> Service:
    """Ask the system whether notifications can be shown; raises NotifyError if not."""
    if sys.platform == "darwin":
        if shutil.which("osascript") is None:
            raise NotifyError("osascript is not on PATH")
        return Service("macOS notifications through osascript")
    name, vendor, version, _spec = _call("GetServerInformation", "", ())
    return Service(f"{name} {version} ({vendor}) over D-Bus".replace("  ", " "))


def send(title: str, body: str) -> None:
    """Show one notification; raises NotifyError when it could not be shown."""
    if sys.platform == "darwin":
        _osascript(title, body)
        return
    hints = {"urgency": ("y", 1), "category": ("s", "presence")}
    _call("Notify", "susssasa{sv}i", (APP_NAME, 0, "", title, body, [], hints, -1))


def _call(method: str, signature: str, body: tuple[object, ...]) -> tuple[object, ...]:
    # Imported here: only the commands that notify pay for it.
    from jeepney import DBusAddress, MessageType, new_method_call  # type: ignore[import-untyped]
    from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]

    address = session_bus_address()
    if address is None:
        raise NotifyError("there is no D-Bus session bus (no desktop session here)")
    target = DBusAddress(PATH, bus_name=NAME, interface=NAME)
    try:
        with open_dbus_connection(bus=address) as connection:
            reply = connection.send_and_get_reply(
                new_method_call(target, method, signature or None, body), timeout=TIMEOUT
            )
    except TimeoutError:
        raise NotifyError(f"the notification service did not answer in {TIMEOUT:g} s") from None
    except (OSError, ValueError, KeyError, RuntimeError) as error:
        # jeepney raises RuntimeError for a transport it does not speak (tcp:, launchd:).
        raise NotifyError(f"cannot reach the D-Bus session bus at {address}: {error}") from None
    if reply.header.message_type == MessageType.error:
        detail = reply.body[0] if reply.body else reply.header.fields
        raise NotifyError(f"no notification service on the session bus ({detail})")
    return tuple(reply.body)


def _osascript(title: str, body: str) -> None:
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    script = f"display notification {quoted(body)} with title {quoted(title)}"
    try:
        done = subprocess.run(
            ["osascript", "-e", script],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise NotifyError(f"osascript failed: {error}") from None
    if done.returncode != 0:
        raise NotifyError(f"osascript failed: {done.stderr.strip()}")
