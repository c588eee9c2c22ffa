"""Files changed on disk are noticed by a cheap snapshot, and home picks them up."""

from __future__ import annotations

import os
from pathlib import Path

from apps import AppFactory
from textual.widgets import OptionList

from backcare_tui.core.model import Routine, Step, Timed
from backcare_tui.core.watch import changed, snapshot
from backcare_tui.core.writer import dumps_routine, save_routine
from backcare_tui.screens.home import HomeScreen


def test_snapshot_sees_only_routine_files(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text("x")
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "sub.toml").mkdir()
    found = snapshot([tmp_path, tmp_path / "missing"])
    assert list(found) == [str(tmp_path / "a.toml")]


def test_changed_lists_added_modified_and_removed(tmp_path: Path) -> None:
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_text("one")
    before = snapshot([tmp_path])
    assert changed(before, snapshot([tmp_path])) == frozenset()
    a.write_text("one more")
    b.write_text("new")
    after = snapshot([tmp_path])
    assert changed(before, after) == {str(a), str(b)}
    b.unlink()
    assert changed(after, snapshot([tmp_path])) == {str(b)}


def test_an_atomic_save_is_seen_even_with_the_same_size_and_time(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    save_routine(Routine("A", (Step("One", Timed(30)),)), path)
    before = snapshot([tmp_path])
    stat = path.stat()
    save_routine(Routine("B", (Step("One", Timed(30)),)), path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    assert changed(before, snapshot([tmp_path])) == {str(path)}


async def test_home_picks_up_a_file_written_elsewhere(
    user_routines: Path, app_with: AppFactory
) -> None:
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        names = [e.key for e in home.entries]
        assert "from-elsewhere" not in names
        routine = Routine("From elsewhere", (Step("One", Timed(30)),))
        (user_routines / "from-elsewhere.toml").write_text(dumps_routine(routine))
        home.check_disk()  # what the 1 s timer calls
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "from-elsewhere" in [e.key for e in home.entries]
        assert app.library.find("from-elsewhere") is not None
        assert home.query_one("#home-routines", OptionList).option_count > len(names)


async def test_home_does_not_rescan_when_nothing_changed(
    user_routines: Path, app_with: AppFactory
) -> None:
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        library = app.library
        home.check_disk()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.library is library


def test_every_routine_file_is_seen_past_whatever_else_the_folder_holds(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    files = [first / f"r{n:02d}.toml" for n in range(12)] + [second / "s.toml"]
    for path in files:
        path.write_text("x")
    # Made last, so a folder that lists newest first (tmpfs) gives them first.
    for n in range(5):
        (first / f"notes{n}.txt").write_text("x")
        (first / f"folder{n}.toml").mkdir()
    (first / "loop.toml").symlink_to(first / "loop.toml")
    found = snapshot([tmp_path / "missing", first, tmp_path / "r00.toml", second])
    assert sorted(found) == sorted(str(path) for path in files)
