"""The README's routine example is a valid routine, and its set-up commands come first."""

from __future__ import annotations

import re
from pathlib import Path

from backcare_tui.core.loader import parse_routine_text

README = (Path(__file__).parent.parent / "README.md").read_text()


def test_readme_example_routine_loads() -> None:
    blocks = re.findall(r"```toml\n(.*?)```", README, re.S)
    assert blocks
    for block in blocks:
        assert parse_routine_text(block, "README.md").steps


def test_readme_opens_with_the_two_set_up_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first_block is not None
    commands = [line.split("#")[0].strip() for line in first_block.group(1).splitlines()]
    assert commands == ["make run", "make test"]
    assert README.index("make run") < README.index("backcare guides")
