"""Untrusted routine files cannot write to the terminal or smuggle in markup.

A shared routine file (or its file name) may carry terminal escape sequences:
a CSI that clears the screen, an OSC 52 that writes the clipboard, an OSC 8
hyperlink, a DCS query, 8-bit C1 controls, bell, backspace and carriage
return, a bidi override; and Rich or Textual markup ("[bold]", "[link=...]",
"[@click=...]"). Every CLI command is run as a subprocess and every byte it
writes is checked; the app is rendered headless and every segment it would
send to the terminal is checked. Escapes are stripped, markup is shown as
the characters it is.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from apps import AppFactory
from on_screen import rows
from textual.pilot import Pilot
from textual.widgets import OptionList

from backcare_tui.app import BackcareApp
from backcare_tui.core.clock import FakeClock
from backcare_tui.screens.home import HomeScreen
from backcare_tui.screens.player import PlayerScreen
from backcare_tui.screens.summary import SummaryScreen

CSI = "\x1b[2J\x1b[H"
OSC52 = "\x1b]52;c;ZXZpbA==\x07"
OSC52_ST = "\x1b]52;c;ZXZpbA==\x1b\\"
LINK = "\x1b]8;;https://evil.example/\x1b\\lnk\x1b]8;;\x1b\\"
C1 = "\x9b31m\x9d0;title\x9c"
DCS = "\x1bP+q544e\x1b\\"
CONTROLS = "\x07\x08\r\x00\x7f"
BIDI = "\u202eevil\u2066"
EVERYTHING = CSI + OSC52 + LINK + C1 + DCS + CONTROLS + BIDI
MARKUP = "[bold]B[/bold] [link=https://evil.example]L[/link] [@click=app.quit]Q[/] [red]R"

# What must never reach a terminal: ESC, the 8-bit controls, the other C0 controls
# except newline (and tab), DEL, and the bidi overrides.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

EVIL = {
    "format": 1,
    "name": "Evil " + OSC52 + "[bold]B[/bold]" + CSI,
    "description": "D " + EVERYTHING + MARKUP,
    "tags": ["t" + C1 + "[red]R"],
    "equipment": ["mat" + OSC52_ST],
    "prepare": 0,
    "rest_between": 0.1,
    "steps": [
        {
            "name": "S1 " + CSI + "[link=https://evil.example]L[/link]",
            "duration": 0.1,
            "instructions": "I " + EVERYTHING + MARKUP,
            "cues": ["C " + LINK + "[@click=app.quit]Q[/]", "C2 " + DCS + BIDI],
        },
        {
            "name": "S2 " + DCS + C1 + "[red]R",
            "hold": 0.1,
            "sides": "both",
            "switch": 0.1,
            "instructions": "Hold " + MARKUP,
            "cues": ["C3" + OSC52 + CONTROLS],
        },
        {
            "name": "S3 " + BIDI + "[bold]breath",
            "breathing": {"inhale": 0.2, "exhale": 0.2},
            "cycles": 1,
            "inhale_cue": "in " + OSC52_ST + "[bold]",
            "exhale_cue": "out " + CSI + "[/]",
        },
    ],
}
# Too long and with escapes in a key: every message echoes part of the payload.
BROKEN = {
    "format": 1,
    "name": "N " + EVERYTHING * 8,
    "k" + OSC52 + "[bold]": 1,
    "steps": [{"name": "S " + EVERYTHING + MARKUP, "hold": "1m" + CSI, "sides": CSI}],
}
EVIL_FILE_NAME = "named" + OSC52_ST + CSI + "[bold]x.toml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A routine folder someone shared: payloads inside files and in a file name."""
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "evil.toml").write_text(tomli_w.dumps(EVIL), encoding="utf-8")
    (shared / "broken.toml").write_text(tomli_w.dumps(BROKEN), encoding="utf-8")
    named = dict(EVIL, name="Plain name")
    (shared / EVIL_FILE_NAME).write_text(tomli_w.dumps(named), encoding="utf-8")
    return shared


def assert_clean(text: str, where: str) -> None:
    found = FORBIDDEN.search(text)
    if found is not None:
        near = text[max(0, found.start() - 40) : found.start() + 40]
        raise AssertionError(f"{where}: {found.group()!r} reached the terminal in {near!r}")


# -- the command line ----------------------------------------------------------------


def backcare(*args: str) -> tuple[int, str]:
    """Run the CLI; stdout and stderr as the terminal would get them, bytes checked first."""
    env = dict(os.environ, COLUMNS="400", LINES="50", TERM="xterm-256color")
    done = subprocess.run(
        [sys.executable, "-m", "backcare_tui", *args],
        capture_output=True,
        env=env,
        timeout=60,
    )
    for name, data in (("stdout", done.stdout), ("stderr", done.stderr)):
        assert b"\x1b" not in data, f"{args} {name}: {data!r}"
        text = data.decode("utf-8")
        assert_clean(text.replace("\n", "").replace("\t", ""), f"backcare {' '.join(args)} {name}")
    return done.returncode, done.stdout.decode() + done.stderr.decode()


def test_list(folder: Path) -> None:
    code, out = backcare("list", "--routines", str(folder))
    assert code == 0
    assert "Evil ]52;c;ZXZpbA==[bold]B[/bold][2J[H" in out, "markup shown as written"
    assert "Plain name" in out
    assert "Broken routine files (1)" in out


def test_show(folder: Path) -> None:
    code, out = backcare("show", str(folder / "evil.toml"))
    assert code == 0
    assert "[bold]B[/bold]" in out and "[link=https://evil.example]L[/link]" in out
    code, out = backcare("show", str(folder / EVIL_FILE_NAME))
    assert code == 0 and "Plain name" in out


def test_check(folder: Path) -> None:
    code, out = backcare("check", str(folder))
    assert code == 1
    assert "1 of 3 files OK" not in out and "2 of 3 files OK" in out
    assert 'unknown key "k]52;c;ZXZpbA==[bold]"' in out
    code, out = backcare("check", str(folder / "evil.toml"))
    assert code == 0


def test_run_plain(folder: Path) -> None:
    code, out = backcare("run", "--plain", str(folder / "evil.toml"))
    assert code == 0
    assert "S1 [2J[H[link=https://evil.example]L[/link]" in out
    assert "Finished" in out


def test_run_plain_refuses_the_broken_file_cleanly(folder: Path) -> None:
    code, out = backcare("run", "--plain", str(folder / "broken.toml"))
    assert code == 1
    assert "name must be at most 100 characters" in out


# -- the app ----------------------------------------------------------------------------


def rendered(app: BackcareApp) -> str:
    """What the terminal would be sent for this screen: every segment checked, text joined."""
    strips = rows(app.screen)
    for number, strip in enumerate(strips):
        for segment in strip:
            assert_clean(segment.text, f"{type(app.screen).__name__} row {number}")
    svg = app.export_screenshot()
    assert "\x1b" not in svg and "\x9b" not in svg
    return "\n".join(strip.text for strip in strips)


async def highlight(app: BackcareApp, pilot: Pilot[Any], wanted: str) -> None:
    home = app.screen
    assert isinstance(home, HomeScreen)
    [index] = [i for i, e in enumerate(home.entries) if e.path.name == wanted]
    options = home.query_one("#home-routines", OptionList)
    options.highlighted = options.get_option_index(f"row-{index}")
    await pilot.pause()


async def test_home_list_and_previews_show_markup_literally_and_no_escapes(
    folder: Path, app_with: AppFactory
) -> None:
    app = app_with(routine_folders=(str(folder),))
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        text = rendered(app)
        assert "Evil ]52;c;ZXZpbA==[bold]B[/bold][2J[H" in text
        await highlight(app, pilot, "evil.toml")
        text = rendered(app)
        assert "[bold]B[/bold]" in text
        assert "[link=https://evil.example]L[/link]" in text
        await highlight(app, pilot, "broken.toml")
        text = rendered(app)
        assert "name must be at most 100 characters" in text
        await highlight(app, pilot, EVIL_FILE_NAME)
        text = rendered(app)
        assert "Plain name" in text


async def test_the_player_and_summary_show_markup_literally_and_no_escapes(
    folder: Path, app_with: AppFactory
) -> None:
    app = app_with(routine_folders=(str(folder),))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await highlight(app, pilot, "evil.toml")
        await pilot.press("enter")
        await pilot.pause()
        player = app.screen
        assert isinstance(player, PlayerScreen)
        clock = app.clock
        assert isinstance(clock, FakeClock)
        seen: list[str] = []
        # Each phase in turn: S1 work, rest, S2 hold left, switch, hold right, rest, S3 breaths.
        for moment in (0.0, 0.15, 0.25, 0.35, 0.45, 0.55, 0.7, 0.9):
            clock.set(moment)
            player.sync()
            await pilot.pause()
            seen.append(rendered(app))
        everything = "\n".join(seen)
        assert "S1 [2J[H[link=https://evil.example]L[/link]" in everything
        assert "S2 P+q544e\\31m0;title[red]R" in everything
        assert "[@click=app.quit]Q[/]" in everything
        clock.set(10)
        player.sync()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "[bold]B[/bold]" in rendered(app)
        assert app.is_running, "no markup action ran"


async def test_the_editor_shows_untrusted_files_without_escapes(
    folder: Path, monkeypatch: pytest.MonkeyPatch, app_with: AppFactory
) -> None:
    monkeypatch.setenv("EDITOR", "true")
    app = app_with(routine_folders=(str(folder),))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        # The oddly named file holds the same payloads as evil.toml, in the form's fields.
        for wanted in (EVIL_FILE_NAME,):
            await highlight(app, pilot, wanted)
            await pilot.press("e")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert type(app.screen).__name__ == "EditorScreen", (wanted, app.screen)
            rendered(app)
            app.go_home()
            await pilot.pause()
