"""core/atomic.py on its own: what a write leaves on disk, its permissions, and that a
failed or refused write leaves the old file whole and no temporary file behind.

tests/test_faults.py interrupts saves of routines and settings at each step; these check
the two functions directly, with real files.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from backcare_tui.core.atomic import atomic_create, atomic_write


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of its own (tmp_path also holds the XDG folders of tests/conftest.py)."""
    made = tmp_path / "here"
    made.mkdir()
    return made


@pytest.mark.parametrize(
    ("before", "after"),
    [(None, 0o644), (0o600, 0o600), (0o640, 0o640), (0o755, 0o755)],
    ids=["new file", "private", "group-readable", "executable"],
)
def test_a_write_keeps_the_files_permissions_and_a_new_file_is_readable(
    folder: Path, before: int | None, after: int
) -> None:
    path = folder / "config.toml"
    if before is not None:
        path.write_bytes(b"old = 1\n")
        path.chmod(before)
    atomic_write(path, b"new = 2\n")
    assert path.read_bytes() == b"new = 2\n"
    assert mode(path) == after
    assert names(folder) == ["config.toml"]


def test_a_write_makes_the_missing_folders(folder: Path) -> None:
    path = folder / "a" / "b" / "resets.toml"
    atomic_write(path, b"x\n")
    assert path.read_bytes() == b"x\n"
    assert names(path.parent) == ["resets.toml"]


def test_a_new_file_is_created_whole_readable_and_in_new_folders(folder: Path) -> None:
    path = folder / "config" / "routines" / "plank.toml"
    atomic_create(path, b'name = "Plank"\n')
    assert path.read_bytes() == b'name = "Plank"\n'
    assert mode(path) == 0o644
    assert names(path.parent) == ["plank.toml"]


def test_creating_over_an_existing_file_refuses_and_leaves_it_whole(folder: Path) -> None:
    path = folder / "plank.toml"
    path.write_bytes(b"mine\n")
    path.chmod(0o600)
    with pytest.raises(FileExistsError):
        atomic_create(path, b"theirs\n")
    assert path.read_bytes() == b"mine\n"
    assert mode(path) == 0o600
    assert names(folder) == ["plank.toml"]


def _no_space(monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)


def _no_rename(monkeypatch: pytest.MonkeyPatch) -> None:
    def replace(src: object, dst: object) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", replace)


def _interrupted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+C while the data goes out: not an OSError, and still cleaned up."""

    def replace(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize(
    ("fault", "error"),
    [(_no_space, OSError), (_no_rename, OSError), (_interrupted, KeyboardInterrupt)],
    ids=["disk full", "rename refused", "interrupted"],
)
def test_a_failed_write_leaves_the_old_file_whole_and_nothing_else(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: Callable[[pytest.MonkeyPatch], None],
    error: type[BaseException],
) -> None:
    path = folder / "config.toml"
    path.write_bytes(b"old = 1\n")
    fault(monkeypatch)
    with pytest.raises(error):
        atomic_write(path, b"new = 2\n")
    monkeypatch.undo()
    assert path.read_bytes() == b"old = 1\n"
    assert names(folder) == ["config.toml"]


def test_a_failed_create_leaves_nothing(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_space(monkeypatch)
    with pytest.raises(OSError):
        atomic_create(folder / "plank.toml", b"x\n")
    monkeypatch.undo()
    assert names(folder) == []


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
@pytest.mark.parametrize("write", [atomic_write, atomic_create], ids=["write", "create"])
def test_writes_leave_no_file_descriptor_open(
    folder: Path, write: Callable[[Path, bytes], None]
) -> None:
    """The app saves settings and routines for hours; each save must close what it opened."""
    before = len(os.listdir("/proc/self/fd"))
    for n in range(20):
        write(folder / f"{n}.toml", b"x\n")
    assert len(os.listdir("/proc/self/fd")) == before


def test_a_folder_that_cannot_be_synced_still_gets_the_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some file systems refuse fsync on a folder; the file is written all the same."""
    real = os.fsync
    folder_fds: list[int] = []
    real_open = os.open

    def open_(path: object, flags: int, *args: object) -> int:
        fd = real_open(path, flags, *args)  # type: ignore[arg-type]
        if Path(str(path)) == folder:
            folder_fds.append(fd)
        return fd

    def fsync(fd: int) -> None:
        if fd in folder_fds:
            raise OSError(errno.EINVAL, "Invalid argument")
        real(fd)

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "fsync", fsync)
    before = len(os.listdir("/proc/self/fd"))
    atomic_write(folder / "config.toml", b"x\n")
    assert (folder / "config.toml").read_bytes() == b"x\n"
    assert len(os.listdir("/proc/self/fd")) == before


@pytest.mark.parametrize(
    ("write", "finish"),
    [(atomic_write, "replace"), (atomic_create, "link")],
    ids=["write", "create"],
)
def test_the_file_is_written_whole_beside_its_name_under_a_hidden_temporary_name(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    write: Callable[[Path, bytes], None],
    finish: str,
) -> None:
    """Renamed within its own folder (a rename across file systems fails); if the machine
    dies before that, what is left is a hidden `.plank.toml.<random>.tmp` that no folder
    scan takes for a routine."""
    seen: list[tuple[Path, bytes]] = []
    real = getattr(os, finish)

    def spy(src: str, dst: object) -> None:
        seen.append((Path(src), Path(src).read_bytes()))
        real(src, dst)

    monkeypatch.setattr(os, finish, spy)
    write(folder / "plank.toml", b'name = "Plank"\n')
    ((temp, data),) = seen
    assert temp.parent == folder
    assert temp.name.startswith(".plank.toml.") and temp.name.endswith(".tmp")
    assert data == b'name = "Plank"\n'
    assert names(folder) == ["plank.toml"]


def test_a_temporary_file_that_cannot_be_removed_does_not_fail_the_create(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new file is in place once linked; a leftover is no reason to report an error."""

    def unlink(path: object) -> None:
        raise OSError(errno.EBUSY, "Device or resource busy")

    monkeypatch.setattr(os, "unlink", unlink)
    atomic_create(folder / "plank.toml", b"x\n")
    monkeypatch.undo()
    assert (folder / "plank.toml").read_bytes() == b"x\n"


@pytest.mark.parametrize("write", [atomic_write, atomic_create], ids=["write", "create"])
def test_a_file_system_without_permissions_still_gets_the_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch, write: Callable[[Path, bytes], None]
) -> None:
    """A FAT-formatted stick or some network shares refuse chmod; the save goes on."""

    def chmod(path: object, mode: int) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "chmod", chmod)
    write(folder / "plank.toml", b"x\n")
    monkeypatch.undo()
    assert (folder / "plank.toml").read_bytes() == b"x\n"
    assert names(folder) == ["plank.toml"]


def test_a_failed_write_whose_temporary_file_cannot_be_removed_reports_the_failure(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk, and then the clean-up refused too: the caller still gets the disk's
    error (the one it knows how to tell the person), and the old file is whole."""
    path = folder / "config.toml"
    path.write_bytes(b"old = 1\n")
    _no_space(monkeypatch)

    def unlink(name: object) -> None:
        raise OSError(errno.EBUSY, "Device or resource busy")

    monkeypatch.setattr(os, "unlink", unlink)
    with pytest.raises(OSError) as caught:
        atomic_write(path, b"new = 2\n")
    monkeypatch.undo()
    assert caught.value.errno == errno.ENOSPC
    assert path.read_bytes() == b"old = 1\n"
