"""What `backcare export` and `backcare show --json` print, character for character.

The routines are in tests/data/export/*.toml and what each gives in the `.md` and `.json`
files next to them: a sheet a person prints, JSON another tool reads. After a deliberate
change, rewrite them with
`BACKCARE_REWRITE_EXPORT_TEXTS=1 .venv/bin/python -m pytest tests/test_exporting_texts.py`
and read the diff before committing it.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from backcare_tui.cli.exporting import write_json
from backcare_tui.cli.main import main
from backcare_tui.core.exporting import plan_json
from backcare_tui.core.loader import load_routine
from backcare_tui.core.timeline import compile_routine

DATA = Path(__file__).parent / "data" / "export"
REWRITE = os.environ.get("BACKCARE_REWRITE_EXPORT_TEXTS") == "1"


def check(text: str, expected: Path) -> None:
    if REWRITE:
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("routine", "shape", "expected"),
    [
        # Every shape of step, every fact line, untrusted text, progress of each unit.
        ("everything.toml", "markdown", "everything.md"),
        # No description, one round, no equipment, no rest between: only time and steps;
        # a single rep, reps with no rest, sets with no rest.
        ("plain.toml", "markdown", "plain.md"),
        ("everything.toml", "json", "everything.json"),
        ("plain.toml", "json", "plain.json"),
    ],
)
def test_export_prints_the_routine_word_for_word(
    routine: str, shape: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(DATA / routine), "--format", shape]) == 0
    check(capsys.readouterr().out, DATA / expected)


@pytest.mark.parametrize(
    ("routine", "path", "expected"),
    [
        # Sides, sets and reps; the lead-in of the default setting (5 s).
        ("plain.toml", Path("~/routines/plain.toml"), "plain.plan.json"),
        # Breaths counted in cycles, a rest between steps, no lead-in; no file.
        ("breaths.toml", None, "breaths.plan.json"),
    ],
)
def test_the_plan_lists_every_phase_with_its_counts(
    routine: str, path: Path | None, expected: str
) -> None:
    out = io.StringIO()
    write_json(plan_json(compile_routine(load_routine(DATA / routine)), path), out)
    check(out.getvalue(), DATA / expected)
