"""Ground floor of editing: backups, atomic saves that fail, comments, trash, copies."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from backcare_tui.core.draft import SHAPES, RoutineDraft, field_of, shape_named
from backcare_tui.core.errors import BackcareError, RoutineError
from backcare_tui.core.library import USER, routine_folders, scan
from backcare_tui.core.loader import load_routine, parse_routine_text
from backcare_tui.core.model import Held, Routine, Step, Timed
from backcare_tui.core.paths import builtin_routines_dir, trash_dir, user_routines_dir
from backcare_tui.core.routine_files import (
    BACKUPS_KEPT,
    Comment,
    RewriteNotice,
    Saved,
    backups_dir,
    backups_of,
    changed_on_disk,
    copy_name,
    duplicate_routine,
    find_comments,
    move_to_trash,
    rewrite_notice,
    save_with_backup,
    starter_text,
    strip_comments,
    template_routine,
    user_copy_path,
    write_new_file,
)
from backcare_tui.core.writer import dumps_routine

COMMENTED = """\
# My morning stretch. Keep the holds gentle.
format = 1
name = "Morning"
prepare = "10s"   # time to get on the mat

[[steps]]
name = "Reach # not a comment"
hold = 5 # seconds
reps = 3
"""


def routine() -> Routine:
    return Routine("Plain", (Step("One", Timed(30)), Step("Two", Held(5, reps=3, rest=2))))


# -- comments ------------------------------------------------------------------


def test_comments_are_found_outside_strings_only() -> None:
    found = find_comments(COMMENTED)
    assert [(c.line, c.text) for c in found] == [
        (1, "# My morning stretch. Keep the holds gentle."),
        (4, "# time to get on the mat"),
        (8, "# seconds"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        'a = "x # y"\n',
        "a = 'x # y'\n",
        'a = """\n# inside\n"""\n',
        "a = '''\n# inside\n'''\n",
        'a = "escaped \\" # still inside"\n',
        'a = """ends with quotes"""""\n',
    ],
)
def test_hashes_inside_strings_are_not_comments(text: str) -> None:
    assert find_comments(text) == ()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("x = 1 # end", [(1, 7, "# end")]),
        ('a = "x\\\\"  # c\n', [(1, 12, "# c")]),
        ('a = """x"""# c\n', [(1, 12, "# c")]),
        ('a = """x""""# c\n', [(1, 13, "# c")]),
        ('a = """x"""\n# c\n', [(2, 1, "# c")]),
        ('a = """x"""""  # c\n', [(1, 16, "# c")]),
        ('a = "x\n# c\n', [(2, 1, "# c")]),
        ("AXIS = 1  # c", [(1, 11, "# c")]),
        ('a = """x"""', []),
        ('a = "x', []),
    ],
    ids=[
        "last line",
        "escaped backslash",
        "right after a text",
        "a text ending in a quote",
        "the line after a text",
        "a text ending in two quotes",
        "the line after an open text",
        "a key in capitals",
        "a text at the end",
        "an open text at the end",
    ],
)
def test_each_comment_is_found_where_it_is(text: str, found: list[tuple[int, int, str]]) -> None:
    assert [(c.line, c.column, c.text) for c in find_comments(text)] == found


def test_comment_after_a_multiline_string_has_the_right_line() -> None:
    text = 'a = """one\ntwo"""  # here\n'
    assert [(c.line, c.column) for c in find_comments(text)] == [(2, 9)]


def test_strip_comments_keeps_the_values() -> None:
    stripped = strip_comments(COMMENTED)
    assert "#" not in stripped.replace("Reach # not", "")
    assert parse_routine_text(stripped, "x") == parse_routine_text(COMMENTED, "x")
    assert strip_comments("  hold = 5  # s\n# gone\nreps = 3") == "  hold = 5\nreps = 3"


def test_a_file_the_writer_wrote_loses_nothing() -> None:
    notice = rewrite_notice(dumps_routine(routine()))
    assert not notice.loses_anything
    assert notice.summary() == "Saving keeps the file's layout."


def test_comments_and_layout_are_reported_before_saving() -> None:
    notice = rewrite_notice(COMMENTED)
    assert [c.line for c in notice.comments] == [1, 4, 8]
    assert notice.reformatted  # "10s" becomes 10
    assert notice.summary() == (
        "3 comments (line 1, 4, 8) will be dropped; "
        "the layout will change (key order, spacing, number forms)."
    )


@pytest.mark.parametrize(
    ("count", "reformatted", "summary"),
    [
        (1, False, "1 comment (line 1) will be dropped."),
        (6, False, "6 comments (line 1, 2, 3, 4, 5, 6) will be dropped."),
        (7, False, "7 comments (line 1, 2, 3, 4, 5, 6, ...) will be dropped."),
        (0, True, "The layout will change (key order, spacing, number forms)."),
    ],
)
def test_the_save_question_names_the_first_six_comment_lines(
    count: int, reformatted: bool, summary: str
) -> None:
    comments = tuple(Comment(line, 1, "# note") for line in range(1, count + 1))
    assert RewriteNotice(comments, reformatted).summary() == summary


MULTILINE = Routine(
    "Plain",
    (Step("One", Timed(30), "Line one.\nLine two."), Step("Two", Held(5, reps=3, rest=2))),
    description="First.\nSecond.",
)


@pytest.mark.parametrize(
    ("change", "reformatted"),
    [
        (lambda text: text, False),
        (lambda text: text.replace("reps = 3", "reps = 3   "), False),
        (lambda text: text + "\n\n", False),
        (lambda text: "\ufeff" + text, False),
        (lambda text: text.replace("hold = 5", "hold = -5"), False),  # a wrong value
        (lambda text: text.replace("\n", "\r\n"), True),
        (lambda text: text.replace("reps = 3", "  reps = 3"), True),
        (lambda text: text.replace("reps = 3", "reps  =  3"), True),
        (lambda text: text.replace("hold = 5", "hold = -5").replace("\n", "\r\n"), True),
    ],
    ids=[
        "as written",
        "trailing spaces",
        "blank lines at the end",
        "byte order mark",
        "a wrong value",
        "CRLF",
        "an indent",
        "spaces around =",
        "a wrong value, CRLF",
    ],
)
def test_only_a_layout_the_writer_would_change_is_reformatting(
    change: Callable[[str], str], reformatted: bool
) -> None:
    notice = rewrite_notice(change(dumps_routine(MULTILINE)))
    assert (notice.comments, notice.reformatted) == ((), reformatted)


def test_a_file_of_only_a_comment_loses_only_the_comment() -> None:
    assert rewrite_notice("# to do\n").summary() == "1 comment (line 1) will be dropped."


def test_a_file_that_is_not_toml_keeps_its_comments_in_the_notice() -> None:
    notice = rewrite_notice('# mine\nname = "Cat\n')
    assert notice.summary() == (
        "1 comment (line 1) will be dropped; "
        "the layout will change (key order, spacing, number forms)."
    )


def test_key_order_alone_counts_as_reformatting() -> None:
    text = 'name = "Plain"\nformat = 1\n\n[[steps]]\nname = "One"\nduration = 30\n'
    notice = rewrite_notice(text)
    assert notice.comments == ()
    assert notice.reformatted


def test_every_commented_builtin_is_flagged() -> None:
    for path in sorted(builtin_routines_dir().glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        assert rewrite_notice(text).comments == find_comments(text)
        assert rewrite_notice(text).loses_anything, path


# -- saving with a backup --------------------------------------------------------


def test_backup_holds_the_original_byte_for_byte(user_routines: Path) -> None:
    path = user_routines / "morning.toml"
    original = COMMENTED.encode("utf-8") + b"\r\n"  # odd bytes survive too
    path.write_bytes(original)
    changed = replace(load_routine(path), name="Morning, longer")
    saved = save_with_backup(changed, path)
    assert saved.backup is not None
    assert saved.backup.read_bytes() == original
    data = Path(os.environ["XDG_DATA_HOME"]) / "backcare"
    assert saved.backup.parent == backups_dir() / "morning" == data / "backups" / "morning"
    assert load_routine(path) == changed


def test_saving_an_unchanged_routine_writes_nothing(user_routines: Path) -> None:
    path = user_routines / "plain.toml"
    save_with_backup(routine(), path)
    assert save_with_backup(routine(), path).backup is None
    assert backups_of("plain") == []


def test_backups_keep_the_last_few(user_routines: Path) -> None:
    path = user_routines / "plain.toml"
    save_with_backup(routine(), path)
    for seconds in range(BACKUPS_KEPT + 3):
        changed = replace(routine(), rest_between=seconds + 1)
        save_with_backup(changed, path, now=datetime(2024, 1, 1, 12, 0, seconds))
    kept = backups_of("plain")
    assert len(kept) == BACKUPS_KEPT
    assert kept[-1].name.startswith("20240101-120012")


def test_two_backups_in_the_same_instant_do_not_collide(user_routines: Path) -> None:
    path = user_routines / "plain.toml"
    moment = datetime(2024, 1, 1, 12, 0, 0)
    save_with_backup(routine(), path)
    save_with_backup(replace(routine(), rounds=2), path, now=moment)
    save_with_backup(replace(routine(), rounds=3), path, now=moment)
    first, second = backups_of("plain")  # oldest first, though made in the same instant
    assert (first.name, second.name) == (
        "20240101-120000-000000.toml",
        "20240101-120000-000001.toml",
    )
    assert "rounds" not in first.read_text() and "rounds = 2" in second.read_text()


def test_saving_says_where_and_keeps_a_backup_only_of_a_file_that_was_there(
    user_routines: Path,
) -> None:
    path = user_routines / "plain.toml"
    assert save_with_backup(routine(), path) == Saved(path, None)
    assert save_with_backup(routine(), path) == Saved(path, None)
    odd = backups_dir() / "plain" / "20000101-000000-000000.toml"
    odd.mkdir(parents=True)  # the oldest "backup", which pruning cannot delete
    for rounds in range(2, BACKUPS_KEPT + 3):
        saved = save_with_backup(replace(routine(), rounds=rounds), path)
        assert saved.path == path and saved.backup is not None and saved.backup.is_file()
    assert odd.is_dir() and sum(p.is_file() for p in backups_of("plain")) == BACKUPS_KEPT


class HalfWriter:
    """A file that takes half of what it is given, then reports a full disk."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def __enter__(self) -> HalfWriter:
        return self

    def __exit__(self, *args: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)


def test_a_save_that_fails_part_way_keeps_the_old_file_and_leaves_no_temporary(
    user_routines: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = user_routines / "morning.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    before = path.read_bytes()
    names: dict[int, str] = {}
    real_mkstemp, real_fdopen = tempfile.mkstemp, os.fdopen

    def spy_mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real_mkstemp(*args, **kwargs)
        names[fd] = name
        return fd, name

    def failing_fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, *args, **kwargs)
        if Path(names.get(fd, "")).name.startswith(".morning.toml."):
            return HalfWriter(handle)
        return handle

    monkeypatch.setattr(tempfile, "mkstemp", spy_mkstemp)
    monkeypatch.setattr(os, "fdopen", failing_fdopen)
    with pytest.raises(OSError) as raised:
        save_with_backup(replace(load_routine(path), name="New"), path)
    assert raised.value.errno == errno.ENOSPC
    assert path.read_bytes() == before
    assert sorted(p.name for p in user_routines.iterdir()) == ["morning.toml"]
    # The backup was written before the failure; it is a spare copy, never a loss.
    assert [b.read_bytes() for b in backups_of("morning")] == [before]


def test_changed_on_disk_notices_other_writers(user_routines: Path) -> None:
    path = user_routines / "x.toml"
    assert not changed_on_disk(path, None)
    path.write_text("a")
    assert changed_on_disk(path, None)
    assert not changed_on_disk(path, b"a")
    path.write_text("b")
    assert changed_on_disk(path, b"a")
    path.unlink()
    path.mkdir()  # unreadable: say changed, so saving asks first
    assert changed_on_disk(path, b"a")


# -- built-ins, new files, copies, trash ------------------------------------------


def test_editing_a_builtin_saves_a_user_copy_that_wins() -> None:
    builtin = builtin_routines_dir() / "desk-break.toml"
    before = builtin.read_bytes()
    target = user_copy_path("desk-break")
    assert target == user_routines_dir() / "desk-break.toml"
    edited = replace(load_routine(builtin), name="My desk break")
    save_with_backup(edited, target)
    assert builtin.read_bytes() == before
    entry = scan(routine_folders()).find("desk-break")
    assert entry is not None and entry.kind == USER and entry.shadows == builtin
    assert entry.routine == edited


def test_new_files_never_overwrite(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    first = write_new_file(folder, "x", b"one")
    second = write_new_file(folder, "x", b"two")
    assert (first.name, second.name) == ("x.toml", "x-2.toml")
    assert (first.read_bytes(), second.read_bytes()) == (b"one", b"two")
    assert sorted(p.name for p in folder.iterdir()) == ["x-2.toml", "x.toml"]


def test_a_folder_full_of_one_name_says_so_and_is_left_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "full"
    folder.mkdir()
    names = ["x.toml", *(f"x-{number}.toml" for number in range(2, 10_000))]
    for name in names:
        (folder / name).write_bytes(b"")
    with pytest.raises(BackcareError) as raised:
        write_new_file(folder, "x", b"one")
    assert str(raised.value) == f"Cannot save: {folder} has too many files named x-N.toml"
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)


def test_new_files_without_hard_links_still_never_overwrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*args: object) -> None:
        raise OSError(errno.EPERM, "no hard links here")

    monkeypatch.setattr(os, "link", no_links)
    folder = tmp_path / "new"
    write_new_file(folder, "x", b"one")
    assert write_new_file(folder, "x", b"two").name == "x-2.toml"
    assert (folder / "x.toml").read_bytes() == b"one"
    assert sorted(p.name for p in folder.iterdir()) == ["x-2.toml", "x.toml"]


def test_duplicate_keeps_comments_and_gets_a_free_name(user_routines: Path) -> None:
    source = builtin_routines_dir() / "desk-break.toml"
    original = load_routine(source)
    first = duplicate_routine(source, original)
    second = duplicate_routine(source, original)
    assert (first.parent, first.name, second.name) == (
        user_routines,
        "desk-break-copy.toml",
        "desk-break-copy-2.toml",
    )
    assert load_routine(first) == replace(original, name="Desk break (copy)")
    assert find_comments(first.read_text()) == find_comments(source.read_text())


@pytest.mark.parametrize(
    "text",
    [
        '# mine\nname="Cat"\n[[steps]]\nname = "Arch"\nduration = 5\n',
        '# mine\ntags = ["back"]\nname = "Cat"\n[[steps]]\nname = "Arch"\nduration = 5\n',
    ],
    ids=["no spaces", "a short key first"],
)
def test_duplicate_keeps_comments_whatever_the_layout(user_routines: Path, text: str) -> None:
    source = user_routines / "cat.toml"
    source.write_text(text)
    copy = duplicate_routine(source, load_routine(source))
    assert copy.read_text() == text.replace('name="Cat"', 'name = "Cat"').replace(
        '"Cat"', '"Cat (copy)"'
    )


def test_duplicate_changes_nothing_but_the_name(user_routines: Path) -> None:
    """A "name =" line inside a text is not the name: the copy is written afresh."""
    source = user_routines / "cat.toml"
    source.write_text(
        'description = """\nname = "Dog"\n"""\nname = "Cat"\n'
        '[[steps]]\nname = "Arch"\nduration = 5\n'
    )
    original = load_routine(source)
    copy = load_routine(duplicate_routine(source, original))
    assert copy == replace(original, name="Cat (copy)")


def test_duplicate_of_a_file_gone_meanwhile_is_written_from_the_routine(
    user_routines: Path,
) -> None:
    source = user_routines / "cat.toml"
    source.write_text(dumps_routine(routine()))
    original = load_routine(source)
    source.unlink()
    assert load_routine(duplicate_routine(source, original)) == replace(
        original, name="Plain (copy)"
    )


@pytest.mark.parametrize(
    ("name", "copy"),
    [
        ("Cat", "Cat (copy)"),
        ("Cat (copy)", "Cat (copy)"),
        ("x" * 93, "x" * 93 + " (copy)"),
        ("x" * 100, "x" * 93 + " (copy)"),
        ("x" * 92 + " yz", "x" * 92 + " (copy)"),
    ],
)
def test_a_copys_name_says_copy_once_within_the_length_limit(name: str, copy: str) -> None:
    """A name at the length limit used to lose its " (copy)" and equal the original."""
    assert copy_name(name) == copy
    routine = Routine(name, (Step("One", Timed(30)),))
    assert parse_routine_text(dumps_routine(replace(routine, name=copy)), "c").name == copy


def test_duplicate_of_a_file_without_a_name_line_falls_back_to_the_writer(
    user_routines: Path,
) -> None:
    source = user_routines / "odd.toml"
    source.write_text('"name" = "Odd"\n[[steps]]\nname = "A"\nduration = 5\n')
    copy = duplicate_routine(source, load_routine(source))
    assert load_routine(copy).name == "Odd (copy)"


def test_delete_moves_to_trash_and_never_overwrites(user_routines: Path) -> None:
    path = user_routines / "gone.toml"
    path.write_text(COMMENTED)
    os.utime(path, (1_700_000_000, 1_700_000_000))
    first = move_to_trash(path)
    assert not path.exists()
    assert first == trash_dir() / "gone.toml" and first.read_text() == COMMENTED
    assert first.stat().st_mtime == 1_700_000_000  # the trash sorts by when it was written
    path.write_text("second")
    second = move_to_trash(path)
    assert second != first and second.read_text() == "second"
    assert first.read_text() == COMMENTED


def test_the_template_is_a_valid_routine() -> None:
    template = template_routine("Mine")
    assert parse_routine_text(dumps_routine(template), "t") == template
    assert {s.shape for s in template.steps} == {"timed", "held", "rest", "breathing"}
    assert template.name == "Mine" and template_routine().name == "My routine"
    assert template == parse_routine_text(starter_text("Mine"), "t")


# -- the form's draft -------------------------------------------------------------


def test_every_builtin_survives_the_form_unchanged() -> None:
    for path in sorted(builtin_routines_dir().glob("*.toml")):
        loaded = load_routine(path)
        assert RoutineDraft.from_routine(loaded).check(str(path)).routine == loaded


def test_form_problems_are_the_messages_of_check(tmp_path: Path) -> None:
    draft = RoutineDraft.from_routine(routine())
    draft.steps[1].set("hold", "-5")
    draft.steps[1].set("sides", "both ways")
    draft.rounds = "two"
    checked = draft.check("r.toml")
    assert checked.routine is None
    on_disk = tmp_path / "r.toml"
    on_disk.write_text(dumps_routine(routine()).replace("hold = 5", "hold = -5"))
    with pytest.raises(RoutineError) as raised:
        load_routine(on_disk)
    check_lines = [str(p) for p in raised.value.problems]
    hold = checked.for_field(2, "hold")
    assert hold == ["hold must be a positive number of seconds, got -5"]
    assert any(line.endswith(hold[0]) for line in check_lines)
    assert checked.for_field(2, "sides")[0].startswith('sides must be "both", "left" or "right"')
    assert checked.for_field(None, "rounds") == [
        'rounds must be a whole number from 1 to 50, got "two"'
    ]
    assert checked.steps_with_problems() == {2}
    assert {field_of(p) for p in checked.problems} == {"hold", "sides", "rounds"}


def test_breathing_length_problems_sit_on_the_length_field() -> None:
    draft = RoutineDraft.from_routine(routine())
    step = draft.steps[0]
    step.change_shape("breathing")
    step.set("length", "")
    checked = draft.check("r.toml")
    assert checked.for_field(1, "length") == [
        'a breathing step needs "cycles" (whole breaths) or "minutes"'
    ]
    step.set("breathing", "nonsense")
    step.set("length", "6")
    assert checked.for_field(1, "breathing") == [] and draft.check("r.toml").for_field(
        1, "breathing"
    )[0].startswith('unknown breathing preset "nonsense"')


def test_changing_shape_carries_the_time_and_back_loses_nothing() -> None:
    draft = RoutineDraft.from_routine(routine())
    step = draft.steps[0]
    step.change_shape("held")
    assert step.get("hold") == "30"
    step.set("reps", "4")
    step.change_shape("breathing")
    assert step.to_data()["breathing"] == "diaphragmatic"
    step.change_shape("held")
    assert step.get("reps") == "4"
    assert draft.check("x").routine is not None


def test_the_form_names_only_the_four_shapes() -> None:
    assert [shape_named(s) for s in ("timed", "held", "rest", "breathing")] == list(SHAPES)
    with pytest.raises(ValueError, match="not a step shape"):
        shape_named("Timed")
