"""The pain check-in: one key press from 0 to 10, or Escape to skip."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from ..core.pain import ASK_BEFORE, SCALE

TEN_KEY = "t"


class PainCheckScreen(ModalScreen[int | None]):
    """Dismisses with the rating, or None when skipped."""

    AUTO_FOCUS = ""
    """The rating is a key press, not a walk along the buttons."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("0", "rate(0)", "Rate", key_display="0-9", id="pain.rate"),
        *(
            Binding(str(n), f"rate({n})", f"Rate {n}", show=False, id=f"pain.rate{n}")
            for n in range(1, 10)
        ),
        Binding(TEN_KEY, "rate(10)", "Rate 10", key_display=TEN_KEY, id="pain.ten"),
        Binding("escape", "skip", "Skip", id="pain.skip"),
    ]

    def __init__(self, question: str = ASK_BEFORE) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="pain-panel"):
            yield Label(f"{self.question} 0-10", id="pain-question")
            with Horizontal(id="pain-scale"):
                for n in range(11):
                    yield Button(str(n), id=f"pain-{n}", classes="pain-button", compact=True)
            yield Label(SCALE, id="pain-legend")
            yield Label(f"Press 0-9, or {TEN_KEY} for 10. Escape skips.", id="pain-keys")

    @on(Button.Pressed, ".pain-button")
    def _clicked(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        self.dismiss(int(event.button.id.removeprefix("pain-")))

    def action_rate(self, value: int) -> None:
        self.dismiss(value)

    def action_skip(self) -> None:
        self.dismiss(None)
