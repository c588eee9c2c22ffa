"""Sessions in a real terminal: the console script in a pty, and what the history holds after.

These are the paths Pilot cannot see: a full-screen `run` or `breathe` that
exits by itself, stops of the real process from the shell, a terminal that
closes while the app starts, and Ctrl+C reaching a real tty.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from terminal import CTRL_C, CTRL_Q, ENTER, ESCAPE, Terminal, config_file, history_file, terminal

ROUTINE = """\
format = 1
name = "Pty short"
prepare = 0

[[steps]]
name = "Stand tall"
duration = {seconds}
"""


@pytest.fixture(autouse=True)
def quiet_settings() -> None:
    """No lead-in and no sound, so a session lasts exactly what its steps say."""
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("notice_seen = true\nprepare_seconds = 0\nsound = false\n", encoding="utf-8")


def routine_file(tmp_path: Path, seconds: int) -> Path:
    path = tmp_path / "short.toml"
    path.write_text(ROUTINE.format(seconds=seconds), encoding="utf-8")
    return path


def rows() -> list[tuple[str, str, float]]:
    if not history_file().exists():
        return []
    with sqlite3.connect(history_file()) as connection:
        found = connection.execute(
            "SELECT routine_name, completion, actual_seconds FROM sessions"
        ).fetchall()
    connection.close()
    return [(str(name), str(completion), float(played)) for name, completion, played in found]


def hang_up(term: Terminal, within: float) -> int | None:
    """Close the terminal under the process; its exit status once it ended within `within` s.

    The process is reaped here, so pexpect is told not to close or wait for it again.
    """
    child, pid = term.child, term.pid
    child.ptyproc.fileobj.close()  # the window closes: the kernel hangs up the tty
    deadline = time.monotonic() + within
    status = None
    while status is None and time.monotonic() < deadline:
        done, raw = os.waitpid(pid, os.WNOHANG)
        status = raw if done == pid else None
        time.sleep(0.02)
    if status is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    child.ptyproc.closed = child.ptyproc.terminated = True
    child.closed = child.terminated = True
    return status


def time_left(term: Terminal) -> int:
    """Seconds left as the progress bar shows them ("0:57 left")."""
    match = re.search(r"(\d+):(\d\d) left", term.text())
    assert match, term.text()
    return int(match.group(1)) * 60 + int(match.group(2))


def test_run_played_to_the_end_is_in_the_history(tmp_path: Path) -> None:
    with terminal("run", str(routine_file(tmp_path, 11))) as term:
        term.wait_for("Stand tall")
        assert term.wait_exit(timeout=40) == 0
        assert "Pty short: finished in 11s." in term.text()
    [(name, completion, played)] = rows()
    assert (name, completion) == ("Pty short", "completed")
    assert played == pytest.approx(11, abs=0.5)


def test_breathe_played_to_the_end_is_in_the_history() -> None:
    with terminal("breathe", "--pattern", "3-3", "--cycles", "2") as term:
        assert term.wait_exit(timeout=40) == 0
    [(_, completion, played)] = rows()
    assert completion == "completed"
    assert played == pytest.approx(12, abs=0.5)


def test_ctrl_c_asks_to_stop_and_ctrl_q_asks_to_stop_and_quit(tmp_path: Path) -> None:
    with terminal("run", str(routine_file(tmp_path, 120))) as term:
        term.wait_for("Stand tall", "left")
        term.send(CTRL_C)
        term.wait_for("Stop this session?", "Keep going")
        term.send(ESCAPE)
        term.wait_for("Stand tall", "Pause")
        term.send(CTRL_Q)
        term.wait_for("Stop this session and quit?")
        term.send(ENTER)
        assert term.wait_exit() == 1
        assert "Pty short: stopped after" in term.text()


def test_sigtstp_then_sigcont_leaves_the_session_paused_where_it_was(tmp_path: Path) -> None:
    with terminal("run", str(routine_file(tmp_path, 120))) as term:
        term.wait_for("Stand tall", "1:5")  # a few seconds in
        before = time_left(term)
        term.kill(signal.SIGTSTP)  # the app leaves the screen to the shell and stops
        time.sleep(4.0)  # stopped for much longer than a frame
        term.kill(signal.SIGCONT)
        term.wait_for("PAUSED")
        # A frame or two may be drawn between reading the screen and the stop;
        # a clock that ran on while stopped would show 4 s less.
        assert before - 2 <= time_left(term) <= before
        term.send(" ")
        term.wait_for("WORK")
        assert term.is_alive()


@pytest.mark.slow
def test_sigstop_then_sigcont_is_seen_as_a_pause(tmp_path: Path) -> None:
    with terminal("run", str(routine_file(tmp_path, 120))) as term:
        term.wait_for("Stand tall", "1:5")
        before = time_left(term)
        term.kill(signal.SIGSTOP)
        time.sleep(4.5)  # longer than STALL_SECONDS: only the clock can tell
        term.kill(signal.SIGCONT)
        term.wait_for("PAUSED")
        assert before - 2 <= time_left(term) <= before


@pytest.mark.parametrize("delay", [0.0, 0.4, 1.2])
def test_closing_the_terminal_during_start_up_ends_the_process_within_2_s(
    tmp_path: Path, delay: float
) -> None:
    term = Terminal(["run", str(routine_file(tmp_path, 120))])
    time.sleep(delay)
    status = hang_up(term, within=2.0)
    assert status is not None, f"still running 2 s after the hang-up ({delay} s after start)"


@pytest.mark.slow
@pytest.mark.parametrize("how", ["SIGTERM", "hang-up"])
def test_a_session_ended_by_a_signal_is_in_the_history(tmp_path: Path, how: str) -> None:
    term = Terminal(["run", str(routine_file(tmp_path, 120))])
    try:
        term.wait_for("Stand tall", "1:48 left", timeout=30)  # 12 s in: long enough to keep
        if how == "SIGTERM":
            term.kill(signal.SIGTERM)
            assert term.wait_exit(timeout=3) == 128 + signal.SIGTERM
        else:
            status = hang_up(term, within=2.0)
            assert status is not None and os.waitstatus_to_exitcode(status) == 129
    finally:
        if not term.child.closed:
            term.close()
    [(name, completion, played)] = rows()
    assert (name, completion) == ("Pty short", "stopped")
    assert played == pytest.approx(12, abs=1.5)
