"""`say`, timed cues and `sound` in routine files: read, written back, and kept by the editor."""

from __future__ import annotations

import tomli_w

from backcare_tui.core.draft import RoutineDraft
from backcare_tui.core.loader import parse_routine_text
from backcare_tui.core.model import CueAt, SoundSwitches
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
