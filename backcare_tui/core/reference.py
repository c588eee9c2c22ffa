"""The routine format reference, shipped inside the package so an installed
backcare can show it (`backcare help format`, the help screen)."""

from __future__ import annotations

from pathlib import Path

NAME = "routine-format.md"


def reference_path() -> Path:
    """Inside the installed wheel (pyproject force-includes docs/routine-format.md),
    or the repository's docs/ in an editable install."""
    package = Path(__file__).resolve().parent.parent
    shipped = package / "docs" / NAME
    if shipped.is_file():
        return shipped
    return package.parent / "docs" / NAME


def format_reference() -> str:
    return reference_path().read_text(encoding="utf-8")
