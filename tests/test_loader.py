from __future__ import annotations

from pathlib import Path

import pytest

from backcare_tui.core.breathing import BreathPattern
from backcare_tui.core.errors import RoutineError
from backcare_tui.core.loader import load_routine, parse_routine_text
from backcare_tui.core.model import Breathing, Held, Rest, Timed

FULL = """
format = 1
name = "Everything"
description = "All shapes"
tags = ["a", "b"]
equipment = ["mat"]
prepare = "10s"
rest_between = 5
rounds = 2

[[steps]]
name = "Circles"
instructions = "Arms out."
cues = ["Slow"]
duration = "1m"

[[steps]]
name = "Side plank"
hold = 20
reps = 3
rest = 5
sets = 2
set_rest = "30s"
sides = "both"
switch = 4

[[steps]]
name = "Pause"
rest = 15

[[steps]]
name = "Cat-Cow"
breathing = { inhale = 4, exhale = 4 }
cycles = 6
inhale_cue = "Cow"
exhale_cue = "Cat"

[[steps]]
name = "Box"
breathing = "box"
minutes = 2

[[steps]]
name = "Custom"
breathing = "4-4-4-4"
cycles = 2
"""


def test_every_shape_loads() -> None:
    routine = parse_routine_text(FULL, "full.toml")
    assert routine.prepare == 10 and routine.rest_between == 5 and routine.rounds == 2
    actions = [step.action for step in routine.steps]
    assert actions[0] == Timed(60)
    assert actions[1] == Held(20, reps=3, rest=5, sets=2, set_rest=30, sides="both", switch=4)
    assert actions[2] == Rest(15)
    assert actions[3] == Breathing(BreathPattern(4, 0, 4, 0), None, 6, None, "Cow", "Cat")
    assert actions[4] == Breathing(BreathPattern(4, 4, 4, 4), "box", None, 2.0)
    assert isinstance(actions[5], Breathing) and actions[5].preset is None
    assert [s.shape for s in routine.steps] == [
        "timed",
        "held",
        "rest",
        "breathing",
        "breathing",
        "breathing",
    ]


def test_format_defaults_to_one_and_prepare_to_unset() -> None:
    routine = parse_routine_text('name = "x"\n[[steps]]\nname = "y"\nduration = 5\n', "x.toml")
    assert routine.format == 1 and routine.prepare is None


def test_escapes_and_controls_are_stripped_from_every_text() -> None:
    text = (
        'name = "Evil\\u001b[31m red\\u0007"\n'
        'description = "line one\\nline two\\u001b]52;c;aGk=\\u0007"\n'
        'tags = ["\\u001b[2Jtag"]\n'
        '[[steps]]\nname = "S\\u009b1m"\nduration = 5\ncues = ["\\u001bc reset"]\n'
        'instructions = "keep\\ttabs\\r\\nand lines"\n'
    )
    routine = parse_routine_text(text, "evil.toml")
    everything = [
        routine.name,
        routine.description,
        *routine.tags,
        routine.steps[0].name,
        *routine.steps[0].cues,
        routine.steps[0].instructions,
    ]
    assert not any(ch in s for s in everything for ch in "\x1b\x07\x9b\r")
    assert routine.name == "Evil[31m red"
    assert routine.description == "line one\nline two]52;c;aGk="
    assert routine.steps[0].instructions == "keep\ttabs\nand lines"


def test_escape_in_an_error_message_is_stripped() -> None:
    with pytest.raises(RoutineError) as caught:
        parse_routine_text('name = "x"\n[[steps]]\nname = "\\u001b[2J"\nhold = "\\u001b]52"\n', "e")
    assert "\x1b" not in str(caught.value)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_text('name = "x"\n' + "#" * (1024 * 1024) + "\n")
    with pytest.raises(RoutineError, match="at most 1 MiB"):
        load_routine(path)


def test_unreadable_file_is_a_routine_error(tmp_path: Path) -> None:
    with pytest.raises(RoutineError, match="cannot read file"):
        load_routine(tmp_path / "missing.toml")


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b'\xef\xbb\xbfname = "x"\n[[steps]]\nname = "y"\nduration = 5\n')
    assert load_routine(path).name == "x"


def test_runaway_expansion_is_refused() -> None:
    steps = "".join(
        f'[[steps]]\nname = "s{i}"\nhold = 1\nreps = 100\nsets = 50\nsides = "both"\n'
        for i in range(3)
    )
    with pytest.raises(RoutineError, match="phases; at most 50,000"):
        parse_routine_text(f'name = "x"\nrounds = 5\n{steps}', "x.toml")
