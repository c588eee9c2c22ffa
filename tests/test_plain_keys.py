"""`run --plain` with a keyboard: keys on a fake clock, then the real script in a pty."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import termios
from collections.abc import Sequence

import pytest
from terminal import SCRIPT, config_file, history_file, terminal

from backcare_tui.cli.plain import run_plain
from backcare_tui.cli.plain_keys import KeySource, keys_of
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.model import Routine, Step, Timed
from backcare_tui.core.timeline import Timeline, compile_routine


def routine() -> Timeline:
    return compile_routine(
        Routine(
            "Keys",
            (
                Step("March", Timed(20), instructions="Lift your knees\n  in turn."),
                Step("Reach", Timed(20), instructions="Arms up."),
                Step("Roll", Timed(20)),
            ),
            prepare=0,
        )
    )


def scripted(clock: FakeClock, presses: Sequence[tuple[float, str]]) -> KeySource:
    """Keys typed at given clock times; waiting moves the fake clock, nothing sleeps."""
    queue = list(presses)
    waits: list[float | None] = []

    def wait(timeout: float | None) -> str | None:
        waits.append(timeout)
        if queue and (timeout is None or queue[0][0] <= clock.now() + timeout):
            at, key = queue.pop(0)
            clock.set(max(at, clock.now()))
            return key
        assert timeout is not None, "waited for ever with no key to come"
        clock.advance(timeout)
        return None

    wait.waits = waits  # type: ignore[attr-defined]
    return wait


def play(presses: Sequence[tuple[float, str]]) -> tuple[int, list[str], FakeClock]:
    clock = FakeClock(0.0)
    out = io.StringIO()
    code = run_plain(routine(), "Keys", out, clock=clock, keys=scripted(clock, presses))
    return code, out.getvalue().splitlines(), clock


def test_instructions_are_said_once_as_each_step_starts() -> None:
    code, lines, clock = play([])
    assert code == 0
    assert lines == [
        "Keys: 1m, 3 steps. Keys: space pause or resume, n next, N skip step, p back, q stop.",
        "[0:00] March - work 20s",
        "  How: Lift your knees in turn.",
        "[0:20] Reach - work 20s",
        "  How: Arms up.",
        "[0:40] Roll - work 20s",
        "Finished in 1m: 3 of 3 steps done.",
    ]
    assert clock.now() == 60.0


def test_n_skips_to_the_next_step_and_q_stops_with_exit_1() -> None:
    code, lines, clock = play([(5.0, "n"), (12.0, "q")])
    assert code == 1
    assert lines[1:] == [
        "[0:00] March - work 20s",
        "  How: Lift your knees in turn.",
        "[0:20] Reach - work 20s",
        "  How: Arms up.",
        "Stopped after 12s: 0 of 3 steps done.",
    ]
    assert clock.now() == 12.0


def test_space_pauses_and_waits_for_a_key_then_resumes() -> None:
    clock = FakeClock(0.0)
    out = io.StringIO()
    keys = scripted(clock, [(5.0, " "), (300.0, " ")])
    assert run_plain(routine(), "Keys", out, clock=clock, keys=keys) == 0
    lines = out.getvalue().splitlines()
    assert lines[3:5] == ["Paused at 0:05. Press space to resume.", "Resumed."]
    assert lines[-1] == "Finished in 1m: 3 of 3 steps done."
    assert clock.now() == 355.0, "the paused time is added, not played"
    assert None in keys.waits  # type: ignore[attr-defined]


def test_shift_n_skips_the_step_and_p_goes_back_to_it() -> None:
    code, lines, _ = play([(1.0, "N"), (2.0, "p"), (3.0, "q")])
    assert code == 1
    assert [line for line in lines if line.startswith("[")] == [
        "[0:00] March - work 20s",
        "[0:20] Reach - work 20s",
        "[0:00] March - work 20s",
    ]
    assert lines.count("  How: Lift your knees in turn.") == 2


def test_arrow_keys_are_one_key_and_other_typing_is_ignored() -> None:
    assert keys_of("\x1b[C") == ["n"]
    assert keys_of("\x1b[1;2C") == ["N"]
    assert keys_of("\x1b[D") == ["p"]
    assert keys_of("xn") == ["x", "n"]
    code, lines, _ = play([(2.0, "hello"), (3.0, "\x1b[C"), (10.0, "q")])
    assert code == 1
    assert [line for line in lines if line.startswith("[")][-1] == "[0:20] Reach - work 20s"


# --- the real console script ---

SHORT = """format = 1
name = "Plain keys"
prepare = 0

[[steps]]
name = "March"
duration = 30
instructions = "Lift your knees in turn."

[[steps]]
name = "Reach"
duration = 30
instructions = "Arms up."
"""


def rows() -> list[tuple[str, str, int, int]]:
    with sqlite3.connect(history_file()) as db:
        return list(
            db.execute("SELECT routine_name, completion, steps_done, steps_total FROM sessions")
        )


@pytest.mark.slow
@pytest.mark.script
def test_keys_in_a_pty_skip_and_stop_without_echo_and_keep_the_session(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "keys.toml"
    path.write_text(SHORT)
    with terminal("run", "--plain", str(path), columns=120) as term:
        term.wait_for("How: Lift your knees in turn.")
        term.send("n")
        term.wait_for("[0:30] Reach - work 30s", "How: Arms up.")
        # The skip jumped 30 s of plan; the session needs 10 s played to be kept.
        term.wait_for("Reach", timeout=5)
        term.pump(wait=10.5)
        term.send("q")
        assert term.wait_exit() == 1
        screen = term.text()
    assert "Stopped after" in screen
    assert screen.count("How: Lift your knees") == 1
    typed_into_log = [line for line in screen.splitlines() if line.strip() in {"n", "q"}]
    assert typed_into_log == [] and "nq" not in screen
    assert rows() == [("Plain keys", "stopped", 0, 2)]  # a skipped step is not done


@pytest.mark.slow
@pytest.mark.script
def test_the_notice_shows_once_and_the_pain_scores_are_kept(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "keys.toml"
    path.write_text(SHORT.replace("duration = 30", "duration = 6"))
    config = config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("pain_checkin = true\n")
    with terminal("run", "--plain", str(path), columns=120, notice_seen=False) as term:
        term.wait_for("Before you start", "Press Enter to continue.")
        term.send("\r")
        term.wait_for("How is your back right now?")
        term.send("3\r")
        term.wait_for("How is your back now, after the session?", timeout=30)
        term.send("4\r")
        assert term.wait_exit() == 0
        screen = term.text()
    assert "Your back (0-10): 3 before, 4 after" in screen
    assert "notice_seen = true" in config.read_text()
    with sqlite3.connect(history_file()) as db:
        assert list(db.execute("SELECT pain_before, pain_after, completion FROM sessions")) == [
            (3, 4, "completed")
        ]
    with terminal("run", "--plain", str(path), columns=120, notice_seen=False) as term:
        term.wait_for("How is your back right now?")
        assert "Before you start" not in term.text()
        term.send("d\r")
        assert term.wait_exit() == 1
        assert "Plain keys: not started." in term.text()


@pytest.mark.script
def test_with_stdin_not_a_terminal_it_reads_no_keys_and_asks_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "quick.toml"
    path.write_text(SHORT.replace("duration = 30", "duration = 1"))
    config = config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("pain_checkin = true\n")
    result = subprocess.run(
        [str(SCRIPT), "run", "--plain", str(path)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Before you start"
    assert "Press Enter" not in result.stdout and "How is your back" not in result.stdout
    assert "Plain keys: 2s, 2 steps. Press Ctrl+C to stop." in lines
    assert lines[-3:] == [
        "[0:01] Reach - work 1s",
        "  How: Arms up.",
        "Finished in 2s: 2 of 2 steps done.",
    ]
    assert "notice_seen = true" in config.read_text()


def test_the_terminal_is_put_back_after_a_key_session() -> None:
    """cbreak on a pty is undone on the way out, also when the session raised."""
    from backcare_tui.cli.plain_keys import terminal_keys

    leader, follower = os.openpty()
    try:
        before = termios.tcgetattr(follower)
        with pytest.raises(RuntimeError), terminal_keys(follower):
            during = termios.tcgetattr(follower)
            assert not during[3] & termios.ECHO and not during[3] & termios.ICANON
            raise RuntimeError("boom")
        assert termios.tcgetattr(follower) == before
    finally:
        os.close(leader)
        os.close(follower)


@pytest.mark.script
def test_a_quick_stop_in_a_pty_echoes_nothing_and_keeps_no_session(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "keys.toml"
    path.write_text(SHORT)
    with terminal("run", "--plain", str(path), columns=120) as term:
        term.wait_for("How: Lift your knees in turn.")
        term.send("n")
        term.wait_for("How: Arms up.")
        term.send("q")
        assert term.wait_exit() == 1
        lines = term.text().split("\n")
    assert [line for line in lines if line.strip()][-1].startswith("Stopped after 0s: 0 of 2")
    assert all(line.strip() not in {"n", "q"} for line in lines)
    assert not history_file().exists() or rows() == [], "under 10 s is not kept"
