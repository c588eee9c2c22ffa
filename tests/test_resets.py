"""core/resets.py: the file `backcare progress --reset` writes, read back, and its failures.

A person may open `progress-resets.toml` to undo a reset (its header says how), so what it
holds is checked character for character; a file that cannot be read must never be taken
for "no resets", since that would bring old levels back.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from backcare_tui.core import resets as resets_module
from backcare_tui.core.errors import BackcareError
from backcare_tui.core.resets import HEADER, add_reset, load_resets, resets_file, resets_for

IN_BERLIN = timezone(timedelta(hours=1))


def test_the_file_lives_beside_the_history(isolated_home: Path) -> None:
    assert resets_file() == isolated_home / "data" / "backcare" / "progress-resets.toml"


def test_no_file_is_no_resets(isolated_home: Path) -> None:
    assert load_resets() == {}
    assert resets_for(load_resets(), "Plank practice") == []


@pytest.fixture
def in_berlin(machine_zone: Callable[[str], None]) -> None:
    """The machine's own zone is not UTC (the file must not follow it)."""
    machine_zone("Europe/Berlin")


def test_each_reset_is_one_entry_in_utc_to_the_second(isolated_home: Path, in_berlin: None) -> None:
    add_reset("Plank practice", datetime(2026, 11, 20, 9, 30, 15, 999_000, tzinfo=IN_BERLIN))
    add_reset("Desk break", datetime(2026, 11, 21, 7, 0, tzinfo=UTC))
    assert resets_file().read_text(encoding="utf-8") == (
        "# backcare: when each routine's levels were reset to 0 (backcare progress --reset).\n"
        "# Sessions before a reset no longer count towards levels; none is deleted.\n"
        "# Remove an entry to undo its reset.\n"
        "reset = [\n"
        '    { routine = "Plank practice", at = 2026-11-20 08:30:15+00:00 },\n'
        '    { routine = "Desk break", at = 2026-11-21 07:00:00+00:00 },\n'
        "]\n"
    )


def test_resets_are_read_by_name_whatever_its_case_and_spaces(isolated_home: Path) -> None:
    first = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    second = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
    add_reset("Plank Practice", first)
    add_reset("  plank practice ", second)
    resets = load_resets()
    assert resets == {"plank practice": [first, second]}
    assert resets_for(resets, "PLANK PRACTICE") == [first, second]
    assert resets_for(resets, "Desk break") == []


def test_a_hand_edited_file_keeps_what_makes_sense(isolated_home: Path) -> None:
    """A time without a zone is taken as UTC (as written); entries that are not a routine
    name and a time are passed over, never an error, and never stop the reading."""
    path = resets_file()
    path.parent.mkdir(parents=True)
    path.write_text(
        "reset = [\n"
        '  "Plank",\n'
        '  { routine = "Plank", at = 2026-11-20T08:30:00 },\n'
        '  { routine = "Plank", at = 2026-11-21T08:30:00+02:00 },\n'
        '  { routine = "Plank", at = "yesterday" },\n'
        "  { routine = 3, at = 2026-11-20T08:30:00Z },\n"
        "]\n",
        encoding="utf-8",
    )
    assert load_resets(path) == {
        "plank": [
            datetime(2026, 11, 20, 8, 30, tzinfo=UTC),
            datetime(2026, 11, 21, 6, 30, tzinfo=UTC),
        ]
    }
    add_reset("Plank", datetime(2026, 11, 22, tzinfo=UTC))
    assert load_resets(path)["plank"][-1] == datetime(2026, 11, 22, tzinfo=UTC)
    assert len(load_resets(path)["plank"]) == 3  # the string entry is dropped on rewrite


@pytest.mark.parametrize(
    "content",
    [b"reset = [ {", b"\xff\xfe not text"],
    ids=["not TOML", "not UTF-8"],
)
def test_a_damaged_file_is_an_error_naming_it_and_is_left_as_it_was(
    isolated_home: Path, content: bytes
) -> None:
    path = resets_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(BackcareError) as read:
        load_resets()
    assert read.value.title == "Level resets unreadable"
    assert read.value.message.startswith(f"{path}: ")
    with pytest.raises(BackcareError) as written:
        add_reset("Plank", datetime(2026, 11, 22, tzinfo=UTC))
    assert written.value.title == "Level reset not saved"
    assert written.value.message.startswith(f"{path}: ")
    assert path.read_bytes() == content


def test_a_reset_that_cannot_be_written_says_so(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A data folder on a read-only disk: a message, not a traceback, and nothing written."""

    def read_only(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    path = resets_file()
    monkeypatch.setattr(Path, "mkdir", read_only)
    with pytest.raises(BackcareError) as caught:
        add_reset("Plank", datetime(2026, 11, 22, tzinfo=UTC))
    assert caught.value.title == "Level reset not saved"
    assert caught.value.message == (f"{path}: [Errno 30] Read-only file system: '{path.parent}'")
    assert not path.parent.exists()


def test_a_reset_goes_into_new_folders(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere" / "deeper" / "resets.toml"
    add_reset("Plank", datetime(2026, 11, 22, tzinfo=UTC), path)
    assert load_resets(path) == {"plank": [datetime(2026, 11, 22, tzinfo=UTC)]}


@pytest.mark.parametrize(
    "text",
    ["", HEADER, HEADER + "reset = []\n", "[other]\nkey = 1\n"],
    ids=["empty", "every entry removed", "an empty list", "no reset table"],
)
def test_a_file_with_every_reset_removed_has_none_and_takes_a_new_one(
    isolated_home: Path, text: str
) -> None:
    """Its header says "Remove an entry to undo its reset": all of them may go."""
    path = resets_file()
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    assert load_resets() == {}
    add_reset("Plank", datetime(2026, 11, 22, tzinfo=UTC))
    assert load_resets() == {"plank": [datetime(2026, 11, 22, tzinfo=UTC)]}


def test_names_in_any_script_are_written_and_read_back_whatever_the_locale(
    isolated_home: Path,
) -> None:
    """The file is UTF-8: a process whose locale reads files as ASCII (UTF-8 mode and C locale
    coercion off, as a bare `LC_ALL=C` service may run) still reads "Übung" back and adds to it."""
    add_reset("Übung für Rücken", datetime(2026, 11, 22, tzinfo=UTC))
    code = (
        "import sys\n"
        "from datetime import UTC, datetime\n"
        "from backcare_tui.core.resets import add_reset, load_resets\n"
        "add_reset('\\u00dcbung', datetime(2026, 11, 23, tzinfo=UTC))\n"
        "print(ascii(sorted(load_resets())), sys.flags.utf8_mode)\n"
    )
    package_root = Path(resets_module.__file__).resolve().parent.parent.parent
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=package_root
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "['\\xfcbung', '\\xfcbung f\\xfcr r\\xfccken'] 0\n"
    assert sorted(load_resets()) == ["übung", "übung für rücken"]  # and here, as written there
