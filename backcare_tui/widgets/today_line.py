"""The Today line on home: what to do today and why, started with Enter or a click."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static


class TodayLine(Static, can_focus=True):
    """One line; focusable so Enter on it (home's Enter) starts the suggestion."""

    @dataclass
    class Start(Message):
        """The person asked to start today's suggestion."""

    def show(self, what: str, why: str, *, done: bool) -> None:
        line = Text("Today  ", style="bold")
        line.append(what, style="bold" if not done else "")
        line.append(f"  {why}", style="dim")
        self.update(line)
        self.set_class(done, "-done")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Start())
