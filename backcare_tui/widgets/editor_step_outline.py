"""The editor's left column: the routine's details, then its steps, each with its length.

Its keys change the list itself (add, duplicate, remove, move); they are
screen actions, so the command palette and the footer offer the same.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..core.draft import Checked, RoutineDraft
from ..core.durations import format_length
from ..core.errors import RoutineError
from ..core.loader import routine_from_data
from ..core.text import clean_line
from ..core.timeline import step_length


def step_lengths(draft: RoutineDraft, checked: Checked) -> dict[int, float]:
    """Each step's length; with problems elsewhere, the steps that are fine still have one."""
    if checked.routine is not None:
        return {i: step_length(s) for i, s in enumerate(checked.routine.steps)}
    bad = checked.steps_with_problems()
    lengths: dict[int, float] = {}
    for index, step in enumerate(draft.steps):
        if index + 1 in bad:
            continue
        try:
            alone = routine_from_data({"name": "x", "steps": [step.to_data()]}, "")
        except RoutineError:
            continue
        lengths[index] = step_length(alone.steps[0])
    return lengths


Row = tuple[str, bool, float | None, str]
"""Name, has problems, length, number: what a row shows, to tell when it changed."""


class EditorStepOutline(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "screen.add_step", "Add", id="editor.add_step", tooltip="Add a step"),
        Binding(
            "c",
            "screen.duplicate_step",
            "Copy",
            id="editor.duplicate_step",
            tooltip="Copy the step",
        ),
        Binding(
            "delete,x",
            "screen.remove_step",
            "Remove",
            key_display="del",
            id="editor.remove",
            tooltip="Remove the step",
        ),
        # One footer item for both directions keeps the footer within 80 columns.
        Binding(
            "shift+up",
            "screen.move_step(-1)",
            "Move",
            key_display="⇧↑↓",
            id="editor.move_up",
            tooltip="Move the step up (shift+down moves it down)",
        ),
        Binding(
            "shift+down",
            "screen.move_step(1)",
            "Move down",
            show=False,
            id="editor.move_down",
            tooltip="Move the step down",
        ),
    ]

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[Row] = []

    def show(
        self,
        draft: RoutineDraft,
        checked: Checked,
        highlighted: int,
        noted: Collection[int | None] = (),
    ) -> None:
        """Redraw every row; the list is short, and rows change together (numbers, marks).
        `noted` are the steps (None: the routine) the file has a problem in that the
        form's reading hides: marked too, so a person finds them."""
        bad = checked.steps_with_problems() | {step for step in noted if step is not None}
        routine_bad = any(p.step is None for p in checked.problems) or None in noted
        lengths = step_lengths(draft, checked)
        rows: list[Row] = [("Routine details", routine_bad, None, "≡")]
        for index, step in enumerate(draft.steps):
            name = clean_line(step.name).strip() or "(no name)"
            rows.append((name, index + 1 in bad, lengths.get(index), f"{index + 1:>2}"))
        highlighted = min(max(highlighted, 0), len(rows) - 1)
        if len(rows) == len(self._rows) and highlighted == self.highlighted:
            # Same rows, new words: swap only the prompts that changed (no layout).
            for index, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
                if old != new:
                    self.replace_option_prompt_at_index(index, self._row(*new))
            self._rows = rows
            return
        self._rows = rows
        options = [Option(self._row(*row), id=f"row{i}") for i, row in enumerate(rows)]
        with self.prevent(OptionList.OptionHighlighted):
            self.clear_options()
            self.add_options(options)
            self.highlighted = highlighted

    @staticmethod
    def _row(name: str, bad: bool, length: float | None, mark: str) -> Table:
        """One line: a problem mark, the number, the name cut to fit, the length at the right."""
        grid = Table.grid(expand=True)
        grid.add_column(no_wrap=True, width=2)
        grid.add_column(no_wrap=True, width=3)
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="right", no_wrap=True)
        grid.add_row(
            Text("!" if bad else "", style="bold red"),
            Text(mark, style="dim"),
            Text(name),
            Text(f" {format_length(length)}" if length is not None else "", style="dim"),
        )
        return grid
