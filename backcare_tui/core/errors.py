"""User-facing problems: one class, messages that name the file and the place."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .text import clean_line


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a routine file, formatted as one line.

    Syntax problems carry a line and column; problems of meaning carry the
    step number (1-based) and name, so a person can find the place either way.
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    step: int | None = None
    step_name: str | None = None
    key: str = ""
    """The file key the problem is about ("hold", "cycles", "steps", "progress"...),
    empty when it is about no single key; the editor puts the message beside that
    key's field. Never shown: the message says it in words."""

    def __str__(self) -> str:
        return clean_line(self._raw())

    def _raw(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}:{self.column or 1}: {self.message}"
        if self.step is not None:
            name = f' "{self.step_name}"' if self.step_name else ""
            return f"{self.path}: step {self.step}{name}: {self.message}"
        return f"{self.path}: {self.message}"


class BackcareError(Exception):
    """A problem the user can act on; the CLI prints it, the app shows it."""

    def __init__(self, title: str, message: str) -> None:
        super().__init__(f"{title}: {message}")
        self.title = title
        self.message = message


class RoutineError(BackcareError):
    """A routine file that cannot be used, with every problem it has."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("Invalid routine", "\n".join(str(p) for p in self.problems))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
