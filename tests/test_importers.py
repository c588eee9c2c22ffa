"""Importers: Workrave, nafas and OpenHIIT files to routines, every guess said out loud."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_samples import BREATHE_LOG, NAFAS, OPENHIIT, WORKRAVE, write, write_samples

from backcare_tui.core.completion import Completion
from backcare_tui.core.importers import Imported, ImportFailure, import_file
from backcare_tui.core.importers.breathe_log import read_breathe_log, session_summary
from backcare_tui.core.importers.locale import preferred_languages
from backcare_tui.core.importers.safe_xml import XmlRefused, parse_xml
from backcare_tui.core.model import Breathing, Held, Rest, Timed
from backcare_tui.core.timeline import compile_routine


def only(results: list[Imported | ImportFailure]) -> Imported:
    assert len(results) == 1
    result = results[0]
    assert isinstance(result, Imported), result
    return result


def workrave(tmp_path: Path, languages: list[str], text: str = WORKRAVE) -> Imported:
    return only(import_file(write(tmp_path, "exercises.xml", text), languages))


def test_workrave_one_step_per_enabled_exercise(tmp_path: Path) -> None:
    imported = workrave(tmp_path, [])
    routine = imported.routine
    assert routine.name == "Workrave exercises"
    assert [s.name for s in routine.steps] == [
        "Shoulder circles",
        "Side bend",
        "Look into the distance",
    ]
    assert "Commented out" not in str(routine) and "Switched off" not in str(routine)
    assert routine.rest_between == 5
    notes = " ".join(imported.assumptions)
    assert "no rest between exercises: used 5 s" in notes
    assert 'Skipped 1 exercise marked enabled="no"' in notes


def test_workrave_frames_become_holds_that_fill_the_sequence(tmp_path: Path) -> None:
    steps = workrave(tmp_path, []).routine.steps
    circles, bend, distance = (s.action for s in steps)
    assert circles == Held(hold=3, reps=8)  # 24 s of 3 s frames, no side
    assert bend == Held(hold=10, reps=2, sides="both")  # mirrored: 40 s is 2 x 10 s a side
    assert distance == Timed(15)  # no <sequence>: Workrave's own 15 s
    assert steps[0].instructions == (
        "Let your arms hang and draw slow circles with both shoulders."
    )


@pytest.mark.parametrize(
    ("env", "names", "note"),
    [
        ({"LANG": "de_DE.UTF-8"}, ["Schulterkreisen", "Seitbeuge"], "Used the de texts"),
        ({"LANGUAGE": "nl:de", "LANG": "de_DE"}, ["Schouders draaien", "Seitbeuge"], "nl"),
        ({"LANG": "fr_FR.UTF-8"}, ["Shoulder circles", "Side bend"], 'no "fr" text'),
        ({"LANG": "C"}, ["Shoulder circles", "Side bend"], "rest"),
    ],
)
def test_workrave_language_follows_the_locale(
    tmp_path: Path, env: dict[str, str], names: list[str], note: str
) -> None:
    imported = workrave(tmp_path, preferred_languages(env))
    assert [s.name for s in imported.routine.steps[:2]] == names
    assert note in " ".join(imported.assumptions)


def test_workrave_description_falls_back_to_untagged_per_element(tmp_path: Path) -> None:
    bend = workrave(tmp_path, ["de"]).routine.steps[1]
    assert bend.name == "Seitbeuge"  # a German title exists
    assert bend.instructions == "Reach over your head and lean to the side."  # no German text


def test_preferred_languages_read_like_gettext() -> None:
    assert preferred_languages({"LANGUAGE": "pt_BR:es", "LANG": "de_AT.UTF-8@euro"}) == [
        "pt_br",
        "pt",
        "es",
        "de_at",
        "de",
    ]
    assert preferred_languages({"LC_ALL": "POSIX", "LANG": "de_DE"}) == []


BOMB = """<?xml version="1.0"?>
<!DOCTYPE exercises [
  <!ENTITY a "aaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
]>
<exercises><exercise><title>&b;</title></exercise></exercises>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE exercises SYSTEM "file:///etc/passwd">
<exercises><exercise><title>x</title></exercise></exercises>
"""


@pytest.mark.parametrize(("text", "column"), [(BOMB, 21), (EXTERNAL, 48)])
def test_xml_with_a_dtd_is_refused_before_anything_is_read(
    tmp_path: Path, text: str, column: int
) -> None:
    path = write(tmp_path, "exercises.xml", text)
    with pytest.raises(ImportFailure) as caught:
        import_file(path, [])
    assert caught.value.message == (
        f"{path}: line 2, column {column}: a DOCTYPE declaration is not allowed in an "
        "imported file (it could make the reader fetch other files or expand without end)"
    )


def test_text_split_across_reads_comes_back_whole() -> None:
    """Expat hands text over in pieces (at entities, at buffer ends); the tree joins them."""
    long = "x" * 70_000
    root = parse_xml(f"<a>one &amp; two {long}</a>".encode())
    assert root.text == f"one & two {long}"


def test_undeclared_entities_and_broken_xml_are_errors_with_a_place() -> None:
    with pytest.raises(
        XmlRefused, match="line 1, column 19: not well-formed XML \\(undefined entity\\)"
    ):
        parse_xml(b"<exercises><title>&x;</title></exercises>")
    assert parse_xml(b"<a>&lt;&#65;</a>").text == "<A"


def test_other_xml_says_what_was_expected(tmp_path: Path) -> None:
    with pytest.raises(ImportFailure, match="root is <plist>; a Workrave exercises file"):
        import_file(write(tmp_path, "x.xml", "<plist><dict/></plist>"), [])


def test_workrave_text_is_cleaned_of_terminal_escapes(tmp_path: Path) -> None:
    # Raw ESC is not even XML; character references can still carry C1 controls and
    # bidi overrides.
    text = WORKRAVE.replace("Side bend</title>", "Side &#x202e;bend&#x9b;2J</title>")
    bend = workrave(tmp_path, [], text).routine.steps[1]
    assert bend.name == "Side bend2J"
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in bend.name)


def test_nafas_ratio_times_unit_in_nafas_order(tmp_path: Path) -> None:
    imported = only(import_file(write(tmp_path, "p.json", json.dumps(NAFAS)), []))
    routine = imported.routine
    assert routine.name == "Evening calm" and routine.prepare == 6
    (step,) = routine.steps
    assert isinstance(step.action, Breathing)
    pattern = step.action.pattern
    # inhale 2, retain 1, exhale 4, sustain missing: x unit 2
    assert (pattern.inhale, pattern.hold, pattern.exhale, pattern.hold_out) == (4, 2, 8, 0)
    assert step.action.cycles == 8
    assert compile_routine(routine).total == 6 + 8 * 14
    assert 'No "sustain" in the ratio: 0' in " ".join(imported.assumptions)


def test_nafas_without_an_exhale_is_refused_with_the_reason(tmp_path: Path) -> None:
    program = {"name": "x", "unit": 3, "pre": 0, "cycle": 4, "ratio": {"inhale": 1}}
    with pytest.raises(ImportFailure) as caught:
        import_file(write(tmp_path, "p.json", json.dumps(program)), [])
    assert "p.json" in caught.value.message
    assert "exhale 0 s" in caught.value.message and "exhale must be longer than 0 s" in (
        caught.value.message
    )


def test_nafas_missing_cycle_is_named(tmp_path: Path) -> None:
    program = {"name": "x", "unit": 3, "ratio": {"inhale": 1, "exhale": 1}}
    with pytest.raises(ImportFailure, match='needs "cycle"'):
        import_file(write(tmp_path, "p.json", json.dumps(program)), [])


def test_openhiit_one_routine_per_timer(tmp_path: Path) -> None:
    results = import_file(write(tmp_path, "export.json", json.dumps(OPENHIIT)), [])
    assert [r.routine.name for r in results if isinstance(r, Imported)] == [
        "Desk intervals",
        "Plank ladder",
    ]


def test_openhiit_sided_pairs_warmup_cooldown_and_restarts(tmp_path: Path) -> None:
    first = import_file(write(tmp_path, "export.json", json.dumps(OPENHIIT)), [])[0]
    assert isinstance(first, Imported)
    routine = first.routine
    assert routine.prepare == 10
    shapes = [(s.name, s.action) for s in routine.steps]
    one_repeat = [
        ("Squats", Timed(20)),
        ("Rest", Rest(10)),
        ("Lunge", Held(hold=20, sides="both", switch=10)),
        ("Rest", Rest(10)),
        ("Side stretch", Held(hold=20, sides="both", switch=10)),
    ]
    assert shapes == [
        ("Warm-up", Timed(60)),
        ("Rest", Rest(10)),
        *one_repeat,
        ("Break", Rest(30)),
        *one_repeat,
        ("Cool-down", Timed(45)),
    ]
    # Same length as OpenHIIT's own interval list: 10 + 60 + 10 + 2 x 150 + 30 + 45.
    assert compile_routine(routine).total == 10 + 60 + 10 + 2 * (20 + 10 + 50 + 10 + 50) + 30 + 45
    notes = " ".join(first.assumptions)
    assert '"Lunge L" and "Lunge R" are one step on both sides' in notes
    assert "repeated 2 times" in notes


def test_openhiit_older_shape_and_missing_activity_names(tmp_path: Path) -> None:
    second = import_file(write(tmp_path, "export.json", json.dumps(OPENHIIT)), [])[1]
    assert isinstance(second, Imported)
    assert [s.name for s in second.routine.steps] == ["Plank", "Rest", "Work", "Rest", "Work"]
    assert second.routine.prepare == 5
    assert '2 interval(s) have no activity name: named them "Work"' in " ".join(second.assumptions)


def test_openhiit_bad_timer_fails_alone(tmp_path: Path) -> None:
    timers = [
        dict(OPENHIIT[0]),
        {"name": "Broken", "timeSettings": {"workTime": 0}, "activities": ["A"]},
    ]
    results = import_file(write(tmp_path, "export.json", json.dumps(timers)), [])
    assert isinstance(results[0], Imported)
    assert isinstance(results[1], ImportFailure)
    assert 'timer 2 "Broken"' in results[1].message and '"workTime" is 0' in results[1].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("just words", "not a format backcare can import; expected a Workrave"),
        ('{"hello": 1}', "JSON, but not a format backcare can import"),
        ("{broken", "line 1, column 2: not valid JSON"),
        ("date,time,preset,ratio,x\n", "backcare history --import FILE"),
    ],
)
def test_anything_else_names_the_file_and_what_was_expected(
    tmp_path: Path, text: str, expected: str
) -> None:
    with pytest.raises(ImportFailure) as caught:
        import_file(write(tmp_path, "mystery.dat", text), [])
    assert caught.value.message.startswith(str(tmp_path / "mystery.dat"))
    assert expected in caught.value.message


def test_format_comes_from_the_content_not_the_name(tmp_path: Path) -> None:
    samples = write_samples(tmp_path)
    renamed = samples["workrave"].rename(tmp_path / "exercises.json")
    assert only(import_file(renamed, [])).source == "Workrave exercises"
    nafas = samples["nafas"].rename(tmp_path / "program.txt")
    assert only(import_file(nafas, [])).source == "nafas program"


def test_importers_never_load_textual_or_rich() -> None:
    code = (
        "import sys, backcare_tui.core.importers, backcare_tui.core.exporting\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_breathe_log_rows_and_their_endings() -> None:
    sessions = read_breathe_log(BREATHE_LOG.encode(), "log.csv", tz=UTC)
    assert [(s.line, s.completion) for s in sessions] == [
        (2, Completion.COMPLETED),
        (3, Completion.STOPPED),
        (4, Completion.PARTIAL),
        (5, Completion.STOPPED),
    ]
    first = sessions[0]
    assert first.started_at == datetime(2026, 5, 30, 7, 15, 2, tzinfo=UTC)
    assert (first.preset, first.ratio, first.target_seconds, first.actual_seconds) == (
        "balanced",
        "5-5",
        600,
        600,
    )


@pytest.mark.parametrize(
    ("status", "breathed", "completion"),
    [
        ("completed", 600, Completion.COMPLETED),
        ("complete", 587, Completion.COMPLETED),
        ("completed", 240, Completion.PARTIAL),
        ("ended early (user)", 420, Completion.STOPPED),
        ("aborted", 0, Completion.STOPPED),
    ],
)
def test_breathe_status_in_backcare_words(
    status: str, breathed: float, completion: Completion
) -> None:
    row = f"2026-05-30,07:15:02,balanced,5-5,600,{breathed:g},0,0,{status}\n"
    (session,) = read_breathe_log((BREATHE_LOG.split("\n")[0] + "\n" + row).encode(), "x")
    assert session.completion is completion
    summary = session_summary(session)
    assert summary.completion is completion  # the history's own rule agrees
    assert summary.routine_name == "Balanced 5-5 (breathe-cli)"
    assert summary.planned_seconds == 600 and summary.actual_seconds == breathed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date,time\n", "expected breathe-cli's log, whose first line is date,time,preset"),
        (
            BREATHE_LOG + "2026-06-01,7am,balanced,5-5,600,600,60,100,completed\n",
            'log.csv:6: expected a date and time like 2026-05-30,07:15:02, got "2026-06-01,7am"',
        ),
        (BREATHE_LOG + "2026-06-01,07:00:00,balanced,5-5,600\n", "log.csv:6: expected 9 columns"),
        (
            BREATHE_LOG + "2026-06-01,07:00:00,balanced,5-5,600,x,60,100,completed\n",
            'log.csv:6: duration_actual_s must be a number, got "x"',
        ),
    ],
)
def test_a_bad_breathe_log_names_the_line(text: str, expected: str) -> None:
    with pytest.raises(ImportFailure) as caught:
        read_breathe_log(text.encode(), "log.csv")
    assert expected in caught.value.message


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
timer_keys = ("workTime", "restTime", "breakTime", "warmupTime", "cooldownTime", "getReadyTime")


@st.composite
def nearly_valid(draw: st.DrawFn) -> object:
    """Files shaped like nafas programs or OpenHIIT exports, with any values in them."""
    if draw(st.booleans()):
        ratio = draw(
            st.dictionaries(
                st.sampled_from(["inhale", "retain", "exhale", "sustain"]),
                json_values | st.integers(-5, 40),
            )
        )
        return {
            "name": draw(json_values),
            "unit": draw(json_values | st.integers(-1, 5)),
            "cycle": draw(json_values | st.integers(-1, 10**12)),
            "ratio": ratio,
        }
    timers = []
    for _ in range(draw(st.integers(1, 3))):
        settings = {k: draw(json_values | st.integers(-5, 10**12)) for k in timer_keys}
        timers.append(
            {
                "name": draw(json_values),
                "activities": draw(json_values | st.lists(st.text(max_size=12), max_size=6)),
                "activeIntervals": draw(json_values | st.integers(-1, 10**12)),
                "restarts": draw(json_values | st.integers(-1, 10**12)),
                "timeSettings": draw(st.just(settings) | st.just(json.dumps(settings))),
            }
        )
    return timers


@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
@given(document=nearly_valid())
def test_any_json_in_a_known_shape_imports_or_fails_with_a_message(
    tmp_path: Path, document: object
) -> None:
    path = write(tmp_path, "any.json", json.dumps(document))
    try:
        results = import_file(path, [])
    except ImportFailure as failure:
        assert failure.message.startswith(str(path))
        return
    for result in results:
        if isinstance(result, ImportFailure):
            assert result.message.startswith(str(path))
        else:
            assert len(result.routine.steps) <= 200


frame_lengths = st.sampled_from(["", "0", "-3", "0.01", "0.02", "1e400", "x", "5", "90", "4000"])


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    sequence=frame_lengths,
    frames=st.lists(st.tuples(frame_lengths, st.booleans()), max_size=4),
)
def test_any_frame_lengths_import_or_fail_with_a_message(
    tmp_path: Path, sequence: str, frames: list[tuple[str, bool]]
) -> None:
    mirror = ' mirrorx="yes"'
    images = "".join(
        f'<image src="a.png" duration="{length}"{mirror if mirrored else ""}/>'
        for length, mirrored in frames
    )
    text = (
        f'<exercises><exercise><title>T</title><sequence duration="{sequence}">{images}'
        "</sequence></exercise></exercises>"
    )
    try:
        results = import_file(write(tmp_path, "exercises.xml", text), [])
    except ImportFailure as failure:
        assert "exercises.xml" in failure.message
        return
    for result in results:
        if isinstance(result, Imported):
            (step,) = result.routine.steps
            assert step.shape in ("held", "timed")
        else:
            assert "exercises.xml" in result.message


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"activeIntervals": 10**12}, "make more than 200 steps"),
        ({"restarts": 10**12}, "make more than 200 steps"),
        ({"activities": "Squats"}, '"activities" must be a list of names'),
        ({"activeIntervals": 10**400}, '"activeIntervals" must be a whole number'),
    ],
)
def test_openhiit_numbers_that_would_never_fit_are_refused_at_once(
    tmp_path: Path, changes: dict[str, object], expected: str
) -> None:
    timer = {**OPENHIIT[0], **changes}
    (result,) = import_file(write(tmp_path, "export.json", json.dumps([timer])), [])
    assert isinstance(result, ImportFailure)
    assert expected in result.message
