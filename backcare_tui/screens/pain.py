"""The pain check-in, on its own screen naming the routine: one key from 0 to 10.

Escape skips the question. Before a session there is also "Don't start",
which backs out: nothing plays and nothing is recorded.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Label

from ..core.pain import ASK_BEFORE, SCALE
from ..core.text import clean_line
from ..widgets.keys_footer import KeysFooter

TEN_KEY = "t"
DONT_START: Literal["dont-start"] = "dont-start"
PainAnswer = int | None | Literal["dont-start"]
"""A rating, None when skipped, or DONT_START to back out of the session."""


class PainCheckScreen(Screen[PainAnswer]):
    """Dismisses with the rating, None when skipped, or DONT_START."""

    STYLE_SECTIONS: ClassVar[tuple[str, ...]] = ("pain check-in",)

    AUTO_FOCUS = ""
    """The rating is a key press, not a walk along the buttons."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("0", "rate(0)", "Rate", key_display="0-9", id="pain.rate"),
        *(
            Binding(str(n), f"rate({n})", f"Rate {n}", show=False, id=f"pain.rate{n}")
            for n in range(1, 10)
        ),
        Binding(TEN_KEY, "rate(10)", "Rate 10", key_display=TEN_KEY, id="pain.ten"),
        Binding("escape", "skip", "Skip question", id="pain.skip"),
        Binding("d", "dont_start", "Don't start", id="pain.dont_start"),
    ]

    def __init__(
        self,
        question: str = ASK_BEFORE,
        routine_name: str | None = None,
        *,
        can_back_out: bool = False,
    ) -> None:
        super().__init__()
        self.question = question
        self.routine_name = routine_name
        self.can_back_out = can_back_out

    def compose(self) -> ComposeResult:
        with Vertical(id="pain-panel"):
            if self.routine_name is not None:
                when = "Before" if self.can_back_out else "After"
                title = f"{when}: {clean_line(self.routine_name)}"
                yield Label(Text(title), id="pain-routine")
            yield Label(f"{self.question} 0-10", id="pain-question")
            with Horizontal(id="pain-scale"):
                for n in range(11):
                    yield Button(str(n), id=f"pain-{n}", classes="pain-button", compact=True)
            yield Label(SCALE, id="pain-legend")
            keys = f"Press 0-9, or {TEN_KEY} for 10. Escape skips the question."
            if self.can_back_out:
                keys += " d: don't start."
            yield Label(keys, id="pain-keys")
            if self.can_back_out:
                yield Button("Don't start", id="pain-dont-start", compact=True)
        yield KeysFooter(compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "dont_start":
            return self.can_back_out
        return True

    @on(Button.Pressed, ".pain-button")
    def _clicked(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        self.dismiss(int(event.button.id.removeprefix("pain-")))

    @on(Button.Pressed, "#pain-dont-start")
    def action_dont_start(self) -> None:
        if self.can_back_out:
            self.dismiss(DONT_START)

    def action_rate(self, value: int) -> None:
        self.dismiss(value)

    def action_skip(self) -> None:
        self.dismiss(None)
