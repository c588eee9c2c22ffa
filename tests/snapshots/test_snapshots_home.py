"""Home with a Today suggestion and a routine that has progressed, as a picture.

Regenerate with `pytest tests/snapshots/test_snapshots_home.py --snapshot-update` and
look at the picture before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from apps import AppFactory
from practice_files import TAGGED_PLANK_PRACTICE, WEDNESDAY, app_on, played
from textual.pilot import Pilot

SnapCompare = Callable[..., bool]


def test_home_with_today_and_a_progressed_preview(
    snap_compare: SnapCompare, user_routines: Path, app_with: AppFactory
) -> None:
    (user_routines / "plank-practice.toml").write_text(TAGGED_PLANK_PRACTICE)
    for n in range(3, 9):
        played("Plank practice", WEDNESDAY - timedelta(days=n))
    app = app_on(app_with, WEDNESDAY, plan={"wed": "plank-practice"})

    async def highlight(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=highlight)
