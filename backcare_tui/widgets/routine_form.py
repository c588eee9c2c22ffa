"""The editor's forms: the routine's own fields, and one step whose fields follow its shape.

Attributes down, messages up: the screen hands a form the draft to edit;
the form writes what is typed into the draft and posts `Edited`. The
screen checks the draft and hands each form its problems to show.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea
from textual.widgets.select import InvalidSelectValueError

from ..core.breathing import PRESETS
from ..core.draft import ROUTINE_FIELDS, SHAPES, Checked, RoutineDraft, StepDraft, shape_named

SHAPE_LABELS = {
    "timed": "Timed (work for a time)",
    "held": "Held (holds, reps, sides)",
    "rest": "Rest",
    "breathing": "Breathing (paced)",
}
SIDES = [("no sides", ""), ("both, left then right", "both"), ("left", "left"), ("right", "right")]
UNITS = [("cycles", "cycles"), ("minutes", "minutes")]
PRESET_HINT = ", ".join(PRESETS) + ' or a pattern like "4-6"'


class Field(Vertical):
    """A label, a control, and the loader's messages about this field."""

    def __init__(self, label: str, control: Widget, key: str) -> None:
        super().__init__(classes="field")
        self.key = key
        self.label = label
        self.control = control
        self._messages: list[str] = []

    def compose(self) -> ComposeResult:
        with Horizontal(classes="field-row"):
            yield Label(self.label, classes="field-label")
            yield self.control
        yield Static("", classes="field-error", markup=False)

    def show_problems(self, messages: list[str]) -> None:
        if messages == self._messages:
            return
        self._messages = messages
        error = self.query_one(".field-error", Static)
        error.update(Text("\n".join(messages)))
        error.display = bool(messages)
        self.set_class(bool(messages), "-invalid")


def _input(id: str, placeholder: str = "") -> Input:
    return Input(id=id, placeholder=placeholder, compact=True)


def _notes() -> Static:
    """Where a form says what the file holds that no field of it shows."""
    return Static("", classes="form-notes", markup=False)


def _text_area(id: str) -> TextArea:
    area = TextArea(id=id, soft_wrap=True, compact=True, show_line_numbers=False)
    area.tab_behavior = "focus"
    return area


class Form(Vertical):
    """What both forms share: an `Edited` message, quiet loading, and their look.

    | class | what it is |
    |---|---|
    | `form-title` | the form's heading ("Routine", "Step 2 of 5") |
    | `field` | one `Field`; `-invalid` while it has problems |
    | `field-row` | a field's `field-label` and its control, side by side |
    | `field-error` | the lines under a field saying what is wrong with it |
    | `shape-fields` | the fields of one step shape, shown only for that shape |
    | `form-notes` | what the file holds that no field shows |
    | `field-hint` | a line of help under a field |
    """

    DEFAULT_CSS = """
    Form, Form .shape-fields, Form .field, Form .field-row {
        height: auto;
    }
    Form .form-title {
        text-style: bold;
        color: $accent;
    }
    Form .field-label {
        width: 14;
        color: $text-muted;
    }
    Form .field.-invalid .field-label {
        color: $error;
        text-style: bold;
    }
    Form .field-row Input, Form .field-row Select, Form #breathing-length-row {
        width: 1fr;
    }
    Form #breathing-length-row {
        height: auto;
    }
    Form #breathing-length-row Select {
        width: 14;
    }
    Form .field-row TextArea {
        width: 1fr;
        height: 3;
    }
    Form #routine-description, Form #step-instructions {
        height: 4;
    }
    Form .field-error {
        display: none;
        padding-left: 14;
        color: $error;
    }
    Form .form-notes {
        display: none;
        color: $warning;
    }
    Form .field-hint {
        padding-left: 14;
        color: $text-muted;
    }
    """

    class Edited(Message):
        """Something was typed; `structure` when the step list must be redrawn too."""

        def __init__(self, structure: bool = False) -> None:
            super().__init__()
            self.structure = structure

    def set_text(self, id: str, value: str) -> None:
        widget = self.query_one(f"#{id}")
        with self.prevent(Input.Changed, TextArea.Changed, Select.Changed):
            if isinstance(widget, Input):
                widget.value = value
                widget.cursor_position = len(value)
            elif isinstance(widget, TextArea):
                widget.load_text(value)
            elif isinstance(widget, Select):
                # A value no option stands for (a file's typo) stays in the draft,
                # with its problem shown; the menu shows where to pick again.
                with contextlib.suppress(InvalidSelectValueError):
                    widget.value = value

    def show(
        self, checked: Checked, step: int | None, notes: Sequence[tuple[str, str]] = ()
    ) -> None:
        """Each field's problems; `notes` (field, line) are about the file as it is on
        disk, shown beside their field, or above the form when no field shows them."""
        shown = {field.key for field in self.query(Field) if self._showing(field)}
        for field in self.query(Field):
            lines = [line for key, line in notes if key == field.key and key in shown]
            field.show_problems(checked.for_field(step, field.key) + lines)
        general = [line for key, line in notes if key not in shown]
        box = self.query_one(".form-notes", Static)
        box.update(Text("\n".join(general)))
        box.display = bool(general)

    def _showing(self, field: Field) -> bool:
        """The field is on screen when it and every container up to the form are."""
        node: DOMNode | None = field
        while node is not None and node is not self:
            if not node.display:
                return False
            node = node.parent
        return True


class RoutineForm(Form):
    """Name, description, tags, equipment, prepare, rest between steps, rounds."""

    def __init__(self, draft: RoutineDraft, prepare_default: float, id: str | None = None) -> None:
        super().__init__(id=id)
        self.draft = draft
        self.prepare_default = prepare_default

    def compose(self) -> ComposeResult:
        yield Static("Routine", classes="form-title")
        yield _notes()
        yield Field("Name", _input("routine-name"), "name")
        yield Field("Description", _text_area("routine-description"), "description")
        yield Field("Tags", _input("routine-tags", "comma-separated: desk, quick"), "tags")
        yield Field("Equipment", _input("routine-equipment", "comma-separated"), "equipment")
        prepare = f"{self.prepare_default:g} (your setting)"
        yield Field("Prepare", _input("routine-prepare", prepare), "prepare")
        yield Field("Rest between", _input("routine-rest_between", "0 seconds"), "rest_between")
        yield Field("Rounds", _input("routine-rounds", "1"), "rounds")

    def on_mount(self) -> None:
        self.load(self.draft)

    def load(self, draft: RoutineDraft) -> None:
        self.draft = draft
        for key in ROUTINE_FIELDS:
            self.set_text(f"routine-{key}", getattr(draft, key))

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _changed(self, event: Input.Changed | TextArea.Changed) -> None:
        event.stop()
        widget = event.input if isinstance(event, Input.Changed) else event.text_area
        key = (widget.id or "").removeprefix("routine-")
        value = event.value if isinstance(event, Input.Changed) else event.text_area.text
        setattr(self.draft, key, value)
        self.post_message(self.Edited(structure=key == "name"))


class StepForm(Form):
    """One step; only the fields of its shape are shown, and the shape can change."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.step = StepDraft()

    def compose(self) -> ComposeResult:
        yield Static("Step", id="step-title", classes="form-title")
        yield _notes()
        yield Field("Name", _input("step-name"), "name")
        shapes = Select(
            [(SHAPE_LABELS[s], s) for s in SHAPES], id="step-shape", allow_blank=False, compact=True
        )
        yield Field("Shape", shapes, "shape")
        with Vertical(id="shape-timed", classes="shape-fields"):
            yield Field("Duration", _input("timed-duration", 'seconds, or "1m30s"'), "duration")
        with Vertical(id="shape-held", classes="shape-fields"):
            yield Field("Hold", _input("held-hold", "seconds per hold"), "hold")
            yield Field("Reps", _input("held-reps", "1"), "reps")
            yield Field("Rest", _input("held-rest", "0 seconds between reps"), "rest")
            yield Field("Sets", _input("held-sets", "1"), "sets")
            yield Field("Set rest", _input("held-set_rest", "0 seconds between sets"), "set_rest")
            sides = Select(SIDES, id="held-sides", allow_blank=False, compact=True)
            yield Field("Sides", sides, "sides")
            yield Field("Switch", _input("held-switch", "5 seconds to change sides"), "switch")
        with Vertical(id="shape-rest", classes="shape-fields"):
            yield Field("Rest", _input("rest-rest", "seconds"), "rest")
        with Vertical(id="shape-breathing", classes="shape-fields"):
            yield Field("Pattern", _input("breathing-breathing", PRESET_HINT), "breathing")
            length = Horizontal(
                _input("breathing-length", "how many"),
                Select(UNITS, id="breathing-unit", allow_blank=False, compact=True),
                id="breathing-length-row",
            )
            yield Field("Length", length, "length")
            yield Field("Inhale cue", _input("breathing-inhale_cue", "optional"), "inhale_cue")
            yield Field("Exhale cue", _input("breathing-exhale_cue", "optional"), "exhale_cue")
        yield Field("Instructions", _text_area("step-instructions"), "instructions")
        yield Field("Cues", _text_area("step-cues"), "cues")
        yield Static("Cues: one a line, short enough for small screens.", classes="field-hint")

    def load(self, step: StepDraft, number: int, count: int) -> None:
        self.step = step
        self.query_one("#step-title", Static).update(Text(f"Step {number} of {count}"))
        self.set_text("step-name", step.name)
        self.set_text("step-instructions", step.instructions)
        self.set_text("step-cues", step.cues)
        self.set_text("step-shape", step.shape)
        self._load_shape()

    def _load_shape(self) -> None:
        shape = self.step.shape
        for container in self.query(".shape-fields"):
            container.display = container.id == f"shape-{shape}"
        for widget in self.query(f"#shape-{shape} Input, #shape-{shape} Select"):
            key = (widget.id or "").removeprefix(f"{shape}-")
            value = self.step.get(key)
            if key == "unit":
                value = value or "cycles"
            self.set_text(widget.id or "", value)

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _changed(self, event: Input.Changed | TextArea.Changed | Select.Changed) -> None:
        event.stop()
        if isinstance(event, Input.Changed):
            widget_id, value = event.input.id or "", event.value
        elif isinstance(event, TextArea.Changed):
            widget_id, value = event.text_area.id or "", event.text_area.text
        else:
            widget_id, value = event.select.id or "", str(event.value)
        structure = False
        if widget_id == "step-shape":
            self.step.change_shape(shape_named(value))
            self._load_shape()
            structure = True
        elif widget_id.startswith("step-"):
            key = widget_id.removeprefix("step-")
            setattr(self.step, key, value)
            structure = key == "name"
        else:
            shape, _, key = widget_id.partition("-")
            self.step.values.setdefault(shape, {})[key] = value
            structure = True
        self.post_message(self.Edited(structure=structure))
