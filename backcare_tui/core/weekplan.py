"""The weekly plan in the config: weekday keys, routine names, and their words."""

from __future__ import annotations

from datetime import date
from typing import Any

from .text import clean_line

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PLAN_EXPECTED = (
    "a table of weekdays (mon, tue, wed, thu, fri, sat, sun) to routine names, like "
    '{ mon = "posture-reset", wed = "core-support" }'
)


def weekday_key(day: date) -> str:
    """ "mon" .. "sun"."""
    return WEEKDAYS[day.weekday()]


def day_name(day: date) -> str:
    return DAY_NAMES[day.weekday()]


def check_plan(value: Any) -> dict[str, str] | None:
    """The plan in weekday order, or None when any entry is not a weekday and a name."""
    if not isinstance(value, dict):
        return None
    plan: dict[str, str] = {}
    for key, routine in value.items():
        word = str(key).strip().lower()
        day = word[:3]
        if day not in WEEKDAYS or word not in (day, DAY_NAMES[WEEKDAYS.index(day)].lower()):
            return None
        if not isinstance(routine, str):
            return None
        name = clean_line(routine).strip()
        if name:
            plan[day] = name
    return {day: plan[day] for day in WEEKDAYS if day in plan}
