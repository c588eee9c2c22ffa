from __future__ import annotations

from pathlib import Path

import pytest

from backcare_tui import __version__
from backcare_tui.cli.main import main
from backcare_tui.core.durations import format_length
from backcare_tui.core.loader import load_routine
from backcare_tui.core.paths import builtin_routines_dir
from backcare_tui.core.timeline import compile_routine

BROKEN = Path(__file__).parent / "data" / "broken"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"backcare {__version__}"


@pytest.mark.parametrize("command", ["list", "check", "show", "new", "run"])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    assert "usage: backcare" in capsys.readouterr().out


def test_check_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    builtins = sorted(str(p) for p in builtin_routines_dir().glob("*.toml"))
    assert main(["check", *builtins]) == 0
    assert main(["check", str(BROKEN / "negative-hold.toml"), *builtins]) == 1
    out = capsys.readouterr().out
    assert 'step 3 "Plank": hold must be a positive number of seconds, got -5' in out
    assert main(["check", str(tmp_path / "nope.toml")]) == 2
    with pytest.raises(SystemExit) as caught:
        main(["check"])
    assert caught.value.code == 2


def test_list_shows_builtins_with_totals_and_broken_files(
    capsys: pytest.CaptureFixture[str], user_routines: Path
) -> None:
    (user_routines / "bad.toml").write_text("name = \n")
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "Desk break" in out or "Desk Break" in out
    assert "Broken routine files (1)" in out
    assert "bad.toml:1:" in out


def test_list_says_when_a_user_routine_overrides_a_builtin(
    capsys: pytest.CaptureFixture[str], user_routines: Path
) -> None:
    (user_routines / "desk-break.toml").write_text(
        'name = "Mine"\n[[steps]]\nname = "x"\nduration = 5\n'
    )
    main(["list"])
    assert "overrides" in capsys.readouterr().out.replace("\n", " ")


def test_show_prints_the_plan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "core-support"]) == 0
    out = capsys.readouterr().out
    timeline = compile_routine(load_routine(builtin_routines_dir() / "core-support.toml"))
    total = f"Total: {format_length(timeline.total)} in {len(timeline.phases)} phases"
    assert total in out and "Switch" in out


def test_show_unknown_routine_fails(capsys: pytest.CaptureFixture[str]) -> None:
    # A name that matches nothing is a usage error (2); 1 is kept for "stopped" and bad files.
    assert main(["show", "no-such"]) == 2
    assert "no routine by that name" in capsys.readouterr().err


def test_new_writes_a_valid_starter_and_refuses_to_overwrite(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    assert main(["new", 'My "Lunch" Stretch']) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == isolated_home / "config" / "backcare" / "routines" / "my-lunch-stretch.toml"
    assert load_routine(path).name == 'My "Lunch" Stretch'
    assert "#" in path.read_text()
    assert main(["new", 'My "Lunch" Stretch']) == 1
    assert "already exists" in capsys.readouterr().err


def test_escape_sequences_never_reach_the_output(
    capsys: pytest.CaptureFixture[str], user_routines: Path
) -> None:
    (user_routines / "evil.toml").write_text(
        'name = "Evil \\u001b]52;c;ZXZpbA==\\u0007 [bold]x[/bold]"\ntags = ["\\u001b[2J"]\n'
        '[[steps]]\nname = "\\u001b[31mRed"\nduration = 5\n'
    )
    (user_routines / "evil-broken.toml").write_text(
        '[[steps]]\nname = "\\u001b[31mRed"\nhold = "\\u001b[2J"\n'
    )
    for argv in (["list"], ["show", "evil"], ["check", str(user_routines)]):
        main(argv)
        captured = capsys.readouterr()
        assert "\x1b" not in captured.out + captured.err, argv
    main(["show", "evil"])
    assert "[bold]x[/bold]" in capsys.readouterr().out
