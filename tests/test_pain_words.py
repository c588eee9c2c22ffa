"""The pain check-in's words as the summary, `run --plain` and the history table print them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sessions import a_session

from backcare_tui.core.pain import change_text, pain_line, scores_line


@pytest.mark.parametrize(
    ("before", "after", "line", "cell", "ascii_cell"),
    [
        (6, 4, "Your back (0-10): 6 before, 4 after", "6 → 4", "6 -> 4"),
        (6, None, "Your back (0-10): 6 before", "6", "6"),
        (None, 4, "Your back (0-10): 4 after", "→ 4", "-> 4"),
        (0, 0, "Your back (0-10): 0 before, 0 after", "0 → 0", "0 -> 0"),
        (None, None, None, "", ""),
    ],
)
def test_ratings_in_words(
    before: int | None, after: int | None, line: str | None, cell: str, ascii_cell: str
) -> None:
    assert scores_line(before, after) == line
    assert change_text(before, after) == cell
    assert change_text(before, after, ascii_only=True) == ascii_cell
    start = datetime(2026, 11, 30, 9, tzinfo=UTC)
    summary = a_session(start, name="Desk break", pain_before=before, pain_after=after)
    assert pain_line(summary) == line
