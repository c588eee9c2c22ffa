"""The person's languages, from the environment, most wanted first, the way gettext reads them."""

from __future__ import annotations

import os
from collections.abc import Mapping


def preferred_languages(environ: Mapping[str, str] | None = None) -> list[str]:
    """ "de_AT.UTF-8" -> ["de_at", "de"]; LANGUAGE's list first, then LC_ALL, LC_MESSAGES, LANG."""
    env = os.environ if environ is None else environ
    names = [n for n in env.get("LANGUAGE", "").split(":") if n]
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(key):
            names.append(env[key])
            break
    result: list[str] = []
    for name in names:
        base = name.split(".")[0].split("@")[0].replace("-", "_").lower()
        if not base or base in ("c", "posix"):
            continue
        for candidate in (base, base.split("_")[0]):
            if candidate not in result:
                result.append(candidate)
    return result


def language_tag(tag: str) -> str:
    """ "de-AT" and "de_AT" alike, for comparing with preferred_languages()."""
    return tag.strip().replace("-", "_").lower()
