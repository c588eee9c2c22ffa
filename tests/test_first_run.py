"""The safety notice shows once on the first full-screen start; flags never reach the file."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from backcare_tui import app as app_module
from backcare_tui.app import Outcome, make_app
from backcare_tui.cli import main as cli
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.model import Routine, Step, Timed
from backcare_tui.core.paths import config_file
from backcare_tui.screens.home import HomeScreen
from backcare_tui.screens.notice import NoticeScreen
from backcare_tui.screens.player import PlayerScreen


def saved() -> dict[str, Any]:
    return tomllib.loads(config_file().read_text())


@pytest.mark.parametrize("key", ["enter", "escape"])
async def test_notice_shows_once_and_is_remembered(key: str) -> None:
    app = make_app(clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert saved()["notice_seen"] is True
    again = make_app(clock=FakeClock())
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)


async def test_a_session_started_from_the_command_line_waits_for_the_notice() -> None:
    clock = FakeClock()
    routine = Routine("Quick", (Step("Stand", Timed(30)),), prepare=0)
    app = make_app(clock=clock, start=routine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        clock.advance(60)  # reading takes a while; the session has not begun
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        assert app.screen.player is not None
        assert app.screen.player.elapsed == 0


async def test_flags_apply_for_the_run_but_are_not_saved(isolated_home: Path) -> None:
    config_file().parent.mkdir(parents=True, exist_ok=True)
    config_file().write_text("notice_seen = true\nascii = false\n")
    app = make_app(clock=FakeClock(), overrides={"ascii": True})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.settings.ascii is True
        app.theme = "nord"
        await pilot.pause()
    assert saved()["theme"] == "nord"
    assert saved()["ascii"] is False


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], {}),
        (["--ascii"], {"ascii": True}),
        (["--reduced-motion", "--ascii"], {"ascii": True, "reduced_motion": True}),
        (["breathe", "--reduced-motion"], {"reduced_motion": True}),
        (["run", "desk-break", "--ascii"], {"ascii": True}),
    ],
)
def test_command_line_flags_become_overrides(
    argv: list[str], expected: dict[str, bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    class FakeApp:
        outcome = Outcome(0, ["done"])

        def run(self) -> Outcome:
            return self.outcome

    def fake_make_app(**kwargs: Any) -> FakeApp:
        seen.update(kwargs)
        return FakeApp()

    monkeypatch.setattr(app_module, "make_app", fake_make_app)
    assert cli.main(argv) == 0
    assert seen["overrides"] == expected
