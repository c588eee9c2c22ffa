"""When to remind: fixed times and "every N minutes between two times", on chosen days.

A schedule is kept in the config as plain strings (`remind_at`, `remind_days`,
`remind_every`, `remind_between`) so a person can write it by hand; this module
parses them with messages that say what was expected, and answers the two
questions everything else asks: at which minutes of a day does it fire, and
when does it fire next.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from .errors import BackcareError

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ALL_DAYS = tuple(range(7))
MIN_EVERY_MINUTES = 5
"""Shorter than this is not a reminder but noise (and a crowd of timer lines)."""


class ScheduleError(BackcareError):
    def __init__(self, message: str) -> None:
        super().__init__("Bad reminder schedule", message)


@dataclass(frozen=True)
class Span:
    """From `start` to `end` on one clock; `end` before `start` wraps past midnight."""

    start: time
    end: time

    def contains(self, moment: time) -> bool:
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end

    def __str__(self) -> str:
        return f"{clock_text(self.start)}-{clock_text(self.end)}"


@dataclass(frozen=True)
class Schedule:
    times: tuple[time, ...] = ()
    """Fixed times of day."""
    days: tuple[int, ...] = ALL_DAYS
    """Weekdays it fires on, Monday 0 to Sunday 6, sorted."""
    every: int | None = None
    """Minutes between reminders inside `between`."""
    between: Span | None = None
    only_if_due: bool = False
    """Remind only when a session is due (see core/due.py)."""

    @property
    def empty(self) -> bool:
        return not self.minutes_of_day()

    def minutes_of_day(self) -> tuple[int, ...]:
        """Every firing minute of a firing day (minutes since midnight), sorted."""
        minutes = {t.hour * 60 + t.minute for t in self.times}
        if self.every is not None and self.between is not None:
            start = self.between.start.hour * 60 + self.between.start.minute
            end = self.between.end.hour * 60 + self.between.end.minute
            if end <= start:
                end += 24 * 60
            minutes.update(m % (24 * 60) for m in range(start, end + 1, self.every))
        return tuple(sorted(minutes))

    def firings(self, after: datetime) -> Iterator[datetime]:
        """Firing moments strictly after `after`, in its time zone, in order (endless)."""
        minutes = self.minutes_of_day()
        if not minutes or not self.days:
            return
        day = after.replace(hour=0, minute=0, second=0, microsecond=0)
        while True:
            if day.weekday() in self.days:
                for minute in minutes:
                    moment = day + timedelta(minutes=minute)
                    if moment > after:
                        yield moment
            day += timedelta(days=1)

    def next_firing(self, after: datetime) -> datetime | None:
        return next(iter(self.firings(after)), None)

    def describe(self) -> str:
        """One line: "mon-fri at 12:30, 16:00; every 50 min 09:00-17:30; only when due"."""
        parts = []
        if self.times:
            parts.append("at " + ", ".join(clock_text(t) for t in self.times))
        if self.every is not None and self.between is not None:
            parts.append(f"every {self.every} min {self.between}")
        if not parts:
            return "no reminders"
        text = f"{days_text(self.days)} " + "; ".join(parts)
        return text + ("; only when a session is due" if self.only_if_due else "")


_CLOCK = re.compile(r"^(\d{1,2})(?::(\d{2}))?$")


def parse_clock(text: str, what: str = "time") -> time:
    """ "9:05", "09:05", "17" -> a time of day."""
    match = _CLOCK.match(text.strip())
    if match is not None:
        hour, minute = int(match[1]), int(match[2] or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise ScheduleError(f'{what} must be HH:MM on a 24-hour clock, like 12:30; got "{text}"')


def parse_times(texts: Iterable[str]) -> tuple[time, ...]:
    times: set[time] = set()
    for text in texts:
        for part in text.split(","):
            if part.strip():
                times.add(parse_clock(part))
    return tuple(sorted(times))


def parse_span(text: str, what: str = "between") -> Span:
    """ "09:00-17:30" -> Span; the end may be earlier than the start (past midnight)."""
    pieces = text.replace("–", "-").split("-")
    if len(pieces) != 2:
        raise ScheduleError(f'{what} must be two times like 09:00-17:30; got "{text}"')
    start, end = (parse_clock(piece, what) for piece in pieces)
    if start == end:
        raise ScheduleError(f'{what} must start and end at different times; got "{text}"')
    return Span(start, end)


_EVERY = re.compile(r"^(?:(\d+)\s*h)?\s*(?:(\d+)\s*(?:m|min)?)?$")


def parse_every(text: str) -> int:
    """ "50m", "50", "1h", "1h30m", "90min" -> minutes."""
    match = _EVERY.match(text.strip().lower())
    if match is not None and (match[1] or match[2]):
        minutes = int(match[1] or 0) * 60 + int(match[2] or 0)
        if MIN_EVERY_MINUTES <= minutes <= 24 * 60:
            return minutes
        raise ScheduleError(
            f"every must be from {MIN_EVERY_MINUTES} minutes to 24 hours; got {minutes} min"
        )
    raise ScheduleError(f'every must be minutes or hours like 50m, 90m or 1h30m; got "{text}"')


_DAY_WORDS = {
    "daily": ALL_DAYS,
    "every day": ALL_DAYS,
    "weekdays": (0, 1, 2, 3, 4),
    "weekends": (5, 6),
}


def parse_days(text: str) -> tuple[int, ...]:
    """ "mon-fri", "mon,wed,fri", "sat-sun", "weekdays", "daily" -> sorted weekdays."""
    key = text.strip().lower()
    if key in _DAY_WORDS:
        return _DAY_WORDS[key]
    days: set[int] = set()
    for part in key.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part or ".." in part:
            first, _, last = part.replace("..", "-").partition("-")
            a, b = _day(first, text), _day(last, text)
            span = range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)]
            days.update(span)
        else:
            days.add(_day(part, text))
    if not days:
        raise ScheduleError(f'days must name at least one day, like mon-fri; got "{text}"')
    return tuple(sorted(days))


_FULL_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _day(word: str, text: str) -> int:
    """ "mon", "thurs", "friday", "fridays" -> the weekday; anything else ("monkey", or
    "wed-fri" left over from "mon-wed-fri") is refused rather than read as its first letters."""
    key = word.strip()
    for index, name in enumerate(_FULL_DAY_NAMES):
        if len(key) >= 3 and (name.startswith(key) or key == name + "s"):
            return index
    raise ScheduleError(
        f'days must be day names like mon-fri or mon,wed,fri (or weekdays, daily); got "{text}"'
    )


def days_text(days: Iterable[int]) -> str:
    """The shortest way to write the days back: "mon-fri", "mon,wed,fri", "daily"."""
    chosen = sorted(set(days))
    if chosen == list(ALL_DAYS):
        return "daily"
    runs: list[list[int]] = []
    for day in chosen:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return ",".join(
        DAY_NAMES[run[0]] if len(run) == 1 else f"{DAY_NAMES[run[0]]}-{DAY_NAMES[run[-1]]}"
        for run in runs
    )


def clock_text(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def schedule_value(key: str, value: object) -> object:
    """A reminder setting from the config as stored, or None when it does not parse."""
    try:
        if key == "remind_at":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return None
            return tuple(clock_text(t) for t in parse_times(value))
        if not isinstance(value, str):
            return None
        text = value.strip()
        if key == "remind_days":
            return days_text(parse_days(text))
        if not text:
            return ""
        if key == "remind_every":
            parse_every(text)
            return text
        parse_span(text, key)
        return text
    except ScheduleError:
        return None


def build_schedule(
    *,
    at: Iterable[str] = (),
    days: str = "daily",
    every: str = "",
    between: str = "",
    only_if_due: bool = False,
) -> Schedule:
    """A schedule from the strings a person typed or the config holds."""
    span = parse_span(between) if between.strip() else None
    minutes = parse_every(every) if every.strip() else None
    if (minutes is None) != (span is None):
        raise ScheduleError("every and between go together: --every 50m --between 09:00-17:30")
    return Schedule(
        times=parse_times(at),
        days=parse_days(days),
        every=minutes,
        between=span,
        only_if_due=only_if_due,
    )
