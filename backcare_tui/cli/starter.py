"""The commented starter routine that `backcare new` writes."""

from __future__ import annotations

import tomli_w

STARTER = """\
# A backcare routine. `backcare help format` prints the full reference;
# `backcare check THIS_FILE` tells you about any mistake, with the line.
format = 1
{name_line}
description = "What this routine is for, in a sentence or two."
tags = ["custom"]
equipment = []
# Seconds to get ready before the first step.
prepare = 5
# Rest inserted between steps (not after the last one).
rest_between = 10

# A timed exercise: work for `duration` seconds ("45s", "2m", "1m30s" work too).
[[steps]]
name = "Arm circles"
instructions = "Stand tall, arms out to the sides. Draw small circles, then bigger ones."
cues = ["Keep the shoulders down", "Stop if you feel sharp pain"]
duration = 45

# A held exercise: hold for `hold` seconds, `reps` times, with `rest` between.
# `sets` and `set_rest` repeat it; `sides = "both"` does the left, then the right.
[[steps]]
name = "Shoulder blade squeeze"
instructions = "Sit tall. Draw the shoulder blades back and together, hold, release."
cues = ["Chin tucked", "Breathe normally"]
hold = 5
reps = 8
rest = 3

# A rest step: only `rest`.
[[steps]]
name = "Shake it out"
rest = 15

# Paced breathing: a preset (diaphragmatic, box, 4-7-8, coherent, extended-exhale)
# or a pattern like "4-7-8"; `cycles` or `minutes`.
[[steps]]
name = "Belly breathing"
instructions = "One hand on the belly. Let it rise as you breathe in, fall as you breathe out."
breathing = "diaphragmatic"
minutes = 1
"""


def starter_text(name: str) -> str:
    name_line = tomli_w.dumps({"name": name}).strip()
    return STARTER.format(name_line=name_line)
