"""How the stats, settings and pain check-in screens look at 80x24.

The history is seeded with fixed sessions and the stats screen pinned to a
fixed "now" in UTC, so every run draws the same picture; regenerate with
`pytest tests/snapshots/test_snapshots_history.py --snapshot-update` and look first.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from apps import AppFactory
from textual.pilot import Pilot
from textual.screen import Screen

from backcare_tui.core.history import record_session
from backcare_tui.core.session_summary import SessionSummary
from backcare_tui.screens.pain import PainCheckScreen
from backcare_tui.screens.settings_screen import SettingsScreen
from backcare_tui.screens.stats import StatsScreen

SnapCompare = Callable[..., bool]
NOW = datetime(2024, 6, 13, 18, 0, tzinfo=UTC)
NAMES = ("Desk break", "Posture reset", "Morning mobility", "Foam roller release")


def seed() -> None:
    """Twelve weeks of sessions in a fixed pattern, pain rated in the last month."""
    for day in range(84, -1, -1):
        if day % 7 in (2, 5) or ((day // 7) % 5 == 3 and day % 7 != 0):
            continue
        at = NOW - timedelta(days=day, hours=day % 5)
        minutes = (3, 5, 8, 10)[day % 4]
        rated = day < 30
        record_session(
            SessionSummary(
                NAMES[day % len(NAMES)], None, "h", at, at + timedelta(minutes=minutes),
                minutes * 60, minutes * 60.0 if day % 6 else minutes * 30.0, 5 if day % 6 else 2,
                0 if day % 6 else 1, 5, bool(day % 6),
                (day % 4) + 2 if rated else None, (day % 3) + 1 if rated else None,
            )
        )  # fmt: skip


def opening(screen: Callable[[], Screen[Any]]) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        pilot.app.push_screen(screen())
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("ascii_only", [False, True], ids=["unicode", "ascii"])
def test_stats(snap_compare: SnapCompare, ascii_only: bool, app_with: AppFactory) -> None:
    seed()
    app = app_with(ascii=ascii_only)
    stats = opening(lambda: StatsScreen(now=lambda: NOW, tz=UTC))
    assert snap_compare(app, terminal_size=(80, 24), run_before=stats)


def test_stats_empty(snap_compare: SnapCompare, app_with: AppFactory) -> None:
    stats = opening(lambda: StatsScreen(now=lambda: NOW, tz=UTC))
    assert snap_compare(app_with(), terminal_size=(80, 24), run_before=stats)


def test_settings(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_with: AppFactory
) -> None:
    # The Sound section says which audio player and voice this machine has: none, here.
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    assert snap_compare(app_with(), terminal_size=(80, 24), run_before=opening(SettingsScreen))


def test_pain_check_in(snap_compare: SnapCompare, app_with: AppFactory) -> None:
    assert snap_compare(app_with(), terminal_size=(80, 24), run_before=opening(PainCheckScreen))
