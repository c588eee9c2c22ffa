"""A screen's widgets are styled once before it is first shown, not twice (a start-up speed-up
for the pinned Textual).

Textual 8.2.8 styles each widget as it is mounted, then, when the screen is
shown for the first time (its first ScreenResume), styles the whole screen
again. The second pass finds what the first one found: nothing can have
changed the styles in between without restyling on its own account (a theme
or stylesheet change refreshes every screen, a class or pseudo-class change
restyles its node, and the app's `_load_screen_css` restyles a screen whose
sections of backcare.tcss it has just added). On home that second pass was
60 of the 120 stylesheet passes before the first frame.

So a screen's first resume keeps all of Textual's work but that pass; every
later resume (a screen shown again after another was on top, when the
stylesheet may have changed meanwhile) is Textual's own. tests/test_styled_once.py
shows both, and that a screen looks the same either way.
"""

from __future__ import annotations

from weakref import WeakSet

from textual import events
from textual.screen import Screen

TEXTUAL_ON_SCREEN_RESUME = Screen._on_screen_resume
_shown: WeakSet[Screen[object]] = WeakSet()


def _on_screen_resume(self: Screen[object], event: events.ScreenResume) -> None:
    if self not in _shown:
        _shown.add(self)
        event.refresh_styles = False
    TEXTUAL_ON_SCREEN_RESUME(self, event)


def apply() -> None:
    Screen._on_screen_resume = _on_screen_resume  # type: ignore[method-assign,assignment]
