"""A routine file that does not load, read into the editor's form when the form can
hold it, with what saving from the form would change in the file.

The form has a field for every key a routine may have, so a file whose TOML reads
opens as a form even with an unknown key (`rset = 3`) or a value of the wrong type
(`name = 5`). The form cannot hold such a key or value as it is: saving from the form
drops the key or writes the value as the form reads it. Both are said before the
save (`FormChange`), and the file's own problems that the form's reading hides are
kept as notes to show beside their fields.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .draft import RoutineDraft, field_of
from .errors import Problem
from .model import FORMAT_VERSION
from .text import clean_line

CUT = 40
"""The longest value a change quotes, in characters."""


def toml_text(value: object) -> str:
    """A value as it is written in a routine file, cut short: `3`, `"Cat"`, `[1, 2]`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = clean_line(value)
        return '"' + (text if len(text) <= CUT else text[: CUT - 3] + "...") + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_text(item) for item in value) + "]"
    if isinstance(value, Mapping):
        pairs = ", ".join(f"{clean_line(str(k))} = {toml_text(v)}" for k, v in value.items())
        return "{ " + pairs + " }"
    return clean_line(str(value))


@dataclass(frozen=True)
class FormChange:
    """One key of the file that saving from the form does not write back as it is."""

    step: int | None
    """1-based, like the problems; None for the routine's own keys."""
    step_name: str
    key: str
    before: object
    after: object | None = None
    """What the form writes instead; None: the key is dropped."""

    @property
    def dropped(self) -> bool:
        return self.after is None

    def place(self) -> str:
        """Where the key is, as a person finds it: "step 2 "Cat cow"" or "the routine"."""
        if self.step is None:
            return "the routine"
        name = f' "{clean_line(self.step_name)}"' if self.step_name.strip() else ""
        return f"step {self.step}{name}"

    def what(self) -> str:
        """The change alone: "drops rset = 3" or "writes name = "5" for name = 5"."""
        before = f"{clean_line(self.key)} = {toml_text(self.before)}"
        if self.after is None:
            return f"drops {before}"
        return f"writes {clean_line(self.key)} = {toml_text(self.after)} for {before}"

    def __str__(self) -> str:
        return f"{self.what()} ({self.place()})"


@dataclass(frozen=True)
class FormReading:
    """A draft of a file that does not load, and what saving it from the form changes."""

    draft: RoutineDraft
    notes: tuple[Problem, ...]
    """The file's problems that the form's reading of it no longer has: the form shows
    them beside their fields until the file is saved or fixed."""
    changes: tuple[FormChange, ...]


def read_for_form(data: Mapping[str, Any], problems: Sequence[Problem]) -> FormReading | None:
    """The form's reading of a parsed file whose `problems` stop it loading, or None
    when the form cannot hold the file at all (a newer format, steps that are not
    tables): such a file is only shown as text."""
    if data.get("format", FORMAT_VERSION) != FORMAT_VERSION:
        return None
    steps = data.get("steps", [])
    if not isinstance(steps, list) or not all(isinstance(step, dict) for step in steps):
        return None
    draft = RoutineDraft.from_data(data)
    written = draft.to_data()
    path = problems[0].path if problems else ""
    remaining = draft.check(path).problems
    said = {(p.step, p.key, p.message) for p in remaining}
    about = {(p.step, p.key) for p in remaining if p.key}
    notes = tuple(
        p
        for p in problems
        if (p.step, p.key, p.message) not in said and (p.step, p.key) not in about
    )
    noted = {(p.step, p.key) for p in notes}
    changes = list(_changes(None, "", data, written, noted, skip=("steps",)))
    for number, (table, kept) in enumerate(zip(steps, written["steps"], strict=True), start=1):
        name = table.get("name")
        changes += _changes(number, name if isinstance(name, str) else "", table, kept, noted)
    return FormReading(draft, notes, tuple(changes))


def _changes(
    step: int | None,
    step_name: str,
    table: Mapping[str, Any],
    written: Mapping[str, Any],
    noted: set[tuple[int | None, str]],
    skip: tuple[str, ...] = (),
) -> list[FormChange]:
    """Keys with a value that the form leaves out, and values of keys a problem is about
    that the form writes differently. A value the form only tidies (spaces around a
    text) is not a change: the loader tidies it the same way."""
    out: list[FormChange] = []
    for key, value in table.items():
        if key in skip or _empty(value):
            continue
        if key not in written:
            out.append(FormChange(step, step_name, key, value))
        elif (step, key) in noted and written[key] != value:
            out.append(FormChange(step, step_name, key, value, written[key]))
    return out


def _empty(value: object) -> bool:
    return value == [] or value == {} or (isinstance(value, str) and not value.strip())


SUMMARY_CHANGES = 3
"""The most changes a save question lists one by one."""


def changes_summary(changes: Sequence[FormChange]) -> str:
    """What saving from the form changes, as a sentence for the save question."""
    if not changes:
        return ""
    listed = "; ".join(str(change) for change in changes[:SUMMARY_CHANGES])
    more = len(changes) - SUMMARY_CHANGES
    if more > 0:
        listed += f"; and {more} more"
    return f"Saving from the form {listed}."


def notes_beside(
    notes: Sequence[Problem], changes: Sequence[FormChange], step: int | None
) -> list[tuple[str, str]]:
    """(field, line) for the form of item `step`: each problem of the file that the
    form's reading hides, and what saving changes. Field "" is the item as a whole."""
    out = [(field_of(p), f"In the file: {p.message}") for p in notes if p.step == step]
    for change in changes:
        if change.step == step:
            where = field_of(Problem("", "", step=step, key=change.key))
            out.append((where, f"Saving from the form {change.what()}."))
    return out
