"""`backcare edit` on a file with an unknown key and a number for a name, through the
real console script: it opens on the form (not the page for files that do not load),
says before saving what the save drops, and the saved file passes `backcare check`."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from practice_files import UNKNOWN_KEY_AND_NUMBER_NAME
from terminal import ENTER, ESCAPE, SCRIPT, terminal


def test_edit_opens_the_form_warns_before_saving_and_writes_a_file_that_checks(
    user_routines: Path,
) -> None:
    path = user_routines / "cat.toml"
    path.write_text(UNKNOWN_KEY_AND_NUMBER_NAME, encoding="utf-8")
    before = subprocess.run([SCRIPT, "check", str(path)], capture_output=True, text=True)
    assert before.returncode == 1 and 'unknown key "rset"' in before.stdout + before.stderr
    with terminal("edit", str(path)) as term:
        term.wait_for("Routine details", "Cat cow", "Saving from the form changes 2 keys")
        assert "does not load" not in term.text()
        term.send("\x13")  # Ctrl+S
        screen = term.wait_for("in the backups", "Save (Enter)")
        said = " ".join(screen.replace("█", " ").split())  # the question, unwrapped
        assert 'drops rset = 3 (step 2 "Cat cow")' in said, screen
        assert 'writes name = "5" for name = 5' in said, screen
        term.send(ENTER)
        deadline = time.monotonic() + 15
        while "rset" in path.read_text(encoding="utf-8"):
            assert term.pump(wait=0.05) and time.monotonic() < deadline, term.text()
        term.wait_for("No problems")
        term.send(ESCAPE)
        assert term.wait_exit() == 0
    after = subprocess.run([SCRIPT, "check", str(path)], capture_output=True, text=True)
    assert after.returncode == 0, after.stdout + after.stderr
    text = path.read_text(encoding="utf-8")
    assert 'name = "5"' in text and 'name = "Cat cow"' in text
