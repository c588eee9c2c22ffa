"""The editor's state without a screen: which file is open, what is on disk, what the
form holds, what saving does, and how a file that does not load is read into the form."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcare_tui.core.edit_session import EditSession
from backcare_tui.core.library import EXTRA, USER, load_entry, routine_folders, scan
from backcare_tui.core.loader import load_routine
from backcare_tui.core.model import Held, Routine, Step, Timed
from backcare_tui.core.paths import user_routines_dir
from backcare_tui.core.routine_files import backups_of
from backcare_tui.core.writer import dumps_routine

ROUTINE = Routine(
    "Shoulders",
    (
        Step("Circles", Timed(30), "Arms out, small circles."),
        Step("Squeeze", Held(5, reps=3, rest=2), "Shoulder blades back and down."),
    ),
)

UNKNOWN_KEY = """name = "Cat"

[[steps]]
name = "Arch"
duration = 20

[[steps]]
name = "Cat cow"
hold = 5
rset = 3
"""


def write(folder: Path, text: str, name: str = "shoulders.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def open_file(path: Path) -> EditSession:
    return EditSession(load_entry(path, USER))


def test_a_file_that_loads_is_the_save_target_and_starts_clean(user_routines: Path) -> None:
    path = write(user_routines, dumps_routine(ROUTINE))
    session = open_file(path)
    assert (session.path, session.source_path, session.read_only) == (path, path, False)
    assert session.disk_bytes == path.read_bytes()
    assert not session.dirty and not session.broken and not session.changes
    assert session.saved is None and session.shown_path == str(path)
    session.draft.name = "Neck"
    assert session.dirty
    saved = session.write(session.check().routine or ROUTINE)
    assert load_routine(path).name == "Neck"
    assert saved.backup is not None and backups_of("shoulders")
    assert session.saved == path and not session.dirty
    assert session.disk_bytes == path.read_bytes()


def test_someone_else_writing_the_file_is_noticed_until_it_is_read_again(
    user_routines: Path,
) -> None:
    path = write(user_routines, dumps_routine(ROUTINE))
    session = open_file(path)
    assert not session.changed_on_disk()
    path.write_text(dumps_routine(ROUTINE).replace("Circles", "Rolls"), encoding="utf-8")
    assert session.changed_on_disk()
    session.read_disk()
    assert not session.changed_on_disk()


def test_comments_are_something_saving_would_lose(user_routines: Path) -> None:
    path = write(user_routines, "# mine\n" + dumps_routine(ROUTINE))
    session = open_file(path)
    assert session.notice.comments and session.loses_anything()


def test_a_built_in_saves_as_your_own_copy(isolated_home: Path) -> None:
    entry = scan(routine_folders()).find("desk-break")
    assert entry is not None and entry.read_only
    session = EditSession(entry)
    assert session.read_only and session.source_path == entry.path
    assert session.path is not None and session.path != entry.path
    copy = session.path
    assert session.make_own_copy() and copy.read_bytes() == entry.path.read_bytes()
    assert not session.read_only and session.source_path == copy
    assert not session.make_own_copy()  # the copy is there now


def test_a_new_routine_has_no_path_until_its_first_save(user_routines: Path) -> None:
    session = EditSession(Routine("My routine", (Step("One", Timed(30)),)))
    assert session.path is None and session.shown_path == "new routine"
    session.draft.name = "Morning"
    path = session.write_new(session.check().routine or ROUTINE)
    assert path == user_routines / "morning.toml" and load_routine(path).name == "Morning"
    assert session.path == session.saved == path and not session.dirty


def test_step_changes_are_undone_newest_first(user_routines: Path) -> None:
    session = open_file(write(user_routines, dumps_routine(ROUTINE)))

    def names() -> list[str]:
        return [step.name for step in session.draft.steps]

    assert session.add_step(1) == 2 and names() == ["Circles", "New step", "Squeeze"]
    assert session.move_step(2, 1) == 3 and names() == ["Circles", "Squeeze", "New step"]
    assert session.move_step(3, 1) is None
    assert session.duplicate_step(1) == 2 and names()[:2] == ["Circles", "Circles"]
    assert session.remove_step(1).name == "Circles" and len(names()) == 3
    assert session.undo() == 1 and len(names()) == 4
    assert session.undo() == 1 and names() == ["Circles", "Squeeze", "New step"]
    assert session.undo() == 2 and session.undo() == 1
    assert names() == ["Circles", "Squeeze"] and session.undo() is None


def test_a_syntax_error_is_shown_as_text(user_routines: Path) -> None:
    path = write(user_routines, 'name = "x"\n[[steps]\n')
    session = open_file(path)
    assert session.broken and session.broken_text == path.read_text(encoding="utf-8")
    assert session.broken[0].line == 2 and not session.dirty
    assert session.first_problem_line() == 2


def test_a_newer_format_is_not_read_into_the_form(user_routines: Path) -> None:
    text = dumps_routine(ROUTINE).replace("format = 1", "format = 9")
    assert "format = 9" in text
    session = open_file(write(user_routines, text))
    assert session.broken and "newer" in session.broken[0].message


def test_an_unknown_key_opens_in_the_form_and_saving_says_it_drops_it(
    user_routines: Path,
) -> None:
    path = write(user_routines, UNKNOWN_KEY)
    session = open_file(path)
    assert not session.broken
    assert [step.name for step in session.draft.steps] == ["Arch", "Cat cow"]
    assert [str(change) for change in session.changes] == ['drops rset = 3 (step 2 "Cat cow")']
    assert [(p.step, p.message) for p in session.notes] == [
        (2, 'unknown key "rset" in a step; did you mean "rest"?')
    ]
    assert session.notes_beside(2) == [
        ("", 'In the file: unknown key "rset" in a step; did you mean "rest"?'),
        ("", "Saving from the form drops rset = 3."),
    ]
    assert session.notes_beside(1) == [] and session.noted_items() == {2}
    assert session.first_problem_line() == 10
    assert session.loses_anything() and not session.dirty
    routine = session.check().routine
    assert routine is not None
    session.write(routine)
    assert "rset" not in path.read_text(encoding="utf-8")
    assert load_routine(path).steps[1].name == "Cat cow"
    assert not session.changes and not session.notes and not session.loses_anything()


def test_a_number_for_a_name_opens_in_the_form_and_saving_says_what_it_writes(
    user_routines: Path,
) -> None:
    text = dumps_routine(ROUTINE).replace('name = "Shoulders"', "name = 5", 1)
    path = write(user_routines, text)
    session = open_file(path)
    assert not session.broken and session.draft.name == "5"
    assert [str(change) for change in session.changes] == [
        'writes name = "5" for name = 5 (the routine)'
    ]
    assert session.notes_beside(None) == [
        ("name", "In the file: name must be a string, got 5"),
        ("name", 'Saving from the form writes name = "5" for name = 5.'),
    ]
    routine = session.check().routine
    assert routine is not None
    session.write(routine)
    assert load_routine(path).name == "5"


def test_a_problem_the_form_still_has_is_not_a_change(user_routines: Path) -> None:
    """A wrong value the form holds as it is stays a problem that blocks saving."""
    text = dumps_routine(ROUTINE).replace("hold = 5", "hold = -5")
    session = open_file(write(user_routines, text))
    assert not session.broken and not session.changes and not session.notes
    assert session.check().routine is None


def test_reading_the_file_again_after_an_outside_edit(user_routines: Path) -> None:
    path = write(user_routines, dumps_routine(ROUTINE))
    session = open_file(path)
    path.write_text(dumps_routine(ROUTINE).replace("hold = 5", "hold = 12"), encoding="utf-8")
    assert session.reload(path) is None
    assert session.draft.steps[1].get("hold") == "12" and not session.dirty
    path.write_text(UNKNOWN_KEY, encoding="utf-8")
    error = session.reload(path)
    assert error is not None and not session.broken and session.changes
    path.write_text("hold 5\n", encoding="utf-8")
    error = session.reload(path)
    assert error is not None and session.broken and not session.changes
    assert session.broken_text == "hold 5\n"


def test_a_new_routine_from_nothing_is_untitled_and_clean(user_routines: Path) -> None:
    session = EditSession()
    assert (session.title(), session.shown_path) == ("this routine", "new routine")
    assert not session.broken and not session.dirty and not session.read_only
    assert session.noted_items() == set() and session.notes_beside(None) == []
    assert session.first_problem_line() is None and not session.loses_anything()


def test_the_title_quotes_the_name_on_one_line(user_routines: Path) -> None:
    session = EditSession(ROUTINE)
    assert session.title() == '"Shoulders"'
    session.draft.name = "Neck\nand back"
    assert session.title() == '"Neck and back"'
    session.draft.name = "   "
    assert session.title() == "this routine"


def test_a_routine_given_with_its_path_saves_there(user_routines: Path) -> None:
    path = write(user_routines, dumps_routine(ROUTINE))
    session = EditSession(ROUTINE, path)
    assert (session.path, session.source_path, session.shown_path) == (path, path, str(path))
    assert not session.read_only and session.disk_bytes == path.read_bytes()
    session.draft.steps[0].set("duration", "-3")
    problems = session.check().problems
    assert problems and {p.path for p in problems} == {str(path)}


def test_a_file_in_another_folder_saves_where_it_is(tmp_path: Path, user_routines: Path) -> None:
    path = write(tmp_path, dumps_routine(ROUTINE))
    session = EditSession(load_entry(path, EXTRA))
    assert session.path == path and not session.read_only
    session.draft.name = "Neck"
    session.write(session.check().routine or ROUTINE)
    assert load_routine(path).name == "Neck" and not (user_routines / path.name).exists()


def test_a_built_ins_copy_is_named_for_it_and_saving_it_makes_it_yours(
    isolated_home: Path,
) -> None:
    entry = scan(routine_folders()).find("desk-break")
    assert entry is not None
    session = EditSession(entry)
    assert session.path == user_routines_dir() / "desk-break.toml"
    session.draft.name = "My desk break"
    session.write(session.check().routine or ROUTINE)
    assert not session.read_only and session.source_path == session.saved == session.path
    assert load_routine(user_routines_dir() / "desk-break.toml").name == "My desk break"


def test_a_new_routine_saved_reads_as_its_own_file(user_routines: Path) -> None:
    session = EditSession(ROUTINE)
    path = session.write_new(ROUTINE)
    assert session.source_path == path and session.disk_bytes == path.read_bytes()


def test_an_added_step_is_thirty_seconds_of_timed_work(user_routines: Path) -> None:
    session = EditSession(ROUTINE)
    assert session.add_step(2) == 3
    routine = session.check().routine
    assert routine is not None and routine.steps[2] == Step("New step", Timed(30))


@pytest.mark.parametrize(
    ("selected", "delta", "moved_to", "names"),
    [
        (1, 1, 2, ["Squeeze", "Circles", "Rest"]),
        (2, -1, 1, ["Squeeze", "Circles", "Rest"]),
        (3, -1, 2, ["Circles", "Rest", "Squeeze"]),
        (1, -1, None, ["Circles", "Squeeze", "Rest"]),
        (3, 1, None, ["Circles", "Squeeze", "Rest"]),
        (0, 1, None, ["Circles", "Squeeze", "Rest"]),
    ],
)
def test_a_step_moves_within_the_list_and_no_further(
    user_routines: Path, selected: int, delta: int, moved_to: int | None, names: list[str]
) -> None:
    session = EditSession(Routine("Three", (*ROUTINE.steps, Step("Rest", Timed(10)))))
    assert session.move_step(selected, delta) == moved_to
    assert [step.name for step in session.draft.steps] == names
    assert len(session.undo_stack) == (moved_to is not None)


def test_a_file_that_is_not_utf8_is_shown_with_its_problem(user_routines: Path) -> None:
    data = dumps_routine(ROUTINE).encode("utf-8").replace(b"Circles", b"Circ\xffles")
    path = user_routines / "shoulders.toml"
    path.write_bytes(data)
    session = open_file(path)
    assert [p.message for p in session.broken] == [
        "not UTF-8 text (byte 0xff); save the file as UTF-8"
    ]
    assert session.first_problem_line() == 5 and session.disk_bytes == data
    error = session.reload(path)
    assert error is not None and error.problems[0].path == str(path)
    assert 'name = "Circ\ufffdles"' in session.broken_text and session.broken


def test_a_newer_format_opens_your_editor_at_its_format_line(user_routines: Path) -> None:
    text = dumps_routine(ROUTINE).replace("format = 1", "format = 9")
    session = open_file(write(user_routines, "# mine\n" + text))
    assert session.broken and session.broken[0].line is None
    assert session.first_problem_line() == 2


def test_a_file_gone_before_it_opens_is_shown_by_its_problems(user_routines: Path) -> None:
    path = write(user_routines, 'name = "x"\n[[steps]\n')
    entry = load_entry(path, USER)
    path.unlink()
    session = EditSession(entry)
    assert entry.error is not None and session.broken == entry.error.problems
    assert session.broken_text == "" and session.disk_bytes is None


def test_reading_again_a_file_that_is_gone_keeps_the_form(user_routines: Path) -> None:
    """Your editor saved elsewhere: the form keeps what it holds, and saving writes it
    back (it used to become an empty form that said "no steps")."""
    path = write(user_routines, dumps_routine(ROUTINE))
    session = open_file(path)
    session.draft.name = "Neck"
    path.unlink()
    error = session.reload(path)
    assert error is not None and [str(p) for p in error.problems] == [
        f"{path}: cannot read file: No such file or directory"
    ]
    assert not session.broken and session.draft.name == "Neck" and session.dirty
    assert len(session.draft.steps) == 2
    session.write(session.check().routine or ROUTINE)
    assert load_routine(path).name == "Neck"


def test_saving_from_the_form_of_a_tidy_file_still_loses_what_the_form_changes(
    user_routines: Path,
) -> None:
    text = dumps_routine(ROUTINE).replace('name = "Shoulders"', "name = 5", 1)
    session = open_file(write(user_routines, text))
    assert not session.notice.loses_anything and session.changes
    assert session.loses_anything()


def test_reading_a_file_into_the_form_again_leaves_it_clean(user_routines: Path) -> None:
    path = write(user_routines, dumps_routine(ROUTINE))
    session = open_file(path)
    session.draft.name = "Changed"
    path.write_text(UNKNOWN_KEY, encoding="utf-8")
    assert session.reload(path) is not None
    assert session.draft.name == "Cat" and not session.dirty and session.noted_items() == {2}


def test_ctrl_r_finds_the_key_after_someone_wrote_a_bad_byte(user_routines: Path) -> None:
    path = write(user_routines, UNKNOWN_KEY)
    session = open_file(path)
    path.write_bytes(UNKNOWN_KEY.encode("utf-8").replace(b"Arch", b"Ar\xffch"))
    session.read_disk()
    assert session.changed_on_disk() is False and session.first_problem_line() == 10


def test_a_step_with_a_note_and_nothing_to_lose_is_still_marked(user_routines: Path) -> None:
    text = 'name = "Cat"\ntags = "back"\n\n[[steps]]\nname = "Arch"\nduration = 20\nrset = " "\n'
    session = open_file(write(user_routines, text))
    assert [c.step for c in session.changes] == [None]
    assert session.noted_items() == {None, 1}
    assert session.notes_beside(1) == [
        ("", 'In the file: unknown key "rset" in a step; did you mean "rest"?')
    ]
