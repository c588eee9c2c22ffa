"""breathe-cli's session log (~/.breathe_log.csv): breathing sessions for the history."""

from __future__ import annotations

HEADER = "date,time,preset,ratio,duration_target_s,duration_actual_s,breaths,completion_pct,status"


def is_breathe_log(data: bytes) -> bool:
    first = data.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].strip().decode("utf-8", "replace")
    return first.replace(" ", "").lower().startswith("date,time,preset,ratio,")
