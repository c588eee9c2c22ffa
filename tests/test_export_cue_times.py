"""The printable sheet (`backcare export --format markdown`) says when a timed cue appears,
the way a person reads it: `Reverse direction (at 50%)`, `Hips up (at 15s into each hold)`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from backcare_tui.core.breathing import BreathPattern
from backcare_tui.core.exporting import routine_markdown
from backcare_tui.core.model import Breathing, CueAt, Held, Routine, Step, Timed

BACKCARE = Path(sys.executable).parent / "backcare"


def kept_in_mind(sheet: str) -> list[str]:
    return [line.strip()[2:] for line in sheet.splitlines() if line.startswith("  - ")]


def test_timed_cues_carry_their_point_and_plain_ones_stay_bare() -> None:
    circles = Step(
        "Hip circles",
        Timed(120),
        cues=("Start small", "Reverse direction", "Slow down"),
        cue_at=(None, CueAt(50, percent=True), CueAt(90)),
    )
    plank = Step(
        "Side plank",
        Held(hold=20, reps=2),
        cues=("Hips up", "Breathe", "Long line"),
        cue_at=(CueAt(5), CueAt(75, percent=True), None),
    )
    breathe = Step(
        "Breathe",
        Breathing(BreathPattern(4, 0, 6, 0), cycles=6, inhale_cue="Belly out"),
        cues=("Soft belly", "Let go"),
        cue_at=(None, CueAt(20)),
    )
    sheet = routine_markdown(Routine("R", (circles, plank, breathe)))
    assert kept_in_mind(sheet) == [
        "Start small",
        "Reverse direction (at 50%)",
        "Slow down (at 1m 30s)",
        "Hips up (at 5s into each hold)",
        "Breathe (at 75% of each hold)",
        "Long line",
        "Soft belly",
        "Let go (at 20s)",
        "Belly out",
    ]


ROUTINE = """format = 1
name = "Circles"

[[steps]]
name = "Hip circles"
duration = 60
cues = ["Start small", { at = "50%", text = "Reverse direction" }, { at = 20, text = "Breathe" }]
"""


@pytest.mark.script
def test_export_markdown_through_the_console_script_shows_the_points(tmp_path: Path) -> None:
    path = tmp_path / "circles.toml"
    path.write_text(ROUTINE)
    done = subprocess.run(
        [str(BACKCARE), "export", str(path), "--format", "markdown"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert kept_in_mind(done.stdout) == [
        "Start small",
        "Reverse direction (at 50%)",
        "Breathe (at 20s)",
    ]
