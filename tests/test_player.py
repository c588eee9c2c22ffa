"""The session engine on a fake clock: every operation, exactly."""

from __future__ import annotations

import math
import random

import pytest

from backcare_tui.core.breathing import BreathPattern
from backcare_tui.core.clock import FakeClock
from backcare_tui.core.model import Breathing, Held, Rest, Routine, Step, Timed
from backcare_tui.core.player import (
    CountdownTick,
    Event,
    Finished,
    PhaseStarted,
    Player,
    StepStarted,
)
from backcare_tui.core.timeline import PhaseKind, Timeline, compile_routine

T0 = 1000.0


def timeline_of(
    *steps: Step, prepare: float = 0.0, rest_between: float = 0.0, rounds: int = 1
) -> Timeline:
    routine = Routine("Test", steps, prepare=prepare, rest_between=rest_between, rounds=rounds)
    return compile_routine(routine)


def three_steps() -> Timeline:
    """prepare 5 | A: work 10 | B: hold 10, rest 5, hold 10 | C: work 20  (60 s)."""
    return timeline_of(
        Step("A", Timed(10)),
        Step("B", Held(hold=10, reps=2, rest=5)),
        Step("C", Timed(20)),
        prepare=5,
    )


def started(timeline: Timeline) -> tuple[Player, FakeClock]:
    clock = FakeClock(T0)
    player = Player(timeline, clock)
    player.start()
    player.update()
    return player, clock


def names(events: list[Event]) -> list[str]:
    out = []
    for event in events:
        if isinstance(event, PhaseStarted):
            out.append(f"phase {event.phase.index}")
        elif isinstance(event, StepStarted):
            out.append(f"step {event.step.index}")
        elif isinstance(event, CountdownTick):
            out.append(f"tick {event.seconds_left}")
        else:
            out.append(type(event).__name__)
    return out


def balanced(player: Player) -> bool:
    left = player.elapsed + player.remaining
    right = player.planned + player.extended - player.skipped
    return abs(left - right) < 1e-9


def test_before_start_nothing_moves() -> None:
    clock = FakeClock(T0)
    player = Player(three_steps(), clock)
    clock.advance(100)
    assert not player.started and player.update() == []
    assert (player.phase_index, player.elapsed, player.remaining) == (0, 0.0, 60.0)
    player.skip_phase()
    player.pause()
    player.extend(10)
    assert player.update() == [] and player.phase_index == 0 and player.extended == 0


def test_start_announces_the_first_step_and_phase() -> None:
    clock = FakeClock(T0)
    player = Player(three_steps(), clock)
    player.start()
    assert names(player.update()) == ["step 0", "phase 0"]
    assert player.started and player.phase.kind == PhaseKind.PREPARE
    assert player.phase_remaining == 5.0 and player.remaining == 60.0
    assert player.next_phase is not None and player.next_phase.index == 1
    assert player.next_step is not None and player.next_step.name == "B"


def test_phases_change_exactly_at_their_deadlines() -> None:
    player, clock = started(three_steps())
    clock.set(T0 + 4.999)
    assert player.update() == [] and player.phase_index == 0
    clock.set(T0 + 5.0)
    assert names(player.update()) == ["phase 1"]
    assert player.phase_started_at == T0 + 5.0 and player.phase_elapsed == 0.0


def test_a_big_jump_reports_every_phase_in_order() -> None:
    player, clock = started(three_steps())
    clock.advance(32.5)
    assert names(player.update()) == ["phase 1", "step 1", "phase 2", "phase 3", "phase 4"]
    assert player.phase_started_at == T0 + 30.0
    assert player.elapsed == 32.5 and player.steps_done == 1
    clock.advance(1000)
    assert names(player.update()) == ["step 2", "phase 5", "Finished"]


def test_big_jump_to_the_end() -> None:
    player, clock = started(three_steps())
    clock.advance(1000)
    assert names(player.update()) == [
        "phase 1", "step 1", "phase 2", "phase 3", "phase 4", "step 2", "phase 5", "Finished",
    ]  # fmt: skip
    assert player.finished and player.ended_at == T0 + 60.0
    assert (player.elapsed, player.remaining, player.fraction) == (60.0, 0.0, 1.0)
    assert player.steps_done == 3 and player.steps_skipped == 0
    assert player.next_phase is None and player.next_step is None
    clock.advance(10)
    assert player.update() == [] and player.elapsed == 60.0


def test_queries_queue_events_for_update_without_losing_them() -> None:
    player, clock = started(three_steps())
    clock.advance(6)
    assert player.phase_index == 1
    assert names(player.update()) == ["phase 1"]
    assert player.update() == []


def test_countdown_ticks_three_two_one_once_each() -> None:
    player, clock = started(timeline_of(Step("A", Timed(10)), Step("B", Timed(10))))
    seen: list[str] = []
    for _ in range(250):
        clock.advance(0.1)
        seen += names(player.update())
    assert seen == [
        "tick 3", "tick 2", "tick 1", "step 1", "phase 1", "tick 3", "tick 2", "tick 1", "Finished",
    ]  # fmt: skip


def test_countdown_lands_on_the_whole_second() -> None:
    player, clock = started(timeline_of(Step("A", Timed(10))))
    clock.set(T0 + 6.999)
    assert player.update() == []
    clock.set(T0 + 7.0)
    assert names(player.update()) == ["tick 3"]


def test_a_stall_sends_only_the_tick_that_is_true_now() -> None:
    player, clock = started(timeline_of(Step("A", Timed(10))))
    clock.set(T0 + 6.5)
    assert player.update() == []
    clock.set(T0 + 8.5)
    assert names(player.update()) == ["tick 2"]
    clock.set(T0 + 9.5)
    assert names(player.update()) == ["tick 1"]


def test_short_phases_count_down_only_what_they_have_and_breathing_never_ticks() -> None:
    timeline = timeline_of(
        Step("A", Timed(3)), Step("B", Breathing(BreathPattern(4, 0, 4, 0), cycles=1))
    )
    player, clock = started(timeline)
    seen: list[str] = []
    for _ in range(110):
        clock.advance(0.1)
        seen += names(player.update())
    assert seen == ["tick 2", "tick 1", "step 1", "phase 1", "phase 2", "Finished"]


def test_pause_freezes_everything_and_resume_shifts_the_deadline_exactly() -> None:
    player, clock = started(three_steps())
    clock.advance(7)
    player.update()
    player.pause()
    assert names(player.update()) == ["Paused"] and player.paused
    before = (player.phase_index, player.elapsed, player.remaining, player.phase_remaining)
    clock.advance(500)
    assert player.update() == []
    assert (player.phase_index, player.elapsed, player.remaining, player.phase_remaining) == before
    player.resume()
    assert names(player.update()) == ["Resumed"] and not player.paused
    clock.advance(7.999)
    assert names(player.update()) == ["tick 1"] and player.phase_index == 1
    clock.advance(0.001)
    assert names(player.update()) == ["step 1", "phase 2"]
    assert player.phase_started_at == T0 + 515.0
    assert player.elapsed == pytest.approx(15.0) and balanced(player)


def test_pause_in_the_last_100_ms_of_a_phase() -> None:
    player, clock = started(three_steps())
    clock.set(T0 + 4.95)
    player.update()
    player.pause()
    clock.advance(60)
    assert names(player.update()) == ["Paused"] and player.phase_index == 0
    assert player.phase_remaining == pytest.approx(0.05)
    player.resume()
    clock.advance(0.049)
    assert names(player.update()) == ["Resumed"] and player.phase_index == 0
    clock.advance(0.001)
    assert names(player.update()) == ["phase 1"]
    assert player.phase_started_at == pytest.approx(T0 + 65.0)
    assert player.elapsed == pytest.approx(5.0)


def test_pause_after_a_deadline_passed_unnoticed_pauses_the_next_phase() -> None:
    player, clock = started(three_steps())
    clock.set(T0 + 5.02)
    player.pause()
    assert names(player.update()) == ["phase 1", "Paused"]
    assert player.phase_elapsed == pytest.approx(0.02)


def test_toggle_pause_and_redundant_calls_do_nothing() -> None:
    player, _clock = started(three_steps())
    player.resume()
    player.toggle_pause()
    player.pause()
    player.toggle_pause()
    player.resume()
    assert names(player.update()) == ["Paused", "Resumed"]


def test_skip_phase_starts_the_next_phase_now() -> None:
    player, clock = started(three_steps())
    clock.advance(2)
    player.skip_phase()
    assert names(player.update()) == ["phase 1"]
    assert player.phase_started_at == T0 + 2 and player.phase_elapsed == 0
    assert player.skipped == 3.0 and player.elapsed == 2.0 and balanced(player)
    clock.advance(10)
    assert names(player.update()) == ["step 1", "phase 2"]
    assert player.steps_done == 1


def test_skip_phase_out_of_a_step_counts_it_as_skipped() -> None:
    player, clock = started(three_steps())
    clock.advance(6)
    player.skip_phase()
    assert names(player.update()) == ["phase 1", "step 1", "phase 2"]
    assert (player.steps_done, player.steps_skipped) == (0, 1)


def test_skip_step_goes_to_the_first_phase_of_the_next_step() -> None:
    player, clock = started(three_steps())
    clock.advance(17)  # 2 s into B's first hold
    player.update()
    player.skip_step()
    assert names(player.update()) == ["step 2", "phase 5"]
    assert player.step.name == "C" and player.phase_started_at == T0 + 17
    assert (player.steps_done, player.steps_skipped) == (1, 1)
    assert player.skipped_steps == frozenset({1})
    assert player.skipped == 23.0 and player.elapsed == 17.0 and balanced(player)


def test_skipping_the_rest_between_steps_does_not_undo_the_step() -> None:
    player, clock = started(
        timeline_of(Step("A", Timed(10)), Step("B", Timed(10)), rest_between=30)
    )
    clock.advance(12)
    player.update()
    assert player.phase.rest_reason == "between" and player.step.name == "A"
    player.skip_step()
    assert names(player.update()) == ["step 1", "phase 2"]
    assert (player.steps_done, player.steps_skipped) == (1, 0)


def test_skip_on_the_last_phase_finishes() -> None:
    player, clock = started(three_steps())
    clock.advance(45)
    player.update()
    player.skip_phase()
    assert names(player.update()) == ["Finished"]
    assert player.finished and player.ended_at == T0 + 45
    assert (player.elapsed, player.remaining, player.fraction) == (45.0, 0.0, 1.0)
    assert player.skipped == 15.0 and balanced(player)
    assert (player.steps_done, player.steps_skipped) == (2, 1)
    player.skip_phase()
    player.back()
    assert player.update() == [] and player.finished


def test_skip_step_on_the_last_step_finishes() -> None:
    player, clock = started(three_steps())
    clock.advance(50)
    player.skip_step()
    assert names(player.update())[-1] == "Finished"


def test_back_at_the_very_start_restarts_the_first_step() -> None:
    player, _clock = started(three_steps())
    player.back()
    assert names(player.update()) == ["step 0", "phase 0"]
    assert (player.phase_index, player.elapsed, player.skipped) == (0, 0.0, 0.0)


def test_back_early_in_a_step_goes_to_the_step_before() -> None:
    player, clock = started(three_steps())
    clock.advance(16.9)  # 1.9 s into B
    player.update()
    player.back()
    assert names(player.update()) == ["step 0", "phase 0"]
    assert player.phase_started_at == T0 + 16.9
    assert player.skipped == pytest.approx(-16.9) and balanced(player)
    assert player.remaining == 60.0 and player.elapsed == pytest.approx(16.9)


def test_back_later_in_a_step_goes_to_its_start() -> None:
    player, clock = started(three_steps())
    clock.advance(17)  # exactly 2 s into B
    player.update()
    player.back()
    assert names(player.update()) == ["step 1", "phase 2"]
    assert player.skipped == pytest.approx(-2.0) and balanced(player)


def test_back_counts_time_into_the_step_across_its_phases() -> None:
    player, clock = started(three_steps())
    clock.advance(26)  # in B's rest, 11 s into B
    player.update()
    player.back()
    assert names(player.update()) == ["step 1", "phase 2"]
    assert player.phase_index == 2


def test_restart_step_replays_the_current_step() -> None:
    player, clock = started(three_steps())
    clock.advance(31)  # 1 s into B's second hold
    player.update()
    player.restart_step()
    assert names(player.update()) == ["step 1", "phase 2"]
    assert player.skipped == pytest.approx(-16.0) and balanced(player)
    clock.advance(25)
    assert "step 2" in names(player.update())
    assert player.steps_done == 2


def test_a_replayed_step_that_was_skipped_counts_as_done_once_finished() -> None:
    player, clock = started(three_steps())
    clock.advance(16)
    player.skip_step()
    clock.advance(1)
    player.back()
    clock.advance(25)
    player.update()
    assert player.step.name == "C"
    assert (player.steps_done, player.steps_skipped) == (2, 0)
    assert player.skipped_steps == frozenset()


def test_extend_adds_time_to_the_current_phase() -> None:
    player, clock = started(three_steps())
    clock.advance(8)
    player.extend()
    assert player.phase_length == 20.0 and player.extended == 10.0
    assert player.remaining == 62.0 and balanced(player)
    clock.advance(16.999)
    assert player.phase_index == 1
    clock.advance(0.001)
    assert player.phase_index == 2 and player.phase_started_at == T0 + 25.0


def test_two_extends_in_one_phase_add_up() -> None:
    player, clock = started(three_steps())
    clock.advance(8)
    player.extend(10)
    player.extend(5)
    assert player.phase_length == 25.0 and player.extended == 15.0
    assert player.remaining == 67.0 and balanced(player)
    clock.advance(21.999)
    assert player.phase_index == 1
    clock.advance(0.001)
    assert player.phase_index == 2


def test_extend_while_paused_keeps_the_pause() -> None:
    player, clock = started(three_steps())
    clock.advance(3)
    player.pause()
    clock.advance(100)
    player.extend(10)
    assert player.paused and player.phase_remaining == 12.0 and player.elapsed == 3.0
    clock.advance(100)
    assert player.phase_remaining == 12.0
    player.resume()
    clock.advance(11.999)
    assert player.phase_index == 0
    clock.advance(0.001)
    assert player.phase_index == 1 and player.elapsed == pytest.approx(15.0)


def test_extend_in_the_countdown_counts_down_again() -> None:
    player, clock = started(timeline_of(Step("A", Timed(10))))
    clock.set(T0 + 8.5)
    assert names(player.update()) == ["tick 2"]
    player.extend(10)
    seen: list[str] = []
    for _ in range(120):
        clock.advance(0.1)
        seen += names(player.update())
    assert seen == ["tick 3", "tick 2", "tick 1", "Finished"]


@pytest.mark.parametrize(
    ("seconds", "shown"), [(0.0, "0.0"), (-5.0, "-5.0"), (math.nan, "nan"), (math.inf, "inf")]
)
def test_extend_by_nothing_is_a_mistake(seconds: float, shown: str) -> None:
    player, _clock = started(three_steps())
    with pytest.raises(ValueError) as raised:
        player.extend(seconds)
    assert str(raised.value) == f"extend by a positive number of seconds, got {shown}"
    assert player.extended == 0.0


def test_a_small_extend_in_the_countdown_does_not_repeat_the_second_shown() -> None:
    player, clock = started(timeline_of(Step("A", Timed(10))))
    clock.set(T0 + 9.5)
    assert names(player.update()) == ["tick 1"]
    player.extend(1)  # 1.5 s left: "2" was already said, the next tick is "1"
    assert names(player.update()) == []
    clock.advance(0.6)
    assert names(player.update()) == ["tick 1"]


def test_skip_while_paused_stays_paused_at_the_start_of_the_next_phase() -> None:
    player, clock = started(three_steps())
    clock.advance(2)
    player.pause()
    clock.advance(50)
    player.skip_phase()
    clock.advance(50)
    assert names(player.update()) == ["Paused", "phase 1"]
    assert player.paused and player.phase_elapsed == 0.0 and player.elapsed == 2.0
    player.resume()
    clock.advance(10)
    assert names(player.update()) == ["Resumed", "step 1", "phase 2"]
    assert player.phase_started_at == T0 + 112


def test_stop_freezes_the_session() -> None:
    player, clock = started(three_steps())
    clock.advance(20)
    player.stop()
    assert names(player.update())[-1] == "Stopped"
    assert player.stopped and not player.finished and player.ended_at == T0 + 20
    clock.advance(100)
    player.resume()
    player.skip_step()
    player.stop()
    assert player.update() == []
    assert player.elapsed == 20.0 and player.steps_done == 1 and balanced(player)


def test_stop_while_paused_counts_only_active_time() -> None:
    player, clock = started(three_steps())
    clock.advance(3)
    player.pause()
    clock.advance(100)
    player.stop()
    assert names(player.update()) == ["Paused", "Stopped"]
    assert not player.paused and player.elapsed == 3.0


def test_an_empty_timeline_finishes_at_once() -> None:
    clock = FakeClock(T0)
    player = Player(timeline_of(Step("Nothing", Rest(0))), clock)
    player.start()
    assert names(player.update()) == ["Finished"]
    assert player.finished and player.elapsed == 0 and player.fraction == 1.0


def test_fraction_follows_elapsed_over_the_whole() -> None:
    player, clock = started(three_steps())
    clock.advance(15)
    assert player.fraction == 0.25
    player.skip_step()  # from the start of B (15 s in) to C, 20 s left
    assert player.fraction == 15 / 35


def test_a_two_hour_session_ends_on_time_with_uneven_frames() -> None:
    held = Held(hold=30, reps=3, rest=7.5, sets=2, set_rest=20, sides="both", switch=5)
    steps = (
        Step("Hold", held),
        Step("Breathe", Breathing(BreathPattern(4, 7, 8, 0), cycles=3)),
        Step("March", Timed(45.3)),
        Step("Rest", Rest(12.1)),
    )
    one_round = compile_routine(Routine("R", steps, prepare=0, rest_between=6)).total
    rounds = math.ceil(7200 / one_round)
    timeline = compile_routine(Routine("R", steps, prepare=5, rest_between=6, rounds=rounds))
    assert 7200 <= timeline.total < 7200 + one_round
    start = 123456.789
    clock = FakeClock(start)
    player = Player(timeline, clock)
    player.start()
    player.update()
    rng = random.Random(7)
    seen = 0
    while True:
        frame = rng.uniform(0.001, 0.1) if rng.random() > 0.01 else 2.0
        clock.advance(frame)
        events = player.update()
        for event in events:
            if isinstance(event, PhaseStarted):
                seen += 1
                late = clock.now() - (start + event.phase.start)
                assert 0 <= late <= frame + 1e-6
        if any(isinstance(event, Finished) for event in events):
            break
    assert seen == len(timeline.phases) - 1
    assert player.ended_at == pytest.approx(start + timeline.total, abs=1e-6)
    assert player.elapsed == pytest.approx(timeline.total, abs=1e-6)
    assert player.steps_done == len(timeline.steps)
