"""What a person reads when the history cannot be used: one message per kind of trouble."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from backcare_tui.core import history

PATH = Path("/data/backcare/history.db")


def error(name: str, text: str = "disk I/O error") -> sqlite3.Error:
    failure = sqlite3.OperationalError(text)
    failure.sqlite_errorname = name
    return failure


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "SQLITE_BUSY",
            f"{PATH} is locked by another program and stayed locked for 10 s.",
        ),
        (
            "SQLITE_LOCKED_SHAREDCACHE",
            f"{PATH} is locked by another program and stayed locked for 10 s.",
        ),
        (
            "SQLITE_READONLY_DBMOVED",
            f"{PATH} is read-only; check its permissions and those of its folder.",
        ),
        ("SQLITE_FULL", f"the disk holding {PATH} is full; free some space."),
        (
            "SQLITE_CANTOPEN",
            f"cannot open {PATH}; check that it and its folder can be read and written.",
        ),
        (
            "SQLITE_PERM",
            f"cannot open {PATH}; check that it and its folder can be read and written.",
        ),
        ("SQLITE_IOERR_READ", f"{PATH}: disk I/O error."),
    ],
)
def test_each_kind_of_trouble_has_its_message(name: str, message: str) -> None:
    explained = history._explain(error(name), PATH)
    assert (explained.title, explained.message) == ("History unavailable", message)


@pytest.mark.parametrize(
    ("name", "damaged"),
    [
        ("SQLITE_CORRUPT", True),
        ("SQLITE_NOTADB", True),
        ("SQLITE_BUSY", False),
        ("SQLITE_FULL", False),
        ("", False),
    ],
)
def test_only_a_damaged_file_is_set_aside(name: str, damaged: bool) -> None:
    assert history._is_damaged(error(name)) is damaged
