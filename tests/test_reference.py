"""core/reference.py: which copy of the routine format reference `backcare help format` and
the help screen read, in an installed wheel and in a source checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcare_tui.core import reference
from backcare_tui.core.reference import format_reference, reference_path

REPOSITORY = Path(__file__).resolve().parent.parent


def test_a_source_checkout_reads_the_repositorys_docs() -> None:
    assert reference_path() == REPOSITORY / "docs" / "routine-format.md"
    text = format_reference()
    assert text == (REPOSITORY / "docs" / "routine-format.md").read_text(encoding="utf-8")
    assert text.startswith("# ")


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A package laid out as elsewhere on disk: site-packages/backcare_tui/core/reference.py."""
    package = tmp_path / "site-packages" / "backcare_tui"
    (package / "core").mkdir(parents=True)
    monkeypatch.setattr(reference, "__file__", str(package / "core" / "reference.py"))
    return package


def test_an_installed_wheel_reads_the_copy_shipped_inside_it(installed: Path) -> None:
    (installed / "docs").mkdir()
    (installed / "docs" / "routine-format.md").write_text("# Shipped — café\n", encoding="utf-8")
    (installed.parent / "docs").mkdir()
    (installed.parent / "docs" / "routine-format.md").write_text("# Beside\n", encoding="utf-8")
    assert reference_path() == installed / "docs" / "routine-format.md"
    assert format_reference() == "# Shipped — café\n"


def test_without_a_shipped_copy_the_docs_beside_the_package_are_read(installed: Path) -> None:
    (installed / "docs" / "routine-format.md").mkdir(parents=True)  # a folder is not the file
    (installed.parent / "docs").mkdir()
    (installed.parent / "docs" / "routine-format.md").write_text("# Beside\n", encoding="utf-8")
    assert reference_path() == installed.parent / "docs" / "routine-format.md"
    assert format_reference() == "# Beside\n"
