"""A TOML value's kind in the words a problem message uses ("got a table")."""

from __future__ import annotations

import datetime

_NAMES: tuple[tuple[type, str], ...] = (
    (dict, "a table"),
    (list, "an array"),
    # A datetime is also a date: it must be asked about first.
    (datetime.datetime, "a date and time"),
    (datetime.date, "a date"),
    (datetime.time, "a time of day"),
)


def type_name(value: object) -> str:
    """What a value that is not text, a number or a boolean is, as TOML calls it;
    anything TOML cannot hold is named by its Python type."""
    for kind, name in _NAMES:
        if isinstance(value, kind):
            return name
    return type(value).__name__
