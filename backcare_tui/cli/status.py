"""`backcare status`: one short line for a tmux status bar, a shell prompt or a desktop bar.

It runs every few seconds, so it reads the config and one indexed range of the
history (the last four weeks, core/week_log.py) and nothing else: no routine
files, no Textual, no Rich. It always exits 0 and always prints a line; a
missing history is an empty week, an unreadable one shows "?".

    back 1/3 · desk break due      a session is due today (class "due")
    back 2/3 · done today          today's session is done (class "done")
    back 3/3                       nothing due (class "ok")
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

FORMATS = ("text", "json", "tmux")
_TMUX_COLOURS = {"due": "yellow", "done": "green"}


@dataclass(frozen=True)
class Line:
    text: str
    tooltip: str
    kind: str
    """ "due", "done" or "ok": the class a bar styles it by."""


def status_line(now: datetime) -> Line:
    from ..core.due import goal_line, session_due
    from ..core.settings import load_settings
    from ..core.today import PLAN, suggest_today
    from ..core.week_log import read_recent, week_of

    settings, _problems = load_settings()
    dot = "-" if settings.ascii else "·"
    goal = settings.weekly_goal
    rows = read_recent(now)
    if rows is None:
        return Line(f"back ?/{goal}", "The session history cannot be read.", "ok")
    today = suggest_today(settings, [row.summary() for row in rows], now.date(), tz=now.tzinfo)
    week = week_of(rows, now, goal, planned_today=today.source == PLAN)
    count = f"back {week.completed}/{goal}"
    if week.done_today:
        return Line(f"{count} {dot} done today", f"{today.reason} · {goal_line(week)}", "done")
    if today.routine is not None and session_due(week):
        name = today.routine.removesuffix(".toml").replace("-", " ").replace("_", " ").lower()
        tooltip = (
            f"{today.routine} today: {today.reason} · {goal_line(week)}. "
            f"Start it: backcare run {today.routine}"
        )
        return Line(f"{count} {dot} {name} due", tooltip, "due")
    return Line(count, goal_line(week), "ok")


def render(line: Line, form: str) -> str:
    if form == "json":
        return json.dumps(
            {"text": line.text, "tooltip": line.tooltip, "class": line.kind, "alt": line.kind},
            ensure_ascii=False,
        )
    if form == "tmux":
        text = line.text.replace("#", "##")
        colour = _TMUX_COLOURS.get(line.kind)
        return f"#[fg={colour}]{text}#[default]" if colour else text
    return line.text


def parse_format(argv: Sequence[str]) -> str:
    """`--format X` or `--format=X`; anything else falls back to text (a bar needs a line)."""
    for index, arg in enumerate(argv):
        if arg.startswith("--format="):
            value = arg.split("=", 1)[1]
        elif arg == "--format" and index + 1 < len(argv):
            value = argv[index + 1]
        else:
            continue
        return value if value in FORMATS else "text"
    return "text"


def main(argv: Sequence[str]) -> int:
    """Print the line; exit 0 whatever happens, so a status bar never shows an error."""
    if "-h" in argv or "--help" in argv:
        print(
            "usage: backcare status [--format text|json|tmux]\n\n"
            "One line for status bars: this week's completed sessions against the goal, and\n"
            "whether a session is due today. Always exits 0."
        )
        return 0
    form = parse_format(argv)
    try:
        from ..core.wall_clock import wall_clock

        line = status_line(wall_clock())
    except Exception as error:  # a status bar must never show a traceback
        line = Line("back ?", f"backcare status failed: {error}", "ok")
    with contextlib.suppress(BrokenPipeError, UnicodeEncodeError):
        print(render(line, form))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
