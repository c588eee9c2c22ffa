"""Each broken fixture file gives exactly the messages a person needs, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcare_tui.core.errors import RoutineError
from backcare_tui.core.loader import load_routine

BROKEN = Path(__file__).parent / "data" / "broken"

EXPECTED: dict[str, list[str]] = {
    "bad-duration-string.toml": [
        'step 1 "Walk": duration must be a duration like "90s", "2m" or "1m30s", got "five minutes"'
    ],
    "bad-sound-switch.toml": [
        'unknown sound switch "countdwn"; did you mean "countdown"?',
        'sound.halfway must be true or false, got "no"',
    ],
    "bad-timed-cue.toml": [
        'step 1 "Hip circles": cues item 2: at must be a percentage from 0% to under 100%, '
        'got "150%"',
        'step 1 "Hip circles": cues item 3: at must be a percentage like "50%" or seconds '
        'like 20 or "20s", got "soon"',
        'step 1 "Hip circles": cues must not contain empty strings',
        'step 1 "Hip circles": cues item 5: "text" is required: a short text',
        'step 1 "Hip circles": cues item 6 must be a string or a table { at, text }, got 7',
        'step 1 "Hip circles": say must be a string, got 3',
    ],
    "bad-pattern.toml": ['step 1 "Breathe": breathing: exhale must be longer than 0 s, got 0'],
    "bad-sides.toml": [
        'step 1 "Side plank": sides must be "both", "left" or "right", got "bothh"; '
        'did you mean "both"?'
    ],
    "breathing-bad-table.toml": [
        'step 1 "Breathe": unknown key "exhail" in the breathing table; did you mean "exhale"?'
    ],
    "breathing-no-length.toml": [
        'step 1 "Breathe": a breathing step needs "cycles" (whole breaths) or "minutes"'
    ],
    "conflicting-shapes.toml": [
        'step 1 "Plank": has "duration" and "hold"; a step is one of timed (duration), '
        "held (hold), breathing (breathing) or rest (rest only)"
    ],
    "empty-name.toml": ["name must not be empty", "step 1: name must not be empty"],
    "inf-duration.toml": ['step 1 "Walk": duration must be a finite number of seconds, got inf'],
    "missing-name.toml": ['"name" is required: a short text'],
    "misspelt-key.toml": ['step 1 "Plank": unknown key "hodl" in a step; did you mean "hold"?'],
    "misspelt-top-key.toml": [
        'unknown key "descriptoin" at the top level; did you mean "description"?'
    ],
    "nan-rest.toml": ["rest_between must be a finite number of seconds, got nan"],
    "negative-hold.toml": ['step 3 "Plank": hold must be a positive number of seconds, got -5'],
    "newer-format.toml": [
        "format 2 is newer than this backcare understands (format 1); "
        "update backcare to use this file"
    ],
    "no-shape.toml": [
        'step 1 "Something": needs one of "duration" (timed), "hold" (held), "breathing" or "rest"'
    ],
    "no-steps.toml": ['no steps: add at least one [[steps]] table with a "name"'],
    "not-toml.toml": [":1:1: Invalid statement"],
    "not-utf8.toml": [":1:12: not UTF-8 text (byte 0xe9); save the file as UTF-8"],
    "phase-too-long.toml": ['step 1 "Stand": duration must be at most 1 hour (3600 s), got "2h"'],
    "several-problems.toml": [
        "rounds must be a whole number from 1 to 50, got 0",
        'step 1 "A": duration must be a positive number of seconds, got -1',
        'step 2 "B": sets must be a whole number from 1 to 50, got 1.5',
    ],
    "steps-not-tables.toml": ["steps must be an array of tables ([[steps]]), got an array"],
    "syntax-missing-equals.toml": [":3:9: Expected '=' after a key in a key/value pair"],
    "syntax-unclosed-string.toml": [":1:12: Illegal character '\\n'"],
    "too-many-reps.toml": ['step 1 "Squeeze": reps must be a whole number from 1 to 100, got 1000'],
    "unknown-preset.toml": [
        'step 1 "Breathe": unknown breathing preset "boxx"; did you mean "box"? '
        "(presets: diaphragmatic, box, 4-7-8, coherent, extended-exhale; "
        'or a pattern like "4-7-8")'
    ],
    "wrong-shape-key.toml": ['step 1 "Walk": "reps" belongs to held steps, not to a timed step'],
    "wrong-type.toml": [
        'tags must be an array of strings like ["a", "b"], got "core"',
        'step 1 "Plank": hold must be a number of seconds or a string like "1m30s", got true',
    ],
}


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(p.name for p in BROKEN.glob("*.toml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_message(name: str) -> None:
    path = BROKEN / name
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    lines = str(caught.value).splitlines()
    expected = [
        f"{path}{text}" if text.startswith(":") else f"{path}: {text}" for text in EXPECTED[name]
    ]
    assert lines == expected
