"""`backcare doctor`: what this terminal and machine give backcare, in plain text.

Read-only (the history is opened read-only, nothing is created) apart from
the cue sounds `--play` writes into the cache folder, and always exit 0:
it reports, it does not judge. No Textual: it must work where the app does not.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..core.text import plural

if TYPE_CHECKING:
    from ..audio import FoundPlayer
    from ..core.settings import Settings

TEST_PHRASE = "backcare voice test. Left side. Switch sides."
WAIT_SECONDS = 10.0
"""How long --play and --say wait for the program to finish before saying so."""

Which = Callable[[str], str | None]


def add_doctor_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    doctor = commands.add_parser(
        "doctor",
        parents=[common],
        help="what this terminal and machine give backcare: colours, sound, voice, files",
        description="Report colours, Unicode, the audio player and voice program found, "
        "where the config, data and routines live, and the history database. Exit 0.",
    )
    doctor.add_argument("--play", action="store_true", help="play the finish chime as a test")
    doctor.add_argument("--say", action="store_true", help="speak a test phrase")


def run_doctor(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from ..core.settings import load_settings

    out = out or sys.stdout
    settings, problems = load_settings()
    sections = [
        ("Terminal", terminal_lines(os.environ, sys.stdout)),
        ("Sound", sound_lines(settings, play=args.play)),
        ("Voice", voice_lines(settings, say=args.say)),
        ("Files", file_lines(problems)),
    ]
    print("backcare doctor", file=out)
    for title, lines in sections:
        print(f"\n{title}", file=out)
        width = max(len(label) for label, _ in lines)
        for label, text in lines:
            print(f"  {label.ljust(width)}  {text}", file=out)
    return 0


Lines = list[tuple[str, str]]


def colour_support(env: os._Environ[str] | dict[str, str]) -> str:
    term = env.get("TERM", "")
    if "NO_COLOR" in env:
        return "none (NO_COLOR is set; backcare shows state by words and shapes)"
    if env.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return "true colour (COLORTERM)"
    if "256color" in term:
        return "256 colours"
    if term in ("", "dumb"):
        return f"none (TERM={term or 'unset'})"
    return "16 colours"


def terminal_lines(env: os._Environ[str] | dict[str, str], stream: TextIO) -> Lines:
    import locale

    encoding = (getattr(stream, "encoding", None) or locale.getpreferredencoding(False)).lower()
    unicode = "utf" in encoding.replace("-", "")
    size = shutil.get_terminal_size((0, 0))
    return [
        ("TERM", env.get("TERM", "") or "unset"),
        ("Colours", colour_support(env)),
        (
            "Unicode",
            f"yes ({encoding})"
            if unicode
            else f"no ({encoding}): use --ascii or ascii = true in the settings",
        ),
        ("Size", f"{size.columns}x{size.lines}" if size.columns else "not a terminal"),
    ]


def sound_lines(settings: Settings, *, play: bool, which: Which = shutil.which) -> Lines:
    from ..audio import PLAYERS, find_player
    from ..core.paths import display_path
    from ..sound import cue_folder

    search = find_player(settings.sound_program, which)
    lines: Lines = [("Cue sounds", f"on, volume {settings.volume}" if settings.sound else "off")]
    if search.problem:
        lines.append(("Setting", search.problem))
    if search.found is None:
        lines.append(
            (
                "Audio player",
                f"none found ({', '.join(PLAYERS)}): cues ring the terminal bell",
            )
        )
    else:
        lines.append(("Audio player", f"{search.found.name} ({search.found.command[0]})"))
    folder = cue_folder()
    made = len(list(folder.glob("*.wav"))) if folder.is_dir() else 0
    lines.append(("Sound files", f"{display_path(folder)} ({made} made)"))
    if play:
        lines.append(("Test chime", _play_chime(settings, search.found)))
    return lines


def _play_chime(settings: Settings, found: FoundPlayer | None) -> str:
    from ..core.synth import CueSound, cue_file
    from ..sound import cue_folder

    if found is None:
        from .plain_cues import terminal_bell

        terminal_bell()
        return "no player: rang the terminal bell instead"
    try:
        path = cue_file(CueSound.FINISHED, settings.volume, cue_folder())
    except OSError as error:
        return f"cannot write the sound file: {error}"
    return _wait_for(found.args(path), found.name, "played")


def voice_lines(settings: Settings, *, say: bool, which: Which = shutil.which) -> Lines:
    from ..voice import VOICE_PROGRAMS, find_voice, speakable

    program = find_voice(settings.voice_program, which)
    lines: Lines = [("Voice", "on" if settings.voice else "off (voice = true turns it on)")]
    if program is None:
        lines.append(("Program", f"none found ({', '.join(VOICE_PROGRAMS)})"))
    else:
        lines.append(("Program", f"{Path(program).name} ({program})"))
    lines.append(("Speak cues", "on" if settings.speak_cues else "off"))
    if say:
        if program is None:
            lines.append(("Test phrase", "nothing to speak with"))
        else:
            said = _wait_for([program, speakable(TEST_PHRASE)], Path(program).name, "spoke")
            lines.append(("Test phrase", said))
    return lines


def _wait_for(command: list[str], name: str, done: str) -> str:
    import subprocess

    try:
        finished = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=WAIT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"{name} still running after {WAIT_SECONDS:g} s; left it"
    except OSError as error:
        return f"{name} could not start: {error}"
    if finished.returncode != 0:
        said = finished.stderr.decode(errors="replace").strip().splitlines()
        detail = f": {said[-1][:80]}" if said else ""
        return f"{name} failed (exit status {finished.returncode}){detail}"
    return f"{done} with {name}"


def file_lines(problems: list[str]) -> Lines:
    from ..core.library import routine_folders
    from ..core.paths import config_file, data_dir, display_path, history_file

    config = config_file()
    lines: Lines = [
        ("Config", f"{display_path(config)}{'' if config.exists() else ' (not written yet)'}")
    ]
    lines += [("", f"problem: {problem}") for problem in problems]
    lines.append(("Data", display_path(data_dir())))
    for folder in routine_folders():
        count = len(list(folder.path.glob("*.toml"))) if folder.path.is_dir() else 0
        state = plural(count, "file") if folder.path.is_dir() else "none yet"
        lines.append((f"Routines ({folder.kind})", f"{display_path(folder.path)} ({state})"))
    lines.append(("History", history_state(history_file())))
    return lines


def history_state(path: Path) -> str:
    """Read-only: a doctor that creates or migrates the file would change what it reports."""
    import sqlite3

    from ..core.history_db import SCHEMA_VERSION
    from ..core.paths import display_path

    shown = display_path(path)
    if not path.exists():
        return f"{shown} (no sessions yet; made by the first one)"
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            sessions = int(connection.execute("SELECT count(*) FROM sessions").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error as error:
        return f"{shown}: cannot be read ({error}); the app sets a damaged file aside"
    if version > SCHEMA_VERSION:
        schema = f"schema {version}, newer than this backcare ({SCHEMA_VERSION})"
    elif version < SCHEMA_VERSION:
        schema = f"schema {version}, brought up to {SCHEMA_VERSION} at the next session"
    else:
        schema = f"schema {version}, current"
    return f"{shown} ({plural(sessions, 'session')}, {schema})"
