"""Starting a helper program (audio player, speech) that must never hold up the screen."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from typing import Any

Spawn = Callable[..., Any]


def start_detached(spawn: Spawn, args: list[str]) -> tuple[Any, str]:
    """The started process and "", or None and why it could not start.

    Its own session and no terminal streams, so it neither reads keys meant for
    backcare nor draws over the screen, and a Ctrl+C in the terminal leaves it be.
    """
    try:
        process = spawn(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except (OSError, ValueError) as error:
        return None, str(error)
    return process, ""


def reap(processes: list[Any], ignore: set[int] | None = None) -> tuple[list[Any], int | None]:
    """The processes still running, and the first error exit status among those that ended.

    `ignore` holds the ids of processes we cut off ourselves: their status says nothing.
    """
    running: list[Any] = []
    failed: int | None = None
    for process in processes:
        try:
            code = process.poll()
        except OSError:
            continue
        if code is None:
            running.append(process)
        elif code > 0 and failed is None and id(process) not in (ignore or set()):
            failed = code
    return running, failed
