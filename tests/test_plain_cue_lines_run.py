"""`backcare run --plain` in a real terminal: a held step's cues one per hold, in turn, and a
timed step's `at` cue on a line of its own at its point, printed by the installed script."""

from __future__ import annotations

from pathlib import Path

import pytest
from terminal import terminal

pytestmark = pytest.mark.script

ROUTINE = """format = 1
name = "Plain cues"
prepare = 0

[[steps]]
name = "Twist"
hold = 0.5
reps = 2
cues = ["Sit tall", "Breathe out"]

[[steps]]
name = "Circles"
duration = 1
cues = ["Start small", { at = "50%", text = "Reverse direction" }]
"""


def played(folder: Path, routine: str) -> list[str]:
    """`backcare run --plain` on `routine` in a terminal: the lines it printed, once it exits."""
    path = folder / "routine.toml"
    path.write_text(routine)
    with terminal("run", "--plain", str(path), columns=120) as term:
        assert term.wait_exit() == 0
        return [line.strip() for line in term.text().split("\n") if line.strip()]


def test_run_plain_prints_each_holds_cue_and_a_timed_cue_at_its_point(tmp_path: Path) -> None:
    lines = played(tmp_path, ROUTINE)
    assert [line.split("] ", 1)[1] for line in lines if line.startswith("[")] == [
        "Twist - hold 0.5s - rep 1 of 2 - Sit tall",
        "Twist - hold 0.5s - rep 2 of 2 - Breathe out",
        "Circles - work 1s - Start small",
        "Circles - Reverse direction",
    ]
    assert lines[-1] == "Finished in 2s: 2 of 2 steps done."


LEAD_IN = """format = 1
name = "Lead-in cue"
prepare = 0.5

[[steps]]
name = "Circles"
duration = 1
cues = [{ at = "50%", text = "Reverse direction" }, "Start small"]
"""


def test_run_plain_gets_ready_with_the_first_plain_cue_not_a_timed_one(tmp_path: Path) -> None:
    lines = played(tmp_path, LEAD_IN)
    assert [line.split("] ", 1)[1] for line in lines if line.startswith("[")] == [
        "Circles - get ready 0.5s - Start small",
        "Circles - work 1s - Start small",
        "Circles - Reverse direction",
    ]
