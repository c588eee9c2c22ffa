"""A tiny org.freedesktop.Notifications service that records what it is sent.

Run inside `dbus-run-session`: `python notification_server.py LOG READY [MODE]`. It
takes the well-known name (MODE "silent": takes it and never answers; "none": leaves it
unowned), writes the bus address to READY, then appends one
JSON line to LOG per Notify call and answers like a real server would.
"""

from __future__ import annotations

import json
import os
import sys

from jeepney import HeaderFields, MessageType, new_error, new_method_return  # type: ignore[import-untyped]
from jeepney.bus_messages import message_bus  # type: ignore[import-untyped]
from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]

NAME = "org.freedesktop.Notifications"


def main(log_path: str, ready_path: str, mode: str = "answering") -> None:
    connection = open_dbus_connection(bus="SESSION")
    if mode != "none":
        reply = connection.send_and_get_reply(message_bus.RequestName(NAME))
        assert reply.body[0] == 1, f"could not own {NAME}: {reply.body}"
    with open(ready_path + ".tmp", "w") as ready:
        ready.write(os.environ["DBUS_SESSION_BUS_ADDRESS"])
    os.rename(ready_path + ".tmp", ready_path)
    sent = 0
    while True:
        message = connection.receive()
        if mode != "answering":
            continue
        if message.header.message_type != MessageType.method_call:
            continue
        member = message.header.fields.get(HeaderFields.member)
        if member == "Notify":
            sent += 1
            app, replaces, icon, summary, body, actions, hints, timeout = message.body
            with open(log_path, "a") as log:
                record = {"app": app, "summary": summary, "body": body, "timeout": timeout}
                record |= {"replaces": replaces, "icon": icon, "actions": actions}
                record["interface"] = message.header.fields.get(HeaderFields.interface)
                record["hints"] = {key: value[1] for key, value in hints.items()}
                log.write(json.dumps(record) + "\n")
            connection.send(new_method_return(message, "u", (sent,)))
        elif member == "GetServerInformation":
            version = os.environ.get("FAKE_SERVER_VERSION", "1.0")
            info = ("test-notifier", "backcare tests", version, "1.2")
            connection.send(new_method_return(message, "ssss", info))
        elif member == "GetCapabilities":
            connection.send(new_method_return(message, "as", (["body"],)))
        else:
            error = "org.freedesktop.DBus.Error.UnknownMethod"
            connection.send(new_error(message, error, "s", (f"no method {member}",)))


if __name__ == "__main__":
    main(*sys.argv[1:4])
