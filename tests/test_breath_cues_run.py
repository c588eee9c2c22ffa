"""`backcare run --plain` in a real terminal: a breathing step's cues, one per breath, and a
timed one at its point of the step, printed by the installed console script."""

from __future__ import annotations

from pathlib import Path

import pytest
from terminal import history_file, terminal

pytestmark = pytest.mark.script

ROUTINE = """format = 1
name = "Breath cues"
prepare = 0

[[steps]]
name = "Breathe"
breathing = { inhale = 0.5, exhale = 0.5 }
cycles = 3
cues = [{ at = "60%", text = "Slow down" }, "Soft belly", "Long neck"]
"""


def test_run_plain_prints_a_cue_per_breath_and_the_timed_one_at_its_point(tmp_path: Path) -> None:
    path = tmp_path / "breath.toml"
    path.write_text(ROUTINE)
    with terminal("run", "--plain", str(path), columns=120) as term:
        assert term.wait_exit() == 0
        lines = [line.strip() for line in term.text().split("\n") if line.strip()]
    phases = [line for line in lines if line.startswith("[")]
    # 60% of the 3 s step is 1.8 s, inside the second out-breath (1.5-2 s): it shows there.
    assert [line.split(" - ", 1)[1] for line in phases] == [
        "breathe in 0.5s - cycle 1 of 3 - Soft belly",
        "breathe out 0.5s - cycle 1 of 3 - Soft belly",
        "breathe in 0.5s - cycle 2 of 3 - Long neck",
        "breathe out 0.5s - cycle 2 of 3 - Slow down",
        "breathe in 0.5s - cycle 3 of 3 - Soft belly",
        "breathe out 0.5s - cycle 3 of 3 - Soft belly",
    ]
    assert lines[-1] == "Finished in 3s: 1 of 1 step done."
    assert not history_file().exists(), "a session of 3 s is too short to keep"
