"""What a person would read on the screen, for tests that check what the app told them."""

from __future__ import annotations

from typing import Any

from textual.app import App


def toasts(app: App[Any]) -> list[str]:
    """The notifications on the current screen, each as shown: "title\\nmessage".

    Textual hides toasts under `run_test` unless it is given `notifications=True`;
    let the app refresh (`await pilot.pause()`) after the notify before reading.
    """
    return [str(toast.render()) for toast in app.screen.query("Toast")]
