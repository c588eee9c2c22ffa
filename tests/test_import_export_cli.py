"""`backcare import`, `export` and `show --json` through the real console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from import_samples import write, write_samples

from backcare_tui.cli.main import main
from backcare_tui.core.paths import builtin_routines_dir

BACKCARE = Path(sys.executable).parent / "backcare"
DEFAULT_PREPARE = 5.0
"""What docs/export-json.md says a reader uses when prepare_seconds is null."""


def backcare(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BACKCARE), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        timeout=60,
    )


@pytest.fixture
def samples(tmp_path: Path) -> dict[str, Path]:
    return write_samples(tmp_path / "from-other-tools")


@pytest.mark.script
def test_import_writes_routines_that_pass_check(
    samples: dict[str, Path], user_routines: Path
) -> None:
    done = backcare(
        "import",
        str(samples["workrave"]),
        str(samples["nafas"]),
        str(samples["openhiit"]),
        env={"LANG": "de_DE.UTF-8"},
    )
    assert done.returncode == 0, done.stderr
    written = sorted(p.name for p in user_routines.glob("*.toml"))
    assert written == [
        "desk-intervals.toml",
        "evening-calm.toml",
        "plank-ladder.toml",
        "workrave-exercises.toml",
    ]
    for name in written:
        assert f"Made ~/config/backcare/routines/{name}:" in done.stdout
    assert "Workrave gives no rest between exercises: used 5 s." in done.stdout
    assert 'No "sustain" in the ratio: 0, as nafas reads it.' in done.stdout
    assert "Made 4 routines from 3 files." in done.stderr
    workrave = tomllib.loads((user_routines / "workrave-exercises.toml").read_text())
    assert workrave["steps"][0]["name"] == "Schulterkreisen"
    assert workrave["steps"][1]["sides"] == "both"
    check = backcare("check", str(user_routines))
    assert check.returncode == 0, check.stdout
    assert "4 of 4 files OK" in check.stderr


@pytest.mark.script
def test_import_never_overwrites_and_says_so(samples: dict[str, Path], user_routines: Path) -> None:
    mine = write(user_routines, "evening-calm.toml", 'name = "Mine"\n[[steps]]\nname="a"\nrest=5\n')
    before = mine.read_bytes()
    first = backcare("import", str(samples["nafas"]))
    second = backcare("import", str(samples["nafas"]))
    assert first.returncode == second.returncode == 0
    assert mine.read_bytes() == before
    assert (user_routines / "evening-calm-2.toml").exists()
    assert (user_routines / "evening-calm-3.toml").exists()
    assert "evening-calm.toml already exists" in first.stdout
    assert "named it evening-calm-3.toml" in second.stdout


@pytest.mark.script
def test_dry_run_prints_the_toml_and_writes_nothing(
    samples: dict[str, Path], user_routines: Path
) -> None:
    done = backcare("import", "--dry-run", str(samples["openhiit"]))
    assert done.returncode == 0, done.stderr
    assert list(user_routines.iterdir()) == []
    documents = done.stdout.split("# --- ")[1:]
    assert [tomllib.loads(d.split("\n", 1)[1])["name"] for d in documents] == [
        "Desk intervals",
        "Plank ladder",
    ]
    assert "# - " in documents[0]  # the assumptions travel with the file as comments
    assert "Would make 2 routines from 1 file." in done.stderr


@pytest.mark.script
def test_a_bad_file_fails_alone_with_exit_1(samples: dict[str, Path], tmp_path: Path) -> None:
    bad = write(tmp_path, "notes.txt", "buy milk\n")
    into = tmp_path / "shared"
    done = backcare("import", "--into", str(into), str(bad), str(samples["nafas"]))
    assert done.returncode == 1
    assert f"backcare import: {bad}: not a format backcare can import; expected" in done.stderr
    assert "Made 1 routine from 2 files; 1 file failed." in done.stderr
    assert [p.name for p in into.iterdir()] == ["evening-calm.toml"]


@pytest.mark.script
def test_a_breathe_log_given_to_import_points_to_history(samples: dict[str, Path]) -> None:
    done = backcare("import", str(samples["breathe"]))
    assert done.returncode == 1
    assert "backcare history --import FILE" in done.stderr


def expand_step(step: dict[str, Any]) -> list[tuple[str, float]]:
    """A step's phases, read from the export's documented fields alone."""
    shape = step["shape"]
    if shape == "timed":
        phases = [("work", step["duration_seconds"])]
    elif shape == "rest":
        phases = [("rest", step["rest_seconds"])]
    elif shape == "breathing":
        p = step["pattern"]
        one = [
            ("inhale", p["inhale_seconds"]),
            ("hold-in", p["hold_seconds"]),
            ("exhale", p["exhale_seconds"]),
            ("hold-out", p["hold_out_seconds"]),
        ]
        phases = one * step["cycles"]
    else:
        sides = {"both": 2}.get(step["sides"], 1)
        phases = []
        for set_no in range(step["sets"]):
            for side in range(sides):
                if side:
                    phases.append(("switch", step["switch_seconds"]))
                for rep in range(step["reps"]):
                    phases.append(("hold", step["hold_seconds"]))
                    if rep < step["reps"] - 1:
                        phases.append(("rest", step["rest_seconds"]))
            if set_no < step["sets"] - 1:
                phases.append(("rest", step["set_rest_seconds"]))
    return [(kind, float(seconds)) for kind, seconds in phases if seconds > 0]


def plan_from_export(routine: dict[str, Any]) -> dict[str, Any]:
    """What another tool would compute from `export --format json`, following the docs."""
    assert routine["backcare_export"] == 1 and routine["kind"] == "routine"
    prepare = routine["prepare_seconds"]
    prepare = DEFAULT_PREPARE if prepare is None else prepare
    played = [
        (step["name"], expand_step(step))
        for _ in range(routine["rounds"])
        for step in routine["steps"]
        if expand_step(step)
    ]
    steps = []
    for index, (name, phases) in enumerate(played):
        if index == 0 and prepare > 0:
            phases = [("prepare", float(prepare)), *phases]
        if index < len(played) - 1 and routine["rest_between_seconds"] > 0:
            phases = [*phases, ("rest", float(routine["rest_between_seconds"]))]
        steps.append((name, phases))
    total = sum(seconds for _, phases in steps for _, seconds in phases)
    return {"steps": steps, "total": total}


def plan_from_show(plan: dict[str, Any]) -> dict[str, Any]:
    assert plan["backcare_export"] == 1 and plan["kind"] == "plan"
    steps = [(s["name"], [(p["kind"], p["seconds"]) for p in s["phases"]]) for s in plan["steps"]]
    assert plan["phase_count"] == sum(len(phases) for _, phases in steps)
    return {"steps": steps, "total": plan["total_seconds"]}


@pytest.mark.script
def test_export_json_gives_the_plan_show_json_prints_for_imported_routines(
    samples: dict[str, Path], user_routines: Path
) -> None:
    imported = backcare("import", *(str(samples[k]) for k in ("workrave", "nafas", "openhiit")))
    assert imported.returncode == 0, imported.stderr
    for path in sorted(user_routines.glob("*.toml")):
        exported = backcare("export", path.stem, "--format", "json")
        shown = backcare("show", "--json", str(path))
        assert exported.returncode == shown.returncode == 0, exported.stderr + shown.stderr
        expected = plan_from_show(json.loads(shown.stdout))
        assert plan_from_export(json.loads(exported.stdout)) == expected, path.name
        assert expected["total"] > 0


@pytest.mark.parametrize(
    "path", sorted(builtin_routines_dir().glob("*.toml")), ids=lambda p: p.stem
)
def test_export_json_gives_the_plan_show_json_prints_for_builtins(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", path.stem, "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert main(["show", path.stem, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert plan_from_export(exported) == plan_from_show(shown)


@pytest.mark.script
def test_export_toml_is_the_file_as_written_and_markdown_is_a_sheet() -> None:
    toml = backcare("export", "desk-break")
    assert toml.returncode == 0
    assert toml.stdout == (builtin_routines_dir() / "desk-break.toml").read_text()
    sheet = backcare("export", "desk-break", "--format", "markdown")
    assert sheet.returncode == 0
    text = sheet.stdout
    assert text.startswith("# Desk break\n")
    assert "| 4 | Seated torso twist | hold 15s | 1 rep per side | left and right |" in text
    assert "- **Keep in mind:**" in text and "not medical advice" in text


@pytest.mark.script
def test_markdown_keeps_untrusted_text_literal(user_routines: Path) -> None:
    write(
        user_routines,
        "odd.toml",
        'name = "Odd | <b>*x*</b>"\n[[steps]]\nname = "[link](http://x) #1"\nduration = 5\n'
        'cues = ["`code` _under_"]\n',
    )
    done = backcare("export", "odd", "--format", "markdown")
    assert done.returncode == 0, done.stderr
    assert "# Odd \\| \\<b\\>\\*x\\*\\</b\\>" in done.stdout
    assert "\\[link\\](http://x) \\#1" in done.stdout
    assert "\\`code\\` \\_under\\_" in done.stdout


@pytest.mark.script
def test_export_of_a_missing_routine_says_so() -> None:
    done = backcare("export", "nope")
    assert done.returncode == 2  # an unknown routine is a usage error, as for show and run
    assert "no routine by that name" in done.stderr


SCHEMA = json.loads((Path(__file__).parent.parent / "docs" / "export.schema.json").read_text())
JSON_TYPES: dict[str, type | tuple[type, ...]] = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "null": type(None),
}


def schema_errors(value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    """The parts of JSON Schema that docs/export.schema.json uses, enough to catch drift."""
    if "$ref" in schema:
        schema = {**SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[1]], **schema}
        schema.pop("$ref")
    if "oneOf" in schema:
        passing = [s for s in schema["oneOf"] if not schema_errors(value, s, where)]
        return [] if len(passing) == 1 else [f"{where}: matches {len(passing)} of oneOf"]
    errors: list[str] = []
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        ok = any(
            isinstance(value, JSON_TYPES[t]) and not (t != "null" and isinstance(value, bool))
            for t in types
        )
        if not ok:
            return [f"{where}: {value!r} is not {types}"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: {value!r} != {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not in {schema['enum']}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{where}: {value} < {schema['minimum']}")
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            errors.append(f"{where}: {value} <= {schema['exclusiveMinimum']}")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        errors += [f"{where}: missing {k}" for k in schema.get("required", []) if k not in value]
        for key, item in value.items():
            if key in properties:
                errors += schema_errors(item, properties[key], f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{where}: unexpected key {key}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{where}: fewer than {schema['minItems']} items")
        for index, item in enumerate(value):
            errors += schema_errors(item, schema.get("items", {}), f"{where}[{index}]")
    return errors


@pytest.mark.parametrize(
    "path", sorted(builtin_routines_dir().glob("*.toml")), ids=lambda p: p.stem
)
def test_both_json_shapes_follow_the_documented_schema(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (["export", path.stem, "--format", "json"], ["show", path.stem, "--json"]):
        assert main(argv) == 0
        document = json.loads(capsys.readouterr().out)
        assert schema_errors(document, SCHEMA) == []


def test_the_schema_check_catches_drift() -> None:
    plan = {
        "backcare_export": 1,
        "kind": "plan",
        "name": "x",
        "path": None,
        "total_seconds": 1,
        "phase_count": 0,
        "steps": [],
        "extra": 1,
    }
    assert schema_errors(plan, SCHEMA) == ["$: matches 0 of oneOf"]


def test_progress_and_timed_cues_travel_in_json_and_on_the_sheet(
    user_routines: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        user_routines,
        "growing.toml",
        'name = "Growing"\n[[steps]]\nname = "Plank"\nhold = 20\n'
        'progress = { hold = "+5s", hold_max = "45s", every = 3 }\n'
        'cues = ["Brace", { at = "50%", text = "Halfway" }]\n',
    )
    assert main(["export", "growing", "--format", "json"]) == 0
    (step,) = json.loads(capsys.readouterr().out)["steps"]
    assert step["progress"] == {
        "every": 3,
        "increases": [{"key": "hold", "by": 5.0, "maximum": 45.0}],
    }
    assert step["cue_at"] == [None, "50%"]
    assert (
        schema_errors(
            {
                "backcare_export": 1,
                "kind": "routine",
                "format": 1,
                "name": "G",
                "description": "",
                "tags": [],
                "equipment": [],
                "prepare_seconds": None,
                "rest_between_seconds": 0,
                "rounds": 1,
                "sound": None,
                "steps": [step],
            },
            SCHEMA,
        )
        == []
    )
    assert main(["export", "growing", "--format", "markdown"]) == 0
    sheet = capsys.readouterr().out
    assert "- **As it gets easy:** hold +5s (up to 45s) every 3 completed sessions." in sheet


@pytest.mark.parametrize("command", ["import", "export"])
def test_new_commands_have_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    assert f"usage: backcare {command}" in capsys.readouterr().out
