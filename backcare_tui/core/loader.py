"""Routine files to the model, with every problem a file has, each in one line."""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .breathing import PRESETS, BreathPattern, PatternError, make_pattern, parse_pattern
from .cue_fields import read_cues, read_sound
from .durations import MAX_PHASE_SECONDS, DurationError, parse_duration
from .errors import Problem, RoutineError
from .limits import LIMITS, MAX_MINUTES
from .model import (
    DEFAULT_SWITCH_SECONDS,
    FORMAT_VERSION,
    PROGRESS_EVERY,
    Action,
    Breathing,
    Held,
    Increase,
    Progress,
    Rest,
    Routine,
    Step,
    Timed,
)
from .spelling import closest
from .text import clean_line, clean_text

MAX_FILE_BYTES = 1024 * 1024
MAX_STEPS = 200
MAX_NAME_LENGTH = 100
MAX_PHASES = 50_000

TOP_KEYS = (
    "format",
    "name",
    "description",
    "tags",
    "equipment",
    "prepare",
    "rest_between",
    "rounds",
    "sound",
    "steps",
)
COMMON_STEP_KEYS = ("name", "instructions", "cues", "progress", "say")
SHAPE_KEYS: dict[str, tuple[str, ...]] = {
    "timed": ("duration",),
    "held": ("hold", "reps", "rest", "sets", "set_rest", "sides", "switch"),
    "rest": ("rest",),
    "breathing": ("breathing", "cycles", "minutes", "inhale_cue", "exhale_cue"),
}
MARKERS = {"duration": "timed", "hold": "held", "breathing": "breathing"}
ALL_STEP_KEYS = tuple(dict.fromkeys(COMMON_STEP_KEYS + sum(SHAPE_KEYS.values(), ())))
PATTERN_KEYS = ("inhale", "hold", "exhale", "hold_out")
PROGRESS_VALUES: dict[str, tuple[str, ...]] = {
    "timed": ("duration",),
    "held": ("hold", "reps", "sets"),
    "rest": (),
    "breathing": ("cycles",),
}
"""The values each shape of step may progress."""
PROGRESS_KEYS = tuple(
    [key for keys in PROGRESS_VALUES.values() for key in keys]
    + [f"{key}_max" for keys in PROGRESS_VALUES.values() for key in keys]
    + ["every"]
)
MAX_EVERY = 100
SIDES = ("both", "left", "right")

_TOML_PLACE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def load_routine(path: Path | str) -> Routine:
    """Read and check one routine file; raises RoutineError listing every problem."""
    path = Path(path)
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RoutineError(
                shown,
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
            shown, [Problem(shown, f"cannot read file: {error.strerror or error}")]
        ) from None
    return parse_routine_bytes(data, shown)


def parse_routine_bytes(data: bytes, path: str) -> Routine:
    if len(data) > MAX_FILE_BYTES:
        raise RoutineError(
            path, [Problem(path, "file is over 1 MiB; routine files may be at most 1 MiB")]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise RoutineError(
            path,
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
        raise RoutineError(path, [_syntax_problem(str(error), text, path)]) from None
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
    checker = _Checker(path)
    routine = checker.routine(data)
    if checker.problems or routine is None:
        raise RoutineError(path, checker.problems)
    return routine


def suggest(
    word: str, choices: tuple[str, ...] | list[str], preferred: tuple[str, ...] = ()
) -> str:
    """ "; did you mean "x"?" when a close match exists, else ""."""
    close = closest(word, choices, preferred)
    return f'; did you mean "{close}"?' if close else ""


def _keys_of_shape(table: Mapping[str, Any]) -> tuple[str, ...]:
    """The keys valid in the shape a step's markers point to, to break ties between
    suggestions ("rset" in a held step is "rest" before "sets")."""
    shapes = [MARKERS[key] for key in MARKERS if key in table] or (
        ["rest"] if "rest" in table else []
    )
    return COMMON_STEP_KEYS + SHAPE_KEYS[shapes[0]] if len(shapes) == 1 else ()


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return f'"{clean_line(value)[:60]}"'
    if isinstance(value, int | float):
        return str(value)
    return _type_name(value)


def _type_name(value: object) -> str:
    names = {
        dict: "a table",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
    }
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return type(value).__name__


class _Checker:
    """Collects problems instead of stopping at the first, so one run shows them all."""

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

    # -- fields ---------------------------------------------------------------

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
            self.problem(f"{key} must be a string, got {_show(value)}", key=key)
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
                f'{key} must be an array of strings like ["a", "b"], got {_show(value)}', key=key
            )
            return ()
        out: list[str] = []
        for item in value:
            if not isinstance(item, str):
                self.problem(f"{key} must contain only strings, got {_show(item)}", key=key)
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
                    f"{key} must be a positive number of seconds, got {_show(value)}", key=key
                )
            else:
                self.problem(f"{key} {_duration_message(error)}", key=key)
            return default
        if positive and seconds <= 0:
            self.problem(f"{key} must be a positive number of seconds, got {_show(value)}", key=key)
            return default
        if seconds > MAX_PHASE_SECONDS:
            self.problem(f"{key} must be at most 1 hour (3600 s), got {_show(value)}", key=key)
            return default
        return seconds

    def count(self, table: Mapping[str, Any], key: str, default: int = 1) -> int:
        if key not in table:
            return default
        value = table[key]
        limit = LIMITS[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(
                f"{key} must be a whole number from 1 to {limit}, got {_show(value)}", key=key
            )
            return default
        if not 1 <= value <= limit:
            self.problem(f"{key} must be a whole number from 1 to {limit}, got {value}", key=key)
            return default
        return value

    # -- the routine ----------------------------------------------------------

    def routine(self, data: Mapping[str, Any]) -> Routine | None:
        version = data.get("format", FORMAT_VERSION)
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            self.problem(f"format must be {FORMAT_VERSION}, got {_show(version)}", key="format")
            return None
        if version > FORMAT_VERSION:
            self.problem(
                f"format {version} is newer than this backcare understands "
                f"(format {FORMAT_VERSION}); update backcare to use this file",
                key="format",
            )
            return None
        self.unknown_keys(data, TOP_KEYS, "at the top level")
        name = self.text(data, "name", required=True)
        description = self.text(data, "description", multiline=True)
        tags = self.strings(data, "tags")
        equipment = self.strings(data, "equipment")
        prepare = self.seconds(data, "prepare") if "prepare" in data else None
        rest_between = self.seconds(data, "rest_between")
        rounds = self.count(data, "rounds")
        sound = read_sound(data["sound"], self.reporter("sound")) if "sound" in data else None
        steps = self.steps(data.get("steps"))
        if self.problems or not steps:
            return None
        routine = Routine(
            name=name,
            steps=steps,
            description=description,
            tags=tags,
            equipment=equipment,
            prepare=prepare,
            rest_between=rest_between,
            rounds=rounds,
            format=version,
            sound=sound,
        )
        phases = count_phases(routine)
        if phases > MAX_PHASES:
            self.problem(
                f"the routine expands to {phases:,} phases; at most {MAX_PHASES:,} are allowed",
                key="",
            )
            return None
        from .progression import at_top

        phases = count_phases(at_top(routine))
        if phases > MAX_PHASES:
            self.problem(
                f"at the top of its progression the routine expands to {phases:,} phases; "
                f"at most {MAX_PHASES:,} are allowed (lower a _max)",
                key="",
            )
            return None
        return routine

    def steps(self, value: object) -> tuple[Step, ...]:
        if value is None:
            self.problem('no steps: add at least one [[steps]] table with a "name"', key="steps")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem(
                f"steps must be an array of tables ([[steps]]), got {_show(value)}", key="steps"
            )
            return ()
        if not value:
            self.problem('no steps: add at least one [[steps]] table with a "name"', key="steps")
            return ()
        if len(value) > MAX_STEPS:
            self.problem(f"at most {MAX_STEPS} steps are allowed, got {len(value)}", key="steps")
            return ()
        steps: list[Step] = []
        for number, table in enumerate(value, start=1):
            raw_name = table.get("name")
            self.step = number
            self.step_name = (
                clean_line(raw_name).strip()[:MAX_NAME_LENGTH]
                if isinstance(raw_name, str)
                else None
            )
            step = self.one_step(table)
            if step is not None:
                steps.append(step)
        self.step = self.step_name = None
        return tuple(steps)

    def one_step(self, table: Mapping[str, Any]) -> Step | None:
        before = len(self.problems)
        meant = self.unknown_keys(table, ALL_STEP_KEYS, "in a step", _keys_of_shape(table))
        name = self.text(table, "name", required=True)
        instructions = self.text(table, "instructions", multiline=True)
        cues, cue_at = read_cues(table.get("cues", []), self.reporter("cues"))
        say = self.text(table, "say")
        shape = self.shape_of(table, quiet=bool(meant & {*MARKERS, "rest"}))
        if shape is None:
            return None
        allowed = COMMON_STEP_KEYS + SHAPE_KEYS[shape]
        for key in table:
            if key in ALL_STEP_KEYS and key not in allowed:
                owner = next(s for s, keys in SHAPE_KEYS.items() if key in keys)
                self.problem(f'"{key}" belongs to {owner} steps, not to a {shape} step', key=key)
        action = self.action(shape, table)
        progress = self.progress(table["progress"], shape, action) if "progress" in table else None
        if action is None or len(self.problems) > before:
            return None
        return Step(
            name=name,
            action=action,
            instructions=instructions,
            cues=cues,
            progress=progress,
            cue_at=cue_at,
            say=say,
        )

    # -- progression ------------------------------------------------------------

    def progress(self, value: object, shape: str, action: Action | None) -> Progress | None:
        if not isinstance(value, dict):
            self.problem(
                'progress must be a table like { hold = "+5s", hold_max = "45s", every = 3 }, '
                f"got {_show(value)}",
                key="progress",
            )
            return None
        before = len(self.problems)
        meant = self.unknown_keys(value, PROGRESS_KEYS, "in progress", owner="progress")
        allowed = PROGRESS_VALUES[shape]
        increases: list[Increase] = []
        for key in PROGRESS_VALUES["timed"] + PROGRESS_VALUES["held"] + ("cycles",):
            limit_key = f"{key}_max"
            if key not in value and limit_key not in value:
                continue
            if key not in allowed:
                owners = [s for s, keys in PROGRESS_VALUES.items() if key in keys]
                self.problem(
                    f'progress "{key}" belongs to {owners[0]} steps, not to a {shape} step',
                    key="progress",
                )
                continue
            if key == "cycles" and isinstance(action, Breathing) and action.cycles is None:
                self.problem(
                    'progress "cycles" needs a step counted in "cycles", not "minutes"',
                    key="progress",
                )
                continue
            if key not in value:
                if key not in meant:
                    self.problem(
                        f'progress has "{limit_key}" but not "{key}", the step up', key="progress"
                    )
                continue
            if limit_key not in value:
                self.problem(
                    f'progress "{key}" needs "{limit_key}", the most it may grow to', key="progress"
                )
                continue
            increase = self.increase(key, value[key], value[limit_key], action)
            if increase is not None:
                increases.append(increase)
        every = value.get("every", PROGRESS_EVERY)
        if isinstance(every, bool) or not isinstance(every, int) or not 1 <= every <= MAX_EVERY:
            self.problem(
                f"progress every must be a whole number of sessions from 1 to {MAX_EVERY}, "
                f"got {_show(every)}",
                key="progress",
            )
        if len(self.problems) > before:
            return None
        if not increases:
            names = ", ".join(f'"{key}"' for key in allowed) or "nothing"
            self.problem(
                f"progress needs a value to grow: for a {shape} step, {names}"
                if allowed
                else "progress has nothing to grow on a rest step",
                key="progress",
            )
            return None
        return Progress(tuple(increases), every)

    def increase(
        self, key: str, by: object, maximum: object, action: Action | None
    ) -> Increase | None:
        start = getattr(action, key, None) if action is not None else None
        if key in ("hold", "duration"):
            step = _step_seconds(by)
            if step is None or step <= 0 or step > MAX_PHASE_SECONDS:
                self.problem(
                    f'progress {key} must be a positive length like "+5s", got {_show(by)}',
                    key="progress",
                )
                return None
            try:
                top = parse_duration(maximum)
            except DurationError as error:
                self.problem(f"progress {key}_max {_duration_message(error)}", key="progress")
                return None
            if top > MAX_PHASE_SECONDS:
                self.problem(
                    f"progress {key}_max must be at most 1 hour (3600 s), got {_show(maximum)}",
                    key="progress",
                )
                return None
            shown_top, shown_start = f"{_show(top)} s", f"{_show(start)} s"
        else:
            limit = LIMITS[key]
            if isinstance(by, bool) or not isinstance(by, int) or not 1 <= by <= limit:
                self.problem(
                    f"progress {key} must be a whole number from 1 to {limit}, got {_show(by)}",
                    key="progress",
                )
                return None
            if isinstance(maximum, bool) or not isinstance(maximum, int):
                self.problem(
                    f"progress {key}_max must be a whole number up to {limit}, "
                    f"got {_show(maximum)}",
                    key="progress",
                )
                return None
            if maximum > limit:
                self.problem(
                    f"progress {key}_max must be at most {limit}, got {maximum}", key="progress"
                )
                return None
            step, top = float(by), float(maximum)
            shown_top, shown_start = str(maximum), _show(start)
        if isinstance(start, int | float) and top < start:
            self.problem(
                f"progress {key}_max ({shown_top}) is below the step's {key} ({shown_start}); "
                "it is the most the value may grow to",
                key="progress",
            )
            return None
        return Increase(key, step, top)

    def shape_of(self, table: Mapping[str, Any], *, quiet: bool = False) -> str | None:
        markers = [key for key in MARKERS if key in table]
        if len(markers) > 1:
            both = " and ".join(f'"{m}"' for m in markers)
            self.problem(
                f"has {both}; a step is one of timed (duration), held (hold), "
                "breathing (breathing) or rest (rest only)",
                key="",
            )
            return None
        if markers:
            return MARKERS[markers[0]]
        if "rest" in table:
            return "rest"
        if not quiet:
            self.problem(
                'needs one of "duration" (timed), "hold" (held), "breathing" or "rest"', key=""
            )
        return None

    def action(self, shape: str, table: Mapping[str, Any]) -> Action | None:
        if shape == "timed":
            return Timed(self.seconds(table, "duration", positive=True))
        if shape == "rest":
            return Rest(self.seconds(table, "rest"))
        if shape == "held":
            return self.held(table)
        return self.breathing(table)

    def held(self, table: Mapping[str, Any]) -> Held | None:
        sides = table.get("sides")
        if sides is not None and sides not in SIDES:
            hint = suggest(sides, SIDES) if isinstance(sides, str) else ""
            self.problem(
                f'sides must be "both", "left" or "right", got {_show(sides)}{hint}', key="sides"
            )
            sides = None
        return Held(
            hold=self.seconds(table, "hold", positive=True),
            reps=self.count(table, "reps"),
            rest=self.seconds(table, "rest"),
            sets=self.count(table, "sets"),
            set_rest=self.seconds(table, "set_rest"),
            sides=sides,
            switch=self.seconds(table, "switch", DEFAULT_SWITCH_SECONDS),
        )

    def breathing(self, table: Mapping[str, Any]) -> Breathing | None:
        value = table["breathing"]
        preset: str | None = None
        pattern: BreathPattern | None = None
        if isinstance(value, str):
            key = value.strip().lower()
            if key in PRESETS:
                preset = key
                pattern = PRESETS[key].pattern
            elif re.fullmatch(r"[a-z][a-z0-9_ -]*", key):
                names = ", ".join(PRESETS)
                self.problem(
                    f"unknown breathing preset {_show(value)}{suggest(key, list(PRESETS))} "
                    f'(presets: {names}; or a pattern like "4-7-8")',
                    key="breathing",
                )
            else:
                try:
                    pattern = parse_pattern(value)
                except PatternError as error:
                    self.problem(f"breathing: {error}", key="breathing")
        elif isinstance(value, dict):
            pattern = self.pattern_table(value)
        else:
            self.problem(
                'breathing must be a preset name, a pattern like "4-7-8" or a table '
                f"{{ inhale = 4, exhale = 6 }}, got {_show(value)}",
                key="breathing",
            )
        cycles: int | None = None
        minutes: float | None = None
        if "cycles" in table and "minutes" in table:
            self.problem('give either "cycles" or "minutes", not both', key="cycles")
        elif "cycles" in table:
            cycles = self.count(table, "cycles")
        elif "minutes" in table:
            minutes = self.minutes(table["minutes"])
        else:
            self.problem(
                'a breathing step needs "cycles" (whole breaths) or "minutes"', key="cycles"
            )
        inhale_cue = self.text(table, "inhale_cue")
        exhale_cue = self.text(table, "exhale_cue")
        if pattern is None or (cycles is None and minutes is None):
            return None
        return Breathing(pattern, preset, cycles, minutes, inhale_cue, exhale_cue)

    def minutes(self, value: object) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            self.problem(f"minutes must be a number of minutes, got {_show(value)}", key="minutes")
            return None
        if not 0 < value <= MAX_MINUTES:
            self.problem(
                f"minutes must be more than 0 and at most {MAX_MINUTES}, got {_show(value)}",
                key="minutes",
            )
            return None
        return float(value)

    def pattern_table(self, table: Mapping[str, Any]) -> BreathPattern | None:
        before = len(self.problems)
        meant = self.unknown_keys(table, PATTERN_KEYS, "in the breathing table", owner="breathing")
        parts = {}
        for key in PATTERN_KEYS:
            required = key in ("inhale", "exhale")
            if required and key not in table:
                if key not in meant:
                    self.problem(f'the breathing table needs "{key}" (seconds)', key="breathing")
                continue
            parts[key] = self.seconds(table, key, positive=required)
        if len(self.problems) > before:
            return None
        try:
            return make_pattern(parts["inhale"], parts["hold"], parts["exhale"], parts["hold_out"])
        except PatternError as error:
            self.problem(f"breathing: {error}", key="breathing")
            return None


def _step_seconds(value: object) -> float | None:
    """A step up in seconds: 5, "+5s", "+1m"; None when it is not one."""
    if isinstance(value, str):
        value = value.strip().removeprefix("+")
    try:
        return parse_duration(value)
    except DurationError:
        return None


def _duration_message(error: DurationError) -> str:
    message = str(error)
    if message.startswith("must"):
        return message
    return "must be " + message.removeprefix("expected ")


def count_phases(routine: Routine) -> int:
    """An upper bound on the phases a routine expands to, to refuse runaway files early."""
    per_round = 0
    for step in routine.steps:
        action = step.action
        if isinstance(action, Held):
            sides = len(action.side_order())
            per_side = 2 * action.reps - 1
            per_round += action.sets * (sides * per_side + (sides - 1)) + (action.sets - 1)
        elif isinstance(action, Breathing):
            per_round += 4 * action.total_cycles
        else:
            per_round += 1
        per_round += 1
    return per_round * routine.rounds + 1
