"""What the editor says before saving from the form a file that does not load: each
change as one line a person reads, the save question's summary, and which files the
form cannot hold at all."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from backcare_tui.core.draft_from_file import (
    FormChange,
    FormReading,
    changes_summary,
    notes_beside,
    read_for_form,
    toml_text,
)
from backcare_tui.core.errors import RoutineError
from backcare_tui.core.loader import routine_from_data

LONG = "x" * 41


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (True, "true"),
        (False, "false"),
        (3, "3"),
        (2.5, "2.5"),
        ("Cat", '"Cat"'),
        ("two\nlines", '"two lines"'),
        ("x" * 40, '"' + "x" * 40 + '"'),
        (LONG, '"' + "x" * 37 + '..."'),
        ([1, "a", False], '[1, "a", false]'),
        ({"at": 5, "text": "Up"}, '{ at = 5, text = "Up" }'),
        ({}, "{  }"),
    ],
)
def test_a_value_is_quoted_as_the_file_writes_it(value: object, text: str) -> None:
    assert toml_text(value) == text


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (FormChange(None, "", "nmae", "Cat"), 'drops nmae = "Cat" (the routine)'),
        (FormChange(2, "Cat cow", "rset", 3), 'drops rset = 3 (step 2 "Cat cow")'),
        (FormChange(2, "  ", "rset", 3), "drops rset = 3 (step 2)"),
        (FormChange(1, "Up\ndown", "hold", [1]), 'drops hold = [1] (step 1 "Up down")'),
        (
            FormChange(None, "", "name", 5, "5"),
            'writes name = "5" for name = 5 (the routine)',
        ),
    ],
)
def test_each_change_is_one_line_saying_what_and_where(change: FormChange, line: str) -> None:
    assert str(change) == line and change.dropped == (change.after is None)


def changes(count: int) -> list[FormChange]:
    return [FormChange(n, f"Step {n}", "rset", n) for n in range(1, count + 1)]


@pytest.mark.parametrize(
    ("count", "summary"),
    [
        (0, ""),
        (1, 'Saving from the form drops rset = 1 (step 1 "Step 1").'),
        (
            3,
            'Saving from the form drops rset = 1 (step 1 "Step 1"); drops rset = 2 '
            '(step 2 "Step 2"); drops rset = 3 (step 3 "Step 3").',
        ),
        (
            4,
            'Saving from the form drops rset = 1 (step 1 "Step 1"); drops rset = 2 '
            '(step 2 "Step 2"); drops rset = 3 (step 3 "Step 3"); and 1 more.',
        ),
        (
            5,
            'Saving from the form drops rset = 1 (step 1 "Step 1"); drops rset = 2 '
            '(step 2 "Step 2"); drops rset = 3 (step 3 "Step 3"); and 2 more.',
        ),
    ],
)
def test_the_save_question_lists_three_changes_and_counts_the_rest(
    count: int, summary: str
) -> None:
    assert changes_summary(changes(count)) == summary


def reading(data: Mapping[str, Any]) -> FormReading | None:
    try:
        routine_from_data(data, "f.toml")
    except RoutineError as error:
        return read_for_form(data, error.problems)
    raise AssertionError("the file loads")


STEP = {"name": "Arch", "duration": 20}


@pytest.mark.parametrize(
    "data",
    [
        {"format": 2, "name": "Cat", "steps": [STEP]},
        {"name": "Cat", "steps": "Arch"},
        {"name": "Cat", "steps": [STEP, 4]},
    ],
    ids=["newer format", "steps not a list", "a step not a table"],
)
def test_a_file_the_form_cannot_hold_is_shown_as_text(data: Mapping[str, Any]) -> None:
    assert reading(data) is None


def said(data: Mapping[str, Any]) -> tuple[list[str], list[tuple[int | None, str]]]:
    got = reading(data)
    assert got is not None
    return [str(c) for c in got.changes], [(p.step, p.message) for p in got.notes]


def test_a_blank_unknown_key_is_noted_but_nothing_is_lost() -> None:
    data = {"name": "Cat", "tags": [], "steps": [{**STEP, "cues": [], "rset": "  "}]}
    assert said(data) == ([], [(1, 'unknown key "rset" in a step; did you mean "rest"?')])


def test_a_wrong_type_is_written_as_the_form_reads_it() -> None:
    data = {"name": "Cat", "tags": "back", "steps": [STEP]}
    assert said(data) == (
        ['writes tags = ["back"] for tags = "back" (the routine)'],
        [(None, 'tags must be an array of strings like ["a", "b"], got "back"')],
    )


@pytest.mark.parametrize(
    ("step", "change"),
    [
        ({"duration": 3, "hold": 4}, "drops duration = 3"),
        ({"duration": 30, "rest": 5}, "drops rest = 5"),
        ({"hold": 5, "breathing": "box", "cycles": 4}, "drops hold = 5"),
    ],
)
def test_a_step_with_another_shapes_key_keeps_its_shape_and_drops_that_key(
    step: dict[str, object], change: str
) -> None:
    changes, notes = said({"name": "Cat", "steps": [{"name": "Arch", **step}]})
    assert changes == [f'{change} (step 1 "Arch")'] and notes[0][0] == 1


def test_a_problem_the_form_still_has_is_not_noted_twice() -> None:
    data = {"name": "Cat", "steps": [{"name": "Arch", "duration": -3, "rset": 3}]}
    got = reading(data)
    assert got is not None
    assert [str(c) for c in got.changes] == ['drops rset = 3 (step 1 "Arch")']
    assert [p.message for p in got.notes] == ['unknown key "rset" in a step; did you mean "rest"?']
    assert [p.key for p in got.draft.check("f.toml").problems] == ["duration"]


def test_a_step_named_by_a_number_is_placed_by_its_number() -> None:
    data = {"name": "Cat", "steps": [{**STEP, "name": 5}]}
    assert said(data)[0] == ['writes name = "5" for name = 5 (step 1)']


@pytest.mark.parametrize(
    "data",
    [
        {"name": "Cat"},
        {
            "name": "Cat",
            "rounds": 50,
            "steps": [{"name": "Arch", "hold": 1, "reps": 99, "sets": 20}],
        },
    ],
    ids=["no steps", "too many phases"],
)
def test_a_problem_the_form_shows_itself_is_no_note_and_no_change(
    data: Mapping[str, Any],
) -> None:
    got = reading(data)
    assert got is not None and got.notes == () and got.changes == ()
    assert got.draft.check("f.toml").problems


def test_a_value_the_form_only_tidies_is_no_change() -> None:
    step = {"name": "Arch", "instructions": " Up ", "cues": [], "duration": 20, "rset": 3}
    assert said({"name": "Cat", "steps": [step]})[0] == ['drops rset = 3 (step 1 "Arch")']


def test_a_steps_changed_value_is_shown_beside_its_field() -> None:
    data = {"name": "Cat", "steps": [{**STEP, "cues": "Up"}]}
    got = reading(data)
    assert got is not None
    assert [where for where, _ in notes_beside(got.notes, got.changes, 1)] == ["cues", "cues"]
    assert notes_beside(got.notes, got.changes, 1)[1] == (
        "cues",
        'Saving from the form writes cues = ["Up"] for cues = "Up".',
    )
    assert notes_beside(got.notes, got.changes, None) == []
