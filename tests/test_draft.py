"""The editor's form without a screen: what each field shows for a file's values, what
changing a step's shape keeps, and where the loader's messages are shown."""

from __future__ import annotations

import pytest

from backcare_tui.core.draft import RoutineDraft, StepDraft, field_of
from backcare_tui.core.errors import Problem
from backcare_tui.core.model import Breathing, Held, Routine, Shape, Step, Timed


def routine_of(*steps: StepDraft) -> Routine:
    checked = RoutineDraft(name="Form", steps=list(steps)).check("form.toml")
    assert checked.routine is not None, checked.problems
    return checked.routine


@pytest.mark.parametrize(
    ("key", "value", "shown"),
    [
        ("hold", 20.0, "20"),
        ("hold", 2.5, "2.5"),
        ("reps", 3, "3"),
        ("reps", True, "true"),
        ("sets", False, "false"),
        ("sides", "both", "both"),
    ],
)
def test_a_held_steps_values_as_its_fields_show_them(key: str, value: object, shown: str) -> None:
    draft = StepDraft.from_data({"name": "Hold", "hold": 20, key: value})
    assert draft.shape == "held" and draft.get(key) == shown


@pytest.mark.parametrize(
    ("pattern", "shown"),
    [
        ({"inhale": 4, "hold": 7, "exhale": 8}, "4-7-8"),
        ({"inhale": 4, "exhale": 6}, "4-6"),
        ({"inhale": 4.5, "exhale": 6.0}, "4.5-6"),
        ({"inhale": 4, "exhale": 6, "hold_out": 2}, "4-0-6-2"),
        ({"inhale": 4, "exhale": "x"}, "4-0-x-0"),
        ({"inhale": True, "exhale": 6}, "true-0-6-0"),
        ("box", "box"),
        (4, "4"),
    ],
)
def test_a_breathing_pattern_as_its_field_shows_it(pattern: object, shown: str) -> None:
    draft = StepDraft.from_data({"name": "Breathe", "breathing": pattern, "cycles": 5})
    assert (draft.shape, draft.get("breathing"), draft.get("length")) == ("breathing", shown, "5")


def test_a_breathing_step_with_no_length_shows_an_empty_length() -> None:
    draft = StepDraft.from_data({"name": "Breathe", "breathing": "box"})
    assert (draft.get("unit"), draft.get("length")) == ("cycles", "")


def test_cues_show_one_a_line_with_a_timed_cue_after_its_time() -> None:
    cues = ["Slowly", {"at": 50.0, "text": "Reverse"}, {"at": "50%"}, {"text": "Breathe"}, {}]
    draft = StepDraft.from_data({"name": "Circles", "duration": 30, "cues": cues})
    assert draft.cues.split("\n") == ["Slowly", "@50 Reverse", "@50% ", "Breathe", ""]


def test_an_empty_field_shows_nothing() -> None:
    assert StepDraft().get("duration") == "" and StepDraft(shape="held").get("reps") == ""


def test_changing_shape_and_back_loses_nothing_typed() -> None:
    step = StepDraft("Squeeze", shape="timed", values={"timed": {"duration": "45"}})
    step.change_shape("held")
    assert step.get("hold") == "45"
    step.set("hold", "20")
    step.change_shape("timed")
    assert step.get("duration") == "45"
    step.change_shape("held")
    assert step.get("hold") == "20"


def test_a_new_breathing_step_is_six_diaphragmatic_cycles_whatever_it_was() -> None:
    step = StepDraft("Breathe", shape="held", values={"held": {"hold": "20"}})
    step.change_shape("breathing")
    assert (step.get("breathing"), step.get("unit"), step.get("length")) == (
        "diaphragmatic",
        "cycles",
        "6",
    )
    action = routine_of(step).steps[0].action
    assert isinstance(action, Breathing)
    assert (action.preset, action.cycles, action.minutes) == ("diaphragmatic", 6, None)


def test_a_breathing_steps_cycles_are_not_carried_as_seconds() -> None:
    step = StepDraft.from_data({"name": "Breathe", "breathing": "box", "cycles": 8})
    step.change_shape("timed")
    assert step.get("duration") == ""
    step.change_shape("rest")
    assert step.get("rest") == ""


def test_a_duplicated_step_is_the_same_and_changes_on_its_own() -> None:
    step = StepDraft.from_data(
        {
            "name": "Squeeze",
            "instructions": "Blades back.",
            "cues": ["Breathe"],
            "hold": 5,
            "reps": 3,
            "say": "squeeze",
            "progress": {"hold": 2, "hold_max": 20},
        }
    )
    copy = step.copy()
    assert copy == step and copy.to_data() == step.to_data()
    copy.set("hold", "9")
    copy.kept["say"] = "press"
    assert (step.get("hold"), step.kept) == ("5", {"say": "squeeze"})
    assert routine_of(step, copy).steps[1].action == Held(9, reps=3)


def test_problems_name_the_file_they_were_checked_as() -> None:
    draft = RoutineDraft(
        name="Form", steps=[StepDraft("Bad", values={"timed": {"duration": "-3"}})]
    )
    problems = draft.check("mine.toml").problems
    assert problems and {p.path for p in problems} == {"mine.toml"}


@pytest.mark.parametrize(
    ("step", "key", "field"),
    [
        (None, "name", "name"),
        (None, "rest_between", "rest_between"),
        (None, "steps", "steps"),
        (None, "nmae", ""),
        (None, "format", ""),
        (2, "cycles", "length"),
        (2, "minutes", "length"),
        (2, "hold", "hold"),
        (2, "instructions", "instructions"),
        (2, "rset", ""),
        (2, "progress", ""),
        (None, "", ""),
    ],
)
def test_each_problem_is_shown_beside_its_field(step: int | None, key: str, field: str) -> None:
    """By its key: rewording a loader message cannot move it to another field."""
    assert field_of(Problem("r.toml", f"{field} is wrong", step=step, key=key)) == field


def test_a_timed_step_keeps_its_time() -> None:
    step = StepDraft("Circles", values={"timed": {"duration": " 30 "}})
    assert routine_of(step).steps == (Step("Circles", Timed(30)),)


EMPTY_TIME = 'must be a duration like "90s", "2m" or "1m30s", got ""'


@pytest.mark.parametrize(
    ("shape", "said"),
    [
        ("timed", [("duration", f"duration {EMPTY_TIME}")]),
        ("held", [("hold", f"hold {EMPTY_TIME}")]),
        ("rest", [("rest", f"rest {EMPTY_TIME}")]),
        (
            "breathing",
            [
                (
                    "breathing",
                    "breathing: expected a preset (diaphragmatic, box, 4-7-8, coherent, "
                    'extended-exhale) or a pattern like "4-7-8", "4-4-4-4" or "5.5-5.5", got ""',
                ),
                ("length", 'a breathing step needs "cycles" (whole breaths) or "minutes"'),
            ],
        ),
    ],
)
def test_a_step_with_empty_fields_says_what_each_needs(
    shape: Shape, said: list[tuple[str, str]]
) -> None:
    checked = RoutineDraft(name="Form", steps=[StepDraft("Empty", shape=shape)]).check("f.toml")
    assert [(field_of(p), p.message) for p in checked.problems] == said


def test_sides_are_checked_as_the_word_typed() -> None:
    step = StepDraft("Twist", shape="held", values={"held": {"hold": "5", "sides": "2"}})
    checked = RoutineDraft(name="Form", steps=[step]).check("f.toml")
    assert checked.for_field(1, "sides") == ['sides must be "both", "left" or "right", got "2"']


def test_a_breathing_length_with_no_unit_chosen_is_cycles() -> None:
    step = StepDraft(
        "Box", shape="breathing", values={"breathing": {"breathing": "box", "length": "4"}}
    )
    action = routine_of(step).steps[0].action
    assert isinstance(action, Breathing) and (action.cycles, action.minutes) == (4, None)


def test_a_step_missing_its_name_and_texts_shows_empty_fields() -> None:
    step = StepDraft.from_data({"rest": 10})
    assert (step.name, step.instructions, step.cues, step.get("rest")) == ("", "", "", "10")


def test_a_routine_missing_its_keys_shows_empty_fields() -> None:
    draft = RoutineDraft.from_data({})
    assert (draft.name, draft.description, draft.tags, draft.rounds, draft.steps) == (
        "",
        "",
        "",
        "",
        [],
    )


def test_the_routines_own_fields_show_the_files_values() -> None:
    data = {"name": "Cat", "tags": "back", "equipment": ["mat", "strap"], "rounds": 3}
    draft = RoutineDraft.from_data({**data, "prepare": 5.0, "rest_between": 2.5})
    assert (draft.tags, draft.equipment, draft.rounds) == ("back", "mat, strap", "3")
    assert (draft.prepare, draft.rest_between) == ("5", "2.5")
    draft.steps.append(StepDraft("Arch", values={"timed": {"duration": "20"}}))
    draft.tags = "back, desk"
    routine = draft.check("f.toml").routine
    assert routine is not None and (routine.rounds, routine.tags) == (3, ("back", "desk"))
