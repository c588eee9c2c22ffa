"""`BACKCARE_NOW` sets the wall clock the reminders and the status line read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest

from backcare_tui.core.errors import BackcareError
from backcare_tui.core.wall_clock import wall_clock


@pytest.fixture
def tokyo(machine_zone: Callable[[str], None]) -> None:
    """The person's zone is Tokyo (+09:00, no summer time), whatever the machine's is."""
    machine_zone("Asia/Tokyo")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2026-11-30T10:00", datetime(2026, 11, 30, 10, tzinfo=timezone(timedelta(hours=9)))),
        (" 2026-11-30T10:00:00+00:00\n", datetime(2026, 11, 30, 10, tzinfo=UTC)),
        (
            "2026-11-30T10:00-05:00",
            datetime(2026, 11, 30, 10, tzinfo=timezone(timedelta(hours=-5))),
        ),
    ],
    ids=["no zone: the person's", "UTC as given", "another zone kept"],
)
def test_backcare_now_sets_the_clock(
    tokyo: None, monkeypatch: pytest.MonkeyPatch, given: str, expected: datetime
) -> None:
    monkeypatch.setenv("BACKCARE_NOW", given)
    now = wall_clock()
    assert now == expected
    assert now.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("given", [None, "", "   "])
def test_without_it_the_clock_is_now_in_the_persons_zone(
    tokyo: None, monkeypatch: pytest.MonkeyPatch, given: str | None
) -> None:
    if given is None:
        monkeypatch.delenv("BACKCARE_NOW", raising=False)
    else:
        monkeypatch.setenv("BACKCARE_NOW", given)
    before = datetime.now(UTC)
    now = wall_clock()
    assert before <= now <= datetime.now(UTC)
    assert now.utcoffset() == timedelta(hours=9)


def test_a_bad_value_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKCARE_NOW", " Monday 10am ")
    with pytest.raises(BackcareError) as bad:
        wall_clock()
    assert bad.value.title == "Bad BACKCARE_NOW"
    assert (
        bad.value.message
        == 'expected an ISO date and time like 2026-11-30T10:00, got "Monday 10am"'
    )
