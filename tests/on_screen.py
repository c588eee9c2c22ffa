"""What a person would read on the screen, for tests that check what the app told them."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen
from textual.strip import Strip

from backcare_tui.widgets.keys_footer import KeysFooter


def toasts(app: App[Any]) -> list[str]:
    """The notifications on the current screen, each as shown: "title\\nmessage".

    Textual hides toasts under `run_test` unless it is given `notifications=True`;
    let the app refresh (`await pilot.pause()`) after the notify before reading.
    """
    return [str(toast.render()) for toast in app.screen.query("Toast")]


def rows(screen: Screen[Any]) -> list[Strip]:
    """The screen as the terminal shows it, one strip of segments per row.

    Textual has no public call for this; this is the one place tests reach
    into its compositor for it.
    """
    return screen._compositor.render_strips()


def row_texts(screen: Screen[Any]) -> list[str]:
    """The text of each row on screen."""
    return [strip.text for strip in rows(screen)]


def footer_keys(screen: Screen[Any]) -> list[str]:
    """The keys in the screen's footer as read on screen ("q Quit"), left to right,
    the palette's key last when it shows; each read from the cells where the
    footer says it drew the key, so a key it thinks it drew but did not shows up
    cut or missing here."""
    footer = screen.query_one(KeysFooter)
    box = footer.region
    row = rows(screen)[box.y]
    return [
        row.crop(box.x + place.x, box.x + place.x + place.width).text.strip(" ▏")
        for place in footer.placed()
    ]
