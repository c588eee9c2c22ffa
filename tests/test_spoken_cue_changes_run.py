"""`backcare run --plain` with voice and `speak_cues` in a real terminal, a fake speech program
on PATH: a breathing step's cue is said once a breath, not on the in- and the out-breath."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fakes import fake_program, only_on_path, read_log
from terminal import terminal

pytestmark = pytest.mark.script

ROUTINE = """format = 1
name = "Spoken breaths"
prepare = 0

[[steps]]
name = "Breathe"
breathing = { inhale = 0.5, exhale = 0.5 }
cycles = 2
cues = ["Soft belly", "Long neck"]
"""


def test_run_plain_says_a_breathing_cue_once_a_breath(tmp_path: Path) -> None:
    log = tmp_path / "asked.log"
    fake_program(tmp_path / "bin", "espeak-ng", log)
    env = {**os.environ, "PATH": only_on_path(tmp_path / "bin")}
    routine = tmp_path / "breaths.toml"
    routine.write_text(ROUTINE)
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "backcare" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("notice_seen = true\nvoice = true\nspeak_cues = true\n")
    with terminal("run", "--plain", str(routine), env=env, columns=120) as term:
        assert term.wait_exit() == 0
        assert "Finished in 2s" in term.text()
    spoken = [args[0] for _, name, args in read_log(log, 3) if name == "espeak-ng"]
    assert spoken == ["Breathe. Soft belly", "Long neck", "Well done. Session complete."]
