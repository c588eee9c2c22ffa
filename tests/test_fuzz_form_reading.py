"""Fuzzing how the editor reads a file that does not load into its form: whatever a
near-valid file holds, reading it never fails, every change it reports is one plain
line, and a form that checks clean saves a file that loads as the same routine."""

from __future__ import annotations

import tomllib

from hypothesis import given
from test_fuzz_loader import CONTROL, FAST, PATH, near_valid

from backcare_tui.core.draft_from_file import read_for_form
from backcare_tui.core.errors import RoutineError
from backcare_tui.core.loader import parse_routine_text
from backcare_tui.core.writer import dumps_routine


@FAST
@given(near_valid())
def test_a_file_that_does_not_load_reads_into_the_form_or_is_refused_cleanly(text: str) -> None:
    try:
        parse_routine_text(text, PATH)
        return  # it loads: the editor opens it the usual way
    except RoutineError as error:
        problems = error.problems
    try:
        data = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError:
        return  # a syntax error: shown as text
    reading = read_for_form(data, problems)
    if reading is None:
        return
    assert set(reading.notes) <= set(problems)
    for change in reading.changes:
        line = str(change)
        assert "\n" not in line and not CONTROL.search(line), repr(line)
    routine = reading.draft.check(PATH).routine
    if routine is not None:
        assert parse_routine_text(dumps_routine(routine), PATH) == routine
