"""Today and levels in a real terminal: what a person sees, and what lands on disk."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sessions import a_session
from terminal import config_file, history_file, terminal

from backcare_tui.core.history import record_session
from backcare_tui.core.resets import resets_file
from backcare_tui.core.weekplan import weekday_key

SHORT = """\
name = "Short hold"
prepare = 0

[[steps]]
name = "Wall sit"
hold = 11
progress = { hold = "+2s", hold_max = "20s", every = 1 }
"""


@pytest.mark.slow
def test_t_on_home_plays_todays_plan_e_is_stored_and_the_level_moves(user_routines: Path) -> None:
    (user_routines / "short-hold.toml").write_text(SHORT)
    config_file().parent.mkdir(parents=True, exist_ok=True)
    day = weekday_key(date.today())
    config_file().write_text(
        f'notice_seen = true\nsound = false\nplan = {{ {day} = "short-hold" }}\n'
    )
    with terminal() as term:
        term.wait_for("Today  Short hold · 11s", "in your plan")
        term.send("t")
        term.wait_for("Wall sit")
        term.wait_for("e: felt easy", timeout=30)  # the summary, once the hold is over
        term.send("e")
        term.wait_for("Felt easy: this session counts as two")
        term.send("\r")
        screen = term.wait_for("Today  done")
        assert "Done today: Short hold" in screen
        term.send("q")
        assert term.wait_exit() == 0
    with sqlite3.connect(history_file()) as db:
        rows = db.execute(
            "SELECT routine_name, planned_seconds, completion, feedback FROM sessions"
        ).fetchall()
    assert rows == [("Short hold", 11.0, "completed", "easy")]
    with terminal("show", "short-hold", columns=120) as term:
        assert term.wait_exit() == 0
        assert "Wall sit: level 1 of 5 · hold 13s · was hold 11s" in term.text()


def test_progress_reset_with_yes_writes_the_marker_and_keeps_history(
    user_routines: Path,
) -> None:
    (user_routines / "short-hold.toml").write_text(SHORT)
    for n in range(2):
        start = datetime(2026, 11, 1, 9, tzinfo=UTC) + timedelta(days=n)
        record_session(a_session(start, name="Short hold", planned=11, steps=1))
    with terminal("progress", "short-hold", "--reset", "--yes", columns=120) as term:
        assert term.wait_exit() == 0
        assert "Short hold is back at level 0." in term.text()
    assert 'routine = "Short hold"' in resets_file().read_text()
    with sqlite3.connect(history_file()) as db:
        assert db.execute("SELECT count(*) FROM sessions").fetchone() == (2,)
    with terminal("show", "short-hold", columns=120) as term:
        assert term.wait_exit() == 0
        assert "Wall sit: level 0 of 5 · hold 11s" in term.text()
