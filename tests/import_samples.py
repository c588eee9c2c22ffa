"""Files in other tools' formats, written from each format's documented structure.

Nothing here is copied from those projects: the texts are ours, only the
shapes follow Workrave's exercises.xml, nafas's program JSON, OpenHIIT's
export and breathe-cli's log.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

WORKRAVE = """\
<?xml version="1.0" encoding="UTF-8"?>
<exercises>
  <exercise>
    <title>Shoulder circles</title>
    <title xml:lang="de">Schulterkreisen</title>
    <title xml:lang="nl">Schouders draaien</title>
    <description>Let your arms hang and draw
      slow circles with both shoulders.</description>
    <description xml:lang="de">Arme locker, beide Schultern langsam kreisen.</description>
    <description xml:lang="nl">Armen los, beide schouders langzaam draaien.</description>
    <sequence duration="24">
      <image src="circles-1.png" duration="3"/>
      <image src="circles-2.png" duration="3"/>
    </sequence>
  </exercise>
  <!-- A comment between exercises. -->
  <!--
  <exercise>
    <title>Commented out</title>
    <sequence duration="10"><image src="x.png" duration="5"/></sequence>
  </exercise>
  -->
  <exercise>
    <title>Side bend</title>
    <title xml:lang="de">Seitbeuge</title>
    <description>Reach over your head and lean to the side.</description>
    <sequence duration="40">
      <image src="bend.png" duration="10"/>
      <image src="bend.png" duration="10" mirrorx="yes"/>
    </sequence>
  </exercise>
  <exercise enabled="no">
    <title>Switched off</title>
    <sequence duration="10"><image src="off.png" duration="5"/></sequence>
  </exercise>
  <exercise>
    <title>Look into the distance</title>
    <description>Rest your eyes on something far away.</description>
  </exercise>
</exercises>
"""

NAFAS = {
    "name": "Evening calm",
    "unit": 2,
    "pre": 6,
    "cycle": 8,
    "ratio": {"inhale": 2, "exhale": 4, "retain": 1},
}
"""`sustain` left out on purpose: nafas reads a missing part as 0."""

OPENHIIT: list[dict[str, Any]] = [
    {
        "id": "7c1c4a4e-0000-4000-8000-000000000001",
        "name": "Desk intervals",
        "timerIndex": 0,
        "totalTime": 0,
        "intervals": 9,
        "activeIntervals": 5,
        "restarts": 1,
        "activities": ["Squats", "Lunge L", "Lunge R", "Side stretch left", "Side stretch right"],
        "showMinutes": 0,
        "color": 4280391411,
        "timeSettings": {
            "id": "t1",
            "timerId": "7c1c4a4e-0000-4000-8000-000000000001",
            "workTime": 20,
            "restTime": 10,
            "breakTime": 30,
            "warmupTime": 60,
            "cooldownTime": 45,
            "getReadyTime": 10,
        },
        "soundSettings": {"workSound": "short-whistle", "restSound": "short-rest-beep"},
    },
    {
        "id": "7c1c4a4e-0000-4000-8000-000000000002",
        "name": "Plank ladder",
        "activeIntervals": 3,
        "activities": ["Plank"],
        "timeSettings": json.dumps(
            {
                "workTime": 30,
                "restTime": 15,
                "breakTime": 0,
                "warmupTime": 0,
                "cooldownTime": 0,
                "getReadyTime": 5,
                "restarts": 0,
            }
        ),
    },
]
"""The second timer is in the older shape: timeSettings as a JSON string, restarts inside it."""

BREATHE_LOG = """\
date,time,preset,ratio,duration_target_s,duration_actual_s,breaths,completion_pct,status
2026-05-30,07:15:02,balanced,5-5,600,600,60,100,completed
2026-05-30,19:30:14,calm,4-6,900,420,42,46,ended early (user)
2026-05-31,08:00:00,balanced,5-5,600,240,24,40,completed
2026-05-31,21:10:40,calm,4-6,900,6,0,0,ended early (user)
"""
"""Completed; stopped (ended early); partial (reached the end with under half of the target
breathed, so backcare's rule makes it partial); and a stop too short to record."""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def write_samples(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "workrave": write(folder, "exercises.xml", WORKRAVE),
        "nafas": write(folder, "evening.json", json.dumps(NAFAS, indent=2)),
        "openhiit": write(folder, "openhiit-export.json", json.dumps(OPENHIIT, indent=2)),
        "breathe": write(folder, "breathe_log.csv", BREATHE_LOG),
    }
