"""The problems a person reads about a routine file, and the one error that carries them."""

from __future__ import annotations

import pytest

from backcare_tui.core.errors import BackcareError, Problem, RoutineError
from backcare_tui.core.loader import parse_routine_text


@pytest.mark.parametrize(
    ("problem", "shown"),
    [
        (Problem("r.toml", "Invalid value", line=3, column=7), "r.toml:3:7: Invalid value"),
        (Problem("r.toml", "Invalid value", line=3), "r.toml:3:1: Invalid value"),
        (Problem("r.toml", "Invalid value", line=3, column=0), "r.toml:3:1: Invalid value"),
        (
            Problem("r.toml", "hold must be more", step=2, step_name="Bird dog"),
            'r.toml: step 2 "Bird dog": hold must be more',
        ),
        (Problem("r.toml", "needs a name", step=1), "r.toml: step 1: needs a name"),
        (Problem("r.toml", "no such file"), "r.toml: no such file"),
        # No escape sequence reaches the terminal, and it stays one line.
        (Problem("r\x1b[2J.toml", "bad\tvalue\n"), "r[2J.toml: bad value "),
    ],
)
def test_a_problem_is_one_line_that_says_where(problem: Problem, shown: str) -> None:
    assert str(problem) == shown


def test_a_broken_routine_is_one_error_with_every_problem_a_line() -> None:
    """What `backcare` prints after "backcare:" and what the app's notice shows."""
    text = 'name = "R"\n[[steps]]\nname = "S"\nduration = 0\n[[steps]]\nname = "T"\nhold = -1\n'
    lines = [
        'r.toml: step 1 "S": duration must be a positive number of seconds, got 0',
        'r.toml: step 2 "T": hold must be a positive number of seconds, got -1',
    ]
    with pytest.raises(RoutineError) as raised:
        parse_routine_text(text, "r.toml")
    error = raised.value
    assert isinstance(error, BackcareError)
    assert (error.title, error.message) == ("Invalid routine", "\n".join(lines))
    assert str(error) == "\n".join(lines)
    assert [str(p) for p in error.problems] == lines
    assert error.args == ("Invalid routine: " + "\n".join(lines),)
