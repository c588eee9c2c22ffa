"""How much one routine may ask for: one set of limits for routine files, the
breathing screen and `backcare breathe`, so a session one of them accepts the
others accept too."""

from __future__ import annotations

LIMITS = {"reps": 100, "sets": 50, "rounds": 50, "cycles": 500}
"""The largest count each counted field takes."""

MAX_MINUTES = 120
"""The longest breathing step or breathing session, in minutes."""

MAX_CYCLES = LIMITS["cycles"]

DEFAULT_PREPARE_SECONDS = 5.0
"""The lead-in before the first step when neither the routine nor the settings set one.
Here rather than in model.py so the settings load without the routine model."""

MAX_STEPS = 200
"""The most steps one routine file may hold."""

MAX_NAME_LENGTH = 100
"""The longest name of a routine or a step, in characters."""

MAX_PHASES = 50_000
"""The most phases a routine may expand to, at the top of its progression too."""

MAX_EVERY = 100
"""The most sessions a progression may wait between two steps up."""
