"""Reading one field of a routine file: the problems a field can have, each said in
the loader's house style (the field, what was expected, the value found)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .durations import MAX_PHASE_SECONDS, DurationError, parse_duration
from .errors import Problem
from .limits import LIMITS, MAX_NAME_LENGTH
from .spelling import closest, suggest
from .text import clean_line, clean_text
from .toml_types import type_name


def show(value: object) -> str:
    """A value as a problem message quotes it: TOML's spelling, strings cut short."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return f'"{clean_line(value)[:60]}"'
    if isinstance(value, int | float):
        return str(value)
    return type_name(value)


def duration_message(error: DurationError) -> str:
    """A duration parser's complaint as the rest of a sentence that starts with a key."""
    message = str(error)
    if message.startswith("must"):
        return message
    return "must be " + message.removeprefix("expected ")


class FieldChecker:
    """Collects problems instead of stopping at the first, so one run shows them all.
    Each problem carries the step it was found in (while `step` is set) and the key
    it is about, so the editor can show it beside its field."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.step: int | None = None
        self.step_name: str | None = None

    def problem(self, message: str, *, key: str) -> None:
        """Record a problem about `key` (empty: about no single key)."""
        self.problems.append(
            Problem(self.path, message, step=self.step, step_name=self.step_name, key=key)
        )

    def reporter(self, key: str) -> Callable[[str], None]:
        """`problem` for helpers that only say the message: all about one key."""
        return lambda message: self.problem(message, key=key)

    def unknown_keys(
        self,
        table: Mapping[str, Any],
        allowed: tuple[str, ...],
        where: str,
        preferred: tuple[str, ...] = (),
        owner: str = "",
    ) -> set[str]:
        """Report keys not in `allowed`; return the keys suggested instead, so the
        caller does not also report them as missing."""
        meant: set[str] = set()
        for key in table:
            if key not in allowed:
                hint = suggest(key, allowed, preferred)
                self.problem(f'unknown key "{clean_line(key)}" {where}{hint}', key=owner)
                if (close := closest(key, allowed, preferred)) is not None:
                    meant.add(close)
        return meant

    def text(
        self, table: Mapping[str, Any], key: str, *, required: bool = False, multiline: bool = False
    ) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.problem(f'"{key}" is required: a short text', key=key)
            return ""
        if not isinstance(value, str):
            self.problem(f"{key} must be a string, got {show(value)}", key=key)
            return ""
        cleaned = clean_text(value).strip() if multiline else clean_line(value).strip()
        if required and not cleaned:
            self.problem(f"{key} must not be empty", key=key)
        if key == "name" and len(cleaned) > MAX_NAME_LENGTH:
            self.problem(
                f"name must be at most {MAX_NAME_LENGTH} characters, got {len(cleaned)}", key=key
            )
        return cleaned

    def strings(self, table: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list):
            self.problem(
                f'{key} must be an array of strings like ["a", "b"], got {show(value)}', key=key
            )
            return ()
        out: list[str] = []
        for item in value:
            if not isinstance(item, str):
                self.problem(f"{key} must contain only strings, got {show(item)}", key=key)
                continue
            cleaned = clean_line(item).strip()
            if not cleaned:
                self.problem(f"{key} must not contain empty strings", key=key)
                continue
            out.append(cleaned)
        return tuple(out)

    def seconds(
        self, table: Mapping[str, Any], key: str, default: float = 0.0, *, positive: bool = False
    ) -> float:
        if key not in table:
            return default
        value = table[key]
        try:
            seconds = parse_duration(value)
        except DurationError as error:
            if positive and "negative" in str(error):
                self.problem(
                    f"{key} must be a positive number of seconds, got {show(value)}", key=key
                )
            else:
                self.problem(f"{key} {duration_message(error)}", key=key)
            return default
        if positive and seconds <= 0:
            self.problem(f"{key} must be a positive number of seconds, got {show(value)}", key=key)
            return default
        if seconds > MAX_PHASE_SECONDS:
            self.problem(f"{key} must be at most 1 hour (3600 s), got {show(value)}", key=key)
            return default
        return seconds

    def count(self, table: Mapping[str, Any], key: str, default: int = 1) -> int:
        if key not in table:
            return default
        value = table[key]
        limit = LIMITS[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(
                f"{key} must be a whole number from 1 to {limit}, got {show(value)}", key=key
            )
            return default
        if not 1 <= value <= limit:
            self.problem(f"{key} must be a whole number from 1 to {limit}, got {value}", key=key)
            return default
        return value
