"""Did-you-mean: the closest word by edits a typist makes, a swapped pair counting as one."""

from __future__ import annotations

from collections.abc import Iterable


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (optimal string alignment): insert, delete, substitute,
    or swap two neighbours, each one edit. "rset" is one edit from "rest"."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def closest(word: str, choices: Iterable[str], preferred: Iterable[str] = ()) -> str | None:
    """The choice fewest edits away, if it is close enough to be a typo (at most a
    third of the longer word, and at most 3); ties go to `preferred` (say, the keys
    that fit this step's shape), then to the order of `choices`."""
    wanted = word.lower()
    liked = set(preferred)
    best: tuple[int, int, int] | None = None
    found: str | None = None
    for order, choice in enumerate(choices):
        distance = edit_distance(wanted, choice.lower())
        if distance == 0 and wanted != choice.lower():
            continue
        if distance > min(3, max(1, max(len(wanted), len(choice)) // 3)):
            continue
        rank = (distance, 0 if choice in liked else 1, order)
        if best is None or rank < best:
            best, found = rank, choice
    return found


def suggest(word: str, choices: Iterable[str], preferred: Iterable[str] = ()) -> str:
    """ "; did you mean "x"?" when a close match exists, else ""."""
    close = closest(word, choices, preferred)
    return f'; did you mean "{close}"?' if close else ""
