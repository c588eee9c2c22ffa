"""Workrave's exercises.xml: one routine, one step per exercise.

The file is `<exercises>` holding `<exercise>` elements, each with
`<title>` and `<description>` (repeated with `xml:lang` for translations)
and a `<sequence duration="S">` of `<image duration="S" mirrorx="yes"/>`
frames that Workrave shows in a loop for the sequence's length. Workrave
itself reads a missing sequence length as 15 s and a missing frame length
as 1 s; so do we.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import mean
from xml.etree.ElementTree import Element

from ..limits import LIMITS
from ..model import DEFAULT_SWITCH_SECONDS, Held, Routine, Step, Timed
from ..text import plural
from .base import Imported, ImportFailure, name_text, number, prose
from .locale import language_tag
from .safe_xml import XmlRefused, parse_xml

SOURCE = "Workrave exercises"
ROUTINE_NAME = "Workrave exercises"
DEFAULT_SEQUENCE_SECONDS = 15.0
DEFAULT_FRAME_SECONDS = 1.0
REST_BETWEEN_SECONDS = 5.0
LANG = "xml:lang"
OFF = ("no", "false", "0")


def is_workrave(root: Element) -> bool:
    return root.tag == "exercises"


def import_workrave(data: bytes, path: str, languages: Sequence[str]) -> Imported:
    try:
        root = parse_xml(data)
    except XmlRefused as error:
        raise ImportFailure(path, str(error)) from None
    if not is_workrave(root):
        raise ImportFailure(
            path,
            f"the XML's root is <{root.tag}>; a Workrave exercises file starts with <exercises>",
        )
    notes: list[str] = []
    steps: list[Step] = []
    fallbacks: set[str] = set()
    chosen: set[str] = set()
    exercises = [e for e in root if e.tag == "exercise"]
    skipped = [e for e in exercises if e.get("enabled", "yes").strip().lower() in OFF]
    for exercise in exercises:
        if exercise in skipped:
            continue
        number_ = len(steps) + 1
        title, title_lang = pick(exercise.findall("title"), languages)
        text, text_lang = pick(exercise.findall("description"), languages)
        for lang in (title_lang, text_lang):
            if lang is not None:
                chosen.add(lang)
        wanted = languages[0].split("_")[0] if languages else "en"
        if wanted != "en" and (title_lang is None or text_lang is None):
            fallbacks.add(wanted)
        name = name_text(title, f"Exercise {number_}")
        if not title.strip():
            notes.append(f'Exercise {number_} has no title: named it "{name}".')
        action = _action(exercise.find("sequence"), name, notes)
        steps.append(Step(name=name, action=action, instructions=prose(text)))
    if skipped:
        count = len(skipped)
        notes.append(f'Skipped {plural(count, "exercise")} marked enabled="no".')
    if not steps:
        raise ImportFailure(path, "no <exercise> to import (commented-out ones are skipped)")
    if chosen:
        notes.append(f"Used the {', '.join(sorted(chosen))} texts, picked by your locale.")
    for lang in sorted(fallbacks):
        notes.append(f'Some exercises have no "{lang}" text: used their untagged text.')
    notes.append(f"Workrave gives no rest between exercises: used {REST_BETWEEN_SECONDS:g} s.")
    routine = Routine(
        name=ROUTINE_NAME,
        description="Exercises from Workrave's exercises file, imported by backcare.",
        tags=("workrave", "desk"),
        rest_between=REST_BETWEEN_SECONDS,
        steps=tuple(steps),
    )
    return Imported(routine=routine, source=SOURCE, assumptions=tuple(notes))


def pick(elements: Sequence[Element], languages: Sequence[str]) -> tuple[str, str | None]:
    """The text in the first preferred language, else the untagged one, else English, else any.

    Returns the text and the language tag it was chosen for (None for a fallback).
    """
    if not elements:
        return "", None
    tagged = [(language_tag(e.get(LANG, "")), e) for e in elements]
    for wanted in languages:
        for tag, element in tagged:
            if tag and (tag == wanted or tag.split("_")[0] == wanted):
                return "".join(element.itertext()), tag
    for tag, element in tagged:
        if not tag:
            return "".join(element.itertext()), None
    for tag, element in tagged:
        if tag.split("_")[0] == "en":
            return "".join(element.itertext()), None
    return "".join(tagged[0][1].itertext()), None


def _action(sequence: Element | None, name: str, notes: list[str]) -> Timed | Held:
    """A held step from the frames; a timed step when there are none to hold."""
    if sequence is None:
        notes.append(
            f'"{name}" has no <sequence>: a timed step of {DEFAULT_SEQUENCE_SECONDS:g} s '
            "(Workrave's default length)."
        )
        return Timed(DEFAULT_SEQUENCE_SECONDS)
    total = _seconds(sequence.get("duration"), DEFAULT_SEQUENCE_SECONDS, name, "sequence", notes)
    frames = [f for f in sequence if f.tag == "image"]
    if not frames:
        notes.append(f'"{name}" has no <image> frames: a timed step of {total:g} s.')
        return Timed(total)
    lengths = [
        _seconds(f.get("duration"), DEFAULT_FRAME_SECONDS, name, "frame", notes) for f in frames
    ]
    hold = lengths[0]
    if len(set(lengths)) > 1:
        hold = round(mean(lengths), 1) or mean(lengths)
        shown = ", ".join(f"{s:g}" for s in lengths)
        notes.append(f'"{name}" has frames of {shown} s: held each rep for their mean, {hold:g} s.')
    mirrored = any(f.get("mirrorx", "no").strip().lower() == "yes" for f in frames)
    per_side = total / 2 if mirrored else total
    reps = max(1, round(per_side / hold))
    if reps > LIMITS["reps"]:
        notes.append(
            f'"{name}" would need {reps} reps to fill {total:g} s; used the most a step '
            f"allows, {LIMITS['reps']}."
        )
        reps = LIMITS["reps"]
    if mirrored:
        notes.append(
            f'"{name}" has mirrored frames: both sides, {plural(reps, "rep")} of '
            f"{hold:g} s a side, left then right, with {DEFAULT_SWITCH_SECONDS:g} s to switch."
        )
        return Held(hold=hold, reps=reps, sides="both")
    return Held(hold=hold, reps=reps)


def _seconds(raw: str | None, default: float, name: str, what: str, notes: list[str]) -> float:
    if raw is None:
        return default
    value = number(raw.strip())
    if value is None or value <= 0:
        notes.append(f'"{name}": {what} duration "{raw}" is not a length: used {default:g} s.')
        return default
    return value
