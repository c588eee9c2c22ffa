"""The first-run safety notice's words, the same in the app and in `run --plain`."""

from __future__ import annotations

NOTICE = (
    "backcare is an exercise aid, not medical advice.\n\n"
    "Move gently and within comfort. Stop at once if you feel sharp pain, "
    "numbness or dizziness.\n\n"
    "If back pain lasts, keeps coming back, or follows an injury, see a doctor "
    "or physiotherapist."
)
