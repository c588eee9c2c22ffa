"""`backcare list` and `show` without Rich write what Rich wrote (cli/plain_table.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from backcare_tui.cli import listing
from backcare_tui.cli.listing import _print_list_rich, print_list, print_plan
from backcare_tui.cli.plain_table import cell_len, wrap
from backcare_tui.core.library import routine_folders, scan


@pytest.mark.parametrize("ascii_only", [False, True])
def test_list_is_what_rich_drew(
    capsys: pytest.CaptureFixture[str], user_routines: Path, ascii_only: bool
) -> None:
    (user_routines / "wide.toml").write_text(
        'name = "Wide 日本語 name"\ntags = ["a", "b"]\n[[steps]]\nname = "x"\nduration = 5\n'
    )
    (user_routines / "bad.toml").write_text('name = "Bad"\n[[steps]]\nname = "x"\nduration = -5\n')
    library = scan(routine_folders([]))
    assert print_list(library, ascii_only=ascii_only) == 0
    ours = capsys.readouterr().out
    rows: list[tuple[str, ...]] = []

    def capture(_: object, found: list[tuple[str, ...]], *, ascii_only: bool) -> None:
        rows.extend(found)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(listing, "_print_list_rich", capture)
        patch.setenv("FORCE_COLOR", "")  # not plain enough: the rows go to Rich
        print_list(library, ascii_only=ascii_only)
    assert rows
    capsys.readouterr()
    _print_list_rich(library, rows, ascii_only=ascii_only)
    assert ours == capsys.readouterr().out
    assert "Wide 日本語 name" in ours and "Broken routine files (1):" in ours


@pytest.mark.parametrize(
    "text",
    [
        "",
        "desk-break",
        "Desk Break ~!",
        "Wide 日本語 name",
        "café",
        "tab\there",
        "bell\x07",
        "é\u0301",
    ],
)
def test_cell_len_is_rich_cell_len(text: str) -> None:
    """The ASCII shortcut counts what Rich counts; other text goes to Rich."""
    from rich.cells import cell_len as rich_cell_len

    assert cell_len(text) == rich_cell_len(text)


@pytest.mark.parametrize("width", [8, 20, 33, 60])
def test_wrap_is_rich_wrap(width: int) -> None:
    text = "  tmp/bad.toml:4:15: Expected newline or end of document after a value " + "x" * 70
    console = Console(width=width, color_system=None)
    lines = Text(text).wrap(console, width)
    assert wrap(text, width) == [line.plain for line in lines]


@pytest.mark.parametrize("ascii_only", [False, True])
def test_show_is_what_rich_drew(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, ascii_only: bool
) -> None:
    entry = next(e for e in scan(routine_folders([])).entries if e.key == "full-session")
    assert entry.routine is not None
    assert print_plan(entry.routine, entry.path, ascii_only=ascii_only) == 0
    ours = capsys.readouterr().out
    monkeypatch.setenv("FORCE_COLOR", "")  # not plain enough: Rich draws, to a pipe
    assert print_plan(entry.routine, entry.path, ascii_only=ascii_only) == 0
    assert ours == capsys.readouterr().out
    assert "Total:" in ours and "Step time" in ours
