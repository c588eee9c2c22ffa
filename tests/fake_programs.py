"""Stand-ins for the system's schedulers, at the process boundary: programs on PATH
that log what they were asked and keep what a real one would keep, in files."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

SYSTEMCTL = """
import os, sys
args = sys.argv[1:]
with open(os.environ["FAKE_LOG"], "a") as log:
    log.write("systemctl " + " ".join(args) + "\\n")
if args[:2] == ["--user", "show-environment"]:
    if os.environ.get("FAKE_SYSTEMD_USER") != "1":
        print("Failed to connect to bus: No medium found", file=sys.stderr)
        sys.exit(1)
    print("HOME=" + os.environ["HOME"])
elif args[:2] == ["--user", "enable"] and os.environ.get("FAKE_FAIL_ENABLE") == "1":
    print("Failed to enable unit: Access denied", file=sys.stderr)
    sys.exit(1)
elif args[:2] == ["--user", "list-timers"]:
    print("Mon 2026-11-30 12:30:00 UTC 1 day 15h left - - backcare-remind.timer "
          "backcare-remind.service")
"""

CRONTAB = """
import os, sys
args = sys.argv[1:]
table = os.environ["FAKE_CRONTAB"]
with open(os.environ["FAKE_LOG"], "a") as log:
    log.write("crontab " + " ".join(args) + "\\n")
if args == ["-l"]:
    if not os.path.exists(table):
        print("no crontab for " + os.environ.get("USER", "you"), file=sys.stderr)
        sys.exit(1)
    sys.stdout.write(open(table).read())
elif args == ["-"]:
    open(table, "w").write(sys.stdin.read())
else:
    sys.exit(2)
"""


def install_fakes(folder: Path) -> Path:
    """Write `systemctl` and `crontab` into `folder`; return it (to put first on PATH)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in (("systemctl", SYSTEMCTL), ("crontab", CRONTAB)):
        path = folder / name
        path.write_text(f"#!{sys.executable}\n{body}", encoding="utf-8")
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return folder


def fake_env(folder: Path, *, systemd_user: bool) -> dict[str, str]:
    install_fakes(folder / "bin")
    return {
        **os.environ,
        "PATH": f"{folder / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "FAKE_LOG": str(folder / "calls.log"),
        "FAKE_CRONTAB": str(folder / "crontab"),
        "FAKE_SYSTEMD_USER": "1" if systemd_user else "0",
    }
