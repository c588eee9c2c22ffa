"""The app, full screen, from the command line: where `backcare`, `run`, `edit` and
`breathe` end up.

Apart from cli/main.py (the argument parser), so that `backcare` with nothing
after it opens the app without building the parser: argparse, gettext and the
subcommands' parsers cost about 2.5 ms of a start whose goal is 1.3x a bare
Textual app's, and with no arguments there is nothing to parse.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..core.errors import BackcareError

FLAG_SETTINGS = ("ascii", "reduced_motion")
"""Flags that switch a setting on for one run, without touching the config file."""


def full_screen(args: object, extra: Sequence[Path], **start: Any) -> int:
    """Run the app; print what it has to say once the terminal is restored.

    `args` holds the command line's flags (FLAG_SETTINGS) as attributes, or none.
    """
    from ..app import make_app

    overrides = {name: True for name in FLAG_SETTINGS if getattr(args, name, False)}
    app = make_app(extra_folders=extra, overrides=overrides, **start)
    outcome = app.run() or app.outcome
    for line in outcome.lines:
        print(line)
    return outcome.exit_code


def open_app() -> int:
    """`backcare` alone: the app, no flags, no extra folders; errors said as main() says them."""
    try:
        return full_screen(None, [])
    except BackcareError as error:
        print(f"backcare: {error.title}: {error.message}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
