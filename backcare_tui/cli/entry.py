"""The `backcare` console script: `status` goes straight to its own small module.

`backcare status` runs every few seconds in status bars; going through the
full argument parser would import the routine loader and the library first
(tens of milliseconds every time). Everything else goes to cli/main.py.
"""

from __future__ import annotations

import sys


def main() -> int:
    if not sys.argv[1:]:
        from .full_screen import open_app

        return open_app()
    if sys.argv[1:2] == ["status"]:
        from .status import main as status

        return status(sys.argv[2:])
    if sys.argv[1:2] == ["today"]:
        from .today import main as today

        return today(sys.argv[2:])
    from .main import main as full

    return full()
