"""A routine as the editor's form holds it: text in fields, checked by the loader itself.

The form never judges a value on its own. It turns its text into the
dictionary a TOML file would give and runs `routine_from_data`, so every
message next to a field is exactly the line `backcare check` would print.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, get_args

from .breathing import BreathPattern
from .errors import Problem, RoutineError
from .loader import routine_from_data
from .model import Routine, Shape
from .routine_keys import COMMON_STEP_KEYS, PATTERN_KEYS, SHAPE_KEYS, TOP_KEYS
from .writer import routine_to_data

SHAPES: tuple[Shape, ...] = get_args(Shape)
"""In the order the model names them (the form's shape choices follow it)."""
STEP_KEPT = ("say",)
ROUTINE_KEPT = ("sound",)
"""Keys the form has no field for, carried through as they came."""
_AS_FIELDS = {"cycles": ("length", "unit"), "minutes": ()}
"""A breathing step's "cycles" or "minutes" is one length field and a unit choice."""
SHAPE_FIELDS: dict[Shape, tuple[str, ...]] = {
    shape: tuple(field for key in SHAPE_KEYS[shape] for field in _AS_FIELDS.get(key, (key,)))
    for shape in SHAPES
}
MAIN_FIELD: dict[Shape, str] = {
    "timed": "duration",
    "held": "hold",
    "rest": "rest",
    "breathing": "length",
}
"""The time field that carries over when a step changes shape."""
ROUTINE_FIELDS = tuple(key for key in TOP_KEYS if key not in ("format", "steps", *ROUTINE_KEPT))
STEP_FIELDS = tuple(key for key in COMMON_STEP_KEYS if key not in ("progress", *STEP_KEPT))
GENERAL = ""
"""The field name for problems that belong to no single field."""


def number_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_value(text: str) -> object:
    """Field text to what TOML would give: a number when it reads as one, else the text.

    Leaving text as text lets the loader say what it expected ("hold must be
    a duration like "90s"...") in its own words.
    """
    stripped = text.strip()
    try:
        return int(stripped)
    except ValueError:
        pass
    try:
        return float(stripped)
    except ValueError:
        return stripped


_TIMED_CUE_LINE = re.compile(r"^@(\S+)\s+(.+)$")


def cue_line(cue: object) -> str:
    """A cue as one line of the form; a timed one as "@50% Reverse direction"."""
    if isinstance(cue, dict) and "at" in cue:
        return f"@{number_text(cue['at'])} {cue.get('text', '')}"
    if isinstance(cue, dict):
        return str(cue.get("text", ""))
    return str(cue)


def cue_from_line(line: str) -> object:
    match = _TIMED_CUE_LINE.match(line)
    if match is None:
        return line
    return {"at": parse_value(match.group(1)), "text": match.group(2).strip()}


def split_list(text: str, sep: str) -> list[str]:
    return [item.strip() for item in re.split(sep, text) if item.strip()]


def shape_named(text: str) -> Shape:
    """The shape a form's choice names; ValueError for anything else."""
    for shape in SHAPES:
        if shape == text:
            return shape
    raise ValueError(f"not a step shape: {text!r}")


@dataclass
class StepDraft:
    name: str = ""
    instructions: str = ""
    cues: str = ""
    """One cue a line: cues may contain commas."""
    shape: Shape = "timed"
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    """Field text per shape, so changing shape and back loses nothing typed."""
    progress: Any = None
    """The step's `progress` table as the file has it: the form has no fields for it
    yet, so it passes through untouched (and is still checked)."""
    kept: dict[str, Any] = field(default_factory=dict)
    """Keys the form has no field for (`say`), written back as they came."""

    def get(self, key: str) -> str:
        return self.values.get(self.shape, {}).get(key, "")

    def set(self, key: str, value: str) -> None:
        self.values.setdefault(self.shape, {})[key] = value

    def change_shape(self, shape: Shape) -> None:
        """Switch shape, carrying the main time over when the new shape has none yet."""
        if shape == self.shape:
            return
        carried = "" if self.shape == "breathing" else self.get(MAIN_FIELD[self.shape])
        self.shape = shape
        target = MAIN_FIELD[shape]
        if carried and shape != "breathing" and not self.get(target):
            self.set(target, carried)
        if shape == "breathing":
            self.values.setdefault("breathing", {}).setdefault("breathing", "diaphragmatic")
            self.values["breathing"].setdefault("unit", "cycles")
            self.values["breathing"].setdefault("length", "6")

    def copy(self) -> StepDraft:
        return StepDraft(
            self.name,
            self.instructions,
            self.cues,
            self.shape,
            {shape: dict(values) for shape, values in self.values.items()},
            self.progress,
            dict(self.kept),
        )

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name}
        if self.instructions.strip():
            data["instructions"] = self.instructions.strip()
        cues = [cue_from_line(line) for line in split_list(self.cues, r"\n")]
        if cues:
            data["cues"] = cues
        if self.progress is not None:
            data["progress"] = self.progress
        data.update(self.kept)
        values = self.values.get(self.shape, {})
        if self.shape == "breathing":
            data["breathing"] = values.get("breathing", "").strip()
            length = values.get("length", "").strip()
            if length:
                data[values.get("unit") or "cycles"] = parse_value(length)
            for key in ("inhale_cue", "exhale_cue"):
                if values.get(key, "").strip():
                    data[key] = values[key].strip()
            return data
        main = MAIN_FIELD[self.shape]
        data[main] = parse_value(values.get(main, ""))
        for key in SHAPE_FIELDS[self.shape]:
            text = values.get(key, "").strip()
            if key == main or not text:
                continue
            data[key] = text if key == "sides" else parse_value(text)
        return data

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> StepDraft:
        cues = data.get("cues", [])
        draft = cls(
            name=str(data.get("name", "")),
            instructions=str(data.get("instructions", "")),
            progress=data.get("progress"),
            cues="\n".join(cue_line(c) for c in cues) if isinstance(cues, list) else str(cues),
            kept={key: data[key] for key in STEP_KEPT if key in data},
        )
        if "breathing" in data:
            draft.shape = "breathing"
        elif "hold" in data:
            draft.shape = "held"
        elif "duration" in data:
            draft.shape = "timed"
        elif "rest" in data:
            draft.shape = "rest"
        values: dict[str, str] = {}
        for key in SHAPE_FIELDS[draft.shape]:
            if key in data:
                values[key] = number_text(data[key])
        if draft.shape == "breathing":
            values["breathing"] = _pattern_text(data.get("breathing"))
            unit = "minutes" if "minutes" in data else "cycles"
            values["unit"] = unit
            values["length"] = number_text(data[unit]) if unit in data else ""
        draft.values[draft.shape] = values
        return draft


def _pattern_text(value: object) -> str:
    if isinstance(value, dict):
        parts = [value.get(k, 0) for k in PATTERN_KEYS]
        if all(isinstance(p, int | float) and not isinstance(p, bool) for p in parts):
            return BreathPattern(*(float(p) for p in parts)).label()
        return "-".join(number_text(p) for p in parts)
    return number_text(value) if value is not None else ""


@dataclass
class RoutineDraft:
    name: str = ""
    description: str = ""
    tags: str = ""
    """Comma-separated."""
    equipment: str = ""
    prepare: str = ""
    """Empty means: the prepare time from the settings."""
    rest_between: str = ""
    rounds: str = ""
    steps: list[StepDraft] = field(default_factory=list)
    kept: dict[str, Any] = field(default_factory=dict)
    """Keys the form has no field for (`sound`), written back as they came."""

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": 1, "name": self.name}
        if self.description.strip():
            data["description"] = self.description.strip()
        for key in ("tags", "equipment"):
            items = split_list(getattr(self, key), ",")
            if items:
                data[key] = items
        for key in ("prepare", "rest_between", "rounds"):
            text = getattr(self, key)
            if text.strip():
                data[key] = parse_value(text)
        data.update(self.kept)
        data["steps"] = [step.to_data() for step in self.steps]
        return data

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> RoutineDraft:
        def listed(key: str) -> str:
            value = data.get(key, [])
            return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)

        steps = data.get("steps", [])
        return cls(
            name=str(data.get("name", "")),
            description=str(data.get("description", "")),
            tags=listed("tags"),
            equipment=listed("equipment"),
            prepare=number_text(data["prepare"]) if "prepare" in data else "",
            rest_between=number_text(data["rest_between"]) if "rest_between" in data else "",
            rounds=number_text(data["rounds"]) if "rounds" in data else "",
            steps=[StepDraft.from_data(s) for s in steps if isinstance(s, dict)],
            kept={key: data[key] for key in ROUTINE_KEPT if key in data},
        )

    @classmethod
    def from_routine(cls, routine: Routine) -> RoutineDraft:
        return cls.from_data(routine_to_data(routine))

    def check(self, path: str) -> Checked:
        try:
            return Checked(routine_from_data(self.to_data(), path), ())
        except RoutineError as error:
            return Checked(None, error.problems)


@dataclass(frozen=True)
class Checked:
    """The result of checking a draft: a routine, or the problems, never both."""

    routine: Routine | None
    problems: tuple[Problem, ...]

    def for_field(self, step: int | None, key: str) -> list[str]:
        """Messages for one field; `step` is 1-based like the messages, None for the routine."""
        return [p.message for p in self.problems if p.step == step and field_of(p) == key]

    def steps_with_problems(self) -> set[int]:
        return {p.step for p in self.problems if p.step is not None}


LENGTH_KEYS = ("cycles", "minutes")
"""File keys the form shows as one field, the breathing step's length."""


def field_of(problem: Problem) -> str:
    """The form field a loader problem belongs to, from the file key it is about."""
    key = problem.key
    if problem.step is None:
        return key if key in ROUTINE_FIELDS or key == "steps" else GENERAL
    if key in LENGTH_KEYS:
        return "length"
    if key in STEP_FIELDS or any(key in keys for keys in SHAPE_FIELDS.values()):
        return key
    return GENERAL
