"""Every theme's player and home are readable: WCAG AA, 4.5:1, for the text that
matters most (the current step, the highlighted routine), computed from the
colours each theme actually draws on screen (issue 16)."""

from __future__ import annotations

from apps import AppFactory
from on_screen import rows
from rich.segment import Segment
from textual.color import Color
from textual.widget import Widget

from backcare_tui.app import BackcareApp
from backcare_tui.looks import contrast_ratio

AA = 4.5


def drawn_ratio(segment: Segment) -> float:
    style = segment.style
    assert style is not None and style.color is not None and style.bgcolor is not None
    fg, bg = Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)
    if style.reverse:
        fg, bg = bg, fg
    return contrast_ratio(fg, bg)


def row_showing(app: BackcareApp, widget: Widget, text: str) -> list[Segment]:
    """The text segments of the row of `widget` that shows `text`, as the
    terminal gets them (transparent colours already blended)."""
    region = widget.region
    strips = rows(app.screen)
    for y in range(region.y, region.bottom):
        row = strips[y].crop(region.x, region.right)
        if text in row.text:
            return [segment for segment in row if segment.text.strip()]
    raise AssertionError(f"{text!r} not in {widget!r}")


def worst(segments: list[Segment]) -> float:
    return min(drawn_ratio(segment) for segment in segments)


async def test_current_step_and_highlighted_routine_in_every_theme(app_with: AppFactory) -> None:
    app = app_with()
    failures: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        themes = sorted(name for name, theme in app.available_themes.items() if not theme.ansi)
        assert len(themes) > 10
        home = app.screen
        routines = home.query_one("#home-routines")
        entry = home.highlighted_entry  # type: ignore[attr-defined]
        assert entry is not None
        for theme in themes:
            app.theme = theme
            await pilot.pause()
            found = worst(row_showing(app, routines, entry.routine.name))
            if found < AA:
                failures.append(f"{theme}: highlighted routine {found:.2f}")
        app.start_routine_named("desk-break")
        await pilot.pause()
        steps = app.screen.query_one("#player-steps")
        for theme in themes:
            app.theme = theme
            await pilot.pause()
            found = worst(row_showing(app, steps, "Arm circles"))
            if found < AA:
                failures.append(f"{theme}: current step {found:.2f}")
    assert failures == [], failures
