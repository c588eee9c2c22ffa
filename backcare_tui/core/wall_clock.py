"""The wall clock the reminder rules and the status line read.

`BACKCARE_NOW` (an ISO date and time) sets it, so tests and curious people can
ask "what would happen on Monday at 10:00" of the real commands.
"""

from __future__ import annotations

import os
from datetime import datetime

from .errors import BackcareError


def wall_clock() -> datetime:
    """Now in the person's zone, or BACKCARE_NOW when set."""
    given = os.environ.get("BACKCARE_NOW", "").strip()
    if not given:
        return datetime.now().astimezone()
    try:
        moment = datetime.fromisoformat(given)
    except ValueError:
        raise BackcareError(
            "Bad BACKCARE_NOW",
            f'expected an ISO date and time like 2026-11-30T10:00, got "{given}"',
        ) from None
    return moment.astimezone() if moment.tzinfo is None else moment
