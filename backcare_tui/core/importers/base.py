"""What every importer hands back, and the checks they share."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import BackcareError, RoutineError
from ..limits import MAX_NAME_LENGTH
from ..loader import parse_routine_text
from ..model import Routine
from ..text import clean_line
from ..writer import dumps_routine


@dataclass(frozen=True)
class Imported:
    """One routine made from another tool's file, and every guess made on the way."""

    routine: Routine
    source: str
    """The format in words, for messages: "Workrave exercises", "nafas program"."""
    assumptions: tuple[str, ...] = ()


class ImportFailure(BackcareError):
    """A file, or one routine in it, that cannot be imported; the message names the file."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__("Cannot import", f"{clean_line(path)}: {message}")


def checked(imported: Imported, path: str) -> Imported:
    """The routine as `backcare check` will see it once written, or an ImportFailure.

    Importers build the model directly; writing it out and reading it back
    through the loader is what guarantees every written file passes check.
    """
    text = dumps_routine(imported.routine)
    try:
        parse_routine_text(text, path)
    except RoutineError as error:
        reasons = "; ".join(p.message for p in error.problems)
        raise ImportFailure(
            path, f'"{imported.routine.name}" would not be a valid routine: {reasons}'
        ) from None
    return imported


def name_text(value: object, fallback: str) -> str:
    """A name from an untrusted file: one clean line, at most the loader's length."""
    text = " ".join(clean_line(value).split()) if isinstance(value, str) else ""
    return (text or fallback)[:MAX_NAME_LENGTH].strip()


def prose(value: str) -> str:
    """Instructions from an untrusted file: controls dropped, wrapped lines joined."""
    return " ".join(clean_line(value).split())


def number(value: object) -> float | None:
    """A finite, non-negative number, or None (booleans are not numbers here)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        result = float(value)
    except (ValueError, OverflowError):
        return None
    if math.isnan(result) or math.isinf(result) or result < 0:
        return None
    return result


def seconds_text(value: float) -> str:
    return f"{value:g} s"
