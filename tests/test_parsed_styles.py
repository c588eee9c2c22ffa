"""backcare_tui/parsed_styles.py: parsed stylesheets kept between runs are used only when
they were parsed from the same text, place, variables and Textual, and change nothing
on the screen; anything wrong with the files costs a parse, never an error."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from apps import AppFactory
from terminal import CTRL_Q, terminal
from textual.css import stylesheet as stylesheet_module
from textual.css.stylesheet import Stylesheet, StylesheetParseError

from backcare_tui import parsed_styles

CSS = "Label { color: red; }\n#big { text-style: bold; padding: 1 2; }\n"
PLACE = ("/somewhere/widgets.py", "Big.DEFAULT_CSS")


@pytest.fixture
def kept(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "styles"
    parsed_styles.keep_in(folder)
    yield folder
    parsed_styles.keep_in(None)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources Textual's parser was run on (not read from a kept file), by place."""
    parsed: list[str] = []
    textual_parse = stylesheet_module.parse  # type: ignore[attr-defined]

    def parse(scope: str, css: str, read_from: tuple[str, str], **options: Any) -> Any:
        parsed.append(read_from[1])
        return textual_parse(scope, css, read_from, **options)

    monkeypatch.setattr(stylesheet_module, "parse", parse)
    return parsed


def rules_of(css: str = CSS, variables: dict[str, str] | None = None) -> str:
    """A fresh stylesheet's rules from `css`, written back out as TCSS."""
    sheet = Stylesheet(variables=variables or {})
    sheet.add_source(css, read_from=PLACE, is_default_css=True)
    return sheet.css


@pytest.mark.usefixtures("kept")
def test_a_source_is_parsed_once_then_read_back_the_same(parses: list[str]) -> None:
    first = rules_of()
    assert parses == ["Big.DEFAULT_CSS"]
    assert rules_of() == first
    assert parses == ["Big.DEFAULT_CSS"], "the second stylesheet read the kept rules"


@pytest.mark.usefixtures("kept")
def test_a_changed_source_is_parsed_again(parses: list[str]) -> None:
    rules_of()
    changed = CSS.replace("red", "blue")
    assert "#0000FF" in rules_of(changed)
    assert parses == ["Big.DEFAULT_CSS", "Big.DEFAULT_CSS"]
    rules_of(changed)
    assert len(parses) == 2, "and kept in place of the old one"


def test_each_theme_keeps_its_own_rules(kept: Path, parses: list[str]) -> None:
    themed = "Label { color: $accent; }\n"
    red = rules_of(themed, {"accent": "red"})
    blue = rules_of(themed, {"accent": "blue"})
    assert red != blue
    assert (rules_of(themed, {"accent": "red"}), rules_of(themed, {"accent": "blue"})) == (
        red,
        blue,
    )
    assert len(parses) == 2 and len(list(kept.iterdir())) == 2


def test_rules_kept_by_another_textual_are_not_used(
    kept: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rules_of()
    monkeypatch.setattr(parsed_styles, "_textual", ("/elsewhere/textual/__init__.py", 1))
    rules_of()
    assert len(parses) == 2


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_file_costs_a_parse_and_is_written_again(
    kept: Path, parses: list[str], damage: bytes
) -> None:
    first = rules_of()
    (file,) = kept.iterdir()
    file.write_bytes(damage)
    assert rules_of() == first
    assert rules_of() == first
    assert len(parses) == 2, "parsed again once, then read from the file written anew"


def test_a_folder_in_the_way_of_a_file_costs_a_parse_each_time(
    tmp_path: Path, parses: list[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder would go", encoding="utf-8")
    parsed_styles.keep_in(blocker / "styles")
    try:
        assert rules_of() == rules_of()
    finally:
        parsed_styles.keep_in(None)
    assert len(parses) == 2


def test_sources_with_errors_are_never_kept(kept: Path) -> None:
    with pytest.raises(StylesheetParseError):
        rules_of("Label { colour: red; }")
    assert not kept.exists() or list(kept.iterdir()) == []


def test_without_a_folder_nothing_is_kept(tmp_path: Path, parses: list[str]) -> None:
    rules_of()
    rules_of()
    assert len(parses) == 2


@pytest.mark.usefixtures("kept")
async def test_home_looks_the_same_from_kept_rules(app_with: AppFactory, parses: list[str]) -> None:
    shots = []
    parsed_by_each = []
    for _ in range(2):
        app = app_with()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            shots.append(app.export_screenshot(simplify=True))
        parsed_by_each.append(list(parses))
        parses.clear()
    assert shots[0] == shots[1]
    assert "Label.DEFAULT_CSS" in parsed_by_each[0]
    assert parsed_by_each[1] == [], "the second app read every source from the kept files"


@pytest.mark.script
def test_the_app_keeps_its_parsed_styles_in_the_cache_folder() -> None:
    """The console script, twice: the first run writes the files, the second only reads."""
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "backcare" / "styles"
    for run in range(2):
        with terminal() as term:
            term.wait_for("pick a routine")
            term.send(CTRL_Q)
            assert term.wait_exit() == 0
        if run == 0:
            written = {f.name: f.stat().st_mtime_ns for f in folder.iterdir()}
    assert any(name.startswith("backcare.tcss-home-") for name in written)
    assert {f.name: f.stat().st_mtime_ns for f in folder.iterdir()} == written
