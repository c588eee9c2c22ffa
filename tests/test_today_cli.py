"""`backcare today`: the home screen's answer on the command line, as text or JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sessions import a_session

from backcare_tui.cli.main import main
from backcare_tui.core.history import record_session
from backcare_tui.core.paths import config_file


def played(name: str, day: date, hour: int = 9) -> None:
    start = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    record_session(a_session(start, name=name, planned=300, steps=5))


def test_json_answer_for_a_plan_day(capsys: pytest.CaptureFixture[str]) -> None:
    config_file().parent.mkdir(parents=True, exist_ok=True)
    config_file().write_text('plan = { fri = "core-support" }\nweekly_goal = 4\n')
    played("Desk break", date(2026, 11, 23))
    assert main(["today", "--json", "--date", "2026-11-27"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer == {
        "date": "2026-11-27",
        "weekday": "fri",
        "done": False,
        "source": "plan",
        "routine": {
            "name": "Core support",
            "file": "core-support",
            "level": 0,
            "seconds": 603.0,
            "length": "10m 03s",
        },
        "reason": "Friday in your plan",
        "week": {"sessions": 1, "goal": 4, "to_go": 3},
        "done_at": None,
    }


def test_text_answer_when_done(capsys: pytest.CaptureFixture[str]) -> None:
    played("Posture reset", date(2026, 11, 27), hour=8)
    assert main(["today", "--date", "2026-11-27"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "Friday 2026-11-27: done",
        "Done today: Posture reset at "
        + _local("2026-11-27T08:00:00+00:00")
        + " · 2 more this week to reach 3",
    ]
    assert main(["today", "--json", "--date", "2026-11-27"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["done"] is True and answer["routine"] is None and answer["source"] == "done"


def _local(stamp: str) -> str:
    return datetime.fromisoformat(stamp).astimezone().strftime("%H:%M")


def test_a_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["today", "--date", "27/11/2026"])
    assert exit_.value.code == 2
    assert (
        'expected a date like 2026-03-04 (YYYY-MM-DD), got "27/11/2026"' in capsys.readouterr().err
    )


def test_the_console_script_answers_without_textual(isolated_home: Path) -> None:
    """The real script, as a reminder or a status bar would call it."""
    played("Desk break", date.today() - timedelta(days=2))
    script = Path(sys.executable).with_name("backcare")
    done = subprocess.run(
        [str(script), "today", "--json"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
        env=dict(os.environ),
    )
    answer = json.loads(done.stdout)
    assert answer["date"] == date.today().isoformat()
    assert answer["routine"]["file"] == "desk-break"
    assert answer["reason"] == "A favourite, last done 2 days ago"
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from backcare_tui.cli.main import main; main(['today']); "
            "print('textual' in sys.modules, file=sys.stderr)",
        ],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    assert probe.stderr.strip().splitlines()[-1] == "False"
