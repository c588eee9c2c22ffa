"""The ground floor never imports Textual or Rich, and plain commands never import Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import backcare_tui.core

CORE = sorted(
    f"backcare_tui.core.{p.stem}"
    for p in Path(backcare_tui.core.__file__).parent.glob("*.py")
    if p.stem != "__init__"
)


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_ui(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize(
    "argv", [["list"], ["check", "routines"], ["show", "desk-break"], ["remind", "status"]]
)
def test_plain_commands_never_import_textual(argv: list[str]) -> None:
    root = Path(__file__).parent.parent
    code = (
        "import sys, io, contextlib\n"
        "from backcare_tui.cli.main import main\n"
        "out, err = io.StringIO(), io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):\n"
        f"    main({argv!r})\n"
        "print(any(m.split('.')[0] == 'textual' for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert out.stdout.strip() == "False"
