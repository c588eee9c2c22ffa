"""Fuzzing the loader: whatever a file holds, the only failure is a RoutineError.

Two kinds of input. Arbitrary bytes and text, to shake the decoding and the
TOML syntax errors; and near-valid routines: a well-formed routine, built
from the format's own keys, with one thing wrong (a key removed, misspelt,
added, retyped, set to an extreme, or one character of the file changed),
to reach every check of meaning. Every problem must be one line that starts
with the file's path.

The default run is quick and repeatable (derandomized, about 200 examples
per test); `make test-slow` runs at least 10,000 random cases of each kind.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcare_tui.core.errors import RoutineError
from backcare_tui.core.loader import parse_routine_bytes, parse_routine_text
from backcare_tui.core.model import Routine
from backcare_tui.core.routine_keys import ALL_STEP_KEYS, PATTERN_KEYS, TOP_KEYS
from backcare_tui.core.text import clean_line

PATH = "fuzz/routine.toml"
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")

FAST = settings(
    max_examples=200,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SLOW = settings(
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check_outcome(parse: Any, data: Any) -> Routine | None:
    """Parse; a RoutineError is fine when each problem is one line naming the file."""
    try:
        routine = parse(data, PATH)
    except RoutineError as error:
        assert error.problems, "a RoutineError must say what is wrong"
        for problem in error.problems:
            line = str(problem)
            assert line.startswith(PATH), line
            assert "\n" not in line and "\r" not in line, line
            assert not CONTROL.search(line), repr(line)
        assert str(error).count("\n") == len(error.problems) - 1
        return None
    assert isinstance(routine, Routine)
    return routine


# -- arbitrary input --------------------------------------------------------------

TOML_BITS = st.sampled_from(
    [
        "\n",
        " = ",
        "[[steps]]\n",
        "[steps]\n",
        "[",
        "]",
        '"',
        "'''",
        '"""',
        "{",
        "}",
        ",",
        "#",
        "\\",
        "\\u",
        "name",
        "hold",
        "breathing",
        "1e999",
        "nan",
        "-inf",
        "0x",
        "1979-05-27T07:32:00Z",
        "\x1b[2J",
        "\x00",
        "\ufeff",
        "\r\n",
        "é",
    ]
)
TOMLISH = st.lists(st.one_of(TOML_BITS, st.text(max_size=5)), max_size=40).map("".join)


def _arbitrary_bytes(data: bytes) -> None:
    check_outcome(parse_routine_bytes, data)


def _arbitrary_text(text: str) -> None:
    check_outcome(parse_routine_text, text)


@FAST
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    _arbitrary_bytes(data)


@FAST
@given(st.one_of(st.text(max_size=400), TOMLISH))
def test_arbitrary_text(text: str) -> None:
    _arbitrary_text(text)


# -- near-valid routines ----------------------------------------------------------

NAMES = st.text(st.characters(codec="utf-8"), min_size=1, max_size=30).filter(
    lambda s: clean_line(s).strip() != ""
)
SECONDS = st.one_of(
    st.integers(1, 600),
    st.floats(0.5, 600, allow_nan=False),
    st.sampled_from(["30s", "1m", "1m30s", "2m 5s", "0.5m"]),
)
SHORT_TEXT = st.text(max_size=60)
CUES = st.lists(NAMES, max_size=3)


def _with_common(shape: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"name": NAMES, **shape},
        optional={"instructions": SHORT_TEXT, "cues": CUES},
    )


TIMED = _with_common({"duration": SECONDS})
REST = _with_common({"rest": SECONDS})
HELD = st.fixed_dictionaries(
    {"name": NAMES, "hold": SECONDS},
    optional={
        "reps": st.integers(1, 10),
        "rest": SECONDS,
        "sets": st.integers(1, 5),
        "set_rest": SECONDS,
        "sides": st.sampled_from(["both", "left", "right"]),
        "switch": SECONDS,
        "instructions": SHORT_TEXT,
        "cues": CUES,
    },
)
PATTERN = st.one_of(
    st.sampled_from(["diaphragmatic", "box", "4-7-8", "coherent", "4-6", "5.5-5.5", "4-4-4-4"]),
    st.fixed_dictionaries(
        {"inhale": st.integers(1, 10), "exhale": st.integers(1, 12)},
        optional={"hold": st.integers(0, 10), "hold_out": st.integers(0, 10)},
    ),
)
BREATHING = st.one_of(
    _with_common({"breathing": PATTERN, "cycles": st.integers(1, 20)}),
    _with_common({"breathing": PATTERN, "minutes": st.integers(1, 10)}),
)
STEP = st.one_of(TIMED, REST, HELD, BREATHING)
ROUTINE = st.fixed_dictionaries(
    {"format": st.just(1), "name": NAMES, "steps": st.lists(STEP, min_size=1, max_size=5)},
    optional={
        "description": SHORT_TEXT,
        "tags": st.lists(NAMES, max_size=3),
        "equipment": st.lists(NAMES, max_size=2),
        "prepare": SECONDS,
        "rest_between": SECONDS,
        "rounds": st.integers(1, 3),
    },
)

ODD_VALUES = st.one_of(
    st.none(),  # stands for "remove the key"
    st.booleans(),
    st.integers(),
    st.sampled_from([0, -1, 2**63 - 1, -(2**63), 10**6, 3601, 501, 201]),
    st.floats(),
    st.sampled_from([0.0, -0.0, 1e-300, 1e300, math.inf, -math.inf, math.nan]),
    st.text(max_size=20),
    st.sampled_from(["", " ", "-1m", "1h1h", "1e9s", "4-7-8-9-1", "4--8", "0-0", "both "]),
    st.lists(st.integers(), max_size=3),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.datetimes(),
    st.dates(),
    st.times(),
)
KNOWN_KEYS = sorted(set(TOP_KEYS) | set(ALL_STEP_KEYS) | set(PATTERN_KEYS))


@st.composite
def misspelt(draw: st.DrawFn, key: str) -> str:
    how = draw(st.sampled_from(["drop", "double", "swap", "case", "other"]))
    at = draw(st.integers(0, max(0, len(key) - 2)))
    if how == "drop":
        return key[:at] + key[at + 1 :]
    if how == "double":
        return key[:at] + key[at] + key[at:]
    if how == "swap" and len(key) > 1:
        return key[:at] + key[at + 1] + key[at] + key[at + 2 :]
    if how == "case":
        return key.upper()
    return draw(st.sampled_from(KNOWN_KEYS))


def _tables(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The routine, each step, each breathing table: the places a mutation can land."""
    found = [data]
    steps = data.get("steps")
    for step in steps if isinstance(steps, list) else []:
        if not isinstance(step, dict):
            continue
        found.append(step)
        if isinstance(step.get("breathing"), dict):
            found.append(step["breathing"])
    return found


@st.composite
def near_valid(draw: st.DrawFn) -> str:
    data = draw(ROUTINE)
    for _ in range(draw(st.integers(1, 2))):
        table = draw(st.sampled_from(_tables(data)))
        key = draw(st.sampled_from(sorted(table) or ["name"]))
        how = draw(st.sampled_from(["remove", "retype", "misspell", "add", "steps"]))
        if how == "remove":
            table.pop(key, None)
        elif how == "retype":
            value = draw(ODD_VALUES)
            if value is None:
                table.pop(key, None)
            else:
                table[key] = value
        elif how == "misspell":
            value = table.pop(key, None)
            table[draw(misspelt(key))] = value if value is not None else 1
        elif how == "add":
            extra = draw(st.one_of(st.sampled_from(KNOWN_KEYS), st.text(min_size=1, max_size=8)))
            table[extra] = draw(ODD_VALUES.filter(lambda v: v is not None))
        else:
            data["steps"] = draw(
                st.one_of(
                    st.just([]),
                    st.lists(STEP, min_size=201, max_size=201),
                    ODD_VALUES.filter(lambda v: v is not None),
                    st.lists(st.one_of(STEP, ODD_VALUES.filter(lambda v: v is not None))),
                )
            )
    text = tomli_w.dumps(data)
    if draw(st.booleans()):
        # One character of the file changed: near-valid syntax as well as meaning.
        at = draw(st.integers(0, max(0, len(text) - 1)))
        text = (
            text[:at]
            + draw(st.sampled_from(["", '"', "[", "=", "\n", "\\", "#", "x"]))
            + text[at + 1 :]
        )
    return text


def _near_valid(text: str) -> None:
    check_outcome(parse_routine_text, text)
    check_outcome(parse_routine_bytes, text.encode("utf-8", "surrogatepass"))


@FAST
@given(near_valid())
def test_near_valid_routines(text: str) -> None:
    _near_valid(text)


@FAST
@given(ROUTINE)
def test_valid_routines_load(data: dict[str, Any]) -> None:
    """The generator itself makes good files, so the mutations start from valid ground."""
    routine = check_outcome(parse_routine_text, tomli_w.dumps(data))
    if routine is None:  # only the limits (phase count) may refuse a generated routine
        with pytest.raises(RoutineError, match="phases"):
            parse_routine_text(tomli_w.dumps(data), PATH)


def test_datetime_values_are_reported_plainly() -> None:
    """TOML has date and time values; the checker names them instead of crashing."""
    text = tomli_w.dumps(
        {"name": dt.datetime(2024, 1, 1, 7, 30), "steps": [{"name": "a", "hold": dt.time(1, 2)}]}
    )
    with pytest.raises(RoutineError) as caught:
        parse_routine_text(text, PATH)
    assert all(str(p).startswith(PATH) for p in caught.value.problems)


# -- the long runs ----------------------------------------------------------------


@pytest.mark.slow
@SLOW
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_long(data: bytes) -> None:
    _arbitrary_bytes(data)


@pytest.mark.slow
@SLOW
@given(st.one_of(st.text(max_size=2000), TOMLISH))
def test_arbitrary_text_long(text: str) -> None:
    _arbitrary_text(text)


@pytest.mark.slow
@SLOW
@given(near_valid())
def test_near_valid_routines_long(text: str) -> None:
    _near_valid(text)
