"""`backcare` with nothing after it opens the app without building the argument parser."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.script
@pytest.mark.parametrize("entry", ["backcare_tui.cli.entry", "backcare_tui.__main__"])
def test_no_arguments_start_the_app_without_argparse(entry: str) -> None:
    """A fresh interpreter, the app's run() stood in for: what was imported by then."""
    code = (
        "import sys\n"
        "import backcare_tui.app as app\n"
        "def run(self, **options):\n"
        "    print('argparse' in sys.modules, self.start is None, self.overrides)\n"
        "app.BackcareApp.run = run\n"
        "sys.argv = ['backcare']\n"
        f"import {entry} as module\n"
        "if hasattr(module, 'main'):\n"
        "    sys.exit(module.main())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False True {}", out.stderr
    assert out.returncode == 0
