"""The first-run safety notice: shown once, plainly, then remembered in the config."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ..core.notice import NOTICE


class NoticeScreen(ModalScreen[None]):
    STYLE_SECTIONS: ClassVar[tuple[str, ...]] = ("help and first-run notice",)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "dismiss", "I understand", id="notice.dismiss"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="notice-panel"):
            yield Static("Before you start", id="notice-title")
            yield Static(NOTICE, id="notice-text", markup=False)
            yield Static("Press Enter to continue.", id="notice-keys")
