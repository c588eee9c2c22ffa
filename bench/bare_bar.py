"""The yardstick for `bench/pacer.py`: a bare Textual app redrawing a full-width bar at 30 fps.

One widget fills the screen, as an app's main widget does, draws a bar
across the middle row that sweeps the full width every few seconds, and
refreshes itself 30 times a second with `auto_refresh`, the way a naive
animation does. At 100x30 this lands on the figures PRODUCT.md quotes for
"a bare Textual app" (about 10 % of a core, about 130 KB/s).

`--line` makes the widget one row tall instead, so only that row is
repainted: a leaner yardstick, for comparison.

    python bench/bare_bar.py [--line]
"""

from __future__ import annotations

import sys
import time

from textual.app import App, ComposeResult
from textual.widget import Widget

FPS = 30
SWEEP_SECONDS = 3.0


class Bar(Widget):
    DEFAULT_CSS = """
    Bar { color: $accent; }
    Bar.-line { height: 1; }
    """

    def on_mount(self) -> None:
        self.started = time.monotonic()
        self.auto_refresh = 1 / FPS

    def render(self) -> str:
        width, height = self.size
        share = ((time.monotonic() - self.started) / SWEEP_SECONDS) % 1.0
        filled = round(share * width)
        bar = "█" * filled + "░" * (width - filled)
        return "\n" * (height // 2) + bar


class BareBarApp(App[None]):
    CSS = "Screen { align: center middle; }"

    def __init__(self, line: bool = False) -> None:
        super().__init__()
        self.line = line

    def compose(self) -> ComposeResult:
        yield Bar(classes="-line" if self.line else "")


if __name__ == "__main__":
    BareBarApp(line="--line" in sys.argv[1:]).run()
