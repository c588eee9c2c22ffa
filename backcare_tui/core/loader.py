"""Routine files to the model: reading the bytes, the TOML syntax, then every
problem the document has (routine_checks.py), each in one line."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import Problem, RoutineError
from .field_checks import FieldChecker
from .model import Routine
from .routine_checks import check_routine

MAX_FILE_BYTES = 1024 * 1024

_TOML_PLACE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def load_routine(path: Path | str) -> Routine:
    """Read and check one routine file; raises RoutineError listing every problem."""
    path = Path(path)
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RoutineError(
                [
                    Problem(
                        shown,
                        f"file is {size / MAX_FILE_BYTES:.1f} MiB; "
                        "routine files may be at most 1 MiB",
                    )
                ],
            )
        data = path.read_bytes()
    except OSError as error:
        raise RoutineError(
            [Problem(shown, f"cannot read file: {error.strerror or error}")]
        ) from None
    return parse_routine_bytes(data, shown)


def parse_routine_bytes(data: bytes, path: str) -> Routine:
    if len(data) > MAX_FILE_BYTES:
        raise RoutineError(
            [Problem(path, "file is over 1 MiB; routine files may be at most 1 MiB")]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise RoutineError(
            [
                Problem(
                    path,
                    f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8",
                    line,
                    column,
                )
            ],
        ) from None
    return parse_routine_text(text, path)


def parse_routine_text(text: str, path: str) -> Routine:
    text = text.removeprefix("\ufeff")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RoutineError([_syntax_problem(str(error), text, path)]) from None
    return routine_from_data(data, path)


def _syntax_problem(message: str, text: str, path: str) -> Problem:
    match = _TOML_PLACE.search(message)
    if match:
        return Problem(path, message[: match.start()], int(match.group(1)), int(match.group(2)))
    if message.endswith("(at end of document)"):
        lines = text.split("\n")
        return Problem(
            path, message.removesuffix(" (at end of document)"), len(lines), len(lines[-1]) + 1
        )
    return Problem(path, message)


def routine_from_data(data: Mapping[str, Any], path: str) -> Routine:
    """Check a parsed TOML document; the editor uses this for live validation too."""
    checker = FieldChecker(path)
    routine = check_routine(checker, data)
    if checker.problems or routine is None:
        raise RoutineError(checker.problems)
    return routine
