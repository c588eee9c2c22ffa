"""Files the loader must refuse with the words a person reads, and the edges it must accept.

Each case here once survived a mutation of the loader: with the guard weakened, a step of
length 0 loaded and then vanished from the session, a breathing step took both "cycles"
and "minutes", and rounds slipped past the guard against runaway files.
"""

from __future__ import annotations

import pytest

from backcare_tui.core.errors import RoutineError
from backcare_tui.core.limits import MAX_PHASES, MAX_STEPS
from backcare_tui.core.loader import parse_routine_text
from backcare_tui.core.model import Breathing, Held, Timed
from backcare_tui.core.routine_checks import count_phases


def problems(text: str) -> list[str]:
    with pytest.raises(RoutineError) as raised:
        parse_routine_text(text, "r.toml")
    return [str(p) for p in raised.value.problems]


def one_step(body: str) -> str:
    return f'name = "R"\n[[steps]]\nname = "S"\n{body}\n'


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("duration = 0", "duration must be a positive number of seconds, got 0"),
        ('duration = "0s"', 'duration must be a positive number of seconds, got "0s"'),
        ("duration = 0.0", "duration must be a positive number of seconds, got 0"),
        ("hold = 0", "hold must be a positive number of seconds, got 0"),
        ('hold = "0m"', 'hold must be a positive number of seconds, got "0m"'),
        ("duration = -5", "duration must be a positive number of seconds, got -5"),
        ("hold = -1", "hold must be a positive number of seconds, got -1"),
    ],
)
def test_a_step_of_no_length_is_refused_not_dropped(body: str, message: str) -> None:
    assert problems(one_step(body)) == [f'r.toml: step 1 "S": {message}']


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            'breathing = "box"\ncycles = 3\nminutes = 2',
            'give either "cycles" or "minutes", not both',
        ),
        ('breathing = "box"\nminutes = 0', "minutes must be more than 0 and at most 120, got 0"),
        ('breathing = "box"\nminutes = -1', "minutes must be more than 0 and at most 120, got -1"),
        (
            'breathing = "box"\nminutes = 121',
            "minutes must be more than 0 and at most 120, got 121",
        ),
        ('breathing = "box"\ncycles = 0', "cycles must be a whole number from 1 to 500, got 0"),
        ('breathing = "box"', 'a breathing step needs "cycles" (whole breaths) or "minutes"'),
    ],
)
def test_breathing_length_is_either_cycles_or_some_minutes(body: str, message: str) -> None:
    assert problems(one_step(body)) == [f'r.toml: step 1 "S": {message}']


@pytest.mark.parametrize(
    ("body", "action"),
    [
        ("duration = 0.5", Timed(0.5)),
        ('breathing = "box"\nminutes = 120', None),
        ('breathing = "box"\ncycles = 500', None),
        ("hold = 1\nreps = 100", None),
    ],
)
def test_the_smallest_and_largest_lengths_load(body: str, action: object) -> None:
    routine = parse_routine_text(one_step(body), "r.toml")
    if action is not None:
        assert routine.steps[0].action == action
    step = routine.steps[0].action
    if isinstance(step, Breathing):
        assert (step.cycles, step.minutes) in ((500, None), (None, 120.0))
    if isinstance(step, Held):
        assert step.reps == 100


def held_steps(count: int, reps: int, sets: int) -> str:
    return "".join(
        f'[[steps]]\nname = "s{i}"\nhold = 1\nreps = {reps}\nsets = {sets}\nsides = "both"\n'
        for i in range(count)
    )


def test_rounds_count_towards_the_phase_limit() -> None:
    """One round fits under the limit; the same steps in enough rounds do not."""
    steps = held_steps(count=3, reps=100, sets=20)
    one_round = parse_routine_text(f'name = "x"\n{steps}', "r.toml")
    per_round = count_phases(one_round) - 1
    assert per_round < MAX_PHASES < 50 * per_round
    rounds = MAX_PHASES // per_round + 1
    [message] = problems(f'name = "x"\nrounds = {rounds}\n{steps}')
    assert message == (
        f"r.toml: the routine expands to {per_round * rounds + 1:,} phases; "
        f"at most {MAX_PHASES:,} are allowed"
    )
    fits = parse_routine_text(f'name = "x"\nrounds = {rounds - 1}\n{steps}', "r.toml")
    assert fits.rounds == rounds - 1


def test_count_phases_is_exact_for_each_shape() -> None:
    """The bound counts every phase a step can expand to, per round, plus the preparation."""
    routine = parse_routine_text(
        'name = "x"\nrounds = 2\n'
        '[[steps]]\nname = "a"\nduration = 5\n'
        '[[steps]]\nname = "b"\nhold = 5\nreps = 3\nsets = 2\nsides = "both"\n'
        '[[steps]]\nname = "c"\nbreathing = "box"\ncycles = 2\n',
        "r.toml",
    )
    # per round: timed 1 + 1; held 2 sets x (2 sides x 5 + 1 switch) + 1 set rest + 1;
    # breathing 4 x 2 + 1; times 2 rounds, plus the preparation.
    assert count_phases(routine) == ((1 + 1) + (2 * (2 * 5 + 1) + 1 + 1) + (8 + 1)) * 2 + 1


BREATH = "breathing = {{ {} }}\ncycles = 3"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            BREATH.format("inhale = 4, exale = 6"),
            [('unknown key "exale" in the breathing table; did you mean "exhale"?', "breathing")],
        ),
        (
            BREATH.format("exhale = 6"),
            [('the breathing table needs "inhale" (seconds)', "breathing")],
        ),
        (
            BREATH.format("inhale = 4"),
            [('the breathing table needs "exhale" (seconds)', "breathing")],
        ),
        (
            BREATH.format("hold = 2"),
            [
                ('the breathing table needs "inhale" (seconds)', "breathing"),
                ('the breathing table needs "exhale" (seconds)', "breathing"),
            ],
        ),
        (
            BREATH.format("inhale = 0, exhale = 6"),
            [("inhale must be a positive number of seconds, got 0", "inhale")],
        ),
        (
            BREATH.format("inhale = 4, exhale = -1"),
            [("exhale must be a positive number of seconds, got -1", "exhale")],
        ),
        (
            BREATH.format("inhale = 61, exhale = 6"),
            [("breathing: inhale must be at most 60 s, got 61", "breathing")],
        ),
        (
            "breathing = 5\ncycles = 3",
            [
                (
                    'breathing must be a preset name, a pattern like "4-7-8" or a table '
                    "{ inhale = 4, exhale = 6 }, got 5",
                    "breathing",
                )
            ],
        ),
        (
            'breathing = "box"\ncycles = 3\nminutes = 2',
            [('give either "cycles" or "minutes", not both', "cycles")],
        ),
        (
            "hold = 5\nsides = 2",
            [('sides must be "both", "left" or "right", got 2', "sides")],
        ),
        (
            "rest = 30\nrept = 2",
            [('unknown key "rept" in a step; did you mean "rest"?', "")],
        ),
        (
            "rept = 2",
            [
                ('unknown key "rept" in a step; did you mean "reps"?', ""),
                ('needs one of "duration" (timed), "hold" (held), "breathing" or "rest"', ""),
            ],
        ),
        (
            "rset = 30",
            [('unknown key "rset" in a step; did you mean "rest"?', "")],
        ),
        (
            "duration = 30\nreps = 3",
            [('"reps" belongs to held steps, not to a timed step', "reps")],
        ),
        (
            "duration = 5\nhold = 5",
            [
                (
                    'has "duration" and "hold"; a step is one of timed (duration), held (hold), '
                    "breathing (breathing) or rest (rest only)",
                    "",
                )
            ],
        ),
        (
            'instructions = "Stand tall."',
            [('needs one of "duration" (timed), "hold" (held), "breathing" or "rest"', "")],
        ),
        (
            'breathing = "box"\nminutes = 121',
            [("minutes must be more than 0 and at most 120, got 121", "minutes")],
        ),
        (
            'breathing = "box"\nminutes = "2"',
            [('minutes must be a number of minutes, got "2"', "minutes")],
        ),
        (
            'breathing = "box"\nminutes = nan',
            [("minutes must be a number of minutes, got nan", "minutes")],
        ),
        (
            'breathing = "box"\nminutes = true',
            [("minutes must be a number of minutes, got true", "minutes")],
        ),
        ("hold = 5\nrest = -2", [("rest must not be negative, got -2", "rest")]),
        (
            'hold = 5\nrest = "soon"',
            [('rest must be a duration like "90s", "2m" or "1m30s", got "soon"', "rest")],
        ),
        (
            "hold = 5\nset_rest = [1]",
            [
                (
                    'set_rest must be a number of seconds or a string like "1m30s", got an array',
                    "set_rest",
                )
            ],
        ),
        (
            "duration = 5\ninstructions = { a = 1 }",
            [("instructions must be a string, got a table", "instructions")],
        ),
        (
            "duration = 5\ninstructions = 1979-05-27T07:32:00Z",
            [("instructions must be a string, got a date and time", "instructions")],
        ),
        (
            "duration = 5\ninstructions = 1979-05-27",
            [("instructions must be a string, got a date", "instructions")],
        ),
        ("duration = 5\nsay = 07:32:00", [("say must be a string, got a time of day", "say")]),
        ("hold = 5\nreps = 0", [("reps must be a whole number from 1 to 100, got 0", "reps")]),
    ],
)
def test_step_problems_in_words_on_the_field_marked(
    body: str, expected: list[tuple[str, str]]
) -> None:
    """The words `backcare check` prints, and the key whose field the editor marks."""
    with pytest.raises(RoutineError) as raised:
        parse_routine_text(one_step(body), "r.toml")
    assert [(str(p), p.key) for p in raised.value.problems] == [
        (f'r.toml: step 1 "S": {message}', key) for message, key in expected
    ]


def many_steps(count: int) -> str:
    return "".join(f'[[steps]]\nname = "s{i}"\nduration = 5\n' for i in range(count))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('format = 0\nname = "R"', [("format must be 1, got 0", "format")]),
        ('format = "1"\nname = "R"', [('format must be 1, got "1"', "format")]),
        ('format = true\nname = "R"', [("format must be 1, got true", "format")]),
        (
            'name = "R"\nsteps = 5',
            [("steps must be an array of tables ([[steps]]), got 5", "steps")],
        ),
        (
            'name = "R"\nsteps = []',
            [('no steps: add at least one [[steps]] table with a "name"', "steps")],
        ),
        (
            f'name = "R"\n{many_steps(MAX_STEPS + 1)}',
            [(f"at most {MAX_STEPS} steps are allowed, got {MAX_STEPS + 1}", "steps")],
        ),
        (
            f'tags = [1, "a", false]\nname = "R"\n{many_steps(1)}',
            [
                ("tags must contain only strings, got 1", "tags"),
                ("tags must contain only strings, got false", "tags"),
            ],
        ),
        (
            f'tags = ["", "a", " "]\nname = "R"\n{many_steps(1)}',
            [("tags must not contain empty strings", "tags")] * 2,
        ),
        (
            f'name = "{"x" * 101}"\n{many_steps(1)}',
            [("name must be at most 100 characters, got 101", "name")],
        ),
        (f'description = "x"\n{many_steps(1)}', [('"name" is required: a short text', "name")]),
        (f'name = "  "\n{many_steps(1)}', [("name must not be empty", "name")]),
        (
            f'name = "R"\nprepare = "2h"\n{many_steps(1)}',
            [('prepare must be at most 1 hour (3600 s), got "2h"', "prepare")],
        ),
        (
            f'name = "R"\nequipment = "{"y" * 70}"\n{many_steps(1)}',
            [
                (
                    f'equipment must be an array of strings like ["a", "b"], got "{"y" * 60}"',
                    "equipment",
                )
            ],
        ),
    ],
)
def test_routine_problems_in_words_on_the_field_marked(
    text: str, expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(RoutineError) as raised:
        parse_routine_text(text, "r.toml")
    assert [(str(p), p.key) for p in raised.value.problems] == [
        (f"r.toml: {message}", key) for message, key in expected
    ]


def test_names_are_one_line_and_instructions_keep_their_lines() -> None:
    """A name is shown on one line everywhere; a description's and instructions'
    paragraphs are kept as written."""
    routine = parse_routine_text(
        'name = "Bird\\tdog\\nTwo "\ndescription = "One.\\n\\nTwo.\\tThree "\n'
        '[[steps]]\nname = "S\\nT"\ninstructions = "a\\nb"\nduration = 5\n',
        "r.toml",
    )
    assert (routine.name, routine.description) == ("Bird dog Two", "One.\n\nTwo.\tThree")
    assert (routine.steps[0].name, routine.steps[0].instructions) == ("S T", "a\nb")
