"""A click on a footer key in a real terminal presses the key: the console script in a
pty, the mouse as the terminal reports it (SGR), what the session left on disk checked."""

from __future__ import annotations

import time
from pathlib import Path

from terminal import ENTER, Terminal, config_file, history_file, terminal

ROUTINE = """\
format = 1
name = "Pty click"
prepare = 0

[[steps]]
name = "Stand tall"
duration = 60
"""


def footer_row(term: Terminal) -> int:
    """The app's bottom row: the last one drawn on (a loaded machine can start the
    app before the pty has its size, so it may not be the terminal's last)."""
    drawn = [y for y, line in enumerate(term.screen.display) if line.strip()]
    return drawn[-1] if drawn else 0


def click_footer_key(term: Terminal, label: str) -> None:
    """Press and release the left button on `label` in the footer, as xterm reports it."""
    deadline = time.monotonic() + 15
    while label not in term.screen.display[footer_row(term)]:
        assert term.pump(wait=0.05) and time.monotonic() < deadline, term.text()
    row = footer_row(term)
    column = term.screen.display[row].index(label)
    term.send(f"\x1b[<0;{column + 1};{row + 1}M\x1b[<0;{column + 1};{row + 1}m")  # 1-based


def test_clicks_on_footer_keys_pause_resume_and_stop_a_session(tmp_path: Path) -> None:
    config = config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("notice_seen = true\nprepare_seconds = 0\nsound = false\n", encoding="utf-8")
    routine = tmp_path / "click.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    with terminal("run", str(routine)) as term:
        term.wait_for("Stand tall", "space Pause")
        click_footer_key(term, "space Pause")
        term.wait_for("PAUSED", "space Resume")
        click_footer_key(term, "space Resume")
        term.wait_for("space Pause")
        click_footer_key(term, "q Stop")
        term.wait_for("Stop this session?")
        term.send(ENTER)
        assert term.wait_exit() == 1
        assert "Pty click: stopped after" in term.text()
    assert not history_file().exists(), "a few seconds played: nothing kept"
