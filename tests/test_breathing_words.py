"""What the breathing screen and `backcare breathe` say about a pattern and a length."""

from __future__ import annotations

import pytest

from backcare_tui.core.breathing import ease_in_out, parse_pattern, pattern_warnings
from backcare_tui.core.breathing_session import (
    LengthError,
    describe_length,
    describe_pattern,
    parse_length,
)


@pytest.mark.parametrize(
    ("minutes", "cycles", "lead_in", "words"),
    [
        (5.0, None, 0.0, "5 minutes: 30 breaths, 5:00"),
        (5.0, None, 5.0, "5 minutes: 30 breaths, 5:05 with a 5 s lead-in"),
        (1.0, None, 0.0, "1 minute: 6 breaths, 1:00"),
        (2.5, None, 0.0, "2.5 minutes: 15 breaths, 2:30"),
        (None, 1, 0.0, "1 breath: 0:10"),
        (None, 20, 2.5, "20 breaths: 3:23 with a 2.5 s lead-in"),
    ],
)
def test_a_typed_length_in_words(
    minutes: float | None, cycles: int | None, lead_in: float, words: str
) -> None:
    assert describe_length(parse_pattern("4-6"), minutes, cycles, lead_in) == words


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        ("4-7-8", "in 4 s · hold 7 s · out 8 s · 3.2 breaths a minute"),
        ("4-4-4-4", "in 4 s · hold 4 s · out 4 s · hold 4 s · 3.8 breaths a minute"),
        ("5-5", "in 5 s · out 5 s · 6 breaths a minute"),
        ("1.4-1.5", "in 1.4 s · out 1.5 s · 20.7 breaths a minute"),
    ],
)
def test_a_pattern_in_words(pattern: str, words: str) -> None:
    assert describe_pattern(parse_pattern(pattern)) == words


def test_just_over_twenty_breaths_a_minute_is_fast() -> None:
    assert pattern_warnings(parse_pattern("1.4-1.5")) == [
        "Fast pace (21 breaths a minute): quick breathing can cause dizziness; calm "
        "breathing is usually 4-10 a minute."
    ]


@pytest.mark.parametrize(
    ("t", "eased"), [(-0.5, 0.0), (0.0, 0.0), (0.5, 0.5), (1.0, 1.0), (1.5, 1.0)]
)
def test_a_late_frame_never_draws_past_a_full_breath(t: float, eased: float) -> None:
    assert ease_in_out(t) == pytest.approx(eased)


def test_no_lead_in_unless_one_is_given() -> None:
    assert describe_length(parse_pattern("4-6"), 2.0, None) == "2 minutes: 12 breaths, 2:00"
    assert describe_length(parse_pattern("4-6"), None, 3, 0.5) == (
        "3 breaths: 0:31 with a 0.5 s lead-in"
    )
    assert describe_pattern(parse_pattern("0.5-4")) == "in 0.5 s · out 4 s · 13.3 breaths a minute"


@pytest.mark.parametrize(
    ("text", "length"), [("1 cycle", (None, 1)), ("500 cycles", (None, 500)), ("0.5", (0.5, None))]
)
def test_the_shortest_and_longest_lengths_typed(
    text: str, length: tuple[float | None, int | None]
) -> None:
    assert parse_length(text) == length


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0 cycles", "cycles must be from 1 to 500, got 0"),
        ("501 cycles", "cycles must be from 1 to 500, got 501"),
        ("soon", 'expected minutes ("5", "2.5 min", "1m30s") or cycles ("20 cycles"), got "soon"'),
        ("0", "minutes must be more than 0, got 0"),
        ("200", "minutes must be at most 120, got 200"),
    ],
)
def test_a_length_that_cannot_be_used_says_why(text: str, message: str) -> None:
    with pytest.raises(LengthError) as refused:
        parse_length(text)
    assert str(refused.value) == message
