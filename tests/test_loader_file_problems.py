"""What `backcare check` says about a file it cannot even read as TOML: the words, the line
and the column a person goes to."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcare_tui.core.errors import RoutineError
from backcare_tui.core.loader import MAX_FILE_BYTES, load_routine, parse_routine_bytes


def problems(call: object) -> list[tuple[str, str, int | None, int | None]]:
    with pytest.raises(RoutineError) as refused:
        call()  # type: ignore[operator]
    return [(p.path, p.message, p.line, p.column) for p in refused.value.problems]


@pytest.mark.parametrize(
    ("data", "message", "line", "column"),
    [
        (b'name = "x', "Unterminated string", 1, 10),
        (b"a = [1,\n2,\n", "Invalid value", 3, 1),
        (b'name="x"\n[[steps]\n', "Expected ']]' at the end of an array declaration", 2, 8),
        (b'name = "a"\n\n  x = "\xff"', "not UTF-8 text (byte 0xff); save the file as UTF-8", 3, 8),
        (b"\xfe", "not UTF-8 text (byte 0xfe); save the file as UTF-8", 1, 1),
        (b"\n  \xc3(", "not UTF-8 text (byte 0xc3); save the file as UTF-8", 2, 3),
    ],
)
def test_the_place_of_a_problem_in_the_text(
    data: bytes, message: str, line: int, column: int
) -> None:
    assert problems(lambda: parse_routine_bytes(data, "p.toml")) == [
        ("p.toml", message, line, column)
    ]


def test_files_over_a_mebibyte_are_refused_unread(tmp_path: Path) -> None:
    over = b"#" * (MAX_FILE_BYTES + 1)
    assert problems(lambda: parse_routine_bytes(over, "p.toml")) == [
        ("p.toml", "file is over 1 MiB; routine files may be at most 1 MiB", None, None)
    ]
    at_limit = problems(lambda: parse_routine_bytes(b"#" * MAX_FILE_BYTES, "p.toml"))
    assert "over 1 MiB" not in at_limit[0][1]  # read, then found wanting for other reasons
    big = tmp_path / "big.toml"
    with big.open("wb") as handle:  # sparse: only the length is written
        handle.truncate(MAX_FILE_BYTES * 3 // 2)
    assert problems(lambda: load_routine(big)) == [
        (str(big), "file is 1.5 MiB; routine files may be at most 1 MiB", None, None)
    ]
    exact = tmp_path / "exact.toml"
    exact.write_bytes(b"# c\n" * (MAX_FILE_BYTES // 4))  # 1 MiB: read, and has no name
    assert problems(lambda: load_routine(exact)) == [
        (str(exact), '"name" is required: a short text', None, None),
        (str(exact), 'no steps: add at least one [[steps]] table with a "name"', None, None),
    ]
    inside = tmp_path / "plain.txt"
    inside.write_text("x")
    assert problems(lambda: load_routine(inside / "r.toml")) == [
        (str(inside / "r.toml"), "cannot read file: Not a directory", None, None)
    ]
