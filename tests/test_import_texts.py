"""What an import gives a person, word for word: the routine file it writes, every guess it
says out loud, and each refusal's message.

The expected texts are in tests/data/imports/*.expected, next to the files they come from.
After a deliberate change, rewrite them with
`BACKCARE_REWRITE_IMPORT_TEXTS=1 .venv/bin/python -m pytest tests/test_import_texts.py`
and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, timedelta, timezone
from pathlib import Path

import pytest
from import_samples import BREATHE_LOG, write, write_samples

from backcare_tui.core.importers import Imported, ImportFailure, import_file
from backcare_tui.core.importers.breathe_log import (
    is_breathe_log,
    read_breathe_log,
    session_summary,
)
from backcare_tui.core.importers.files import free_path, write_new
from backcare_tui.core.importers.locale import preferred_languages
from backcare_tui.core.writer import dumps_routine

DATA = Path(__file__).parent / "data" / "imports"
REWRITE = os.environ.get("BACKCARE_REWRITE_IMPORT_TEXTS") == "1"


def outcome(path: Path, languages: list[str]) -> str:
    """Everything `backcare import` would report and write for the file, as one text."""
    try:
        results = import_file(path, languages)
    except ImportFailure as failure:
        return f"refused: {failure.title}: {failure.message}\n"
    parts = []
    for result in results:
        if isinstance(result, ImportFailure):
            parts.append(f"failed: {result.title}: {result.message}\n")
            continue
        notes = "".join(f"- {note}\n" for note in result.assumptions)
        parts.append(f"imported ({result.source})\n{notes}{dumps_routine(result.routine)}")
    return "\n".join(parts).replace(str(path.parent), "DIR")


def check(text: str, expected: Path) -> None:
    if REWRITE:
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "languages"),
    [
        ("nafas-box.json", []),
        ("nafas-unnamed.json", []),
        ("openhiit-edges.json", []),
        ("workrave-edges.xml", []),
        ("workrave-edges.xml", ["de"]),
        ("workrave-edges.xml", ["pt_br", "de"]),
        ("openhiit-single.json", []),
        ("workrave-edges.xml", ["en_us", "en"]),
    ],
)
def test_edge_files_import_word_for_word(name: str, languages: list[str]) -> None:
    expected = DATA / f"{name}{''.join('.' + lang for lang in languages)}.expected"
    check(outcome(DATA / name, languages), expected)


@pytest.mark.parametrize("sample", ["workrave", "nafas", "openhiit"])
def test_sample_files_import_word_for_word(tmp_path: Path, sample: str) -> None:
    path = write_samples(tmp_path)[sample]
    check(outcome(path, []), DATA / f"sample-{sample}.expected")


def sessions_text(data: bytes, tz: timezone | None) -> str:
    lines = []
    for session in read_breathe_log(data, "log.csv", tz):
        summary = session_summary(session)
        lines.append(
            f"line {session.line}: {session.started_at.isoformat()} {session.completion.value}\n"
            f"  {summary.routine_name} [{summary.routine_hash}] "
            f"{summary.started_at.isoformat()} to {summary.ended_at.isoformat()}, "
            f"{summary.actual_seconds:g} of {summary.planned_seconds:g} s, "
            f"steps {summary.steps_done}/{summary.steps_total}, "
            f"{summary.steps_skipped} skipped, finished {summary.finished}\n"
            f"  {summary.note}\n"
        )
    return "".join(lines)


@pytest.mark.parametrize(
    ("zone", "suffix"), [(timezone(timedelta(hours=2)), "plus2"), (UTC, "utc"), (None, "local")]
)
def test_a_breathe_log_becomes_history_rows_word_for_word(
    zone: timezone | None, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The history rows `backcare history --import` adds: a BOM, spaced header, CRLF, a blank
    line, no preset and a ratio that is no pattern are all read. Times are local (here
    India, +05:30) unless a zone is given, and stored in UTC."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    try:
        text = sessions_text((DATA / "breathe-log.csv").read_bytes(), zone)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    check(text, DATA / f"breathe-log.{suffix}.expected")


MIB = 1024 * 1024


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"",
            "not a format backcare can import; expected a Workrave exercises.xml, a nafas "
            'program (JSON with "ratio"), or an OpenHIIT export (a JSON list of timers with '
            '"timeSettings")',
        ),
        (b"\xff\xfe\x00garbage", "not a format backcare can import; expected a Workrave"),
        (b'{"name": "\xff", "ratio": {}}', "not UTF-8 text; JSON files are UTF-8"),
        pytest.param(b"[" * 100_000, "JSON nested too deeply to be a routine", id="deep"),
        (b'{"unit": 2, "cycle": 3}', "JSON, but not a format backcare can import; expected"),
        (b'[{"name": "x"}]', "JSON, but not a format backcare can import; expected"),
        (
            BREATHE_LOG.replace(",", ", ").encode(),
            "this is a breathe-cli session log, not a "
            "routine; add it to your history with `backcare history --import FILE`",
        ),
        (b"\xef\xbb\xbf" + BREATHE_LOG.encode(), "this is a breathe-cli session log"),
        (b"<exercises></exercises>", "no <exercise> to import (commented-out ones are skipped)"),
        (b'<exercises><exercise enabled="no"/></exercises>', "no <exercise> to import"),
        (b"<exercises><exercise>", "line 1, column 22: not well-formed XML (no element found)"),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]><x/>',
            "line 2, column 13: a "
            "DOCTYPE declaration is not allowed in an imported file (it could make the reader "
            "fetch other files or expand without end)",
        ),
    ],
)
def test_files_refused_whole_say_why(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "file.dat"
    path.write_bytes(content)
    with pytest.raises(ImportFailure) as refused:
        import_file(path, [])
    assert refused.value.title == "Cannot import"
    assert refused.value.message.startswith(f"{path}: {message}")


@pytest.mark.parametrize(
    ("program", "message"),
    [
        (
            {"ratio": {"inhale": 1}, "cycle": 3},
            'a nafas program needs "unit" (a number); it is missing',
        ),
        ({"unit": 0, "cycle": 3, "ratio": {}}, '"unit" must be a number above 0, got 0'),
        ({"unit": "inf", "cycle": 3, "ratio": {}}, "\"unit\" must be a number above 0, got 'inf'"),
        ({"unit": "nan", "cycle": 3, "ratio": {}}, "\"unit\" must be a number above 0, got 'nan'"),
        ({"unit": 2, "cycle": 0, "ratio": {}}, '"cycle" must be a number above 0, got 0'),
        (
            {"unit": 2, "cycle": 2.5, "ratio": {}},
            '"cycle" must be a whole number of breaths, got 2.5',
        ),
        (
            {"unit": 2, "cycle": 3, "pre": "soon", "ratio": {}},
            "\"pre\" must be a number of seconds, got 'soon'",
        ),
        (
            {"unit": 2, "cycle": 3, "ratio": "4-7-8"},
            '"ratio" must be a table like {"inhale": 4, "retain": 7, "exhale": 8}',
        ),
        ({"unit": 2, "cycle": 3, "ratio": [4, 7, 8]}, '"ratio" must be a table like'),
        (
            {"unit": 2, "cycle": 3, "ratio": {"inhale": "x"}},
            "ratio \"inhale\" must be a number of units, got 'x'",
        ),
        (
            {"unit": 0.5, "cycle": 3, "ratio": {"inhale": 3}},
            "ratio x unit gives inhale 1.5 s, "
            "retain 0 s, exhale 0 s, sustain 0 s; backcare cannot breathe that: exhale must be "
            "longer than 0 s",
        ),
    ],
)
def test_nafas_refusals_say_why(tmp_path: Path, program: object, message: str) -> None:
    path = write(tmp_path, "p.json", json.dumps(program))
    with pytest.raises(ImportFailure) as refused:
        import_file(path, [])
    assert refused.value.message.startswith(f"{path}: {message}")


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    def message(path: Path) -> str:
        with pytest.raises(ImportFailure) as refused:
            import_file(path, [])
        return refused.value.message

    assert message(tmp_path) == f"{tmp_path}: is a folder; give the file inside it"
    assert message(tmp_path / "gone.xml") == f"{tmp_path / 'gone.xml'}: no such file"
    inside = write(tmp_path, "plain.txt", "x") / "inside.xml"
    assert message(inside) == f"{inside}: cannot read it: Not a directory"
    big = tmp_path / "big.xml"
    with big.open("wb") as handle:  # sparse: nothing is written but the length
        handle.truncate(5_505_549)  # 5.2505 MiB
    assert message(big) == f"{big}: is 5.3 MiB; at most 5 MiB is read"
    exact = tmp_path / "exact.xml"
    exact.write_bytes(b" " * (5 * MIB))
    assert "not a format backcare can import" in message(exact)  # read, then not understood


def test_imported_files_take_a_free_name(tmp_path: Path) -> None:
    """`backcare import` never replaces a file: the second import of a name gets -2."""
    assert free_path(tmp_path, "Desk break") == tmp_path / "desk-break.toml"
    first = write_new(tmp_path, "Desk break", "one")
    assert free_path(tmp_path, "Desk break") == tmp_path / "desk-break-2.toml"
    second = write_new(tmp_path, "Desk break", "two")
    assert (first.name, second.name) == ("desk-break.toml", "desk-break-2.toml")
    assert (first.read_text(), second.read_text()) == ("one", "two")
    (tmp_path / "desk-break-3.toml").write_text("three")
    assert write_new(tmp_path, "Desk break", "four").name == "desk-break-4.toml"


@pytest.mark.parametrize(
    ("env", "languages"),
    [
        ({"LC_MESSAGES": "sr_RS@latin", "LANG": "de_DE.UTF-8"}, ["sr_rs", "sr"]),
        ({"LANGUAGE": "C:pt-BR"}, ["pt_br", "pt"]),
        ({"LC_ALL": "C.UTF-8", "LANG": "de_DE"}, []),
    ],
)
def test_languages_from_the_environment(env: dict[str, str], languages: list[str]) -> None:
    assert preferred_languages(env) == languages


def test_languages_default_to_this_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "nl_BE.UTF-8")
    assert preferred_languages() == ["nl_be", "nl"]


def test_imported_text_is_read_as_written(tmp_path: Path) -> None:
    """A file that starts with a byte-order mark and blank lines is still recognised."""
    path = tmp_path / "program.json"
    path.write_bytes(
        b"\xef\xbb\xbf\r\n\t" + json.dumps({"unit": 1, "cycle": 2, "ratio": [4, 0, 4, 0]}).encode()
    )
    (result,) = import_file(path, [])
    assert isinstance(result, Imported) and result.routine.name == "program"


@pytest.mark.parametrize(
    ("title", "text", "noted"),
    [("de", "", True), ("", "de", True), ("de", "de", False), ("", "", True)],
)
def test_workrave_says_when_a_text_is_not_in_the_persons_language(
    tmp_path: Path, title: str, text: str, noted: bool
) -> None:
    def tagged(tag: str, lang: str, words: str) -> str:
        return f'<{tag} xml:lang="{lang}">{words}</{tag}>' if lang else f"<{tag}>{words}</{tag}>"

    xml = (
        f"<exercises><exercise>{tagged('title', title, 'Titel')}"
        f"{tagged('description', text, 'Text')}</exercise></exercises>"
    )
    (result,) = import_file(write(tmp_path, "exercises.xml", xml), ["de"])
    assert isinstance(result, Imported)
    note = 'Some exercises have no "de" text: used their untagged text.'
    assert (note in result.assumptions) is noted


@pytest.mark.parametrize(
    ("data", "is_log"),
    [
        (BREATHE_LOG.encode(), True),
        (b"\xef\xbb\xbf" + BREATHE_LOG.encode(), True),
        (BREATHE_LOG.replace(",", ", ").encode(), True),
        (b"date,time\n", False),
        (b"\xff\xfedate", False),
    ],
)
def test_history_import_knows_a_breathe_log(data: bytes, is_log: bool) -> None:
    """`backcare history --import` reads the file as it is, byte-order mark and all."""
    assert is_breathe_log(data) is is_log


def test_a_breathe_log_that_is_not_text() -> None:
    with pytest.raises(ImportFailure) as refused:
        read_breathe_log(b"date,time\xff\n", "log.csv")
    assert refused.value.message == "log.csv: not UTF-8 text; expected breathe-cli's CSV log"


def test_when_every_free_name_is_taken(tmp_path: Path) -> None:
    """999 imports of one name: the next is refused with a reason, never written over."""
    for n in range(1, 999):
        (tmp_path / ("x.toml" if n == 1 else f"x-{n}.toml")).write_text("")
    assert free_path(tmp_path, "X") == tmp_path / "x-999.toml"
    assert write_new(tmp_path, "X", "last") == tmp_path / "x-999.toml"
    assert free_path(tmp_path, "X") == tmp_path / "x.toml"
    with pytest.raises(FileExistsError) as refused:
        write_new(tmp_path, "X", "new")
    assert str(refused.value) == f"{tmp_path / 'x'}.toml and 998 numbered names are taken"
    assert (tmp_path / "x.toml").read_text() == ""
