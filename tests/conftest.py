"""Every test runs with its own config and data folders, never the real home."""

from __future__ import annotations

import inspect
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from apps import AppFactory, build_test_app


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that take `snap_compare` are the snapshot tests (`make snapshots-update`);
    async tests drive the app with Pilot (left out of `make mutate`)."""
    for item in items:
        if "snap_compare" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.snapshot)
        if inspect.iscoroutinefunction(getattr(item, "function", None)):
            item.add_marker(pytest.mark.pilot)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "data").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    for name in ("BACKCARE_ROUTINES", "BACKCARE_CONFIG", "NO_COLOR", "VISUAL", "EDITOR"):
        monkeypatch.delenv(name, raising=False)
    yield home


@pytest.fixture(autouse=True)
def fresh_caches() -> None:
    """Each test computes for itself: a timeline cached by an earlier test (or, under
    `make mutate`, by the run before the mutant was switched on) would hide a change."""
    for name, module in list(sys.modules.items()):
        if name.startswith("backcare_tui.core."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear) and getattr(value, "__module__", None) == name:
                    clear()


@pytest.fixture
def user_routines(isolated_home: Path) -> Path:
    folder = isolated_home / "config" / "backcare" / "routines"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def app_with(isolated_home: Path) -> AppFactory:
    """Builds a test app: `app_with(ascii=True)`, `app_with(clock=clock, start=routine)`.

    Settings start from tests/apps.TEST_SETTINGS (notice read, no sound); the clock
    is a FakeClock unless one is given. Depends on `isolated_home`, so the app never
    reads the real config or data folders.
    """
    return build_test_app


@pytest.fixture
def machine_zone() -> Iterator[Callable[[str], None]]:
    """Sets the machine's own time zone (TZ) for one test; it is put back after."""
    with pytest.MonkeyPatch.context() as patch:

        def set_zone(name: str) -> None:
            patch.setenv("TZ", name)
            time.tzset()

        yield set_zone
    time.tzset()
