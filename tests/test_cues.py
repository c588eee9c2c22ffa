"""The cue plan: which sound and which words at which moment of a session, on a fake clock."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from backcare_tui.core.breathing import BreathPattern
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.cues import SLACK, Cue, CueSwitches, Guide, cue_text, merge, phase_marks
from backcare_tui.core.model import (
    Breathing,
    CueAt,
    Held,
    Rest,
    Routine,
    SoundSwitches,
    Step,
    Timed,
)
from backcare_tui.core.player import Player
from backcare_tui.core.settings import Settings
from backcare_tui.core.synth import CueSound as S
from backcare_tui.core.timeline import compile_routine

BIRD_DOG = Step("Bird-dog", Held(hold=20, reps=2, rest=3, sides="both", switch=4))
DEAD_BUG = Step(
    "Dead bug",
    Timed(20),
    cues=("Slow", "Exhale"),
    cue_at=(None, CueAt(75, percent=True)),
    say="Dead bug, slowly",
)
ROUTINE = Routine("Mat", (BIRD_DOG, DEAD_BUG), prepare=3, rest_between=5)
VOICE = CueSwitches(voice=True, speak_cues=True)


def play(routine: Routine, switches: CueSwitches) -> list[tuple[float, S | None, str]]:
    """Every cue with the clock time it was given at, waking only when the guide asks."""
    timeline = compile_routine(routine)
    clock = FakeClock()
    player = Player(timeline, clock)
    guide = Guide(timeline, switches)
    heard: list[tuple[float, S | None, str]] = []
    player.start()
    while True:
        cue = guide.react(player.update(), player)
        if cue:
            heard.append((round(clock.now(), 2), cue.sound, cue.words))
        if player.finished:
            return heard
        wait = guide.until_next(player)
        assert wait is not None and wait > 0
        clock.advance(wait)


def held_side(start: float, side: str, first: bool) -> list[tuple[float, S | None, str]]:
    """One 20 s hold from `start`: its start, halfway, and 3-2-1 spoken."""
    return [
        (start, S.WORK, f"{side} side" if first else ""),
        (start + 10, S.HALFWAY, "Halfway"),
        (start + 17, S.TICK, "3"),
        (start + 18, S.TICK, "2"),
        (start + 19, S.TICK, "1"),
    ]


def rest(start: float, words: str = "Rest") -> list[tuple[float, S | None, str]]:
    return [(start, S.REST, words), (start + 1, S.TICK, ""), (start + 2, S.TICK, "")]


EXPECTED = [
    (0.0, S.REST, "Get ready. Bird-dog"),
    *held_side(3, "Left", True),
    *rest(23),
    *held_side(26, "Left", False),
    (46.0, S.SWITCH, "Switch sides"),
    *held_side(50, "Right", True),
    *rest(70),
    *held_side(73, "Right", False),
    (93.0, S.REST, "Rest, next: Dead bug, slowly. Slow"),
    (95.0, S.TICK, ""),
    (96.0, S.TICK, ""),
    (97.0, S.TICK, ""),
    (98.0, S.WORK, "Dead bug, slowly"),  # "Slow" has been on the cue line since 93 s
    (108.0, S.HALFWAY, "Halfway"),
    (113.0, None, "Exhale"),
    (115.0, S.TICK, "3"),
    (116.0, S.TICK, "2"),
    (117.0, S.TICK, "1"),
    (118.0, S.FINISHED, "Well done. Session complete."),
]


def test_every_cue_once_at_its_moment_with_sides_and_names_spoken() -> None:
    assert play(ROUTINE, VOICE) == [(float(t), s, w) for t, s, w in EXPECTED]


def test_without_voice_the_same_moments_sound_and_nothing_is_said() -> None:
    heard = play(ROUTINE, CueSwitches())
    expected = [(float(t), s, "") for t, s, _ in EXPECTED if s is not None]
    assert heard == expected


def test_switches_leave_out_what_was_turned_off() -> None:
    heard = play(ROUTINE, CueSwitches(countdown=False, halfway=False, finished=False))
    assert {sound for _, sound, _ in heard} == {S.WORK, S.REST, S.SWITCH}
    assert play(ROUTINE, CueSwitches(phases=False, countdown=False, halfway=False)) == [
        (118.0, S.FINISHED, "")
    ]


def test_a_routine_can_turn_its_sounds_off_or_change_a_switch() -> None:
    settings = Settings(cue_breathing=False, cue_countdown=True)
    quiet = Routine("Q", ROUTINE.steps, sound=SoundSwitches(False, False, False, False, False))
    assert CueSwitches.from_settings(settings, quiet) == CueSwitches(
        False, False, False, False, False
    )
    own = Routine("O", ROUTINE.steps, sound=SoundSwitches(breathing=True, countdown=False))
    switches = CueSwitches.from_settings(settings, own)
    assert (switches.breathing, switches.countdown, switches.phases) == (True, False, True)


def test_breathing_cues_are_soft_and_optional() -> None:
    breathe = Step("Box", Breathing(BreathPattern(4, 2, 4, 0), cycles=2))
    routine = Routine("B", (breathe,), prepare=0)
    assert play(routine, CueSwitches()) == [(0.0, S.WORK, ""), (20.0, S.FINISHED, "")]
    heard = play(routine, CueSwitches(breathing=True, voice=True))
    assert heard == [
        (0.0, S.INHALE, "Box. In"),
        (4.0, None, "Hold"),
        (6.0, S.EXHALE, "Out"),
        (10.0, S.INHALE, "In"),
        (14.0, None, "Hold"),
        (16.0, S.EXHALE, "Out"),
        (20.0, S.FINISHED, "Well done. Session complete."),
    ]


def test_short_holds_tick_without_counting_aloud() -> None:
    routine = Routine("S", (Step("Squeeze", Held(hold=10)),), prepare=0)
    heard = play(routine, VOICE)
    assert heard[1:4] == [(7.0, S.TICK, ""), (8.0, S.TICK, ""), (9.0, S.TICK, "")]


def test_cues_rotate_through_a_timed_step_and_per_rep() -> None:
    timed = Step("March", Timed(60), cues=("One", "Two", "Three"))
    held = Step("Squeeze", Held(hold=5, reps=4, rest=2), cues=("A", "B", "C"))
    timeline = compile_routine(Routine("R", (timed, held), prepare=0))
    work = timeline.phases[0]
    shown = [cue_text(timeline, work, t) for t in (0, 19.9, 20, 39.9, 40, 59.9)]
    assert shown == ["One", "One", "Two", "Two", "Three", "Three"]
    holds = [p for p in timeline.phases if p.step_index == 1]
    assert [cue_text(timeline, p, 0) for p in holds] == ["A", "A", "B", "B", "C", "C", "A"]


def test_a_missed_moment_plays_only_the_newest_cue() -> None:
    timeline = compile_routine(ROUTINE)
    clock = FakeClock()
    player = Player(timeline, clock)
    guide = Guide(timeline, VOICE)
    player.start()
    guide.react(player.update(), player)
    clock.advance(3 + 12)  # the hold's start and halfway went by unseen: say where we are
    assert guide.react(player.update(), player) == Cue(S.WORK, "Left side. Halfway")
    clock.advance(9.5)  # its 3-2-1 and the rest's start went by: only the rest, no stale ticks
    assert guide.react(player.update(), player) == Cue(S.REST, "Rest")
    assert guide.react(player.update(), player) == Cue(), "nothing twice"


def test_merge_keeps_the_most_important_sound_and_all_words() -> None:
    merged = merge([Cue(S.TICK, "1"), Cue(S.WORK, "Plank."), Cue()])
    assert merged == Cue(S.WORK, "1. Plank")


def started(routine: Routine, switches: CueSwitches) -> tuple[Player, Guide, FakeClock]:
    timeline = compile_routine(routine)
    clock = FakeClock()
    player = Player(timeline, clock)
    guide = Guide(timeline, switches)
    player.start()
    return player, guide, clock


@pytest.mark.parametrize(
    ("setting", "switch"),
    [
        ("cue_phases", "phases"),
        ("cue_countdown", "countdown"),
        ("cue_halfway", "halfway"),
        ("cue_breathing", "breathing"),
        ("cue_finished", "finished"),
        ("voice", "voice"),
        ("speak_cues", "speak_cues"),
    ],
)
def test_each_setting_turns_its_own_cue(setting: str, switch: str) -> None:
    default: bool = getattr(Settings(), setting)
    changed: dict[str, Any] = {setting: not default}
    switches = CueSwitches.from_settings(replace(Settings(), **changed))
    assert switches == replace(CueSwitches(), **{switch: not default})


def test_with_voice_but_no_breath_cues_a_breath_says_only_the_step() -> None:
    breathe = Step("Slow breaths", Breathing(BreathPattern(4, 0, 6, 0), cycles=2))
    heard = play(Routine("B", (breathe,), prepare=0), CueSwitches(voice=True))
    assert [(at, words) for at, _sound, words in heard] == [
        (0.0, "Slow breaths"),
        (20.0, "Well done. Session complete."),
    ]


def test_a_rest_step_at_the_end_is_just_rest() -> None:
    routine = Routine(
        "R", (Step("Plank", Held(hold=5)), Step("Lie still", Rest(rest=5))), prepare=0
    )
    heard = play(routine, CueSwitches(voice=True, countdown=False))
    assert heard == [
        (0.0, S.WORK, "Plank"),
        (5.0, S.REST, "Rest"),
        (10.0, S.FINISHED, "Well done. Session complete."),
    ]


def test_timed_cues_alone_show_nothing_before_their_moment() -> None:
    step = Step(
        "Plank",
        Held(hold=10, reps=2, rest=2),
        cues=("Zed", "Alpha", "Late"),
        cue_at=(None, CueAt(0, percent=True), CueAt(50, percent=True)),
    )
    timeline = compile_routine(Routine("R", (step,), prepare=0))
    hold = timeline.phases[0]
    assert [cue_text(timeline, hold, at) for at in (0.0, 4.9, 5.0)] == ["Alpha", "Alpha", "Late"]
    only_timed = Step("Plank", Held(hold=10), cues=("Late",), cue_at=(CueAt(50, percent=True),))
    timeline = compile_routine(Routine("R", (only_timed,), prepare=0))
    assert [cue_text(timeline, timeline.phases[0], at) for at in (0.0, 5.0)] == ["", "Late"]


def test_cues_are_spoken_only_with_the_voice_on() -> None:
    timeline = compile_routine(Routine("R", (DEAD_BUG,), prepare=0))
    quiet = phase_marks(timeline, timeline.phases[0], CueSwitches(speak_cues=True))
    assert [(mark.at, mark.cue.words, mark.text) for mark in quiet] == [
        (0.0, "", "Slow"),
        (10.0, "", None),
        (15.0, "", "Exhale"),
    ]


def test_the_guide_waits_for_nothing_unless_a_session_is_running() -> None:
    player, guide, clock = started(ROUTINE, VOICE)
    assert guide.until_next(player) is not None
    player.pause()
    assert guide.until_next(player) is None
    player.resume()
    player.stop()
    assert guide.until_next(player) is None
    assert guide.react(player.update(), player) == Cue()
    finished, guide, clock = started(Routine("R", (Step("Plank", Held(hold=3)),)), VOICE)
    clock.advance(60)
    guide.react(finished.update(), finished)
    assert guide.until_next(finished) is None
    waiting = Player(compile_routine(ROUTINE), FakeClock())
    assert Guide(waiting.timeline, VOICE).until_next(waiting) is None


def test_at_a_countdown_second_the_guide_waits_for_the_next_one() -> None:
    player, guide, clock = started(Routine("R", (Step("Plank", Held(hold=5)),), prepare=0), VOICE)
    guide.react(player.update(), player)
    clock.advance(2.0)
    guide.react(player.update(), player)
    assert guide.until_next(player) == pytest.approx(1.0 + SLACK)


def test_after_a_stall_the_step_is_not_named_again_for_its_next_rep() -> None:
    step = Step("Bridge", Held(hold=4, reps=3, rest=2))
    player, guide, clock = started(Routine("R", (step,), prepare=0), VOICE)
    assert guide.react(player.update(), player) == Cue(S.WORK, "Bridge")
    clock.advance(6.5)  # past the first hold and its rest, into the second hold
    assert guide.react(player.update(), player) == Cue(S.WORK, "")


def test_merge_keeps_a_word_ending_in_a_capital_x() -> None:
    assert merge([Cue(words="Get ready. Pose X"), Cue(words="Halfway.")]) == Cue(
        None, "Get ready. Pose X. Halfway"
    )


def test_the_cue_line_shown_now() -> None:
    breathe = Step("Breathe", Breathing(BreathPattern(4, 0, 6, 0), cycles=1), cues=("Soft belly",))
    player, guide, clock = started(Routine("R", (DEAD_BUG, breathe), prepare=0), VOICE)
    assert guide.current_text(player) == "Slow"
    clock.advance(15.0)
    assert guide.current_text(player) == "Exhale"
    clock.advance(5.0)
    assert player.phase.kind.value == "inhale"
    assert guide.current_text(player) == "Soft belly"
