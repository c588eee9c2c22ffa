"""core/paths.py names the same folders platformdirs does, without importing it on Linux."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import platformdirs
import pytest

from backcare_tui.core import paths

FOLDERS: list[tuple[str, Callable[[], Path], Callable[..., str]]] = [
    ("XDG_CONFIG_HOME", paths.config_dir, platformdirs.user_config_dir),
    ("XDG_DATA_HOME", paths.data_dir, platformdirs.user_data_dir),
    ("XDG_STATE_HOME", paths.state_dir, platformdirs.user_state_dir),
    ("XDG_CACHE_HOME", paths.cache_dir, platformdirs.user_cache_dir),
]
XDG_VALUES = [None, "", "   ", "relative/folder", "/abs/xdg", "/abs/xdg/", "//two", "~/tilde"]
HOME_VALUES = [None, "", "/home/someone", "/home/someone/", "/", "relative-home", "~"]


@pytest.mark.parametrize("xdg", XDG_VALUES)
@pytest.mark.parametrize("home", HOME_VALUES)
def test_every_folder_is_the_one_platformdirs_names(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None, home: str | None
) -> None:
    for variable, ours, theirs in FOLDERS:
        if xdg is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, xdg)
        if home is None:
            monkeypatch.delenv("HOME", raising=False)
        else:
            monkeypatch.setenv("HOME", home)
        try:
            expected: str | Exception = theirs("backcare", appauthor=False)
        except RuntimeError as error:  # a home platformdirs cannot place
            expected = error
        if isinstance(expected, Exception):
            with pytest.raises(RuntimeError):
                ours()
        else:
            assert ours() == Path(expected), (variable, xdg, home)


def test_android_is_left_to_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANDROID_DATA", "/data")
    monkeypatch.setenv("ANDROID_ROOT", "/system")
    monkeypatch.setenv("XDG_CONFIG_HOME", "/abs/xdg")
    called: list[str] = []

    def fake(name: str, appauthor: bool) -> str:
        called.append(name)
        return "/android/files/backcare"

    monkeypatch.setattr(platformdirs, "user_config_dir", fake)
    assert paths.config_dir() == Path("/android/files/backcare")
    assert called == ["backcare"]


@pytest.mark.skipif(sys.platform != "linux", reason="the fast path is Linux's")
def test_the_folders_on_linux_do_not_import_platformdirs(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from backcare_tui.core import paths\n"
        "paths.config_dir(), paths.data_dir(), paths.state_dir(), paths.cache_dir()\n"
        "print('platformdirs' in sys.modules)"
    )
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "False"
