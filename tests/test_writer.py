"""Writing: load(save(r)) == r for any valid routine, and saves are atomic."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcare_tui.core.breathing import PRESETS, BreathPattern
from backcare_tui.core.loader import load_routine, parse_routine_text
from backcare_tui.core.model import Breathing, Held, Rest, Routine, Step, Timed
from backcare_tui.core.writer import dumps_routine, save_routine

# Text as the loader keeps it: printable, no control characters, trimmed.
line = (
    st.text(
        st.characters(
            blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
            blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
        ),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
seconds = st.one_of(st.integers(1, 3600).map(float), st.floats(0.05, 3600, allow_nan=False))
maybe_zero = st.one_of(st.just(0.0), seconds)
part = st.one_of(st.integers(1, 60).map(float), st.floats(0.1, 60))
hold_part = st.one_of(st.just(0.0), part)

timed = st.builds(Timed, seconds)
rest = st.builds(Rest, maybe_zero)
held = st.builds(
    Held,
    hold=seconds,
    reps=st.integers(1, 5),
    rest=maybe_zero,
    sets=st.integers(1, 3),
    set_rest=maybe_zero,
    sides=st.sampled_from([None, "both", "left", "right"]),
    switch=maybe_zero,
)
pattern = st.builds(BreathPattern, part, hold_part, part, hold_part)
preset = st.sampled_from(sorted(PRESETS)).map(lambda n: (PRESETS[n].pattern, n))
breathing = st.builds(
    lambda pat, length, cues: Breathing(
        pat[0],
        pat[1],
        length if isinstance(length, int) else None,
        length if isinstance(length, float) else None,
        *cues,
    ),
    st.one_of(preset, pattern.map(lambda p: (p, None))),
    st.one_of(st.integers(1, 20), st.floats(0.5, 10)),
    st.tuples(st.one_of(st.just(""), line), st.one_of(st.just(""), line)),
)
step = st.builds(
    Step,
    name=line,
    action=st.one_of(timed, rest, held, breathing),
    instructions=st.one_of(st.just(""), line, st.builds(lambda a, b: f"{a}\n\n{b}", line, line)),
    cues=st.lists(line, max_size=3).map(tuple),
)
routines = st.builds(
    Routine,
    name=line,
    steps=st.lists(step, min_size=1, max_size=5).map(tuple),
    description=st.one_of(st.just(""), line),
    tags=st.lists(line, max_size=3).map(tuple),
    equipment=st.lists(line, max_size=2).map(tuple),
    prepare=st.one_of(st.none(), maybe_zero),
    rest_between=maybe_zero,
    rounds=st.integers(1, 3),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(routines)
def test_load_of_save_is_identity(routine: Routine) -> None:
    assert parse_routine_text(dumps_routine(routine), "r.toml") == routine


def test_save_writes_a_file_that_loads(tmp_path: Path) -> None:
    routine = Routine("Saved", (Step("One", Timed(30)),))
    path = tmp_path / "routines" / "saved.toml"
    save_routine(routine, path)
    assert load_routine(path) == routine
    assert [p.name for p in path.parent.iterdir()] == ["saved.toml"]


def test_failed_save_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "routines" / "keep.toml"
    old = Routine("Old", (Step("One", Timed(30)),))
    save_routine(old, path)
    before = path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        save_routine(Routine("New", (Step("Two", Timed(10)),)), path)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["keep.toml"]


def test_short_arrays_are_written_on_one_line() -> None:
    from backcare_tui.core.loader import parse_routine_bytes
    from backcare_tui.core.model import Routine, Step, Timed
    from backcare_tui.core.writer import dumps_routine

    long_cue = ("Keep the shoulders down and away from the ears, " * 2).strip()
    routine = Routine(
        "Desk",
        (
            Step("Reach", Timed(30), cues=("Tall spine", 'Say "ah"')),
            Step("Roll", Timed(20), cues=(long_cue,)),
        ),
        tags=("desk",),
    )
    text = dumps_routine(routine)
    assert 'tags = ["desk"]\n' in text
    assert 'cues = ["Tall spine", "Say \\"ah\\""]\n' in text
    assert "cues = [\n" in text  # the long one keeps a line per item
    assert parse_routine_bytes(text.encode(), "x") == routine


@pytest.mark.parametrize(("width", "one_line"), [(88, True), (89, False)])
def test_an_array_that_fits_in_88_columns_stays_on_one_line(width: int, one_line: bool) -> None:
    tag = "x" * (width - len('tags = [""]'))
    text = dumps_routine(Routine("Desk", (Step("Reach", Timed(30)),), tags=(tag,)))
    assert (f'tags = ["{tag}"]\n' in text) is one_line


def test_paragraphs_are_written_as_lines_a_person_can_edit() -> None:
    routine = Routine("Desk", (Step("Reach", Timed(30), "Sit tall.\n\nReach up slowly."),))
    text = dumps_routine(routine)
    assert 'instructions = """\nSit tall.\n\nReach up slowly."""\n' in text
    assert parse_routine_text(text, "x.toml") == routine


def test_a_pattern_too_fine_for_a_dash_string_is_written_as_a_table() -> None:
    """0.00001 s would be written "1e-05", which a dash pattern cannot hold."""
    fine = BreathPattern(inhale=0.00001, hold=0, exhale=4, hold_out=0)
    routine = Routine("Fine", (Step("Breathe", Breathing(pattern=fine, cycles=3)),))
    text = dumps_routine(routine)
    assert "[steps.breathing]" in text
    assert parse_routine_text(text, "x.toml") == routine
