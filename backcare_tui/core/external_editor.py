"""Opening a routine in the user's own editor, at the line of a problem when we know it."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from .errors import BackcareError, Problem

FALLBACKS = ("nano", "vi")

PLUS_LINE = frozenset(
    {"vi", "vim", "nvim", "view", "gvim", "nano", "pico", "emacs", "emacsclient", "micro", "kak"}
)
"""Editors that take `+LINE` before the file name."""
COLON_LINE = frozenset({"hx", "helix"})
"""Editors that take `FILE:LINE`."""
GOTO_LINE = frozenset({"code", "codium", "code-insiders"})
"""Editors that take `--goto FILE:LINE`."""


class EditorNotFound(BackcareError):
    def __init__(self) -> None:
        super().__init__(
            "No editor",
            "set $VISUAL or $EDITOR to your editor (for example EDITOR=nano); "
            "neither nano nor vi was found",
        )


def editor_argv(env: Mapping[str, str] | None = None) -> list[str]:
    """`$VISUAL`, then `$EDITOR`, then nano, then vi; split like a shell would.

    Splitting (rather than taking the whole value as a program) is what lets
    `EDITOR="code --wait"` work.
    """
    env = os.environ if env is None else env
    for name in ("VISUAL", "EDITOR"):
        value = env.get(name, "").strip()
        if value:
            try:
                argv = shlex.split(value)
            except ValueError:
                argv = value.split()
            if argv:
                return argv
    for program in FALLBACKS:
        found = shutil.which(program, path=env.get("PATH"))
        if found:
            return [found]
    raise EditorNotFound()


def editor_command(
    path: Path, line: int | None = None, env: Mapping[str, str] | None = None
) -> list[str]:
    """The full command line, jumping to `line` in editors known to accept it."""
    argv = editor_argv(env)
    program = Path(argv[0]).name.lower().removesuffix(".exe")
    if line is None or line < 1:
        return [*argv, str(path)]
    if program in PLUS_LINE:
        return [*argv, f"+{line}", str(path)]
    if program in COLON_LINE:
        return [*argv, f"{path}:{line}"]
    if program in GOTO_LINE:
        return [*argv, "--goto", f"{path}:{line}"]
    return [*argv, str(path)]


def run_editor(argv: Sequence[str]) -> int:
    """Run the editor and wait; the caller suspends the app around this."""
    try:
        return subprocess.call(list(argv))
    except FileNotFoundError:
        raise BackcareError(
            "Editor not found", f"cannot run {argv[0]!r}; check $VISUAL and $EDITOR"
        ) from None
    except OSError as error:
        raise BackcareError(
            "Editor failed", f"cannot run {argv[0]!r}: {error.strerror or error}"
        ) from None


_STEPS_HEADER = re.compile(r"^\s*\[\[\s*\"?steps\"?\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[")
_INLINE_STEPS = re.compile(r"^\s*\"?steps\"?\s*=\s*\[\s*$")
_MESSAGE_KEY = re.compile(r'^(?:unknown key )?"?([A-Za-z_][A-Za-z0-9_-]*)"?')


def problem_line(text: str, problem: Problem) -> int | None:
    """The line to open the editor at: the syntax error's line, or the step's key.

    Problems of meaning name a step and a key rather than a line, so look
    for the step's `[[steps]]` header and the key inside it.
    """
    if problem.line is not None:
        return problem.line
    lines = text.split("\n")
    start, end = 0, len(lines)
    if problem.step is not None:
        headers = [i for i, line in enumerate(lines) if _STEPS_HEADER.match(line)]
        if not headers:
            return _inline_step_line(lines, problem.step)
        if len(headers) < problem.step:
            return None
        start = headers[problem.step - 1]
        later = [i for i in range(start + 1, len(lines)) if _TABLE_HEADER.match(lines[i])]
        end = later[0] if later else len(lines)
    else:
        tables = [i for i, line in enumerate(lines) if _TABLE_HEADER.match(line)]
        end = tables[0] if tables else len(lines)
    match = _MESSAGE_KEY.match(problem.message)
    if match:
        key = re.compile(rf"^\s*\"?{re.escape(match.group(1))}\"?\s*=")
        for index in range(start, end):
            if key.match(lines[index]):
                return index + 1
    return start + 1 if problem.step is not None else None


def _inline_step_line(lines: list[str], step: int) -> int | None:
    """Short routines may be written as `steps = [ { ... }, ... ]`, one table a line."""
    opening = next((i for i, line in enumerate(lines) if _INLINE_STEPS.match(line)), None)
    if opening is None:
        return None
    tables = [i for i in range(opening + 1, len(lines)) if lines[i].lstrip().startswith("{")]
    return tables[step - 1] + 1 if step <= len(tables) else None
