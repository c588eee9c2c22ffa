"""Untrusted text from routine files: no terminal escapes, no control characters."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and bidi overrides that
# can make text read differently from what it is.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile(r"[\t\n]+")


def clean_text(text: str) -> str:
    """Keep tabs and newlines (instructions may have paragraphs), drop other controls."""
    if text.isprintable():  # every character the patterns remove is unprintable; 5 % of a scan
        return text
    return _CONTROL.sub("", text.replace("\r\n", "\n"))


def clean_line(text: str) -> str:
    """One line for lists, cues and messages: controls dropped, breaks made spaces."""
    if text.isprintable():
        return text
    return _LINE_BREAKS.sub(" ", clean_text(text))


def plural(count: int, word: str) -> str:
    """ "1 step", "2 steps": the count and the word, with an s unless the count is 1."""
    return f"{count} {word}{'s' if count != 1 else ''}"
