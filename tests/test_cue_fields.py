"""`say`, timed cues and `sound` in routine files: read, written back, and kept by the editor."""

from __future__ import annotations

import pytest
import tomli_w

from backcare_tui.core.cue_fields import (
    cues_to_data,
    read_at,
    read_cues,
    read_sound,
    sound_to_data,
)
from backcare_tui.core.draft import RoutineDraft
from backcare_tui.core.loader import parse_routine_text
from backcare_tui.core.model import SOUND_SWITCHES, CueAt, SoundSwitches
from backcare_tui.core.writer import routine_to_data

TEXT = """
format = 1
name = "Circles"
sound = { countdown = false, breathing = true }

[[steps]]
name = "Hip circles"
say = "hip circles"
duration = 60
cues = ["Start small", { at = "50%", text = "Reverse direction" }, { at = "45s", text = "Slow" }]

[[steps]]
name = "Plank"
hold = 20
cues = ["Hips level"]
"""


def test_the_fields_are_read() -> None:
    routine = parse_routine_text(TEXT, "circles.toml")
    circles, plank = routine.steps
    assert circles.say == "hip circles"
    assert circles.cues == ("Start small", "Reverse direction", "Slow")
    assert circles.cue_at == (None, CueAt(50, percent=True), CueAt(45))
    assert [at.seconds(60) for at in circles.cue_at if at] == [30, 45]
    assert plank.cue_at == () and plank.cue_times() == (None,)
    assert routine.sound == SoundSwitches(countdown=False, breathing=True)


def test_sound_false_and_true() -> None:
    quiet = parse_routine_text(TEXT.replace("sound = {", "sound = false\n#"), "q.toml")
    assert quiet.sound is not None and quiet.sound.silent
    loud = parse_routine_text(TEXT.replace("sound = {", "sound = true\n#"), "l.toml")
    assert loud.sound is None


def test_the_writer_round_trips_them() -> None:
    routine = parse_routine_text(TEXT, "circles.toml")
    written = tomli_w.dumps(routine_to_data(routine))
    assert '{ at = "50%", text = "Reverse direction" }' in written
    assert parse_routine_text(written, "again.toml") == routine
    quiet = parse_routine_text(TEXT.replace("sound = {", "sound = false\n#"), "q.toml")
    assert "sound = false" in tomli_w.dumps(routine_to_data(quiet))


def test_the_editor_keeps_them() -> None:
    routine = parse_routine_text(TEXT, "circles.toml")
    draft = RoutineDraft.from_routine(routine)
    assert draft.steps[0].cues.splitlines() == [
        "Start small",
        "@50% Reverse direction",
        "@45 Slow",
    ]
    draft.steps[0].cues += "\n@10s Breathe"
    checked = draft.check("circles.toml")
    assert checked.problems == ()
    assert checked.routine is not None
    circles = checked.routine.steps[0]
    assert circles.cue_at[-1] == CueAt(10) and circles.say == "hip circles"
    assert checked.routine.sound == routine.sound


def test_a_bad_timed_cue_is_shown_at_the_cues_field() -> None:
    draft = RoutineDraft.from_routine(parse_routine_text(TEXT, "circles.toml"))
    draft.steps[0].cues = "@soon Slow"
    checked = draft.check("circles.toml")
    assert checked.for_field(1, "cues") == [
        'cues item 1: at must be a percentage like "50%" or seconds like 20 or "20s", got "soon"'
    ]


CUES_LIKE = 'cues must be an array like ["Knees soft", { at = "50%", text = "Switch legs" }]'
AT_LIKE = 'at must be a percentage like "50%" or seconds like 20 or "20s"'


@pytest.mark.parametrize(
    ("value", "texts", "times", "problems"),
    [
        ("Knees soft", (), (), [f'{CUES_LIKE}, got "Knees soft"']),
        (5, (), (), [f"{CUES_LIKE}, got 5"]),
        ({"text": "a"}, (), (), [f"{CUES_LIKE}, got a table"]),
        (
            ["Knees soft", 1.5, True, ["x"]],
            ("Knees soft",),
            (),
            [
                "cues item 2 must be a string or a table { at, text }, got 1.5",
                "cues item 3 must be a string or a table { at, text }, got true",
                "cues item 4 must be a string or a table { at, text }, got an array",
            ],
        ),
        (
            ["Slow", {"text": "a", "when": "1", "at": "2%"}, {"at": "5%"}, {"text": 3}],
            ("Slow",),
            (),
            [
                'cues item 2: unknown key "when"; a timed cue has "text" and "at"',
                'cues item 3: "text" is required: a short text',
                'cues item 4: "text" is required: a short text',
            ],
        ),
        (
            ["Slow", {"text": "Reverse", "at": "soon"}, 5],
            ("Slow",),
            (),
            [
                f'cues item 2: {AT_LIKE}, got "soon"',
                "cues item 3 must be a string or a table { at, text }, got 5",
            ],
        ),
        (["Slow", "  ", "\t"], ("Slow",), (), ["cues must not contain empty strings"] * 2),
        (
            [" Start\nsmall ", {"at": "50%", "text": "Reverse"}, {"at": 45, "text": "Slow"}],
            ("Start small", "Reverse", "Slow"),
            (None, CueAt(50, percent=True), CueAt(45)),
            [],
        ),
        ([{"text": "Reverse"}, "Slow"], ("Reverse", "Slow"), (), []),
    ],
    ids=[
        "a string",
        "a number",
        "a table",
        "items of other types",
        "tables without text or with other keys",
        "a bad time",
        "empty strings",
        "plain and timed",
        "no times: a plain list",
    ],
)
def test_cues_are_read_or_refused_in_words(
    value: object, texts: tuple[str, ...], times: tuple[CueAt | None, ...], problems: list[str]
) -> None:
    found: list[str] = []
    assert read_cues(value, found.append) == (texts, times)
    assert found == problems


@pytest.mark.parametrize(
    ("value", "at", "problem"),
    [
        (None, None, None),
        ("50%", CueAt(50, percent=True), None),
        (" 12.5 % ", CueAt(12.5, percent=True), None),
        ("0%", CueAt(0, percent=True), None),
        ("99.9%", CueAt(99.9, percent=True), None),
        ("100%", None, 'at must be a percentage from 0% to under 100%, got "100%"'),
        ("-1%", None, 'at must be a percentage from 0% to under 100%, got "-1%"'),
        ("nan%", None, 'at must be a percentage from 0% to under 100%, got "nan%"'),
        ("half%", None, f'{AT_LIKE}, got "half%"'),
        (0, CueAt(0), None),
        ("20s", CueAt(20), None),
        (2.5, CueAt(2.5), None),
        ("1h", CueAt(3600), None),
        (3601, None, "at must be at most 1 hour (3600 s), got 3601"),
        ("soon", None, f'{AT_LIKE}, got "soon"'),
        (True, None, f"{AT_LIKE}, got true"),
        (False, None, f"{AT_LIKE}, got false"),
        ({}, None, f"{AT_LIKE}, got a table"),
        ("x" * 50, None, f'{AT_LIKE}, got "{"x" * 40}"'),
        (1j, None, f"{AT_LIKE}, got complex"),
    ],
)
def test_a_cues_time(value: object, at: CueAt | None, problem: str | None) -> None:
    found: list[str] = []
    assert read_at(value, "step 2", found.append) == at
    assert found == ([] if problem is None else [f"step 2: {problem}"])


@pytest.mark.parametrize(
    ("value", "switches", "problems"),
    [
        (True, None, []),
        (False, SoundSwitches(**dict.fromkeys(SOUND_SWITCHES, False)), []),
        ({}, SoundSwitches(), []),
        (
            {"countdown": False, "halfway": True},
            SoundSwitches(countdown=False, halfway=True),
            [],
        ),
        (1, None, ["sound must be true, false or a table like { countdown = false }, got 1"]),
        (
            "on",
            None,
            ['sound must be true, false or a table like { countdown = false }, got "on"'],
        ),
        (
            {"countdwn": False, "phases": False},
            SoundSwitches(phases=False),
            ['unknown sound switch "countdwn"; did you mean "countdown"?'],
        ),
        (
            {"zzz": False},
            SoundSwitches(),
            [
                'unknown sound switch "zzz" '
                "(switches: phases, countdown, halfway, breathing, finished)"
            ],
        ),
        (
            {"countdown": 1, "finished": False},
            SoundSwitches(finished=False),
            ["sound.countdown must be true or false, got 1"],
        ),
    ],
)
def test_sound_is_read_or_refused_in_words(
    value: object, switches: SoundSwitches | None, problems: list[str]
) -> None:
    found: list[str] = []
    assert read_sound(value, found.append) == switches
    assert found == problems


def test_cues_and_sound_are_written_in_their_shortest_form() -> None:
    assert cues_to_data(("Slow", "Fast"), ()) == ["Slow", "Fast"]
    assert cues_to_data(
        ("Slow", "Half", "Late", "Later"),
        (None, CueAt(12.5, percent=True), CueAt(45.0), CueAt(2.5)),
    ) == [
        "Slow",
        {"at": "12.5%", "text": "Half"},
        {"at": 45, "text": "Late"},
        {"at": 2.5, "text": "Later"},
    ]
    assert type(cues_to_data(("Late",), (CueAt(45.0),))[0]["at"]) is int
    assert sound_to_data(SoundSwitches(**dict.fromkeys(SOUND_SWITCHES, False))) is False
    assert sound_to_data(SoundSwitches(countdown=False, breathing=True)) == {
        "countdown": False,
        "breathing": True,
    }
    assert sound_to_data(SoundSwitches()) == {}
