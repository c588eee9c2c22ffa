"""Changing routine files without ever losing one, or a comment written in one.

Saves are atomic and keep the file they replace, byte for byte, in a
versioned backup folder (`<data>/backcare/backups/NAME/`), the last
`BACKUPS_KEPT` of each. Backups live outside the routine folders so they
never show up as routines or clutter a folder people share. Deleting moves
a file to `<data>/backcare/trash/` and never overwrites what is there.

The writer (tomli-w) drops comments and lays files out its own way, so
`rewrite_notice` says what a rewrite would change before anything is
written, and the UI asks first.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import tomllib
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

import tomli_w

from .atomic import atomic_write
from .errors import BackcareError, RoutineError
from .library import slug
from .limits import MAX_NAME_LENGTH
from .loader import parse_routine_bytes
from .model import Routine
from .paths import data_dir, trash_dir, user_routines_dir
from .text import plural
from .writer import dumps_routine

BACKUPS_KEPT = 10
_STAMP = "%Y%m%d-%H%M%S-%f"


def backups_dir() -> Path:
    return data_dir() / "backups"


# -- what a rewrite would lose ---------------------------------------------------


@dataclass(frozen=True)
class Comment:
    line: int
    column: int
    text: str


def find_comments(text: str) -> tuple[Comment, ...]:
    """Every `#` comment outside strings: tomllib drops them, so look at the text itself.

    A small tokeniser is enough: TOML has four string forms and comments
    run to the end of the line; nothing else can hide a `#`.
    """
    comments: list[Comment] = []
    i, line, line_start, size = 0, 1, 0, len(text)
    while i < size:
        char = text[i]
        if char == "\n":
            line, line_start = line + 1, i + 1
            i += 1
        elif char == "#":
            end = text.find("\n", i)
            end = size if end < 0 else end
            comments.append(Comment(line, i - line_start + 1, text[i:end].rstrip("\r")))
            i = end
        elif char in "\"'":
            quote = char * 3 if text.startswith(char * 3, i) else char
            end = _string_end(text, i + len(quote), quote)
            for offset in range(i, end):
                if text[offset] == "\n":
                    line, line_start = line + 1, offset + 1
            i = end
        else:
            i += 1
    return tuple(comments)


def _string_end(text: str, i: int, quote: str) -> int:
    """Index just past the string that started before `i`; lenient with broken files."""
    escapes = quote[0] == '"'
    size = len(text)
    while i < size:
        char = text[i]
        if escapes and char == "\\":
            i += 2
            continue
        if len(quote) == 1 and char == "\n":
            return i
        if text.startswith(quote, i):
            i += len(quote)
            if len(quote) == 3:
                extra = 0
                while extra < 2 and i < size and text[i] == quote[0]:
                    i, extra = i + 1, extra + 1
            return i
        i += 1
    return size


def strip_comments(text: str) -> str:
    """The text with comments removed; lines that held only a comment disappear."""
    by_line: dict[int, Comment] = {c.line: c for c in find_comments(text)}
    out: list[str] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        comment = by_line.get(number)
        if comment is None:
            out.append(raw)
            continue
        kept = raw[: comment.column - 1].rstrip()
        if kept:
            out.append(kept)
    return "\n".join(out)


@dataclass(frozen=True)
class RewriteNotice:
    """What saving through the writer would change beyond the edits themselves."""

    comments: tuple[Comment, ...] = ()
    reformatted: bool = False
    """Key order, quoting, number forms ("1m30s" becomes 90) or spacing would change."""

    @property
    def loses_anything(self) -> bool:
        return bool(self.comments) or self.reformatted

    def summary(self) -> str:
        parts: list[str] = []
        if self.comments:
            count = len(self.comments)
            lines = ", ".join(str(c.line) for c in self.comments[:6])
            more = ", ..." if count > 6 else ""
            parts.append(f"{plural(count, 'comment')} (line {lines}{more}) will be dropped")
        if self.reformatted:
            parts.append("the layout will change (key order, spacing, number forms)")
        if not parts:
            return "Saving keeps the file's layout."
        return "; ".join(parts).capitalize() + "."


def rewrite_notice(original: str) -> RewriteNotice:
    """Compare the file with what the writer makes of the same routine.

    Saving an unchanged routine should give back the same text; wherever it
    would not (comments aside), the writer would reformat the file.
    """
    comments = find_comments(original)
    try:
        ours = dumps_routine(parse_routine_bytes(original.encode("utf-8"), "file"))
    except RoutineError:
        # A wrong value: lay out what the file holds, in its own key order.
        try:
            ours = tomli_w.dumps(tomllib.loads(original), multiline_strings=True)
        except tomllib.TOMLDecodeError:
            return RewriteNotice(comments, reformatted=True)
    theirs = strip_comments(original.removeprefix("\ufeff"))
    same = _lines(ours) == _lines(theirs) and "\r" not in original
    return RewriteNotice(comments, reformatted=not same)


def _lines(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


# -- saving ------------------------------------------------------------------------


@dataclass(frozen=True)
class Saved:
    path: Path
    backup: Path | None
    """Where the replaced file now lives, or None when there was nothing to replace."""


def save_with_backup(routine: Routine, path: Path, *, now: datetime | None = None) -> Saved:
    """Back up the file on disk byte for byte, then write the routine atomically.

    If the write fails (full disk, killed process) the old file is untouched
    and the backup is a spare copy; no temporary file is left behind.
    """
    data = dumps_routine(routine).encode("utf-8")
    try:
        old = path.read_bytes()
    except FileNotFoundError:
        old = None
    backup = None
    if old is not None:
        if old == data:
            return Saved(path, None)
        backup = write_backup(path, old, now=now)
    atomic_write(path, data)
    return Saved(path, backup)


def write_backup(path: Path, data: bytes, *, now: datetime | None = None) -> Path:
    folder = backups_dir() / path.stem
    stamp = now or datetime.now()
    target = folder / f"{stamp.strftime(_STAMP)}.toml"
    while target.exists():
        stamp += timedelta(microseconds=1)
        target = folder / f"{stamp.strftime(_STAMP)}.toml"
    atomic_write(target, data)
    prune_backups(folder)
    return target


def backups_of(stem: str) -> list[Path]:
    """Backups of one routine, oldest first (the names sort by time)."""
    folder = backups_dir() / stem
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".toml")
    except OSError:
        return []


def prune_backups(folder: Path, keep: int = BACKUPS_KEPT) -> None:
    try:
        found = sorted(p for p in folder.iterdir() if p.suffix == ".toml")
    except OSError:
        return
    for old in found[: max(0, len(found) - keep)]:
        with contextlib.suppress(OSError):
            old.unlink()


def changed_on_disk(path: Path, loaded: bytes | None) -> bool:
    """Did someone else change the file since the editor read it?"""
    try:
        return path.read_bytes() != loaded
    except FileNotFoundError:
        return loaded is not None
    except OSError:
        return True


def user_copy_path(key: str) -> Path:
    """Where editing a built-in saves: the same file name in the user folder, so it wins."""
    return user_routines_dir() / f"{key}.toml"


# -- new files, never overwriting -------------------------------------------------------


def write_new_file(folder: Path, stem: str, data: bytes) -> Path:
    """Write `stem.toml`, or `stem-2.toml`... whichever is free; never replace a file.

    The data goes to a temporary file first and is linked into place, so a
    crash leaves no half-written routine and a race cannot overwrite one.
    """
    folder.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{stem}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        for number in range(1, 10_000):
            target = folder / (f"{stem}.toml" if number == 1 else f"{stem}-{number}.toml")
            try:
                _link_or_create(temp, target, data)
            except FileExistsError:
                continue
            return target
        raise BackcareError("Cannot save", f"{folder} has too many files named {stem}-N.toml")
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _link_or_create(temp: str, target: Path, data: bytes) -> None:
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:
        # Some file systems have no hard links; exclusive create is the next best.
        with target.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())


def move_to_trash(path: Path) -> Path:
    """Move a routine file into the trash folder and say where it went.

    The trash may be on another file system, so copy (without overwriting
    anything), then remove the original.
    """
    data = path.read_bytes()
    target = write_new_file(trash_dir(), path.stem, data)
    with contextlib.suppress(OSError):
        os.utime(target, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))
    try:
        path.unlink()
    except OSError:
        target.unlink()
        raise
    return target


# -- new and duplicated routines ---------------------------------------------------


STARTER = """\
# A backcare routine. `backcare help format` prints the full reference;
# `backcare check THIS_FILE` tells you about any mistake, with the line.
format = 1
{name_line}
description = "What this routine is for, in a sentence or two."
tags = ["custom"]
equipment = []
# Seconds to get ready before the first step.
prepare = 5
# Rest inserted between steps (not after the last one).
rest_between = 10

# A timed exercise: work for `duration` seconds ("45s", "2m", "1m30s" work too).
[[steps]]
name = "Arm circles"
instructions = "Stand tall, arms out to the sides. Draw small circles, then bigger ones."
cues = ["Keep the shoulders down", "Stop if you feel sharp pain"]
duration = 45

# A held exercise: hold for `hold` seconds, `reps` times, with `rest` between.
# `sets` and `set_rest` repeat it; `sides = "both"` does the left, then the right.
[[steps]]
name = "Shoulder blade squeeze"
instructions = "Sit tall. Draw the shoulder blades back and together, hold, release."
cues = ["Chin tucked", "Breathe normally"]
hold = 5
reps = 8
rest = 3

# A rest step: only `rest`.
[[steps]]
name = "Shake it out"
rest = 15

# Paced breathing: a preset (diaphragmatic, box, 4-7-8, coherent, extended-exhale)
# or a pattern like "4-7-8"; `cycles` or `minutes`.
[[steps]]
name = "Belly breathing"
instructions = "One hand on the belly. Let it rise as you breathe in, fall as you breathe out."
breathing = "diaphragmatic"
minutes = 1
"""

"""The one new-routine template: `backcare new` writes it with its comments, the
editor's "new routine" starts from the routine it describes."""


def starter_text(name: str) -> str:
    """The commented template with `name` filled in, as a routine file's text."""
    name_line = tomli_w.dumps({"name": name}).strip()
    return STARTER.format(name_line=name_line)


def template_routine(name: str = "My routine") -> Routine:
    """What "new routine" starts from: one step of each shape, easy to change."""
    return parse_routine_bytes(starter_text(name).encode("utf-8"), "template")


COPY = " (copy)"


def copy_name(name: str) -> str:
    """ "Cat (copy)": the name cut short when needed, so the copy's name always differs."""
    if name.endswith(COPY.strip()):
        return name
    return name[: MAX_NAME_LENGTH - len(COPY)].rstrip() + COPY


def duplicate_routine(source: Path, routine: Routine, folder: Path | None = None) -> Path:
    """A copy in the user folder, named "NAME (copy)", under a free file name.

    The file is copied as text with only the name line changed, so its
    comments and layout survive; when that cannot be done safely, the copy
    is written by the writer instead.
    """
    folder = folder or user_routines_dir()
    renamed = replace(routine, name=copy_name(routine.name))
    data = dumps_routine(renamed).encode("utf-8")
    with contextlib.suppress(OSError):
        text = source.read_text(encoding="utf-8")
        kept = _rename_in_text(text, renamed)
        if kept is not None:
            data = kept.encode("utf-8")
    return write_new_file(folder, slug(renamed.name), data)


def _rename_in_text(text: str, renamed: Routine) -> str | None:
    """Swap the top-level `name = ...` line; None unless the result means exactly `renamed`."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("["):
            return None
        if stripped.startswith("name") and stripped[4:].lstrip().startswith("="):
            lines[index] = tomli_w.dumps({"name": renamed.name}).strip()
            candidate = "\n".join(lines)
            try:
                again = parse_routine_bytes(candidate.encode("utf-8"), "copy")
            except RoutineError:
                return None
            return candidate if again == renamed else None
    return None
