"""Choose a breathing pattern and a length, then breathe with the pacer.

The session itself is a routine of one breathing step, played by the same
player as every routine; this screen only builds that routine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from ..core.breathing import PRESETS, BreathPattern, PatternError, parse_pattern, pattern_warnings
from ..core.breathing_session import (
    DEFAULT_MINUTES,
    DEFAULT_PRESET,
    LengthError,
    breathing_routine,
    describe_length,
    describe_pattern,
    format_bpm,
    parse_length,
)
from ..core.model import Routine
from ..widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from ..app import BackcareApp


def preset_prompt(name: str) -> Text:
    """Two lines: the name, pattern and pace, then the one-line description."""
    preset = PRESETS[name]
    pattern = preset.pattern
    shown = "" if name == pattern.label() else f"  {pattern.label()}"
    return Text.assemble(
        (name, "bold"),
        f"{shown} · {format_bpm(pattern.breaths_per_minute)}/min\n",
        (preset.description, "dim"),
    )


class BreathingScreen(Screen[None]):
    """Pick a preset or type a pattern, pick minutes or cycles, press Enter."""

    STYLE_SECTIONS: ClassVar[tuple[str, ...]] = ("breathing",)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "Start", id="breathing.start", priority=True),
        Binding("escape", "back", "Back", id="breathing.back"),
    ]

    def __init__(self, preset: str | None = None) -> None:
        super().__init__()
        self.initial = preset if preset in PRESETS else DEFAULT_PRESET

    @property
    def backcare(self) -> BackcareApp:
        return cast("BackcareApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="breathing-body"):
            yield OptionList(
                *(Option(preset_prompt(name), id=name) for name in PRESETS),
                id="breathing-presets",
            )
            with Vertical(id="breathing-form"):
                yield Static("Pattern: a preset, or seconds 4-7-8", classes="breathing-label")
                yield Input(self.initial, placeholder="4-7-8", id="breathing-pattern")
                yield Static("Length: minutes, or cycles like 20c", classes="breathing-label")
                yield Input(f"{DEFAULT_MINUTES:g}", placeholder="5", id="breathing-length")
                yield Static(id="breathing-pace")
                yield Static(id="breathing-plan")
                yield Static(id="breathing-warnings")
                yield Button("Start", id="breathing-start", variant="primary")
        yield KeysFooter(compact=False)

    def on_mount(self) -> None:
        self.sub_title = "Breathing"
        presets = self.query_one("#breathing-presets", OptionList)
        presets.highlighted = list(PRESETS).index(self.initial)
        presets.focus()
        self._explain()

    # reading the form

    def pattern(self) -> tuple[BreathPattern | None, str | None, str]:
        """(pattern, preset name or None, problem); the pattern is None when the text is bad."""
        text = self.query_one("#breathing-pattern", Input).value
        try:
            pattern = parse_pattern(text)
        except PatternError as error:
            return None, None, str(error)
        key = text.strip().lower()
        return pattern, key if key in PRESETS else None, ""

    def length(self) -> tuple[float | None, int | None, str]:
        """(minutes, cycles, problem); both None when the text is bad."""
        try:
            minutes, cycles = parse_length(self.query_one("#breathing-length", Input).value)
        except LengthError as error:
            return None, None, str(error)
        return minutes, cycles, ""

    def routine(self) -> Routine | None:
        """The session the form describes, or None while the form has a mistake."""
        pattern, preset, problem = self.pattern()
        minutes, cycles, length_problem = self.length()
        if pattern is None or problem or length_problem:
            return None
        return breathing_routine(pattern, preset=preset, minutes=minutes, cycles=cycles)

    # keeping the form and its explanation in step

    @on(OptionList.OptionHighlighted, "#breathing-presets")
    def _preset_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != event.option_list.highlighted:
            return  # stale: the list's own start-up highlight, overtaken by ours
        field = self.query_one("#breathing-pattern", Input)
        name = event.option.id
        if name is not None and field.value.strip().lower() != name:
            field.value = name

    @on(Input.Changed)
    def _form_changed(self, event: Input.Changed) -> None:
        if event.input.id == "breathing-pattern":
            key = event.value.strip().lower()
            presets = self.query_one("#breathing-presets", OptionList)
            presets.highlighted = list(PRESETS).index(key) if key in PRESETS else None
        self._explain()

    def _explain(self) -> None:
        pattern, _, problem = self.pattern()
        minutes, cycles, length_problem = self.length()
        self.query_one("#breathing-pattern", Input).set_class(bool(problem), "-invalid")
        self.query_one("#breathing-length", Input).set_class(bool(length_problem), "-invalid")
        pace = self.query_one("#breathing-pace", Static)
        plan = self.query_one("#breathing-plan", Static)
        warnings = self.query_one("#breathing-warnings", Static)
        if pattern is None:
            pace.update(Text(problem, style="bold"))
            plan.update("")
            warnings.update("")
            return
        pace.update(Text(describe_pattern(pattern)))
        if length_problem:
            plan.update(Text(length_problem, style="bold"))
        else:
            lead_in = self.backcare.settings.prepare_seconds
            plan.update(Text(describe_length(pattern, minutes, cycles, lead_in)))
        notes = pattern_warnings(pattern)
        warnings.update(Text("\n".join(f"Note: {note}" for note in notes)))
        warnings.display = bool(notes)

    # starting

    @on(Button.Pressed, "#breathing-start")
    def action_start(self) -> None:
        """Enter anywhere on the screen starts, from the list and from either field."""
        routine = self.routine()
        if routine is None:
            self.app.bell()
            self.notify("Fix the pattern or the length first.", severity="warning", timeout=4)
            return
        self.backcare.start_session(routine)

    def action_back(self) -> None:
        self.dismiss()
