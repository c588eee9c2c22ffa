"""Which of a breathing step's cues each breath phase shows.

The rule, as docs/routine-format.md states it: plain cues take turns, one per
breath (as a held step shows one per hold); a cue with `at` belongs to that
point of the whole breathing step, and shows from the start of the breath
phase under way there until that breath ends (or, with no plain cues, until
the next timed cue). A cue line changes only as a phase starts, so the pacer,
`run --plain` and the spoken cues all say the same thing at the same moment.
`inhale_cue` and `exhale_cue` are not decided here: they win on their own
phases (core/timeline.py).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from .model import Step

SLACK = 0.001
"""A point this close before a phase's start counts as that phase's start (sums of floats)."""


def breath_cue_lines(step: Step, breaths: Sequence[tuple[int, float]]) -> list[str]:
    """The step's cue for each played breath phase, given as (cycle number, length) in order."""
    if not step.cues or not breaths:
        return [""] * len(breaths)
    starts: list[float] = []
    total = 0.0
    for _cycle, length in breaths:
        starts.append(total)
        total += length
    pairs = list(zip(step.cues, step.cue_times(), strict=False))
    free = [text for text, at in pairs if at is None]
    timed_at: dict[int, str] = {}
    timed = sorted(
        ((at.seconds(total), text) for text, at in pairs if at is not None),
        key=lambda pair: pair[0],
    )
    for seconds, text in timed:
        # Two in one phase: the later one is shown, as it would be a moment later anyway.
        timed_at[max(bisect_right(starts, seconds + SLACK) - 1, 0)] = text
    lines: list[str] = []
    shown = ""
    previous_cycle = 0
    for index, (cycle, _length) in enumerate(breaths):
        if cycle != previous_cycle and free:
            shown = free[(cycle - 1) % len(free)]
        previous_cycle = cycle
        shown = timed_at.get(index, shown)
        lines.append(shown)
    return lines
