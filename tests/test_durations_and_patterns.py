from __future__ import annotations

import math

import pytest

from backcare_tui.core.breathing import (
    PRESETS,
    BreathPattern,
    PatternError,
    cycles_for_minutes,
    ease_in_out,
    parse_pattern,
    pattern_warnings,
)
from backcare_tui.core.durations import DurationError, format_clock, format_length, parse_duration


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (45, 45.0),
        (7.5, 7.5),
        ("90s", 90.0),
        ("2m", 120.0),
        ("1m30s", 90.0),
        ("1h", 3600.0),
        ("1.5m", 90.0),
        (" 1m 30s ", 90.0),
        (0, 0.0),
    ],
)
def test_durations(value: object, seconds: float) -> None:
    assert parse_duration(value) == seconds


WRITTEN = 'expected a duration like "90s", "2m" or "1m30s", got '
NOT_A_NUMBER = 'expected a number of seconds or a string like "1m30s", got '


# The words `backcare check` and the editor show after the key's name.
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", WRITTEN + '""'),
        ("abc", WRITTEN + '"abc"'),
        ("5x", WRITTEN + '"5x"'),
        ("1s30m", WRITTEN + '"1s30m"'),
        (-1, "must not be negative, got -1"),
        (-5.0, "must not be negative, got -5"),
        (-2.5, "must not be negative, got -2.5"),
        (math.nan, "expected a finite number of seconds, got nan"),
        (math.inf, "expected a finite number of seconds, got inf"),
        (True, NOT_A_NUMBER + "true"),
        (False, NOT_A_NUMBER + "false"),
        ([1], NOT_A_NUMBER + "an array"),
    ],
)
def test_bad_durations(value: object, message: str) -> None:
    with pytest.raises(DurationError) as refused:
        parse_duration(value)
    assert str(refused.value) == message


def test_clock_rounds_up_so_the_countdown_never_shows_zero_early() -> None:
    assert format_clock(59.01) == "1:00"
    assert format_clock(0.2) == "0:01"
    assert format_clock(0) == "0:00"
    assert format_clock(3725) == "1:02:05"
    assert format_length(45) == "45s"
    assert format_length(200) == "3m 20s"
    assert format_length(180) == "3m"
    assert format_length(3600) == "1h 00m"
    assert format_length(3900) == "1h 05m"


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("4-7-8", BreathPattern(4, 7, 8, 0)),
        ("4-4-4-4", BreathPattern(4, 4, 4, 4)),
        ("5.5-5.5", BreathPattern(5.5, 0, 5.5, 0)),
        ("Box", BreathPattern(4, 4, 4, 4)),
        ("diaphragmatic", BreathPattern(4, 0, 6, 0)),
    ],
)
def test_patterns(text: str, pattern: BreathPattern) -> None:
    assert parse_pattern(text) == pattern


@pytest.mark.parametrize("text", ["4", "4-", "a-b", "4-4-4-4-4", "0-4", "4-0", "4-70-4", "-4-4"])
def test_bad_patterns(text: str) -> None:
    with pytest.raises(PatternError):
        parse_pattern(text)


def test_presets_and_pace() -> None:
    assert set(PRESETS) >= {"diaphragmatic", "box", "4-7-8", "coherent", "extended-exhale"}
    assert round(PRESETS["coherent"].pattern.breaths_per_minute, 2) == 5.45
    assert PRESETS["box"].pattern.label() == "4-4-4-4"
    assert PRESETS["coherent"].pattern.label() == "5.5-5.5"


def test_minutes_round_to_whole_cycles() -> None:
    box = PRESETS["box"].pattern  # 16 s a cycle
    assert cycles_for_minutes(box, 1) == 4  # 3.75 -> 4
    assert cycles_for_minutes(box, 0.1) == 1  # never zero
    assert cycles_for_minutes(BreathPattern(4, 0, 4, 0), 1) == 8  # 7.5 rounds half up


def test_warnings_for_long_holds_and_fast_pace() -> None:
    assert pattern_warnings(PRESETS["diaphragmatic"].pattern) == []
    assert "Long hold" in pattern_warnings(parse_pattern("4-15-4"))[0]
    assert "Fast pace" in pattern_warnings(parse_pattern("1-1"))[0]


def test_easing_is_smooth_at_the_turns() -> None:
    assert ease_in_out(0) == 0 and ease_in_out(1) == 1 and ease_in_out(0.5) == pytest.approx(0.5)
    # Slope near the ends is far below the linear slope of 1.
    assert ease_in_out(0.01) < 0.001 and 1 - ease_in_out(0.99) < 0.001
