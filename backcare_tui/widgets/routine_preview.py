"""What a routine holds before it is started, or why a file cannot be used.

Everything from the file goes in as `rich.text.Text`, never as markup, so a
routine named "[red]x" shows exactly that.

Home fills its preview once its first frame is out, so the timeline and the
level words are imported when a preview is first made, not with this module
(which home imports for the empty pane).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..core.durations import format_length
from ..core.library import BUILTIN, Entry
from ..core.model import Breathing, Held, Rest, Routine, Step, Timed
from ..core.paths import display_path
from ..core.phase_lengths import step_length
from ..core.text import clean_line, clean_text, plural

if TYPE_CHECKING:
    from ..core.practice import Progressed


def describe_step(step: Step) -> str:
    """The shape of a step in a few words: "hold 5s, 5 reps, rest 3s between"."""
    action = step.action
    if isinstance(action, Timed):
        return f"{format_length(action.duration)} of work"
    if isinstance(action, Rest):
        return "rest"
    if isinstance(action, Breathing):
        name = action.preset or action.pattern.label()
        cycles = action.total_cycles
        return f"{name} breathing, {plural(cycles, 'breath')}"
    assert isinstance(action, Held)
    parts = [f"hold {format_length(action.hold)}"]
    if action.reps > 1:
        parts.append(f"{action.reps} reps")
    if action.sets > 1:
        parts.append(f"{action.sets} sets")
    if action.sides == "both":
        parts.append("each side")
    elif action.sides:
        parts.append(f"{action.sides} side")
    if action.reps > 1 and action.rest > 0:
        parts.append(f"rest {format_length(action.rest)} between")
    return ", ".join(parts)


def total_line(routine: Routine, prepare: float) -> str:
    """Say what the total includes, since it is more than the sum of the steps shown."""
    from ..core.timeline import compile_routine

    timeline = compile_routine(routine, prepare)
    extras: list[str] = []
    lead_in = routine.prepare if routine.prepare is not None else prepare
    if lead_in > 0 and timeline.phases:
        extras.append(f"a {format_length(lead_in)} lead-in")
    if routine.rest_between > 0 and len(timeline.steps) > 1:
        extras.append(f"{format_length(routine.rest_between)} rests between steps")
    line = f"Total {format_length(timeline.total)}"
    if routine.rounds > 1:
        line += f" for {routine.rounds} rounds"
    if extras:
        line += ", with " + " and ".join(extras)
    return line


def routine_renderable(
    entry: Entry, prepare: float, progressed: Progressed | None = None
) -> RenderableType:
    """The routine as it will play: at the person's level, each grown step saying so."""
    from ..core.level_words import level_note
    from ..core.timeline import compile_routine

    routine = entry.routine
    assert routine is not None
    if progressed is not None:
        routine = progressed.routine
    timeline = compile_routine(routine, prepare)
    parts: list[RenderableType] = []
    parts.append(Text(clean_line(routine.name), style="bold"))
    count = len(routine.steps)
    facts = [format_length(timeline.total), plural(count, "step")]
    if entry.kind is BUILTIN:
        facts.append("built-in")
    if progressed is not None and progressed.progressing:
        facts.append(f"level {progressed.level}")
    parts.append(Text(" · ".join(facts), style="dim"))
    if entry.kind is not BUILTIN:  # a path on a line of its own: never a "·" left dangling
        parts.append(Text(display_path(entry.path), style="dim", no_wrap=True, overflow="ellipsis"))
    if routine.description:
        parts.append(Text(""))
        parts.append(Text(clean_text(routine.description)))
    parts.append(Text(""))
    equipment = ", ".join(clean_line(e) for e in routine.equipment) or "none"
    details = Table.grid(padding=(0, 1))
    details.add_column(style="bold", no_wrap=True)
    details.add_column()
    details.add_row("Equipment", Text(equipment))
    if routine.tags:
        details.add_row("Tags", Text(", ".join(clean_line(t) for t in routine.tags)))
    parts.append(details)
    parts.append(Text(""))
    steps = Table.grid(padding=(0, 1), expand=True)
    steps.add_column(justify="right", no_wrap=True, style="dim")
    steps.add_column(ratio=1)
    steps.add_column(justify="right", no_wrap=True)
    for number, step in enumerate(routine.steps, start=1):
        cell = Text(clean_line(step.name))
        cell.append(f"\n{describe_step(step)}", style="dim")
        if progressed is not None and progressed.progressing:
            original = progressed.original.steps[number - 1]
            note = level_note(original, progressed.standing.steps[number - 1])
            if note:
                cell.append(f"\n{note}", style="italic")
        steps.add_row(f"{number}.", cell, format_length(step_length(step)))
    parts.append(steps)
    parts.append(Text(""))
    parts.append(Text(total_line(routine, prepare), style="bold"))
    return Group(*parts)


def broken_renderable(entry: Entry) -> RenderableType:
    parts: list[RenderableType] = [
        Text(f"{clean_line(entry.path.name)} cannot be used", style="bold"),
        Text(clean_line(str(entry.path)), style="dim"),
        Text(""),
    ]
    if entry.error is not None:
        for problem in entry.error.problems:
            parts.append(Text(f"• {problem}"))
    parts.append(Text(""))
    parts.append(Text("Fix the file in a text editor, then press ctrl+r here to load it again."))
    return Group(*parts)


class RoutinePreview(VerticalScroll, can_focus=False):
    """Scrolls with the mouse wheel; keys stay with the list so arrows keep choosing."""

    def compose(self) -> ComposeResult:
        yield Static(id="preview-body")

    def show_entry(
        self, entry: Entry | None, prepare: float, progressed: Progressed | None = None
    ) -> None:
        body = self.query_one("#preview-body", Static)
        if entry is None:
            body.update(Text("No routine to show.", style="dim"))
        elif entry.routine is not None:
            body.update(routine_renderable(entry, prepare, progressed))
        else:
            body.update(broken_renderable(entry))
        self.scroll_home(animate=False)
