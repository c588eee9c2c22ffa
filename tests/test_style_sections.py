"""backcare.tcss is read a section at a time, as screens first show (issue 17, start-up)."""

from __future__ import annotations

from pathlib import Path

import pytest
from apps import AppFactory
from textual.css.stylesheet import Stylesheet

from backcare_tui.screens.breathing import BreathingScreen
from backcare_tui.screens.confirm import ConfirmScreen
from backcare_tui.screens.editor import EditorScreen
from backcare_tui.screens.help import HelpScreen
from backcare_tui.screens.home import HomeScreen
from backcare_tui.screens.note import NoteScreen
from backcare_tui.screens.notice import NoticeScreen
from backcare_tui.screens.pain import PainCheckScreen
from backcare_tui.screens.player import PlayerScreen
from backcare_tui.screens.settings_screen import SettingsScreen
from backcare_tui.screens.stats import StatsScreen
from backcare_tui.screens.summary import SummaryScreen
from backcare_tui.style_sections import COMMON, StyleSections, split_sections

STYLESHEET = Path(__file__).parent.parent / "backcare_tui" / "backcare.tcss"
NAMED: list[tuple[str, ...]] = [
    BreathingScreen.STYLE_SECTIONS,
    ConfirmScreen.STYLE_SECTIONS,
    EditorScreen.STYLE_SECTIONS,
    HelpScreen.STYLE_SECTIONS,
    HomeScreen.STYLE_SECTIONS,
    NoteScreen.STYLE_SECTIONS,
    NoticeScreen.STYLE_SECTIONS,
    PainCheckScreen.STYLE_SECTIONS,
    PlayerScreen.STYLE_SECTIONS,
    SettingsScreen.STYLE_SECTIONS,
    StatsScreen.STYLE_SECTIONS,
    SummaryScreen.STYLE_SECTIONS,
]
"""What each screen of the app names."""


def test_sections_keep_their_line_numbers() -> None:
    text = "A { }\n\n/* --- one --- */\nB { }\n/* --- two words --- */\nC { }\n"
    sections = split_sections(text)
    assert list(sections) == [COMMON, "one", "two words"]
    assert sections[COMMON] == "A { }\n\n"
    assert sections["one"].splitlines()[3] == "B { }"
    assert sections["two words"].splitlines()[5] == "C { }"
    assert "C" not in sections["one"] and "B" not in sections["two words"]


def test_every_section_is_used_by_a_screen_and_every_name_is_a_section() -> None:
    """A section no screen names would never be read; a misspelt name, never found."""
    named = {name for names in NAMED for name in names}
    assert named == set(split_sections(STYLESHEET.read_text(encoding="utf-8"))) - {COMMON}


def test_the_sections_together_are_the_whole_file() -> None:
    text = STYLESHEET.read_text(encoding="utf-8")
    joined = "".join(part.lstrip("\n") for part in split_sections(text).values())
    assert joined.split() == text.split()


def test_a_section_is_added_once_and_an_unknown_one_is_an_error() -> None:
    sections = StyleSections(STYLESHEET)
    stylesheet = Stylesheet()
    assert sections.add(stylesheet, ["home"]) is True
    assert sections.add(stylesheet, ["home"]) is False
    assert len(stylesheet.source) == 2
    with pytest.raises(KeyError, match="no section hme"):
        sections.add(stylesheet, ["hme"])


async def test_home_starts_with_its_own_rules_and_a_screen_brings_its_own(
    app_with: AppFactory,
) -> None:
    app = app_with()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.style_sections.added == {COMMON, "home"}
        app.action_settings()
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert app.style_sections.added == {COMMON, "home", "settings"}
        # `#settings-title { padding: 0 1; ... }` is in the settings section
        assert app.screen.query_one("#settings-title").styles.padding.left == 1
