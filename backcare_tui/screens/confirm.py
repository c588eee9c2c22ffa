"""A yes/no question that answers with True or False.

The buttons take no focus, so Enter always means yes and Escape always
means no, whatever the mouse did before.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label


class ConfirmScreen(ModalScreen[bool]):
    STYLE_SECTIONS: ClassVar[tuple[str, ...]] = ("confirm",)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,y", "confirm", "Yes", key_display="⏎/y", id="confirm.yes"),
        Binding("escape,n", "cancel", "No", key_display="esc/n", id="confirm.no"),
    ]

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]  # noqa: RUF012 (declared so in Screen)

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Label(Text(self.question), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yes = Button(f"{self.yes} (Enter)", variant="error", id="confirm-yes")
                no = Button(f"{self.no} (Esc)", variant="primary", id="confirm-no")
                for button in (yes, no):
                    button.can_focus = False
                    yield button

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)
