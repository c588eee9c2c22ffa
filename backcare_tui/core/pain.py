"""The pain check-in: the question, the scale, and when to suggest easing off."""

from __future__ import annotations

ASK_BEFORE = "How is your back right now?"
ASK_AFTER = "How is your back now, after the session?"
SCALE = "0 = no pain, 10 = the worst you can imagine"
WORSE_BY = 2
"""An after-score this many points above the before-score suggests easing off."""
ADVICE = (
    "Your back feels worse than before the session. Ease off: choose gentler "
    "movements or a shorter routine next time, and see a doctor or "
    "physiotherapist if the pain persists."
)


def much_worse(before: int | None, after: int | None) -> bool:
    """The after-score is WORSE_BY or more above the before-score."""
    return before is not None and after is not None and after - before >= WORSE_BY


def advice(before: int | None, after: int | None) -> str | None:
    return ADVICE if much_worse(before, after) else None


def change_text(before: int | None, after: int | None, *, ascii_only: bool = False) -> str:
    """ "6 → 4", "6", "→ 4" or "" for a table cell."""
    arrow = "->" if ascii_only else "→"
    if before is not None and after is not None:
        return f"{before} {arrow} {after}"
    if before is not None:
        return str(before)
    if after is not None:
        return f"{arrow} {after}"
    return ""
