"""Routines from other tools' files: the format is read from the content, not the name.

Each format has its own module; this one reads the file, tells the formats
apart, and hands back one `Imported` (or `ImportFailure`) per routine.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from .base import Imported, ImportFailure, checked
from .breathe_log import is_breathe_log
from .nafas import import_nafas, is_nafas
from .openhiit import import_openhiit, is_openhiit
from .workrave import import_workrave

__all__ = ["EXPECTED", "ImportFailure", "Imported", "import_file", "read_source"]

MAX_IMPORT_BYTES = 5 * 1024 * 1024
EXPECTED = (
    'expected a Workrave exercises.xml, a nafas program (JSON with "ratio"), '
    'or an OpenHIIT export (a JSON list of timers with "timeSettings")'
)


def read_source(path: Path) -> bytes:
    shown = str(path)
    try:
        if path.is_dir():
            raise ImportFailure(shown, "is a folder; give the file inside it")
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImportFailure(shown, f"is {size / 1024 / 1024:.1f} MiB; at most 5 MiB is read")
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportFailure(shown, "no such file") from None
    except OSError as error:
        raise ImportFailure(shown, f"cannot read it: {error.strerror or error}") from None


def import_file(path: Path, languages: Sequence[str]) -> list[Imported | ImportFailure]:
    """Every routine in the file, each checked as `backcare check` would; raises
    ImportFailure when the file as a whole is not something we can import."""
    shown = str(path)
    data = read_source(path)
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        results: list[Imported | ImportFailure] = [import_workrave(data, shown, languages)]
    elif text.startswith((b"{", b"[")):
        results = _from_json(text, shown, path.stem)
    elif is_breathe_log(text):
        raise ImportFailure(
            shown,
            "this is a breathe-cli session log, not a routine; add it to your history with "
            "`backcare history --import FILE`",
        )
    else:
        raise ImportFailure(shown, f"not a format backcare can import; {EXPECTED}")
    return [r if isinstance(r, ImportFailure) else _checked(r, shown) for r in results]


def _checked(imported: Imported, path: str) -> Imported | ImportFailure:
    try:
        return checked(imported, path)
    except ImportFailure as failure:
        return failure


def _from_json(text: bytes, path: str, stem: str) -> list[Imported | ImportFailure]:
    try:
        data = json.loads(text.decode("utf-8"))
    except UnicodeDecodeError:
        raise ImportFailure(path, "not UTF-8 text; JSON files are UTF-8") from None
    except json.JSONDecodeError as error:
        raise ImportFailure(
            path, f"line {error.lineno}, column {error.colno}: not valid JSON ({error.msg})"
        ) from None
    except RecursionError:
        raise ImportFailure(path, "JSON nested too deeply to be a routine") from None
    if is_nafas(data):
        return [import_nafas(data, path, stem)]
    if is_openhiit(data):
        return import_openhiit(data, path)
    raise ImportFailure(path, f"JSON, but not a format backcare can import; {EXPECTED}")
