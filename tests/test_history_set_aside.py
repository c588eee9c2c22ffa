"""A damaged history is set aside whole: the log and its -wal/-shm companions move together."""

from __future__ import annotations

import os
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sessions import a_session

from backcare_tui.core import history_db
from backcare_tui.core.errors import BackcareError
from backcare_tui.core.history import load_history, record_session

START = datetime(2024, 3, 4, 8, 30, tzinfo=UTC)


def companions_of(folder: Path, suffixes: tuple[str, ...]) -> dict[str, bytes]:
    old = {suffix: f"old {suffix} pages\n".encode() * 100 for suffix in suffixes}
    for suffix, data in old.items():
        (folder / f"history.db{suffix}").write_bytes(data)
    return old


@pytest.mark.parametrize("suffixes", [("-wal", "-shm"), ("-wal",), ("-shm",), ()])
def test_setting_aside_moves_the_companions_with_the_log(
    tmp_path: Path, suffixes: tuple[str, ...]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "history.db"
    path.write_bytes(b"damaged")
    old = companions_of(folder, suffixes)
    notice = history_db.set_aside(path)
    [aside] = [
        p
        for p in folder.iterdir()
        if p.name.startswith("history.db.corrupt-") and not p.name.endswith(("-wal", "-shm"))
    ]
    assert notice == (
        f"The history file was damaged; it was moved to {aside} and a new history was started."
    )
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [aside.name] + [aside.name + suffix for suffix in suffixes]
    )
    for suffix, data in old.items():
        assert (folder / f"{aside.name}{suffix}").read_bytes() == data


def test_a_new_log_never_starts_beside_the_old_logs_pages(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    path.write_bytes(b"this is not a database\n" * 200)
    old = companions_of(tmp_path, ("-wal", "-shm"))
    row_id, [notice] = record_session(a_session(START, name="Desk break"), path)
    assert "moved to" in notice
    for suffix, data in old.items():
        beside_new = tmp_path / f"history.db{suffix}"
        assert not beside_new.exists() or data not in beside_new.read_bytes()
    [session] = load_history(path).sessions
    assert (session.id, session.summary.routine_name) == (row_id, "Desk break")


def test_copies_set_aside_in_the_same_second_are_numbered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(time, "strftime", lambda _format: "20240304-083000")
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "history.db"
    for n in range(3):
        path.write_bytes(b"damaged %d" % n)
        history_db.set_aside(path)
    assert sorted(p.name for p in folder.iterdir()) == [
        "history.db.corrupt-20240304-083000",
        "history.db.corrupt-20240304-083000-2",
        "history.db.corrupt-20240304-083000-3",
    ]
    assert (folder / "history.db.corrupt-20240304-083000-3").read_bytes() == b"damaged 2"


def test_the_copy_is_named_for_the_moment_it_was_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    path.write_bytes(b"damaged")
    history_db.set_aside(path)
    [aside] = tmp_path.glob("history.db.corrupt-*")
    assert re.fullmatch(r"history\.db\.corrupt-\d{8}-\d{6}", aside.name)


def test_a_log_that_cannot_be_moved_aside_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.db"
    path.write_bytes(b"damaged")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "rename", refuse)
    with pytest.raises(BackcareError) as raised:
        history_db.set_aside(path)
    assert (raised.value.title, raised.value.message) == (
        "History damaged",
        f"{path} is damaged and cannot be moved aside: [Errno 13] Permission denied",
    )
