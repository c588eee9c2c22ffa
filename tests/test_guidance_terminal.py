"""End to end in a pty: `backcare doctor` and `backcare run --plain` with a fake audio player
and a fake speech program on PATH, checked by what they logged and what is on disk."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

from fakes import fake_program, only_on_path, read_log
from sessions import a_session
from terminal import CTRL_Q, ENTER, history_file, terminal

from backcare_tui.core.history import record_session

ROUTINE = """format = 1
name = "Two quick ones"
prepare = 0
rest_between = 1

[[steps]]
name = "Neck roll"
say = "neck roll"
duration = 1

[[steps]]
name = "Shrug"
duration = 1
"""


def env_with(folder: Path) -> dict[str, str]:
    return {**os.environ, "PATH": only_on_path(folder)}


def fakes(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    log = tmp_path / "asked.log"
    fake_program(tmp_path / "bin", "pw-play", log)
    fake_program(tmp_path / "bin", "espeak-ng", log)
    return log, env_with(tmp_path / "bin")


def test_doctor_finds_the_programs_plays_and_speaks(tmp_path: Path) -> None:
    log, env = fakes(tmp_path)
    record_session(a_session(datetime(2026, 11, 1, 9, tzinfo=UTC), name="Desk break"))
    with terminal("doctor", "--play", "--say", env=env, columns=120) as term:
        assert term.wait_exit() == 0
        screen = term.text()
    assert "Audio player  pw-play" in screen
    assert "Test chime    played with pw-play" in screen
    assert "Program      espeak-ng" in screen
    assert "Test phrase  spoke with espeak-ng" in screen
    assert "(1 session, schema 3, current)" in screen
    entries = read_log(log, 2)
    asked = sorted((name, Path(args[0]).name.split("-")[0]) for _, name, args in entries)
    assert asked == [
        ("espeak-ng", "backcare voice test. Left side. Switch sides."),
        ("pw-play", "finished"),
    ]
    chime = Path(next(args[0] for _, name, args in entries if name == "pw-play"))
    assert chime.is_file() and chime.read_bytes()[:4] == b"RIFF"
    assert history_file().exists()


def test_doctor_without_programs_says_so(tmp_path: Path) -> None:
    with terminal("doctor", env=env_with(tmp_path / "empty"), columns=120) as term:
        assert term.wait_exit() == 0
        screen = term.text()
    assert "none found (pw-play, paplay, aplay, afplay): cues ring the terminal bell" in screen
    assert "none found (espeak-ng, espeak, spd-say, say)" in screen
    assert "no sessions yet" in screen
    assert not history_file().exists(), "doctor creates nothing"


def test_run_plain_plays_the_same_cues(tmp_path: Path) -> None:
    log, env = fakes(tmp_path)
    routine = tmp_path / "quick.toml"
    routine.write_text(ROUTINE)
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "backcare" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("notice_seen = true\nvoice = true\nvolume = 60\n")
    with terminal("run", "--plain", str(routine), env=env, columns=120) as term:
        assert term.wait_exit() == 0
        assert "Finished in 3s" in term.text()
    entries = read_log(log, 8)
    played = [Path(args[0]).name.split("-")[0] for _, name, args in entries if name == "pw-play"]
    spoken = [args[0] for _, name, args in entries if name == "espeak-ng"]
    assert played == ["work", "rest", "work", "finished"]
    assert spoken == ["neck roll", "Rest, next: Shrug", "Shrug", "Well done. Session complete."]
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "backcare" / "cues"
    assert sorted(p.name.split("-")[0] for p in cache.glob("*-v60-*.wav")) == sorted(
        ["exhale", "finished", "halfway", "inhale", "rest", "switch", "tick", "work"]
    )


SIDED = """format = 1
name = "Mat"
prepare = 0

[[steps]]
name = "Bird-dog"
hold = 30
sides = "both"
"""


def test_the_app_shows_the_side_titles_the_terminal_and_plays_the_cue(tmp_path: Path) -> None:
    log, env = fakes(tmp_path)
    routine = tmp_path / "mat.toml"
    routine.write_text(SIDED)
    with terminal("run", str(routine), env=env, columns=100, rows=30) as term:
        screen = term.wait_for("LEFT SIDE")
        assert "HOLD" in screen
        term.pump(0.3)
        # Read the titles from the output: pyte takes Textual's pointer-shape sequence
        # (OSC 22) for a title too.
        titles = re.findall(rb"\x1b\]2;([^\x07]*)\x07", bytes(term.output))
        assert titles, "the terminal title was set"
        title = titles[-1].decode()
        assert title.startswith("backcare · HOLD 0:") and title.endswith(" · Bird-dog"), title
        assert b"\x1b[22;2t" in term.output, "the shell's title was saved first"
        ((_, name, args),) = read_log(log, 1)
        term.send(CTRL_Q)
        term.wait_for("Stop this session and quit?")
        term.send(ENTER)
        assert term.wait_exit() == 1
        assert b"\x1b[23;2t" in term.output, "the shell's title was given back"
    assert (name, Path(args[0]).name.split("-")[0]) == ("pw-play", "work")
