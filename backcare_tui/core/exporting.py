"""Routines for other tools and other people: a JSON document and a printable sheet.

The JSON forms are documented in docs/export-json.md (with a JSON Schema
beside it): every default is filled in and every length is in seconds, so
a reader needs no knowledge of the TOML format's shorthands to rebuild the
plan that `backcare show --json` prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .breathing import PRESETS
from .durations import format_length
from .model import (
    DEFAULT_PREPARE_SECONDS,
    SOUND_SWITCHES,
    Breathing,
    CueAt,
    Held,
    Progress,
    Rest,
    Routine,
    SoundSwitches,
    Step,
    Timed,
)
from .text import clean_line, clean_text, plural
from .timeline import Phase, Timeline, compile_routine

EXPORT_VERSION = 1
"""Bumped only when a field changes meaning or goes away; new fields may appear."""


def routine_json(routine: Routine) -> dict[str, Any]:
    """The routine with every default spelled out (schema: docs/routine-export.schema.json)."""
    return {
        "backcare_export": EXPORT_VERSION,
        "kind": "routine",
        "format": routine.format,
        "name": routine.name,
        "description": routine.description,
        "tags": list(routine.tags),
        "equipment": list(routine.equipment),
        "prepare_seconds": routine.prepare,
        "rest_between_seconds": routine.rest_between,
        "rounds": routine.rounds,
        "sound": None if routine.sound is None else _sound_json(routine.sound),
        "steps": [_step_json(step) for step in routine.steps],
    }


def _sound_json(sound: SoundSwitches) -> dict[str, bool | None]:
    return {name: getattr(sound, name) for name in SOUND_SWITCHES}


def _progress_json(progress: Progress | None) -> dict[str, Any] | None:
    if progress is None:
        return None
    return {
        "every": progress.every,
        "increases": [{"key": i.key, "by": i.by, "maximum": i.maximum} for i in progress.increases],
    }


def _step_json(step: Step) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": step.name,
        "shape": step.shape,
        "instructions": step.instructions,
        "cues": list(step.cues),
        "cue_at": [None if at is None else str(at) for at in step.cue_times()],
        "say": step.say,
        "progress": _progress_json(step.progress),
    }
    action = step.action
    if isinstance(action, Timed):
        data["duration_seconds"] = action.duration
    elif isinstance(action, Rest):
        data["rest_seconds"] = action.rest
    elif isinstance(action, Held):
        data.update(
            hold_seconds=action.hold,
            reps=action.reps,
            rest_seconds=action.rest,
            sets=action.sets,
            set_rest_seconds=action.set_rest,
            sides=action.sides,
            switch_seconds=action.switch,
        )
    else:
        data.update(_breathing_json(action))
    return data


def _breathing_json(action: Breathing) -> dict[str, Any]:
    p = action.pattern
    return {
        "preset": action.preset,
        "pattern": {
            "inhale_seconds": p.inhale,
            "hold_seconds": p.hold,
            "exhale_seconds": p.exhale,
            "hold_out_seconds": p.hold_out,
        },
        "minutes": action.minutes,
        "cycles": action.total_cycles,
        "inhale_cue": action.inhale_cue,
        "exhale_cue": action.exhale_cue,
    }


def plan_json(timeline: Timeline, path: Path | None = None) -> dict[str, Any]:
    """The compiled plan: played steps in order, each with its phases, and the total."""
    return {
        "backcare_export": EXPORT_VERSION,
        "kind": "plan",
        "name": timeline.routine.name,
        "path": str(path) if path is not None else None,
        "total_seconds": timeline.total,
        "phase_count": len(timeline.phases),
        "steps": [
            {
                "index": span.index + 1,
                "name": span.name,
                "shape": span.step.shape,
                "round": span.round_no,
                "start_seconds": span.start,
                "seconds": span.length,
                "phases": [
                    _phase_json(p) for p in timeline.phases[span.first_phase : span.last_phase + 1]
                ],
            }
            for span in timeline.steps
        ],
    }


def _phase_json(phase: Phase) -> dict[str, Any]:
    return {
        "kind": phase.kind.value,
        "label": phase.label,
        "start_seconds": phase.start,
        "seconds": phase.length,
        "side": phase.side,
        "set": phase.set_no,
        "sets": phase.sets,
        "rep": phase.rep_no,
        "reps": phase.reps,
        "cycle": phase.cycle_no,
        "cycles": phase.cycles,
    }


SAFETY_LINE = (
    "An exercise aid, not medical advice. Stop if an exercise causes sharp pain, "
    "and see a professional about pain that does not go away."
)


def routine_markdown(routine: Routine, default_prepare: float = DEFAULT_PREPARE_SECONDS) -> str:
    """A printable sheet: what to do, how long, how many, which sides, what to keep in mind."""
    timeline = compile_routine(routine, default_prepare)
    lines = [f"# {_md(routine.name)}", ""]
    if routine.description:
        lines += [_md(routine.description), ""]
    facts = [f"**Time:** {format_length(timeline.total)}", f"**Steps:** {len(routine.steps)}"]
    if routine.rounds > 1:
        facts.append(f"**Rounds:** {routine.rounds} (the whole list, {routine.rounds} times)")
    if routine.equipment:
        facts.append(f"**Equipment:** {_md(', '.join(routine.equipment))}")
    if routine.rest_between:
        facts.append(f"**Rest between steps:** {_seconds(routine.rest_between)}")
    lines += [" · ".join(facts), ""]
    lines += ["| # | Exercise | How long | Reps and sets | Sides |", "|---|---|---|---|---|"]
    for number, step in enumerate(routine.steps, start=1):
        length, counts, sides = _summary(step)
        lines.append(f"| {number} | {_md(step.name)} | {length} | {counts} | {sides} |")
    lines.append("")
    for number, step in enumerate(routine.steps, start=1):
        lines += [f"## {number}. {_md(step.name)}", ""]
        lines.append(f"- **Do:** {_plan_words(step)}")
        if step.instructions:
            lines.append(f"- **How:** {_md(clean_line(step.instructions))}")
        if step.progress is not None:
            lines.append(f"- **As it gets easy:** {_progress_words(step.progress)}")
        cues = [
            _md(text) + _when(step, at)
            for text, at in zip(step.cues, step.cue_times(), strict=False)
        ]
        if isinstance(step.action, Breathing):
            cues += [_md(c) for c in (step.action.inhale_cue, step.action.exhale_cue) if c]
        if cues:
            lines.append("- **Keep in mind:**")
            lines += [f"  - {cue}" for cue in cues]
        lines += ["- [ ] Done  Notes: ______________________________", ""]
    lines += ["---", "", f"*{SAFETY_LINE}*", ""]
    return "\n".join(lines)


def _when(step: Step, at: CueAt | None) -> str:
    """` (at 50%)`, ` (at 20s)`: when a timed cue appears, as the player shows it; in each
    hold of a held step, of the whole step otherwise. "" for a plain cue."""
    if at is None:
        return ""
    point = f"{at.value:g}%" if at.percent else _seconds(at.value)
    if isinstance(step.action, Held):
        point += " of each hold" if at.percent else " into each hold"
    return f" (at {point})"


def _summary(step: Step) -> tuple[str, str, str]:
    action = step.action
    if isinstance(action, Timed):
        return _seconds(action.duration), "-", "-"
    if isinstance(action, Rest):
        return f"rest {_seconds(action.rest)}", "-", "-"
    if isinstance(action, Held):
        counts = plural(action.reps, "rep")
        if action.sides == "both":
            counts += " per side"
        if action.sets > 1:
            counts += f" x {action.sets} sets"
        sides = {"both": "left and right", "left": "left", "right": "right"}.get(
            action.sides or "", "-"
        )
        return f"hold {_seconds(action.hold)}", counts, sides
    return _breath_words(action), f"{action.total_cycles} breaths", "-"


def _plan_words(step: Step) -> str:
    action = step.action
    if isinstance(action, Timed):
        return f"keep going for {_seconds(action.duration)}."
    if isinstance(action, Rest):
        return f"rest for {_seconds(action.rest)}."
    if isinstance(action, Breathing):
        return f"breathe {_breath_words(action)}, {action.total_cycles} breaths."
    words = f"hold {_seconds(action.hold)}, {plural(action.reps, 'time')}"
    if action.reps > 1 and action.rest:
        words += f" with {_seconds(action.rest)} rest between"
    if action.sides == "both":
        words += f", on the left then the right side ({_seconds(action.switch)} to switch)"
    elif action.sides:
        words += f", {action.sides} side"
    if action.sets > 1:
        words += f"; {action.sets} sets"
        if action.set_rest:
            words += f", {_seconds(action.set_rest)} rest between sets"
    return words + "."


def _progress_words(progress: Progress) -> str:
    units = {"hold": "s", "duration": "s"}
    parts = [
        f"{i.key} +{i.by:g}{units.get(i.key, '')} (up to {i.maximum:g}{units.get(i.key, '')})"
        for i in progress.increases
    ]
    return f"{', '.join(parts)} every {progress.every} completed sessions."


def _breath_words(action: Breathing) -> str:
    p = action.pattern
    parts = [("in", p.inhale), ("hold", p.hold), ("out", p.exhale), ("hold", p.hold_out)]
    shown = ", ".join(f"{word} {_seconds(s)}" for word, s in parts if s > 0)
    name = f"{action.preset} " if action.preset in PRESETS else ""
    return f"{name}({shown})"


def _seconds(value: float) -> str:
    return format_length(value)


_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>#|"})


def _md(text: str) -> str:
    """Untrusted text as literal Markdown: no markup, no HTML, one line."""
    return clean_line(clean_text(text)).translate(_MD_SPECIAL)
