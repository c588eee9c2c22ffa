"""What home's first frame needs, and no more: the modules `backcare` imports before home
is drawn leave out what only later screens, the preview or the stats use."""

from __future__ import annotations

import subprocess
import sys

import pytest

LATER = (
    "backcare_tui.core.timeline",  # the preview's total and the player: after the first frame
    "backcare_tui.core.stats",  # the history screen; Today needs only core/week_days.py
    "backcare_tui.core.level_words",  # the preview's level notes
    "backcare_tui.screens.player",
    "backcare_tui.screens.stats",
    "backcare_tui.screens.editor",
)


@pytest.mark.script
def test_home_and_the_app_import_nothing_a_later_screen_needs() -> None:
    code = (
        "import sys\n"
        "import backcare_tui.cli.main, backcare_tui.app, backcare_tui.screens.home\n"
        f"print(','.join(m for m in {LATER!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
