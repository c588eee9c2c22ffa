"""A breathing step's cues: plain ones take turns, one per breath; a timed one shows at its
point of the whole step. The pacer and `run --plain` read `phase.cue`, the cue line and the
spoken cues read `cue_schedule`: all four must agree."""

from __future__ import annotations

import io

from backcare_tui.cli.plain import run_plain
from backcare_tui.core.breath_cues import breath_cue_lines
from backcare_tui.core.breathing import BreathPattern
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.cues import CueSwitches, Guide, cue_text
from backcare_tui.core.model import Breathing, CueAt, Routine, Step, Timed
from backcare_tui.core.player import Player
from backcare_tui.core.timeline import PhaseKind, Timeline, compile_routine

IN_OUT = BreathPattern(4, 0, 6, 0)
"""10 s a breath: in from 0 s, out from 4 s."""


def breathe(*cues: str | tuple[CueAt, str], cycles: int = 4) -> Step:
    texts = tuple(cue if isinstance(cue, str) else cue[1] for cue in cues)
    times = tuple(None if isinstance(cue, str) else cue[0] for cue in cues)
    timed = any(at is not None for at in times)
    return Step(
        "Breathe",
        Breathing(IN_OUT, cycles=cycles),
        cues=texts,
        cue_at=times if timed else (),
    )


def half(text: str) -> tuple[CueAt, str]:
    return (CueAt(50, percent=True), text)


def timeline_of(*steps: Step, prepare: float = 0) -> Timeline:
    return compile_routine(Routine("R", steps, prepare=prepare))


def breath_cues(timeline: Timeline) -> list[tuple[int, str, str]]:
    """(cycle, in/out, cue) for each breath phase: what the pacer and `run --plain` show."""
    return [
        (p.cycle_no, p.kind.value, p.cue) for p in timeline.phases if p.kind is not PhaseKind.WORK
    ]


def by_breath(*cues: str) -> list[tuple[int, str, str]]:
    """The same cue on the in- and out-breath of each breath, in turn."""
    return [
        (cycle, kind, cue)
        for cycle, cue in enumerate(cues, start=1)
        for kind in ("inhale", "exhale")
    ]


def test_a_timed_first_cue_shows_at_its_point_of_the_step_not_on_every_breath() -> None:
    timeline = timeline_of(breathe(half("Slow down"), "Soft belly"))
    # 50% of 40 s is 20 s, the start of the third breath; the plain cue has the others.
    assert breath_cues(timeline) == by_breath("Soft belly", "Soft belly", "Slow down", "Soft belly")


def test_plain_cues_take_turns_one_per_breath() -> None:
    timeline = timeline_of(breathe("Soft belly", "Long neck", cycles=3))
    assert breath_cues(timeline) == by_breath("Soft belly", "Long neck", "Soft belly")


def test_plain_and_timed_cues_together() -> None:
    step = breathe("Soft belly", (CueAt(0, percent=True), "Settle in"), "Long neck", half("Slow"))
    assert breath_cues(timeline_of(step)) == by_breath(
        "Settle in", "Long neck", "Slow", "Long neck"
    )


def test_a_timed_cue_inside_a_breath_shows_from_that_phase_to_the_breaths_end() -> None:
    # 25 s is 1 s into the third out-breath (24-30 s): the out-breath shows it, from its start.
    step = breathe("Soft belly", (CueAt(25), "Shoulders down"))
    assert breath_cues(timeline_of(step)) == [
        *by_breath("Soft belly", "Soft belly"),
        (3, "inhale", "Soft belly"),
        (3, "exhale", "Shoulders down"),
        (4, "inhale", "Soft belly"),
        (4, "exhale", "Soft belly"),
    ]


def test_timed_cues_alone_stay_until_the_next_and_nothing_shows_before_the_first() -> None:
    step = breathe((CueAt(25), "Shoulders down"), (CueAt(90, percent=True), "Last one"))
    assert breath_cues(timeline_of(step)) == [
        *by_breath("", ""),
        (3, "inhale", ""),
        (3, "exhale", "Shoulders down"),
        (4, "inhale", "Shoulders down"),
        (4, "exhale", "Last one"),  # 36 s, in the last out-breath (34-40 s)
    ]


def test_seconds_past_the_end_show_on_the_last_phase_rather_than_never() -> None:
    step = breathe("Soft belly", (CueAt(300), "Well breathed"), cycles=2)
    assert breath_cues(timeline_of(step)) == [
        *by_breath("Soft belly"),
        (2, "inhale", "Soft belly"),
        (2, "exhale", "Well breathed"),
    ]


def test_in_and_out_breath_cues_keep_their_phases_and_the_step_cue_has_the_holds() -> None:
    step = Step(
        "Box",
        Breathing(BreathPattern(4, 4, 4, 4), cycles=2, inhale_cue="Fill up", exhale_cue="Let go"),
        cues=("Soft belly", "Long neck", "Still"),
        cue_at=(None, None, CueAt(50, percent=True)),
    )
    timeline = timeline_of(step)
    assert breath_cues(timeline) == [
        (1, "inhale", "Fill up"),
        (1, "hold-in", "Soft belly"),
        (1, "exhale", "Let go"),
        (1, "hold-out", "Soft belly"),
        (2, "inhale", "Fill up"),
        (2, "hold-in", "Still"),
        (2, "exhale", "Let go"),
        (2, "hold-out", "Still"),
    ]
    assert [p.label for p in timeline.phases[:4]] == ["Breathe in", "Hold", "Breathe out", "Hold"]


def test_the_point_is_counted_from_the_breathing_steps_own_start() -> None:
    # A timed step before it, or a lead-in, moves the step, not its cues' points.
    expected = by_breath("Soft belly", "Soft belly", "Slow down", "Soft belly")
    timeline = timeline_of(Step("March", Timed(15)), breathe(half("Slow down"), "Soft belly"))
    assert timeline.phases[1].start == 15.0
    assert breath_cues(timeline) == expected
    with_prepare = timeline_of(breathe(half("Slow down"), "Soft belly"), prepare=5)
    assert with_prepare.phases[0].kind is PhaseKind.PREPARE
    assert breath_cues(with_prepare)[1:] == expected


def test_the_cue_line_and_the_spoken_cues_follow_the_breaths() -> None:
    timeline = timeline_of(breathe(half("Slow down"), "Soft belly"))
    player = Player(timeline, clock := FakeClock())
    guide = Guide(timeline, CueSwitches(voice=True, speak_cues=True))
    player.start()
    shown: list[tuple[float, str]] = []
    spoken: list[tuple[float, str]] = []
    while not player.finished:
        cue = guide.react(player.update(), player)
        if cue.words:
            spoken.append((clock.now(), cue.words))
        if not player.finished:
            shown.append((clock.now(), guide.current_text(player)))
            wait = guide.until_next(player)
            assert wait is not None
            clock.advance(wait)
    at_breath_starts = [text for now, text in shown if round(now, 2) in (0, 10, 20, 30)]
    assert at_breath_starts == ["Soft belly", "Soft belly", "Slow down", "Soft belly"]
    slow = [round(t, 2) for t, w in spoken if "Slow" in w]
    assert slow and slow[0] == 20.0 and slow[-1] < 30.0, spoken
    assert all("Slow" not in cue_text(timeline, p, 5.9) for p in timeline.phases[:4])


def test_run_plain_prints_each_breaths_cue() -> None:
    timeline = timeline_of(breathe("Soft belly", "Long neck", half("Slow down"), cycles=4))
    clock = FakeClock()
    out = io.StringIO()
    assert run_plain(timeline, "R", out, clock=clock, sleep=clock.advance) == 0
    lines = out.getvalue().splitlines()[1:-1]
    assert [line.rsplit(" - ", 1)[-1] for line in lines] == [
        "Soft belly",
        "Soft belly",
        "Long neck",
        "Long neck",
        "Slow down",
        "Slow down",
        "Long neck",
        "Long neck",
    ]
    assert lines[4] == "[0:20] Breathe - breathe in 4s - cycle 3 of 4 - Slow down"


def test_no_cues_and_no_breaths_give_nothing() -> None:
    assert breath_cue_lines(breathe(), [(1, 4.0), (1, 6.0)]) == ["", ""]
    assert breath_cue_lines(breathe("Soft belly"), []) == []
