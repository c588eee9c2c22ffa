"""`backcare history --import FILE`: breathe-cli's session log into the history, once."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from ..core.completion import MIN_RECORDED_SECONDS, Completion
from ..core.errors import BackcareError
from ..core.history_import import add_sessions_once
from ..core.importers import ImportFailure, read_source
from ..core.importers.breathe_log import is_breathe_log, read_breathe_log, session_summary
from ..core.paths import display_path
from ..core.text import plural


def import_log(name: str, out: TextIO) -> int:
    path = Path(name).expanduser()
    shown = display_path(path)
    try:
        data = read_source(path)
        if not is_breathe_log(data):
            raise ImportFailure(
                str(path),
                "expected breathe-cli's log (~/.breathe_log.csv), whose first line is "
                "date,time,preset,ratio,...; routines from other tools go through "
                "`backcare import FILE`",
            )
        sessions = read_breathe_log(data, str(path))
        added = add_sessions_once([session_summary(s) for s in sessions])
    except ImportFailure as failure:
        print(f"backcare history: {failure.message}", file=sys.stderr)
        return 1
    except BackcareError as error:
        print(f"backcare history: {error.title}: {error.message}", file=sys.stderr)
        return 1
    for notice in added.notices:
        print(f"backcare: {notice}", file=sys.stderr)
    count = len(added.added)
    if count:
        kinds = ", ".join(
            f"{added.count(kind)} {kind.value}" for kind in Completion if added.count(kind)
        )
        out.write(f"Added {plural(count, 'breathing session')} from {shown}: {kinds}.\n")
    else:
        out.write(f"Nothing new from {shown}.\n")
    if added.already_there:
        were = "was" if added.already_there == 1 else "were"
        out.write(
            f"{plural(added.already_there, 'session')} {were} "
            "already in the history (same start time) and left out.\n"
        )
    if added.too_short:
        out.write(
            f"{plural(added.too_short, 'session')} under "
            f"{MIN_RECORDED_SECONDS:g} s left out: backcare does not record those.\n"
        )
    return 0
