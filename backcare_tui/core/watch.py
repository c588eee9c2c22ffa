"""Noticing routine files changed on disk, cheaply enough to ask once a second.

A snapshot is one `os.scandir` per folder and the stat it already did:
no file is opened or parsed until something actually changed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

Stamp = tuple[int, int, int]
"""(mtime_ns, size, inode) of one file: an atomic save (a rename) always changes the
inode, even when the clock is too coarse to change the time."""

Snapshot = Mapping[str, Stamp]


def snapshot(folders: Iterable[Path]) -> dict[str, Stamp]:
    """Every `*.toml` file in the folders (not their subfolders) with its stamp.

    A missing or unreadable folder simply has no files; creating it later
    shows up as files appearing.
    """
    found: dict[str, Stamp] = {}
    for folder in folders:
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if not entry.name.endswith(".toml"):
                        continue
                    try:
                        if not entry.is_file():
                            continue
                        stat = entry.stat()
                    except OSError:
                        continue
                    found[entry.path] = (stat.st_mtime_ns, stat.st_size, entry.inode())
        except OSError:
            continue
    return found


def changed(old: Snapshot, new: Snapshot) -> frozenset[str]:
    """Paths added, removed or modified between two snapshots; empty when nothing moved."""
    if old == new:
        return frozenset()
    paths = set(old) | set(new)
    return frozenset(p for p in paths if old.get(p) != new.get(p))
