"""The config file: defaults, clear messages for bad values, atomic saves that keep what we
do not know."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from pathlib import Path

import pytest

from backcare_tui.core.settings import (
    KEYS,
    Settings,
    check_value,
    load_settings,
    save_settings,
)


@pytest.fixture
def config(isolated_home: Path) -> Path:
    return isolated_home / "config" / "backcare" / "config.toml"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_gives_the_defaults_quietly(config: Path) -> None:
    assert load_settings() == (Settings(), [])
    assert not config.exists()


def test_defaults_follow_the_brief() -> None:
    defaults = Settings()
    assert defaults.weekly_goal == 3
    assert defaults.pain_checkin is False
    assert defaults.sound is True
    assert defaults.routine_folders == ()


def test_every_key_round_trips(config: Path) -> None:
    changed = Settings(
        sound=False,
        volume=35,
        cue_phases=False,
        cue_countdown=False,
        cue_halfway=False,
        cue_breathing=True,
        cue_finished=False,
        sound_program="play -q {file}",
        voice=True,
        voice_program="espeak-ng",
        speak_cues=True,
        theme="nord",
        reduced_motion=True,
        ascii=True,
        prepare_seconds=12.5,
        weekly_goal=4,
        pain_checkin=True,
        auto_pause=True,
        routine_folders=("~/routines", "/srv/shared routines"),
        notice_seen=True,
        plan={"mon": "posture-reset", "thu": "Core support"},
        remind_at=("12:30", "16:00"),
        remind_days="mon-fri",
        remind_every="50m",
        remind_between="09:00-17:30",
        remind_only_if_due=True,
        quiet_hours="22:00-07:00",
        min_gap=60,
    )
    assert all(getattr(changed, k) != getattr(Settings(), k) for k in KEYS)
    save_settings(changed)
    assert load_settings() == (changed, [])


def test_a_file_with_some_keys_keeps_the_defaults_for_the_rest(config: Path) -> None:
    write(config, "weekly_goal = 4\ntheme = 'gruvbox'\n")
    settings, problems = load_settings()
    assert problems == []
    assert settings == dataclasses.replace(Settings(), weekly_goal=4, theme="gruvbox")


def test_unknown_keys_are_named_with_a_suggestion(config: Path) -> None:
    write(config, "weekly_gaol = 4\nsound = false\ncolour = 'red'\n")
    settings, problems = load_settings()
    assert settings == dataclasses.replace(Settings(), sound=False)
    assert problems == [
        f'{config}: unknown setting "weekly_gaol"; did you mean "weekly_goal"?',
        f'{config}: unknown setting "colour"',
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('sound = "yes"', "sound must be true or false, got 'yes'; using true"),
        ("weekly_goal = 0", "weekly_goal must be a whole number from 1 to 21, got 0; using 3"),
        ("weekly_goal = 2.5", "weekly_goal must be a whole number from 1 to 21, got 2.5"),
        ("weekly_goal = true", "weekly_goal must be a whole number from 1 to 21, got True"),
        ("prepare_seconds = -1", "prepare_seconds must be a number from 0 to 600, got -1"),
        ("prepare_seconds = nan", "prepare_seconds must be a number from 0 to 600, got nan"),
        ("prepare_seconds = inf", "prepare_seconds must be a number from 0 to 600, got inf"),
        ("theme = 3", "theme must be a string, got 3; using 'textual-dark'"),
        ('routine_folders = "~/r"', "routine_folders must be a list of folder paths, got '~/r'"),
        ("routine_folders = [1]", "routine_folders must be a list of folder paths, got [1]"),
        ("[voice]\nprogram = 'x'", "voice must be true or false, got {'program': 'x'}"),
    ],
)
def test_bad_values_fall_back_with_a_message(config: Path, line: str, message: str) -> None:
    write(config, f"auto_pause = true\n{line}\n")
    settings, problems = load_settings()
    assert settings == dataclasses.replace(Settings(), auto_pause=True)
    assert len(problems) == 1
    assert problems[0].startswith(f"{config}: {message}")


def test_whole_numbers_are_fine_for_seconds(config: Path) -> None:
    write(config, "prepare_seconds = 5\n")
    settings, _ = load_settings()
    assert settings.prepare_seconds == 5.0
    assert isinstance(settings.prepare_seconds, float)


def test_strings_lose_control_characters_and_empty_folders(config: Path) -> None:
    write(
        config,
        'voice_program = "say\\u001b[31m"\nroutine_folder = 1\nroutine_folders = ["a", " ", ""]\n',
    )
    settings, problems = load_settings()
    assert settings.voice_program == "say[31m"
    assert settings.routine_folders == ("a",)
    assert problems == [
        f'{config}: unknown setting "routine_folder"; did you mean "routine_folders"?'
    ]


def test_broken_toml_gives_defaults_and_the_place(config: Path) -> None:
    write(config, "sound = false\nweekly_goal = = 3\n")
    settings, problems = load_settings()
    assert settings == Settings()
    assert len(problems) == 1
    assert problems[0].startswith(str(config))
    assert "line 2" in problems[0] and "using the default settings" in problems[0]


def test_a_file_that_is_not_text_gives_defaults(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_bytes(b"\xff\xfe\x00garbage")
    settings, problems = load_settings()
    assert settings == Settings()
    assert "cannot read the config file" in problems[0]


def test_a_folder_in_place_of_the_file_gives_defaults(config: Path) -> None:
    config.mkdir(parents=True)
    settings, problems = load_settings()
    assert settings == Settings()
    assert "cannot read the config file" in problems[0]


def test_backcare_config_points_at_another_file(
    tmp_path: Path, config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = write(tmp_path / "elsewhere" / "mine.toml", "weekly_goal = 5\n")
    monkeypatch.setenv("BACKCARE_CONFIG", str(other))
    assert load_settings()[0].weekly_goal == 5
    save_settings(dataclasses.replace(Settings(), weekly_goal=6))
    assert tomllib.loads(other.read_text())["weekly_goal"] == 6
    assert not config.exists()


def test_saving_keeps_keys_this_version_does_not_know(config: Path) -> None:
    write(config, "sound = true\nfuture_key = 'kept'\n[future_table]\nx = 1\n")
    save_settings(dataclasses.replace(Settings(), sound=False))
    text = config.read_text()
    data = tomllib.loads(text)
    assert data["sound"] is False
    assert data["future_key"] == "kept"
    assert data["future_table"] == {"x": 1}
    assert text.startswith("# backcare settings")


def test_saving_over_a_broken_file_writes_a_good_one_and_keeps_a_copy(config: Path) -> None:
    write(config, "this is [ not toml")
    save_settings(dataclasses.replace(Settings(), weekly_goal=2))
    assert load_settings() == (dataclasses.replace(Settings(), weekly_goal=2), [])
    assert config.with_name("config.toml.bak").read_text() == "this is [ not toml"
    save_settings(Settings())
    assert config.with_name("config.toml.bak").read_text() == "this is [ not toml"


def test_a_failed_save_leaves_the_old_file(config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(config, "weekly_goal = 4\n")

    def no_room(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_room)
    with pytest.raises(OSError, match="No space"):
        save_settings(Settings())
    monkeypatch.undo()
    assert config.read_text() == "weekly_goal = 4\n"
    assert os.listdir(config.parent) == ["config.toml"]


@pytest.mark.parametrize(
    ("key", "value", "expected", "ok"),
    [
        ("weekly_goal", 4, 4, True),
        ("weekly_goal", 22, 3, False),
        ("prepare_seconds", 0, 0.0, True),
        ("theme", "nord", "nord", True),
        ("sound", 1, True, False),
        ("routine_folders", ["x"], ("x",), True),
    ],
)
def test_check_value_for_the_settings_screen(
    key: str, value: object, expected: object, ok: bool
) -> None:
    checked, problem = check_value(key, value)
    assert checked == expected
    assert (problem is None) is ok
    if not ok:
        assert problem is not None and problem.startswith(f"{key} must be")


def test_reminder_settings_are_checked_by_the_schedule_parser(config: Path) -> None:
    write(
        config,
        'remind_at = ["16:00", "9:30"]\nremind_days = "weekdays"\nquiet_hours = "9pm"\n'
        'remind_every = "2m"\nmin_gap = -1\n',
    )
    settings, problems = load_settings()
    assert settings.remind_at == ("09:30", "16:00")
    assert settings.remind_days == "mon-fri"
    assert (settings.quiet_hours, settings.remind_every, settings.min_gap) == (
        "21:00-08:00",
        "",
        45,
    )
    assert [p.split(": ", 1)[1] for p in problems] == [
        'quiet_hours must be two times like "21:00-08:00", or "" for none, got \'9pm\'; '
        "using '21:00-08:00'",
        'remind_every must be minutes like "50m" or "1h30m", or "", got \'2m\'; using \'\'',
        "min_gap must be a whole number from 0 to 1440, got -1; using 45",
    ]


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("cue_breathing", "yes", "cue_breathing must be true or false, got 'yes'; using false"),
        ("sound", 1, "sound must be true or false, got 1; using true"),
        (
            "routine_folders",
            "~/r",
            "routine_folders must be a list of folder paths, got '~/r'; using []",
        ),
        (
            "prepare_seconds",
            601,
            "prepare_seconds must be a number from 0 to 600, got 601; using 5",
        ),
        ("min_gap", 1441, "min_gap must be a whole number from 0 to 1440, got 1441; using 45"),
        (
            "volume",
            "loud" * 12,
            f"volume must be a whole number from 0 to 100, got {repr('loud' * 12)[:40]}; using 80",
        ),
        ("theme", None, "theme must be a string, got None; using 'textual-dark'"),
    ],
)
def test_a_refused_value_is_named_word_for_word(key: str, value: object, message: str) -> None:
    assert check_value(key, value) == (getattr(Settings(), key), message)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("volume", 0),
        ("volume", 100),
        ("weekly_goal", 21),
        ("min_gap", 1440),
        ("prepare_seconds", 600),
        ("prepare_seconds", 0.5),
    ],
)
def test_the_limits_themselves_are_allowed_and_keep_their_type(key: str, value: float) -> None:
    checked, problem = check_value(key, value)
    assert problem is None
    assert checked == value
    assert type(checked) is type(getattr(Settings(), key))
