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


@pytest.mark.parametrize("sign", ["environment", "api level"])
def test_android_is_left_to_platformdirs(monkeypatch: pytest.MonkeyPatch, sign: str) -> None:
    """Either of what platformdirs reads as Android: its two variables, or Python's own call."""
    if sign == "environment":
        monkeypatch.setenv("ANDROID_DATA", "/data")
        monkeypatch.setenv("ANDROID_ROOT", "/system")
    else:
        monkeypatch.setattr(sys, "getandroidapilevel", lambda: 34, raising=False)
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


@pytest.mark.skipif(sys.platform != "linux", reason="the fast path is Linux's")
@pytest.mark.parametrize(
    ("xdg", "home", "expected"),
    [
        ("/abs/xdg", "/home/someone", "/abs/xdg/backcare"),
        ("relative/xdg", "/home/someone", "/home/someone/{default}/backcare"),
        (None, "/home/someone", "/home/someone/{default}/backcare"),
        (None, None, "{home}/{default}/backcare"),
    ],
    ids=["absolute XDG", "relative XDG", "no XDG", "no HOME"],
)
def test_the_folders_on_linux_need_no_platformdirs(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None, home: str | None, expected: str
) -> None:
    """The same folders as above, worked out with platformdirs unimportable."""
    monkeypatch.setitem(sys.modules, "platformdirs", None)
    for name in ("ANDROID_DATA", "ANDROID_ROOT"):
        monkeypatch.delenv(name, raising=False)
    for variable, ours, _theirs in FOLDERS:
        default = {
            "XDG_CONFIG_HOME": ".config",
            "XDG_DATA_HOME": ".local/share",
            "XDG_STATE_HOME": ".local/state",
            "XDG_CACHE_HOME": ".cache",
        }[variable]
        for name, value in ((variable, xdg), ("HOME", home)):
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        wanted = expected.format(default=default, home=Path("~").expanduser())
        assert ours() == Path(wanted), variable


@pytest.mark.parametrize(
    ("data", "root"),
    [("/data", None), (None, "/system"), ("/data", "/system/")],
    ids=["only ANDROID_DATA", "only ANDROID_ROOT", "another root"],
)
def test_half_an_android_is_still_linux(
    monkeypatch: pytest.MonkeyPatch, data: str | None, root: str | None
) -> None:
    monkeypatch.setitem(sys.modules, "platformdirs", None)
    for name, value in (("ANDROID_DATA", data), ("ANDROID_ROOT", root)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    monkeypatch.setenv("XDG_DATA_HOME", "/abs/xdg")
    assert paths.data_dir() == Path("/abs/xdg/backcare")


def test_the_files_backcare_keeps_and_where(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config, data = isolated_home / "config" / "backcare", isolated_home / "data" / "backcare"
    assert paths.user_routines_dir() == config / "routines"
    assert paths.config_file() == config / "config.toml"
    assert paths.history_file() == data / "history.db"
    assert paths.trash_dir() == data / "trash"
    monkeypatch.setenv("BACKCARE_CONFIG", "~/elsewhere/my.toml")
    assert paths.config_file() == isolated_home / "elsewhere" / "my.toml"
    monkeypatch.setenv("BACKCARE_CONFIG", "")
    assert paths.config_file() == config / "config.toml"


@pytest.mark.parametrize(
    ("under_home", "name", "shown"),
    [
        (True, "routines/plank.toml", "~/routines/plank.toml"),
        (False, "routines/plank.toml", "{tmp}/routines/plank.toml"),
        (True, "bad\x1b[31mname\n.toml", "~/bad[31mname .toml"),
    ],
    ids=["home", "elsewhere", "control characters"],
)
def test_a_path_is_shown_as_people_write_it(
    isolated_home: Path, tmp_path: Path, under_home: bool, name: str, shown: str
) -> None:
    base = isolated_home if under_home else tmp_path / "shared"
    assert paths.display_path(base / name) == shown.format(tmp=tmp_path / "shared")


def test_the_builtin_routines_in_a_checkout_and_in_a_wheel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = Path(__file__).resolve().parent.parent
    assert paths.builtin_routines_dir() == repository / "routines"
    package = tmp_path / "site-packages" / "backcare_tui"
    monkeypatch.setattr(paths, "__file__", str(package / "core" / "paths.py"))
    (package / "builtin_routines").mkdir(parents=True)
    assert paths.builtin_routines_dir() == package / "builtin_routines"
    (package / "builtin_routines").rmdir()
    (package / "builtin_routines").touch()  # a file of that name is not the folder
    assert paths.builtin_routines_dir() == tmp_path / "site-packages" / "routines"
