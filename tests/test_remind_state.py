"""What reminders remember between runs (`core/remind_state.py`): real JSON files in the
state folder, read back as written; a damaged or foreign file reads as nothing remembered."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from backcare_tui.core.remind_state import (
    Installed,
    Memory,
    forget_installed,
    installed_file,
    last_file,
    load_installed,
    load_memory,
    save_installed,
    save_memory,
)
from backcare_tui.core.wake import LastCheck


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder / "backcare"


def test_the_files_live_in_the_state_folder(state: Path) -> None:
    assert last_file() == state / "remind-last.json"
    assert installed_file() == state / "remind-installed.json"


def test_the_last_reminder_and_check_are_kept_to_the_second(state: Path) -> None:
    zone = timezone(timedelta(hours=1))
    memory = Memory(datetime(2026, 11, 30, 10, 0, 7, 900_000, tzinfo=zone), LastCheck(812.5, 3.0))
    save_memory(memory)
    assert (state / "remind-last.json").read_text(encoding="utf-8") == (
        "{\n"
        '  "last_reminder": "2026-11-30T10:00:07+01:00",\n'
        '  "check_monotonic": 812.5,\n'
        '  "check_slept": 3.0\n'
        "}\n"
    )
    assert load_memory() == Memory(datetime(2026, 11, 30, 10, 0, 7, tzinfo=zone), memory.last_check)


def test_nothing_remembered_writes_an_empty_object(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere" / "last.json"
    save_memory(Memory(), path)
    assert path.read_text(encoding="utf-8") == "{}\n"
    assert load_memory(path) == Memory(None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, Memory()),
        ("{ not json", Memory()),
        ("[1, 2]", Memory()),
        ('"2026-11-30T10:00:00+00:00"', Memory()),
        ('{"last_reminder": "2026-11-30T10:00:00"}', Memory()),
        ('{"last_reminder": 1764496800}', Memory()),
        (
            '{"last_reminder": "2026-11-30T10:00:00+00:00", "check_monotonic": "5"}',
            Memory(datetime(2026, 11, 30, 10, tzinfo=UTC)),
        ),
        ('{"check_monotonic": 5, "check_slept": 2}', Memory(None, LastCheck(5.0, 2.0))),
        ('{"check_monotonic": 5}', Memory()),
        ('{"check_slept": 2}', Memory()),
        ('{"last_reminder": "Monday", "check_monotonic": 5, "check_slept": 2}', Memory()),
    ],
    ids=[
        "missing",
        "damaged",
        "a list",
        "a string",
        "no zone",
        "a number",
        "check not numbers",
        "check alone",
        "half a check",
        "the other half",
        "not a time",
    ],
)
def test_what_cannot_be_read_is_not_remembered(
    tmp_path: Path, text: str | None, expected: Memory
) -> None:
    path = tmp_path / "remind-last.json"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    memory = load_memory(path)
    assert memory == expected
    if memory.last_check is not None:
        assert type(memory.last_check.monotonic) is float
        assert type(memory.last_check.slept) is float


def test_what_remind_set_installed_is_read_back_and_forgotten(state: Path) -> None:
    installed = Installed(
        "systemd",
        files=("/home/me/.config/systemd/user/backcare-remind.timer",),
        cron_lines=(),
        units=("backcare-remind.timer",),
    )
    save_installed(installed)
    assert json.loads((state / "remind-installed.json").read_text(encoding="utf-8")) == {
        "method": "systemd",
        "files": ["/home/me/.config/systemd/user/backcare-remind.timer"],
        "cron_lines": [],
        "units": ["backcare-remind.timer"],
    }
    assert (state / "remind-installed.json").read_text(encoding="utf-8").endswith('"\n  ]\n}\n')
    assert load_installed() == installed
    forget_installed()
    assert not (state / "remind-installed.json").exists()
    assert load_installed() is None
    forget_installed()


@pytest.mark.parametrize("method", ["cron", "launchd"])
def test_each_method_is_read_back(tmp_path: Path, method: str) -> None:
    path = tmp_path / "installed.json"
    save_installed(Installed(method, cron_lines=("*/30 * * * * backcare remind now",)), path)
    assert load_installed(path) == Installed(method, (), ("*/30 * * * * backcare remind now",), ())


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"method": "anacron", "files": ["a"]}, None),
        ({"files": ["a"]}, None),
        ({"method": "cron"}, Installed("cron")),
        (
            {"method": "cron", "files": "a", "cron_lines": ["x", 3, None, "y"], "units": {"u": 1}},
            Installed("cron", (), ("x", "y"), ()),
        ),
    ],
    ids=["unknown method", "no method", "only a method", "wrong types"],
)
def test_an_installed_file_of_another_shape(
    tmp_path: Path, data: dict[str, object], expected: Installed | None
) -> None:
    path = tmp_path / "installed.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_installed(path) == expected
