"""The words a problem message uses for a value of the wrong kind."""

from __future__ import annotations

import datetime

import pytest

from backcare_tui.core.toml_types import type_name


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ({"a": 1}, "a table"),
        ([1], "an array"),
        (datetime.datetime(2026, 11, 29, 4, 30, tzinfo=datetime.UTC), "a date and time"),
        (datetime.datetime(2026, 11, 29, 4, 30), "a date and time"),
        (datetime.date(2026, 11, 29), "a date"),
        (datetime.time(4, 30), "a time of day"),
        ({1, 2}, "set"),
        (None, "NoneType"),
    ],
)
def test_each_kind_of_value_is_named(value: object, name: str) -> None:
    assert type_name(value) == name
