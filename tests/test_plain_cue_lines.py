"""`run --plain` prints the cue the screen shows: a held step's cues one per hold, in turn, a
timed step's spread over its length, and a timed `{ at, text }` cue at its point, each on a
line of its own stamped where it sits in the plan. Both read core/cues.py's `cue_text`."""

from __future__ import annotations

import io

from backcare_tui.cli.plain import run_plain
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.cues import CueSwitches, Guide, cue_text, next_cue_in
from backcare_tui.core.model import CueAt, Held, Routine, Step, Timed
from backcare_tui.core.player import Player
from backcare_tui.core.timeline import Timeline, compile_routine


def timeline_of(*steps: Step) -> Timeline:
    return compile_routine(Routine("R", steps, prepare=0))


def plain_lines(timeline: Timeline) -> list[str]:
    clock = FakeClock()
    out = io.StringIO()
    assert run_plain(timeline, "R", out, clock=clock, sleep=clock.advance) == 0
    return out.getvalue().splitlines()[1:-1]


def screen_cues(timeline: Timeline) -> list[tuple[float, str]]:
    """(seconds in, cue) each time the player screen's cue line changes."""
    player = Player(timeline, clock := FakeClock())
    guide = Guide(timeline, CueSwitches())
    player.start()
    seen: list[tuple[float, str]] = []
    while not player.finished:
        guide.react(player.update(), player)
        if player.finished:
            break
        text = guide.current_text(player)
        if not seen or seen[-1][1] != text:
            seen.append((round(clock.now(), 2), text))
        wait = guide.until_next(player)
        assert wait is not None
        clock.advance(wait)
    return seen


def test_a_held_step_prints_one_cue_per_hold_in_turn() -> None:
    timeline = timeline_of(Step("Twist", Held(hold=5, reps=3, rest=2), cues=("Tall", "Breathe")))
    assert plain_lines(timeline) == [
        "[0:00] Twist - hold 5s - rep 1 of 3 - Tall",
        "[0:05] Twist - rest 2s - rep 1 of 3 - Tall",
        "[0:07] Twist - hold 5s - rep 2 of 3 - Breathe",
        "[0:12] Twist - rest 2s - rep 2 of 3 - Breathe",
        "[0:14] Twist - hold 5s - rep 3 of 3 - Tall",
    ]
    assert [cue_text(timeline, p, 0.0) for p in timeline.phases] == [
        "Tall",
        "Tall",
        "Breathe",
        "Breathe",
        "Tall",
    ]


def test_a_timed_step_prints_its_spread_cues_and_its_at_cue_where_they_appear() -> None:
    reverse = CueAt(50, percent=True)
    step = Step(
        "Hip circles",
        Timed(60),
        cues=("Start small", "Grow", "Reverse direction"),
        cue_at=(None, None, reverse),
    )
    timeline = timeline_of(step)
    assert plain_lines(timeline) == [
        "[0:00] Hip circles - work 1m - Start small",
        "[0:30] Hip circles - Reverse direction",
    ]
    # "Grow" is due at 30 s too, with the timed cue: the screen shows the timed one, and so
    # does the plain run.
    assert screen_cues(timeline) == [(0.0, "Start small"), (30.0, "Reverse direction")]


def test_the_plain_run_and_the_screen_change_cue_at_the_same_moments() -> None:
    timeline = timeline_of(
        Step("March", Timed(30), cues=("Lift", "Swing", "Breathe")),
        Step(
            "Plank",
            Held(hold=20, reps=2, rest=5),
            cues=("Hips level", "Brace"),
            cue_at=(None, CueAt(10)),
        ),
    )
    lines = plain_lines(timeline)
    printed = [(line[1 : line.index("]")], line.rsplit(" - ", 1)[-1]) for line in lines]
    screen = [(f"{int(at) // 60}:{int(at) % 60:02d}", text) for at, text in screen_cues(timeline)]
    changes = [pair for i, pair in enumerate(printed) if i == 0 or printed[i - 1][1] != pair[1]]
    assert changes == screen


def test_next_cue_in_counts_to_the_next_cue_of_the_phase() -> None:
    timeline = timeline_of(Step("March", Timed(30), cues=("Lift", "Swing", "Breathe")))
    work = timeline.phases[0]
    assert next_cue_in(timeline, work, 0.0) == 10.0
    assert next_cue_in(timeline, work, 12.0) == 8.0
    assert next_cue_in(timeline, work, 25.0) is None
