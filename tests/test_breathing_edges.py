"""Breathing at its edges: custom patterns that look like presets, and the limits of care."""

from __future__ import annotations

import pytest

from backcare_tui.core.breathing import (
    MAX_PART_SECONDS,
    PRESETS,
    BreathPattern,
    PatternError,
    make_pattern,
    parse_pattern,
    pattern_warnings,
)
from backcare_tui.core.loader import parse_routine_text
from backcare_tui.core.model import Breathing, Routine, Step
from backcare_tui.core.writer import dumps_routine


def routine_of(action: Breathing) -> Routine:
    return Routine("Breathe", (Step("In and out", action),))


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_a_custom_pattern_with_a_presets_numbers_stays_custom(name: str) -> None:
    """Saving then loading gives back the same routine: no preset name appears."""
    custom = routine_of(Breathing(PRESETS[name].pattern, None, cycles=4))
    text = dumps_routine(custom)
    assert f'breathing = "{name}"' not in text
    assert parse_routine_text(text, "r.toml") == custom


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_a_preset_is_saved_by_its_name(name: str) -> None:
    preset = routine_of(Breathing(PRESETS[name].pattern, name, minutes=2.0))
    text = dumps_routine(preset)
    assert f'breathing = "{name}"' in text
    assert parse_routine_text(text, "r.toml") == preset


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (BreathPattern(3, 0, 5, 0), 'breathing = "3-5"'),
        (BreathPattern(3, 2, 5, 0), 'breathing = "3-2-5"'),
        (BreathPattern(3, 0, 5, 1), 'breathing = "3-0-5-1"'),
        (BreathPattern(3.5, 1, 5.25, 2), 'breathing = "3.5-1-5.25-2"'),
    ],
)
def test_custom_patterns_are_saved_in_their_shortest_form(
    pattern: BreathPattern, text: str
) -> None:
    routine = routine_of(Breathing(pattern, None, cycles=2))
    saved = dumps_routine(routine)
    assert f"{text}," in saved
    assert parse_routine_text(saved, "r.toml") == routine


@pytest.mark.parametrize(
    ("pattern", "notes"),
    [
        # Holds: 10 s is fine, anything longer is a word of care.
        ("4-10-4", []),
        (
            "4-10.5-4",
            [
                "Long hold (10.5 s): holding for long can make you light-headed; "
                "shorten it if you feel uneasy."
            ],
        ),
        (
            "4-0-4-11",
            [
                "Long hold (11 s): holding for long can make you light-headed; "
                "shorten it if you feel uneasy."
            ],
        ),
        # Pace: 20 breaths a minute (3 s a breath) is fine, faster is not.
        ("1.5-1.5", []),
        (
            "1-1.5",
            [
                "Fast pace (24 breaths a minute): quick breathing can cause dizziness; "
                "calm breathing is usually 4-10 a minute."
            ],
        ),
        # 3 breaths a minute (20 s a breath) is fine, slower is not.
        ("10-10", []),
        (
            "10-10.5",
            ["Very slow pace (2.9 breaths a minute): stop if you feel short of air."],
        ),
    ],
)
def test_warnings_start_just_past_their_limits(pattern: str, notes: list[str]) -> None:
    assert pattern_warnings(parse_pattern(pattern)) == notes


def test_a_part_may_last_a_minute_and_no_longer() -> None:
    assert MAX_PART_SECONDS == 60
    assert make_pattern(60, 60, 60, 60) == BreathPattern(60, 60, 60, 60)
    for part, values in (
        ("inhale", (60.5, 0, 4, 0)),
        ("hold", (4, 61, 4, 0)),
        ("exhale", (4, 0, 60.5, 0)),
        ("hold_out", (4, 0, 4, 90)),
    ):
        with pytest.raises(PatternError) as raised:
            make_pattern(*values)
        assert str(raised.value) == f"{part} must be at most 60 s, got {max(values):g}"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ((0, 0, 4, 0), "inhale must be longer than 0 s, got 0"),
        ((4, 0, 0, 0), "exhale must be longer than 0 s, got 0"),
        ((4, -1, 4, 0), "hold must be a finite number of seconds, got -1"),
        ((4, 0, 4, float("nan")), "hold_out must be a finite number of seconds, got nan"),
    ],
)
def test_pattern_refusals_name_the_part(values: tuple[float, ...], message: str) -> None:
    with pytest.raises(PatternError) as raised:
        make_pattern(*values)
    assert str(raised.value) == message
