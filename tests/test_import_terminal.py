"""Import and export in a real terminal: what a person sees, and what lands on disk."""

from __future__ import annotations

import tomllib
from pathlib import Path

from import_samples import write_samples
from terminal import terminal


def test_import_in_a_terminal_writes_checked_files(tmp_path: Path, user_routines: Path) -> None:
    samples = write_samples(tmp_path / "samples")
    with terminal("import", str(samples["workrave"]), str(samples["nafas"]), columns=160) as term:
        screen = term.wait_for("Made 2 routines from 2 files.")
        assert term.wait_exit() == 0
    assert "Workrave gives no rest between exercises: used 5 s." in screen
    assert sorted(p.name for p in user_routines.iterdir()) == [
        "evening-calm.toml",
        "workrave-exercises.toml",
    ]
    nafas = tomllib.loads((user_routines / "evening-calm.toml").read_text())
    assert nafas["steps"][0]["breathing"] == "4-2-8" and nafas["prepare"] == 6
    with terminal("check", str(user_routines)) as term:
        assert term.wait_exit() == 0
        assert "2 of 2 files OK" in term.text()


def test_export_markdown_in_a_terminal(tmp_path: Path) -> None:
    with terminal("export", "posture-reset", "--format", "markdown", columns=160, rows=60) as term:
        assert term.wait_exit() == 0
        written = bytes(term.output).decode()
        assert written.startswith("# Posture reset") and "\x1b" not in written
        assert "| # | Exercise | How long | Reps and sets | Sides |" in written
