"""Parsed stylesheets kept between runs (a start-up speed-up for the pinned Textual).

Textual parses every stylesheet source it is given, each widget's DEFAULT_CSS
and each section of backcare.tcss, on every start: about 7 ms before home's
first frame and 9 ms before the player's, against 3 ms for a bare app. What a
source parses to depends only on its text, where it comes from and the
theme's CSS variables, so `backcare` (not the tests, which never call
`keep_in`) keeps the parsed rules in the cache folder, one file per source and
set of variables.

A file holds first a stamp, in plain Python values: the source's text, its
location and options, the variables, and which Textual wrote it (its path and
modification time). The rules after it are unpickled only when the stamp is
exactly this run's; otherwise the source is parsed as usual and the file
written again. A file that cannot be read or written costs the parse, nothing
else. The files are only ever read by the user who wrote them, from their own
cache folder; like Python's own bytecode caches, they are trusted as such.
"""

from __future__ import annotations

import os
import pickle
import re
import zlib
from contextlib import suppress
from pathlib import Path
from typing import Any

import textual
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

TEXTUAL_PARSE_RULES = Stylesheet._parse_rules
_folder: Path | None = None
_textual: tuple[str, int] | None = None
_digests: dict[int, tuple[dict[str, str], str]] = {}


def keep_in(folder: Path | None) -> None:
    """Keep parsed rules in `folder` from now on (None: parse every time, as Textual does)."""
    global _folder
    _folder = folder


def _which_textual() -> tuple[str, int]:
    global _textual
    if _textual is None:
        init = textual.__file__ or ""
        _textual = (init, os.stat(init).st_mtime_ns if init else 0)
    return _textual


def _variables_digest(variables: dict[str, str]) -> str:
    """A short name for a set of CSS variables (a theme), worked out once per dict."""
    known = _digests.get(id(variables))
    if known is not None and known[0] is variables:
        return known[1]
    digest = f"{zlib.crc32(repr(sorted(variables.items())).encode()):08x}"
    if len(_digests) > 8:  # a theme or two per run; never a pile of old dicts
        _digests.clear()
    _digests[id(variables)] = (variables, digest)
    return digest


def _file_for(folder: Path, place: tuple[Any, ...], variables: dict[str, str]) -> Path:
    """One file per source (its location and options) and set of variables."""
    (path, name), *_ = place
    where = zlib.crc32(repr(place).encode())
    readable = re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{Path(path).name}-{name}")[:60]
    return folder / f"{readable}-{where:08x}-{_variables_digest(variables)}.pickle"


def _read(path: Path, stamp: tuple[Any, ...]) -> list[RuleSet] | None:
    try:
        with path.open("rb") as file:
            if pickle.load(file) != stamp:
                return None
            rules = pickle.load(file)
    except Exception:  # missing, unreadable, cut short, from another Python: parse instead
        return None
    if not isinstance(rules, list) or not all(isinstance(rule, RuleSet) for rule in rules):
        return None
    return rules


def _write(path: Path, stamp: tuple[Any, ...], rules: list[RuleSet]) -> None:
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as file:
            pickle.dump(stamp, file, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(rules, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except Exception:  # a read-only or full disk: the next start parses again
        with suppress(OSError):
            partial.unlink(missing_ok=True)


def _parse_rules(
    self: Stylesheet,
    css: str,
    read_from: CSSLocation,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list[RuleSet]:
    folder = _folder
    key = (css, read_from, is_default_rules, tie_breaker, scope)
    if folder is None or not read_from[0] or key in self._parse_cache:
        # No folder, a source with no place (named by its text's per-run hash), or parsed already
        return TEXTUAL_PARSE_RULES(self, css, read_from, is_default_rules, tie_breaker, scope)
    variables = self._variables
    stamp = (css, read_from, is_default_rules, tie_breaker, scope, variables, _which_textual())
    path = _file_for(folder, key[1:], variables)
    rules = _read(path, stamp)
    if rules is not None:
        self._parse_cache[key] = rules
        return rules
    rules = TEXTUAL_PARSE_RULES(self, css, read_from, is_default_rules, tie_breaker, scope)
    if not any(rule.errors for rule in rules):
        _write(path, stamp, rules)
    return rules


def apply() -> None:
    Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]
