"""backcare.tcss a section at a time: a screen's rules are parsed when it is first shown.

The stylesheet stays one file, in sections headed `/* --- name --- */`. What
comes before the first section applies to every screen and is parsed at
start; a screen names the sections it uses in `STYLE_SECTIONS`, and the app
adds those to Textual's stylesheet just before the screen is first shown.
Textual parses each new source once and keeps the others parsed, so home
starts without parsing the rules of screens it has not opened (most of the
file), and each screen pays for its own rules the first time it opens.

The sections' selectors do not overlap (each names its own screen's ids and
classes), so the order in which they are added changes nothing. Each section
is padded with the lines before it, so an error in it names the line of the
file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from textual.css.stylesheet import Stylesheet

HEADING = re.compile(r"^/\* --- (.+?) --- \*/$", re.MULTILINE)
COMMON = ""
"""The part before the first section: rules for every screen."""


def split_sections(text: str) -> dict[str, str]:
    """The common part (under COMMON) and each section under its name, in file order."""
    headings = list(HEADING.finditer(text))
    sections = {COMMON: text[: headings[0].start()] if headings else text}
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        padding = "\n" * text.count("\n", 0, heading.start())
        sections[heading.group(1)] = padding + text[heading.start() : end]
    return sections


class StyleSections:
    """The sections of one stylesheet file and which of them a Textual stylesheet has."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sections = split_sections(path.read_text(encoding="utf-8"))
        self.added: set[str] = set()

    def add(self, stylesheet: Stylesheet, names: Iterable[str]) -> bool:
        """Add the common part and the sections named, those not added yet; True if any was.

        A name the file does not have raises KeyError: a misspelt section would
        otherwise leave a screen unstyled without a word.
        """
        wanted = [COMMON, *names]
        missing = [name for name in wanted if name not in self.sections]
        if missing:
            raise KeyError(f"{self.path.name} has no section {', '.join(missing)}")
        new = [name for name in wanted if name not in self.added]
        for name in new:
            stylesheet.add_source(
                self.sections[name],
                read_from=(str(self.path), "" if name == COMMON else name),
                is_default_css=False,
            )
            self.added.add(name)
        return bool(new)
