"""`run --plain` around the session: the safety notice, the pain check-in, the history row.

What the app does around its player, as plain lines: the first-run notice
once (then `notice_seen` is saved), the pain question before and after when
the check-in is on and there is a person at a terminal to answer it, and
the session kept in the history with its scores.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from ..core.errors import BackcareError
from ..core.model import Routine
from ..core.notice import NOTICE
from ..core.pain import ASK_AFTER, ASK_BEFORE, SCALE, advice, scores_line
from ..core.player import Player
from ..core.settings import Settings, load_settings, save_settings

NOT_STARTED = -1
"""The answer "d": do not start after all."""


def play_plain(routine: Routine, path: Path | None = None) -> int:
    """`--plain`: one line per phase, with the lead-in from the user's settings,
    recorded in the history like a session in the app."""
    from ..core.clock import MonotonicClock
    from ..core.timeline import compile_routine
    from .plain import run_plain
    from .plain_cues import plain_cues
    from .plain_keys import terminal_keys

    settings, problems = load_settings()
    for problem in problems:
        say_problem(problem)
    at_terminal = sys.stdin.isatty()
    if not settings.notice_seen:
        show_notice(settings, sys.stdout, wait=at_terminal)
    pain_before: int | None = None
    if settings.pain_checkin and at_terminal:
        answer = ask_pain(ASK_BEFORE, sys.stdin, sys.stdout, can_back_out=True)
        if answer == NOT_STARTED:
            print(f"{routine.name}: not started.")
            return 1
        pain_before = answer
    timeline = compile_routine(routine, settings.prepare_seconds)
    clock = MonotonicClock()
    started_at, started_clock = datetime.now(UTC), clock.now()
    row_id: int | None = None
    pain_after: int | None = None

    def record(player: Player) -> None:
        nonlocal row_id
        from ..core.completion import worth_recording
        from ..core.history import record_session
        from ..core.session_summary import summarize

        summary = summarize(player, routine, path, started_at, started_clock)
        summary = replace(summary, pain_before=pain_before)
        if not worth_recording(summary.actual_seconds):
            return
        try:
            row_id, notices = record_session(summary)
        except BackcareError as error:
            notices = [error.message]
        for notice in notices:
            say_problem(notice)

    cues = plain_cues(timeline, routine, settings)
    with ExitStack() as stack:
        keys = stack.enter_context(terminal_keys(sys.stdin.fileno())) if at_terminal else None
        code = run_plain(
            timeline, routine.name, sys.stdout, clock, on_end=record, cues=cues, keys=keys
        )
    if settings.pain_checkin and at_terminal and row_id is not None:
        pain_after = ask_pain(ASK_AFTER, sys.stdin, sys.stdout, can_back_out=False)
        if pain_after is not None:
            pain_after = _store_after(row_id, pain_after)
    if (line := scores_line(pain_before, pain_after)) is not None:
        print(line)
    if (words := advice(pain_before, pain_after)) is not None:
        print(words)
    return code


def show_notice(settings: Settings, out: TextIO, *, wait: bool) -> None:
    """The notice, once: on a terminal it waits for Enter, as the app does."""
    out.write("Before you start\n\n" + NOTICE + "\n\n")
    out.flush()
    if wait:
        out.write("Press Enter to continue.")
        out.flush()
        sys.stdin.readline()
        out.write("\n")
        out.flush()
    try:
        save_settings(replace(settings, notice_seen=True))
    except OSError as error:
        say_problem(f"settings not saved: {error}")


def ask_pain(question: str, into: TextIO, out: TextIO, *, can_back_out: bool) -> int | None:
    """A score from 0 to 10, None when skipped (Enter), NOT_STARTED for "d"."""
    hint = "Enter skips" + (", d does not start" if can_back_out else "")
    while True:
        out.write(f"{question} 0-10 ({SCALE}; {hint}): ")
        out.flush()
        typed = into.readline()
        if not typed:  # end of input: nobody to ask
            out.write("\n")
            return None
        answer = typed.strip().lower()
        if not answer:
            return None
        if can_back_out and answer == "d":
            return NOT_STARTED
        if answer.isdigit() and 0 <= int(answer) <= 10:
            return int(answer)
        out.write("Type a whole number from 0 to 10.\n")


def _store_after(row_id: int, score: int) -> int | None:
    from ..core.history import update_session

    try:
        if update_session(row_id, pain_after=score):
            return score
    except BackcareError as error:
        say_problem(error.message)
    return None


def say_problem(message: str) -> None:
    print(f"backcare: {message}", file=sys.stderr)
