"""`run --plain` on a fake clock: the lines a screen reader hears, and the exit codes."""

from __future__ import annotations

import io
import subprocess
import sys
from unittest import mock

import pytest

from backcare_tui.cli.plain import run_plain
from backcare_tui.core.breathing import BreathPattern
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.model import Breathing, Held, Routine, Step, Timed
from backcare_tui.core.timeline import Timeline, compile_routine


class Flushes(io.StringIO):
    """Remembers what had been written each time it was flushed."""

    def __init__(self) -> None:
        super().__init__()
        self.flushed: list[str] = []

    def flush(self) -> None:
        self.flushed.append(self.getvalue())
        super().flush()


def session() -> Timeline:
    plank = Held(hold=30, sets=2, set_rest=10, sides="left", switch=0)
    return compile_routine(
        Routine(
            "Desk break",
            (
                Step("Plank", plank, cues=("Keep your hips level",)),
                Step(
                    "Breathe", Breathing(BreathPattern(4, 0, 6), cycles=2, inhale_cue="Belly out")
                ),
            ),
            prepare=5,
            rest_between=15,
        )
    )


EXPECTED = [
    "Desk break: 1m 50s, 2 steps. Press Ctrl+C to stop.",
    "[0:00] Plank - get ready 5s - Keep your hips level",
    "[0:05] Plank - hold 30s - set 1 of 2, left - Keep your hips level",
    "[0:35] Plank - rest 10s - set 1 of 2 - Keep your hips level",
    "[0:45] Plank - hold 30s - set 2 of 2, left - Keep your hips level",
    "[1:15] rest 15s - next: Breathe",
    "[1:30] Breathe - breathe in 4s - cycle 1 of 2 - Belly out",
    "[1:34] Breathe - breathe out 6s - cycle 1 of 2",
    "[1:40] Breathe - breathe in 4s - cycle 2 of 2 - Belly out",
    "[1:44] Breathe - breathe out 6s - cycle 2 of 2",
    "Finished in 1m 50s: 2 of 2 steps done.",
]


def test_a_finished_session_prints_one_line_per_phase_and_exits_0() -> None:
    clock = FakeClock(100.0)
    out = Flushes()
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        clock.advance(seconds)

    timeline = session()
    assert run_plain(timeline, "Desk break", out, clock=clock, sleep=sleep) == 0
    assert out.getvalue().splitlines() == EXPECTED
    assert len(out.flushed) == len(EXPECTED)
    assert [text.count("\n") for text in out.flushed] == list(range(1, len(EXPECTED) + 1))
    assert sleeps == [p.length for p in timeline.phases]
    assert clock.now() == 100.0 + timeline.total


def test_late_wake_ups_do_not_add_up() -> None:
    clock = FakeClock(0.0)
    out = io.StringIO()

    def sleep(seconds: float) -> None:
        clock.advance(seconds + 0.003)

    timeline = session()
    assert run_plain(timeline, "Desk break", out, clock=clock, sleep=sleep) == 0
    assert clock.now() - timeline.total < 0.0031


def test_ctrl_c_stops_cleanly_with_a_summary_and_exits_1() -> None:
    clock = FakeClock(0.0)
    out = io.StringIO()

    def sleep(seconds: float) -> None:
        if clock.now() + seconds > 80:
            clock.set(80.0)
            raise KeyboardInterrupt
        clock.advance(seconds)

    assert run_plain(session(), "Desk break", out, clock=clock, sleep=sleep) == 1
    lines = out.getvalue().splitlines()
    assert lines[-2].startswith("[1:15] rest 15s")
    assert lines[-1] == "Stopped after 1m 20s: 1 of 2 steps done."


def test_ctrl_c_before_the_first_phase_ends() -> None:
    def sleep(seconds: float) -> None:
        raise KeyboardInterrupt

    out = io.StringIO()
    assert run_plain(session(), "Desk break", out, clock=FakeClock(), sleep=sleep) == 1
    assert out.getvalue().splitlines()[-1] == "Stopped after 0s: 0 of 2 steps done."


def test_a_closed_pipe_ends_quietly() -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError

    assert (
        run_plain(session(), "Desk break", Closed(), clock=FakeClock(), sleep=lambda s: None) == 1
    )


def test_text_from_the_file_cannot_reach_the_terminal_as_escapes() -> None:
    timeline = compile_routine(
        Routine(
            "Evil\x1b[2J",
            (Step("Red\x1b[31m\nline", Timed(1), cues=("\x07bell\x9b",)),),
            prepare=0,
        )
    )
    clock = FakeClock()
    out = io.StringIO()
    assert run_plain(timeline, "Evil\x1b[2J", out, clock=clock, sleep=clock.advance) == 0
    text = out.getvalue()
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert text.splitlines()[1] == "[0:00] Red[31m line - work 1s - bell"


def test_one_step_is_one_step() -> None:
    timeline = compile_routine(Routine("Short", (Step("March", Timed(2)),), prepare=0))
    clock = FakeClock()
    out = io.StringIO()
    assert run_plain(timeline, "Short", out, clock=clock, sleep=clock.advance) == 0
    assert out.getvalue().splitlines() == [
        "Short: 2s, 1 step. Press Ctrl+C to stop.",
        "[0:00] March - work 2s",
        "Finished in 2s: 1 of 1 step done.",
    ]


def test_plain_mode_never_imports_textual_or_rich() -> None:
    code = (
        "import sys, backcare_tui.cli.plain, backcare_tui.core.player;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_plain_run_records_the_session_in_history(capsys: pytest.CaptureFixture[str]) -> None:
    from backcare_tui.cli.main import main
    from backcare_tui.core.history import load_history

    now = [1000.0]

    def sleep(seconds: float) -> None:
        now[0] += 30.0  # half a minute in, over the 10 s a session needs to be kept
        raise KeyboardInterrupt

    with (
        mock.patch("backcare_tui.cli.plain.time.sleep", side_effect=sleep),
        mock.patch("backcare_tui.core.clock.time.monotonic", lambda: now[0]),
    ):
        assert main(["run", "desk-break", "--plain"]) == 1
    sessions = load_history().sessions
    assert len(sessions) == 1
    assert sessions[0].summary.routine_name == "Desk break"
    assert not sessions[0].summary.finished
    assert "Stopped after" in capsys.readouterr().out
