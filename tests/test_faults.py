"""Fault injection: nothing is lost when a write fails, a process dies or a file is bad.

Routine saves are interrupted by an OSError at each step of the atomic write
and by a real SIGKILL of a child process at each step; the routine on disk is
always the old one whole or the new one whole. A garbage config file gives
the defaults and a message. The history database locked, read-only, corrupt
or on a full disk never stops a session from ending: the summary appears, the
user is told, the app keeps working.
"""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from apps import AppFactory
from on_screen import toasts
from sessions import a_session
from textual.pilot import Pilot

from backcare_tui.app import BackcareApp, make_app
from backcare_tui.core import history, history_db
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.history import load_history
from backcare_tui.core.library import EXTRA, Folder, scan
from backcare_tui.core.loader import load_routine
from backcare_tui.core.model import Held, Routine, Step, Timed
from backcare_tui.core.paths import config_file, history_file
from backcare_tui.core.routine_files import backups_of, save_with_backup, write_new_file
from backcare_tui.core.session_summary import SessionSummary
from backcare_tui.core.settings import Settings, load_settings, save_settings
from backcare_tui.screens.home import HomeScreen
from backcare_tui.screens.player import PlayerScreen
from backcare_tui.screens.summary import SummaryScreen

OLD = """\
# My morning routine: the comment must survive a failed save.
format = 1
name = "Morning"

[[steps]]
name = "Chin tuck"
hold = 5
reps = 3
rest = 2
"""


@pytest.fixture
def routine_file(user_routines: Path) -> Path:
    path = user_routines / "morning.toml"
    path.write_text(OLD, encoding="utf-8")
    return path


def changed(path: Path) -> Routine:
    routine = load_routine(path)
    return replace(routine, name="Morning, changed", rest_between=10)


def only_the_routine_is_left(path: Path) -> None:
    """The old file whole, loadable, and no temporary file left in the folder."""
    assert path.read_text(encoding="utf-8") == OLD
    assert load_routine(path).name == "Morning"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


# -- an OSError at each step of a save ----------------------------------------------


class FailingHandle:
    """A file that takes half of what is written, then fails like a full disk."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)

    def __enter__(self) -> FailingHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


def _fail_write(monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: FailingHandle(real(fd, *a, **k)))


def _fail_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)


def _fail_replace(monkeypatch: pytest.MonkeyPatch) -> None:
    def replace_(src: str, dst: Any) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", replace_)


FAILURES = {"write": _fail_write, "fsync": _fail_fsync, "rename": _fail_replace}


@pytest.mark.parametrize("step", FAILURES)
def test_a_save_failing_at_any_step_keeps_the_old_routine(
    routine_file: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    new = changed(routine_file)
    FAILURES[step](monkeypatch)
    with pytest.raises(OSError):
        save_with_backup(new, routine_file)
    monkeypatch.undo()
    only_the_routine_is_left(routine_file)
    # Whatever was backed up before the failure is a spare copy of the old file.
    assert all(b.read_text(encoding="utf-8") == OLD for b in backups_of("morning"))


@pytest.mark.parametrize("step", FAILURES)
def test_a_settings_save_failing_at_any_step_keeps_the_old_config(
    monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("weekly_goal = 4\nsound = false\n", encoding="utf-8")
    FAILURES[step](monkeypatch)
    with pytest.raises(OSError):
        save_settings(Settings(weekly_goal=7))
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == "weekly_goal = 4\nsound = false\n"
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]


def test_a_new_routine_that_fails_to_write_leaves_nothing_behind(
    user_routines: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: FailingHandle(real(fd, *a, **k)))
    with pytest.raises(OSError):
        write_new_file(user_routines, "fresh", OLD.encode())
    assert list(user_routines.iterdir()) == []


# -- SIGKILL at each step of a save, in a real child process ----------------------------

KILLED_SAVE = textwrap.dedent(
    """
    import os, signal, sys
    from dataclasses import replace
    from pathlib import Path

    from backcare_tui.core import atomic
    from backcare_tui.core.routine_files import save_with_backup
    from backcare_tui.core.loader import load_routine

    path, point = Path(sys.argv[1]), sys.argv[2]
    real_fdopen, real_fsync, real_replace = os.fdopen, os.fsync, os.replace
    real_fsync_folder = atomic._fsync_folder

    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    def ours(fd):
        # The routine's own temporary file, not the backup written before it.
        return Path(os.readlink(f"/proc/self/fd/{fd}")).parent == path.parent

    class Half:
        def __init__(self, handle):
            self.handle = handle
        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            die()
        def __getattr__(self, name):
            return getattr(self.handle, name)
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            self.handle.close()

    if point == "mid-backup":
        atomic.os.fdopen = lambda fd, *a, **k: Half(real_fdopen(fd, *a, **k))
    elif point == "mid-write":
        atomic.os.fdopen = lambda fd, *a, **k: (
            Half(real_fdopen(fd, *a, **k)) if ours(fd) else real_fdopen(fd, *a, **k)
        )
    elif point == "before-fsync":
        atomic.os.fsync = lambda fd: die() if ours(fd) else real_fsync(fd)
    elif point == "before-rename":
        atomic.os.replace = lambda src, dst: die() if Path(dst) == path else real_replace(src, dst)
    elif point == "after-rename":
        atomic._fsync_folder = lambda folder: (
            die() if folder == path.parent else real_fsync_folder(folder)
        )
    routine = load_routine(path)
    save_with_backup(replace(routine, name="Morning, changed"), path)
    print("the kill did not happen", flush=True)
    """
)

KILL_POINTS = ["mid-backup", "mid-write", "before-fsync", "before-rename", "after-rename"]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
@pytest.mark.parametrize("point", KILL_POINTS)
def test_kill_9_during_a_save_leaves_the_old_routine_or_the_new_one_whole(
    routine_file: Path, point: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", KILLED_SAVE, str(routine_file), point],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, (done.stdout, done.stderr)
    if point == "after-rename":
        assert load_routine(routine_file).name == "Morning, changed"
    else:
        assert routine_file.read_text(encoding="utf-8") == OLD
    # A temporary file may be left by the kill; it is hidden and never loads as a routine.
    leftovers = [p for p in routine_file.parent.iterdir() if p != routine_file]
    assert all(p.name.startswith(".morning.toml.") and p.suffix == ".tmp" for p in leftovers)
    if point in ("mid-write", "before-fsync", "before-rename"):
        assert leftovers, "the kill landed in the routine's own write"
    library = scan([Folder(EXTRA, routine_file.parent)])
    assert [e.path for e in library.entries] == [routine_file]
    assert library.broken == ()


KILLED_SETTINGS = textwrap.dedent(
    """
    import os, signal
    from backcare_tui.core import atomic
    from backcare_tui.core.settings import Settings, save_settings

    atomic.os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)
    save_settings(Settings(weekly_goal=7))
    """
)


def test_kill_9_while_saving_settings_keeps_the_old_config() -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("weekly_goal = 4\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", KILLED_SETTINGS],
        capture_output=True,
        env=os.environ.copy(),
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL
    assert load_settings() == (Settings(weekly_goal=4), [])


# -- a config file with garbage -------------------------------------------------------------

GARBAGE = {
    "binary": b"\x00\xff\xfe garbage \x89PNG\r\n",
    "not toml": b"weekly_goal = = 3\n[[[\n",
    "wrong values": b'weekly_goal = "lots"\nsound = 3\nprepare_seconds = -1\ntheme = []\n',
    "escape codes": b'theme = "\x1b]52;c;aGk=\x07"\nnotice_seen = "\x1b[2J"\n',
}


@pytest.mark.parametrize("name", GARBAGE)
def test_a_garbage_config_gives_defaults_and_a_message(name: str) -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(GARBAGE[name])
    settings, problems = load_settings()
    assert problems, "the user is told"
    assert all(str(path) in p and "\x1b" not in p for p in problems)
    if name == "escape codes":
        assert "\x1b" not in settings.theme
    else:
        assert settings == Settings()


async def test_the_app_starts_on_a_garbage_config_and_says_so() -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(GARBAGE["not toml"])
    app = make_app(clock=FakeClock())
    async with app.run_test(notifications=True) as pilot:
        await pilot.pause()
        assert app.settings == Settings()
        messages = toasts(app)
        assert any(str(path) in m and "default" in m for m in messages), messages


# -- the history database at the end of a session ------------------------------------------

ROUTINE = Routine("Fault drill", (Step("March", Timed(14)), Step("Hold", Held(hold=2))), prepare=0)
LENGTH = 16.0
"""Over MIN_RECORDED_SECONDS, so the session is one the history must keep."""


async def play_to_the_end(app: BackcareApp, pilot: Pilot[Any]) -> None:
    app.start_session(ROUTINE)
    await pilot.pause()
    assert isinstance(app.screen, PlayerScreen)
    clock = app.clock
    assert isinstance(clock, FakeClock)
    clock.set(LENGTH + 0.1)
    app.screen.sync()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


class FullDisk:
    """A connection whose writes fail the way SQLite fails on a full disk."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.lstrip().upper().startswith(("INSERT", "CREATE", "ALTER")):
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = sqlite3.SQLITE_FULL
            error.sqlite_errorname = "SQLITE_FULL"
            raise error
        return self.connection.execute(sql, *args)

    def close(self) -> None:
        self.connection.close()


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    connect = history_db.connect
    monkeypatch.setattr(history_db, "connect", lambda path: FullDisk(connect(path)))


def _read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, who ignores file modes; SQLite's read-only mode is the same refusal.
    history.record_session(_earlier())

    def read_only(path: Path) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)

    monkeypatch.setattr(history_db, "connect", read_only)


def _earlier() -> SessionSummary:
    return a_session(datetime(2026, 1, 5, 9, 0, tzinfo=UTC), name="Earlier")


FAULTS = {
    "full disk": (_full_disk, "disk holding"),
    "read-only": (_read_only, "read-only"),
}


@pytest.mark.parametrize("fault", FAULTS)
async def test_a_session_ends_cleanly_when_the_history_cannot_be_written(
    monkeypatch: pytest.MonkeyPatch, fault: str, app_with: AppFactory
) -> None:
    inject, words = FAULTS[fault]
    inject(monkeypatch)
    app = app_with()
    async with app.run_test(notifications=True) as pilot:
        await play_to_the_end(app, pilot)
        assert isinstance(app.screen, SummaryScreen), "the session still ends"
        messages = toasts(app)
        assert any("not added to the history" in m and words in m for m in messages), messages
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen), "and the app goes on"


async def test_a_locked_history_is_waited_for_then_reported(
    monkeypatch: pytest.MonkeyPatch,
    app_with: AppFactory,
) -> None:
    history.record_session(_earlier())
    monkeypatch.setattr(history_db, "BUSY_TIMEOUT_SECONDS", 0.05)
    holder = sqlite3.connect(history_file(), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        app = app_with()
        async with app.run_test(notifications=True) as pilot:
            await play_to_the_end(app, pilot)
            assert isinstance(app.screen, SummaryScreen)
            assert any("locked by another program" in m for m in toasts(app)), toasts(app)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert [s.summary.routine_name for s in load_history().sessions] == ["Earlier"]


async def test_a_corrupt_history_is_set_aside_and_the_session_kept(app_with: AppFactory) -> None:
    path = history_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    garbage = b"this is not a database\x00" * 300
    path.write_bytes(garbage)
    app = app_with()
    async with app.run_test(notifications=True) as pilot:
        await play_to_the_end(app, pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert any("damaged" in m and "moved to" in m for m in toasts(app)), toasts(app)
    [aside] = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert aside.read_bytes() == garbage, "set aside byte for byte, never overwritten"
    assert [s.summary.routine_name for s in load_history().sessions] == ["Fault drill"]


async def test_quitting_mid_session_on_a_full_disk_reports_after_the_app(
    monkeypatch: pytest.MonkeyPatch,
    app_with: AppFactory,
) -> None:
    """Stored synchronously on the way out; the CLI prints what could not be shown."""
    _full_disk(monkeypatch)
    app = app_with()
    async with app.run_test() as pilot:
        app.start_session(ROUTINE)
        await pilot.pause()
        clock = app.clock
        assert isinstance(clock, FakeClock)
        clock.set(12)
        await app.action_quit()
        await pilot.pause()
    assert any("not added to the history" in line for line in app.outcome.lines), app.outcome.lines
