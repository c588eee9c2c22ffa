"""The pain check-in: the question, the scale, and when to suggest easing off."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .session_summary import SessionSummary

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


SEEK_HELP_AT = 8
"""An after-score this high means stop, not ease off."""
SEEK_HELP_RISE = 4
"""Nor is a rise this big after one session something to train through."""
SEEK_HELP = (
    "Stop exercising for now: your back hurts a lot after this session. Rest it, and "
    "see a doctor or physiotherapist before your next session. Get help at once if "
    "the pain spreads down a leg or comes with numbness, weakness, or trouble "
    "controlling your bladder or bowels."
)

SEEK_HELP_SHORT = (
    "Sessions leave your back much worse: stop them and see a doctor or physiotherapist."
)
"""For the stats, when sessions raise the score by SEEK_HELP_RISE or more on average."""


def much_worse(before: int | None, after: int | None) -> bool:
    """The after-score is WORSE_BY or more above the before-score."""
    return before is not None and after is not None and after - before >= WORSE_BY


def seek_help(before: int | None, after: int | None) -> bool:
    """The after-score is SEEK_HELP_AT or more, or rose by SEEK_HELP_RISE or more."""
    if after is None:
        return False
    return after >= SEEK_HELP_AT or (before is not None and after - before >= SEEK_HELP_RISE)


def advice(before: int | None, after: int | None) -> str | None:
    """What to do after a session that hurt: stop and seek help, ease off, or nothing."""
    if seek_help(before, after):
        return SEEK_HELP
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


def pain_line(summary: SessionSummary) -> str | None:
    """`Your back (0-10): 3 before, 2 after`, or None with no ratings."""
    return scores_line(summary.pain_before, summary.pain_after)


def scores_line(before: int | None, after: int | None) -> str | None:
    """`Your back (0-10): 3 before, 2 after`, or None with no ratings."""
    parts = []
    if before is not None:
        parts.append(f"{before} before")
    if after is not None:
        parts.append(f"{after} after")
    return "Your back (0-10): " + ", ".join(parts) if parts else None
