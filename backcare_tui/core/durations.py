"""Durations as people write them: 45, 7.5, "90s", "2m", "1m30s", "1h"."""

from __future__ import annotations

import math
import re

from .toml_types import type_name

_PART = r"(\d+(?:\.\d+)?)"
_PATTERN = re.compile(rf"^(?:{_PART}h)?(?:{_PART}m)?(?:{_PART}s)?$")

MAX_PHASE_SECONDS = 3600.0


class DurationError(ValueError):
    """The value is not a duration; the message says what was expected."""


def parse_duration(value: object) -> float:
    """Seconds from a number or a "1m30s" string; raises DurationError."""
    if isinstance(value, bool):
        shown = "true" if value else "false"
        raise DurationError(f'expected a number of seconds or a string like "1m30s", got {shown}')
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str):
        text = value.strip().replace(" ", "")
        match = _PATTERN.match(text)
        if not text or match is None:
            raise DurationError(f'expected a duration like "90s", "2m" or "1m30s", got "{value}"')
        hours, minutes, secs = (float(g) if g else 0.0 for g in match.groups())
        seconds = hours * 3600 + minutes * 60 + secs
    else:
        raise DurationError(
            f'expected a number of seconds or a string like "1m30s", got {type_name(value)}'
        )
    if math.isnan(seconds) or math.isinf(seconds):
        raise DurationError(f"expected a finite number of seconds, got {value!r}")
    if seconds < 0:
        raise DurationError(f"must not be negative, got {_show(value)}")
    return seconds


def _show(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_clock(seconds: float) -> str:
    """Seconds as m:ss (or h:mm:ss), rounding up so a countdown never shows 0:00 early."""
    whole = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_length(seconds: float) -> str:
    """A length for lists and plans: "45s", "3m", "3m 20s", "1h 05m"."""
    whole = round(seconds)
    if whole < 60:
        return f"{seconds:g}s" if seconds != whole else f"{whole}s"
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m {secs:02d}s" if secs else f"{minutes}m"
