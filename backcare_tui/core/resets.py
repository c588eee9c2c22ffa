"""Level resets: a time stamp per reset, so `progress --reset` never deletes a session.

Kept beside the history in `progress-resets.toml` rather than in the
database, so the session log keeps one meaning (what was played) and a
reset can be undone by deleting a line. Sessions before a routine's last
reset no longer count towards its levels.
"""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import BackcareError
from .paths import data_dir

HEADER = (
    "# backcare: when each routine's levels were reset to 0 (backcare progress --reset).\n"
    "# Sessions before a reset no longer count towards levels; none is deleted.\n"
    "# Remove an entry to undo its reset.\n"
)


def resets_file() -> Path:
    return data_dir() / "progress-resets.toml"


def _key(name: str) -> str:
    return name.strip().casefold()


def load_resets(path: Path | None = None) -> dict[str, list[datetime]]:
    """Reset moments by routine name (case-folded); a missing file has none.

    Raises `BackcareError` for a file that cannot be read or does not parse,
    naming it, since silently ignoring it would bring old levels back.
    """
    path = path or resets_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise BackcareError("Level resets unreadable", f"{path}: {error}") from error
    resets: dict[str, list[datetime]] = {}
    for item in data.get("reset", []):
        if not isinstance(item, dict):
            continue
        name, at = item.get("routine"), item.get("at")
        if isinstance(name, str) and isinstance(at, datetime):
            moment = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
            resets.setdefault(_key(name), []).append(moment)
    return resets


def resets_for(resets: dict[str, list[datetime]], name: str) -> list[datetime]:
    return resets.get(_key(name), [])


def add_reset(name: str, at: datetime, path: Path | None = None) -> None:
    """Append a reset for routine `name` at `at` (timezone-aware), atomically."""
    path = path or resets_file()
    data: dict[str, Any] = {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        pass
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise BackcareError("Level reset not saved", f"{path}: {error}") from error
    items = [i for i in data.get("reset", []) if isinstance(i, dict)]
    items.append({"routine": name, "at": at.astimezone(UTC).replace(microsecond=0)})
    data["reset"] = items
    import tomli_w  # only writing needs these; reading levels happens on every start

    from .atomic import atomic_write

    try:  # atomic_write makes the folder: a disk that refuses it is said like any write error
        atomic_write(path, (HEADER + tomli_w.dumps(data)).encode("utf-8"))
    except OSError as error:
        raise BackcareError("Level reset not saved", f"{path}: {error}") from error
