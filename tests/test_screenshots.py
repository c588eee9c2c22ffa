"""`make screenshots` produces every picture, and the help screen has its snapshot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from backcare_tui import screenshots
from backcare_tui.app import make_app
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.settings import Settings


def test_the_script_writes_every_screen(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    assert screenshots.main([str(out)]) == 0
    written = sorted(p.stem for p in out.glob("*.svg"))
    assert written == sorted(shot.name for shot in screenshots.SHOTS)
    for path in out.glob("*.svg"):
        text = path.read_text()
        assert text.startswith("<svg") and len(text) > 5000, path.name
    assert "~/.config/backcare/routines" in (out / "help.svg").read_text().replace("&#160;", " ")


def test_help_snapshot(snap_compare: Callable[..., bool]) -> None:
    app = make_app(settings=Settings(notice_seen=True, sound=False), clock=FakeClock())

    async def open_help(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_help)
