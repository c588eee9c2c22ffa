"""Settings: every key of the config file, applied as it changes and saved atomically.

Check boxes and the theme take effect the moment they change; a typed value
is applied and saved once it is valid and typing pauses (TYPING_PAUSE on the
app's clock), or at once on Enter, on leaving the field or the screen. A value
that is not valid is never saved: the line under its field says why.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Label, Select, Static

from ..core.paths import config_file, display_path
from ..core.settings import Settings, check_value
from ..core.weekplan import DAY_NAMES, WEEKDAYS
from ..sound import audio_status
from ..widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from ..app import BackcareApp

CHECKBOXES: dict[str, str] = {
    "sound": "Cue sounds (the terminal bell when no audio player is found)",
    "cue_phases": "Sound as work, a hold, a rest or a side switch starts",
    "cue_countdown": "Ticks in the last 3 seconds",
    "cue_halfway": "Halfway signal in works and holds of 20 s or more",
    "cue_breathing": 'Soft sound on every breath (and "in"/"out" with voice)',
    "cue_finished": "Chime when the session is finished",
    "voice": 'Speak step names, sides, "switch sides", countdowns and rests',
    "speak_cues": "Also speak each step's cues as they appear",
    "reduced_motion": "Reduced motion: words and numbers instead of the breathing shape",
    "ascii": "ASCII only, for terminals without block characters",
    "pain_checkin": "Pain check-in: rate your back 0-10 before and after a session",
    "auto_pause": "Pause a session when the terminal loses focus",
    "notice_seen": "The safety notice has been read (untick to see it at the next start)",
    "remind_only_if_due": "Remind only when a session is due",
}
INPUTS: dict[str, tuple[str, str]] = {
    "volume": ("Volume", "loudness of the cue sounds, 0-100"),
    "sound_program": (
        "Sound program",
        "a command with {file}; empty: pw-play, paplay, aplay, afplay",
    ),
    "voice_program": ("Speech program", "empty: first of espeak-ng, espeak, spd-say, say"),
    "prepare_seconds": ("Prepare seconds", "lead-in before the first step, 0-600"),
    "weekly_goal": ("Weekly goal", "sessions a week, 1-21; 3 to 4 suits most backs"),
    "routine_folders": ("Routine folders", f"extra folders, separated by {os.pathsep}"),
    "quiet_hours": ("Quiet hours", "no reminders then, like 21:00-08:00; empty for none"),
    "min_gap": ("Minutes between", "reminders at least this far apart, 0-1440"),
}
TYPING_PAUSE = 0.5
"""Seconds without a keystroke before a valid typed value is applied and saved."""
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Sound",
        (
            "sound",
            "volume",
            "cue_phases",
            "cue_countdown",
            "cue_halfway",
            "cue_breathing",
            "cue_finished",
            "sound_program",
            "voice",
            "voice_program",
            "speak_cues",
        ),
    ),
    ("Look", ("theme", "reduced_motion", "ascii")),
    ("Sessions", ("prepare_seconds", "weekly_goal", "pain_checkin", "auto_pause")),
    ("Weekly plan", ("plan",)),
    ("Reminders (times: backcare remind set)", ("remind_only_if_due", "quiet_hours", "min_gap")),
    ("Routines and first run", ("routine_folders", "notice_seen")),
)


def shown(key: str, settings: Settings) -> str:
    """A setting as typed in its field."""
    value = getattr(settings, key)
    if key == "routine_folders":
        return os.pathsep.join(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def parsed(key: str, text: str) -> object:
    """What was typed, as the config file would hold it, for `check_value` to judge."""
    text = text.strip()
    if key == "routine_folders":
        return [part for part in text.split(os.pathsep) if part.strip()]
    if key in ("prepare_seconds", "weekly_goal", "min_gap", "volume"):
        try:
            number = float(text)
        except ValueError:
            return text
        whole = key in ("weekly_goal", "min_gap", "volume")
        return int(number) if number.is_integer() and whole else number
    return text


class Tick(Checkbox):
    """A check box whose state shows by shape, not only colour: X or blank."""

    def __init__(self, label: str, value: bool, *, ascii_only: bool, id: str) -> None:
        super().__init__(label, value, id=id, compact=True)
        if ascii_only:
            self.BUTTON_LEFT, self.BUTTON_RIGHT = "[", "]"
        self.BUTTON_INNER = "X" if value else " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = "X" if self.value else " "
        super().watch_value()


class SettingsScreen(Screen[None]):
    STYLE_SECTIONS: ClassVar[tuple[str, ...]] = ("settings",)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", key_display="esc", id="settings.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._typed_fields: dict[str, tuple[Input, float]] = {}
        """Fields typed into and not yet applied, with the clock time they are due."""

    @property
    def backcare(self) -> BackcareApp:
        return cast("BackcareApp", self.app)

    def compose(self) -> ComposeResult:
        settings = self.backcare.settings
        yield Label("backcare · settings", id="settings-title")
        with VerticalScroll(id="settings-body"):
            yield Static(
                Text(f"Changes apply at once and are saved to {display_path(config_file())}"),
                id="settings-where",
            )
            for title, keys in SECTIONS:
                yield Label(title, classes="settings-section")
                if title == "Sound":
                    yield Static(Text(audio_status(settings)), id="settings-audio")
                for key in keys:
                    yield from self._field(key, settings)
        yield KeysFooter(compact=True)

    def _field(self, key: str, settings: Settings) -> ComposeResult:
        if key in CHECKBOXES:
            yield Tick(
                CHECKBOXES[key], getattr(settings, key), ascii_only=settings.ascii, id=f"set-{key}"
            )
        elif key == "theme":
            themes = sorted(self.app.available_themes)
            with Horizontal(classes="settings-row"):
                yield Label("Theme", classes="settings-label")
                yield Select(
                    [(name, name) for name in themes],
                    value=settings.theme if settings.theme in themes else Select.NULL,
                    allow_blank=settings.theme not in themes,
                    id="set-theme",
                    compact=True,
                )
        elif key == "plan":
            yield from self._plan_fields(settings)
        else:
            label, hint = INPUTS[key]
            with Horizontal(classes="settings-row"):
                yield Label(label, classes="settings-label")
                yield Input(shown(key, settings), id=f"set-{key}", compact=True)
            yield Label(hint, id=f"hint-{key}", classes="settings-hint")

    def _plan_fields(self, settings: Settings) -> ComposeResult:
        """One choice of routine per weekday; blank is a day off the plan."""
        choices = {
            entry.key: entry.routine.name
            for entry in self.backcare.library.entries
            if entry.routine is not None
        }
        for value in settings.plan.values():
            choices.setdefault(value, f"{value} (not found)")
        options = [(name, key) for key, name in choices.items()]
        for day, day_name in zip(WEEKDAYS, DAY_NAMES, strict=True):
            planned = settings.plan.get(day)
            with Horizontal(classes="settings-row"):
                yield Label(day_name, classes="settings-label")
                yield Select(
                    options,
                    value=planned if planned is not None else Select.NULL,
                    prompt="no plan",
                    id=f"set-plan-{day}",
                    classes="plan-day",
                    compact=True,
                )
        yield Label(
            "Today suggests the routine planned for the day; other days, a favourite",
            classes="settings-hint",
        )

    @on(Select.Changed, ".plan-day")
    def _plan_day(self, event: Select.Changed) -> None:
        day = (event.select.id or "").removeprefix("set-plan-")
        plan = {d: r for d, r in self.backcare.settings.plan.items() if d != day}
        if isinstance(event.value, str):
            plan[day] = event.value
        self._apply("plan", {d: plan[d] for d in WEEKDAYS if d in plan})

    @on(Checkbox.Changed)
    def _checked(self, event: Checkbox.Changed) -> None:
        self._apply(_key(event.checkbox.id), event.value)

    @on(Select.Changed, "#set-theme")
    def _theme(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self._apply("theme", event.value)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        key = _key(event.input.id)
        _, problem = check_value(key, parsed(key, event.value))
        event.input.set_class(problem is not None, "-bad")
        self._say(key, problem)
        if problem is None and shown(key, self.backcare.settings) != event.value:
            self._typed_fields[key] = (event.input, self.backcare.clock.now() + TYPING_PAUSE)
            self.set_timer(TYPING_PAUSE, self.apply_typed, name="settings-typed")
        else:
            self._typed_fields.pop(key, None)

    def apply_typed(self) -> None:
        """Apply and save the typed values whose pause is over (the timer calls this)."""
        now = self.backcare.clock.now()
        for key, (field, due) in list(self._typed_fields.items()):
            if due <= now:
                del self._typed_fields[key]
                self._commit_input(field)

    @on(Input.Submitted)
    @on(Input.Blurred)
    def _commit(self, event: Input.Submitted | Input.Blurred) -> None:
        self._commit_input(event.input)

    def _commit_input(self, field: Input) -> None:
        key = _key(field.id)
        value, problem = check_value(key, parsed(key, field.value))
        if problem is None:
            self._apply(key, value)

    def _apply(self, key: str, value: Any) -> None:
        current = self.backcare.settings
        if getattr(current, key) == value:
            return
        self.backcare.update_settings(replace(current, **{key: value}))
        if key in ("sound", "sound_program", "voice", "voice_program"):
            status = audio_status(self.backcare.settings)
            self.query_one("#settings-audio", Static).update(Text(status))
        if key == "routine_folders":
            self.backcare.library = self.backcare.scan_library()

    def _say(self, key: str, problem: str | None) -> None:
        """The line under the field: its hint, or why what was typed cannot be used."""
        label = self.query_one(f"#hint-{key}", Label)
        label.update(Text(INPUTS[key][1] if problem is None else why(key, problem)))
        label.set_class(problem is not None, "-bad")

    def action_close(self) -> None:
        for field in self.query(Input):
            self._commit_input(field)
        self.dismiss()


def why(key: str, problem: str) -> str:
    """A problem from `check_value` as said beside its field: the file's
    "; using <default>" does not hold here, where the value in use stays."""
    reason = problem.removeprefix(f"{key} ").split("; using ")[0]
    return f"Not saved: {reason}"


def _key(widget_id: str | None) -> str:
    assert widget_id is not None and widget_id.startswith("set-")
    return widget_id.removeprefix("set-")
