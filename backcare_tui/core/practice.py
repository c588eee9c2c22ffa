"""The history as the practice sees it: routines at the person's level, and Today.

One read of the session log and the reset file serves every routine shown,
so home, `show`, `run` and `today` agree. Reading is cheap (one SQLite
query); nothing is cached across processes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import BackcareError
from .levels import at_levels, is_progressing
from .model import Routine
from .resets import load_resets, resets_for

if TYPE_CHECKING:
    from .progression import Standing
    from .session_summary import SessionSummary
    from .settings import Settings
    from .today import Today


@dataclass(frozen=True)
class Progressed:
    """A routine as the file says it and as the person plays it now."""

    original: Routine
    routine: Routine
    """At the person's level: the one to show, time and play."""
    standing: Standing

    @property
    def level(self) -> int:
        return self.standing.level

    @property
    def progressing(self) -> bool:
        return is_progressing(self.original)


@dataclass
class Practice:
    """The sessions and resets levels are replayed from, read once for every routine."""

    sessions: Sequence[SessionSummary] = ()
    resets: dict[str, list[datetime]] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    """Problems met while reading, for the caller to show once."""
    _known: dict[Routine, Progressed] = field(default_factory=dict, repr=False)

    def progressed(self, routine: Routine) -> Progressed:
        """Remembered per routine: home asks for every routine on each keystroke."""
        known = self._known.get(routine)
        if known is not None:
            return known
        from .progression import Standing, standing  # the replay: only with a routine to show

        if not is_progressing(routine):
            known = Progressed(routine, routine, Standing(()))
        else:
            result = standing(routine, self.sessions, resets_for(self.resets, routine.name))
            known = Progressed(routine, at_levels(routine, result.levels), result)
        self._known[routine] = known
        return known

    def at_level(self, routine: Routine) -> Routine:
        if not self.sessions:
            # No session yet: every step is at level 0, the file's values (what the
            # replay would give), without importing it: `list` on a fresh install.
            return routine
        return self.progressed(routine).routine

    def today(
        self,
        settings: Settings,
        day: date,
        *,
        tz: tzinfo | None = None,
        exists: Callable[[str], bool] | None = None,
    ) -> Today:
        from .today import suggest_today  # `list`, `show` and `run` do not need Today

        return suggest_today(settings, self.sessions, day, tz=tz, exists=exists)


def load_practice(history: Path | None = None, resets: Path | None = None) -> Practice:
    """Read the log and the resets; a problem with either leaves it out and is noted."""
    from .paths import history_file

    practice = Practice()
    history = history or history_file()
    # No log yet is no sessions, as load_history would say, without importing sqlite3
    # and the history modules (about 5 ms of `list` and `show`).
    if history.exists():
        from .history import load_history

        try:
            read = load_history(history)
            practice.sessions = [stored.summary for stored in read.sessions]
            practice.notices += read.notices
        except BackcareError as error:
            practice.notices.append(f"{error.title}: {error.message}")
    try:
        practice.resets = load_resets(resets)
    except BackcareError as error:
        practice.notices.append(f"{error.title}: {error.message}")
    return practice
