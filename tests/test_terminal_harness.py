"""The pty harness itself: the real console script starts, draws home, and quits."""

from __future__ import annotations

import pytest
from terminal import CTRL_Q, terminal

pytestmark = pytest.mark.script


def test_the_app_starts_in_a_terminal_and_quits_on_ctrl_q() -> None:
    with terminal() as term:
        screen = term.wait_for("Desk break")
        assert "backcare" in screen
        term.send(CTRL_Q)
        assert term.wait_exit() == 0


def test_a_plain_command_prints_and_exits() -> None:
    with terminal("list", columns=120) as term:
        assert term.wait_exit() == 0
        assert "Desk break" in term.text()
