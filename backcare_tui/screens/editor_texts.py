"""What the editor says around its forms: the plan, the total, the problems.

Plain functions from the checked routine to Rich `Text`, so the screen can
compare a new text with the one shown and skip redraws that change nothing.
Everything from the file goes in as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from ..core.draft_from_file import FormChange
from ..core.durations import format_length
from ..core.errors import Problem
from ..core.external_editor import problem_line
from ..core.model import Routine
from ..core.text import clean_line, plural
from ..core.timeline import RestReason, Timeline, step_length

PLAN_ROWS = 14


def plan_text(routine: Routine | None, timeline: Timeline | None, selected: int) -> Text:
    """The whole routine step by step (selected 0), or how step `selected` plays."""
    if routine is None or timeline is None:
        return Text("The plan appears once the problems are fixed.", style="dim")
    rows: list[tuple[float, str]] = []
    if selected == 0:
        title = f"Plan ({format_length(timeline.total)} with lead-in and rests)"
        for span in timeline.steps:
            name = clean_line(span.name)
            if routine.rounds > 1:
                name += f" (round {span.round_no})"
            rows.append((step_length(span.step), name))
    else:
        spans = [s for s in timeline.steps if s.source_index == selected - 1 and s.round_no == 1]
        if not spans:
            return Text("This step takes no time, so it is left out.", style="dim")
        span = spans[0]
        title = f"This step plays as ({format_length(step_length(span.step))})"
        for phase in timeline.phases[span.first_phase : span.last_phase + 1]:
            details = (
                "between steps" if phase.rest_reason is RestReason.BETWEEN else phase.details()
            )
            rows.append((phase.length, phase.label + (f"  {details}" if details else "")))
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(title, style="bold")
    for length, label in rows[:PLAN_ROWS]:
        text.append(f"\n{format_length(length):>8}  ", style="dim")
        text.append(label)
    if len(rows) > PLAN_ROWS:
        text.append(f"\n{'':>8}  ... and {len(rows) - PLAN_ROWS} more", style="dim")
    return text


def total_text(routine: Routine | None, timeline: Timeline | None) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    if routine is None or timeline is None:
        text.append("Total: fix the problems first", style="dim")
        return text
    text.append(f"Total {format_length(timeline.total)}", style="bold")
    text.append(f" · {plural(len(routine.steps), 'step')}")
    return text


def without_path(problem: Problem) -> str:
    """The `backcare check` line without the file name, which the editor shows above."""
    return str(problem).removeprefix(f"{problem.path}: ").removeprefix(f"{problem.path}:")


def problems_text(broken: Sequence[Problem], problems: Sequence[Problem], dirty: bool) -> Text:
    """One line: what is wrong and what that blocks, or that all is well."""
    text = Text(no_wrap=True, overflow="ellipsis")
    if broken:
        text.append(f"{plural(len(broken), 'problem')} in the file", style="bold")
        text.append(" · Ctrl+R reopens $EDITOR at the first one")
        return text
    if not problems:
        text.append("No problems" + (" · Ctrl+S to save" if dirty else ""), style="dim")
        return text
    text.append(plural(len(problems), "problem"), style="bold")
    text.append(" (saving is blocked): ")
    text.append(without_path(problems[0]))
    return text


def changes_text(changes: Sequence[FormChange]) -> Text:
    """One line for a file the form holds only by changing it: what saving does (each
    change is beside its field, and the step list marks where) and the way out."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"Saving from the form changes {plural(len(changes), 'key')}", style="bold")
    text.append(" (marked !) · Ctrl+R fixes the file by hand")
    return text


def broken_text(broken: Sequence[Problem], file_text: str) -> Text:
    """A file that does not load: every problem as `check` prints it, with its line."""
    if not broken:
        return Text()
    text = Text("This file does not load, so it cannot be shown as a form.\n", style="bold")
    text.append(
        "Fix it in your editor: Ctrl+R opens it at the first problem, Ctrl+O at the top.\n\n"
    )
    for problem in broken:
        line = problem_line(file_text, problem)
        text.append(str(problem))
        if problem.line is None and line is not None:
            text.append(f"  (near line {line})", style="dim")
        text.append("\n")
    return text
