"""The player's keys, each with an id, a footer word and a tooltip (help and the palette)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

PLAYER_BINDINGS: list[BindingType] = [
    Binding("space", "pause", "Pause", id="player.pause", tooltip="Pause the session"),
    Binding("space", "resume", "Resume", id="player.resume", tooltip="Carry on"),
    Binding(
        "n,right",
        "next_phase",
        "Next",
        key_display="n/→",
        id="player.next",
        tooltip="Skip to the next phase",
    ),
    Binding(
        "N,shift+right",
        "next_step",
        "Skip step",
        key_display="N/⇧→",
        id="player.skip_step",
        tooltip="Skip the rest of this step",
    ),
    Binding(
        "p,left",
        "back",
        "Back",
        key_display="p/←",
        id="player.back",
        tooltip="Back to the start of this step, or the step before",
    ),
    Binding("r", "restart_step", "Restart", id="player.restart", tooltip="Restart this step"),
    Binding(
        "plus",
        "extend",
        "+10s",
        key_display="+",
        id="player.extend",
        tooltip="Add 10 seconds to this phase",
    ),
    Binding(
        "m",
        "mute",
        "Mute",
        id="player.mute",
        tooltip="Silence sounds and voice for this session",
    ),
    Binding("m", "unmute", "Unmute", id="player.unmute", tooltip="Sounds and voice back on"),
    Binding("q", "stop", "Stop", id="player.stop", tooltip="Stop the session (asks first)"),
    Binding(
        "ctrl+c",
        "stop",
        "Stop",
        show=False,
        id="player.stop_ctrl_c",
        tooltip="Stop the session (asks first), like q",
    ),
]
