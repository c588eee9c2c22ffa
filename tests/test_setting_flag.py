"""core/setting_flag.py reads one true-or-false setting exactly as load_settings does."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from backcare_tui.core.setting_flag import ASCII_DEFAULT, read_flag
from backcare_tui.core.settings import Settings, load_settings

FLAGS = [f.name for f in dataclasses.fields(Settings) if isinstance(f.default, bool)]
FILES: list[bytes | None] = [
    None,  # no file
    b"",
    b"ascii = true\n",
    b"ascii = false\nreduced_motion = true\n",
    b'ascii = "yes"\n',
    b"ascii = 1\nsound = 0\n",
    b"ascii = true\nvolume = 900\nnot_a_key = 3\n",
    b"ascii = true\nascii = false\n",  # not TOML: a key twice
    b"ascii = tru\n",
    b"\xef\xbb\xbfascii = true\n",  # a byte-order mark
    b"ascii = \xff\n",  # not UTF-8
    b"[ascii]\nvalue = true\n",
    b"ascii = [true]\nvoice = true\nsound = false\ncue_breathing = true\n",
    b"notice_seen = true\nsound = false\nprepare_seconds = 0\n",
]


def test_the_ascii_default_is_the_settings_default() -> None:
    assert Settings().ascii is ASCII_DEFAULT
    assert "ascii" in FLAGS and len(FLAGS) > 10


@pytest.mark.parametrize("content", FILES)
def test_every_flag_reads_as_load_settings_reads_it(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "config.toml"
    if content is not None:
        path.write_bytes(content)
    settings = load_settings(path)[0]
    for name in FLAGS:
        default = getattr(Settings(), name)
        assert read_flag(name, default, path) == getattr(settings, name), name


def test_a_folder_where_the_file_should_be_gives_the_default(tmp_path: Path) -> None:
    (tmp_path / "config.toml").mkdir()
    assert read_flag("ascii", ASCII_DEFAULT, tmp_path / "config.toml") is False
    assert load_settings(tmp_path / "config.toml")[0].ascii is False


def test_the_config_file_is_the_one_load_settings_reads(isolated_home: Path) -> None:
    config = isolated_home / "config" / "backcare" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("ascii = true\n", encoding="utf-8")
    assert read_flag("ascii", ASCII_DEFAULT) is load_settings()[0].ascii is True


def test_list_does_not_build_the_settings(tmp_path: Path) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from backcare_tui.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['list'])\n"
        "print('backcare_tui.core.settings' in sys.modules)"
    )
    env = {
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "False"


def test_a_config_with_any_script_in_it_is_read_whatever_the_locale(tmp_path: Path) -> None:
    """The file is UTF-8: a process whose locale reads files as ASCII (UTF-8 mode and C
    locale coercion off, as a bare `LC_ALL=C` service may run) still finds `ascii = true`
    beside a comment in another script, as this process does."""
    path = tmp_path / "config.toml"
    path.write_text("# Übungen für den Rücken\nascii = true\n", encoding="utf-8")
    assert read_flag("ascii", ASCII_DEFAULT, path) is True
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from backcare_tui.core.setting_flag import read_flag\n"
        f"print(read_flag('ascii', False, Path({str(path)!r})), sys.flags.utf8_mode)\n"
    )
    package_root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=package_root
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "True 0\n"
