"""`make screenshots` reproduces the README's pictures."""

from __future__ import annotations

from pathlib import Path

import pytest

COMMITTED = Path(__file__).parent.parent / "screenshots"


@pytest.mark.slow
def test_the_script_writes_the_readme_pictures(tmp_path: Path) -> None:
    """The script's output is byte for byte the committed screenshots/ the README shows;
    when a screen changes on purpose, `make screenshots` and commit the pictures."""
    # tools/ is beside the package, not in it; imported here so collecting this file needs
    # only the package (mutmut copies tests/ without tools/).
    from tools import screenshots

    out = tmp_path / "shots"
    assert screenshots.main([str(out)]) == 0
    written = sorted(p.name for p in out.glob("*.svg"))
    assert written == sorted(f"{shot.name}.svg" for shot in screenshots.SHOTS)
    assert written == sorted(p.name for p in COMMITTED.glob("*.svg"))
    stale = [
        name for name in written if (out / name).read_bytes() != (COMMITTED / name).read_bytes()
    ]
    assert stale == [], "screenshots/ is out of date: run `make screenshots`"
