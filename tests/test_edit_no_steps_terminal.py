"""`backcare edit` on a routine file with no steps, through the real console script:
it opens in the form with the problem shown, and saving after a step is added keeps
every field the file had."""

from __future__ import annotations

import time
from pathlib import Path

from terminal import ENTER, ESCAPE, terminal

from backcare_tui.core.loader import load_routine

BARE = 'name = "Bare"\ndescription = "Kept as it is"\ntags = ["neck"]\n'


def test_a_file_without_steps_opens_in_the_form_and_saves_once_a_step_is_added(
    user_routines: Path,
) -> None:
    path = user_routines / "bare.toml"
    path.write_text(BARE, encoding="utf-8")
    with terminal("edit", str(path)) as term:
        term.wait_for("Routine details", "no steps")
        assert "does not load" not in term.text()
        term.send("a")  # add a step from the step list
        term.wait_for("New step", "No problems")
        term.send("\x13")  # Ctrl+S
        term.wait_for("The layout", "Save (Enter)")
        term.send(ENTER)
        deadline = time.monotonic() + 15
        while "New step" not in path.read_text(encoding="utf-8"):
            assert term.pump(wait=0.05) and time.monotonic() < deadline, term.text()
        term.send(ESCAPE)
        assert term.wait_exit() == 0
    routine = load_routine(path)
    assert (routine.name, routine.description, routine.tags) == ("Bare", "Kept as it is", ("neck",))
    assert [step.name for step in routine.steps] == ["New step"]
