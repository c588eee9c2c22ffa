"""The lead-in, and a rest before another step, show the lead-in cue of the step they get
ready for: its first plain cue, or nothing. A timed `{ at, text }` cue belongs to its point
of the work, never to the lead-in. The screen, `run --plain` and the voice all agree."""

from __future__ import annotations

import io

from guided import spoken_words

from backcare_tui.cli.plain import run_plain
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.cues import CueSwitches, cue_text
from backcare_tui.core.model import CueAt, Held, Routine, Step, Timed
from backcare_tui.core.timeline import PhaseKind, Timeline, compile_routine, lead_in_cue

REVERSE = CueAt(50, percent=True)
CIRCLES = Step(
    "Circles",
    Timed(20),
    cues=("Reverse direction", "Start small"),
    cue_at=(REVERSE, None),
)
ONLY_TIMED = Step("Twist", Held(hold=10), cues=("Breathe out",), cue_at=(CueAt(5),))


def timeline_of(*steps: Step) -> Timeline:
    return compile_routine(Routine("R", steps, prepare=3, rest_between=2))


def spoken(timeline: Timeline) -> list[tuple[float, str]]:
    return spoken_words(timeline, CueSwitches(voice=True, speak_cues=True))


def test_the_lead_in_shows_the_first_plain_cue_not_a_timed_one() -> None:
    timeline = timeline_of(CIRCLES)
    prepare = timeline.phases[0]
    assert prepare.kind is PhaseKind.PREPARE
    assert lead_in_cue(CIRCLES) == "Start small"
    assert prepare.cue == "Start small"
    assert cue_text(timeline, prepare, 0.0) == "Start small"
    assert cue_text(timeline, prepare, 2.9) == "Start small"


def test_a_step_with_only_timed_cues_has_no_lead_in_cue() -> None:
    timeline = timeline_of(ONLY_TIMED)
    assert lead_in_cue(ONLY_TIMED) == ""
    assert [cue_text(timeline, p, 0.0) for p in timeline.phases] == ["", ""]
    assert cue_text(timeline, timeline.phases[1], 5.0) == "Breathe out"


def test_a_rest_before_a_step_shows_that_steps_lead_in_cue() -> None:
    timeline = timeline_of(ONLY_TIMED, CIRCLES)
    kinds = [p.kind for p in timeline.phases]
    assert kinds == [PhaseKind.PREPARE, PhaseKind.HOLD, PhaseKind.REST, PhaseKind.WORK]
    # The rest belongs to Twist, but it gets the person ready for Circles.
    assert [cue_text(timeline, p, 0.0) for p in timeline.phases] == [
        "",
        "",
        "Start small",
        "Start small",
    ]
    assert cue_text(timeline, timeline.phases[3], 10.0) == "Reverse direction"


def test_the_plain_run_and_the_voice_say_the_lead_in_cue() -> None:
    timeline = timeline_of(CIRCLES)
    clock = FakeClock()
    out = io.StringIO()
    assert run_plain(timeline, "R", out, clock=clock, sleep=clock.advance) == 0
    assert out.getvalue().splitlines()[1] == "[0:00] Circles - get ready 3s - Start small"
    heard = spoken(timeline)
    assert heard[0] == (0.0, "Get ready. Circles. Start small")
    assert not any("Reverse" in words for at, words in heard if at < 13.0), heard
