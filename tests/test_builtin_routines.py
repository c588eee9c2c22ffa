"""The shipped routines: all valid, sensible lengths, and the article's exercises covered."""

from __future__ import annotations

import pytest

from backcare_tui.core.library import routine_folders, scan
from backcare_tui.core.loader import load_routine
from backcare_tui.core.model import Breathing, Held
from backcare_tui.core.paths import builtin_routines_dir
from backcare_tui.core.timeline import compile_routine

FILES = sorted(builtin_routines_dir().glob("*.toml"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_builtin_routine_is_complete(path: object) -> None:
    routine = load_routine(path)  # type: ignore[arg-type]
    assert routine.description and routine.tags
    for step in routine.steps:
        if step.shape != "rest":
            assert step.instructions, f"{step.name} has no how-to"


def test_lengths_match_their_promise() -> None:
    totals = {p.stem: compile_routine(load_routine(p)).total for p in FILES}
    assert 180 <= totals["desk-break"] <= 300
    assert 25 * 60 <= totals["full-session"] <= 35 * 60


ARTICLE_EXERCISES = {
    # The article's exercise -> the shipped step that does it, matched by whole name.
    "arm circles": "Arm circles",
    "cat-cow": "Cat-Cow",
    "wall angels": "Wall angels",
    "chin tucks": "Chin tucks",
    "shoulder blade squeezes": "Shoulder blade squeeze",
    "band rows": "Seated row",
    "foam rolling": "Slow rolls",
    "plank": "Plank",
    "side plank": "Side plank",
    "bird-dog": "Bird-dog",
    "dead bug": "Dead bug",
    "glute bridge": "Glute bridge",
    "stability ball": "Stability ball march",
    "torso twists": "Torso twists",
    "chest opener": "Chest opener",
    "overhead reach": "Overhead reach",
}


@pytest.mark.parametrize("exercise", sorted(ARTICLE_EXERCISES))
def test_article_exercises_all_appear(exercise: str) -> None:
    routines = [e.routine for e in scan(routine_folders()).entries if e.routine]
    step_names = {step.name for routine in routines for step in routine.steps}
    assert ARTICLE_EXERCISES[exercise] in step_names


def test_core_routine_does_both_sides() -> None:
    routine = load_routine(builtin_routines_dir() / "core-support.toml")
    sided = [s.name for s in routine.steps if isinstance(s.action, Held) and s.action.sides]
    assert any("side plank" in n.lower() for n in sided)
    assert any("bird" in n.lower() for n in sided)


def test_breathing_routine_breathes() -> None:
    routine = load_routine(builtin_routines_dir() / "diaphragmatic-breathing.toml")
    assert any(isinstance(s.action, Breathing) for s in routine.steps)
