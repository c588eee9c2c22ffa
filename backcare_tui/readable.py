"""Text colours that stay readable in every theme (WCAG AA, 4.5:1).

A theme gives a highlight colour (`$primary` for the highlighted routine,
`$accent` for the current step) but not a text colour proven to read on it:
Textual's `auto` text and the theme's foreground fall to 1.1:1 in some themes
(`solarized-light` drew the current step grey on purple). These variables are
worked out from each theme's own colours when the theme is applied.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.color import Color

from .looks import contrast_ratio

READABLE = 4.5
"""WCAG AA for normal text."""

MARGIN = 0.3
"""Kept above AA so a faint tint Textual lays over a focused list cannot pull it under."""

CURRENT_STEP_SHADE = 0.4
"""How much of `$accent` the current step's row takes over the screen background."""

BLACK = Color(0, 0, 0)
WHITE = Color(255, 255, 255)


def readable_text(background: Color, *preferred: Color) -> Color:
    """The first of the theme's own colours that reads on `background`, else
    black or white, whichever reads better."""
    for colour in preferred:
        if contrast_ratio(colour, background) >= READABLE + MARGIN:
            return colour
    return max((BLACK, WHITE), key=lambda colour: contrast_ratio(colour, background))


def _colour(variables: Mapping[str, str], name: str, fallback: Color) -> Color:
    try:
        return Color.parse(variables[name])
    except (KeyError, ValueError):
        return fallback


def readable_variables(variables: Mapping[str, str]) -> dict[str, str]:
    """`$bc-*` variables for backcare.tcss, from a theme's generated variables."""
    background = _colour(variables, "background", BLACK)
    foreground = background + _colour(variables, "foreground", WHITE)
    primary = _colour(variables, "primary", foreground)
    accent = _colour(variables, "accent", primary)
    cursor = background + _colour(variables, "block-cursor-background", primary)
    blurred = background + _colour(variables, "block-cursor-blurred-background", primary)
    current = background.blend(accent, CURRENT_STEP_SHADE)
    return {
        "bc-highlight-text": readable_text(cursor, foreground, background).hex,
        "bc-highlight-blurred-background": blurred.hex,
        "bc-highlight-blurred-text": readable_text(blurred, foreground, background).hex,
        "bc-current-step-background": current.hex,
        "bc-current-step-text": readable_text(current, foreground, background).hex,
    }
