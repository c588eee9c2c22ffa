"""`run --plain` in a real terminal: a stop comes back paused, SIGTERM puts the terminal back."""

from __future__ import annotations

import re
import signal
import sqlite3
import termios
import time
from pathlib import Path

import pytest
from terminal import Terminal, history_file, terminal

pytestmark = pytest.mark.script

ROUTINE = """format = 1
name = "Plain stop"
prepare = 0

[[steps]]
name = "March"
duration = 60
"""


def recorded() -> list[tuple[str]]:
    if not history_file().exists():
        return []
    with sqlite3.connect(history_file()) as db:
        return list(db.execute("SELECT completion FROM sessions"))


def paused_at(term: Terminal) -> str:
    found = re.findall(r"Paused at (\d+:\d\d)", term.text())
    assert found, term.text()
    return str(found[-1])


def test_tstp_then_cont_comes_back_paused_where_it_was_and_space_resumes(tmp_path: Path) -> None:
    path = tmp_path / "stop.toml"
    path.write_text(ROUTINE)
    with terminal("run", "--plain", str(path), columns=120) as term:
        term.wait_for("[0:00] March - work 1m")
        term.pump(wait=1.5)  # let the session run a little
        term.kill(signal.SIGTSTP)
        time.sleep(3.0)  # stopped: the wall clock runs on, the session must not
        term.kill(signal.SIGCONT)
        term.wait_for("Paused at", "backcare was stopped. Press space to resume.")
        # Looked at every second: paused within a second of the stop (about 0:01);
        # a clock that ran on while stopped would say 0:04 or later.
        assert paused_at(term) in {"0:00", "0:01", "0:02"}
        assert term.is_alive()
        term.pump(wait=1.0)
        assert "Resumed." not in term.text(), "still paused with no key pressed"
        term.send(" ")
        term.wait_for("Resumed.")
        term.send("q")
        assert term.wait_exit() == 1
        lines = [line for line in term.text().split("\n") if line.strip()]
    played = re.fullmatch(r"Stopped after (\d)s: 0 of 1 step done\.", lines[-1])
    assert played is not None and int(played.group(1)) <= 3, lines  # the 3 s away not counted
    assert recorded() == [], "under 10 s of session is not kept"


def test_stop_then_cont_while_paused_stays_paused_once(tmp_path: Path) -> None:
    path = tmp_path / "stop.toml"
    path.write_text(ROUTINE)
    with terminal("run", "--plain", str(path), columns=120) as term:
        term.wait_for("[0:00] March - work 1m")
        term.send(" ")
        term.wait_for("Paused at 0:00. Press space to resume.")
        term.kill(signal.SIGSTOP)
        term.kill(signal.SIGCONT)
        term.send(" ")
        term.wait_for("Resumed.")
        term.pump(wait=0.5)
        assert term.text().count("Paused at") == 1, term.text()
        term.send("q")
        assert term.wait_exit() == 1


def test_sigterm_puts_the_terminal_back_and_keeps_a_short_session_out(tmp_path: Path) -> None:
    path = tmp_path / "stop.toml"
    path.write_text(ROUTINE)
    with terminal("run", "--plain", str(path), columns=120) as term:
        before = termios.tcgetattr(term.child.child_fd)
        term.wait_for("[0:00] March - work 1m")
        during = termios.tcgetattr(term.child.child_fd)
        assert not during[3] & termios.ECHO and not during[3] & termios.ICANON, "cbreak is on"
        term.kill(signal.SIGTERM)
        term.wait_for("Stopped after 0s: 0 of 1 step done.")
        deadline = time.monotonic() + 15
        while term.pump(wait=0.05) and time.monotonic() < deadline:
            pass  # until the process has closed its side
        after = termios.tcgetattr(term.child.child_fd)  # our side of the pty is still open
        assert term.wait_exit() == 1
    assert after == before
    assert recorded() == []
